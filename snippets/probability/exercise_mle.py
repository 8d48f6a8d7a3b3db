# Exercise 1: which success probability makes two successes in three trials most likely?

# --8<-- [start:sympy]
import sympy as sp

p = sp.symbols("p", positive=True)
log_lik = sp.log(3) + 2 * sp.log(p) + sp.log(1 - p)
slope = sp.diff(log_lik, p)
best = sp.solve(slope, p)
p_star = float(best[0])
print("d/dp log lik =", slope)
print("zero at p =", best, f"≈ {p_star:.4f}")
# --8<-- [end:sympy]

# --8<-- [start:autograd]
import torch

# The slope of log lik below p*, at p* and above it, in float32:
points = [0.6, best[0], 0.7]
mle_slopes = []
for point in points:
    p_t = torch.tensor(float(point), requires_grad=True)
    log_l = torch.log(torch.tensor(3.0)) + 2 * torch.log(p_t) + torch.log(1 - p_t)
    log_l.backward()
    mle_slopes.append(p_t.grad.item())
    print(f"p = {point}: slope {p_t.grad.item():+.1e}")
# --8<-- [end:autograd]


# --8<-- [start:grid]
def lik(p):
    return 3 * p**2 * (1 - p)


steps = 100
grid = [i / steps for i in range(1, steps)]
p_best = max(grid, key=lik)
print(f"best p on a grid of step {1 / steps}: {p_best}")
print(f"largest value of lik: {lik(p_best):.4f}")
# --8<-- [end:grid]
