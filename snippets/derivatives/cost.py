# Why training does not use difference quotients: how many times each method calls the function.

# --8<-- [start:count]
import torch

calls = []  # one entry per call of loss: a way to count them


def loss(w):
    calls.append(1)
    return (w**2).sum()  # a function of all n parameters


h = 1e-5  # the step of the central differences
counts = []
print(f"{'n':>4}  {'central differences':>19}  {'autograd':>8}")
for n in [1, 10, 100]:
    w = torch.linspace(-1.0, 1.0, n, dtype=torch.float64, requires_grad=True)  # n numbers from -1 to 1

    calls.clear()
    slopes = []
    with torch.no_grad():  # plain arithmetic: nothing for autograd to record
        for i in range(n):  # nudge one parameter at a time, both ways
            step = torch.zeros(n, dtype=torch.float64)
            step[i] = h  # zero everywhere but h at position i
            slopes.append((loss(w + step) - loss(w - step)) / (2 * h))
    central_calls = len(calls)

    calls.clear()
    loss(w).backward()  # one call, then one backward pass fills all n slopes of w.grad
    autograd_calls = len(calls)

    torch.testing.assert_close(w.grad, torch.stack(slopes))  # stack: the n slopes as one tensor; the same
    counts.append((n, central_calls, autograd_calls))
    print(f"{n:>4}  {central_calls:>19}  {autograd_calls:>8}")
# --8<-- [end:count]
