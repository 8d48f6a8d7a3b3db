# P(exactly two successes in three independent trials), success probability 0.6.

# --8<-- [start:formula]
import math

p = 0.6  # probability of success in one trial
q = 1 - p  # probability of failure
orders = 3  # right-right-wrong, right-wrong-right, wrong-right-right
prob_two = orders * p**2 * q
print("P(two of three) =", prob_two)
# --8<-- [end:formula]

# --8<-- [start:enumerate]
from itertools import product

trials, successes = 3, 2
prob_enumerated = 0.0
orders_counted = 0
for outcome in product([True, False], repeat=trials):  # all 2 ** 3 outcomes
    chance = math.prod(p if right else q for right in outcome)  # independent: multiply
    if sum(outcome) == successes:
        prob_enumerated += chance
        orders_counted += 1
        print("".join("R" if right else "W" for right in outcome), chance)
print("P(two of three) =", prob_enumerated)
print(f"orders counted: {orders_counted}; math.comb({trials}, {successes}) = {math.comb(trials, successes)}")
# --8<-- [end:enumerate]

# --8<-- [start:exact]
from fractions import Fraction

p_exact = Fraction(3, 5)  # 0.6, exactly
prob_fraction = orders * p_exact**2 * (1 - p_exact)
prob_decimal = float(prob_fraction)  # the float nearest the exact value
print("with fractions:", prob_fraction, "=", prob_decimal)
for estimate in (prob_two, prob_enumerated):
    assert estimate != prob_decimal  # not the float nearest 54/125 ...
    assert math.isclose(estimate, prob_fraction)  # ... but close to it
# --8<-- [end:exact]

# --8<-- [start:why]
from decimal import Decimal

print(p, "is stored as", Decimal.from_float(p))
stored = Fraction(p)  # the stored float, as an exact fraction
print(f"that is {stored} = {stored.numerator}/2**{stored.denominator.bit_length() - 1}")
top, bottom = 5, 10  # a 5 in the denominator, but not in lowest terms
half = Fraction(top, bottom)
print(
    f"{top}/{bottom} in lowest terms is {half}, and the float {top / bottom} is it exactly:",
    Fraction(top / bottom) == half,
)
above = math.nextafter(prob_decimal, 1)
below = math.nextafter(prob_decimal, 0)
print("formula gives the next float up:      ", prob_two == above)
print("enumeration gives the next float down:", prob_enumerated == below)
# --8<-- [end:why]
