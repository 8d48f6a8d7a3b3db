# Exercise 2: the number type of a result.

# --8<-- [start:question]
import torch

whole = torch.tensor([1, 2, 3])
halves = whole / 2
doubles = whole * 2
mixed = torch.tensor([1.0, 2.0]) + torch.tensor([1.0, 2.0], dtype=torch.float64)
# --8<-- [end:question]

# --8<-- [start:solution]
for name, t in {"halves": halves, "doubles": doubles, "mixed": mixed}.items():
    print(f"{name}: {t} -> {t.dtype}")
# --8<-- [end:solution]
