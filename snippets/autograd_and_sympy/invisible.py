# The first cell of the source notebook, reduced to the character that broke it.

# --8<-- [start:zero_width_space]
import unicodedata

# The escape \u200b puts the character in the string without typing it.
cell = "import torch\nimport sympy as sp\u200b\n"
print("hidden character:", unicodedata.name("\u200b"))
try:
    compile(cell, "<notebook cell>", "exec")
except SyntaxError as error:
    print("SyntaxError:", error)
# --8<-- [end:zero_width_space]
