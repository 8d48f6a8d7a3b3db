# Trap: an integer tensor cannot require a gradient.

# --8<-- [start:integer]
import torch

try:
    counts = torch.tensor([1, 2, 3], requires_grad=True)  # no decimal point: int64
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
# --8<-- [end:integer]

# --8<-- [start:floating]
counts = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
print("dtype:", counts.dtype, " requires_grad:", counts.requires_grad)
# --8<-- [end:floating]
