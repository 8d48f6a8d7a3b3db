# Exercise 3: three sums that hold on paper; which hold in floats depends on the number type.

# --8<-- [start:question]
sums = [(0.1, 0.2, 0.3), (0.5, 0.25, 0.75), (0.1, 0.6, 0.7)]  # a + b and the total, on paper equal
# --8<-- [end:question]

# --8<-- [start:float64]
for a, b, total in sums:
    print(a + b == total)  # Python floats: float64
# --8<-- [end:float64]

# --8<-- [start:exact]
from fractions import Fraction

for a, b, total in sums:
    print(Fraction(str(a)) + Fraction(str(b)) == Fraction(str(total)))  # the decimals as written, exactly
# --8<-- [end:exact]

# --8<-- [start:float32]
import torch

for a, b, total in sums:
    print((torch.tensor(a) + b == torch.tensor(total)).item())  # float32, PyTorch's default
# --8<-- [end:float32]

# --8<-- [start:stored_exactly]
for a, b, total in sums:
    print(Fraction(a) + Fraction(b) == Fraction(total))  # what the floats hold, added with no rounding
# --8<-- [end:stored_exactly]

# --8<-- [start:compare]
import math

print(f"{'':<19}paper    stored   float64  float32")
for a, b, total in sums:
    paper = Fraction(str(a)) + Fraction(str(b)) == Fraction(str(total))
    stored = Fraction(a) + Fraction(b) == Fraction(total)
    in_float64 = a + b == total
    in_float32 = (torch.tensor(a) + b == torch.tensor(total)).item()
    written = f"{a} + {b} == {total}"
    print(f"{written:<19}{paper!s:<9}{stored!s:<9}{in_float64!s:<9}{in_float32}")
for value in (0.5, 0.25, 0.75, 0.1, 0.2, 0.3):
    print(f"{value:<4} is stored as {Fraction(value)}")  # Fraction(a float): the value it really holds
a, b, total = sums[0]
print(f"isclose({a} + {b}, {total}):", math.isclose(a + b, total))
# --8<-- [end:compare]
