# Warm-up: z = 2x² + 3 through the intermediate y = x², at x = 3.5.

# --8<-- [start:forward]
import torch

x = torch.tensor(3.5, requires_grad=True)
y = x * x  # the inner function
z = 2 * y + 3  # the outer function, applied to y

print("x =", x)
print("y =", y)
print("z =", z)
# --8<-- [end:forward]

# --8<-- [start:gradient]
dz_dy = 2  # z = 2y + 3
dy_dx = 2 * x.item()  # y = x²
dz_dx = dz_dy * dy_dx  # the chain rule multiplies the local slopes
print("by hand: dz/dx =", dz_dx)

z.backward()
print("autograd: dz/dx =", x.grad)
torch.testing.assert_close(x.grad, torch.tensor(dz_dx))
# --8<-- [end:gradient]

# --8<-- [start:hook]
received = []


def report(grad):
    """Called by backward() with the gradient it is about to store in x.grad."""
    received.append(grad)
    print("the hook on x receives", grad)


x = torch.tensor(3.5, requires_grad=True)  # a fresh forward pass
x.register_hook(report)
y = x * x
z = 2 * y + 3
z.backward()

per_arrow = dz_dy * x.item()  # what each of the two arrows out of x carries: dz/dy times the other factor
print("calls:", len(received), " each arrow:", per_arrow, " x.grad:", x.grad)
# --8<-- [end:hook]
