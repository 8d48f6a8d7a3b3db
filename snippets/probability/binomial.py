# P(exactly two successes in three independent trials), success probability 0.6.

# --8<-- [start:formula]
import math

n, k = 3, 2  # three trials, exactly two successes
p = 0.6  # probability of success in one trial
q = 1 - p  # probability of failure
orders = math.comb(n, k)  # how many orders have k successes
prob_two = orders * p**k * q ** (n - k)
print(f"C({n}, {k}) =", orders)
print(f"P(K = {k}) =", prob_two)
# --8<-- [end:formula]

# --8<-- [start:enumerate]
from itertools import product

prob_enumerated = 0.0
for outcome in product([True, False], repeat=n):  # all 2**n sequences
    if sum(outcome) == k:
        prob_enumerated += math.prod(p if hit else q for hit in outcome)
print(f"P(K = {k}) =", prob_enumerated)
# --8<-- [end:enumerate]

# --8<-- [start:exact]
from fractions import Fraction

import sympy as sp
from sympy.stats import Binomial, density

p_exact = Fraction(3, 5)  # 0.6, exactly
prob_fraction = math.comb(n, k) * p_exact**k * (1 - p_exact) ** (n - k)
prob_sympy = density(Binomial("K", n, sp.Rational(3, 5)))(k)
prob_decimal = float(prob_fraction)
print("with fractions:", prob_fraction, "=", prob_decimal)
print("SymPy's binomial distribution:", prob_sympy)
# --8<-- [end:exact]

# --8<-- [start:agree]
for estimate in (prob_two, prob_enumerated):
    assert estimate != prob_decimal  # not the float nearest 54/125 ...
    assert math.isclose(estimate, prob_fraction)  # ... but close to it
assert prob_fraction == prob_sympy
print("formula, enumeration, fractions and SymPy agree to within rounding")
# --8<-- [end:agree]

# --8<-- [start:why]
from decimal import Decimal

print(p, "is stored as", Decimal.from_float(p))
above = math.nextafter(prob_decimal, 1)
below = math.nextafter(prob_decimal, 0)
print("formula gives the next float up:      ", prob_two == above)
print("enumeration gives the next float down:", prob_enumerated == below)
# --8<-- [end:why]
