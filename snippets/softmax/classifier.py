# Softmax over three classes: x = [1, 2, 3], a fixed 3×3 weight matrix W,
# no bias.

# --8<-- [start:setup]
import torch
import torch.nn.functional as F


def show(vector):
    """A vector as a list rounded to four decimals."""
    return "[" + ", ".join(f"{v:.4f}" for v in vector.tolist()) + "]"


# Row k holds what feature x[k] adds to each class's logit;
# column j scores class j.
W_ROWS = [
    [0.2, -0.5, 0.3],
    [0.4, 0.1, -0.2],
    [0.1, 0.3, 0.2],
]
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)  # three features
W = torch.tensor(W_ROWS)
b = torch.zeros(3)
# --8<-- [end:setup]

# --8<-- [start:forward]
logits = x @ W + b  # z_j = sum over k of x_k W_kj
probs = F.softmax(logits, dim=0)
print("logits z      =", show(logits))
print("probabilities =", show(probs), f" (sum {probs.sum().item():.4f})")
# --8<-- [end:forward]

# --8<-- [start:predict]
predicted = probs.argmax().item()
top_prob = probs[predicted]
print(f"predicted class {predicted}, with probability {top_prob.item():.4f}")
# --8<-- [end:predict]


# --8<-- [start:jacobian]
def softmax_of(scores):
    return F.softmax(scores, dim=0)


with torch.no_grad():
    p = probs.detach()
    J_closed = torch.diag(p) - torch.outer(p, p)  # p_i (delta_ij - p_j)

jacobian = torch.autograd.functional.jacobian
J_autograd = jacobian(softmax_of, logits.detach())

print("closed form:")
print(J_closed)
print("autograd:")
print(J_autograd)
torch.testing.assert_close(J_closed, J_autograd)
# Both are 0 on paper: rows because shifting every logit changes no p_i,
# columns because the p_i always add up to 1.
largest_row_sum = J_closed.sum(dim=1).abs().max().item()
largest_column_sum = J_closed.sum(dim=0).abs().max().item()
print(f"largest row sum, in size:    {largest_row_sum:.1e}")
print(f"largest column sum, in size: {largest_column_sum:.1e}")
# --8<-- [end:jacobian]

# --8<-- [start:shift]
import math


def naive_softmax(scores):
    exps = torch.exp(scores)
    return exps / exps.sum()


def stable_softmax(scores):
    exps = torch.exp(scores - scores.max())  # the largest exponent is now 0
    return exps / exps.sum()


overflow_at = math.log(torch.finfo(torch.float32).max)  # exp overflows above this
shift = 100.0
with torch.no_grad():
    base = logits.detach()
    big = base + shift  # the same logits, all raised by one constant
    print(f"exp({big[0].item():g}) in float32: {torch.exp(big[0]).item()}")
    rows = {
        "naive, z": naive_softmax(base),
        "max subtracted, z": stable_softmax(base),
        f"naive, z + {shift:g}": naive_softmax(big),
        f"max subtracted, z + {shift:g}": stable_softmax(big),
        f"F.softmax, z + {shift:g}": F.softmax(big, dim=0),
    }
for name, probabilities in rows.items():
    print(f"{name:<24}", show(probabilities))
print(f"float32's exp overflows above {overflow_at:.2f}")
# --8<-- [end:shift]

# --8<-- [start:by_hand]
# Entry k: the sum over j of W_kj · dp_i/dz_j, with i the predicted class.
grad_by_hand = W @ J_closed[predicted]
print(f"by hand:  d p_{predicted} / dx =", show(grad_by_hand))
# --8<-- [end:by_hand]

# --8<-- [start:autograd]
top_prob.backward()
print(f"autograd: d p_{predicted} / dx =", show(x.grad))
torch.testing.assert_close(x.grad, grad_by_hand)
# --8<-- [end:autograd]

# --8<-- [start:finite_difference]
x64 = torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64)
W64 = torch.tensor(W_ROWS, dtype=torch.float64)


def p_top(inputs):
    return F.softmax(inputs @ W64, dim=0)[predicted].item()


h = 1e-6
nudge = torch.eye(3, dtype=torch.float64) * h  # row k moves feature k
slopes = [(p_top(x64 + e) - p_top(x64 - e)) / (2 * h) for e in nudge]
grad_fd = torch.tensor(slopes, dtype=torch.float64)
print("central difference (float64):", show(grad_fd))
torch.testing.assert_close(x.grad, grad_fd.float())
# --8<-- [end:finite_difference]

# --8<-- [start:sympy]
import sympy as sp

x_sym = sp.symbols("x0:3")
W_exact = sp.Matrix(W_ROWS).applyfunc(sp.nsimplify)  # 0.2 becomes 1/5
z_sym = sp.Matrix([x_sym]) * W_exact  # a 1×3 row of logits
p_sym = sp.exp(z_sym[predicted]) / sum(sp.exp(z_j) for z_j in z_sym)
point = dict(zip(x_sym, [1, 2, 3]))
exact = [sp.diff(p_sym, x_k).subs(point) for x_k in x_sym]
grad_sympy = torch.tensor([float(g) for g in exact], dtype=torch.float64)
for j, z_j in enumerate(z_sym):
    print(f"z_{j} = {z_j}")
print("SymPy, exact until the last step:", show(grad_sympy))
torch.testing.assert_close(x.grad, grad_sympy.float())
# --8<-- [end:sympy]
