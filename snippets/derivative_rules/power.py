# The power rule on f(x) = x^(1/2), the square root, at x = 2.25.

# --8<-- [start:rule]
import math

x0 = 2.25  # the point
n = 0.5  # the power: x^(1/2) is the square root of x
power_term = x0 ** (n - 1)
by_rule = n * power_term  # n·x^(n − 1)
print(f"by the rule: {n:g} × {power_term:.6f} = {by_rule:.6f}")
# --8<-- [end:rule]

# --8<-- [start:sympy]
import sympy as sp

x_sym = sp.Symbol("x")
slope_sym = sp.diff(sp.sqrt(x_sym), x_sym)
slope_sympy = float(slope_sym.subs(x_sym, x0))
print("SymPy: f'(x) =", slope_sym)
print(f"at x = {x0:g}: {slope_sympy:.6f}")
# --8<-- [end:sympy]

# --8<-- [start:autograd]
import torch

x = torch.tensor(x0, requires_grad=True)
f = x**0.5
f.backward()
print(f"autograd: {x.grad.item():.6f}")
# --8<-- [end:autograd]


# --8<-- [start:finite_difference]
def f64(x):
    return math.sqrt(x)  # f in plain Python floats: float64


h = 1e-5
slope_fd = (f64(x0 + h) - f64(x0 - h)) / (2 * h)
print(f"central difference, h = {h:g}: {slope_fd:.6f}")
# --8<-- [end:finite_difference]

# --8<-- [start:agree]
assert math.isclose(slope_sympy, by_rule, rel_tol=1e-12)  # one formula, evaluated twice in float64
assert math.isclose(slope_fd, by_rule, rel_tol=1e-8)  # an estimate, good to about ten digits
torch.testing.assert_close(x.grad, torch.tensor(by_rule))  # float32: about seven digits
print("the rule, SymPy, autograd and the central difference agree")
# --8<-- [end:agree]
