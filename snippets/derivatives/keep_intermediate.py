# Exercise 3: r = 3p² + 1 through q = p², at p = 2; which tensors get a .grad?

# --8<-- [start:solution]
import torch

p = torch.tensor(2.0, requires_grad=True)
q = p * p
q.retain_grad()
r = 3 * q + 1
r.backward()

print("is_leaf:", {"p": p.is_leaf, "q": q.is_leaf, "r": r.is_leaf})
print("dr/dq =", q.grad)
print("dr/dp =", p.grad)
torch.testing.assert_close(p.grad, q.grad * 2 * p.detach())
# --8<-- [end:solution]
