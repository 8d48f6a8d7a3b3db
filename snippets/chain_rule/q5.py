# Exercise 5: f(x) = 6x + 7x² + 3x³ + 8x⁴ + 3 at x = 2, one backward() per term.

# --8<-- [start:solution]
import torch

x = torch.tensor(2.0, requires_grad=True)
t1, t2, t3, t4 = 6 * x, 7 * x**2, 3 * x**3, 8 * x**4  # f = t1 + t2 + t3 + t4 + 3

x0 = x.item()
slopes = [6.0, 14 * x0, 9 * x0**2, 32 * x0**3]  # by hand: the power rule, term by term
print("by hand, the slopes of t1, t2, t3, t4:", slopes)

running = []  # what x.grad holds after each call
for term in (t1, t2, t3, t4):
    term.backward()  # no zero_() in between: each call adds this term's slope
    running.append(x.grad.item())
print("x.grad after each call:               ", running)

df_dx = sum(slopes)  # the sum rule: f' is the sum of the four slopes; the constant 3 adds 0
torch.testing.assert_close(x.grad, torch.tensor(df_dx))
# --8<-- [end:solution]
