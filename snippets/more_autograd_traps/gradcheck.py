# Trap: torch.autograd.gradcheck compares autograd with central differences, and needs float64.

# --8<-- [start:float64]
import warnings

import torch


def g(t):
    return (t * t * t).sum()  # the derivative of t³ is 3t²


points = [0.5, 1.0, 2.0]
x64 = torch.tensor(points, dtype=torch.float64, requires_grad=True)
print(torch.autograd.gradcheck(g, (x64,)))
# --8<-- [end:float64]


# --8<-- [start:float32]
def gradcheck_float32(**options):
    """Run gradcheck on the same points in float32; print its warning, then its result or its error."""
    x32 = torch.tensor(points, dtype=torch.float32, requires_grad=True)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = torch.autograd.gradcheck(g, (x32,), **options)
        except RuntimeError as error:
            result = f"{type(error).__name__}: {str(error).strip()}"
    for warning in caught:
        print(f"{warning.category.__name__}: {str(warning.message).strip()}")
    print(result)


gradcheck_float32()
# --8<-- [end:float32]

# --8<-- [start:float32_larger_step]
gradcheck_float32(eps=1e-3)  # a step a thousand times larger
# --8<-- [end:float32_larger_step]

# --8<-- [start:why]
import inspect
import math

defaults = inspect.signature(torch.autograd.gradcheck).parameters
h = defaults["eps"].default  # gradcheck's step h: its argument is called eps
atol, rtol = defaults["atol"].default, defaults["rtol"].default
print(f"gradcheck's defaults: eps = {h}, atol = {atol}, rtol = {rtol}")

x = torch.tensor(points, dtype=torch.float32)
out = g(x)
total = out.item()
gap = (torch.nextafter(out, torch.tensor(math.inf)) - out).item()  # to the next float32 up
grid = gap / (2 * h)  # what one gap adds to a quotient
print(f"g(x) = {total}; the float32 numbers there are {gap:.3e} apart")
columns = {"(t+h) - (t-h)": 14, "outputs apart, in gaps": 24, "quotient": 10, "unrounded outputs": 19, "3t²": 5}
print(f"{'t':<4}" + "".join(f"{name:>{width}}" for name, width in columns.items()) + f"{'allowed miss':>14}")
table = []
for i, t in enumerate(points):
    lower, upper = x.clone(), x.clone()
    lower[i] -= h  # t - h and t + h, each rounded to float32, as gradcheck does
    upper[i] += h
    apart = (upper[i] - lower[i]).item()
    gaps = round((g(upper) - g(lower)).item() / gap)
    quotient = ((g(upper) - g(lower)) / (2 * h)).item()
    unrounded = ((upper.double() ** 3).sum() - (lower.double() ** 3).sum()).item() / (2 * h)  # same points
    allowed = atol + rtol * abs(quotient)  # torch.allclose(analytical, numerical, rtol, atol)
    table.append((apart, gaps, quotient, unrounded, allowed))
    print(f"{t:<4}{apart:>14.4e}{gaps:>24}{quotient:>10.4f}{unrounded:>19.4f}{3 * t * t:>5g}{allowed:>14.5f}")

x = torch.tensor(points, dtype=torch.float64)
out64 = g(x)
gap64 = (torch.nextafter(out64, torch.tensor(math.inf, dtype=torch.float64)) - out64).item()
worst64 = 0.0
for i, t in enumerate(points):
    lower, upper = x.clone(), x.clone()
    lower[i] -= h
    upper[i] += h
    worst64 = max(worst64, abs(((g(upper) - g(lower)) / (2 * h)).item() - 3 * t * t))
print(f"float64: numbers {gap64:.3e} apart at g(x); the quotients miss 3t² by at most {worst64:.1e}")
# --8<-- [end:why]
