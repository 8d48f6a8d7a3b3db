# Exercise 3: 0.1 + 0.2 == 0.3 is False, yet 0.5 + 0.25 == 0.75 is True.

# --8<-- [start:compare]
import math
from fractions import Fraction

print("0.1 + 0.2 == 0.3:  ", 0.1 + 0.2 == 0.3)
print("0.5 + 0.25 == 0.75:", 0.5 + 0.25 == 0.75)
print("isclose(0.1 + 0.2, 0.3):", math.isclose(0.1 + 0.2, 0.3))
for value in (0.5, 0.25, 0.75, 0.1, 0.2, 0.3):
    print(f"{value:<4} is stored as {Fraction(value)}")
# --8<-- [end:compare]
