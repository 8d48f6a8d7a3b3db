# Exercise 3: which tensors are leaves, and which receive a .grad.

# --8<-- [start:question]
import torch

a = torch.tensor(2.0, requires_grad=True)
b = torch.tensor(5.0)
c = a * b
d = c + a
# --8<-- [end:question]

# --8<-- [start:solution]
import warnings

c.retain_grad()  # before backward(), or c's gradient is thrown away
d.backward()
with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # reading d.grad warns, as d is not a leaf
    for name, t in {"a": a, "b": b, "c": c, "d": d}.items():
        print(f"{name}: is_leaf={t.is_leaf!s:<5}  grad={t.grad!s}")
# --8<-- [end:solution]
