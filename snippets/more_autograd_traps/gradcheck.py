# Trap: torch.autograd.gradcheck compares autograd with finite differences, and needs float64.

# --8<-- [start:float64]
import warnings

import torch


def g(t):
    return (t * t * t).sum()  # the derivative of t³ is 3t²


points = [0.5, 1.0, 2.0]
x64 = torch.tensor(points, dtype=torch.float64, requires_grad=True)
print("float64:", torch.autograd.gradcheck(g, (x64,)))
# --8<-- [end:float64]

# --8<-- [start:float32]
x32 = torch.tensor(points, dtype=torch.float32, requires_grad=True)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    try:
        print("float32:", torch.autograd.gradcheck(g, (x32,)))
    except RuntimeError as error:
        print(f"{type(error).__name__}: {str(error).strip()}")
print(f"{caught[0].category.__name__}: {str(caught[0].message).strip()}")
# --8<-- [end:float32]

# --8<-- [start:why]
eps = 1e-6  # the step gradcheck uses by default
exact = 3.0  # 3t² at t = 1
print("dtype    gap above 1   (1 + eps) - (1 - eps)   quotient   exact")
table = []
for dtype in (torch.float32, torch.float64):
    t = torch.tensor(1.0, dtype=dtype)
    gap = torch.finfo(dtype).eps  # the distance from 1 to the next float up
    moved = ((t + eps) - (t - eps)).item()  # 2 * eps, after rounding 1 ± eps
    quotient = ((g(t + eps) - g(t - eps)) / (2 * eps)).item()
    table.append((gap, moved, quotient))
    name = str(dtype).removeprefix("torch.")
    print(f"{name:8} {gap:.2e}      {moved:.10e}        {quotient:.6f}   {exact:.6f}")
# --8<-- [end:why]
