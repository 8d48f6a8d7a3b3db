# Trap: an integer tensor cannot require a gradient.

# --8<-- [start:integer]
import torch

try:
    print(torch.tensor([1, 2, 3], requires_grad=True))
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
# --8<-- [end:integer]

# --8<-- [start:requires_grad_ignored]
print(torch.tensor([1, 2, 3]))
# --8<-- [end:requires_grad_ignored]

# --8<-- [start:converted]
print(torch.tensor([1.0, 2.0, 3.0], requires_grad=True))
# --8<-- [end:converted]

# --8<-- [start:floating]
whole, decimal = [1, 2, 3], [1.0, 2.0, 3.0]
print(f"torch.tensor({whole}):        ", torch.tensor(whole).dtype)
counts = torch.tensor(decimal, requires_grad=True)
print(f"torch.tensor({decimal}):  ", counts.dtype, counts.requires_grad)
as_float = torch.tensor(whole).float().requires_grad_()
print(f"torch.tensor({whole}).float():", as_float.dtype, as_float.requires_grad)
# --8<-- [end:floating]
