# Exercise 1: which success probability makes two successes in three trials most likely?

# --8<-- [start:sympy]
import sympy as sp

q = sp.symbols("p", positive=True)
log_likelihood = sp.log(3) + 2 * sp.log(q) + sp.log(1 - q)
slope = sp.diff(log_likelihood, q)
best = sp.solve(slope, q)
p_star = float(best[0])
print("d/dp log L =", slope)
print("zero at p =", best, f"≈ {p_star:.4f}")
# --8<-- [end:sympy]

# --8<-- [start:autograd]
import torch

p_t = torch.tensor(2 / 3, requires_grad=True)
log_l = torch.log(torch.tensor(3.0)) + 2 * torch.log(p_t) + torch.log(1 - p_t)
log_l.backward()
print(f"slope of log L at p = 2/3: {p_t.grad.item():.1e}")
# --8<-- [end:autograd]

# --8<-- [start:grid]
import math


def likelihood(p):
    return math.comb(3, 2) * p**2 * (1 - p)


grid = [i / 100 for i in range(1, 100)]
p_best = max(grid, key=likelihood)
print("best p on a grid of step 0.01:", p_best)
print(f"largest likelihood: {likelihood(p_best):.4f}")
# --8<-- [end:grid]
