# u = y.detach() is y's value with no history: z = u·x differentiates as if u were a constant.

# --8<-- [start:detached]
import torch

x = torch.arange(4.0, requires_grad=True)
y = x * x
u = y.detach()  # same numbers as y, cut off from the graph
z = u * x
z.sum().backward()
print("u      =", u)
print("x.grad =", x.grad)
torch.testing.assert_close(x.grad, u)
# --8<-- [end:detached]

# --8<-- [start:attached]
x = torch.arange(4.0, requires_grad=True)
y = x * x
z = y * x  # z = x³, and now both factors depend on x
z.sum().backward()
print("x.grad =", x.grad)
torch.testing.assert_close(x.grad, 3 * x.detach() ** 2)
# --8<-- [end:attached]
