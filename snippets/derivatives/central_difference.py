# Exercise 1: the central difference of f(x) = 3x² − 4x at x = 1, against the forward one.

# --8<-- [start:compare]
def f(x):
    return 3 * x**2 - 4 * x


steps = [10.0**-k for k in range(1, 9)]  # 0.1 down to 1e-08
forward_error = [abs((f(1 + h) - f(1)) / h - 2) for h in steps]
central_error = [abs((f(1 + h) - f(1 - h)) / (2 * h) - 2) for h in steps]

print(f"{'h':>6}  {'forward error':>13}  {'central error':>13}")
for h, forward, central in zip(steps, forward_error, central_error):
    print(f"{h:>6.0e}  {forward:>13.1e}  {central:>13.1e}")

central_at_largest = (f(1 + steps[0]) - f(1 - steps[0])) / (2 * steps[0])
print(f"central difference at h = {steps[0]:g}: {central_at_largest:.15f}")
# --8<-- [end:compare]

# --8<-- [start:exponential]
import math

import torch

eps = torch.finfo(torch.float64).eps  # machine epsilon of float64, Python's float
exp_steps = [10.0**-k for k in range(1, 11)]  # 0.1 down to 1e-10
slope = math.exp(1)  # the slope of e^x at x = 1 is e^1
exp_error = [abs((math.exp(1 + h) - math.exp(1 - h)) / (2 * h) - slope) for h in exp_steps]

print(f"{'h':>6}  {'central error':>13}")
for h, error in zip(exp_steps, exp_error):
    print(f"{h:>6.0e}  {error:>13.1e}")
eps_cube_root = eps ** (1 / 3)
print(f"eps ** (1/3) = {eps_cube_root:.1e}")
# --8<-- [end:exponential]
