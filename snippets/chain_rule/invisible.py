# A zero-width space pasted into code: Python refuses the whole cell before running any of it.

# --8<-- [start:zero_width_space]
import unicodedata

hidden = "\u200b"  # the escape makes the character without typing it into this file
cell = "import torch\nimport sympy as sp" + hidden + "\n"
print("hidden character:", unicodedata.name(hidden))
try:
    compile(cell, "<notebook cell>", "exec")
except SyntaxError as error:
    print(f"{type(error).__name__}: {error}")
# --8<-- [end:zero_width_space]
