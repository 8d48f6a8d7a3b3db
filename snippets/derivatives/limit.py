# The difference quotient of f(x) = 3x² − 4x at x = 1, as the step h shrinks.

# --8<-- [start:shrinking_h]
def f(x):
    return 3 * x**2 - 4 * x


steps = [10.0**-k for k in range(1, 6)]  # 0.1, 0.01, ..., 0.00001
quotients = [(f(1 + h) - f(1)) / h for h in steps]

table = f"{'h':>9}  {'(f(1+h) - f(1)) / h':>20}  {'quotient - 2':>12}"
for h, q in zip(steps, quotients):
    table += f"\n{h:>9.5f}  {q:>20.5f}  {q - 2:>12.5f}"
print(table)
# --8<-- [end:shrinking_h]

# --8<-- [start:round_off]
import torch


def difference_quotient(h, dtype):
    """(f(1 + h) − f(1)) / h, every step rounded to `dtype`."""
    one, step = torch.tensor(1.0, dtype=dtype), torch.tensor(h, dtype=dtype)
    return ((f(one + step) - f(one)) / step).item()


tiny_steps = [10.0**-k for k in range(1, 17)]  # 0.1 down to 1e-16
error64 = [abs(difference_quotient(h, torch.float64) - 2) for h in tiny_steps]
error32 = [abs(difference_quotient(h, torch.float32) - 2) for h in tiny_steps]

table = f"{'h':>6}  {'error, float64':>14}  {'error, float32':>14}"
for h, e64, e32 in zip(tiny_steps, error64, error32):
    table += f"\n{h:>6.0e}  {e64:>14.1e}  {e32:>14.1e}"
print(table)
# --8<-- [end:round_off]

# --8<-- [start:best_step]
eps64 = torch.finfo(torch.float64).eps  # gap between 1 and the next float64
eps32 = torch.finfo(torch.float32).eps
best64 = min(zip(error64, tiny_steps))  # (smallest error, its step)
best32 = min(zip(error32, tiny_steps))

summary = [("float64", best64, eps64), ("float32", best32, eps32)]
for name, (smallest, step), eps in summary:
    best = f"smallest error {smallest:.1e} at h = {step:.0e}"
    print(f"{name}: {best}, sqrt(eps) = {eps**0.5:.1e}")
# --8<-- [end:best_step]

# --8<-- [start:fine_grid]
fine_steps = [10 ** (-k / 10) for k in range(161)]  # ten steps a decade, from 1 down to 1e-16
fine64 = min((abs(difference_quotient(h, torch.float64) - 2), h) for h in fine_steps)
fine32 = min((abs(difference_quotient(h, torch.float32) - 2), h) for h in fine_steps)
print(f"float64: smallest error {fine64[0]:.1e} at h = {fine64[1]:.1e}")
print(f"float32: smallest error {fine32[0]:.1e} at h = {fine32[1]:.1e}")
# --8<-- [end:fine_grid]
