"""Run every lesson's notebook in a fresh kernel, in the background, from the end of collection.

Starting a kernel and importing torch takes about two seconds a notebook, spent in the
kernel processes: a thread per notebook waits on its kernel while the other tests (and the
site build) run, and each test collects its notebook's result when it needs it.
"""

import contextlib
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from lessonkit import Project
from lessonkit.notebooks import lesson_pages, read_lesson, to_notebook

KERNEL = "python3"  # ipykernel's own kernel, running this interpreter
CELL_TIMEOUT = 120  # seconds; a lesson cell takes well under one

_runs: dict[Path, Future] = {}


@pytest.hookimpl(trylast=True)  # after tests/conftest.py has re-recorded outputs (--update-outputs)
def pytest_collection_finish(session):
    if not any("notebook_run" in getattr(item, "fixturenames", ()) for item in session.items):
        return
    project = Project.here()
    pages = lesson_pages(project)
    if not pages:
        return
    pool = ThreadPoolExecutor(max_workers=len(pages), thread_name_prefix="notebook")
    _runs.update({page: pool.submit(run_notebook, project, page) for page in pages})
    pool.shutdown(wait=False)


def run_notebook(project: Project, page: Path) -> nbformat.NotebookNode:
    """The page's notebook, executed top to bottom in a fresh kernel in an empty folder, as a learner would."""
    notebook = to_notebook(read_lesson(project, page))
    with tempfile.TemporaryDirectory(prefix="notebook-run-") as folder:
        client = NotebookClient(
            notebook, kernel_name=KERNEL, timeout=CELL_TIMEOUT, resources={"metadata": {"path": folder}}
        )
        with contextlib.suppress(CellExecutionError):  # the failing cell holds the error; the test names it
            client.execute()
    return notebook


@pytest.fixture
def notebook_run():
    """`notebook_run(page)`: that lesson's notebook after running it, started at collection."""
    return lambda page: _runs[page].result()
