# Logarithm values and rules, in floats with the math module and exactly with SymPy.

# --8<-- [start:values]
import math

ln_32 = math.log(32)  # natural logarithm, base e
log2_16 = math.log(16, 2)  # logarithm to base 2
print("ln 32   =", ln_32)
print("log2 16 =", log2_16)
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
import sympy as sp

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
ln_32_exact = sp.expand_log(sp.log(32), force=True)  # 32 = 2**5
log2_16_exact = sp.log(16, 2)
print("ln 32 =", ln_32_exact, "≈", sp.N(ln_32_exact, 8))
print("log2 16 =", log2_16_exact)
# --8<-- [end:sympy]
