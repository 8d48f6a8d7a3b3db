# One loss of n weights, its gradient three ways, and how many evaluations of the loss each way needs;
# then two inputs and n_out outputs: a whole Jacobian by forward mode (a column per pass) and by reverse mode
# (a row per pass).

# --8<-- [start:setup]
import warnings

import torch
from torch.func import jvp, vjp

with warnings.catch_warnings(action="ignore", category=DeprecationWarning):
    jvp(torch.sin, (torch.zeros(()),), (torch.ones(()),))  # torch warns about its own code on the first jvp


class Counted:
    """A function that counts how many times it is called."""

    def __init__(self, f):
        self.f = f
        self.calls = 0

    def __call__(self, *args):
        self.calls += 1
        return self.f(*args)


def linear_model_loss(n, B=8, seed=0):
    """The mean squared error of a linear model with n weights on B random examples, and a point w."""
    generator = torch.Generator().manual_seed(seed)  # its own random stream: the same data every run
    X = torch.randn(B, n, generator=generator, dtype=torch.float64)
    t = torch.randn(B, generator=generator, dtype=torch.float64)
    w = torch.randn(n, generator=generator, dtype=torch.float64)

    def loss(w):
        return ((X @ w - t) ** 2).mean()

    return loss, w, X, t


n = 6
loss, w, X, t = linear_model_loss(n)
B = len(X)
# --8<-- [end:setup]

# --8<-- [start:differences]
h = 1e-6


def by_differences(f, w):
    steps = h * torch.eye(len(w), dtype=w.dtype)  # row i moves w_i alone
    return torch.stack([(f(w + step) - f(w - step)) / (2 * h) for step in steps])


f = Counted(loss)
gradient_differences = by_differences(f, w)
print(gradient_differences)
print("evaluations of the loss:", f.calls)
differences_calls = f.calls
# --8<-- [end:differences]


# --8<-- [start:forward_mode]
def by_forward_mode(f, w):
    directions = torch.eye(len(w), dtype=w.dtype)  # direction i moves w_i alone, at unit speed
    return torch.stack([jvp(f, (w,), (d,))[1] for d in directions])  # jvp returns (f(w), J d)


f = Counted(loss)
gradient_forward = by_forward_mode(f, w)
print(gradient_forward)
print("evaluations of the loss:", f.calls)
forward_calls = f.calls
# --8<-- [end:forward_mode]


# --8<-- [start:reverse_mode]
def by_reverse_mode(f, w):
    value, vjp_fn = vjp(f, w)  # one forward pass, which records the graph
    backward = Counted(vjp_fn)
    (gradient,) = backward(torch.ones_like(value))  # one backward pass, from v = 1
    return gradient, backward.calls


f = Counted(loss)
gradient_reverse, backward_passes = by_reverse_mode(f, w)
print(gradient_reverse)
print("evaluations of the loss:", f.calls, " backward passes:", backward_passes)
reverse_calls = f.calls

w_leaf = w.clone().requires_grad_()
loss(w_leaf).backward()  # the same reverse pass, as a training loop writes it
torch.testing.assert_close(w_leaf.grad, gradient_reverse)
# --8<-- [end:reverse_mode]

# --8<-- [start:agree]
closed_form = 2 / B * X.T @ (X @ w - t)  # ∂L/∂w_j = (2/B) Σ_k (x_k · w - t_k) X_kj
gradients = {"differences": gradient_differences, "forward": gradient_forward, "reverse": gradient_reverse}
for name, gradient in gradients.items():
    print(f"{name:12} largest gap to the closed form: {(gradient - closed_form).abs().max().item():.1e}")
# --8<-- [end:agree]

# --8<-- [start:counts]
sizes = [1, 2, 4, 8, 16, 32, 64]
gradient_table = []
print("     n   differences   forward mode   reverse mode")
for size in sizes:
    loss_n, w_n, *_ = linear_model_loss(size)
    counts = []
    for method in (by_differences, by_forward_mode):
        f = Counted(loss_n)
        method(f, w_n)
        counts.append(f.calls)
    f = Counted(loss_n)
    _, backward_calls = by_reverse_mode(f, w_n)
    counts += [f.calls, backward_calls]
    gradient_table.append([size, *counts])
    print(f"{size:6} {counts[0]:13} {counts[1]:14} {counts[2]:10} + {counts[3]}")
# --8<-- [end:counts]


# --8<-- [start:columns_and_rows]
def decaying_wave(n_out):
    """y_k = exp(-a t_k) sin(ω t_k) at n_out times t_k: two inputs x = (a, ω), n_out outputs."""
    times = torch.linspace(0, 2, n_out, dtype=torch.float64)

    def y(x):
        return torch.exp(-x[0] * times) * torch.sin(x[1] * times)

    return y, times


def jacobian_by_forward_mode(f, x):
    passes = Counted(f)
    columns = [jvp(passes, (x,), (d,))[1] for d in torch.eye(len(x), dtype=x.dtype)]  # J d: a column
    return torch.stack(columns, dim=1), passes.calls


def jacobian_by_reverse_mode(f, x):
    evaluations = Counted(f)
    value, vjp_fn = vjp(evaluations, x)  # one forward pass
    backward = Counted(vjp_fn)
    rows = [backward(v)[0] for v in torch.eye(len(value), dtype=x.dtype)]  # vᵀJ: a row
    return torch.stack(rows), evaluations.calls, backward.calls


n_out = 5
x = torch.tensor([0.5, 3.0], dtype=torch.float64)  # a = 0.5, ω = 3
y, times = decaying_wave(n_out)
J_forward, forward_passes = jacobian_by_forward_mode(y, x)
J_reverse, reverse_evaluations, reverse_passes = jacobian_by_reverse_mode(y, x)
print(J_forward)
print("forward mode: passes", forward_passes)
print("reverse mode: evaluations", reverse_evaluations, " backward passes", reverse_passes)
torch.testing.assert_close(J_forward, J_reverse)
# --8<-- [end:columns_and_rows]

# --8<-- [start:jacobian_counts]
jacobian_table = []
print(" n_out   forward mode   reverse mode")
for size in sizes:
    y_m, _ = decaying_wave(size)
    _, passes = jacobian_by_forward_mode(y_m, x)
    _, evaluations, backward_calls = jacobian_by_reverse_mode(y_m, x)
    jacobian_table.append([size, passes, evaluations, backward_calls])
    print(f"{size:6} {passes:14} {evaluations:10} + {backward_calls}")
# --8<-- [end:jacobian_counts]
