# Exercise 3: one sum of floats is exact, the other is not.

# --8<-- [start:question]
first = 0.1 + 0.2 == 0.3
second = 0.5 + 0.25 == 0.75
# --8<-- [end:question]

# --8<-- [start:in_floats]
print("first: ", first)
print("second:", second)
# --8<-- [end:in_floats]

# --8<-- [start:on_paper]
from fractions import Fraction

# Fraction("0.1") is exactly 1/10: the decimals as written, with no rounding.
first_on_paper = Fraction("0.1") + Fraction("0.2") == Fraction("0.3")
second_on_paper = Fraction("0.5") + Fraction("0.25") == Fraction("0.75")
print("first: ", first_on_paper)
print("second:", second_on_paper)
# --8<-- [end:on_paper]

# --8<-- [start:compare]
import math

print("isclose(0.1 + 0.2, 0.3):", math.isclose(0.1 + 0.2, 0.3))
for value in (0.5, 0.25, 0.75, 0.1, 0.2, 0.3):
    print(f"{value:<4} is stored as {Fraction(value)}")  # Fraction(a float): the value it really holds
# --8<-- [end:compare]
