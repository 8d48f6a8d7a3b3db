# Machine epsilon; why == holds for some logarithm identities in floating point and not for others;
# and how small a positive float can be.

# --8<-- [start:epsilon]
import math
import sys
from fractions import Fraction

import torch

bits = sys.float_info.mant_dig  # significant binary digits of a Python float (a float64)
eps64 = math.nextafter(1.0, 2.0) - 1.0  # the gap between 1 and the next float64 up
eps32 = (torch.nextafter(torch.tensor(1.0), torch.tensor(2.0)) - 1).item()  # the same in float32
print("significant bits of a float64:", bits)
eps64_exponent, eps32_exponent = round(math.log2(eps64)), round(math.log2(eps32))
print("gap above 1, float64:", eps64, "= 2 **", eps64_exponent)
print("torch.finfo(torch.float64).eps:", torch.finfo(torch.float64).eps)
print("gap above 1, float32:", eps32, "= 2 **", eps32_exponent)
print("torch.finfo(torch.float32).eps:", torch.finfo(torch.float32).eps)
print("gaps above 1, 2 and 4, in eps:", [math.ulp(v) / eps64 for v in (1.0, 2.0, 4.0)])  # ulp: gap to next float
print("1 + eps/2 == 1:", 1.0 + eps64 / 2 == 1.0, "   1 + eps == 1:", 1.0 + eps64 == 1.0)

x = 0.1
exact = Fraction(str(x))  # the decimal as written: exactly 1/10
stored = Fraction(x)  # the value the float really holds
error_in_eps = float(abs(stored - exact) / exact / Fraction(eps64))  # the relative error, in eps
print(f"storing {x} changes it by {error_in_eps:.2f} eps")
# --8<-- [end:epsilon]

# --8<-- [start:exact_or_not]
x, base = 1000, 10
pairs = {
    "ln 4 and 2 ln 2": (math.log(4), 2 * math.log(2)),
    f"ln {x} and 3 ln {base}": (math.log(x), 3 * math.log(base)),
    f"log{base} {x} and 3": (math.log(x, base), 3.0),
}
for name, (left, right) in pairs.items():
    same, close = left == right, math.isclose(left, right)
    print(f"{name:<20} ==: {same!s:<5}  isclose: {close}")
# --8<-- [end:exact_or_not]

# --8<-- [start:nearest]
from decimal import Decimal, localcontext

precision = 40  # significant digits of the decimal logarithms
gaps_off = {}
with localcontext() as context:  # the precision holds for this block only
    context.prec = precision
    for number in [2, 4, 10, 1000]:
        got = math.log(number)
        gaps_off[number] = float(abs(Decimal(got) - Decimal(number).ln()) / Decimal(math.ulp(got)))
        print(f"math.log({number}) lies {gaps_off[number]:.2f} of a gap from ln {number}")
    tripled = 3 * math.log(base)  # base = 10, and x = 1000 as above
    tripled_exactly = Fraction(tripled) == 3 * Fraction(math.log(base))
    tripled_off = float(abs(Decimal(tripled) - Decimal(x).ln()) / Decimal(math.ulp(tripled)))
    print(f"3 * math.log({base}) lies {tripled_off:.2f} of a gap from ln {x}")
print(f"3 * math.log({base}) is exactly 3 times math.log({base}):", tripled_exactly)
# --8<-- [end:nearest]

# --8<-- [start:one_step]
log10_1000 = math.log(x, base)  # x = 1000 and base = 10, as above
rows = {
    f"math.log({x}, {base})": log10_1000,
    f"math.log({x}) / math.log({base})": math.log(x) / math.log(base),
    "the next float up": math.nextafter(log10_1000, math.inf),
    f"math.log10({x})": math.log10(x),
}
for name, value in rows.items():
    print(f"{name:<29} = {value}")
# --8<-- [end:one_step]

# --8<-- [start:tolerance]
import inspect

# Read the default value of isclose's argument rel_tol from the function itself:
default_rel_tol = inspect.signature(math.isclose).parameters["rel_tol"].default
print("math.isclose allows a relative difference of", default_rel_tol)
# --8<-- [end:tolerance]

# --8<-- [start:smallest]
tiny = math.ulp(0.0)  # the gap between 0.0 and the next float up
tiny_exponent = round(math.log2(tiny))
print("smallest positive float:", tiny)
print("as a power of two:       2 **", tiny_exponent, "=", 2.0**tiny_exponent)
half = tiny / 2  # exactly between 0.0 and tiny: the tie goes to the float whose last bit is 0
print("half of it:             ", half)
normal_min = sys.float_info.min  # the smallest float that keeps all its bits
print("smallest with all", bits, "bits:", normal_min)
tiny32 = torch.nextafter(torch.tensor(0.0), torch.tensor(1.0)).item()
tiny32_exponent = round(math.log2(tiny32))
print("smallest positive float32:", tiny32, "= 2 **", tiny32_exponent)
# --8<-- [end:smallest]
