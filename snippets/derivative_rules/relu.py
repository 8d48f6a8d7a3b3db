# ReLU(x) = max(0, x) has no derivative at 0; three ways to write it in PyTorch give three slopes there.

# --8<-- [start:autograd]
import torch


def relu_by_clamp(x):
    return x.clamp(min=0)


def relu_by_maximum(x):
    return torch.maximum(x, torch.tensor(0.0))


ways = {"torch.relu(x)": torch.relu, "x.clamp(min=0)": relu_by_clamp, "torch.maximum(x, 0.)": relu_by_maximum}
points = [-1.0, 0.0, 2.0]
values, slopes = {}, {}
for name, relu in ways.items():
    values[name], slopes[name] = [], []
    for x0 in points:
        x = torch.tensor(x0, requires_grad=True)
        y = relu(x)
        y.backward()
        values[name].append(y.item())
        slopes[name].append(x.grad.item())

labels = [f"x = {x0:g}" for x0 in points]
print(f"{'slope at':<22}" + "".join(f"{label:>8}" for label in labels))
for name in ways:
    print(f"{name:<22}" + "".join(f"{slope:>8g}" for slope in slopes[name]))
print(f"{'value ReLU(x)':<22}" + "".join(f"{value:>8g}" for value in values["torch.relu(x)"]))
same_function = all(values[name] == values["torch.relu(x)"] for name in ways)
print("the three ways give the same values:", same_function)
relu_at_0 = slopes["torch.relu(x)"][1]  # the slopes at x = 0, the corner
clamp_at_0 = slopes["x.clamp(min=0)"][1]
maximum_at_0 = slopes["torch.maximum(x, 0.)"][1]
# --8<-- [end:autograd]

# --8<-- [start:tie]
x = torch.tensor(points[1], requires_grad=True)  # the corner, x = 0
torch.nn.functional.relu(x).backward()
functional_at_0 = x.grad.item()
print("torch.nn.functional.relu, slope at the corner:", functional_at_0)

x = torch.tensor(points[1], requires_grad=True)
zero = torch.tensor(0.0, requires_grad=True)  # this time the 0 asks for a gradient too
torch.maximum(x, zero).backward()
print("torch.maximum(x, zero) at a tie: x.grad =", x.grad.item(), " zero.grad =", zero.grad.item())
# --8<-- [end:tie]


# --8<-- [start:one_sided]
def relu64(x):
    return max(0.0, x)


h = 1e-5
from_right = (relu64(0 + h) - relu64(0)) / h
from_left = (relu64(0) - relu64(0 - h)) / h
central = (relu64(0 + h) - relu64(0 - h)) / (2 * h)
print(f"step to the right: {from_right:g}")
print(f"step to the left:  {from_left:g}")
print(f"central difference: {central:g}")
# --8<-- [end:one_sided]
