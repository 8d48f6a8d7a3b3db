"""The engine's own fixture project (tests/engine/fixture/): a mini lesson with a snippet, its recordings,
values, two figures and an exercise. Engine tests copy it and break the copy on purpose, so no lesson of
the site is ever their data."""

import shutil
from pathlib import Path

import pytest

from lessonkit import Project
from lessonkit.errors import Problem
from lessonkit.lesson import load
from lessonkit.site import Site
from lessonkit.verify import Mode, Verified, verify

FIXTURE = Path(__file__).parent / "fixture"
# A project, not tests: pytest-markdown-docs would import its snippets to read their docstrings.
collect_ignore = ["fixture"]
PAGE = "docs/mini.md"
SNIPPET = "snippets/mini/square.py"


@pytest.fixture
def mini(tmp_path) -> Project:
    """A fresh copy of the fixture project."""
    shutil.copytree(FIXTURE, tmp_path / "project", ignore=shutil.ignore_patterns("__pycache__"))
    return Project(tmp_path / "project")


def page(project: Project):
    """The model of the fixture's page, as it is now."""
    return load(project, project.root / PAGE)


def checked(project: Project) -> list[Problem]:
    """Everything the checks report on the fixture's lesson, as `pytest` would."""
    return verify(Site.load(project), "mini").problems


def record(project: Project, unit: str = "mini") -> Verified:
    """`pytest --update-outputs -k <unit>` on the fixture."""
    return verify(Site.load(project), unit, Mode.RECORD)


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, text: str) -> int:
    """The 1-based line on which `text` first appears in `path`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def as_site(project: Project, nav: list[str]) -> Path:
    """Make a fixture copy buildable: the real mkdocs.yml with the copy's own nav, and what it names beside itself."""
    real = Project.here().root
    (project.root / "mkdocs.yml").write_text(f"INHERIT: {real / 'mkdocs.yml'}\nnav: {nav}\n", encoding="utf-8")
    for entry in ("lessonkit", "overrides"):  # the hook and the theme's overrides
        (project.root / entry).symlink_to(real / entry, target_is_directory=True)
    shutil.copytree(real / "docs" / "stylesheets", project.docs_dir / "stylesheets")
    return project.root / "mkdocs.yml"


def add_section(project: Project, name: str, code: str, above: str = "", shown: bool = True) -> int:
    """Append a section to the fixture's snippet (`above`: a line right above its start marker) and, if `shown`,
    show it on the page before the exercises with its output block. Returns the line of the section's first code."""
    path = project.root / SNIPPET
    before = path.read_text(encoding="utf-8")
    path.write_text(f"{before}\n{above}# --8<-- [start:{name}]\n{code}\n# --8<-- [end:{name}]\n", encoding="utf-8")
    if shown:
        block = (
            f'```{{.python notest title="snippets/mini/square.py"}}\n--8<-- "mini/square.py:{name}"\n```\n\n'
            f'```{{.text .no-copy title="Output"}}\n--8<-- "mini/outputs/square/{name}.txt"\n```\n\n'
        )
        edit(project.root / PAGE, "## Exercises", block + "## Exercises")
    return line_of(path, f"[start:{name}]") + 1
