"""The promise, checked on the real project: every page agrees with the code it shows and the values it quotes."""

import pytest
from mkdocs.config import load_config

from lessonkit import Project
from lessonkit.checks import check_lesson, check_project
from lessonkit.checks.characters import check_files
from lessonkit.errors import report
from lessonkit.lesson import load, load_all

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


def course(project) -> list[str]:
    """The lessons in the order of the site's navigation, after the home page."""
    nav = load_config(str(project.root / "mkdocs.yml")).nav
    return [page for entry in nav for page in entry.values()][1:]


def test_each_lesson_names_what_it_needs_and_links_the_next_one(project):
    """A learner can follow the path: every lesson says which lessons come before it, and links the next."""
    order = course(project)
    problems = []
    for index, uri in enumerate(order):
        lesson = load(project, project.docs_dir / uri)
        wanted = order[index + 1] if index + 1 < len(order) else "index.md"
        before = [text for text in lesson.texts if text.text.startswith("Before this lesson")]
        after = [link.target for link in lesson.links if lesson.text_at[link.line].text.startswith("Next:")]
        links_needed = [link for link in lesson.links if before and link.line == before[0].line]
        # The first lesson needs nothing but school algebra; every later one links a lesson it builds on.
        if not before or (index and not links_needed):
            problems.append(f"{lesson.name}: no 'Before this lesson:' line linking what it needs")
        if after != [wanted]:
            problems.append(f"{lesson.name}: its 'Next:' line links {after}, not the next lesson, {wanted}")
    assert not problems, "\n".join(problems)
