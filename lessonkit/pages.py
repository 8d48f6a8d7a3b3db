"""Read what a lesson page asks of the engine: fenced blocks, snippet includes and quoted values.

A page includes code and recorded output with pymdownx.snippets:

    ```{.python notest title="q1.py"}
    --8<-- "chain_rule/q1.py:forward"
    ```

and quotes a computed number in prose with a placeholder that the build fills in
from the recording, written like an f-string field after the snippet's name:

    The gradient is {{ chain_rule/q1.py:dzda:.1f }}.
"""

import re
from dataclasses import dataclass
from pathlib import Path

_FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_INCLUDE = re.compile(r'^\s*-+8<-+\s*"(?P<target>[^"]+)"\s*$')
PLACEHOLDER = re.compile(
    r"\{\{\s*(?P<snippet>[\w./-]+\.py):(?P<expr>[A-Za-z_]\w*(?:\.\w+|\[-?\d+\])*)(?::(?P<spec>[^{}\s]*))?\s*\}\}"
)
# Anything that looks like an attempt at a placeholder, so a typo is reported, not shown raw.
_PLACEHOLDER_LIKE = re.compile(r"\{\{[^{}]*\.py[^{}]*\}\}")


@dataclass(frozen=True)
class Include:
    line: int
    target: str  # "chain_rule/q1.py" or "chain_rule/outputs/q1/forward.txt"
    section: str | None

    @property
    def is_code(self) -> bool:
        return self.target.endswith(".py")


@dataclass(frozen=True)
class Fence:
    line: int  # line of the opening fence
    indent: int
    lang: str | None
    options: frozenset[str]
    body: tuple[str, ...]
    includes: tuple[Include, ...]
    follows_fence: bool  # only blank lines separate it from the fence before it


@dataclass(frozen=True)
class Placeholder:
    line: int
    text: str  # the whole "{{ ... }}" as written
    snippet: str
    expr: str
    spec: str

    @property
    def key(self) -> str:
        """How the value is stored in the snippet's values.json."""
        return f"{self.expr}:{self.spec}" if self.spec else self.expr


@dataclass(frozen=True)
class Page:
    fences: tuple[Fence, ...]
    placeholders: tuple[Placeholder, ...]
    malformed: tuple[tuple[int, str], ...]  # (line, text) of placeholder-like text that does not parse


def read_page(path: Path) -> Page:
    return parse_page(path.read_text(encoding="utf-8"))


def parse_page(text: str) -> Page:
    lines = text.splitlines()
    fences, placeholders, malformed = [], [], []
    number, last_fence_end = 0, None
    while number < len(lines):
        opening = _FENCE_OPEN.match(lines[number])
        if opening is None:
            line = lines[number]
            placeholders += [_placeholder(number + 1, match) for match in PLACEHOLDER.finditer(line)]
            malformed += [
                (number + 1, match.group())
                for match in _PLACEHOLDER_LIKE.finditer(line)
                if not PLACEHOLDER.fullmatch(match.group())
            ]
            number += 1
            continue
        close = _closing_line(lines, number, opening["fence"])
        body = tuple(lines[number + 1 : close])
        follows = last_fence_end is not None and not any(line.strip() for line in lines[last_fence_end + 1 : number])
        lang, options = _parse_info(opening["info"])
        fences.append(
            Fence(
                line=number + 1,
                indent=len(opening["indent"].expandtabs(4)),
                lang=lang,
                options=options,
                body=body,
                includes=tuple(_includes(body, number + 2)),
                follows_fence=follows,
            )
        )
        last_fence_end = close
        number = close + 1
    return Page(tuple(fences), tuple(placeholders), tuple(malformed))


def front_matter_lines(page_path: Path, markdown: str) -> int:
    """How many lines MkDocs cut from the top of the page file (its front matter) to give `markdown`.

    Hooks see a page without its front matter; adding this turns their line numbers
    back into the lines an author sees in the file.
    """
    source = page_path.read_text(encoding="utf-8")
    return source[: len(source) - len(markdown)].count("\n") if source.endswith(markdown) else 0


def _closing_line(lines: list[str], opening: int, fence: str) -> int:
    for number in range(opening + 1, len(lines)):
        stripped = lines[number].strip()
        if stripped.startswith(fence) and not stripped.strip(fence[0]):
            return number
    return len(lines)  # an unclosed fence runs to the end of the page, as in Markdown


def _parse_info(info: str) -> tuple[str | None, frozenset[str]]:
    """`{.python notest title="x"}` or `python notest` -> ("python", {"notest"})."""
    info = info.strip()
    if info.startswith("{"):
        words = re.findall(r'[^\s"=]+(?:="[^"]*")?', info.strip("{}"))
        classes = [word[1:] for word in words if word.startswith(".")]
        options = {word for word in words if not word.startswith((".", "#")) and "=" not in word}
        return (classes[0] if classes else None), frozenset(options | set(classes[1:]))
    words = info.split()
    return (words[0] if words else None), frozenset(words[1:])


def _includes(body: tuple[str, ...], first_line: int):
    for offset, line in enumerate(body):
        match = _INCLUDE.match(line)
        if match:
            target, _, section = match["target"].partition(":")
            yield Include(first_line + offset, target, section or None)


def _placeholder(line: int, match: re.Match) -> Placeholder:
    return Placeholder(line, match.group(), match["snippet"], match["expr"], match["spec"] or "")
