# One check for any function: autograd, SymPy and a central difference, asserted to agree.

# --8<-- [start:check]
import math
from types import SimpleNamespace

import sympy as sp
import torch

h = 1e-5  # the step of the central difference


def check_gradient(f, point):
    """The gradient of f at point, three independent ways, asserted to agree.

    f(m, *inputs) computes with the maths of the module m: torch, sympy or math.
    """
    x = torch.tensor(point, dtype=torch.float32, requires_grad=True)  # autograd
    f(torch, *x).backward()

    inputs_sym = sp.symbols(f"x1:{len(point) + 1}")  # SymPy: the symbols x1, x2, ...
    f_sym = f(sp, *inputs_sym)
    formulas_sym = [sp.diff(f_sym, symbol) for symbol in inputs_sym]
    point_sym = {symbol: sp.Rational(value) for symbol, value in zip(inputs_sym, point)}  # exactly
    exact_sym = [formula.subs(point_sym) for formula in formulas_sym]

    central = []  # a central difference in each input in turn, the others held fixed
    for i in range(len(point)):
        up = [value + h if j == i else value for j, value in enumerate(point)]
        down = [value - h if j == i else value for j, value in enumerate(point)]
        central.append((f(math, *up) - f(math, *down)) / (2 * h))

    print("autograd:          ", [round(value, 6) for value in x.grad.tolist()])
    print("SymPy:             ", exact_sym)
    print("central difference:", [round(value, 6) for value in central])
    exact = torch.tensor([float(value) for value in exact_sym])
    torch.testing.assert_close(x.grad, exact)
    torch.testing.assert_close(torch.tensor(central), exact)
    return SimpleNamespace(autograd=x.grad, formulas_sym=formulas_sym, exact_sym=exact_sym, central=central)


# --8<-- [end:check]


# --8<-- [start:typo]
def f_typo(m, x1, x2):
    return x1**2 + 3 * x1 * x2 + x2 * 2  # meant x2**2: one star is missing


typo = check_gradient(f_typo, (2, 3))  # the three methods agree with each other ...
by_hand = [2 * 2 + 3 * 3, 3 * 2 + 2 * 3]  # ... but not with ∂f/∂x1 = 2x1 + 3x2, ∂f/∂x2 = 3x1 + 2x2
print("by hand, from the formula on paper:", by_hand)
# --8<-- [end:typo]


# --8<-- [start:linear]
def linear(m, x1, x2):
    return x1 / 2 - 1 * x2 + 2  # w = (1/2, −1) and b = 2


x_point = (2, 3)
linear_check = check_gradient(linear, x_point)
# --8<-- [end:linear]


# --8<-- [start:logistic]
def logistic(m, x1, x2):
    z = x1 / 2 - 1 * x2 + 2  # the score of the linear model
    return 1 / (1 + m.exp(-z))


z_at_point = linear(math, *x_point)
logistic_check = check_gradient(logistic, x_point)
print("the general formula for ∂y/∂x1:", logistic_check.formulas_sym[0])
# --8<-- [end:logistic]


# --8<-- [start:exercise_parameters]
def by_parameters(m, w1, w2, b):
    z = w1 * 2 + w2 * 3 + b  # the input x = (2, 3) is fixed now
    return 1 / (1 + m.exp(-z))


sigma_slope = 1 / 4  # σ'(0) = σ(0)(1 − σ(0)) = 1/2 · 1/2
parameters_by_hand = [sigma_slope * 2, sigma_slope * 3, sigma_slope]  # σ'·x1, σ'·x2, σ'
print("by hand:           ", parameters_by_hand)
parameters_check = check_gradient(by_parameters, (0.5, -1.0, 2.0))
# --8<-- [end:exercise_parameters]


# --8<-- [start:exercise_sigmoid]
grid = range(-6, 7)  # z = −6, −5, ..., 6
slopes = []
for z0 in grid:
    z_tensor = torch.tensor(float(z0), requires_grad=True)
    torch.sigmoid(z_tensor).backward()
    slopes.append(z_tensor.grad.item())
largest_slope = max(slopes)
steepest_z = grid[slopes.index(largest_slope)]
print("slopes from z = -6 to 6:", [round(slope, 4) for slope in slopes])
print("largest:", largest_slope, "at z =", steepest_z)

z_sym = sp.Symbol("z")
slope_sym = sp.diff(1 / (1 + sp.exp(-z_sym)), z_sym)
print("SymPy: σ'(0) =", slope_sym.subs(z_sym, 0))
# --8<-- [end:exercise_sigmoid]
