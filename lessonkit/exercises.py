"""Exercise boxes on a page: the learner's answer checked against the recording. (Filled in by issue #15.)"""

import html

from lessonkit.lesson import Lesson
from lessonkit.syntax import Directive


def box(lesson: Lesson, directive: Directive) -> str:
    if directive.kind == "answer":
        value = lesson.value(directive.ref, directive.line)
        return f'<div class="lesson-answer" data-answer="{html.escape(value)}"></div>'
    return '<div class="lesson-predict"></div>'
