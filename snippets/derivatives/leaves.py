# The graph autograd records for z = sin(x²): leaves, intermediates and their .grad.

# --8<-- [start:graph]
import torch

x = torch.tensor(3.0, requires_grad=True)
y = x**2
z = torch.sin(y)


def describe(t):
    made_by = t.grad_fn.name() if t.grad_fn is not None else None
    flags = f"requires_grad={t.requires_grad}, is_leaf={t.is_leaf}"
    return f"{flags}, grad_fn={made_by}"


print("x:", describe(x))
print("y:", describe(y))
print("z:", describe(z))
# --8<-- [end:graph]

# --8<-- [start:intermediate_grad]
import textwrap
import warnings

z.backward()
print("x.grad:", x.grad)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print("y.grad:", y.grad)
first_sentence = str(caught[0].message).split(". ")[0]
print(textwrap.fill(f"PyTorch warns: {first_sentence}.", width=60))
# --8<-- [end:intermediate_grad]

# --8<-- [start:retain_grad]
x = torch.tensor(3.0, requires_grad=True)
y = x**2
y.retain_grad()  # ask autograd to keep this intermediate's gradient
z = torch.sin(y)
z.backward()

print(f"y.grad = dz/dy = cos(y)  = {y.grad.item():.4f}")
print(f"x.grad = dz/dy · dy/dx   = {x.grad.item():.4f}")
torch.testing.assert_close(x.grad, y.grad * 2 * x.detach())
# --8<-- [end:retain_grad]
