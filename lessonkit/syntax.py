"""The page format, read in one place: the only parser of a lesson page.

A page is Markdown for MkDocs with PyMdown Extensions, plus what the engine fills in.
Everything between double braces comes from the code:

    ```{.python notest title="q1.py"}            a code block: one section of a snippet
    --8<-- "chain_rule/q1.py:forward"
    ```

    ```{.text .no-copy title="Output"}           right under it, what that section printed
    --8<-- "chain_rule/outputs/q1/forward.txt"
    ```

    {{ chain_rule/q1.py:dz_da:.1f }}             a value the code recorded: in prose, tables or $maths$
    {{ figure chain_rule/warm_up_graph }}        a recorded figure, on a line of its own
    {{ answer chain_rule/q1.py:dz_da:.1f }}      an answer box for that value, on a line of its own
    {{ predict traps/grad.py:twice | once none }}  a choice between the recorded outputs of sections
    {{ fix value.py:buggy | fixed grad:g }}      in the notebook, a check that the learner fixed a section
    {{ course }}                                 on the home page: the lessons in order, from the nav

`parse` turns a page into elements in page order: fenced blocks, and every other line as
text, each knowing the admonitions, folds and tabs it sits in. `spans`, `links`, `attributes`,
`heading`, `typed_numbers` and `html_tags` read what a line of text holds. Nothing here
knows what a node means: `lessonkit.constructs` does, one module per kind of node.
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

import yaml

# YAML read by libyaml, in C, where PyYAML has it: the YAML that MkDocs' SafeLoader reads, much faster.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_INCLUDE = re.compile(r'^\s*-+8<-+\s*"(?P<target>[^"]+)"\s*$')
# `!!! note "Title"`, `??? success "Solution"`, `???+ tip`, `=== "Tab"`: content follows, indented by 4.
_OPENER = re.compile(
    r"^(?P<indent>[ \t]*)(?P<marker>!!!|\?\?\?\+?|===\+?)[ \t]+(?P<kind>[\w-]+)?[^\"]*(?:\"(?P<title>[^\"]*)\")?\s*$"
)
_HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<title>.*?)(?:[ \t]+\{[^}]*#(?P<id>[\w-]+)[^}]*\})?[ \t]*#*[ \t]*$")

# A value: the snippet, an expression (names, attributes, integer indexes: nothing to call) and a format spec.
_EXPR = r"[A-Za-z_]\w*(?:\.\w+|\[-?\d+\])*"
_REF = rf"(?P<snippet>[\w./-]+\.py):(?P<expr>{_EXPR})(?::(?P<spec>[^{{}}\s]*))?"
_VALUE = re.compile(rf"\{{\{{\s*{_REF}\s*\}}\}}")
_FIGURE = re.compile(r"^\s*\{\{\s*figure\s+(?P<lesson>[\w-]+)/(?P<name>[\w-]+)\s*\}\}\s*$")
_ANSWER = re.compile(rf"^\s*\{{\{{\s*answer\s+{_REF}\s*\}}\}}\s*$")
_PREDICT = re.compile(
    r"^\s*\{\{\s*predict\s+(?P<snippet>[\w./-]+\.py):(?P<answer>[a-z]\w*)\s*\|(?P<others>(?:\s*[a-z]\w*)+)\s*\}\}\s*$"
)
_FIX = re.compile(
    r"^\s*\{\{\s*fix\s+(?P<snippet>[\w./-]+\.py):(?P<buggy>[a-z]\w*)\s*\|\s*(?P<fixed>[a-z]\w*)\s+"
    rf"(?P<expr>{_EXPR})(?::(?P<spec>[^{{}}\s]*))?\s*\}}\}}\s*$"
)
_COURSE = re.compile(r"^\s*\{\{\s*course\s*\}\}\s*$")
DIRECTIVES = ("figure", "answer", "predict", "fix", "course")
# Anything meant for the engine: double braces around a snippet's name or a directive, or left open.
_BRACES = re.compile(r"\{\{(?P<inside>(?:(?!\}\}).)*)(?P<close>\}\})?")
# Every form of span the engine reads, as an error about a malformed one lists them.
FORMS = (
    "{{ lesson/snippet.py:name:format }}, or a directive: {{ figure … }}, {{ answer … }}, {{ predict … }}, "
    "{{ fix … }}, {{ course }}"
)
_CODE_SPAN = re.compile(r"(?P<ticks>`+)(?P<code>.+?)(?P=ticks)")
_LONE_NUMBER = re.compile(r"[-−+]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+−]?\d+)?")
# attr_list's `{ #id .class key="value" }`, after an element (a link, code, emphasis) or on a line of its own;
# never TeX's `_{i=1}` (maths is blanked first).
_ATTRIBUTES = re.compile(
    r"(?:(?<=[\s)\]`*_])|^)\{:?\s*(?P<inside>(?:[.#][\w-]+|[\w-]+=(?:\"[^\"]*\"|'[^']*'|[^\s}]*))(?:\s+[^}]*)?)\}"
)
# Inline and display maths on one line, as pymdownx.arithmatex reads them.
_MATHS = re.compile(r"\$\$.+?\$\$|(?<!\\)\$[^$\s](?:[^$]*?[^$\s\\])?\$")
_ATTRIBUTE = re.compile(r"(?P<key>#|\.|[\w-]+=)(?P<value>\"[^\"]*\"|'[^']*'|[^\s}]+)")
# What a reader does not read as text: HTML tags and entities, Markdown attribute lists and link targets.
_NOT_TEXT = re.compile(r"<[^>]*>|&#?\w+;|\{\s*:?\s*(?:[.#][\w-]+|[\w-]+=)[^}]*\}|\]\([^)]*\)")
# A figure's caption block (pymdownx.blocks.caption): its opening and closing lines.
CAPTION = "/// caption"
_CAPTION_MARKER = re.compile(r"^\s*///(?:\s*caption)?\s*$")
_LINK = re.compile(r"(?P<image>!?)\[(?P<text>[^\]]*)\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
# Markdown's autolinks, <https://...> and <mailto:...>: links, not HTML tags.
_AUTOLINK = re.compile(r"<(?P<target>(?:[a-zA-Z][\w+.-]*):[^\s<>]*)>")
# A reference definition, `[label]: target "title"`: what `[text][label]` links to.
_REFERENCE = re.compile(r"^(?P<indent> {0,3})\[(?P<text>[^\[\]]+)\]:[ \t]*<?(?P<target>[^\s<>]+)>?")

# A number standing on its own: not part of a word or name (float32, x2, 3x, U+200B), a version or a list index.
NUMBER = re.compile(r"(?<![\w.^_\\])[-−]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+−]?\d+)?(?![\w]|\.\d)")
# `name = ` right before a number: the number is stated as the value of that name.
_BOUND = re.compile(r"(?P<name>\\?[A-Za-z]\w*)\s*=\s*\$?\s*$")
# What may follow a value that ends its expression: the end of maths or of the line, or punctuation.
_ENDS = re.compile(r"\s*(?:\$|[,.;:)]|$|\s+[a-z]{2,})")


@dataclass(frozen=True)
class Include:
    line: int
    target: str  # "chain_rule/q1.py", or a recording: "chain_rule/outputs/q1/forward.txt"
    section: str | None  # the part after ":"

    @property
    def is_code(self) -> bool:
        return self.target.endswith(".py")


@dataclass(frozen=True)
class Block:
    """An admonition, fold or content tab: its content is indented by four more spaces."""

    line: int
    indent: int
    marker: str  # "!!!", "???", "???+", "===", "===+"
    kind: str | None  # note, success, tip, ...
    title: str | None

    @property
    def content_indent(self) -> int:
        return self.indent + 4

    @property
    def folds(self) -> bool:
        """Closed until the reader opens it: a solution or a hint."""
        return self.marker == "???"

    @property
    def admonition(self) -> bool:
        """Always open, never a tab: a goal, a note, a question."""
        return self.marker == "!!!"


@dataclass(frozen=True)
class Element:
    line: int  # 1-based, in the page file
    blocks: tuple[Block, ...]  # the admonitions, folds and tabs around it, outermost first

    @property
    def folded(self) -> bool:
        return any(block.folds for block in self.blocks)

    @property
    def depth(self) -> int:
        """How far its container indents it."""
        return self.blocks[-1].content_indent if self.blocks else 0


@dataclass(frozen=True)
class Fence(Element):
    indent: int
    lang: str | None
    options: frozenset[str]
    title: str | None
    body: tuple[str, ...]
    includes: tuple[Include, ...]
    follows_fence: bool  # only blank lines separate it from the fenced block before it
    end_line: int  # its closing line (the last line of the page if it is never closed)

    @property
    def include(self) -> Include | None:
        """The one include of a block that holds exactly that and nothing else."""
        lines = [line for line in self.body if line.strip()]
        return self.includes[0] if len(self.includes) == 1 and len(lines) == 1 else None


@dataclass(frozen=True)
class Text(Element):
    text: str  # the whole line, as written
    opens: Block | None = None  # the block this line opens, if it is a `!!!`, `???` or `===` line
    in_maths: bool = False  # a line of a display formula written over several lines, `$$` to `$$`

    @property
    def content(self) -> str:
        """The line without the indentation of the blocks around it."""
        indent = len(self.text) - len(self.text.lstrip())
        return self.text[min(self.depth, indent) :]


@dataclass(frozen=True)
class ValueRef:
    """A value a snippet computes, as a page quotes it: snippet, expression, format spec."""

    snippet: str
    expr: str
    spec: str

    @property
    def key(self) -> str:
        """How the value is stored in the snippet's values.json."""
        return f"{self.expr}:{self.spec}" if self.spec else self.expr

    def __str__(self) -> str:
        return f"{self.snippet}:{self.key}"


@dataclass(frozen=True)
class Span:
    """Something found in a line of text: a column range and the text written there."""

    line: int
    start: int  # column span in the line, 0-based
    end: int
    text: str  # as written


@dataclass(frozen=True)
class Placeholder(Span):
    """`{{ lesson/snippet.py:name:spec }}`: a recorded value."""

    ref: ValueRef


@dataclass(frozen=True)
class Directive(Span):
    """A line of its own that the engine replaces. Each kind is a class of its own, below."""


@dataclass(frozen=True)
class FigureDirective(Directive):
    """`{{ figure lesson/name }}`: a recorded figure, in both palettes."""

    figure: str  # "lesson/name"


@dataclass(frozen=True)
class AnswerDirective(Directive):
    """`{{ answer lesson/snippet.py:name:spec }}`: a box the learner types the recorded value into."""

    ref: ValueRef


@dataclass(frozen=True)
class PredictDirective(Directive):
    """`{{ predict lesson/snippet.py:answer | other another }}`: choose which output a section prints."""

    snippet: str
    answer: str  # the section that answers the question; its code and output follow the directive
    distractors: tuple[str, ...]  # sections of plausible code whose outputs are the wrong choices

    @property
    def choices(self) -> tuple[str, ...]:
        return (self.answer, *self.distractors)


@dataclass(frozen=True)
class FixDirective(Directive):
    """`{{ fix lesson/snippet.py:buggy | fixed name:spec }}`: the notebook checks that the learner fixed `buggy`."""

    snippet: str
    buggy: str
    fixed: str
    ref: ValueRef  # the value that is right once the bug is fixed (computed by `fixed`)


@dataclass(frozen=True)
class CourseDirective(Directive):
    """`{{ course }}`: the lessons in the order of the nav, each with its summary (the home page)."""


@dataclass(frozen=True)
class Malformed(Span):
    @property
    def message(self) -> str:
        """What is wrong, and the forms the engine reads instead."""
        return f"'{self.text}' is not something the engine reads; write {FORMS}"


@dataclass(frozen=True)
class Link(Span):
    image: bool
    label: str  # the link text, or an image's alt text
    target: str
    definition: bool = False  # a reference definition, `[label]: target`, which `[text][label]` links to


@dataclass(frozen=True)
class Attributes(Span):
    """An attr_list: `{ #id .class key="value" }`, setting attributes of the element before it."""

    pairs: tuple[tuple[str, str], ...]  # ("id", "top"), ("class", "wide"), ("width", "300")


@dataclass(frozen=True)
class HtmlTag:
    """A tag of raw HTML written in the page, outside code: `<div markdown>`, `</div>`, `<img src=...>`."""

    line: int
    column: int  # 0-based
    name: str  # lower case
    attributes: tuple[tuple[str, str | None], ...]
    text: str  # as written: `<img src="x.svg">`, `</div>`
    closing: bool = False


@dataclass(frozen=True)
class TypedNumber:
    """A number written in the page's text (not filled in by the engine)."""

    line: int
    column: int | None  # 1-based; None in front matter
    number: str
    bound: str | None  # in `$a = 2$`, the name it is the value of


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    title: str
    anchor: str | None  # set explicitly with { #id }

    @property
    def plain(self) -> str:
        """The title as the table of contents sees it: no code ticks, maths dollars, emphasis or link targets."""
        title = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", self.title)
        return re.sub(r"[`$*]", "", title)


@dataclass(frozen=True)
class ParseProblem:
    """Something the parser could not read, at a line (and column) of the page."""

    line: int
    message: str
    column: int | None = None


@dataclass(frozen=True)
class Parsed:
    lines: tuple[str, ...]
    front_matter: dict[str, Any]
    body_start: int  # index of the first line after the front matter
    elements: tuple[Element, ...] = field(repr=False)
    problems: tuple[ParseProblem, ...] = ()  # front matter that is not YAML, say


def parse(text: str) -> Parsed:
    lines = tuple(text.split("\n"))
    body_start, front_matter, problems = _front_matter(lines)
    elements: list[Element] = []
    blocks: list[Block] = []
    number, last_fence_end, maths = body_start, None, False
    while number < len(lines):
        line = lines[number]
        if line.strip():
            indent = _indent(line)
            while blocks and indent < blocks[-1].content_indent:
                blocks.pop()
        opening = _FENCE.match(line)
        if opening is not None:
            fence = _fence(lines, number, opening, tuple(blocks), last_fence_end)
            elements.append(fence)
            last_fence_end = fence.end_line - 1
            number = fence.end_line
            continue
        opener = _OPENER.match(line)
        block = None
        if opener is not None:
            block = Block(number + 1, _indent(line), opener["marker"], opener["kind"], opener["title"])
        toggles = line.count("$$") % 2 == 1  # opens or closes a formula of several lines
        elements.append(Text(number + 1, tuple(blocks), line, block, maths or toggles))
        maths ^= toggles
        if block is not None:
            blocks.append(block)
        number += 1
    return Parsed(lines, front_matter, body_start, tuple(elements), problems)


def spans(text: Text) -> list[Span]:
    """What the engine fills in on a line of text: directives, placeholders, and what looks meant but is not."""
    line, found = text.text, []
    for match in _BRACES.finditer(line):
        inside, where = match["inside"], (text.line, match.start(), match.end(), match.group())
        directive = _directive(line, where) if inside.strip().startswith(DIRECTIVES) else None
        value = _VALUE.fullmatch(match.group())
        if directive is not None:
            found.append(directive)
        elif value is not None:
            found.append(Placeholder(*where, _ref(value)))
        elif ".py" in inside or inside.strip().startswith(DIRECTIVES) or (match["close"] is None and ".py" in line):
            found.append(Malformed(*where))
    return found


def links(text: Text) -> list[Link]:
    """Markdown links and images, autolinks and reference definitions on a line of text, outside code spans."""
    visible = mask_code(text.text)
    found = [
        Link(text.line, match.start(), match.end(), match.group(), bool(match["image"]), match["text"], match["target"])
        for match in _LINK.finditer(visible)
    ]
    found += [
        Link(text.line, match.start(), match.end(), match.group(), False, match["target"], match["target"])
        for match in _AUTOLINK.finditer(visible)
    ]
    dedent = len(text.text) - len(text.content)
    if (reference := _REFERENCE.match(visible[dedent:])) is not None:
        start, end = dedent + reference.start("text") - 1, dedent + reference.end()
        found.append(
            Link(
                text.line,
                start,
                end,
                text.text[start:end],
                False,
                reference["text"],
                reference["target"],
                definition=True,
            )
        )
    return sorted(found, key=lambda link: link.start)


def attributes(text: Text) -> list[Attributes]:
    """attr_list's `{ ... }` on a line of text, outside code spans, maths and engine spans."""
    if text.in_maths:
        return []
    visible = _MATHS.sub(lambda match: " " * len(match.group()), mask_code(text.text))
    found = []
    for match in _ATTRIBUTES.finditer(visible):
        if match.start() > 0 and visible[match.start() - 1] == "{":  # `{{ ... }}` is the engine's
            continue
        pairs = []
        for pair in _ATTRIBUTE.finditer(match["inside"]):
            key, value = pair["key"], pair["value"].strip("\"'")
            pairs.append(("id" if key == "#" else "class" if key == "." else key.rstrip("="), value))
        found.append(Attributes(text.line, match.start(), match.end(), match.group(), tuple(pairs)))
    return found


def heading(text: Text) -> Heading | None:
    match = _HEADING.match(text.text) if not text.blocks else None
    if match is None:
        return None
    return Heading(text.line, len(match["hashes"]), match["title"], match["id"])


def html_tags(parsed: Parsed) -> list[HtmlTag]:
    """Every tag of raw HTML in the page's text, with its attributes: what Markdown would pass to the browser.

    Fenced blocks and code spans are code, and autolinks are links: all are blanked first. A tag may
    span lines, so the whole page is read at once, by the standard library's HTML parser.
    """
    lines = list(parsed.lines)
    for element in parsed.elements:
        if isinstance(element, Fence):
            for index in range(element.line - 1, min(element.end_line, len(lines))):
                lines[index] = ""
        else:
            lines[element.line - 1] = _AUTOLINK.sub(lambda match: " " * len(match.group()), mask_code(element.text))
    for index in range(parsed.body_start):  # the front matter is YAML
        lines[index] = ""
    reader = _TagReader()
    reader.feed("\n".join(lines))
    reader.close()
    return reader.tags


def typed_numbers(text: Text, filled: list[Span]) -> list[TypedNumber]:
    """Every number a reader reads on a line of text: not code, not filled in by the engine, not markup."""
    line = readable(text.text, filled)
    return [_typed(text.line, match.start() + 1, match, line) for match in NUMBER.finditer(line)]


def numbers_in(words: str, line: int = 1) -> list[TypedNumber]:
    """Every number in a piece of text of its own (a description, a string a snippet prints); column from 1."""
    return [_typed(line, match.start() + 1, match, words) for match in NUMBER.finditer(words)]


def _typed(line: int, column: int, match: re.Match, text: str) -> TypedNumber:
    bound = _BOUND.search(text[: match.start()])
    name = bound["name"].lstrip("\\") if bound and _ENDS.match(text[match.end() :]) else None
    return TypedNumber(line, column, match.group(), name)


def mask_code(line: str) -> str:
    """The line with the contents of code spans blanked out, columns kept."""
    return _CODE_SPAN.sub(lambda match: " " * len(match.group()), line)


def readable(line: str, spans: list[Span]) -> str:
    """What a reader reads on a line, columns kept: code, engine spans, HTML, attributes and link targets blanked.

    A code span that holds a number and nothing else (`5e-324`) states that number, so it is read as text.
    """
    line = _CODE_SPAN.sub(_read_code_span, line)
    for span in spans:
        line = line[: span.start] + " " * (span.end - span.start) + line[span.end :]
    return _NOT_TEXT.sub(lambda match: " " * len(match.group()), line)


def anchors(text: Text) -> list[str]:
    """The ids `{ #id }` sets on a line of text."""
    return [value for attribute in attributes(text) for key, value in attribute.pairs if key == "id"]


def _read_code_span(match: re.Match) -> str:
    code = match["code"]
    shown = code if _LONE_NUMBER.fullmatch(code.strip()) else " " * len(code)
    return " " * len(match["ticks"]) + shown + " " * len(match["ticks"])


def is_caption_marker(line: str) -> bool:
    """A line that opens or closes a caption block."""
    return _CAPTION_MARKER.match(line) is not None


def _directive(line: str, where: tuple) -> Directive | None:
    if (figure := _FIGURE.match(line)) is not None:
        return FigureDirective(*where, figure=f"{figure['lesson']}/{figure['name']}")
    if (answer := _ANSWER.match(line)) is not None:
        return AnswerDirective(*where, ref=_ref(answer))
    if (predict := _PREDICT.match(line)) is not None:
        return PredictDirective(*where, predict["snippet"], predict["answer"], tuple(predict["others"].split()))
    if (fix := _FIX.match(line)) is not None:
        return FixDirective(*where, fix["snippet"], fix["buggy"], fix["fixed"], _ref(fix))
    if _COURSE.match(line) is not None:
        return CourseDirective(*where)
    return None


def _ref(match: re.Match) -> ValueRef:
    return ValueRef(match["snippet"], match["expr"], match["spec"] or "")


def _fence(lines, number: int, opening: re.Match, blocks: tuple[Block, ...], last_fence_end: int | None) -> Fence:
    close = _closing_line(lines, number, opening["fence"])
    body = tuple(lines[number + 1 : close])
    follows = last_fence_end is not None and not any(line.strip() for line in lines[last_fence_end + 1 : number])
    lang, options, title = _info(opening["info"])
    includes = tuple(
        Include(number + 2 + offset, *_target(match["target"]))
        for offset, line in enumerate(body)
        if (match := _INCLUDE.match(line))
    )
    end = min(close + 1, len(lines))
    return Fence(number + 1, blocks, _indent(opening["indent"]), lang, options, title, body, includes, follows, end)


def closes_fence(line: str) -> bool:
    """Whether a line of included text would close the fenced block it is shown in."""
    return _FENCE.match(line.strip()) is not None


def _target(target: str) -> tuple[str, str | None]:
    path, _, section = target.partition(":")
    return path, section or None


def _closing_line(lines, opening: int, fence: str) -> int:
    for number in range(opening + 1, len(lines)):
        stripped = lines[number].strip()
        if stripped.startswith(fence) and not stripped.strip(fence[0]):
            return number
    return len(lines)  # an unclosed fence runs to the end of the page, as in Markdown


def _info(info: str) -> tuple[str | None, frozenset[str], str | None]:
    """`{.python notest title="x"}` or `python notest` -> ("python", {"notest"}, "x")."""
    info = info.strip()
    title = re.search(r'title="([^"]*)"', info)
    if info.startswith("{"):
        words = re.findall(r'[^\s"=]+(?:="[^"]*")?', info.strip("{}"))
        classes = [word[1:] for word in words if word.startswith(".")]
        options = {word for word in words if not word.startswith((".", "#")) and "=" not in word}
        return (classes[0] if classes else None), frozenset(options | set(classes[1:])), title and title[1]
    words = re.sub(r'title="[^"]*"', "", info).split()
    return (words[0] if words else None), frozenset(words[1:]), title and title[1]


def _front_matter(lines: tuple[str, ...]) -> tuple[int, dict[str, Any], tuple[ParseProblem, ...]]:
    """The YAML between two `---` lines at the top, as MkDocs reads it, and the index after it.

    Front matter that is not a YAML mapping is reported, and, as MkDocs does, read as part of the body.
    """
    if not lines or lines[0].strip() != "---":
        return 0, {}, ()
    for number in range(1, len(lines)):
        if lines[number].strip() in ("---", "..."):
            try:
                data = yaml.load("\n".join(lines[1:number]), Loader=YAML_LOADER) or {}
            except yaml.YAMLError as error:
                mark = getattr(error, "problem_mark", None)
                line = mark.line + 2 if mark else 1  # the YAML starts on the page's second line
                reason = getattr(error, "problem", None) or str(error).splitlines()[0]
                message = f"the front matter is not valid YAML ({reason}); check its quotes, colons and indentation"
                return 0, {}, (ParseProblem(line, message, mark.column + 1 if mark else None),)
            if not isinstance(data, dict):
                message = "the front matter must be `key: value` lines, such as `description: ...`"
                return 0, {}, (ParseProblem(2, message),)
            return number + 1, data, ()
    return 0, {}, (ParseProblem(1, "the front matter opened by `---` is never closed with a `---` line"),)


def _indent(text: str) -> int:
    return len(text.expandtabs(4)) - len(text.expandtabs(4).lstrip())


class _TagReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[HtmlTag] = []

    def handle_starttag(self, tag, attrs):
        line, column = self.getpos()
        self.tags.append(HtmlTag(line, column, tag, tuple(attrs), self.get_starttag_text() or f"<{tag}>"))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        line, column = self.getpos()
        self.tags.append(HtmlTag(line, column, tag, (), f"</{tag}>", closing=True))
