# Logarithm values and rules, in floats with the math module and exactly with SymPy.

# --8<-- [start:values]
import math

import sympy as sp
import torch

e = math.e  # Euler's number, the base of the natural logarithm
digits = 17  # how many significant digits to ask SymPy for
number = 8
ln_8 = math.log(number)  # the power of e that gives 8
log2_8 = math.log(number, 2)  # the power of 2 that gives 8
print("e =", e)
print(f"math.log({number})    = {ln_8}")
print(f"torch.log({number}.)  = {torch.log(torch.tensor(float(number), dtype=torch.float64)).item()}")
print(f"sp.log({number})      = {sp.log(number)} ≈ {sp.N(sp.log(number), digits)}")  # exact, then digits on request
print(f"math.log({number}, 2) = {log2_8}")

big, power_of_two = 32, 16
ln_32 = math.log(big)
log2_16 = math.log(power_of_two, 2)
print(f"math.log({big}) = {ln_32}")
print(f"math.log({power_of_two}, 2) = {log2_16}")
# --8<-- [end:values]


# --8<-- [start:rules]
def log_2(x):
    return math.log(x, 2)


rules = {
    "product": (log_2(2 * 8), log_2(2) + log_2(8)),
    "quotient": (log_2(16 / 2), log_2(16) - log_2(2)),
    "power": (log_2(16**3), 3 * log_2(16)),
    "reciprocal": (log_2(1 / 2**3), -log_2(2**3)),
}
for name, (left, right) in rules.items():
    print(f"{name:<10}  {left:>5} == {right:<5}  {left == right}")
# --8<-- [end:rules]

# --8<-- [start:sympy]
x, y = sp.symbols("x y", positive=True)
k = sp.symbols("k", real=True)
expanded = {
    "product": sp.expand_log(sp.log(x * y)),
    "quotient": sp.expand_log(sp.log(x / y)),
    "power": sp.expand_log(sp.log(x**k)),
    "reciprocal": sp.expand_log(sp.log(1 / x)),
}
for name, right in expanded.items():
    print(f"{name:<10}  {right}")
a, b = sp.symbols("a b")  # no assumptions: a and b might be negative
left_alone = sp.expand_log(sp.log(a * b))
print("product, a and b of any sign:", left_alone)
ln_8_exact = sp.expand_log(sp.log(8))  # 8 = 2**3: the power rule
log2_8_exact = sp.log(8, 2)
print("ln 8 =", ln_8_exact)
print("log2 8 =", log2_8_exact)
# --8<-- [end:sympy]
