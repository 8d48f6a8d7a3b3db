"""Trace the graph autograd recorded for a tensor, and what backward() sent along each of its edges.

`trace` walks `grad_fn` / `next_functions` from a result back to the leaves, then runs
`backward()` with a hook on every operation, recording the order the operations ran in
and the gradient each one sent to each of its inputs.
"""

import functools
from collections import Counter
from dataclasses import dataclass
from typing import Any

import torch

from lessonkit.project import Project
from lessonkit.runner import run_sections
from lessonkit.sections import read_sections


@dataclass(frozen=True, eq=False)
class Node:
    key: str  # the Graphviz id
    kind: str  # "leaf", "op" or "result"
    name: str  # a tensor's variable, or an operation's class such as MulBackward0
    value: torch.Tensor | None = None  # a tensor's value; an operation's, if a variable holds it
    output: str | None = None  # the variable holding an operation's result
    grad: torch.Tensor | None = None  # a leaf's .grad after backward()
    step: int | None = None  # when backward() ran the operation: 1 for the first


@dataclass(frozen=True)
class Edge:
    source: Node  # the input ...
    target: Node  # ... of this operation, as in the forward pass
    grad: torch.Tensor  # what backward() sent from target to source


@dataclass(frozen=True)
class AutogradGraph:
    nodes: tuple[Node, ...]  # inputs before the operations that use them
    edges: tuple[Edge, ...]

    def links(self) -> Counter:
        """Every arrow as (input, operation) names, counted: x enters x * x twice."""
        return Counter((edge.source.name, edge.target.name) for edge in self.edges)

    def leaves(self) -> list[Node]:
        return [node for node in self.nodes if node.kind == "leaf"]

    def operations(self) -> list[Node]:
        return [node for node in self.nodes if node.kind == "op"]


def replay(project: Project, target: str, last_section: str) -> dict[str, Any]:
    """A snippet's variables after running its sections up to `last_section` afresh, output unshown.

    Not `run_snippet`: its cached run has already called backward(), which frees the saved
    tensors; a fresh forward pass keeps them, so `trace` can run backward() and watch it.
    """
    path = project.snippet(target)
    sections = read_sections(path, project.display(path))
    if last_section not in [section.name for section in sections]:
        raise ValueError(f"{project.display(path)} has no section {last_section!r}")
    return run_sections(sections, until=last_section)[1]


def trace(result: torch.Tensor, namespace: dict[str, Any]) -> AutogradGraph:
    """The graph behind `result`, after running backward() through it; `namespace` names the tensors."""
    functions = _forward_order(result.grad_fn)
    operations = [function for function in functions if not hasattr(function, "variable")]
    sent, order = _watch_backward(result, operations)
    leaf_names, outputs, result_name = _names(namespace, result)
    nodes = {}
    for function in functions:
        key = f"n{len(nodes)}"
        if hasattr(function, "variable"):  # AccumulateGrad: where backward() adds up a leaf's gradient
            leaf = function.variable
            nodes[function] = Node(key, "leaf", leaf_names.get(id(leaf), "leaf"), leaf.detach(), grad=leaf.grad)
        else:
            output, value = outputs.get(function, (None, None))
            step = order.index(function) + 1
            nodes[function] = Node(key, "op", type(function).__name__, value, output=output, step=step)
    end = Node(f"n{len(nodes)}", "result", result_name, result.detach())
    edges = [
        Edge(nodes[child], nodes[function], sent[function][index])
        for function in operations
        for index, (child, _) in enumerate(function.next_functions)
        if child is not None  # a constant, or a tensor that needs no gradient: not in the graph
    ]
    edges.append(Edge(nodes[result.grad_fn], end, torch.ones_like(result)))  # backward() starts from 1
    return AutogradGraph((*nodes.values(), end), tuple(edges))


def _watch_backward(result: torch.Tensor, operations: list) -> tuple[dict, list]:
    """Run result.backward(); return what each operation sent to each input, and the order they ran in."""
    sent, order = {}, []

    def watch(function, grad_inputs, grad_outputs):
        sent[function] = grad_inputs
        order.append(function)

    handles = [function.register_hook(functools.partial(watch, function)) for function in operations]
    result.backward()
    for handle in handles:
        handle.remove()
    return sent, order


def _names(namespace: dict[str, Any], result: torch.Tensor) -> tuple[dict, dict, str]:
    """The variables naming the leaves (by identity), the operations' results and `result`; first name wins."""
    tensors = [(name, value) for name, value in namespace.items() if isinstance(value, torch.Tensor)]
    leaves, outputs = {}, {}
    for name, tensor in reversed(tensors):
        if tensor.grad_fn is None:
            leaves[id(tensor)] = name
        else:
            outputs[tensor.grad_fn] = (name, tensor.detach())
    result_name = outputs.pop(result.grad_fn, ("result",))[0]  # drawn as a node of its own
    return leaves, outputs, result_name


def _forward_order(root) -> list:
    """Every function reachable from `root`, each after all of its inputs (depth-first post-order)."""
    seen, order = set(), []

    def visit(function):
        if function is None or function in seen:
            return
        seen.add(function)
        for child, _ in function.next_functions:
            visit(child)
        order.append(function)

    visit(root)
    return order


def trace_values(result: Any, namespace: dict[str, Any]) -> AutogradGraph:
    """The graph a scalar engine built, in the same form as `trace` gives PyTorch's, after its backward().

    The engine is the one the build-your-own-autograd lesson writes: values with `data`, `grad`,
    `_prev` (inputs), `_local` (the local derivative with respect to each input, stored by the
    operation that made the value) and `_op` (the operation's name), so each arrow carries local
    derivative × gradient above. Only what each value stores is read, never how its backward step
    is written, so a value whose class overrides that step is traced the same way.
    Constants the engine wrapped as values are leaves of their own, named `const`.
    """
    order = _children_first(result)
    in_graph = {id(value) for value in order}  # values of a subclass are named too
    names = {id(value): name for name, value in reversed(namespace.items()) if id(value) in in_graph}
    operations = [value for value in order if value._prev]
    steps = {id(value): step for step, value in enumerate(reversed(operations), 1)}  # backward() runs from the top
    nodes = {}
    for value in order:
        key, data = f"n{len(nodes)}", torch.tensor(value.data, dtype=torch.float64)
        if not value._prev:
            grad = torch.tensor(value.grad, dtype=torch.float64)
            nodes[id(value)] = Node(key, "leaf", names.get(id(value), "const"), data, grad=grad)
        else:
            output = names.get(id(value)) if value is not result else None
            name = _SYMBOLS.get(value._op, value._op)
            nodes[id(value)] = Node(key, "op", name, data, output=output, step=steps[id(value)])
    edges = [
        Edge(nodes[id(child)], nodes[id(value)], torch.tensor(local * value.grad, dtype=torch.float64))
        for value in operations
        for child, local in zip(value._prev, value._local, strict=True)
    ]
    end = Node(
        f"n{len(nodes)}", "result", names.get(id(result), "result"), torch.tensor(result.data, dtype=torch.float64)
    )
    edges.append(Edge(nodes[id(result)], end, torch.tensor(1.0, dtype=torch.float64)))  # backward() starts from 1
    return AutogradGraph((*nodes.values(), end), tuple(edges))


# Operations named as in maths: a `*` would start emphasis in Markdown's alt text.
_SYMBOLS = {"*": "×", "**": "^"}


def _children_first(root) -> list:
    seen, order = set(), []

    def visit(value):
        if id(value) not in seen:
            seen.add(id(value))
            for child in value._prev:
                visit(child)
            order.append(value)

    visit(root)
    return order
