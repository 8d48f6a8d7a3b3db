# Exercise: a training step that reuses a piece of graph built before the loop.

# --8<-- [start:setup]
import torch

w = torch.tensor(2.0, requires_grad=True)
x = torch.tensor(3.0)
u = w * x  # computed once, before the loop


def train_step():
    loss = (u - 1) ** 2
    loss.backward()
    print(w.grad)


# --8<-- [end:setup]


# --8<-- [start:loop]
for _ in range(2):
    try:
        train_step()
    except RuntimeError as error:
        print(f"{type(error).__name__}: {error}")
# --8<-- [end:loop]


# --8<-- [start:retained]
def train_step_retaining():
    loss = (u - 1) ** 2
    loss.backward(retain_graph=True)
    print(w.grad)


w.grad = None
u = w * x
for _ in range(2):
    train_step_retaining()
# --8<-- [end:retained]


# --8<-- [start:fixed]
def train_step():
    w.grad = None  # a fresh gradient for each step (Trap 1)
    u = w * x  # and a fresh graph: the whole forward pass runs inside the step
    loss = (u - 1) ** 2
    loss.backward()
    print(w.grad)


for _ in range(2):
    train_step()
# --8<-- [end:fixed]
