# The number type (dtype) of a tensor: float32 by default, and what its precision looks like.

# --8<-- [start:default]
import torch

examples = {
    "torch.tensor(3.0)": torch.tensor(3.0),
    "torch.tensor(3)": torch.tensor(3),
    "torch.tensor([1, 2, 3])": torch.tensor([1, 2, 3]),
    "torch.tensor(3.0, dtype=torch.float64)": torch.tensor(3.0, dtype=torch.float64),
}
for code, t in examples.items():
    print(f"{code:<39} -> {t.dtype}")

bits32, bits64 = torch.finfo(torch.float32).bits, torch.finfo(torch.float64).bits
print("bits per number: float32", bits32, " float64", bits64)
# --8<-- [end:default]

# --8<-- [start:precision]
import math

# float32 keeps 24 significant binary digits, float64 keeps 53; in decimal digits:
digits32, digits64 = 24 * math.log10(2), 53 * math.log10(2)
print(f"significant decimal digits: float32 {digits32:.1f}, float64 {digits64:.1f}")

sum32 = torch.tensor(0.1) + 0.2  # float32, the default
sum64 = torch.tensor(0.1, dtype=torch.float64) + 0.2

print("printed:", sum32, sum64)
print(f"float32, 20 decimals: {sum32.item():.20f}")
print(f"float64, 20 decimals: {sum64.item():.20f}")
error32, error64 = abs(sum32.item() - 0.3), abs(sum64.item() - 0.3)
print(f"distance from 0.3: float32 {error32:.1e}, float64 {error64:.1e}")

tiny = 1e-8
lost32 = torch.tensor(1.0) + tiny
kept64 = torch.tensor(1.0, dtype=torch.float64) + tiny
print("float32: 1 + tiny == 1 is", (lost32 == 1).item())
print("float64: 1 + tiny == 1 is", (kept64 == 1).item())
# --8<-- [end:precision]
