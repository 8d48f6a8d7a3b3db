# Exercise 1: a logarithm to base 2 from natural logarithms alone.

# --8<-- [start:solution]
import math

import sympy as sp

log2_7 = math.log(7) / math.log(2)  # ln 7 = u ln 2, solved for u
print("ln 7 / ln 2    =", log2_7)
print("math.log2(7)   =", math.log2(7))
print("2 ** (ln 7 / ln 2) =", 2**log2_7)
exact = sp.log(7, 2)  # SymPy writes it with natural logarithms
print("SymPy:", exact, "≈", sp.N(exact, 17))
assert math.isclose(log2_7, math.log2(7))
# --8<-- [end:solution]
