# Exercise: a snapshot of a saved result, changed in place.

# --8<-- [start:problem]
import torch


def backward_after_changing(take_snapshot):
    """exp saves its result y; change a snapshot of y in place, then run the backward pass."""
    x = torch.tensor([0.0, 1.0, 2.0], requires_grad=True)
    y = x.exp()
    snapshot = take_snapshot(y)
    snapshot += 1
    try:
        y.sum().backward()
        print(x.grad)
    except RuntimeError as error:
        print(f"{type(error).__name__}: {error}")


# --8<-- [end:problem]


# --8<-- [start:detach]
backward_after_changing(lambda y: y.detach())
# --8<-- [end:detach]

# --8<-- [start:clone]
backward_after_changing(lambda y: y.clone())
# --8<-- [end:clone]

# --8<-- [start:data]
backward_after_changing(lambda y: y.data)
# --8<-- [end:data]
