# The number type (dtype) of a tensor: float32 by default, and what its precision looks like.

# --8<-- [start:default]
import torch

examples = [
    torch.tensor(3.0),
    torch.tensor(3),
    torch.tensor([1, 2, 3]),
    torch.tensor(3.0, dtype=torch.float64),
]
for t in examples:
    print(f"{t!r:<32} -> {t.dtype}")

bits32, bits64 = torch.finfo(torch.float32).bits, torch.finfo(torch.float64).bits
print("bits per number: float32", bits32, " float64", bits64)
# --8<-- [end:default]

# --8<-- [start:precision]
import math

# float32 keeps 24 significant binary digits, float64 keeps 53; in decimal digits:
digits32, digits64 = 24 * math.log10(2), 53 * math.log10(2)
print(f"significant decimal digits: float32 {digits32:.1f}, float64 {digits64:.1f}")

a, b, total = 0.1, 0.2, 0.3
for value in (a, b, total):  # what each type really stores, to 20 decimals
    print(f"{value} is stored as {torch.tensor(value).item():.20f} in float32, {value:.20f} in float64")

sum32 = torch.tensor(a) + b  # float32, the default: b is rounded to float32 too
stored32 = torch.tensor(total)  # what float32 holds for 0.3
sum64 = a + b  # Python floats are float64
print(f"float32: {a} + {b} == {total} is", (sum32 == stored32).item())
print(f"float64: {a} + {b} == {total} is", sum64 == total)
print(f"float32 sum: {sum32.item():.20f}")
print(f"float64 sum: {sum64:.20f}")

error32 = abs(stored32.item() - total)  # how far float32's 0.3 lies from 0.3 (measured in float64)
print(f"float32's {total} is {error32:.1e} from {total}")
print(f"the float64 sum is the next float64 above {total}:", sum64 == math.nextafter(total, 1.0))

tiny = 1e-8
lost32 = torch.tensor(1.0) + tiny
kept64 = torch.tensor(1.0, dtype=torch.float64) + tiny
print("float32: 1 + tiny == 1 is", (lost32 == 1).item())
print("float64: 1 + tiny == 1 is", (kept64 == 1).item())
# --8<-- [end:precision]
