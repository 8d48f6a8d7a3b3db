"""The engine's shape holds: no import cycles, MkDocs only in its adapters, one parser of the page format."""

import ast
from pathlib import Path

import pytest

from lessonkit import Project

LESSONKIT = Project.here().root / "lessonkit"


def modules() -> dict[str, Path]:
    return {
        ".".join(path.relative_to(LESSONKIT.parent).with_suffix("").parts).removesuffix(".__init__"): path
        for path in LESSONKIT.rglob("*.py")
    }


def imports(path: Path) -> set[str]:
    """Every module `path` imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def test_lessonkit_has_no_import_cycles():
    graph = {
        name: {other for other in imports(path) if other in modules()} - {name} for name, path in modules().items()
    }
    graph = {name: {other for other in others if not name.startswith(f"{other}.")} for name, others in graph.items()}

    def cycle_from(start, node, seen):
        for nxt in graph[node]:
            if nxt == start:
                return [*seen, nxt]
            if nxt not in seen:
                found = cycle_from(start, nxt, [*seen, nxt])
                if found:
                    return found
        return None

    cycles = [cycle for name in graph if (cycle := cycle_from(name, name, [name]))]
    assert not cycles, f"import cycles: {cycles[0]}"


@pytest.mark.parametrize("name", sorted(modules()))
def test_only_the_mkdocs_adapters_import_mkdocs(name):
    uses = {module for module in imports(modules()[name]) if module.split(".")[0] in ("mkdocs", "material")}
    assert not uses or name.startswith("lessonkit.hooks"), f"{name} imports {sorted(uses)}: raise LessonError instead"


# The only modules that may use regular expressions, each with what it reads. Page syntax is read by
# lessonkit/syntax.py alone; everything else here reads a format of its own or what a tool wrote.
READERS = {
    "lessonkit.syntax": "the page format: the one parser of a lesson page",
    "lessonkit.sections": "a snippet's section markers and time-limit lines",
    "lessonkit.recordings": "an SVG's stamp and size, and the JSON layout of a figure's recording",
    "lessonkit.answers": "a number a learner typed (copied into each notebook, which imports nothing of lessonkit)",
    "lessonkit.extension": "the HTML Markdown and arithmatex wrote: the stash's tokens and the maths",
    "lessonkit.hooks.notebooks": "the HTML nbconvert wrote: its assets, code cells and maths",
    "lessonkit.offline": "the sitemap.xml MkDocs wrote",
    "lessonkit.figures.graphs": "the SVG Graphviz wrote: its comments",
    "lessonkit.figures.plots": "the SVG matplotlib wrote: its metadata",
}
# The page format's marks, as a module would look for them in a page's text.
MARKS = ("{{", "}}", "8<", "```", "~~~", "///", "!!!", "???", "===", "---", "[start:", "[end:")
# What looking for a mark takes, besides a regular expression: a string method, or a comparison.
LOOKS = {"startswith", "endswith", "find", "rfind", "index", "rindex", "count", "split", "rsplit", "partition"}
LOOKS |= {"rpartition", "replace", "removeprefix", "removesuffix", "strip", "lstrip", "rstrip"}
MARK_READERS = ("lessonkit.syntax", "lessonkit.sections")  # the page, and a snippet's own markers


def uses_regular_expressions(path: Path) -> bool:
    """Whether a module imports `re` (or `regex`), at the top or inside a function, under any name."""
    return any(module.split(".")[0] in ("re", "regex") for module in imports(path))


def reads_page_marks(path: Path) -> list[str]:
    """Each place a module looks for a page mark itself: `line.startswith("///")`, `"--8<--" in line`, `x == "!!!"`."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in LOOKS:
            looked_at = node.args
        elif isinstance(node, ast.Compare):
            looked_at = [node.left, *node.comparators]
        else:
            continue
        for part in looked_at:
            for constant in ast.walk(part):
                text = constant.value if isinstance(constant, ast.Constant) else None
                if isinstance(text, str) and any(mark in text for mark in MARKS):
                    found.append(f"{path.name}:{constant.lineno}: {text!r}")
    return found


def test_only_the_modules_that_read_a_format_use_regular_expressions():
    users = {name for name, path in modules().items() if uses_regular_expressions(path)}
    assert users <= set(READERS), (
        f"{sorted(users - set(READERS))} use regular expressions: read the page through lessonkit.syntax "
        "(or, for a format of its own, add the module to READERS with what it reads)"
    )
    assert set(READERS) <= users, f"{sorted(set(READERS) - users)} no longer use regular expressions: drop them"


def test_one_parser_of_the_page_format():
    """Only lessonkit/syntax.py looks for the page's marks; lessonkit/sections.py reads snippets' own markers."""
    leaks = [place for name, path in modules().items() if name not in MARK_READERS for place in reads_page_marks(path)]
    assert not leaks, f"page syntax read outside lessonkit/syntax.py (ask its nodes instead): {leaks}"


@pytest.mark.parametrize(
    ("source", "regular", "marks"),
    [
        ('import re\n\nVALUE = re.compile(r"\\{\\{(.*?)\\}\\}")\n', True, []),  # lesson.py's old placeholder pattern
        ("def f():\n    from re import sub\n\n    return sub\n", True, []),  # inside a function
        ("import re as pattern\n", True, []),
        ('def f(line):\n    return line.strip().startswith("///")\n', False, ["'///'"]),  # a caption marker
        ('def f(line):\n    return "--8<--" in line\n', False, ["'--8<--'"]),  # an include
        ('def f(block):\n    return block.marker != "!!!"\n', False, ["'!!!'"]),  # an admonition
        ('def f(text):\n    return text.split("{{")[1]\n', False, ["'{{'"]),  # a placeholder
        ('HINT = \'??? tip "Hint"\'\nMESSAGE = f"write {HINT}"\n', False, []),  # writing the format is not reading it
    ],
    ids=["pattern", "in-a-function", "renamed", "caption", "include", "admonition", "placeholder", "writing"],
)
def test_the_rules_catch_a_leak_in_a_scratch_module(tmp_path, source, regular, marks):
    path = tmp_path / "scratch.py"
    path.write_text(source, encoding="utf-8")
    assert uses_regular_expressions(path) is regular
    assert [found.split(": ", 1)[1] for found in reads_page_marks(path)] == marks
