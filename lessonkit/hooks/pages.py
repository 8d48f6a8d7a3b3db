"""MkDocs hook: a page that is not UTF-8 is built, showing where, instead of stopping the whole build.

MkDocs reads each page itself and raises on the first byte that is not UTF-8, which stops
`mkdocs build` and every rebuild of `mkdocs serve`, other pages included. Given the page's text
as the engine reads it (such bytes as U+FFFD), MkDocs builds it, and the Markdown extension shows
the engine's error at the top of the page: file:line:col, the byte, and the fix. A strict build
still fails on it.
"""

from pathlib import Path

from lessonkit.lesson import page_text


def on_page_read_source(page, config):
    path = page.file.abs_src_path
    if not page.file.src_uri.endswith(".md") or path is None:
        return None  # a notebook, or a page another plugin made: MkDocs reads it
    return page_text(Path(path).read_bytes())
