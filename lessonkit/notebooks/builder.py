"""Turn a lesson into the Jupyter notebook a learner downloads and runs.

The notebook is made from the lesson model (lessonkit.lesson), never by hand: prose becomes
markdown cells, each included snippet section becomes a code cell, in page order, and
recorded-output blocks are dropped because running the cell prints them. What each node of a
page becomes is its construct's to say (lessonkit.constructs: `markdown` and `cells`): values
are filled in, figures attached, exercise boxes become cells to answer and check. Content the
page folds away (`??? success "Solution"`) is tagged `solution` and starts collapsed, and so
does the code that answers a prediction.
"""

from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbformat import v4

from lessonkit.constructs import construct_of, wiring
from lessonkit.constructs.markup import AUTHOR_TAGS, faults
from lessonkit.errors import LessonError
from lessonkit.lesson import Lesson
from lessonkit.notebooks.exercises import Exercises
from lessonkit.notebooks.prose import Prose
from lessonkit.rules import characters
from lessonkit.site import Site
from lessonkit.syntax import Block, Fence, HtmlTag, Include, PredictDirective, Text, is_caption_marker

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
    folded: bool = False  # folded away on the page: a solution, or the code that answers a prediction
    opens_fold: bool = False  # the visible title of a folded block
    attachments: dict[str, dict[str, str]] = field(default_factory=dict)  # a markdown cell's figures
    role: str | None = None  # an exercise's cell: "checker", "answer" (the learner's turn) or "check"; also its tag
    hidden: bool = False  # collapsed until opened, as a prediction's answer is on the page; still in the workbook


class Notebook:
    """A notebook being built: what the constructs add to, cell by cell."""

    def __init__(self, site: Site, page: Lesson, link_base: str | None, embed_figures: bool, source_links: bool):
        self.site, self.page = site, page
        self.link_base, self.embed_figures = link_base, embed_figures
        self.source_links = source_links  # links to pages' sources (`../chain_rule.md`), for a builder to resolve
        self.prose = Prose()
        self.exercises = Exercises(self, page)
        self.cells: list[Cell] = []
        self.folded = False
        # The code under a prediction stays collapsed, as it stays folded on the page.
        # What a prediction folds on the page (the code that answers it, and why) starts collapsed here too.
        self.revealed = [span for predict in page.directives(PredictDirective) if (span := page.revealed(predict))]
        self.hidden = False  # the lines being read are inside one of those

    def cell(self, kind: str, source: str, role: str | None = None) -> Cell:
        return Cell(kind, source, role=role)

    def code_cell(self, code: str, include: Include, fence: Fence) -> Cell:
        return Cell("code", code, include, self.folded, hidden=self.hidden)

    def link(self, uri: str, title: str, anchor: str = "") -> str:
        """A link to another page of the site (`uri` relative to docs/), or its title alone without a link base."""
        if self.link_base is None:
            return title
        return f"[{title}]({self.address(uri)}{anchor})"

    def address(self, uri: str) -> str:
        """Where a file of docs/ is, seen from the notebook: its page's URL, or its source for a builder."""
        if self.source_links or not uri.endswith(".md"):
            return self.link_base + uri
        stem = uri.removesuffix(".md")  # MkDocs' directory URLs
        return self.link_base + (
            stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/"
        )

    def flush(self, opens_fold: bool = False) -> None:
        text, attachments = self.prose.take()
        if text.strip():
            folded = self.folded and not opens_fold
            self.cells.append(Cell("markdown", text, None, folded, opens_fold, attachments, hidden=self.hidden))


def read_cells(
    lesson: Lesson,
    link_base: str | None = None,
    embed_figures: bool = True,
    site: Site | None = None,
    source_links: bool = False,
) -> list[Cell]:
    """The cells of the notebook for `lesson`, in page order.

    `link_base` starts the links to other pages (the site's URL for a download, a relative path
    for a page of the site; without it they become text). A notebook of its own carries its
    figures; a page of the site links them instead (`embed_figures=False`). A Markdown page that a
    builder converts links the sources of pages and figures, which it resolves (`source_links=True`).
    """
    if lesson.problems_reading:  # bytes that are not UTF-8, front matter that is not YAML: nothing to build from
        problem = lesson.problems_reading[0]
        raise LessonError(problem.file, problem.line, problem.message, problem.column)
    _no_hidden_characters(lesson)
    site = site or Site.load(lesson.project)
    notebook = Notebook(site, lesson, link_base, embed_figures, source_links)
    inserted = wiring.insertions(site, lesson, notebook.link)
    open_blocks: tuple[Block, ...] = ()
    markdown_open: list[str] = []  # md_in_html elements whose closing tag is still to come
    for element in lesson.parsed.elements:
        if any(block.folds for block in open_blocks if block not in element.blocks):
            notebook.flush()  # a fold closed: its content keeps cells of its own
        hidden = any(first <= element.line <= last for first, last in notebook.revealed)
        if hidden != notebook.hidden:
            notebook.flush()  # a prediction's answer starts, or ends: it keeps cells of its own
            notebook.hidden = hidden
        notebook.folded = element.folded
        if isinstance(element, Fence):
            new = construct_of(element).cells(lesson, element, notebook)
            if new:
                notebook.flush()
                notebook.cells += new
        elif element.opens is not None:
            _open(notebook, element.opens)
        else:
            _text(notebook, lesson, element, markdown_open)
        added = inserted.get(element.end_line if isinstance(element, Fence) else element.line, [])
        if added and notebook.folded:  # what the engine adds is never part of a solution
            notebook.flush()
            notebook.folded, open_blocks = False, ()
        for line in added:
            notebook.prose.add_line(line)
        open_blocks = element.blocks + ((element.opens,) if isinstance(element, Text) and element.opens else ())
    notebook.flush()
    return notebook.cells


def _no_hidden_characters(lesson: Lesson) -> None:
    """A LessonError at the first invisible or bidirectional character of the page or the code it shows: a notebook
    never carries one (lessonkit.rules.characters)."""
    for line, column, message in characters.in_text("\n".join(lesson.parsed.lines)):
        raise LessonError(lesson.name, line, message, column)
    for _, include in lesson.code_includes:
        try:
            section = lesson.section(include)
        except LessonError:
            continue  # a section that is not there stops the notebook where the page shows it, in page order
        for line, column, message in characters.in_text(section.code):
            raise LessonError(section.display, section.first_line + line - 1, message, column)


def _open(notebook: Notebook, block: Block) -> None:
    title = block.title if block.title is not None else (block.kind or "").capitalize()
    if block.folds and not notebook.folded:
        notebook.flush()
        notebook.prose.add_line(f"**{title}** (the cells below are collapsed: click one to open it)")
        notebook.flush(opens_fold=True)
    elif title:
        notebook.prose.add_line(f"**{title}**")
        notebook.prose.add_line("")


def _text(notebook: Notebook, lesson: Lesson, text: Text, markdown_open: list[str]) -> None:
    """A line of prose, each node on it as its construct writes it for a notebook; then the cells it brings."""
    line = text.content
    dedent = len(text.text) - len(line)
    if is_caption_marker(line):  # a caption's markers go; its text stays, a paragraph under its figure
        notebook.prose.add_line("")
        return
    edits = [(node.start, node.end, node) for node in _nodes_on(lesson, text.line)]
    for tag in lesson.html_tags:
        written = tag.text.split("\n")  # a tag may span lines: each of its lines goes
        if not tag.line <= text.line < tag.line + len(written) or not _goes(tag):
            continue
        if tag.line == text.line:
            edits.append((tag.column, tag.column + len(written[0]), tag))
        else:
            edits.append((0, len(written[text.line - tag.line]), None))
    cells = []
    for start, end, node in sorted(edits, key=lambda edit: edit[0], reverse=True):
        replacement = "" if node is None else _markdown(notebook, lesson, node, markdown_open)
        line = line[: max(start - dedent, 0)] + replacement + line[max(end - dedent, 0) :]
        construct = construct_of(node)
        cells = (construct.cells(lesson, node, notebook) if construct else []) + cells
    notebook.prose.add_line(line)
    if cells:
        notebook.flush()
        notebook.cells += cells


def _goes(tag: HtmlTag) -> bool:
    """Raw HTML the notebook leaves out: a tag the page may not use or with an attribute it may not use, md_in_html's
    wrappers (Jupyter shows Markdown inside HTML as it is), and the closing tags that go with them."""
    return tag.name not in AUTHOR_TAGS or bool(faults(tag)) or "markdown" in dict(tag.attributes) or tag.closing


def _nodes_on(lesson: Lesson, line: int) -> list:
    return [*lesson.spans_by_line.get(line, []), *(link for link in lesson.links if link.line == line)]


def _markdown(notebook: Notebook, lesson: Lesson, node, markdown_open: list[str]) -> str:
    """What a node becomes in the notebook's markdown."""
    if hasattr(node, "closing"):  # raw HTML: md_in_html wrappers go (Jupyter shows Markdown inside HTML as it is)
        if node.closing:
            if markdown_open and markdown_open[-1] == node.name:
                markdown_open.pop()
                return "\n\n"
            return node.text if node.name in AUTHOR_TAGS else ""
        if dict(node.attributes).get("markdown") is not None:
            markdown_open.append(node.name)
            return "\n\n"
        return ""  # a tag or attribute the page may not use: the check reports it, and the notebook leaves it out
    return construct_of(node).markdown(lesson, node, notebook)


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
        if cell.folded or cell.hidden:  # JupyterLab and Notebook 7 show it collapsed until clicked
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


__all__ = ["NOT_IN_WORKBOOK", "SOLUTION_TAG", "Cell", "Notebook", "notebook_text", "read_cells", "to_notebook"]
