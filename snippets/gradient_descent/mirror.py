# Exercise 2: η = 0.4 against η = 0.6 on f(x) = (x − 2)² from x = 5,
# to within 0.001 of the minimum.

# --8<-- [start:problem]
import math

import torch


def f(x):
    return (x - 2) ** 2


x0 = 5.0
tol = 1e-3
rates = [0.4, 0.6]  # the two learning rates to compare
# --8<-- [end:problem]


# --8<-- [start:by_hand]
def formula_steps(lr):
    """The smallest k with |1 − 2η|^k · |x0 − 2| < tol."""
    bound = math.log(abs(x0 - 2) / tol) / math.log(1 / abs(1 - 2 * lr))
    return math.floor(bound) + 1


factors = [1 - 2 * rate for rate in rates]  # the same size, opposite signs
for rate, factor in zip(rates, factors):
    print(f"η = {rate}: factor {factor:.1f}, predicted steps: {formula_steps(rate)}")
# --8<-- [end:by_hand]


# --8<-- [start:autograd]
def descend_until_close(lr):
    x = torch.tensor(x0, requires_grad=True)
    xs = [x.item()]
    while abs(x.item() - 2) >= tol:
        f(x).backward()
        with torch.no_grad():
            x -= lr * x.grad
        x.grad.zero_()
        xs.append(x.item())
    return xs


slow_side = descend_until_close(rates[0])
far_side = descend_until_close(rates[1])
counts = [len(slow_side) - 1, len(far_side) - 1]
for rate, xs, count in zip(rates, [slow_side, far_side], counts):
    print(f"η = {rate}: {count} steps:", " ".join(f"{v:.5f}" for v in xs))
    assert count == formula_steps(rate)
# --8<-- [end:autograd]
