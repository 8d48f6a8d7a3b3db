"""The promise, checked on the real project: every page agrees with the code it shows and the values it quotes."""

import pytest

from lessonkit import Project
from lessonkit.checks import check_lesson, check_project
from lessonkit.checks.characters import check_files
from lessonkit.errors import report
from lessonkit.lesson import load_all

PROJECT = Project.here()
# Everything people write; not venvs, caches or build output.
AUTHORED_FOLDERS = ("docs", "snippets", "lessonkit", "tests", "benchmarks", ".ci", ".github", "scripts", "overrides")
AUTHORED_FILES = ("README.md", "CONTRIBUTING.md", "DECISIONS.md", "mkdocs.yml", "pyproject.toml")


@pytest.mark.parametrize(
    "lesson",
    [pytest.param(lesson, id=lesson.stem, marks=pytest.mark.lesson(lesson.stem)) for lesson in load_all(PROJECT)],
)
def test_page_agrees_with_its_code(lesson):
    problems = check_lesson(lesson)
    assert not problems, "\n" + report(problems)


def test_every_section_figure_and_recording_is_on_a_page(project):
    problems = check_project(project)
    assert not problems, "\n" + report(problems)


def test_no_invisible_characters(project):
    files = [path for folder in AUTHORED_FOLDERS for path in (project.root / folder).rglob("*") if path.is_file()]
    files += [project.root / name for name in AUTHORED_FILES]
    problems = check_files(project, [path for path in files if "__pycache__" not in path.parts])
    assert not problems, "\n" + report(problems)


def test_each_lesson_has_a_test_module_of_its_own(project):
    lessons = {path.parent.name for path in project.snippet_files()}
    missing = [
        f"tests/lessons/test_{lesson}.py"
        for lesson in sorted(lessons)
        if not (project.root / "tests" / "lessons" / f"test_{lesson}.py").is_file()
    ]
    assert not missing, f"lessons without their test module: {missing}"
