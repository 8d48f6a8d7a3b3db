"""A figure: its file name, its alt text and how to draw it in each of the site's two palettes."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

# Characters that would end or restyle Markdown's `![alt](...)` around the alt text.
_NOT_IN_ALT = set("[]*`{}<>\n")


@dataclass(frozen=True)
class Palette:
    """Colours that read on one of Material's backgrounds; figures are transparent over it."""

    name: str  # "light" or "dark": the file suffix, and Material's `#only-light` / `#only-dark`
    text: str
    muted: str  # axes, arrows, secondary text
    grid: str
    fill: str  # behind the tensors of a graph
    backward: str  # gradients, in every figure
    series: tuple[str, ...]  # plotted lines, in order; series[0] also outlines a graph's tensors


# Text colours have at least 4.5:1 contrast with Material's background (white, and slate's
# #1e2129) and with `fill`, line colours at least 3:1: the WCAG AA levels.
LIGHT = Palette(
    name="light",
    text="#1f2328",
    muted="#59636e",
    grid="#d8dee4",
    fill="#eef1fd",
    backward="#b3400b",
    series=("#3b5bdb", "#b3400b", "#2b8a3e", "#862e9c"),
)
DARK = Palette(
    name="dark",
    text="#e6e8ee",
    muted="#a3acb9",
    grid="#3a404c",
    fill="#272d45",
    backward="#ffa94d",
    series=("#91a7ff", "#ffa94d", "#8ce99a", "#e599f7"),
)
PALETTES = (LIGHT, DARK)


@dataclass(frozen=True)
class Figure:
    name: str  # the file stem: docs/figures/<lesson>/<name>-<palette>.svg
    alt: str  # what the picture shows, for readers who cannot see it
    draw: Callable[[Palette], str]  # the SVG document in one palette
    # What was drawn (an autograd graph, the plotted numbers), so tests can check it against the maths.
    data: Mapping[str, Any] = field(default_factory=dict, compare=False)

    def __post_init__(self):
        bad = sorted(_NOT_IN_ALT & set(self.alt))
        if bad or not self.alt.strip():
            raise ValueError(f"figure {self.name!r}: alt text must be one non-empty line without {bad}")
