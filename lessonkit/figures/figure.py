"""A figure: what it shows (its content, recorded as JSON), its alt text, and how to draw that content.

The content is what the checks compare: a graph's nodes, edges and numbers, a plot's data
and size. The SVG is drawn from the *recorded* content, never from a fresh computation,
and carries a stamp: a hash of the content, the palette and the drawing code. A check then
proves an SVG shows the current content by its stamp, without drawing anything, so the
tests need neither Graphviz nor the fonts the pictures were drawn with.
"""

import hashlib
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

# Characters that would end or restyle Markdown's `![alt](...)` around the alt text.
_NOT_IN_ALT = set("[]*`{}<>\n")
# Plotted numbers keep six significant digits; fresh and recorded content agree within this tolerance,
# so the last bits of a float32 computation, which differ between machines, never count as a change.
DIGITS = 6
REL_TOL = 1e-4


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
    alt: str  # what the picture shows, for readers who cannot see it; every number in it comes from the code
    content: dict[str, Any]  # what the picture shows, as JSON: compared by the checks, drawn by `draw`
    draw: Callable[[dict[str, Any], Palette], str] = field(repr=False)  # recorded content -> SVG in one palette
    drawer: str = field(repr=False, default="")  # the source of the code that draws: a change of it re-draws
    # What was computed (an autograd graph, the tensors plotted), for lesson tests to check against the maths.
    data: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self):
        bad = sorted(_NOT_IN_ALT & set(self.alt))
        if bad or not self.alt.strip():
            raise ValueError(f"figure {self.name!r}: alt text must be one non-empty line without {bad}")

    @property
    def recording(self) -> dict[str, Any]:
        """What is recorded: the alt text, then the content."""
        return {"alt": self.alt, **self.content}

    def stamp(self, recorded_text: str, palette: Palette) -> str:
        """The stamp of an SVG drawn from `recorded_text` in `palette` by this figure's drawing code."""
        digest = hashlib.sha256("\0".join((recorded_text, repr(palette), self.drawer)).encode())
        return digest.hexdigest()[:16]


def to_json(value: Any) -> Any:
    """Content as JSON: tensors and arrays become lists, floats keep six significant digits, NaN becomes null."""
    if hasattr(value, "tolist"):  # torch tensors and numpy arrays, without importing either
        value = value.tolist()
    if isinstance(value, Mapping):
        return {str(key): to_json(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json(item) for item in value]
    if isinstance(value, float):
        return None if math.isnan(value) else float(f"{value:.{DIGITS}g}")
    return value


def same(recorded: Any, fresh: Any) -> bool:
    """Whether two contents show the same: equal text and structure, numbers within REL_TOL."""
    if isinstance(recorded, dict) and isinstance(fresh, dict):
        return recorded.keys() == fresh.keys() and all(same(recorded[key], fresh[key]) for key in recorded)
    if isinstance(recorded, list) and isinstance(fresh, list):
        return len(recorded) == len(fresh) and all(map(same, recorded, fresh))
    numbers = (int, float)
    if isinstance(recorded, numbers) and isinstance(fresh, numbers) and not isinstance(recorded, bool):
        return math.isclose(recorded, fresh, rel_tol=REL_TOL, abs_tol=1e-12)
    return recorded == fresh
