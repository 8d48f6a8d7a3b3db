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

eps64 = torch.finfo(torch.float64).eps  # machine epsilon: the gap between 1 and the next float64
eps32 = torch.finfo(torch.float32).eps
best64 = min(zip(error64, tiny_steps))  # (smallest error, its step)
best32 = min(zip(error32, tiny_steps))
sqrt_eps64, sqrt_eps32 = eps64**0.5, eps32**0.5
for name, (smallest, step), root in [("float64", best64, sqrt_eps64), ("float32", best32, sqrt_eps32)]:
    print(f"{name}: smallest error {smallest:.1e} at h = {step:.0e}; sqrt(eps) = {root:.1e}")
# --8<-- [end:round_off]

# --8<-- [start:fine_grid]
import statistics


def decade_medians(errors):
    """The median of the ten errors in each decade: decade d runs from h = 10**-d down to 10**-(d + 0.9)."""
    return [statistics.median(errors[10 * d : 10 * d + 10]) for d in range(16)]


fine_steps = [10 ** (-k / 10) for k in range(161)]  # ten steps a decade, from 1 down to 1e-16
fine64 = [abs(difference_quotient(h, torch.float64) - 2) for h in fine_steps]
fine32 = [abs(difference_quotient(h, torch.float32) - 2) for h in fine_steps]
medians64, medians32 = decade_medians(fine64), decade_medians(fine32)

print(f"{'steps h':>20}  {'median, float64':>15}  {'median, float32':>15}")
for d in range(16):
    decade = f"{fine_steps[10 * d]:.1e} .. {fine_steps[10 * d + 9]:.1e}"
    print(f"{decade:>20}  {medians64[d]:>15.1e}  {medians32[d]:>15.1e}")

floor64, floor32 = medians64.index(min(medians64)), medians32.index(min(medians32))  # the lowest decades
floor_top64, floor_bottom64 = fine_steps[10 * floor64], fine_steps[10 * floor64 + 9]
floor_top32, floor_bottom32 = fine_steps[10 * floor32], fine_steps[10 * floor32 + 9]
floor_median64, floor_median32 = medians64[floor64], medians32[floor32]

i = fine64.index(min(fine64))  # the single smallest float64 error, and its neighbours on the grid
lucky_error, lucky_step, lucky_left, lucky_right = fine64[i], fine_steps[i], fine64[i - 1], fine64[i + 1]
print(f"float64: smallest single error {lucky_error:.1e} at h = {lucky_step:.1e}")
print(f"         its neighbours miss by {lucky_left:.1e} and {lucky_right:.1e}")
# --8<-- [end:fine_grid]
