"""The shape every construct has, and the recordings a construct can want."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from lessonkit.errors import Problem
from lessonkit.lesson import Lesson
from lessonkit.site import Site, Where
from lessonkit.syntax import ValueRef

# The constructs are what the checks (lessonkit.verify), the build (lessonkit.extension) and the notebooks
# (lessonkit.notebooks) have in common, so they import none of the three: each passes in what a construct
# works with, `Check` here, a `Filler` (lessonkit.extension) and a `Notebook` (lessonkit.notebooks.builder).


@dataclass(frozen=True)
class WantOutput:
    """What a section prints, recorded (nothing, if it prints nothing)."""

    snippet: str
    section: str
    where: Where


@dataclass(frozen=True)
class WantValue:
    """A value as a page quotes it, recorded in its snippet's values.json."""

    ref: ValueRef
    where: Where


@dataclass(frozen=True)
class WantFigure:
    """A figure's content, recorded, and its drawing in each palette."""

    figure: str
    where: Where


Want = WantOutput | WantValue | WantFigure


@dataclass(frozen=True)
class Check:
    """What a construct's checks can look at: the site index, and the code's runs (made once, on demand)."""

    site: Site
    code: Any  # lessonkit.verify.Code: runs a snippet or a figure module, once


class Construct:
    """One kind of node: its recordings, its problems, its HTML and its notebook cells. Subclasses override."""

    nodes: tuple[type, ...] = ()  # the syntax node classes this construct handles

    def find(self, page: Lesson) -> list[Any]:
        """The construct's nodes on a page, in page order."""
        return [span for span in page.spans if isinstance(span, self.nodes)]

    def wanted(self, page: Lesson, node) -> Iterable[Want]:
        """The recordings this node needs."""
        return ()

    def problems(self, check: Check, page: Lesson, node) -> Iterable[Problem]:
        """What is wrong with this node, beyond its recordings (which lessonkit.verify compares)."""
        return ()

    def page_problems(self, check: Check, page: Lesson) -> Iterable[Problem]:
        """What is wrong with the page as a whole, for this construct (a rule no single node holds)."""
        return ()

    def fill(self, page: Lesson, node, out: Any) -> None:
        """Put what the built page shows in the node's place (a LessonError is shown there instead)."""

    def markdown(self, page: Lesson, node, notebook: Any) -> str:
        """What a notebook's markdown shows in place of the node."""
        return ""

    def cells(self, page: Lesson, node, notebook: Any) -> list:
        """Cells the notebook gets after the node's line."""
        return []


def at(page: Lesson, line: int, message: str, column: int | None = None) -> Problem:
    """A problem on a page."""
    return Problem(page.name, line, message, column)
