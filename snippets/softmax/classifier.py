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
logits = x @ W + b  # z_j = sum over k of x_k W_kj, plus b_j
probs = F.softmax(logits, dim=0)
print("logits z      =", show(logits))
print("probabilities =", show(probs), f" (sum {probs.sum().item():.4f})")

predicted = probs.argmax().item()  # the class with the largest probability
top_prob = probs[predicted]
print(f"predicted class {predicted}, with probability {top_prob.item():.4f}")
# --8<-- [end:forward]


# --8<-- [start:jacobian]
def softmax_of(scores):
    return F.softmax(scores, dim=0)


with torch.no_grad():
    p = probs.detach()
    J_closed = torch.diag(p) - torch.outer(p, p)  # p_i (delta_ij - p_j)
one_minus_p0 = 1 - p[0]

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
    exps = torch.exp(scores - scores.max())  # z - z_max: the largest exponent is now 0
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
i = predicted
# One entry: dp_i/dx_0 = W_00 J_i0 + W_01 J_i1 + W_02 J_i2, a term per logit.
entry_0 = sum(W[0, j] * J_closed[i, j] for j in range(3))
print(f"by hand:  d p_{i} / dx_0 = {entry_0.item():.4f}")
# All three entries at once: W times row i of J.
grad_by_hand = W @ J_closed[i]
print(f"by hand:  d p_{i} / dx   =", show(grad_by_hand))
# --8<-- [end:by_hand]

# --8<-- [start:autograd]
top_prob.backward()
print(f"autograd: d p_{predicted} / dx =", show(x.grad))
torch.testing.assert_close(x.grad, grad_by_hand)
# --8<-- [end:autograd]


# --8<-- [start:finite_difference]
def p_top(inputs):
    """Softmax's top probability in plain Python floats (float64), without torch."""
    scores = [sum(inputs[k] * W_ROWS[k][j] for k in range(3)) for j in range(3)]
    exps = [math.exp(score) for score in scores]
    return exps[predicted] / sum(exps)


h = 1e-6
point = [1.0, 2.0, 3.0]
slopes = []
for k in range(3):  # nudge feature k by h in both directions
    up = [value + h * (j == k) for j, value in enumerate(point)]
    down = [value - h * (j == k) for j, value in enumerate(point)]
    slopes.append((p_top(up) - p_top(down)) / (2 * h))
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
