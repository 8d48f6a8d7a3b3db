# Exercise 2: how many halvings take 1.0 to exactly 0.0?

# --8<-- [start:solution]
import math

x = 1.0
halvings = 0
while x > 0:
    last = x  # the last value that was not yet 0.0
    x = x / 2
    halvings += 1
print("halvings until x is 0:", halvings)
print("the last value before that:", last, "= 2 **", round(math.log2(last)))
# --8<-- [end:solution]
