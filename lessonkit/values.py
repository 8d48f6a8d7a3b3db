"""Turn a value a snippet computed into the text a page shows for it."""

from typing import Any


def compute(namespace: dict[str, Any], key: str) -> str:
    """A value as a page quotes it: `key` is "expr:spec", as in `{{ chain_rule/q1.py:dz_da:.1f }}`."""
    expr, _, spec = key.partition(":")
    return render(evaluate(namespace, expr), spec)


def scalar(value: Any) -> float | None:
    """A plain number, or a torch scalar, as a float; None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if hasattr(value, "dim") and value.dim() == 0 and not value.dtype.is_complex:  # without importing torch
        return float(value.detach())
    return None


def evaluate(namespace: dict[str, Any], expr: str) -> Any:
    # The page syntax admits only names, attributes and integer indexes: nothing to call.
    return eval(expr, {"__builtins__": {}}, namespace)


def render(value: Any, spec: str) -> str:
    """Format like an f-string field; tensors and arrays become lists, formatted element-wise.

    >>> render(0.125, ".3f"), render([13.0, 12.0], ".1f")
    ('0.125', '[13.0, 12.0]')
    """
    if hasattr(value, "tolist"):  # torch tensors and numpy arrays, without importing either
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(render(item, spec) for item in value) + "]"
    return format(value, spec)
