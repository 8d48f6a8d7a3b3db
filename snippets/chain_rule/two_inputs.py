# f(x1, x2) = x1² + 3·x1·x2 + x2² at (2, 3): its two partial derivatives, four ways.

# --8<-- [start:partials]
import math

import sympy as sp
import torch


def f(lib, x1, x2):  # lib: the library whose maths to use (math, sympy or torch)
    return x1**2 + 3 * x1 * x2 + x2**2


point = (2, 3)
x1, x2 = point  # the point, as plain numbers
by_hand = [2 * x1 + 3 * x2, 3 * x1 + 2 * x2]  # ∂f/∂x1 = 2x1 + 3x2, ∂f/∂x2 = 3x1 + 2x2
print("by hand:           ", by_hand)

x = torch.tensor(point, dtype=torch.float32, requires_grad=True)
f(torch, *x).backward()  # autograd: f fed the tensors x[0] and x[1]
print("autograd:          ", x.grad)

x1_sym, x2_sym = sp.symbols("x1 x2")
f_sym = f(sp, x1_sym, x2_sym)  # SymPy: f fed symbols returns a formula
formulas_sym = [sp.diff(f_sym, x1_sym), sp.diff(f_sym, x2_sym)]
point_sym = {x1_sym: x1, x2_sym: x2}
exact_sym = [formula.subs(point_sym) for formula in formulas_sym]
print("SymPy:             ", formulas_sym, "at the point:", exact_sym)

h = 1e-5  # central difference: f fed floats, one input nudged at a time
central = [
    (f(math, x1 + h, x2) - f(math, x1 - h, x2)) / (2 * h),
    (f(math, x1, x2 + h) - f(math, x1, x2 - h)) / (2 * h),
]
print("central difference:", [round(slope, 6) for slope in central])

assert by_hand == exact_sym  # whole numbers on both sides: == is the right test
reference = torch.tensor([float(value) for value in exact_sym])
torch.testing.assert_close(x.grad, reference)  # float32, compared with a tolerance
torch.testing.assert_close(torch.tensor(central), reference)  # an estimate, compared the same way
print("all four agree")

float_sym = formulas_sym[0].evalf(subs=point_sym)  # evalf gives a floating-point number instead
print(exact_sym[0], type(exact_sym[0]).__name__)
print(float_sym, type(float_sym).__name__)
shown_digits = sum(character.isdigit() for character in str(float_sym))
# --8<-- [end:partials]
