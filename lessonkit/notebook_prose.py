"""Rewrite a lesson page's prose for a notebook, which renders Markdown, $maths$ and HTML but not MkDocs.

Line by line:

- a value placeholder becomes the value the code recorded, as on the page;
- a link to another page leads into the site (`link_base` + its URL), or becomes its text;
- a figure becomes an attachment of its cell, so that a downloaded notebook carries it (one
  palette there: a `#only-dark` variant is left out); for a page of the site it stays a link,
  as an <img> that keeps its size and its palette variants;
- md_in_html wrappers (`<figure markdown>`) go, their content stays as paragraphs.
"""

import base64
import html
import mimetypes
import posixpath
import re
from pathlib import Path

from lessonkit.checks import UPDATE_COMMAND, read_values
from lessonkit.pages import PLACEHOLDER
from lessonkit.problems import SnippetError
from lessonkit.project import Project

_PAGE_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]*)\]\((?P<target>[^)\s#:]+\.md)(?P<anchor>#[^)\s]*)?\)")
_FIGURE = re.compile(
    r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s#:]+)(?:#(?P<palette>only-light|only-dark))?\)(?:\{(?P<attrs>[^}]*)\})?"
)
_HTML_ATTRIBUTE = re.compile(r'[\w-]+="[^"]*"')
_MARKDOWN_HTML = re.compile(r"<(?P<tag>[a-z]+)\b[^>]*\bmarkdown\b[^>]*>")


class Prose:
    """The prose of one markdown cell at a time, rewritten as it is added."""

    def __init__(self, project: Project, page: Path, link_base: str | None, embed_figures: bool):
        self.project, self.name = project, project.display(page)
        self.page_uri = page.relative_to(project.docs_dir).as_posix()
        self.link_base, self.embed_figures = link_base, embed_figures
        self.lines: list[str] = []
        self.attachments: dict[str, dict[str, str]] = {}
        self.open_html: list[str] = []  # md_in_html elements whose closing tag is still to come

    def add(self, line: str, number: int):
        """A line of prose; `number` is its line on the page, for errors."""
        line = self._unwrap_html(self._figures(self._link_pages(self._fill_values(line, number)), number))
        self.lines.append(line)

    def add_verbatim(self, line: str):
        """A line of a fenced block that stays in the prose, such as a formula or a shell command."""
        self.lines.append(line)

    def take(self) -> tuple[str, dict[str, dict[str, str]]]:
        """The cell's text and attachments so far, leaving an empty cell to fill."""
        text = re.sub(r"\n{3,}", "\n\n", "\n".join(self.lines)).strip("\n")
        attachments, self.lines, self.attachments = self.attachments, [], {}
        return text, attachments

    def _fill_values(self, line: str, number: int) -> str:
        def value(match: re.Match) -> str:
            snippet, expr, spec = match["snippet"], match["expr"], match["spec"] or ""
            found = read_values(self.project, snippet).get(f"{expr}:{spec}" if spec else expr)
            if found is None:
                raise SnippetError(self.name, number, f"{match.group()} has no recorded value; run `{UPDATE_COMMAND}`")
            return found

        return PLACEHOLDER.sub(value, line)

    def _link_pages(self, line: str) -> str:
        def link(match: re.Match) -> str:
            if self.link_base is None:
                return match["text"]  # a link relative to the page would lead nowhere from a notebook
            stem = self._resolve(match["target"]).removesuffix(".md")  # the page's URL: MkDocs' directory URLs
            url = stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/"
            return f"[{match['text']}]({self.link_base}{url}{match['anchor'] or ''})"

        return _PAGE_LINK.sub(link, line)

    def _figures(self, line: str, number: int) -> str:
        def figure(match: re.Match) -> str:
            uri = self._resolve(match["src"])
            if not self.embed_figures:
                size = " ".join(_HTML_ATTRIBUTE.findall(match["attrs"] or ""))
                palette = f"#{match['palette']}" if match["palette"] else ""
                return f'<img src="{self.link_base}{uri}{palette}" alt="{html.escape(match["alt"])}" {size}>'
            if match["palette"] == "only-dark":
                return ""
            path = self.project.docs_dir / uri
            if not path.is_file():
                raise SnippetError(self.name, number, f"the figure {match['src']} does not exist")
            name = posixpath.basename(uri)
            self.attachments[name] = {mimetypes.guess_type(name)[0]: base64.b64encode(path.read_bytes()).decode()}
            return f"![{match['alt']}](attachment:{name})"

        return _FIGURE.sub(figure, line)

    def _unwrap_html(self, line: str) -> str:
        """Drop `<figure markdown>` and its `</figure>`: Jupyter shows Markdown inside HTML as it is."""

        def opening(match: re.Match) -> str:
            self.open_html.append(match["tag"])
            return "\n\n"

        line = _MARKDOWN_HTML.sub(opening, line)
        while self.open_html and f"</{self.open_html[-1]}>" in line:
            line = line.replace(f"</{self.open_html.pop()}>", "\n\n", 1)
        return line

    def _resolve(self, target: str) -> str:
        """A path written on the page, relative to docs/."""
        return posixpath.normpath(posixpath.join(posixpath.dirname(self.page_uri), target))
