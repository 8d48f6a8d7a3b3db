"""Computational graphs: what autograd really recorded (see `tracing`), as nodes and edges, drawn with Graphviz.

Tensors are boxes with their value, and a leaf's gradient; operations are rounded boxes
named by their autograd class and numbered in the order backward() ran them; arrows point
the way the forward pass ran, each labelled with the gradient sent back along it.

The recording holds every node and edge with its numbers as the picture shows them, so the
checks compare what the graph shows; only drawing it needs Graphviz's `dot`.
"""

import html
import inspect
import re
from collections import Counter
from typing import Any

import torch

from lessonkit.figures.figure import Figure, Palette
from lessonkit.figures.tracing import AutogradGraph, trace

FONT = "Helvetica,Arial,sans-serif"
_TIMES = {1: "", 2: " twice"}
INSTALL_GRAPHVIZ = (
    "drawing a graph needs Graphviz's `dot`: install it (Debian or Ubuntu: `sudo apt-get install graphviz`; "
    "macOS: `brew install graphviz`), then run the command again"
)


def graph_figure(name: str, title: str, result: torch.Tensor, namespace: dict[str, Any]) -> Figure:
    """The figure of `result`'s graph; `title` opens its alt text, such as "Autograd graph of z = 2x² + 3"."""
    traced = trace(result, namespace)
    content = {"graphs": [graph_content(traced)]}
    return Figure(name, describe(content["graphs"][0], title), content, draw, DRAWER, {"graph": traced})


def graphs_figure(name: str, title: str, panels: list[tuple[str, AutogradGraph]]) -> Figure:
    """Graphs side by side, each with its label ("ours", "PyTorch's"); `title` opens the alt text."""
    content = {"graphs": [{"label": label, **graph_content(graph)} for label, graph in panels]}
    alt = f"{title}. " + " ".join(
        describe(panel, panel["label"][0].upper() + panel["label"][1:]) for panel in content["graphs"]
    )
    return Figure(name, alt, content, draw, DRAWER, {"graphs": dict(panels)})


def graph_content(graph: AutogradGraph) -> dict[str, list[dict[str, Any]]]:
    """Every node and edge, with its numbers as the picture shows them."""
    nodes = []
    for node in graph.nodes:
        entry: dict[str, Any] = {"key": node.key, "kind": node.kind, "name": node.name}
        if node.step is not None:
            entry["step"] = node.step
        if node.output is not None:
            entry["output"] = node.output
        if node.value is not None:
            entry["value"] = number(node.value)
        if node.grad is not None:
            entry["grad"] = number(node.grad)
        nodes.append(entry)
    edges = [{"source": edge.source.key, "target": edge.target.key, "grad": number(edge.grad)} for edge in graph.edges]
    return {"nodes": nodes, "edges": edges}


def draw(content: dict[str, Any], palette: Palette) -> str:
    """The recorded graph as SVG in one palette."""
    import graphviz  # only drawing needs it, and its `dot`

    dot = graphviz.Digraph(
        graph_attr={"bgcolor": "transparent", "ranksep": "0.12", "nodesep": "0.25", "pad": "0.05"},
        # height: Graphviz's default minimum of half an inch would double a one-line node.
        node_attr={"fontname": FONT, "fontsize": "10", "fontcolor": palette.text, "shape": "box", "height": "0.3"},
        edge_attr={"fontname": FONT, "fontsize": "9", "fontcolor": palette.backward, "color": palette.muted},
    )
    for index, graph in enumerate(content["graphs"]):
        # A panel of its own (a cluster, with its label) when graphs stand side by side.
        panel = f"cluster_{index}" if "label" in graph else None
        with dot.subgraph(
            name=panel,
            graph_attr={
                "label": graph.get("label", ""),
                "fontname": FONT,
                "fontcolor": palette.text,
                "color": palette.grid,
            },
        ) as part:
            _draw_graph(part, graph, f"g{index}_", palette)
    try:
        svg = dot.pipe(format="svg", encoding="utf-8")
    except graphviz.ExecutableNotFound:
        raise RuntimeError(INSTALL_GRAPHVIZ) from None
    # Graphviz's comments name its version, which would differ between machines for nothing.
    return re.sub(r"<!--.*?-->\n?", "", svg, flags=re.DOTALL)


def _draw_graph(dot, graph: dict[str, Any], prefix: str, palette: Palette):
    for node in graph["nodes"]:
        key = prefix + node["key"]
        if node["kind"] == "op":
            dot.node(key, _op_label(node, palette), style="rounded", color=palette.muted)
        else:
            tensor = {"style": "filled", "fillcolor": palette.fill, "color": palette.series[0]}
            dot.node(key, _tensor_label(node, palette), **tensor)
    for edge in graph["edges"]:
        label = f"<&#160;{_markup(edge['grad'])}>"
        dot.edge(prefix + edge["source"], prefix + edge["target"], label=label, arrowsize="0.6")


def describe(graph: dict[str, Any], title: str) -> str:
    """Alt text: what each operation takes, top to bottom, and the gradients the leaves received."""
    nodes = {node["key"]: node for node in graph["nodes"]}
    result, root = graph["nodes"][-1], nodes[graph["edges"][-1]["source"]]
    steps = []
    for node in (node for node in graph["nodes"] if node["kind"] == "op"):
        inputs = Counter(_mention(nodes[edge["source"]]) for edge in graph["edges"] if edge["target"] == node["key"])
        taken = _join([mention + _TIMES.get(count, f" {count} times") for mention, count in inputs.items()])
        output = result if node is root else node if "output" in node else None
        gives = f", giving {_mention(output, value=True)}" if output else ""
        steps.append(f"step {node['step']}, {node['name']}, takes {taken}{gives}")
    grads = _join([f"{leaf['name']}.grad = {_inline(leaf['grad'])}" for leaf in graph["nodes"] if "grad" in leaf])
    return (
        f"{title}, inputs at the top, operations numbered in the order backward() ran them: {'; '.join(steps)}. "
        f"Each arrow is labelled with the gradient sent back along it, from 1 at {result['name']} to {grads}."
    )


def number(tensor: torch.Tensor) -> str:
    """A tensor as compact text, 14, 0.9988, [0.5, −0.25], a matrix one row per line; minus signs typeset."""
    if tensor.dim() == 0:
        return f"{tensor.item() + 0.0:.4g}".replace("-", "−")  # + 0.0 turns −0.0 into 0.0
    rows = [number(row) for row in tensor]
    return "[" + (",\n ".join(rows) if tensor.dim() > 1 else ", ".join(rows)) + "]"


def _mention(node: dict[str, Any], value: bool = False) -> str:
    """How the alt text names a node: a tensor with its value, an operation by what it gave."""
    if node["kind"] != "op":
        return f"{node['name']} = {_inline(node['value'])}"
    if "output" in node:
        return f"{node['output']} = {_inline(node['value'])}" if value else node["output"]
    return f"the output of step {node['step']}"


def _inline(text: str) -> str:
    """A number on one line with round brackets, which cannot end Markdown's alt text."""
    return text.replace("\n", "").replace("[", "(").replace("]", ")")


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _markup(text: str) -> str:
    """Text for a Graphviz HTML-like label: escaped, one line per line."""
    return "<br/>".join(html.escape(line) for line in text.split("\n"))


def _op_label(node: dict[str, Any], palette: Palette) -> str:
    # &#160;: Graphviz drops an ordinary space where one font run meets the next.
    label = f'<font color="{palette.backward}">{node["step"]}.</font>&#160;{html.escape(node["name"])}'
    if "output" in node:
        label += f'<br/><font color="{palette.muted}">{html.escape(node["output"])}&#160;=</font>&#160;'
        label += _markup(node["value"])
    return f"<{label}>"


def _tensor_label(node: dict[str, Any], palette: Palette) -> str:
    label = f"<b>{html.escape(node['name'])}</b>&#160;=&#160;{_markup(node['value'])}"
    if "grad" in node:
        label += f'<br/><font color="{palette.backward}">grad&#160;{_markup(node["grad"])}</font>'
    return f"<{label}>"


# The code that draws: a change to it re-draws every graph (the stamp includes it, and the palette's colours).
DRAWER = FONT + "".join(
    inspect.getsource(function) for function in (draw, _draw_graph, _markup, _op_label, _tensor_label)
)
