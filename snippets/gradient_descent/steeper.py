# Exercise 1: a steeper bowl, g(x) = 3(x − 2)², started at x = 5.

# --8<-- [start:problem]
import torch


def g(x):
    return 3 * (x - 2) ** 2


x0 = 5.0
# --8<-- [end:problem]

# --8<-- [start:by_hand]
# g'(x) = 6(x − 2), so x_{k+1} − 2 = (1 − 6η)(x_k − 2).
one_step_lr = 1 / 6  # makes 1 − 6η = 0
largest_lr = 1 / 3  # 1 − 6η = −1: the 2-cycle
print(f"one step lands on 2 at η = {one_step_lr:.4f}")
print(f"descent converges for 0 < η < {largest_lr:.4f}")
# --8<-- [end:by_hand]


# --8<-- [start:autograd]
def descend(x0, lr, steps):
    x = torch.tensor(x0, requires_grad=True)
    xs = [x.item()]
    for _ in range(steps):
        g(x).backward()
        with torch.no_grad():
            x -= lr * x.grad
        x.grad.zero_()
        xs.append(x.item())
    return xs


rates = [one_step_lr, 0.3, 0.35]
factors = [1 - 6 * rate for rate in rates]  # what each step multiplies x − 2 by
trials = []  # the iterates x_0, ..., x_4 for each rate
for rate in rates:
    xs = descend(x0, rate, 4)
    trials.append(xs)
    exact = [2 + (1 - 6 * rate) ** k * (x0 - 2) for k in range(5)]
    torch.testing.assert_close(torch.tensor(xs), torch.tensor(exact))
    print(f"η = {rate:.4f}: " + " ".join(f"{v:7.4f}" for v in xs))
# --8<-- [end:autograd]
