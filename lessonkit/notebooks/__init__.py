"""Each lesson as a Jupyter notebook: built from the lesson model, never written by hand."""

import functools
from pathlib import Path

from lessonkit.lesson import Lesson
from lessonkit.notebooks.builder import NOT_IN_WORKBOOK, SOLUTION_TAG, Cell, notebook_text, read_cells, to_notebook

__all__ = [
    "NOT_IN_WORKBOOK",
    "SOLUTION_TAG",
    "Cell",
    "cached_notebook_text",
    "notebook_text",
    "read_cells",
    "to_notebook",
]


def cached_notebook_text(lesson: Lesson, link_base: str | None = None, embed_figures: bool = True) -> str:
    """`notebook_text`, built again only when the page or a file it shows has changed (for `mkdocs serve`)."""
    return _notebook_text(lesson, lesson.source_versions(), link_base, embed_figures)


@functools.lru_cache(maxsize=64)
def _notebook_text(lesson: Lesson, versions: tuple[tuple[Path, int | None], ...], link_base, embed_figures) -> str:
    # `versions` is part of the key: the files' modification times.
    return notebook_text(lesson, link_base, embed_figures)
