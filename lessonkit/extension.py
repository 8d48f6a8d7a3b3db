"""The Python-Markdown extension that fills a lesson page in from its recordings when the site is built.

It runs wherever Python-Markdown runs: in MkDocs today, and in Zensical, Material's
successor, which runs Markdown extensions but no MkDocs hooks. mkdocs.yml lists it as
`lessonkit.extension`. Before pymdownx.snippets includes the code, it:

- checks each include: the snippet section exists and compiles, its recorded output exists;
- fills `{{ lesson/snippet.py:name:format }}` with the recorded value, in prose and maths alike;
- turns `{{ figure … }}` into the picture in both palettes, with its alt text and size from the recording;
- turns `{{ answer … }}` and `{{ predict … }}` into exercise boxes (lessonkit/exercises.py).

Once the page is HTML, it typesets the maths that pymdownx.arithmatex marked as MathML.

A problem never stops the build. It is logged as an error naming file:line and the fix, so
`mkdocs build --strict` fails, and the page shows it in place of what could not be built,
so `mkdocs serve` keeps answering and shows the author what to fix.
"""

import html
import logging
import posixpath
import re
from pathlib import Path

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from lessonkit import exercises, recordings
from lessonkit.errors import RECORD, LessonError, Problem
from lessonkit.lesson import Lesson, with_body
from lessonkit.mathml import typeset
from lessonkit.project import Project
from lessonkit.syntax import Directive, Fence, Malformed, Placeholder

# MkDocs counts errors of loggers under "mkdocs" for --strict; elsewhere this is an ordinary logger.
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
        md.postprocessors.register(_MathML(md, fill_in), "lessonkit_mathml", 5)


class _FillIn(Preprocessor):
    def __init__(self, md: Markdown, project: Project):
        super().__init__(md)
        self.project = project
        self.lesson: Lesson | None = None  # the page being converted
        self.boxes: list[str] = []  # HTML to put in place of the tokens `box` leaves in the text

    def run(self, lines: list[str]) -> list[str]:
        body = "\n".join(lines)
        lesson = with_body(self.project, body)
        if lesson is None:  # not a page of docs/ as written (another tool changed it): still filled in
            lesson = Lesson.read(self.project, self.project.docs_dir / "(a page)", body)
        self.lesson, self.boxes = lesson, []
        replaced: dict[int, list[str]] = {}  # index in `lines` -> the lines that replace that line
        first = lesson.body_offset + 1
        for fence in lesson.fences:
            problem = _include_problem(lesson, fence)
            if problem is not None:
                replaced[fence.line - first] = [" " * fence.indent + self._error(problem, inline=False)]
                replaced.update({line - first: [] for line in range(fence.line + 1, fence.end_line + 1)})
        for text in lesson.texts:
            if spans := lesson.spans_by_line.get(text.line):
                replaced[text.line - first] = self._fill(lesson, text.text, spans)
        return [new for index, line in enumerate(lines) for new in replaced.get(index, [line])]

    def _fill(self, lesson: Lesson, line: str, spans: list) -> list[str]:
        """The line with its spans filled in, right to left so that columns stay valid."""
        for span in sorted(spans, key=lambda span: span.start, reverse=True):
            try:
                filled = self._span(lesson, span, line)
            except LessonError as error:
                filled = self._error(error.problem, inline=isinstance(span, Placeholder))
            line = line[: span.start] + filled + line[span.end :]
        return line.split("\n")

    def _span(self, lesson: Lesson, span, line: str) -> str:
        if isinstance(span, Placeholder):
            return lesson.value(span.ref, span.line)
        if isinstance(span, Malformed):
            raise LessonError(lesson.name, span.line, span.message)
        indent = line[: len(line) - len(line.lstrip())]
        if span.kind == "figure":
            return f"\n{indent}".join(_figure_lines(lesson, span))
        return self.box(exercises.box(lesson, span))

    def _error(self, problem: Problem, inline: bool) -> str:
        """Log the problem, and show it on the page: inline for a value, as a block for anything larger."""
        log.error(str(problem))
        text = html.escape(str(problem), quote=False)
        if inline:
            return self.box(f'<strong class="lesson-error">[{text}]</strong>')
        return self.box(
            '<div class="admonition failure lesson-error"><p class="admonition-title">'
            f"This part of the page could not be built</p><pre>{text}</pre></div>"
        )

    def box(self, html_text: str) -> str:
        """A token that stands for `html_text` until `_Unbox` stashes it."""
        self.boxes.append(html_text)
        return _BOX.format(len(self.boxes) - 1)


class _Unbox(Preprocessor):
    def __init__(self, md: Markdown, fill_in: _FillIn):
        super().__init__(md)
        self.fill_in = fill_in

    def run(self, lines: list[str]) -> list[str]:
        def stash(match: re.Match) -> str:
            return self.md.htmlStash.store(self.fill_in.boxes[int(match[1])])

        return [_BOX_TOKEN.sub(stash, line) for line in lines] if self.fill_in.boxes else lines


class _MathML(Postprocessor):
    def __init__(self, md: Markdown, fill_in: _FillIn):
        super().__init__(md)
        self.fill_in = fill_in

    def run(self, text: str) -> str:
        def to_mathml(match: re.Match) -> str:
            tex, display = (match["inline"], "inline") if match["inline"] is not None else (match["block"], "block")
            try:
                return typeset(tex, display)
            except ValueError as error:
                lesson = self.fill_in.lesson
                first = html.unescape(tex).strip().split("\n")[0]
                line = next((n for n, text in enumerate(lesson.parsed.lines, 1) if first in text), 1)
                problem = Problem(lesson.name, line, f"{error}; write TeX that latex2mathml can read")
                log.error(str(problem))
                return f'<strong class="lesson-error">[{html.escape(str(problem), quote=False)}]</strong>'

        return _MATH.sub(to_mathml, text)


def _include_problem(lesson: Lesson, fence: Fence) -> Problem | None:
    """What stops a fence's include from being shown: a missing section or recording, or code that cannot compile."""
    include = fence.include
    if include is None:
        return None
    try:
        if include.is_code:
            lesson.section(include).compile()
        elif not lesson.project.snippet(include.target).is_file():
            message = f'the recorded output "snippets/{include.target}" does not exist; run `{RECORD}` to record it'
            return Problem(lesson.name, include.line, message)
    except LessonError as error:
        return error.problem
    return None


def _figure_lines(lesson: Lesson, directive: Directive) -> list[str]:
    """Both palettes' pictures, each hidden in the other palette by Material, with alt text and size as recorded."""
    alt = lesson.figure(directive)["alt"]
    lines = []
    for palette, path, svg in lesson.drawings(directive):
        width, height = recordings.svg_size(svg)
        source = posixpath.relpath(
            path.relative_to(lesson.project.docs_dir).as_posix(), posixpath.dirname(lesson.uri) or "."
        )
        lines.append(f'![{alt}]({source}#only-{palette}){{ width="{width}" height="{height}" loading="lazy" }}')
    return lines


def makeExtension(**kwargs) -> LessonExtension:
    return LessonExtension(**kwargs)
