# Which tensors receive a .grad after backward(): leaves that require it, and retained intermediates.

# --8<-- [start:leaves_only]
import textwrap
import warnings

import torch

x = torch.tensor(3.0, requires_grad=True)
c = torch.tensor(1.0)
y = x**2
z = 3 * y + c
z.backward()

print("x.grad:", x.grad)  # a leaf that requires a gradient
print("c.grad:", c.grad)  # a leaf that does not
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print("y.grad:", y.grad)  # not a leaf
# The warning's first two sentences; the rest points to a file on the machine that ran it.
first_two_sentences = ". ".join(str(caught[0].message).split(". ")[:2])
print(textwrap.fill(f"PyTorch warns: {first_two_sentences}.", width=72))
# --8<-- [end:leaves_only]

# --8<-- [start:retain]
x = torch.tensor(3.0, requires_grad=True)
y = x**2
y.retain_grad()  # before backward(): keep the gradient that reaches y
z = 3 * y + c
z.backward()

print("y.grad:", y.grad)
print("x.grad:", x.grad)
# --8<-- [end:retain]
