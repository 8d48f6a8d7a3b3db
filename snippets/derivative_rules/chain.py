# The chain rule on f(x) = ln(1 + x²) at x = 1.5: outer ln u, inner u = 1 + x².

# --8<-- [start:rule]
import math

x0 = 1.5  # the point
u0 = 1 + x0**2  # the inner function's value
outer_slope = 1 / u0  # the slope of ln u, at u = u0
inner_slope = 2 * x0  # the slope of 1 + x², at x = x0
by_rule = outer_slope * inner_slope
print(f"by the rule: (1 / {u0:g}) × {inner_slope:g} = {outer_slope:.6f} × {inner_slope:g} = {by_rule:.6f}")
# --8<-- [end:rule]

# --8<-- [start:sympy]
import sympy as sp

x_sym = sp.Symbol("x")
slope_sym = sp.diff(sp.log(1 + x_sym**2), x_sym)
slope_sympy = float(slope_sym.subs(x_sym, x0))
print("SymPy: f'(x) =", slope_sym)
print(f"at x = {x0:g}: {slope_sympy:.6f}")
# --8<-- [end:sympy]

# --8<-- [start:autograd]
import torch

x = torch.tensor(x0, requires_grad=True)
f = torch.log(1 + x**2)
f.backward()
print(f"autograd: {x.grad.item():.6f}")
# --8<-- [end:autograd]


# --8<-- [start:finite_difference]
def f64(x):
    return math.log(1 + x**2)


h = 1e-5
slope_fd = (f64(x0 + h) - f64(x0 - h)) / (2 * h)
print(f"central difference, h = {h:g}: {slope_fd:.6f}")
# --8<-- [end:finite_difference]

# --8<-- [start:agree]
assert math.isclose(slope_sympy, by_rule, rel_tol=1e-12)
assert math.isclose(slope_fd, by_rule, rel_tol=1e-8)
torch.testing.assert_close(x.grad, torch.tensor(by_rule))
print("the rule, SymPy, autograd and the central difference agree")
# --8<-- [end:agree]
