# Why == holds for some logarithm identities in floating point and not for others,
# and how small a positive float can be.

# --8<-- [start:exact_or_not]
import math
import sys

bits = sys.float_info.mant_dig  # significant binary digits of a Python float
print("significant bits of a float:", bits)
pairs = {
    "ln 4 and 2 ln 2": (math.log(4), 2 * math.log(2)),
    "ln 1000 and 3 ln 10": (math.log(1000), 3 * math.log(10)),
    "log10 1000 and 3": (math.log(1000, 10), 3.0),
}
for name, (left, right) in pairs.items():
    same, close = left == right, math.isclose(left, right)
    print(f"{name:<20} ==: {same!s:<5}  isclose: {close}")
# --8<-- [end:exact_or_not]

# --8<-- [start:one_step]
log10_1000 = math.log(1000, 10)  # computed as ln 1000 / ln 10
print("math.log(1000, 10) =", log10_1000)
print("the next float up is", math.nextafter(log10_1000, math.inf))
print("math.log10(1000)   =", math.log10(1000))
# --8<-- [end:one_step]

# --8<-- [start:tolerance]
import inspect

default_rel_tol = inspect.signature(math.isclose).parameters["rel_tol"].default
print("math.isclose allows a relative difference of", default_rel_tol)
# --8<-- [end:tolerance]

# --8<-- [start:smallest]
import torch

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
