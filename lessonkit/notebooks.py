"""Turn a lesson page into the Jupyter notebook a learner downloads and runs.

The notebook is made from the page's own sources, never by hand: prose becomes markdown
cells (quoted values filled in from the recordings, admonition and tab markers turned
into bold titles), each included snippet section becomes a code cell, in page order, and
recorded-output blocks are dropped because running the cell prints them. Content that the
page folds away (`??? success "Solution"`) is tagged `solution` and starts collapsed.
lessonkit/notebook_prose.py rewrites the prose itself: values, links and figures.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbformat import v4

from lessonkit.notebook_prose import Prose
from lessonkit.pages import Fence, Include, parse_page
from lessonkit.problems import SnippetError
from lessonkit.project import Project
from lessonkit.sections import included_section

SOLUTION_TAG = "solution"
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

# `!!! note "Title"`, `??? success "Solution"`, `???+ tip`, `=== "Tab"`: the line opens a block indented by 4.
_BLOCK = re.compile(
    r"^(?P<indent>[ \t]*)(?P<marker>!!!|\?\?\?\+?|===\+?)[ \t]+"  # the marker, then a type, modifiers, a title
    r'(?P<kind>[\w-]+)?[^"]*(?:"(?P<title>[^"]*)")?\s*$'
)


@dataclass(frozen=True)
class Cell:
    kind: str  # "markdown" or "code"
    source: str
    include: Include | None = None  # the snippet section a code cell runs
    folded: bool = False  # folded away on the page: a solution
    opens_fold: bool = False  # the visible title of a folded block
    attachments: dict[str, dict[str, str]] = field(default_factory=dict)  # a markdown cell's figures


def is_lesson_page(page: Path) -> bool:
    """A page that includes snippet sections: it gets a notebook."""
    fences = parse_page(page.read_text(encoding="utf-8")).fences
    return any(include.is_code for fence in fences for include in fence.includes)


def lesson_pages(project: Project) -> list[Path]:
    return [page for page in project.pages() if is_lesson_page(page)]


def notebook_name(project: Project, page: Path) -> str:
    """docs/chain_rule.md -> "chain_rule.ipynb"; pages in folders keep their path."""
    return page.relative_to(project.docs_dir).with_suffix(".ipynb").as_posix()


def read_lesson(project: Project, page: Path, link_base: str | None = None, embed_figures: bool = True) -> list[Cell]:
    """The cells of the notebook for `page`, in page order.

    `link_base` starts the links to other pages (the site's URL for a download, a relative path
    for a page of the site; without it they become text). A notebook of its own carries its
    figures; a page of the site links them instead (`embed_figures=False`).
    """
    return _Reader(Prose(project, page, link_base, embed_figures), project, page).cells


def to_notebook(cells: list[Cell]) -> nbformat.NotebookNode:
    notebook = v4.new_notebook(metadata=METADATA)
    for number, cell in enumerate(cells, 1):
        if cell.kind == "code":
            new = v4.new_code_cell(cell.source)
            name = f"{Path(cell.include.target).stem}-{cell.include.section}"
        else:
            new = v4.new_markdown_cell(cell.source)
            name = "prose"
            if cell.attachments:
                new.attachments = cell.attachments
        new.id = f"{number:03d}-{name}"[:64]  # deterministic, unlike nbformat's random ids
        if cell.folded or cell.opens_fold:
            new.metadata["tags"] = [SOLUTION_TAG]
        if cell.folded:  # JupyterLab and Notebook 7 show it collapsed until clicked
            new.metadata["jupyter"] = {"source_hidden": True}
            if cell.kind == "code":
                new.metadata["jupyter"]["outputs_hidden"] = True
        notebook.cells.append(new)
    nbformat.validate(notebook)
    return notebook


def notebook_text(project: Project, page: Path, link_base: str | None = None, embed_figures: bool = True) -> str:
    """The .ipynb file for `page`: same sources, same bytes."""
    return nbformat.writes(to_notebook(read_lesson(project, page, link_base, embed_figures))) + "\n"


class _Reader:
    """Walks a page line by line, keeping track of the admonitions and tabs it is inside."""

    def __init__(self, prose: Prose, project: Project, page: Path):
        self.prose, self.project, self.name = prose, project, project.display(page)
        text = page.read_text(encoding="utf-8")
        self.lines = text.splitlines()
        self.fences = {fence.line: fence for fence in parse_page(text).fences}
        self.cells: list[Cell] = []
        self.blocks: list[tuple[int, bool]] = []  # (indent of the content, folded) of each open block
        number = _after_front_matter(self.lines)
        while number < len(self.lines):
            number = self._read(number)
        self._flush()

    @property
    def folded(self) -> bool:
        return any(folded for _, folded in self.blocks)

    def _read(self, number: int) -> int:
        """Read the line at index `number` (and a whole fence if one opens there); return the next index."""
        line = self.lines[number]
        if line.strip():
            indent = len(line) - len(line.lstrip())
            while self.blocks and indent < self.blocks[-1][0]:
                self._close_block()
        fence = self.fences.get(number + 1)
        if fence is not None:
            self._fence(fence)
            return number + len(fence.body) + 2
        block = _BLOCK.match(line)
        if block is not None:
            self._open_block(block, number + 1)
        else:
            self.prose.add(self._dedent(line), number + 1)
        return number + 1

    def _open_block(self, block: re.Match, number: int):
        title = block["title"] if block["title"] is not None else (block["kind"] or "").capitalize()
        folds = block["marker"] == "???"
        if folds and not self.folded:
            self._flush()
            self.prose.add(f"**{title}** (the cells below are collapsed: click one to open it)", number)
            self._flush(opens_fold=True)
        elif title:
            self.prose.add(f"**{title}**", number)
            self.prose.add("", number)
        self.blocks.append((len(block["indent"]) + 4, folds))

    def _close_block(self):
        if self.blocks[-1][1]:
            self._flush()
        self.blocks.pop()

    def _fence(self, fence: Fence):
        include = fence.includes[0] if len(fence.includes) == 1 else None
        if include is None:  # a fence of its own, such as a formula or shell command: part of the prose
            end = fence.line + len(fence.body)
            for line in self.lines[fence.line - 1 : end + 1]:
                self.prose.add_verbatim(self._dedent(line))
        elif include.is_code:
            self._flush()
            self.cells.append(Cell("code", self._section_code(include), include, self.folded))
        # else: a recorded-output block, which running the cell above reproduces

    def _section_code(self, include: Include) -> str:
        try:
            return included_section(self.project.snippets_dir, include.target, include.section).code.rstrip("\n")
        except LookupError as error:
            raise SnippetError(self.name, include.line, str(error)) from error

    def _dedent(self, line: str) -> str:
        indent = self.blocks[-1][0] if self.blocks else 0
        return line[min(indent, len(line) - len(line.lstrip())) :]

    def _flush(self, opens_fold: bool = False):
        text, attachments = self.prose.take()
        if text.strip():
            self.cells.append(Cell("markdown", text, None, self.folded, opens_fold, attachments))


def _after_front_matter(lines: list[str]) -> int:
    """Index of the first line after a `---` YAML header (title, description), which is not prose."""
    if lines and lines[0].strip() == "---":
        for number in range(1, len(lines)):
            if lines[number].strip() in ("---", "..."):
                return number + 1
    return 0
