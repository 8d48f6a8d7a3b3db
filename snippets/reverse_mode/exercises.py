# Exercise 1: the whole Jacobian of a linear model's B predictions with respect to its n weights.
# Exercise 2: one forward-mode pass along the direction of all ones.

# --8<-- [start:passes_setup]
import warnings

import torch
from torch.func import jvp, vjp

with warnings.catch_warnings(action="ignore", category=DeprecationWarning):
    jvp(torch.sin, (torch.zeros(()),), (torch.ones(()),))  # torch warns about its own code on the first jvp

B, n = 6, 4
generator = torch.Generator().manual_seed(1)
X = torch.randn(B, n, generator=generator, dtype=torch.float64)
w = torch.randn(n, generator=generator, dtype=torch.float64)


def predictions(w):  # one prediction per example: B outputs of n inputs
    return X @ w


# --8<-- [end:passes_setup]

# --8<-- [start:passes_solution]
forward_passes = 0
columns = []
for d in torch.eye(n, dtype=torch.float64):  # one direction per weight
    columns.append(jvp(predictions, (w,), (d,))[1])
    forward_passes += 1

value, vjp_fn = vjp(predictions, w)
backward_passes = 0
rows = []
for v in torch.eye(B, dtype=torch.float64):  # one v per prediction
    rows.append(vjp_fn(v)[0])
    backward_passes += 1

J_forward, J_reverse = torch.stack(columns, dim=1), torch.stack(rows)
print("forward mode:", forward_passes, "passes;  reverse mode:", backward_passes, "backward passes")
print("J has shape", tuple(J_forward.shape), "and equals X:", torch.equal(J_forward, X))
torch.testing.assert_close(J_reverse, J_forward)
# --8<-- [end:passes_solution]


# --8<-- [start:tangent_setup]
def f(w):
    return (w**2).sum()


w = torch.tensor([1.0, 2.0, 3.0])
ones = torch.ones(3)
# --8<-- [end:tangent_setup]

# --8<-- [start:slope]
value, slope = jvp(f, (w,), (ones,))
print(slope)
# --8<-- [end:slope]

# --8<-- [start:gradient]
print(vjp(f, w)[1](torch.tensor(1.0))[0])
# --8<-- [end:gradient]

# --8<-- [start:value]
print(jvp(f, (w,), (ones,))[0])
# --8<-- [end:value]

# --8<-- [start:by_hand]
partials = [2 * wi for wi in w.tolist()]  # ∂f/∂w_i = 2 w_i
slope_by_hand = sum(partial * d for partial, d in zip(partials, ones.tolist()))  # J d = Σ_i ∂f/∂w_i d_i
print("partial derivatives:", partials, " their sum along d:", slope_by_hand)
torch.testing.assert_close(slope, torch.tensor(slope_by_hand))
# --8<-- [end:by_hand]
