"""MkDocs hook: under `mkdocs serve`, rebuild only the pages an edit touches (lessonkit/serving.py)."""

from lessonkit.serving import on_page_markdown, on_startup

__all__ = ["on_page_markdown", "on_startup"]
