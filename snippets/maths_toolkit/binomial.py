# P(exactly two successes in three independent trials), success probability 0.6.

# --8<-- [start:formula]
import math

p = 0.6  # probability of success in one trial
prob_two = math.comb(3, 2) * p**2 * (1 - p)
print("C(3, 2) =", math.comb(3, 2))
print("P(K = 2) =", prob_two)
# --8<-- [end:formula]

# --8<-- [start:enumerate]
from itertools import product

prob_enumerated = 0.0
for outcome in product([True, False], repeat=3):  # all 8 sequences
    if sum(outcome) == 2:
        prob_enumerated += math.prod(p if hit else 1 - p for hit in outcome)
print("P(K = 2) =", prob_enumerated)
# --8<-- [end:enumerate]

# --8<-- [start:exact]
from fractions import Fraction

import sympy as sp
from sympy.stats import Binomial, density

p_exact = Fraction("0.6")  # exactly 3/5
prob_fraction = math.comb(3, 2) * p_exact**2 * (1 - p_exact)
prob_sympy = density(Binomial("K", 3, sp.Rational(3, 5)))(2)
prob_decimal = float(prob_fraction)
print("with fractions:", prob_fraction, "=", prob_decimal)
print("SymPy's binomial distribution:", prob_sympy)
# --8<-- [end:exact]

# --8<-- [start:agree]
for estimate in (prob_two, prob_enumerated):
    assert estimate != 0.432  # not the float nearest 0.432 ...
    assert math.isclose(estimate, prob_fraction)  # ... but close to it
assert prob_fraction == prob_sympy == Fraction(54, 125)
print("formula, enumeration, fractions and SymPy agree to within rounding")
# --8<-- [end:agree]

# --8<-- [start:why]
from decimal import Decimal

print("0.6 is stored as", Decimal.from_float(p))
nearest = 0.432  # the literal becomes the float nearest 0.432
above, below = math.nextafter(nearest, 1), math.nextafter(nearest, 0)
print("formula gives the next float up:      ", prob_two == above)
print("enumeration gives the next float down:", prob_enumerated == below)
# --8<-- [end:why]
