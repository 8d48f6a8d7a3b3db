# Two ways to get a tensor with no history: computing inside torch.no_grad(), and .detach().

# --8<-- [start:stop]
import torch

x = torch.tensor(3.0, requires_grad=True)
tracked = x * 2  # recorded, as usual
with torch.no_grad():  # inside this block autograd records nothing
    inside = x * 2
detached = tracked.detach()  # the same number, cut off from its history

for name, t in {"tracked": tracked, "inside": inside, "detached": detached}.items():
    print(f"{name:<8} {t!r:<32} requires_grad={t.requires_grad!s:<5}  is_leaf={t.is_leaf}")
print("recording on again after the block:", torch.is_grad_enabled())
# --8<-- [end:stop]
