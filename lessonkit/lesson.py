"""The one model of a lesson page, built once per page and content, read by every part of the engine.

The Markdown extension fills a page in from it, the checks compare it with the code, the
notebook builder turns it into cells, and the tests ask it what a page shows. It knows the
page's front matter, its fenced blocks and the snippet sections they include, the values,
figures and exercises it quotes and where their recordings are, its headings and links.
Reading it never runs lesson code: values and figures come from the recordings.
"""

import functools
import posixpath
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from markdown.extensions.toc import slugify, unique

from lessonkit import recordings, syntax
from lessonkit.errors import RECORD, LessonError, Problem
from lessonkit.figures.figure import PALETTES
from lessonkit.project import Project
from lessonkit.sections import Section, find_section
from lessonkit.syntax import Directive, Fence, Heading, Include, Link, Placeholder, PredictDirective, Text, ValueRef

PYTHON = ("python", "py", "python3")


@dataclass(frozen=True, eq=False)
class Lesson:
    project: Project
    path: Path
    parsed: syntax.Parsed
    unreadable: tuple[Problem, ...] = ()  # bytes that are not UTF-8: reported, and read as U+FFFD

    @classmethod
    def read(cls, project: Project, path: Path, text: str, unreadable: tuple[Problem, ...] = ()) -> "Lesson":
        return cls(project, path, syntax.parse(text), unreadable)

    # -- the page ------------------------------------------------------------------------------

    @cached_property
    def name(self) -> str:
        """The page as errors name it: docs/chain_rule.md."""
        return self.project.display(self.path)

    @cached_property
    def uri(self) -> str:
        """The page relative to docs/, as MkDocs names it: chain_rule.md."""
        return self.path.relative_to(self.project.docs_dir).as_posix()

    @property
    def stem(self) -> str:
        return self.uri.removesuffix(".md")

    @property
    def notebook_name(self) -> str:
        """docs/chain_rule.md -> chain_rule.ipynb; pages in folders keep their path."""
        return f"{self.stem}.ipynb"

    @property
    def front_matter(self) -> dict[str, Any]:
        return self.parsed.front_matter

    @property
    def description(self) -> str | None:
        description = self.front_matter.get("description")
        return description if isinstance(description, str) else None

    @cached_property
    def problems_reading(self) -> list[Problem]:
        """What could not be read: bytes that are not UTF-8, front matter that is not YAML."""
        parsed = [Problem(self.name, problem.line, problem.message, problem.column) for problem in self.parsed.problems]
        return [*self.unreadable, *parsed]

    def line_of_key(self, key: str) -> int:
        """The line of a front-matter key (the first line of the page if it has none)."""
        lines = self.parsed.lines[: self.parsed.body_start]
        return next((number for number, text in enumerate(lines, 1) if text.startswith(f"{key}:")), 1)

    @cached_property
    def body_offset(self) -> int:
        """The lines before the body: front matter and the blank lines MkDocs strips after it."""
        lines, start = self.parsed.lines, self.parsed.body_start
        while start and start < len(lines) and not lines[start].strip():
            start += 1
        return start

    @cached_property
    def body(self) -> str:
        """The page as MkDocs hands it to Markdown: without its front matter."""
        return "\n".join(self.parsed.lines[self.body_offset :])

    @property
    def has_code(self) -> bool:
        """A page that includes snippet sections: a lesson with a notebook."""
        return bool(self.code_includes)

    @cached_property
    def title(self) -> str:
        """The page's first heading, as the table of contents shows it."""
        first = next((heading for heading in self.headings if heading.level == 1), None)
        return first.plain if first else self.stem

    # -- its elements --------------------------------------------------------------------------

    @cached_property
    def fences(self) -> list[Fence]:
        return [element for element in self.parsed.elements if isinstance(element, Fence)]

    @cached_property
    def texts(self) -> list[Text]:
        return [element for element in self.parsed.elements if isinstance(element, Text)]

    @cached_property
    def text_at(self) -> dict[int, Text]:
        """Each line of text by its number: what a span on it sits in (folds, tabs)."""
        return {text.line: text for text in self.texts}

    @cached_property
    def code_includes(self) -> list[tuple[Fence, Include]]:
        """Each block that shows a snippet section, with that include, in page order."""
        return [(fence, fence.include) for fence in self.fences if fence.include and fence.include.is_code]

    @cached_property
    def output_blocks(self) -> dict[int, tuple[Fence, Include]]:
        """The recorded-output block right under each code block, by the code block's line."""
        found, previous = {}, None
        for fence in self.fences:
            include = fence.include
            shows_output = include and not include.is_code and fence.follows_fence
            if shows_output and previous and previous.include and previous.include.is_code:
                found[previous.line] = (fence, include)
            previous = fence
        return found

    @cached_property
    def spans(self) -> list[syntax.Span]:
        return [span for text in self.texts for span in syntax.spans(text)]

    @cached_property
    def spans_by_line(self) -> dict[int, list[syntax.Span]]:
        found: dict[int, list[syntax.Span]] = {}
        for span in self.spans:
            found.setdefault(span.line, []).append(span)
        return found

    def directives(self, kind: type[Directive]) -> list:
        """The directives of one kind (syntax.FigureDirective, say), in page order."""
        return [span for span in self.spans if isinstance(span, kind)]

    @cached_property
    def links(self) -> list[Link]:
        return [link for text in self.texts for link in syntax.links(text)]

    @cached_property
    def attributes(self) -> list[syntax.Attributes]:
        return [found for text in self.texts for found in syntax.attributes(text)]

    @cached_property
    def html_tags(self) -> list[syntax.HtmlTag]:
        return syntax.html_tags(self.parsed)

    @cached_property
    def headings(self) -> list[Heading]:
        return [heading for text in self.texts if (heading := syntax.heading(text))]

    @cached_property
    def anchors(self) -> dict[str, int]:
        """The ids a link can jump to (MkDocs' heading slugs, and ids set with { #id }), by line."""
        found: dict[str, int] = {}
        used: set[str] = set()
        for heading in self.headings:
            anchor = heading.anchor or unique(slugify(heading.plain, "-"), used)
            used.add(anchor)
            found.setdefault(anchor, heading.line)
        for text in self.texts:
            for anchor in syntax.anchors(text):
                found.setdefault(anchor, text.line)
        return found

    def part_of(self, line: int) -> tuple[int, int]:
        """The lines of the page's part (from its heading to the next heading of the same level or above)."""
        before = [heading for heading in self.headings if heading.line <= line]
        if not before:
            return 1, (self.headings[0].line - 1 if self.headings else len(self.parsed.lines))
        start = before[-1]
        after = [h for h in self.headings if h.line > start.line and h.level <= start.level]
        return start.line, (after[0].line - 1 if after else len(self.parsed.lines))

    def snippets_in(self, first: int, last: int) -> list[str]:
        """The snippets a stretch of the page shows or quotes, in page order."""
        found = [include.target for fence, include in self.code_includes if first <= fence.line <= last]
        found += [ref.snippet for span in self.spans if first <= span.line <= last and (ref := quoted_ref(span))]
        return list(dict.fromkeys(found))

    @cached_property
    def shown_sections(self) -> set[tuple[str, str]]:
        """Every (snippet, section) the page shows: included code, and the choices of a prediction."""
        shown = {(include.target, include.section) for _, include in self.code_includes}
        for predict in self.directives(PredictDirective):
            shown |= {(predict.snippet, choice) for choice in predict.choices}
        return shown

    @cached_property
    def exercises(self) -> list[Directive]:
        """The exercise boxes (answers, predictions and fixes), in page order."""
        kinds = (syntax.AnswerDirective, syntax.PredictDirective, syntax.FixDirective)
        return [span for span in self.spans if isinstance(span, kinds)]

    def revealed(self, predict: PredictDirective) -> tuple[int, int] | None:
        """The lines a prediction keeps folded until the learner chooses, or None if its code is not right under it.

        They start with the block that shows the answering section, right under the directive, and run to the
        end of the explanation that follows: up to the next heading or exercise box, whichever comes first.
        """
        fences = [fence for fence in self.fences if fence.line > predict.line]
        if not fences or any(text.text.strip() for text in self.texts if predict.line < text.line < fences[0].line):
            return None
        first = fences[0]
        if not (first.include and first.include.is_code and first.include.section == predict.answer):
            return None
        stops = [heading.line for heading in self.headings if heading.line > first.line]
        stops += [box.line for box in self.exercises if box.line > first.line]
        last = min(stops, default=len(self.parsed.lines) + 1) - 1
        while last > first.end_line and not self.parsed.lines[last - 1].strip():
            last -= 1
        return first.line, last

    def hint(self, directive: Directive) -> Text | None:
        """An exercise box's hint: the first `??? tip` fold after it, before any other fold or heading.

        Boxes of one exercise (one for each number it asks for) can share the hint after the last of them.
        """
        for text in (text for text in self.texts if text.line > directive.line and not text.blocks):
            if text.opens is not None and text.opens.folds:
                return text if text.opens.kind == "tip" else None
            if syntax.heading(text):
                return None
        return None

    def hint_text(self, directive: Directive) -> str:
        """The hint's words, as one line of Markdown."""
        hint = self.hint(directive)
        inside = [text for text in self.texts if hint and hint.opens in text.blocks]
        return " ".join(text.content.strip() for text in inside if text.content.strip())

    def exercise_title(self, directive: Directive) -> str:
        """The heading of the part an exercise box is in."""
        first, _ = self.part_of(directive.line)
        heading = next((heading for heading in self.headings if heading.line == first), None)
        return heading.plain if heading else "This exercise"

    @cached_property
    def quoted_values(self) -> dict[str, dict[str, int]]:
        """Per snippet, the values the page quotes (placeholders, answers and fixes), each with its first line."""
        quoted: dict[str, dict[str, int]] = {}
        for span in self.spans:
            if ref := quoted_ref(span):
                quoted.setdefault(ref.snippet, {}).setdefault(ref.key, span.line)
        return quoted

    # -- what it refers to -----------------------------------------------------------------

    def sources(self) -> list[Path]:
        """Every file that what is built from the page depends on: the page, its code, the recordings it shows."""
        project = self.project
        paths = [self.path, *(project.snippet(include.target) for _, include in self.code_includes)]
        paths += [recordings.values_path(project, snippet) for snippet in self.quoted_values]
        paths += [recordings.output_path(project, target, section) for target, section in sorted(self.shown_sections)]
        for directive in self.directives(syntax.FigureDirective):
            paths.append(recordings.figure_path(project, directive.figure))
            paths += [recordings.svg_path(project, directive.figure, palette.name) for palette in PALETTES]
        return list(dict.fromkeys(paths))

    def source_versions(self) -> tuple[tuple[Path, int | None], ...]:
        """Each source with its modification time (None if it is missing): unchanged while the tuple is equal."""
        return tuple((path, path.stat().st_mtime_ns if path.is_file() else None) for path in self.sources())

    def section(self, include: Include) -> Section:
        """The snippet section a code block includes; LessonError at the include's line if there is none."""
        return self.section_of(include.target, include.section, include.line)

    def section_of(self, snippet: str, name: str | None, line: int) -> Section:
        try:
            return find_section(self.project.snippets_dir, snippet, name)
        except LookupError as error:
            raise LessonError(self.name, line, str(error)) from None

    def recording(self, include: Include) -> Path:
        """Where the output of an included section is recorded."""
        return recordings.output_path(self.project, include.target, include.section)

    def value(self, ref: ValueRef, line: int) -> str:
        """A quoted value, as recorded; LessonError at `line` if it is not."""
        value = recordings.read_values(self.project, ref.snippet).get(ref.key)
        if value is None:
            raise LessonError(self.name, line, f"{{{{ {ref} }}}} has no recorded value; run `{RECORD}`")
        return value

    def figure(self, directive: syntax.FigureDirective) -> dict[str, Any]:
        """A recorded figure: its content (alt text, data); LessonError at the directive if it is not recorded."""
        content = recordings.read_figure(self.project, directive.figure)
        if content is None:
            where = recordings.figure_path(self.project, directive.figure)
            raise LessonError(
                self.name,
                directive.line,
                f"no figure '{directive.figure}' is recorded ({self.project.display(where)}); "
                f"define it in snippets/figures/ and run `{RECORD}`",
            )
        return content

    def drawings(self, directive: syntax.FigureDirective) -> list[tuple[str, Path, str]]:
        """A figure's picture in each palette: (palette name, SVG file, its text); LessonError if one is not drawn."""
        found = []
        for palette in PALETTES:
            path = recordings.svg_path(self.project, directive.figure, palette.name)
            svg = recordings.read_svg(path, self.project)
            if svg is None:
                message = f"{self.project.display(path)} is not drawn yet; run `{RECORD}`"
                raise LessonError(self.name, directive.line, message)
            found.append((palette.name, path, svg))
        return found

    def relative(self, target: str) -> str:
        """A path written on the page, relative to docs/."""
        return posixpath.normpath(posixpath.join(posixpath.dirname(self.uri), target))


def load(project: Project, page: Path) -> Lesson:
    """The model of a page, parsed once for each content it has; bytes that are not UTF-8 are reported."""
    return _load(project, page, page.read_bytes())


def quoted_ref(span: syntax.Span) -> ValueRef | None:
    """The recorded value a placeholder, an answer box or a fix quotes."""
    if isinstance(span, (Placeholder, syntax.AnswerDirective, syntax.FixDirective)):
        return span.ref
    return None


@functools.lru_cache(maxsize=128)  # `mkdocs serve` loads every page again at each edit: keep the cache bounded
def _load(project: Project, page: Path, data: bytes) -> Lesson:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line, column = before.count(b"\n") + 1, len(before) - before.rfind(b"\n")
        message = (
            f"byte 0x{data[error.start]:02X} is not UTF-8 (text from another encoding, Latin-1 say); "
            "save the file as UTF-8"
        )
        return Lesson.read(project, page, page_text(data), (Problem(project.display(page), line, message, column),))
    return Lesson.read(project, page, page_text(data))


def page_text(data: bytes) -> str:
    """A page's text as the engine reads it, and MkDocs too (lessonkit/hooks/pages.py), so that the extension finds
    its page: bytes that are not UTF-8 as U+FFFD, no byte-order mark (which the check of hidden characters still
    reports), and Windows' and old Macs' line ends as `\\n`."""
    text = data.decode("utf-8", errors="replace")
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
