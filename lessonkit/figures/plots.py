"""Plots: the plotted data recorded as JSON, drawn with matplotlib into small SVG files.

A lesson's figure module computes the data and writes a `draw(canvas, palette, data)`
function that plots *only* `data`, the content as recorded (lists of numbers, strings), so
that the picture shows exactly what the checks compare.
"""

import functools
import inspect
import io
import re
from collections.abc import Callable, Mapping
from typing import Any

from lessonkit.figures.figure import Figure, Palette, to_json

# No creation date or matplotlib version in the file: a drawing changes only when the plot does.
_METADATA = {"Date": None, "Creator": None, "Format": None, "Type": None}

Draw = Callable[[Any, Palette, dict[str, Any]], None]


def plot_figure(
    name: str, alt: str, data: Mapping[str, Any], draw: Draw, size: tuple[float, float] = (6.4, 3.2)
) -> Figure:
    """A figure that `draw(canvas, palette, data)` plots onto an empty matplotlib figure of `size` inches.

    `data` holds every number and label the plot shows; the original objects stay in `Figure.data` for tests.
    """
    content = {"plot": {"size": list(size), "data": to_json(data)}}
    drawer = inspect.getsource(draw) + _DRAWER
    return Figure(name, alt, content, functools.partial(_render, draw), drawer, data)


def _render(draw: Draw, content: dict[str, Any], palette: Palette) -> str:
    import matplotlib
    from cycler import cycler
    from matplotlib.figure import Figure as Canvas

    plot = content["plot"]
    with matplotlib.rc_context({**_style(palette), "axes.prop_cycle": cycler(color=palette.series)}):
        canvas = Canvas(figsize=plot["size"], layout="constrained")
        draw(canvas, palette, plot["data"])
        svg = io.StringIO()
        canvas.savefig(svg, format="svg", metadata=_METADATA)
    # What the dropped fields leave behind is an empty <metadata>; indentation is a fifth of the file.
    return re.sub(r"\n\s+", "\n", re.sub(r"\s*<metadata>.*?</metadata>", "", svg.getvalue(), flags=re.DOTALL))


def _style(palette: Palette) -> dict[str, Any]:
    return {
        "svg.fonttype": "none",  # text stays text: a smaller file, and crisp at any zoom
        "svg.hashsalt": "autograd-lessons",  # ids from a fixed salt, not a random one
        "font.family": "sans-serif",
        "font.sans-serif": ["DejaVu Sans", "Arial", "Helvetica"],
        "font.size": 10,
        "figure.facecolor": "none",  # transparent: the page's own background shows through
        "axes.facecolor": "none",
        "savefig.facecolor": "none",
        "text.color": palette.text,
        "axes.labelcolor": palette.text,
        "axes.titlecolor": palette.text,
        "axes.edgecolor": palette.muted,
        "xtick.color": palette.muted,
        "ytick.color": palette.muted,
        "xtick.labelcolor": palette.text,
        "ytick.labelcolor": palette.text,
        "axes.grid": True,
        "grid.color": palette.grid,
        "grid.linewidth": 0.6,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "legend.frameon": False,
        "lines.linewidth": 1.8,
    }


# The code that draws every plot: a change to it re-draws them all (the stamp includes it, and the palette's colours).
_DRAWER = inspect.getsource(_render) + inspect.getsource(_style)
