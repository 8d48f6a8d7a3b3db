"""MkDocs hook: under `mkdocs serve`, rebuild only the pages an edit touches, and let live reload run (serving.py)."""

from lessonkit.hooks.serving import on_config, on_page_markdown, on_startup

__all__ = ["on_config", "on_page_markdown", "on_startup"]
