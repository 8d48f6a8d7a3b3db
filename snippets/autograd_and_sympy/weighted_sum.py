# Example 2: z = 2a + 3b at a = 4, b = 5.

# --8<-- [start:autograd]
import torch

a = torch.tensor(4.0, requires_grad=True)
b = torch.tensor(5.0, requires_grad=True)
z = 2 * a + 3 * b
z.backward()
print("autograd: dz/da =", a.grad, " dz/db =", b.grad)
# --8<-- [end:autograd]

# --8<-- [start:sympy]
import sympy as sp

a_sym, b_sym = sp.symbols("a b")
z_sym = 2 * a_sym + 3 * b_sym
dz_da, dz_db = sp.diff(z_sym, a_sym), sp.diff(z_sym, b_sym)
print("SymPy: dz/da =", dz_da, " dz/db =", dz_db)
# --8<-- [end:sympy]

# --8<-- [start:finite_difference]
h = 1e-5
fd_a = ((2 * (4 + h) + 3 * 5) - (2 * (4 - h) + 3 * 5)) / (2 * h)
fd_b = ((2 * 4 + 3 * (5 + h)) - (2 * 4 + 3 * (5 - h))) / (2 * h)
print(f"finite difference: dz/da ≈ {fd_a:.6f}  dz/db ≈ {fd_b:.6f}")
# --8<-- [end:finite_difference]

# --8<-- [start:agree]
exact = torch.tensor([float(dz_da), float(dz_db)])
torch.testing.assert_close(torch.stack([a.grad, b.grad]), exact)
torch.testing.assert_close(torch.tensor([fd_a, fd_b]), exact)
print("autograd, SymPy and the finite difference agree")
# --8<-- [end:agree]
