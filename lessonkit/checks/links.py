"""Links between pages lead somewhere: the page exists, and so does the heading they jump to."""

from urllib.parse import urlsplit

from lessonkit.errors import Problem
from lessonkit.lesson import Lesson, load


def check(lesson: Lesson) -> list[Problem]:
    problems = []
    for link in lesson.links:
        parts = urlsplit(link.target)
        if parts.scheme or parts.netloc or link.target.startswith("mailto:"):
            continue  # another site: the offline checks in tests/browser keep pages from loading it
        target = lesson.relative(parts.path) if parts.path else lesson.uri
        path = lesson.project.docs_dir / target
        if not path.is_file():
            message = f"'{link.target}' leads nowhere: there is no docs/{target}"
            problems.append(Problem(lesson.name, link.line, message, link.start + 1))
        elif parts.fragment and not link.image and target.endswith(".md"):
            page = lesson if target == lesson.uri else load(lesson.project, path)
            if parts.fragment not in page.anchors:
                headings = ", ".join(f"#{anchor}" for anchor in page.anchors)
                message = f"'{link.target}': docs/{target} has no heading '#{parts.fragment}' (it has: {headings})"
                problems.append(Problem(lesson.name, link.line, message, link.start + 1))
    return problems
