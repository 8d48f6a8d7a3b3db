"""Plots drawn with matplotlib as small SVG files that come out byte for byte the same on every run."""

import functools
import io
import re
from collections.abc import Callable, Mapping
from typing import Any

import matplotlib
from cycler import cycler
from matplotlib.figure import Figure as Canvas

from lessonkit.figures.figure import Figure, Palette

# No creation date or matplotlib version in the file: a recording changes only when the plot does.
_METADATA = {"Date": None, "Creator": None, "Format": None, "Type": None}


def plot_figure(
    name: str,
    alt: str,
    draw: Callable[[Canvas, Palette], None],
    data: Mapping[str, Any],
    size: tuple[float, float] = (6.4, 3.2),
) -> Figure:
    """A figure that `draw(canvas, palette)` plots onto an empty matplotlib figure of `size` inches."""
    return Figure(name, alt, functools.partial(_render, draw, size), data)


def _render(draw: Callable[[Canvas, Palette], None], size: tuple[float, float], palette: Palette) -> str:
    with matplotlib.rc_context(_style(palette)):
        canvas = Canvas(figsize=size, layout="constrained")
        draw(canvas, palette)
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
        "axes.prop_cycle": cycler(color=palette.series),
        "legend.frameon": False,
        "lines.linewidth": 1.8,
    }
