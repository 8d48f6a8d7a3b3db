# Tensors: a number, a vector and a matrix, their shapes, and .item().

# --8<-- [start:make]
import torch

number = torch.tensor(2.5)
vector = torch.tensor([1.0, 2.0, 3.0])
matrix = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])  # two rows of three

print(number)
print(vector)
print(matrix)
# --8<-- [end:make]

# --8<-- [start:shape]
for name, t in {"number": number, "vector": vector, "matrix": matrix}.items():
    print(f"{name}: dim() = {t.dim()}, shape = {t.shape}")
# --8<-- [end:shape]

# --8<-- [start:item]
total = vector.sum()  # a tensor holding one number
print("total:", total)
print("total.item():", total.item(), "of type", type(total.item()).__name__)
print("matrix[1, 2].item():", matrix[1, 2].item())  # row 1, column 2, counting from 0

try:
    vector.item()  # three numbers cannot become one
except RuntimeError as error:
    print("vector.item() fails:", error)
# --8<-- [end:item]
