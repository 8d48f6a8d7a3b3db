"""Turn a lesson into the Jupyter notebook a learner downloads and runs.

The notebook is made from the lesson model (lessonkit.lesson), never by hand: prose becomes
markdown cells (values filled in from the recordings, admonition and tab titles in bold),
each included snippet section becomes a code cell, in page order, and recorded-output
blocks are dropped because running the cell prints them. Content that the page folds away
(`??? success "Solution"`) is tagged `solution` and starts collapsed. lessonkit/notebooks/prose.py
rewrites the prose itself: values, links and figures.
"""

from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbformat import v4

from lessonkit.lesson import Lesson
from lessonkit.notebooks.exercises import Exercises
from lessonkit.notebooks.prose import Prose
from lessonkit.syntax import Block, Element, Fence, Include, Text

SOLUTION_TAG = "solution"
# Cells the workbook page leaves out (mkdocs.yml): solutions, and exercise cells that only work in a running notebook.
NOT_IN_WORKBOOK = "not-in-workbook"
METADATA = {
    "kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"},
    "language_info": {
        "name": "python",
        "version": "3.11",  # the oldest Python the project supports (pyproject.toml)
        "mimetype": "text/x-python",
        "file_extension": ".py",
        "codemirror_mode": {"name": "ipython", "version": 3},
        "pygments_lexer": "ipython3",
        "nbconvert_exporter": "python",
    },
}


@dataclass(frozen=True)
class Cell:
    kind: str  # "markdown" or "code"
    source: str
    include: Include | None = None  # the snippet section a code cell runs
    folded: bool = False  # folded away on the page: a solution
    opens_fold: bool = False  # the visible title of a folded block
    attachments: dict[str, dict[str, str]] = field(default_factory=dict)  # a markdown cell's figures
    role: str | None = None  # an exercise's cell: "checker", "answer" (the learner's turn) or "check"; also its tag


def read_cells(lesson: Lesson, link_base: str | None = None, embed_figures: bool = True) -> list[Cell]:
    """The cells of the notebook for `lesson`, in page order.

    `link_base` starts the links to other pages (the site's URL for a download, a relative path
    for a page of the site; without it they become text). A notebook of its own carries its
    figures; a page of the site links them instead (`embed_figures=False`).
    """
    return _Reader(lesson, Prose(lesson, link_base, embed_figures)).cells


def to_notebook(cells: list[Cell]) -> nbformat.NotebookNode:
    notebook = v4.new_notebook(metadata=METADATA)
    for number, cell in enumerate(cells, 1):
        if cell.kind == "code":
            name = f"{Path(cell.include.target).stem}-{cell.include.section}" if cell.include else cell.role
        else:
            name = cell.role or "prose"
        new = _new_cell(cell, f"{number:03d}-{name}"[:64])
        tags = [cell.role] if cell.role else [SOLUTION_TAG] if cell.folded or cell.opens_fold else []
        if tags:
            new.metadata["tags"] = [*tags, NOT_IN_WORKBOOK]
        if cell.folded:  # JupyterLab and Notebook 7 show it collapsed until clicked
            new.metadata["jupyter"] = {"source_hidden": True}
            if cell.kind == "code":
                new.metadata["jupyter"]["outputs_hidden"] = True
        if cell.role == "checker":  # run it, no need to read it
            new.metadata["jupyter"] = {"source_hidden": True}
        notebook.cells.append(new)
    nbformat.validate(notebook)
    return notebook


def _new_cell(cell: Cell, cell_id: str) -> nbformat.NotebookNode:
    """A cell as v4.new_code_cell and v4.new_markdown_cell make it, without validating each one
    (half of a build's notebook time): to_notebook validates the whole notebook once.
    The id is deterministic, unlike nbformat's random ones."""
    fields = {"id": cell_id, "cell_type": cell.kind, "metadata": {}, "source": cell.source}
    if cell.kind == "code":
        fields |= {"execution_count": None, "outputs": []}
    elif cell.attachments:
        fields["attachments"] = cell.attachments
    return nbformat.from_dict(fields)


def notebook_text(lesson: Lesson, link_base: str | None = None, embed_figures: bool = True) -> str:
    """The .ipynb file for `lesson`: same sources, same bytes."""
    return nbformat.writes(to_notebook(read_cells(lesson, link_base, embed_figures))) + "\n"


class _Reader:
    """Walks the lesson's elements, starting a new cell where code comes or a fold opens or closes."""

    def __init__(self, lesson: Lesson, prose: Prose):
        self.lesson, self.prose = lesson, prose
        self.exercises = Exercises(lesson)
        self.cells: list[Cell] = []
        self.folded = False
        open_blocks: tuple[Block, ...] = ()
        for element in lesson.parsed.elements:
            if any(block.folds for block in open_blocks if block not in element.blocks):
                self._flush()  # a fold closed: its content keeps cells of its own
            self.folded = element.folded
            self._read(element)
            open_blocks = element.blocks + ((element.opens,) if isinstance(element, Text) and element.opens else ())
        self._flush()

    def _read(self, element: Element):
        if isinstance(element, Fence):
            self._fence(element)
        elif element.opens is not None:
            self._open(element.opens)
        else:
            self.prose.add(element)
            for directive in self.exercises.on_line(element.line):
                self._flush()
                self.cells += [Cell(kind, source, role=role) for kind, source, role in self.exercises.cells(directive)]

    def _open(self, block: Block):
        title = block.title if block.title is not None else (block.kind or "").capitalize()
        if block.folds and not self.folded:
            self._flush()
            self.prose.add_line(f"**{title}** (the cells below are collapsed: click one to open it)")
            self._flush(opens_fold=True)
        elif title:
            self.prose.add_line(f"**{title}**")
            self.prose.add_line("")

    def _fence(self, fence: Fence):
        include = fence.include
        if include is None:  # a block of its own, such as a formula or a shell command: part of the prose
            for line in self.lesson.parsed.lines[fence.line - 1 : fence.end_line]:
                self.prose.add_line(line[min(fence.depth, len(line) - len(line.lstrip())) :])
        elif include.is_code:
            self._flush()
            code = self.lesson.section(include).code.rstrip("\n")
            self.cells.append(Cell("code", code, include, self.folded))
        # else: a recorded-output block, which running the cell above reproduces

    def _flush(self, opens_fold: bool = False):
        text, attachments = self.prose.take()
        if text.strip():
            self.cells.append(Cell("markdown", text, None, self.folded and not opens_fold, opens_fold, attachments))
