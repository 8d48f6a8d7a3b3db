# Exercise 2: the number type of a result.

# --8<-- [start:question]
import torch

whole = torch.tensor([1, 2, 3])
halves = whole / 2
doubles = whole * 2
mixed = torch.tensor([1.0, 2.0]) + torch.tensor([1.0, 2.0], dtype=torch.float64)
# --8<-- [end:question]

# --8<-- [start:solution]
# A float64 tensor with no dimensions, like a Python float, does not change a float32 vector's type:
single = torch.tensor([1.0, 2.0]) + torch.tensor(1.0, dtype=torch.float64)
scalar = torch.tensor([1.0, 2.0]) + 1.0  # a Python float is a float64 too
named = {"halves": halves, "doubles": doubles, "mixed": mixed, "single": single, "scalar": scalar}
for name, t in named.items():
    print(f"{name}: {t} -> {t.dtype}")
# --8<-- [end:solution]
