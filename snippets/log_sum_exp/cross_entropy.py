# A confident, wrong prediction: the naive cross-entropy overflows, log-sum-exp does not.

# --8<-- [start:naive]
import math

import torch
import torch.nn.functional as F

z = torch.tensor([60.0, -50.0, 0.0], requires_grad=True)  # logits: very sure of class 0
label = 1  # the true class
below = (z.max() - z[label]).item()  # how far the true class's logit lies below the largest
p = F.softmax(z, dim=0)  # subtracts the largest logit first: nothing overflows
p.retain_grad()  # keep the gradient that reaches p, to look at it
loss = -torch.log(p[label])
loss.backward()
top = z.max().item()
largest_exp = math.exp(top)  # the largest exponential, e^top: far from overflowing float32
print("e^z    =", torch.exp(z.detach()))
print("p      =", p.detach())
print("loss   =", loss.detach())
print("p.grad =", p.grad)
print("z.grad =", z.grad)
# --8<-- [end:naive]

# --8<-- [start:float64]
p64 = F.softmax(z.detach().double(), dim=0)
print(f"p[label] in float64:             {p64[label].item():.3e}")
print(f"-log p[label] in float64:        {-math.log(p64[label].item()):.4f}")
tiny32 = torch.nextafter(torch.tensor(0.0), torch.tensor(1.0)).item()  # the smallest positive float32
tiny64 = math.nextafter(0.0, 1.0)  # the smallest positive float64
wall32, wall64 = -math.log(tiny32), -math.log(tiny64)
print(f"smallest positive float32:       {tiny32:.3e} = exp(-{wall32:.2f})")
print(f"smallest positive float64:       {tiny64:.3e} = exp(-{wall64:.2f})")
zero, infinity = torch.tensor(0.0), torch.tensor(math.inf)
print(f"{zero.item()} * {infinity.item()} =", zero * infinity)
# --8<-- [end:float64]

# --8<-- [start:sooner]
overflow_at = math.log(torch.finfo(torch.float32).max)  # exp overflows above this, and 1/p for p below exp(-this)
nearer = 95.0  # the true class this far below the other logit: p is about e^-95, tiny but not 0 in float32
z_nearer = torch.tensor([nearer, 0.0], requires_grad=True)
p_nearer = F.softmax(z_nearer, dim=0)
loss_nearer = -torch.log(p_nearer[1])
loss_nearer.backward()
print("p      =", p_nearer.detach())
print("loss   =", loss_nearer.detach())
print("z.grad =", z_nearer.grad)
# --8<-- [end:sooner]


# --8<-- [start:lse]
def logsumexp_by_hand(scores):
    z_max = scores.max()
    return z_max + torch.log(torch.exp(scores - z_max).sum())  # every exponent is at most 0


shift = 40.0
with torch.no_grad():
    for name, scores in {"z": z, f"z + {shift:g}": z + shift}.items():
        naive = torch.log(torch.exp(scores).sum())
        by_hand = logsumexp_by_hand(scores)
        library = torch.logsumexp(scores, dim=0)
        print(f"{name:7}  naive: {naive.item():<6}  by hand: {by_hand.item():<6}  torch.logsumexp: {library.item()}")
# --8<-- [end:lse]

# --8<-- [start:log_softmax]
with torch.no_grad():
    log_p = z - logsumexp_by_hand(z)  # log p_i = z_i - LSE(z)
    print("by hand:       ", log_p)
    print("F.log_softmax: ", F.log_softmax(z, dim=0))
stable = -F.log_softmax(z, dim=0)[label]
loss_ce = F.cross_entropy(z.unsqueeze(0), torch.tensor([label]))  # a batch of one: logits and class index
print("-log_softmax(z)[label]:", stable.detach())
print("F.cross_entropy:       ", loss_ce.detach())
# --8<-- [end:log_softmax]

# --8<-- [start:gradient]
z.grad = None
torch.logsumexp(z, dim=0).backward()
print("d LSE / dz:    ", z.grad)
print("softmax(z):    ", F.softmax(z.detach(), dim=0))

z.grad = None
loss_ce.backward()
with torch.no_grad():
    y = F.one_hot(torch.tensor(label), num_classes=3)  # the one-hot label
    p_minus_y = F.softmax(z.double(), dim=0) - y  # the softmax lesson's p - y, in float64
print("dL/dz:         ", z.grad)
print("p - y:         ", p_minus_y)
# --8<-- [end:gradient]
