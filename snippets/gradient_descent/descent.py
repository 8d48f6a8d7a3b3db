# Gradient descent on f(x) = (x − 2)² from x = 5: by hand, by autograd,
# in closed form and with SGD.

# --8<-- [start:setup]
import math

import torch


def f(x):
    return (x - 2) ** 2


def df(x):
    return 2 * (x - 2)  # f'(x), worked out by hand


x0 = 5.0  # the starting point
lr = 0.1  # the learning rate η
steps = 5
# --8<-- [end:setup]

# --8<-- [start:by_hand]
x = torch.tensor(x0)
hand_xs = [x.item()]
for _ in range(steps):
    x = x - lr * df(x)
    hand_xs.append(x.item())
print("by hand: ", " ".join(f"{v:.4f}" for v in hand_xs))
# --8<-- [end:by_hand]


# --8<-- [start:autograd]
def descend(x0, lr, steps):
    """x_0, ..., x_steps of descent on f, with autograd's gradient."""
    x = torch.tensor(x0, requires_grad=True)
    xs = [x.item()]
    for _ in range(steps):
        f(x).backward()  # adds f'(x) into x.grad
        with torch.no_grad():
            x -= lr * x.grad  # the step itself is not part of f
        x.grad.zero_()  # forget this gradient before the next backward()
        xs.append(x.item())
    return xs


autograd_xs = descend(x0, lr, steps)
print("autograd:", " ".join(f"{v:.4f}" for v in autograd_xs))
assert autograd_xs == hand_xs  # equal bit for bit, not merely close
# --8<-- [end:autograd]

# --8<-- [start:table]
rows = [" k     x_k   f(x_k)  f'(x_k)  x_k - 2   ratio  slope of f'"]
slopes_of_slope = []  # how fast f' changes between neighbouring iterates
for k, x_k in enumerate(hand_xs):
    error = x_k - 2
    row = f"{k:2d}  {x_k:.4f}  {f(x_k):7.4f}  {df(x_k):7.4f}  {error:7.4f}"
    if k:
        before = hand_xs[k - 1]
        ratio = error / (before - 2)
        slopes_of_slope.append((df(x_k) - df(before)) / (x_k - before))
        row += f"  {ratio:6.4f}  {slopes_of_slope[-1]:11.4f}"
    rows.append(row)
print("\n".join(rows))
# --8<-- [end:table]

# --8<-- [start:closed_form]
r = 1 - 2 * lr  # every step multiplies x − 2 by this factor


def closed_form(k, x0, lr):
    return 2 + (1 - 2 * lr) ** k * (x0 - 2)


predicted = [closed_form(k, x0, lr) for k in range(steps + 1)]  # Python floats: float64
print("closed form:", " ".join(f"{v:.4f}" for v in predicted))
# torch.tensor makes float32 tensors of both lists; assert_close uses float32's tolerance.
torch.testing.assert_close(torch.tensor(hand_xs), torch.tensor(predicted))
# --8<-- [end:closed_form]

# --8<-- [start:tolerance]
tol = 1e-3
x = torch.tensor(x0, requires_grad=True)
count = 0
while abs(x.item() - 2) >= tol:
    f(x).backward()
    with torch.no_grad():
        x -= lr * x.grad
    x.grad.zero_()
    count += 1
final_x = x.item()
# The smallest k with |1 − 2η|^k · |x0 − 2| < tol:
bound = math.log(abs(x0 - 2) / tol) / math.log(1 / abs(1 - 2 * lr))
formula_count = math.floor(bound) + 1
print(f"the loop needs {count} steps and stops at x = {final_x:.6f}")
print(f"the formula predicts {formula_count} steps")
assert count == formula_count
# --8<-- [end:tolerance]

# --8<-- [start:without_zero]
x = torch.tensor(x0, requires_grad=True)
stale_xs, true_grads, stale_grads = [], [], []
print(" k     x_k  f'(x_k)   x.grad")
for k in range(3):
    f(x).backward()
    with torch.no_grad():
        slope = df(x).item()  # what x.grad should hold
        stale_xs.append(x.item())
        true_grads.append(slope)
        stale_grads.append(x.grad.item())
        print(f"{k:2d}  {x.item():.4f}  {slope:7.4f}  {x.grad.item():7.4f}")
        x -= lr * x.grad
    # no x.grad.zero_() here
stale_xs.append(x.item())
print(f"x_3 = {stale_xs[3]:.4f}; the correct loop has {hand_xs[3]:.4f}")
# --8<-- [end:without_zero]

# --8<-- [start:step_sizes]
rates = [0.1, 0.5, 0.75, 1.0, 1.1]
sweep = []  # the iterates x_0, ..., x_6 for each rate
for rate in rates:
    xs = descend(x0, rate, 6)
    sweep.append(xs)
    iterates = " ".join(f"{v:7.3f}" for v in xs)
    print(f"η = {rate:<4} r = {1 - 2 * rate:4.1f}: {iterates}")
exact = [[closed_form(k, x0, rate) for k in range(7)] for rate in rates]
torch.testing.assert_close(torch.tensor(sweep), torch.tensor(exact))
# --8<-- [end:step_sizes]

# --8<-- [start:sgd]
x = torch.tensor(x0, requires_grad=True)
optimizer = torch.optim.SGD([x], lr=lr)
sgd_xs = [x.item()]
for _ in range(steps):
    optimizer.zero_grad()  # sets x.grad to None
    f(x).backward()
    optimizer.step()  # x -= lr * x.grad, without recording
    sgd_xs.append(x.item())
print("SGD:     ", " ".join(f"{v:.4f}" for v in sgd_xs))
assert sgd_xs == hand_xs
optimizer.zero_grad()
print(f"after zero_grad(): x.grad = {x.grad}; x is a leaf: {x.is_leaf}")
# --8<-- [end:sgd]
