"""Run every lesson's notebook in a fresh kernel, in the background, from the end of collection.

Starting a kernel and importing torch takes about two seconds a notebook, spent in the kernel
processes: as many notebooks run at once as the machine has cores, while the other tests (and
the site build) go on, and each test collects its notebook's result when it needs it.
"""

import contextlib
import os
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from lessonkit import Project
from lessonkit.constructs.predict import LETTERS, choices
from lessonkit.lesson import Lesson
from lessonkit.notebooks import read_cells, to_notebook
from lessonkit.site import Site
from lessonkit.syntax import FixDirective, PredictDirective

KERNEL = "python3"  # ipykernel's own kernel, running this interpreter
CELL_TIMEOUT = 120  # seconds; a lesson cell takes well under one

_runs: dict[str, Future] = {}


def lessons() -> list[Lesson]:
    return [lesson for lesson in Site.load(Project.here()).lessons if lesson.has_code]


@pytest.hookimpl(trylast=True)  # after tests/conftest.py has re-recorded outputs (--update-outputs)
def pytest_collection_finish(session):
    if session.config.option.collectonly:
        return  # nothing runs, so no kernel starts
    wanted = {item.callspec.params["lesson"].stem for item in session.items if "notebook_run" in item.fixturenames}
    if not wanted:
        return
    pool = ThreadPoolExecutor(max_workers=os.cpu_count() or 1, thread_name_prefix="notebook")
    _runs.update({lesson.stem: pool.submit(run_notebook, lesson) for lesson in lessons() if lesson.stem in wanted})
    pool.shutdown(wait=False)


def run_notebook(lesson: Lesson) -> nbformat.NotebookNode:
    """The lesson's notebook, executed top to bottom in a fresh kernel in an empty folder, as a learner would,
    with every exercise solved (see `solved`)."""
    notebook = solved(lesson, to_notebook(read_cells(lesson)))
    with tempfile.TemporaryDirectory(prefix="notebook-run-") as folder:
        client = NotebookClient(
            notebook, kernel_name=KERNEL, timeout=CELL_TIMEOUT, resources={"metadata": {"path": folder}}
        )
        with contextlib.suppress(CellExecutionError):  # the failing cell holds the error; the test names it
            client.execute()
    return notebook


def solved(lesson: Lesson, notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The notebook as a learner who solves every exercise runs it, then tries a wrong answer to each.

    Each answer cell holds the recorded answer (a number, or a prediction's letter); the code of each
    fix ends with the section that fixes it. Cells added at the end check a wrong answer to each box,
    another letter for each prediction, and the unfixed code of each fix: they are tagged `wrong`, and
    must say "Not yet".
    """
    sections = {(cell.include.target, cell.include.section): cell for cell in read_cells(lesson) if cell.include}
    wrong = []
    for number, box in enumerate(lesson.exercises, 1):
        if isinstance(box, PredictDirective):
            options = [section for section, _ in choices(lesson, box)]
            right = LETTERS[options.index(box.answer)]
            _cell(notebook, f"answer_{number} = ...").source = f"answer_{number} = {right!r}"
            wrong.append(f"check({number}, {next(letter for letter in LETTERS if letter != right)!r})")
        elif isinstance(box, FixDirective):
            buggy, fixed = (sections[(box.snippet, name)].source for name in (box.buggy, box.fixed))
            _cell(notebook, buggy).source = f"{buggy}\n\n{fixed}"  # the fixed code replaces what it defines
            wrong.append(f"{buggy}\ncheck({number}, {box.ref.expr})")
        else:
            shown = lesson.value(box.ref, box.line)
            _cell(notebook, f"answer_{number} = ...").source = f"answer_{number} = {shown!r}"
            wrong.append(f"check({number}, {str(float(shown) * 1.5 + 1.25)!r})")
    for source in wrong:
        cell = nbformat.v4.new_code_cell(source)
        cell.metadata["tags"] = ["wrong"]
        notebook.cells.append(cell)
    return notebook


def _cell(notebook: nbformat.NotebookNode, source: str) -> nbformat.NotebookNode:
    return next(cell for cell in notebook.cells if cell.cell_type == "code" and cell.source.startswith(source))


@pytest.fixture
def notebook_run():
    """`notebook_run(lesson)`: that lesson's notebook after running it, started at collection."""
    return lambda lesson: _runs[lesson.stem].result()
