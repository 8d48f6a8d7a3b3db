# f(x1, x2) = x1² + 3·x1·x2 + x2² at (2, 3), differentiated four ways.

# --8<-- [start:function]
import math


def f(m, x1, x2):
    return x1**2 + 3 * x1 * x2 + x2**2


print("f(2, 3) =", f(math, 2, 3))
# --8<-- [end:function]

# --8<-- [start:by_hand]
df_dx1_hand = 2 * 2 + 3 * 3  # ∂f/∂x1 = 2·x1 + 3·x2 at (2, 3)
df_dx2_hand = 3 * 2 + 2 * 3  # ∂f/∂x2 = 3·x1 + 2·x2 at (2, 3)
print("by hand:", df_dx1_hand, df_dx2_hand)
# --8<-- [end:by_hand]

# --8<-- [start:autograd]
import torch

x = torch.tensor([2.0, 3.0], requires_grad=True)
y = f(torch, x[0], x[1])  # the same f, fed tensors: every operation joins the graph
y.backward()
print("autograd:", x.grad)
# --8<-- [end:autograd]

# --8<-- [start:sympy]
import sympy as sp

x1_sym, x2_sym = sp.symbols("x1 x2")
f_sym = f(sp, x1_sym, x2_sym)  # the same f, fed symbols: it returns a formula
df_dx1_sym = sp.diff(f_sym, x1_sym)
df_dx2_sym = sp.diff(f_sym, x2_sym)
point = {x1_sym: 2, x2_sym: 3}
print("∂f/∂x1 =", df_dx1_sym)
print("∂f/∂x2 =", df_dx2_sym)
print("at (2, 3):", df_dx1_sym.subs(point), df_dx2_sym.subs(point))
# --8<-- [end:sympy]

# --8<-- [start:finite_difference]
h = 1e-5
fd_x1 = (f(math, 2 + h, 3) - f(math, 2 - h, 3)) / (2 * h)  # the same f, fed floats
fd_x2 = (f(math, 2, 3 + h) - f(math, 2, 3 - h)) / (2 * h)
print(f"finite difference: {fd_x1:.6f} {fd_x2:.6f}")
# --8<-- [end:finite_difference]

# --8<-- [start:agree]
# SymPy integers: no rounding at all.
exact_sym = [df_dx1_sym.subs(point), df_dx2_sym.subs(point)]
assert [df_dx1_hand, df_dx2_hand] == exact_sym
reference = torch.tensor([float(value) for value in exact_sym])
torch.testing.assert_close(x.grad, reference)
torch.testing.assert_close(torch.tensor([fd_x1, fd_x2]), reference)
print("hand, autograd, SymPy and the finite difference agree")
# --8<-- [end:agree]

# --8<-- [start:evalf]
exact_value_sym, float_value_sym = df_dx1_sym.subs(point), df_dx1_sym.evalf(subs=point)
print(exact_value_sym, "is", type(exact_value_sym).__name__)
print(float_value_sym, "is", type(float_value_sym).__name__)
shown_digits = sum(character.isdigit() for character in str(float_value_sym))
# --8<-- [end:evalf]
