"""The checks that keep pages, code and recordings in agreement.

Each check is a function from a lesson (or, for what spans pages, the project) to the
problems it finds, each at file:line with the fix, so an author sees everything that is
wrong in one run. None of them draws a figure or needs anything beyond Python packages.
"""

from lessonkit.checks import code, coverage, exercises, figures, links, numbers, values
from lessonkit.errors import Problem
from lessonkit.lesson import Lesson
from lessonkit.project import Project

LESSON_CHECKS = (code.check, values.check, numbers.check, figures.check, links.check, exercises.check)
PROJECT_CHECKS = (coverage.check_project, figures.check_project)


def check_lesson(lesson: Lesson) -> list[Problem]:
    """Every problem of one page, each once: a snippet that fails is found by several checks."""
    return list(dict.fromkeys(problem for check in LESSON_CHECKS for problem in check(lesson)))


def check_project(project: Project) -> list[Problem]:
    return list(dict.fromkeys(problem for check in PROJECT_CHECKS for problem in check(project)))
