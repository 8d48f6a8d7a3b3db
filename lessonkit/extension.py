"""The Python-Markdown extension that fills a lesson page in from its recordings when the site is built.

It runs wherever Python-Markdown runs: in MkDocs, and in Zensical, Material's successor,
which runs Markdown extensions but no MkDocs hooks. mkdocs.yml lists it as
`lessonkit.extension`. Before pymdownx.snippets includes the code, it asks each construct of
the page (lessonkit.constructs) to fill its node in: values, figures, exercise boxes, the
course's wiring. Once the page is HTML, it typesets the maths that pymdownx.arithmatex
marked as MathML, and passes the whole of it through the sanitiser (constructs/markup.py).

A problem never stops the build. It is logged as an error naming file:line and the fix, so
a strict build fails (lessonkit.strict), and the page shows it in place of what could not
be built, so `mkdocs serve` keeps answering and shows the author what to fix.
"""

import html
import logging
import posixpath
import re
from pathlib import Path

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from lessonkit import recordings
from lessonkit.constructs import CONSTRUCTS, wiring
from lessonkit.constructs.markup import sanitize
from lessonkit.errors import RECORD, LessonError, Problem
from lessonkit.generate import DOWNLOADS, refresh, workbook_source
from lessonkit.lesson import Lesson
from lessonkit.mathml import typeset
from lessonkit.project import Project
from lessonkit.rules import characters
from lessonkit.site import Site, read_config
from lessonkit.syntax import Directive, Fence, HtmlTag

# MkDocs counts errors of loggers under "mkdocs" for --strict; lessonkit.strict counts them for any builder.
log = logging.getLogger("mkdocs.plugins.lessonkit")

# Plain letters and digits, which every step of Markdown before the stash leaves alone.
_BOX = "lessonkitbox{}x"
_BOX_TOKEN = re.compile(r"lessonkitbox(\d+)x")
# arithmatex's generic mode: <span class="arithmatex">\(...\)</span> and <div class="arithmatex">\[...\]</div>
_MATH = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<block>.*?)\\\])</(?P=tag)>',
    re.DOTALL,
)


class LessonExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"project": [".", "the project's root folder, which holds docs/ and snippets/"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown):
        project = Project(Path(self.getConfig("project")).resolve())
        # Before pymdownx.snippets (32), which replaces include lines with code and so shifts the page's lines.
        fill_in = _FillIn(md, project)
        md.preprocessors.register(fill_in, "lessonkit", 35)
        # HTML (boxes, errors) goes into Markdown's stash only after normalize_whitespace (30), which
        # strips the stash's marker characters, and before html_block (20).
        md.preprocessors.register(_Unbox(md, fill_in), "lessonkit_html", 25)
        # After the stashed HTML is back in place (raw_html, 30), so every formula is in the text.
        md.postprocessors.register(_Finish(md, fill_in), "lessonkit_finish", 5)


class Filler:
    """The edits the constructs ask for on one page: spans, whole lines, ranges, lines inserted after a line."""

    def __init__(self, site: Site, page: Lesson):
        self.site, self.page = site, page
        self.boxes: list[str] = []  # HTML to put in place of the tokens `box` leaves in the text
        self._spans: dict[int, list[tuple[int, int, str]]] = {}
        self._lines: dict[int, list[str]] = {}
        self._ranges: dict[int, tuple[int, list[str]]] = {}  # first line -> (last line, new lines)
        self._after: dict[int, list[str]] = {}
        self._top: list[str] = []  # problems of the page as a whole, shown before its first line
        self._before: dict[int, list[str]] = {}
        self._folds: list[tuple[int, int, str]] = []  # (first line, last line, indentation) of each fold
        self.shown_errors = 0

    def box(self, html_text: str) -> str:
        """A token that stands for `html_text` until the HTML is stashed: Markdown leaves it alone."""
        self.boxes.append(html_text)
        return _BOX.format(len(self.boxes) - 1)

    def replace(self, span, text: str) -> None:
        self._spans.setdefault(span.line, []).append((span.start, span.end, text))

    def replace_lines(self, node, lines: list[str]) -> None:
        """The node's line becomes these lines, indented as it was."""
        written = self.page.parsed.lines[node.line - 1]
        indent = written[: len(written) - len(written.lstrip())]
        self._lines[node.line] = [indent + line if line else line for line in lines]

    def replace_range(self, first: int, last: int, lines: list[str]) -> None:
        self._ranges.setdefault(first, (last, lines))

    def fold(self, first: int, last: int, opener: str) -> None:
        """Lines `first` to `last`, once filled in, go inside a block that `opener` opens (`??? ...`)."""
        written = self.page.parsed.lines[first - 1]
        self._folds.append((first, last, written[: len(written) - len(written.lstrip())]))
        self.insert_before(first, [written[: len(written) - len(written.lstrip())] + opener])

    def insert_before(self, line: int, lines: list[str]) -> None:
        self._before.setdefault(line, []).extend(lines)

    def insert_after(self, line: int, lines: list[str]) -> None:
        self._after.setdefault(line, []).extend(lines)

    def error(self, node, problem: Problem) -> None:
        """Log a problem, and show it where the node was: inline in text, as a block for anything larger."""
        log.error(str(problem))
        self.shown_errors += 1
        text = html.escape(str(problem), quote=False)
        if node is None or isinstance(node, (Directive, Fence)):
            block = self.box(
                '<div class="admonition failure lesson-error"><p class="admonition-title">'
                f"This part of the page could not be built</p><pre>{text}</pre></div>"
            )
            if node is None:
                self._top += [block, ""]
            elif isinstance(node, Fence):
                self.replace_range(node.line, node.end_line, [" " * node.indent + block])
            else:
                self.replace_lines(node, [block])
        elif isinstance(node, HtmlTag):
            # The error takes the tag's first line; the rest of a tag written over several lines goes with it.
            first, *rest = node.text.split("\n")
            self._spans.setdefault(node.line, []).append((node.column, node.column + len(first), self._inline(text)))
            for offset, written in enumerate(rest, 1):
                self._spans.setdefault(node.line + offset, []).append((0, len(written), ""))
        else:
            self.replace(node, self._inline(text))

    def _inline(self, text: str) -> str:
        return self.box(f'<strong class="lesson-error">[{text}]</strong>')

    def apply(self, lines: list[str], first: int) -> list[str]:
        """The page's body lines (`first` is the page line of lines[0]) with every edit made."""
        result, skip_until = list(self._top), 0
        for index, line in enumerate(lines):
            number = index + first
            result += self._before.get(number, [])
            if number in self._ranges:
                skip_until, new = self._ranges[number]
                made = new
            elif number <= skip_until:
                made = []
            elif number in self._lines:
                made = self._lines[number]
            else:
                for start, end, text in sorted(self._spans.get(number, []), reverse=True):  # right to left
                    line = line[:start] + text + line[end:]
                made = line.split("\n")
            made = made + self._after.get(number, [])
            folded = [indent for start, end, indent in self._folds if start <= number <= end]
            if folded:  # inside a fold: four more spaces, after the fold's own indentation
                made = [
                    f"{folded[0]}    {made_line[len(folded[0]) :]}" if made_line.strip() else "" for made_line in made
                ]
            result += made
        return result


class _FillIn(Preprocessor):
    def __init__(self, md: Markdown, project: Project):
        super().__init__(md)
        self.project = project
        self.filler: Filler | None = None
        self.page: Lesson | None = None

    def run(self, lines: list[str]) -> list[str]:
        body = "\n".join(lines)
        site = Site.load(self.project)
        page = site.with_body(body)
        if page is None:  # not a page of docs/ as written (another tool changed it): still filled in
            page = Lesson.read(self.project, self.project.docs_dir / "(a page)", body)
        self.page, out = page, Filler(site, page)
        self.filler = out
        for problem in page.problems_reading:
            out.error(None, problem)
        for construct in CONSTRUCTS:
            for node in construct.find(page):
                try:
                    construct.fill(page, node, out)
                except LessonError as error:
                    out.error(node, error.problem)
        if not out.shown_errors:  # a lesson with a problem gets no notebook (lessonkit/generate.py)
            _notebook_buttons(page, out)
        for line, inserted in wiring.insertions(site, page, lambda uri, title: f"[{title}]({uri})").items():
            out.insert_after(line, inserted)
        _hidden_characters(page, out)
        _stale_recordings(page, out)
        return out.apply(lines, page.body_offset + 1)


def _notebook_buttons(page: Lesson, out: Filler) -> None:
    """Under a lesson's title, its notebook to download and its workbook page (lessonkit/generate.py makes both)."""
    if not page.has_code or not page.path.is_file():
        return
    # Links to files of docs/, as written in Markdown: each builder turns them into the addresses it serves.
    name, here, workbook = page.notebook_name, posixpath.dirname(page.uri) or ".", workbook_source(page)
    button = "{ .md-button .md-button--primary%s }"
    buttons = (
        f"[Download notebook]({posixpath.relpath(f'{DOWNLOADS}/{name}', here)})"
        + button % f' download="{posixpath.basename(name)}"'
        + f" [Open the workbook]({posixpath.relpath(workbook, here)})"
        + button % ""
    )
    title = next((heading.line for heading in page.headings if heading.level == 1), page.body_offset)
    out.insert_after(title, ["", buttons, ""])
    refresh(page, read_config(page.project).get("site_url") or "")


def _hidden_characters(page: Lesson, out: Filler) -> None:
    """Invisible and bidirectional characters in what the page shows, each shown as an error where it is: in a
    line of text, in place of the word; in a block (written there, a snippet's code or a recorded output), in place
    of the block."""
    for text in page.texts:
        for _, column, message in characters.in_text(text.text):
            out.error(_At(text.line, column - 1, column), Problem(page.name, text.line, message, column))
    for fence in page.fences:
        try:
            file, first, shown = _shown_in(page, fence)
        except LessonError:
            continue  # the code construct shows it
        for line, column, message in characters.in_text(shown):  # each one logged; the first takes the block
            out.error(fence, Problem(file, first + line - 1, message, column))


def _shown_in(page: Lesson, fence: Fence) -> tuple[str, int, str]:
    """What a block shows on the page: the file that holds it, the line it starts at there, and its text."""
    include = fence.include
    if include is None:
        return page.name, fence.line + 1, "\n".join(fence.body)
    if include.is_code:
        section = page.section(include)
        return section.display, section.first_line, section.code
    path = page.project.snippet(include.target)
    return path.relative_to(page.project.root).as_posix(), 1, recordings.read_output(path, page.project) or ""


def _stale_recordings(page: Lesson, out: Filler) -> None:
    """A page whose code changed since it was recorded says so at its top, with the command that records it."""
    project = page.project
    lessons = sorted({include.target.split("/")[0] for _, include in page.code_includes})
    changed = []
    for lesson in lessons:
        try:
            stamps = recordings.read_stamps(project, lesson)
        except LessonError:
            stamps = {}
        for path in (project.snippets_dir / lesson).glob("*.py"):
            snippet = path.relative_to(project.snippets_dir).as_posix()
            if path.name != "__init__.py" and stamps.get(snippet) != recordings.digest(
                path.read_text(encoding="utf-8")
            ):
                changed.append(snippet)
    if changed:
        command = f"{RECORD} -k {' -k '.join(lessons)}" if len(lessons) == 1 else RECORD
        problem = Problem(
            page.name, 1, f"the code changed since its output was recorded ({', '.join(changed)}); run `{command}`"
        )
        log.error(str(problem))
        title = next((heading.line for heading in page.headings if heading.level == 1), page.body_offset + 1)
        out.insert_after(
            title,
            [
                "",
                '!!! failure "Not recorded yet"',
                f"    The code of this page changed since its output was recorded ({', '.join(changed)}), so the "
                f"outputs and numbers below may be out of date. Run `{command}` to record them.",
                "",
            ],
        )


class _At:
    """A place in a line, for an edit that no node of the page stands for."""

    def __init__(self, line: int, start: int, end: int):
        self.line, self.start, self.end = line, start, end


class _Unbox(Preprocessor):
    def __init__(self, md: Markdown, fill_in: _FillIn):
        super().__init__(md)
        self.fill_in = fill_in

    def run(self, lines: list[str]) -> list[str]:
        boxes = self.fill_in.filler.boxes if self.fill_in.filler else []

        def stash(match: re.Match) -> str:
            return self.md.htmlStash.store(boxes[int(match[1])])

        return [_BOX_TOKEN.sub(stash, line) for line in lines] if boxes else lines


class _Finish(Postprocessor):
    """Maths to MathML, then the whole page through the sanitiser."""

    def __init__(self, md: Markdown, fill_in: _FillIn):
        super().__init__(md)
        self.fill_in = fill_in

    def run(self, text: str) -> str:
        def to_mathml(match: re.Match) -> str:
            tex, display = (match["inline"], "inline") if match["inline"] is not None else (match["block"], "block")
            try:
                return typeset(tex, display)
            except ValueError as error:
                page = self.fill_in.page
                first = html.unescape(tex).strip().split("\n")[0]
                line = next((n for n, written in enumerate(page.parsed.lines, 1) if first in written), 1)
                problem = Problem(page.name, line, f"{error}; write TeX that latex2mathml can read")
                log.error(str(problem))
                return f'<strong class="lesson-error">[{html.escape(str(problem), quote=False)}]</strong>'

        return sanitize(_MATH.sub(to_mathml, text))


def makeExtension(**kwargs) -> LessonExtension:
    return LessonExtension(**kwargs)
