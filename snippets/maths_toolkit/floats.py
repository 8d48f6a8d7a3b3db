# Why == holds for some logarithm identities in floating point and not for others.

# --8<-- [start:exact_or_not]
import math

pairs = {
    "ln 16 and 4 ln 2": (math.log(16), 4 * math.log(2)),
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
