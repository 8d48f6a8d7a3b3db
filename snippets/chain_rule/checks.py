# One check for any function of several inputs: autograd, SymPy and a central difference, asserted to agree.

# --8<-- [start:check]
import math
from types import SimpleNamespace

import sympy as sp
import torch

h = 1e-5  # the step of the central difference


def check_gradient(f, point):
    """The gradient of f at point, three independent ways, asserted to agree.

    f(lib, *inputs) computes with the maths of the library lib: torch, sympy or math.
    """
    x = torch.tensor(point, dtype=torch.float32, requires_grad=True)  # autograd
    f(torch, *x).backward()

    inputs_sym = sp.symbols(f"x1:{len(point) + 1}")  # SymPy: the symbols x1, x2, ...
    f_sym = f(sp, *inputs_sym)
    formulas_sym = [sp.diff(f_sym, symbol) for symbol in inputs_sym]
    point_sym = {symbol: sp.Rational(value) for symbol, value in zip(inputs_sym, point)}  # no rounding
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
def f_typo(lib, x1, x2):
    return x1**2 + 3 * x1 * x2 + x2 * 2  # meant x2**2: one star is missing


point = (2, 3)
typo = check_gradient(f_typo, point)  # the three methods agree with each other ...
x1, x2 = point  # the point, as plain numbers
by_hand = [2 * x1 + 3 * x2, 3 * x1 + 2 * x2]  # ... but not with ∂f/∂x1 = 2x1 + 3x2, ∂f/∂x2 = 3x1 + 2x2
print("by hand, from the formula on paper:", by_hand)
# --8<-- [end:typo]
