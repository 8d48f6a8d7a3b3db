# Exercise 1: the logistic model's gradient with respect to its parameters w and b.

# --8<-- [start:by_hand]
import math

sigma = 1 / (1 + math.exp(-(0.5 * 2 - 1.0 * 3 + 2)))  # σ(z) at z = 0
slope = sigma * (1 - sigma)  # σ'(z) = σ(z)(1 − σ(z))
# ∂y/∂w1 = σ'·x1, ∂y/∂w2 = σ'·x2 and ∂y/∂b = σ'
by_hand = [slope * 2, slope * 3, slope]
print("by hand:", by_hand)
# --8<-- [end:by_hand]

# --8<-- [start:autograd]
import torch

x = torch.tensor([2.0, 3.0])  # a constant now
w = torch.tensor([0.5, -1.0], requires_grad=True)
b = torch.tensor(2.0, requires_grad=True)
y = torch.sigmoid(w @ x + b)
y.backward()
print("autograd: dy/dw =", w.grad, " dy/db =", b.grad)
# --8<-- [end:autograd]

# --8<-- [start:sympy]
import sympy as sp

x1, x2, w1, w2, b_sym = sp.symbols("x1 x2 w1 w2 b")
y_sym = 1 / (1 + sp.exp(-(w1 * x1 + w2 * x2 + b_sym)))
values = {x1: 2, x2: 3, w1: sp.Rational(1, 2), w2: -1, b_sym: 2}
parameters = (w1, w2, b_sym)
grad_exact = [sp.diff(y_sym, p).subs(values) for p in parameters]
print("SymPy:", grad_exact)
# --8<-- [end:sympy]

# --8<-- [start:agree]
exact = torch.tensor([float(value) for value in grad_exact])
torch.testing.assert_close(torch.cat([w.grad, b.grad.reshape(1)]), exact)
torch.testing.assert_close(torch.tensor(by_hand), exact)
print("by hand, autograd and SymPy agree")
# --8<-- [end:agree]
