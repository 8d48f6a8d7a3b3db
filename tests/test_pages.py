"""The promise, checked on the real project: every lesson agrees with its code, in one pass per lesson.

`pytest` checks each lesson's recordings and page; `pytest --update-outputs` records them and
checks the page. Both are lessonkit.verify, in one mode or the other.
"""

import pytest

from lessonkit import Project
from lessonkit.errors import report
from lessonkit.rules.characters import check_files
from lessonkit.site import Site
from lessonkit.syntax import PredictDirective
from lessonkit.verify import Mode, verify

PROJECT = Project.here()
SITE = Site.load(PROJECT)
# Everything people write but the lessons (each lesson's check covers its own files); not venvs, caches or builds.
AUTHORED_FOLDERS = (
    "lessonkit",
    "tests",
    "benchmarks",
    ".ci",
    ".github",
    "scripts",
    "overrides",
    "docs/javascripts",
    "docs/stylesheets",
)
AUTHORED_FILES = ("README.md", "CONTRIBUTING.md", "DECISIONS.md", "mkdocs.yml", "pyproject.toml")
# Predictions with a single distractor, because no third output is plausible, each with why. Every other prediction
# offers at least two (the engine checks that no two choices print the same).
ONE_DISTRACTOR = {
    "build_autograd/first.py:leaves_first": "walked leaves first, x gets 0; outputs first, the right gradient",
}


@pytest.mark.parametrize("unit", [pytest.param(unit, marks=pytest.mark.lesson(unit)) for unit in SITE.units])
def test_lesson_agrees_with_its_code(unit, request):
    mode = Mode.RECORD if request.config.getoption("--update-outputs") else Mode.CHECK
    done = verify(Site.load(PROJECT), unit, mode)
    for path in done.changed:
        print(f"re-recorded {PROJECT.display(path)}")
    assert not done.problems, "\n" + report(done.problems)


def test_no_invisible_characters_outside_the_lessons(project):
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


def test_each_prediction_offers_at_least_two_distractors_unless_listed():
    fewer = {
        f"{predict.snippet}:{predict.answer}"
        for lesson in SITE.lessons
        for predict in lesson.directives(PredictDirective)
        if len(predict.distractors) < 2
    }
    assert fewer == set(ONE_DISTRACTOR)
