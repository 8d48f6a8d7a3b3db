# The first steps of SGD with momentum on one parameter whose gradient never changes, and three other rules.

# --8<-- [start:setup]
import torch

demo_lr, demo_beta, slope, demo_steps = 0.1, 0.9, 1.0, 2
# The loss slope * w has the same gradient, slope, wherever w is: only the update rule decides where w goes.
# --8<-- [end:setup]


# --8<-- [start:torch_momentum]
w = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=demo_lr, momentum=demo_beta)
for _ in range(demo_steps):
    optimizer.zero_grad()
    (slope * w).sum().backward()
    optimizer.step()
    print(f"{w.item():.4f}")
# --8<-- [end:torch_momentum]


# --8<-- [start:plain]
w = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=demo_lr)
for _ in range(demo_steps):
    optimizer.zero_grad()
    (slope * w).sum().backward()
    optimizer.step()
    print(f"{w.item():.4f}")
# --8<-- [end:plain]


# --8<-- [start:nesterov]
w = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=demo_lr, momentum=demo_beta, nesterov=True)
for _ in range(demo_steps):
    optimizer.zero_grad()
    (slope * w).sum().backward()
    optimizer.step()
    print(f"{w.item():.4f}")
# --8<-- [end:nesterov]


# --8<-- [start:average_from_zero]
w = torch.zeros(1, requires_grad=True)
u = torch.zeros(1)  # a running average of the gradients, started at zero
for _ in range(demo_steps):
    (slope * w).sum().backward()
    with torch.no_grad():
        u = demo_beta * u + (1 - demo_beta) * w.grad
        w -= demo_lr * u
    w.grad.zero_()
    print(f"{w.item():.4f}")
# --8<-- [end:average_from_zero]


# --8<-- [start:exercise_long_run]
w = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=demo_lr, momentum=demo_beta)
long_run, positions = 20, [0.0]
for _ in range(long_run):
    optimizer.zero_grad()
    (slope * w).sum().backward()
    optimizer.step()
    positions.append(w.item())
first_step, last_step = positions[0] - positions[1], positions[-2] - positions[-1]
growth = last_step / first_step
geometric, limit = sum(demo_beta**k for k in range(long_run)), 1 / (1 - demo_beta)
print(f"first step {first_step:.4f}, step {long_run} {last_step:.4f}: {growth:.3f} times as long")
print(f"sum of beta**k for k < {long_run}: {geometric:.3f}; for ever: {limit:.1f}")
# --8<-- [end:exercise_long_run]
