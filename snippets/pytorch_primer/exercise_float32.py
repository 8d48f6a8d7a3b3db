# Exercise 2: adding 1 to 2²⁴ in float32 and in float64.

# --8<-- [start:question]
import torch

big = 2.0**24
big32 = torch.tensor(big)  # float32
big64 = torch.tensor(big, dtype=torch.float64)
# --8<-- [end:question]

# --8<-- [start:solution]
sum32 = (big32 + 1).item()
sum64 = (big64 + 1).item()
print(f"float32: {big:.0f} + 1 = {sum32:.0f}")
print(f"float64: {big:.0f} + 1 = {sum64:.0f}")
next32 = torch.nextafter(big32, torch.tensor(float("inf"))).item()  # the next float32 up
gap32 = next32 - big
print(f"the float32 number after {big:.0f} is {next32:.0f}, {gap32:.0f} further on")
# --8<-- [end:solution]
