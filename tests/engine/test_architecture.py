"""The engine's shape holds: no import cycles, MkDocs only in its adapters, one parser of the page format."""

import ast
import re
from pathlib import Path

import pytest

from lessonkit import Project

LESSONKIT = Project.here().root / "lessonkit"
# The page format's marks: includes, double braces, fences. Only the page parser may look for them.
PAGE_SYNTAX = re.compile(r"8<|\\\{\\\{|\{\{|`\{3|```|///")


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


def test_one_parser_of_the_page_format():
    """Only lessonkit/syntax.py reads the page format; lessonkit/sections.py reads snippets' own markers."""
    readers = [
        name
        for name, path in modules().items()
        if name not in ("lessonkit.syntax", "lessonkit.sections")
        and any(
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and node.value.startswith(("^", "(?", "\\"))
            and PAGE_SYNTAX.search(node.value)
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        )
    ]
    assert not readers, f"modules with a pattern of the page format of their own: {readers}"
