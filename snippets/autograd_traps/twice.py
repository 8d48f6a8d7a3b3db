# Trap: calling backward() a second time on the same graph.

# --8<-- [start:second_backward]
import torch

x = torch.tensor(3.0, requires_grad=True)
y = x * x  # the multiplication saves x for its backward pass
y.backward()
try:
    y.backward()  # the same graph again
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
print(x.grad)
# --8<-- [end:second_backward]

# --8<-- [start:retained]
x = torch.tensor(3.0, requires_grad=True)
y = x * x
y.backward(retain_graph=True)
y.backward()
print(x.grad)
# --8<-- [end:retained]

# --8<-- [start:retained_and_cleared]
x = torch.tensor(3.0, requires_grad=True)
y = x * x
y.backward(retain_graph=True)
x.grad = None  # as if the second pass replaced the first
y.backward()
print(x.grad)
# --8<-- [end:retained_and_cleared]

# --8<-- [start:retain_graph]
x = torch.tensor(3.0, requires_grad=True)
y = x * x
y.backward(retain_graph=True)  # keep what the graph saved
y.backward()
print("product, retain_graph=True:", x.grad)

x = torch.tensor(3.0, requires_grad=True)
y = x + 1  # an addition needs nothing saved: its local derivatives are 1
y.backward()
y.backward()
print("sum, nothing retained:    ", x.grad)
# --8<-- [end:retain_graph]
