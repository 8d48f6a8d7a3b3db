# The rules for single functions: each one applied by hand at one point, then checked three other ways.

# --8<-- [start:check]
import math
from types import SimpleNamespace

import sympy as sp
import torch

h = 1e-5  # the step of the central difference


def check_rule(f, x0, by_rule):
    """Check a slope found with a rule against SymPy, autograd and a central difference.

    f(lib, x) computes the function with the maths of the library lib: math, sympy or torch.
    """
    x_sym = sp.Symbol("x")
    formula = sp.diff(f(sp, x_sym), x_sym)  # SymPy: the exact derivative
    sympy_slope = float(formula.subs(x_sym, x0))
    x = torch.tensor(x0, requires_grad=True)  # autograd, in float32
    f(torch, x).backward()
    central = (f(math, x0 + h) - f(math, x0 - h)) / (2 * h)  # plain floats: float64
    print(f"by the rule:        {by_rule:10.6f}")
    print(f"SymPy:              {sympy_slope:10.6f}  from f'(x) = {formula}")
    print(f"autograd (float32): {x.grad.item():10.6f}")
    print(f"central difference: {central:10.6f}")
    assert math.isclose(sympy_slope, by_rule, rel_tol=1e-12)  # one formula, evaluated twice in float64
    assert math.isclose(central, by_rule, rel_tol=1e-8)  # an estimate, good to about ten digits
    torch.testing.assert_close(x.grad, torch.tensor(by_rule))  # float32 keeps about seven digits
    # Hand the four slopes back by name: result.by_rule, result.autograd, ...
    return SimpleNamespace(x0=x0, by_rule=by_rule, formula=formula, sympy=sympy_slope, autograd=x.grad, central=central)


# --8<-- [end:check]


# --8<-- [start:power]
def f(lib, x):
    return lib.sqrt(x)  # the square root: x to the power 1/2


x0 = 2.25
power = check_rule(f, x0, by_rule=0.5 * x0 ** (0.5 - 1))  # k·x^(k − 1) with k = 1/2
# --8<-- [end:power]

# --8<-- [start:power_domain]
k = 0.5  # a fractional power: the square root
edge_values, edge_slopes = [], []
for point in [-x0, 0.0]:  # a negative number, and zero
    x = torch.tensor(point, requires_grad=True)
    y = x**k
    y.backward()
    edge_values.append(y.item())
    edge_slopes.append(x.grad.item())
    print(f"at x = {point:g}: x ** {k} = {y.item()}, autograd's slope {x.grad.item()}")
cube, third = -8.0, 1 / 3  # (-2) ** 3 is -8, yet PyTorch finds no cube root of -8:
print(f"torch.tensor({cube:g}) ** (1/3) = {(torch.tensor(cube) ** third).item()}")
# --8<-- [end:power_domain]


# --8<-- [start:constant_multiple]
def f(lib, x):
    return 5 * x**3


x0 = 0.8
constant_multiple = check_rule(f, x0, by_rule=5 * (3 * x0**2))  # 5 times the slope of x³
# --8<-- [end:constant_multiple]


# --8<-- [start:sum_rule]
def f(lib, x):
    return x**3 - 2 * x**2 + 7


x0 = 1.5
terms = [3 * x0**2, -2 * (2 * x0), 0]  # the slopes of x³, of −2x² and of the constant 7
sum_rule = check_rule(f, x0, by_rule=sum(terms))
# --8<-- [end:sum_rule]


# --8<-- [start:exponential]
def f(lib, x):
    return lib.exp(x)


x0 = 0.7
exponential = check_rule(f, x0, by_rule=math.exp(x0))  # e^x is its own slope
# --8<-- [end:exponential]


# --8<-- [start:logarithm]
def f(lib, x):
    return lib.log(x)  # the natural logarithm in all three modules


x0 = 2.5
logarithm = check_rule(f, x0, by_rule=1 / x0)
# --8<-- [end:logarithm]


# --8<-- [start:sine]
def f(lib, x):
    return lib.sin(x)


x0 = 2.0  # radians
sine = check_rule(f, x0, by_rule=math.cos(x0))
# --8<-- [end:sine]


# --8<-- [start:cosine]
def f(lib, x):
    return lib.cos(x)


x0 = 0.5  # radians
cosine = check_rule(f, x0, by_rule=-math.sin(x0))
# --8<-- [end:cosine]


# --8<-- [start:exercise_powers]
def f(lib, x):
    return 3 * lib.sqrt(x) - 2 / x


x0 = 4.0
# 3·x^(1/2) − 2·x^(−1): the power rule on each term, times its constant
powers_terms = [3 * 0.5 * x0 ** (0.5 - 1), -2 * (-1) * x0 ** (-1 - 1)]
powers = check_rule(f, x0, by_rule=sum(powers_terms))
# --8<-- [end:exercise_powers]


# --8<-- [start:exercise_mixed]
def f(lib, x):
    return 2 * lib.exp(x) - 3 * lib.log(x) + lib.sin(x)


x0 = 1.0
mixed_terms = [2 * math.exp(x0), -3 * (1 / x0), math.cos(x0)]  # the slopes of 2eˣ, of −3 log x and of sin x
mixed = check_rule(f, x0, by_rule=sum(mixed_terms))
# --8<-- [end:exercise_mixed]
