# Combining rules: products, quotients and chains, each applied by hand, then checked three other ways.

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


# --8<-- [start:product]
def f(lib, x):
    return x * lib.log(x)


x0 = 2.0
f_slope_g = 1 * math.log(x0)  # f'·g: the slope of x is 1, times log x
f_g_slope = x0 * (1 / x0)  # f·g': x, times the slope of log x
product = check_rule(f, x0, by_rule=f_slope_g + f_g_slope)
# --8<-- [end:product]


# --8<-- [start:quotient]
def f(lib, x):
    return x / (1 + x**2)


x0 = 0.5
top, top_slope = x0, 1  # f = x and its slope
bottom, bottom_slope = 1 + x0**2, 2 * x0  # g = 1 + x² and its slope
numerator = top_slope * bottom - top * bottom_slope  # f'g − fg'
denominator = bottom**2  # g²
quotient = check_rule(f, x0, by_rule=numerator / denominator)
# --8<-- [end:quotient]


# --8<-- [start:chain_square]
def f(lib, x):
    return (2 * x + 1) ** 2


x0 = 3.0
square_u = 2 * x0 + 1  # the inner value, u = 2x + 1, whose slope is 2
chain_square = check_rule(f, x0, by_rule=(2 * square_u) * 2)  # the slope of u² is 2u, times the inner slope 2
expanded_slope = 8 * x0 + 4  # multiplied out first: 4x² + 4x + 1, whose slope is 8x + 4
print("multiplied out first:", expanded_slope)
# --8<-- [end:chain_square]


# --8<-- [start:chain]
def f(lib, x):
    return lib.log(1 + x**2)


x0 = 1.5
u0 = 1 + x0**2  # the inner value, u = 1 + x²
outer_slope = 1 / u0  # the slope of log u, taken at u0
inner_slope = 2 * x0  # the slope of 1 + x², taken at x0
chain = check_rule(f, x0, by_rule=outer_slope * inner_slope)
# --8<-- [end:chain]


# --8<-- [start:exercise_product]
def f(lib, x):
    return (x**2 + 1) * lib.sin(x)


x0 = 0.5
product_terms = [2 * x0 * math.sin(x0), (x0**2 + 1) * math.cos(x0)]  # f'g and fg'
polynomial_times_sine = check_rule(f, x0, by_rule=sum(product_terms))
# --8<-- [end:exercise_product]


# --8<-- [start:exercise_quotient]
def f(lib, x):
    return lib.tan(x)  # sin x / cos x; every module knows tan, which makes the check independent


x0 = 0.6
tan_numerator = math.cos(x0) * math.cos(x0) - math.sin(x0) * (-math.sin(x0))  # f'g − fg'
tan_denominator = math.cos(x0) ** 2  # g²
tangent = check_rule(f, x0, by_rule=tan_numerator / tan_denominator)
# --8<-- [end:exercise_quotient]


# --8<-- [start:exercise_chain]
def f(lib, x):
    return lib.exp(-(x**2) / 2)


x0 = 1.5
bell_u = -(x0**2) / 2  # the inner value, u = −x²/2
bell_outer = math.exp(bell_u)  # the slope of e^u is e^u
bell_inner = -x0  # the slope of −x²/2
bell = check_rule(f, x0, by_rule=bell_outer * bell_inner)
# --8<-- [end:exercise_chain]


# --8<-- [start:exercise_sigmoid]
def f(lib, x):
    return 1 / (1 + lib.exp(-x))


x0 = 2.0
g0 = 1 + math.exp(-x0)  # the bottom, g = 1 + e^(−x)
g_slope = -math.exp(-x0)  # the sum rule, and the chain rule on e^(−x)
sigmoid = check_rule(f, x0, by_rule=(0 * g0 - 1 * g_slope) / g0**2)  # the top, 1, has slope 0
sigma0 = 1 / g0
one_minus_sigma = 1 - sigma0
print(f"σ(1 − σ) = {sigma0:.4f} × {one_minus_sigma:.4f} = {sigma0 * one_minus_sigma:.4f}")
x_sym = sp.Symbol("x")
sigma_sym = f(sp, x_sym)
sigmoid_gap = sp.simplify(sp.diff(sigma_sym, x_sym) - sigma_sym * (1 - sigma_sym))
print("SymPy: σ' − σ(1 − σ) simplifies to", sigmoid_gap)
# --8<-- [end:exercise_sigmoid]


# --8<-- [start:exercise_softplus]
def f(lib, x):
    return lib.log(1 + lib.exp(x))


x0 = -1.0
softplus_u = 1 + math.exp(x0)  # the inner value, u = 1 + eˣ
softplus_outer = 1 / softplus_u  # the slope of log u
softplus_inner = math.exp(x0)  # the slope of 1 + eˣ
softplus = check_rule(f, x0, by_rule=softplus_outer * softplus_inner)
x_sym = sp.Symbol("x")
softplus_gap = sp.simplify(sp.diff(f(sp, x_sym), x_sym) - 1 / (1 + sp.exp(-x_sym)))
print("SymPy: softplus' − σ simplifies to", softplus_gap)
# --8<-- [end:exercise_softplus]


# --8<-- [start:exercise_steepest]
grid = range(-6, 7)  # whole numbers from −6 to 6
slopes = []
for point in grid:
    x_tensor = torch.tensor(float(point), requires_grad=True)
    torch.sigmoid(x_tensor).backward()
    slopes.append(x_tensor.grad.item())
largest_slope = max(slopes)
steepest_x = grid[slopes.index(largest_slope)]
print(f"autograd, at x = {grid[0]}, ..., {grid[-1]}:", [round(slope, 4) for slope in slopes])
print("largest:", largest_slope, "at x =", steepest_x)

x_sym = sp.Symbol("x")
slope_sym = sp.diff(1 / (1 + sp.exp(-x_sym)), x_sym)
flat_sym = sp.solve(sp.diff(slope_sym, x_sym), x_sym)  # where the slope itself has slope 0
print("SymPy: the slope of σ' is 0 at x =", flat_sym, "where σ' =", slope_sym.subs(x_sym, flat_sym[0]))
# --8<-- [end:exercise_steepest]
