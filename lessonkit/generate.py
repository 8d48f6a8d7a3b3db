"""What the site serves beside its pages, made from the lesson models by one step that any builder can use.

For each lesson with code:

- `notebooks/<lesson>.ipynb`: the notebook to download, linking into the site by its address
  and carrying its figures;
- `workbooks/<lesson>`: the same notebook as a page of the site, without its solutions and
  exercise cells, linking its figures so that the reader's palette picks their variant.

MkDocs gets them in memory from lessonkit/hooks/notebooks.py, and mkdocs-jupyter renders each
workbook from its .ipynb. Any other builder (Zensical, which runs no MkDocs hook or plugin)
gets them as files, each workbook as a Markdown page: `python -m lessonkit build --builder
zensical` writes them into the copy of docs/ it builds, and `python -m lessonkit serve --builder
zensical` into docs/notebooks/ and docs/workbooks/ (git ignores both), where the Markdown
extension writes a lesson's files again each time it converts the lesson (`refresh`).
"""

import functools
import posixpath
import shutil
import sys
from dataclasses import replace
from pathlib import Path

import nbformat
import yaml

from lessonkit.errors import LessonError
from lessonkit.lesson import Lesson
from lessonkit.notebooks import NOT_IN_WORKBOOK, Cell, notebook_text, read_cells, to_notebook
from lessonkit.project import GENERATED
from lessonkit.recordings import write
from lessonkit.site import Site

DOWNLOADS, WORKBOOKS = GENERATED
MKDOCS, MARKDOWN = "mkdocs", "markdown"  # a workbook as an .ipynb for mkdocs-jupyter, or as a Markdown page
DESCRIPTION = "{title}, as a notebook: the lesson's code to run and change, without solutions."


def workbook_format() -> str:
    """The kind of workbook the builder running now serves: Markdown under Zensical, an .ipynb under MkDocs."""
    return MARKDOWN if "zensical" in sys.modules else MKDOCS


def workbook_source(lesson: Lesson) -> str:
    """The workbook's source in docs/ (MkDocs' hook, or the step for any other builder, writes it)."""
    return f"{WORKBOOKS}/{lesson.stem}.md" if workbook_format() == MARKDOWN else f"{WORKBOOKS}/{lesson.notebook_name}"


def lesson_files(lesson: Lesson, site_url: str, workbook: str) -> dict[str, str]:
    """A lesson's notebook and workbook, by their path in the site; LessonError if the lesson cannot be built.

    Made again only when the page or a file it shows has changed: `serve` rebuilds every lesson's files.
    """
    return _lesson_files(lesson, lesson.source_versions(), site_url, workbook)


@functools.lru_cache(maxsize=64)
def _lesson_files(lesson: Lesson, versions: tuple, site_url: str, workbook: str) -> dict[str, str]:
    # `versions` is part of the key: the modification times of the files the lesson shows.
    name = lesson.notebook_name
    cells = workbook_cells(lesson, workbook)
    files = {f"{DOWNLOADS}/{name}": notebook_text(lesson, site_url)}
    if workbook == MKDOCS:
        files[f"{WORKBOOKS}/{name}"] = nbformat.writes(to_notebook(cells)) + "\n"
    else:
        files[f"{WORKBOOKS}/{lesson.stem}.md"] = workbook_page(lesson, cells)
    return files


def workbook_cells(lesson: Lesson, workbook: str) -> list[Cell]:
    """The workbook: the lesson's cells, its title, and where its lesson and its notebook are.

    mkdocs-jupyter shows a notebook's Markdown as it is, so its links are the pages' addresses, relative
    to the workbook's own (workbooks/<lesson>/); a Markdown page links the sources, which its builder resolves.
    """
    depth = lesson.notebook_name.count("/")
    source = workbook == MARKDOWN
    root = "../" * (depth + 1 if source else depth + 2)
    cells = read_cells(lesson, root, embed_figures=False, source_links=source)
    title, _, rest = cells[0].source.partition("\n")  # the lesson's title, "# ...", opens its first cell
    return [
        Cell("markdown", f"# Workbook: {title.lstrip('# ')}\n\n{workbook_intro(lesson, root, source)}"),
        *([replace(cells[0], source=rest.strip("\n"))] if rest.strip() else []),
        *cells[1:],
    ]


def workbook_intro(lesson: Lesson, root: str, source: bool) -> str:
    """What a workbook page says first: where its lesson and its notebook are."""
    name, lesson_address = lesson.notebook_name, f"{root}{lesson.uri}" if source else f"{root}{lesson.stem}/"
    download = f"{root}{DOWNLOADS}/{name}"
    button = (
        f'[Download notebook]({download}){{ .md-button .md-button--primary download="{posixpath.basename(name)}" }}'
        if source
        else f'<a class="md-button md-button--primary" href="{download}" download="{posixpath.basename(name)}">'
        "Download notebook</a>"
    )
    return (
        f"The cells of [the lesson]({lesson_address}), to run and change yourself. The solutions are left out "
        "here: they fold out on the lesson page, and in the notebook they sit collapsed under each exercise.\n\n"
        + button
    )


def workbook_page(lesson: Lesson, cells: list[Cell]) -> str:
    """The workbook as a Markdown page: its cells but solutions and exercise cells, as mkdocs-jupyter shows them."""
    shown = [cell for cell in to_notebook(cells).cells if NOT_IN_WORKBOOK not in cell.metadata.get("tags", [])]
    parts = [f"```python\n{cell.source}\n```" if cell.cell_type == "code" else cell.source for cell in shown]
    front = {"description": DESCRIPTION.format(title=lesson.title), "search": {"exclude": True}}
    return f"---\n{yaml.safe_dump(front, width=1000)}---\n\n" + "\n\n".join(parts) + "\n"


def site_files(site: Site, site_url: str, workbook: str) -> tuple[dict[str, str], list[str]]:
    """Every lesson's files, and for each lesson that cannot be built (it gets none) a line saying why."""
    files, errors = {}, []
    for lesson in site.lessons:
        if lesson.has_code:
            try:
                files |= lesson_files(lesson, site_url, workbook)
            except LessonError as error:
                where = f"{error.problem.file}:{error.problem.line}"
                errors.append(f"{lesson.name} gets no notebook until the error at {where} is fixed")
    return files, errors


def write_files(docs_dir: Path, files: dict[str, str]) -> list[Path]:
    """Make <docs>/notebooks/ and <docs>/workbooks/ hold exactly `files`: write what differs, delete the rest."""
    changed = []
    for folder in GENERATED:
        for path in sorted((docs_dir / folder).rglob("*")):
            if path.is_file() and path.relative_to(docs_dir).as_posix() not in files:
                path.unlink()
                changed.append(path)
    for uri, text in files.items():
        path = docs_dir / uri
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            write(path, text)
            changed.append(path)
    for folder in GENERATED:
        if not files and (docs_dir / folder).is_dir():
            shutil.rmtree(docs_dir / folder)  # nothing left behind: the folders go too
    return changed


def refresh(lesson: Lesson, site_url: str) -> None:
    """While a builder other than MkDocs serves the site, write a lesson's files again as its page is converted."""
    project = lesson.project
    if not lesson.has_code or not (project.docs_dir / workbook_source(lesson)).is_file():
        return  # MkDocs (which makes them itself), or a build from a copy of docs/ (lessonkit/build.py)
    try:
        files = lesson_files(lesson, site_url, MARKDOWN)
    except LessonError:
        return  # the page shows the error; the old files stay until it is fixed
    for uri, text in files.items():
        path = project.docs_dir / uri
        if path.read_text(encoding="utf-8") != text:
            write(path, text)
