"""MkDocs hook: under `mkdocs serve`, rebuild only the pages an edit touches (lessonkit/hooks/serving.py)."""

from lessonkit.hooks.serving import on_page_markdown, on_startup

__all__ = ["on_page_markdown", "on_startup"]
