# Exercise 3: one sum of floats is exact, the other is not.

# --8<-- [start:question]
first = 0.1 + 0.2 == 0.3
second = 0.5 + 0.25 == 0.75
# --8<-- [end:question]

# --8<-- [start:compare]
import math
from fractions import Fraction

print("first: ", first)
print("second:", second)
print("isclose(0.1 + 0.2, 0.3):", math.isclose(0.1 + 0.2, 0.3))
for value in (0.5, 0.25, 0.75, 0.1, 0.2, 0.3):
    print(f"{value:<4} is stored as {Fraction(value)}")
# --8<-- [end:compare]
