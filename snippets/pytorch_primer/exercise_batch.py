# Exercise 1: the shape of a batch of images.

# --8<-- [start:question]
import torch

images = torch.zeros(4, 28, 28)  # 4 grey images of 28 × 28 pixels, every pixel 0
# --8<-- [end:question]

# --8<-- [start:solution]
dims = images.dim()
count = images.numel()  # how many numbers the tensor holds
print("dim():", dims)
print("shape:", images.shape)
print("numbers held:", count)
# --8<-- [end:solution]
