# Tensors: a number, a vector and a matrix, their shapes; indexing, unpacking and .item().

# --8<-- [start:make]
import torch

number = torch.tensor(2.5)
vector = torch.tensor([1.0, 2.0, 3.0])
matrix = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])  # two rows of three

for t in [number, vector, matrix]:
    print(t)
    print(f"    dim() = {t.dim()}, shape = {t.shape}")
# --8<-- [end:make]

# --8<-- [start:item]
first, second = vector[0], vector[1]  # positions count from 0
print("vector[0]:", first, " vector[1]:", second)
print("matrix[1]:", matrix[1])  # a whole row: the second
print("matrix[1, 2]:", matrix[1, 2])  # second row, third column

a, b, c = vector  # unpacking: one name for each number, in order
print("a, b, c:", a, b, c)
top, bottom = matrix  # a matrix unpacks along its first direction: into its rows
print("top, bottom:", top, bottom)


def volume(width, height, depth):
    return width * height * depth


print("volume(*vector):", volume(*vector))  # * spreads the numbers over the arguments

total = vector.sum()
print("total.item():", total.item(), "of type", type(total.item()).__name__)
try:
    vector.item()  # three numbers cannot become one
except RuntimeError as error:
    print(f"vector.item() raises {type(error).__name__}: {error}")
# --8<-- [end:item]
