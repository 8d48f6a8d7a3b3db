# c = y.detach() is y's value with no history: z = c·x differentiates as if c were a constant.

# --8<-- [start:detached]
import torch

x = torch.arange(4.0, requires_grad=True)
y = x * x
c = y.detach()  # same numbers as y, cut off from the graph
(c * x).sum().backward()
print("c                      =", c)
print("with detach:    x.grad =", x.grad)
torch.testing.assert_close(x.grad, c)
detached_grad = x.grad

x = torch.arange(4.0, requires_grad=True)
y = x * x
(y * x).sum().backward()  # x³: now both factors depend on x
print("without detach: x.grad =", x.grad)
torch.testing.assert_close(x.grad, 3 * x.detach() ** 2)
# --8<-- [end:detached]
