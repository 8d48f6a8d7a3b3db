"""The promise, checked on the real project: every page agrees with the code it shows."""

import pytest

from lessonkit import Project
from lessonkit.checks import check_hidden_characters, check_page, check_snippets
from lessonkit.problems import report

PROJECT = Project.here()
# Everything people write; not venvs, caches or build output.
AUTHORED_FOLDERS = ("docs", "snippets", "lessonkit", "tests", "benchmarks", ".ci")
AUTHORED_FILES = ("README.md", "CONTRIBUTING.md", "mkdocs.yml", "pyproject.toml")


@pytest.mark.parametrize("page", PROJECT.pages(), ids=lambda page: page.name)
def test_page_agrees_with_its_code(project, page):
    problems = check_page(project, page)
    assert not problems, "\n" + report(problems)


def test_every_snippet_section_is_shown_and_every_recording_is_used(project):
    problems = check_snippets(project)
    assert not problems, "\n" + report(problems)


def test_no_invisible_characters(project):
    files = [path for folder in AUTHORED_FOLDERS for path in (project.root / folder).rglob("*") if path.is_file()]
    files += [project.root / name for name in AUTHORED_FILES if (project.root / name).is_file()]
    problems = check_hidden_characters(project, files)
    assert not problems, "\n" + report(problems)


def test_each_lesson_has_a_test_module_of_its_own(project):
    lessons = {path.parent.name for path in project.snippet_files()}
    missing = [
        f"tests/lessons/test_{lesson}.py"
        for lesson in sorted(lessons)
        if not (project.root / "tests" / "lessons" / f"test_{lesson}.py").is_file()
    ]
    assert not missing, f"lessons without their test module: {missing}"
