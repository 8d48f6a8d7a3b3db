"""`{{ lesson/snippet.py:name:spec }}`: a value the code computed, filled in from its recording.

It works in prose, headings, tables, captions, hints and maths alike. Double braces the engine
cannot read (`{{ snippet.py name }}`) are reported with the forms it does read.
"""

import html

from lessonkit.constructs.base import Check, Construct, WantValue, at
from lessonkit.errors import LessonError
from lessonkit.lesson import Lesson
from lessonkit.site import Where
from lessonkit.syntax import Malformed, Placeholder


class Value(Construct):
    nodes = (Placeholder, Malformed)

    def wanted(self, page: Lesson, node):
        if isinstance(node, Placeholder):
            yield WantValue(node.ref, Where(page.name, node.line))

    def problems(self, check: Check, page: Lesson, node):
        if isinstance(node, Malformed):
            yield at(page, node.line, node.message)

    def fill(self, page: Lesson, node, out) -> None:
        # Escaped: a value is text, whatever the code put in it, never markup.
        out.replace(node, html.escape(self._text(page, node), quote=False))

    def markdown(self, page: Lesson, node, notebook) -> str:
        return html.escape(self._text(page, node), quote=False)

    def _text(self, page: Lesson, node) -> str:
        if isinstance(node, Malformed):
            raise LessonError(page.name, node.line, node.message)
        return page.value(node.ref, node.line)


CONSTRUCT = Value()
