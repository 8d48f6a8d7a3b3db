"""Typed numbers: placeholder until written."""

from lessonkit.errors import Problem
from lessonkit.lesson import Lesson


def check(lesson: Lesson) -> list[Problem]:
    return []
