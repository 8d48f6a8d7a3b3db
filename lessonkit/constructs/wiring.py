"""The course's wiring, from one source: the nav of mkdocs.yml, and each lesson's front matter.

    ---
    description: One or two sentences for search results and link previews.
    summary: what the learner does here, for the list of lessons on the home page
    needs:
      chain_rule.md: for the chain rule itself
      derivatives.md: ""
    ---

From these the engine writes, on every lesson page and in its notebook, a "Before this
lesson:" line (under the goal) linking what it needs, and a "Next:" line at the end linking
the next lesson of the nav; `{{ course }}` on the home page becomes the numbered list of the
lessons. A lesson may need only lessons that come before it in the nav.
"""

from typing import Any

import yaml

from lessonkit.constructs.base import Check, Construct, at
from lessonkit.lesson import Lesson
from lessonkit.site import HOME
from lessonkit.syntax import CourseDirective

_EXAMPLE = "needs:\n  chain_rule.md: for the chain rule itself"


class Wiring(Construct):
    nodes = (CourseDirective,)

    def page_problems(self, check: Check, page: Lesson):
        site = check.site
        yield from site.problems if page.uri == HOME else ()
        for text in page.texts:
            if text.text.startswith(("Before this lesson:", "Next:")):
                message = (
                    "the engine writes this line from the front matter (`needs:`) and the nav: delete it"
                    f", and list what the lesson needs in its front matter, such as\n{_EXAMPLE}"
                )
                yield at(page, text.line, message)
        if page.parsed.problems:
            return  # front matter that cannot be read is reported as such; what it says is unknown
        if page.uri not in site.course:
            if page.has_code:
                yield at(
                    page, 1, f"this lesson is not in the nav: add `- {page.title}: {page.uri}` to nav in mkdocs.yml"
                )
            return
        summary = page.front_matter.get("summary")
        if not isinstance(summary, str) or not summary.strip():
            message = (
                "give the lesson a one-line `summary:` in its front matter: the home page lists it, and the lesson "
                "before it says what comes next with it. Add a line such as\nsummary: what the learner does here"
            )
            yield at(page, page.line_of_key("summary"), message)
        needs, problem = _needs(page)
        if problem:
            yield at(page, page.line_of_key("needs"), problem)
            return
        earlier = site.course[: site.course.index(page.uri)]
        if earlier and not needs:
            message = (
                f'say which earlier lessons this one needs, in its front matter, such as\nneeds:\n  {earlier[-1]}: ""'
            )
            yield at(page, page.line_of_key("needs") if "needs" in page.front_matter else 1, message)
        for uri in needs:
            if uri not in earlier:
                where = "comes later in the nav" if uri in site.course else "is not a lesson of the nav"
                yield at(
                    page, page.line_of_key("needs"), f"needs {uri}, which {where}: a lesson needs only earlier ones"
                )

    def problems(self, check: Check, page: Lesson, directive: CourseDirective):
        if page.uri != HOME:
            yield at(page, directive.line, "{{ course }} lists the lessons: it belongs on the home page only")

    def fill(self, page: Lesson, directive: CourseDirective, out) -> None:
        out.replace_lines(directive, course_lines(out.site, lambda uri, title: f"[{title}]({uri})"))

    def markdown(self, page: Lesson, directive: CourseDirective, notebook) -> str:
        return "\n".join(course_lines(notebook.site, notebook.link))


def course_lines(site, link) -> list[str]:
    """The home page's list: each lesson of the nav, numbered, with its summary."""
    lines = []
    for uri in site.course:
        lesson = site.page(uri)
        summary = lesson.front_matter.get("summary") if lesson else None
        lines.append(f"1. {link(uri, site.title(uri))}" + (f": {summary}" if isinstance(summary, str) else ""))
    return lines


def insertions(site, page: Lesson, link) -> dict[int, list[str]]:
    """The lines the engine adds to a lesson, after which page line: "Before this lesson:" and "Next:".

    `link(uri, title)` writes a link to another page, as the page or the notebook needs it.
    """
    if page.uri not in site.course:
        return {}
    needs, _ = _needs(page)
    position = site.course.index(page.uri)
    home = site.page(HOME) is not None
    if position == 0:
        before = "Before this lesson: nothing but " + (
            f"what {link(HOME, 'the home page')} lists." if home else "school algebra and a little Python."
        )
    else:
        parts = [
            link(uri, site.title(uri)) + (f" ({why})" if why else "")
            for uri, why in needs.items()
            if uri in site.course
        ]
        before = (
            "Before this lesson: "
            + (", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else "".join(parts))
            + "."
        )
    if position + 1 < len(site.course):
        following = site.course[position + 1]
        summary = site.page(following).front_matter.get("summary") if site.page(following) else None
        after = f"Next: {link(following, site.title(following))}" + (
            f": {summary}." if isinstance(summary, str) else "."
        )
    elif home:
        after = f"Next: back to {link(HOME, 'the home page')}, for the whole course at a glance."
    else:
        after = "This is the last lesson."
    return {_after_goal(page): ["", before, ""], len(page.parsed.lines): ["", after]}


def _after_goal(page: Lesson) -> int:
    """The line after which "Before this lesson" goes: the end of the goal block under the title, or the title."""
    title = next((heading for heading in page.headings if heading.level == 1), None)
    if title is None:
        return page.body_offset
    following = [text for text in page.texts if text.line > title.line and text.text.strip()]
    if not following or following[0].opens is None or not following[0].opens.admonition:
        return title.line
    block = following[0].opens
    inside = [text.line for text in page.texts if block in text.blocks]
    inside += [fence.end_line for fence in page.fences if block in fence.blocks]
    return max(inside, default=block.line)


def _needs(page: Lesson) -> tuple[dict[str, str], str | None]:
    """The front matter's `needs`: page -> why (a list of pages, or a mapping of page to reason)."""
    needs: Any = page.front_matter.get("needs", {})
    if isinstance(needs, list) and all(isinstance(item, str) for item in needs):
        return dict.fromkeys(needs, ""), None
    if isinstance(needs, dict) and all(
        isinstance(key, str) and isinstance(why, (str, type(None))) for key, why in needs.items()
    ):
        return {key: why or "" for key, why in needs.items()}, None
    shown = yaml.safe_dump({"needs": needs}).strip()
    return {}, f"`needs:` must list pages, or map each page to why it is needed, such as\n{_EXAMPLE}\nnot\n{shown}"


CONSTRUCT = Wiring()
