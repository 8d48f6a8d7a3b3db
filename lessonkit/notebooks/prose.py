"""Rewrite a lesson's prose for a notebook, which renders Markdown, $maths$ and HTML but not MkDocs.

Line by line:

- a value placeholder becomes the value the code recorded, as on the page;
- a link to another page leads into the site (`link_base` + its URL), or becomes its text;
- a figure becomes an attachment of its cell, so that a downloaded notebook carries it (the
  light palette); for a page of the site it is an <img> per palette, which the site's theme
  shows in its palette;
- a caption block's markers go, its text stays; md_in_html wrappers go, their content stays.
"""

import base64
import html
import re

from lessonkit import recordings
from lessonkit.lesson import Lesson
from lessonkit.syntax import Directive, Placeholder, Text, is_caption_marker

_PAGE_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]*)\]\((?P<target>[^)\s#:]+\.md)(?P<anchor>#[^)\s]*)?\)")
_MARKDOWN_HTML = re.compile(r"<(?P<tag>[a-z]+)\b[^>]*\bmarkdown\b[^>]*>")


class Prose:
    """The prose of one markdown cell at a time, rewritten as it is added."""

    def __init__(self, lesson: Lesson, link_base: str | None, embed_figures: bool):
        self.lesson, self.link_base, self.embed_figures = lesson, link_base, embed_figures
        self.lines: list[str] = []
        self.attachments: dict[str, dict[str, str]] = {}
        self.open_html: list[str] = []  # md_in_html elements whose closing tag is still to come

    def add(self, text: Text):
        """A line of the page's text, rewritten."""
        line = text.content
        if is_caption_marker(line):
            self.lines.append("")  # the caption becomes a paragraph of its own, under its figure
            return
        dedent = len(text.text) - len(line)
        for span in sorted(self.lesson.spans_by_line.get(text.line, []), key=lambda span: span.start, reverse=True):
            line = line[: span.start - dedent] + self._span(span) + line[span.end - dedent :]
        self.lines.append(self._unwrap_html(self._link_pages(line)))

    def add_line(self, line: str):
        """A line the notebook builder writes itself, or of a fenced block kept as it is."""
        self.lines.append(line)

    def take(self) -> tuple[str, dict[str, dict[str, str]]]:
        """The cell's text and attachments so far, leaving an empty cell to fill."""
        text = re.sub(r"\n{3,}", "\n\n", "\n".join(self.lines)).strip("\n")
        attachments, self.lines, self.attachments = self.attachments, [], {}
        return text, attachments

    def _span(self, span) -> str:
        if isinstance(span, Placeholder):
            return self.lesson.value(span.ref, span.line)
        if isinstance(span, Directive) and span.kind == "figure":
            return self._figure(span)
        return ""  # exercise boxes: the notebook's own cells (lessonkit/notebooks/exercises.py)

    def _figure(self, directive: Directive) -> str:
        alt = self.lesson.figure(directive)["alt"]
        drawings = self.lesson.drawings(directive)
        if self.embed_figures:  # the first palette, the light one: a notebook has no palette switch
            _, path, svg = drawings[0]
            self.attachments[path.name] = {"image/svg+xml": base64.b64encode(svg.encode()).decode()}
            return f"![{alt}](attachment:{path.name})"
        images = []
        for palette, path, svg in drawings:
            width, height = recordings.svg_size(svg)
            source = path.relative_to(self.lesson.project.docs_dir).as_posix()
            images.append(
                f'<img src="{self.link_base}{source}#only-{palette}" alt="{html.escape(alt)}" '
                f'width="{width}" height="{height}">'
            )
        return "\n".join(images)

    def _link_pages(self, line: str) -> str:
        def link(match: re.Match) -> str:
            if self.link_base is None:
                return match["text"]  # a link relative to the page would lead nowhere from a notebook
            stem = self.lesson.relative(match["target"]).removesuffix(".md")  # MkDocs' directory URLs
            url = stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/"
            return f"[{match['text']}]({self.link_base}{url}{match['anchor'] or ''})"

        return _PAGE_LINK.sub(link, line)

    def _unwrap_html(self, line: str) -> str:
        """Drop `<figure markdown>` and its `</figure>`: Jupyter shows Markdown inside HTML as it is."""

        def opening(match: re.Match) -> str:
            self.open_html.append(match["tag"])
            return "\n\n"

        line = _MARKDOWN_HTML.sub(opening, line)
        while self.open_html and f"</{self.open_html[-1]}>" in line:
            line = line.replace(f"</{self.open_html.pop()}>", "\n\n", 1)
        return line
