"""A link or an image: it leads to a page and a heading that exist, and nothing in it can run or load from afar.

Links to other sites may use http, https and mailto; an image is a file of the site (it must
work offline). Reference definitions (`[label]: target`) are links too. A link that could run
code or load from afar is reported by the check, shown as an error on the built page, and
left out of the notebook (its text stays). In a notebook, a link to another lesson leads into
the site, or becomes its text.
"""

from urllib.parse import urlsplit

from lessonkit.constructs.base import Check, Construct, at
from lessonkit.errors import LessonError
from lessonkit.lesson import Lesson
from lessonkit.syntax import Link

SAFE_SCHEMES = ("http", "https", "mailto")


class Links(Construct):
    nodes = (Link,)

    def find(self, page: Lesson) -> list[Link]:
        return page.links

    def problems(self, check: Check, page: Lesson, link: Link):
        column = link.start + 1
        if (message := unsafe(link)) is not None:
            yield at(page, link.line, message, column)
            return
        parts = urlsplit(link.target)
        if parts.scheme or parts.netloc:
            return  # another site: the offline browser checks keep pages from loading it
        target = page.relative(parts.path) if parts.path else page.uri
        path = page.project.docs_dir / target
        if not path.is_file():
            yield at(page, link.line, f"'{link.target}' leads nowhere: there is no docs/{target}", column)
        elif parts.fragment and not link.image and target.endswith(".md"):
            other = page if target == page.uri else check.site.page(target)
            if other is not None and parts.fragment not in other.anchors:
                headings = ", ".join(f"#{anchor}" for anchor in other.anchors)
                yield at(
                    page,
                    link.line,
                    f"'{link.target}': docs/{target} has no heading '#{parts.fragment}' (it has: {headings})",
                    column,
                )

    def fill(self, page: Lesson, link: Link, out) -> None:
        """A link that could run code or load from afar: the page shows the error in its place."""
        if (message := unsafe(link)) is not None:
            raise LessonError(page.name, link.line, message, link.start + 1)

    def markdown(self, page: Lesson, link: Link, notebook) -> str:
        """A link to another page leads into the site (`link_base` + its URL), or becomes its text."""
        if unsafe(link) is not None:
            return "" if link.definition else link.label  # the words stay, the address goes
        parts = urlsplit(link.target)
        if link.image or parts.scheme or parts.netloc or not parts.path.endswith(".md"):
            return link.text
        # A link relative to the page would lead nowhere from a notebook: it leads into the site, or is text.
        if notebook.link_base is None:
            return "" if link.definition else link.label
        target = notebook.address(page.relative(parts.path)) + (f"#{parts.fragment}" if parts.fragment else "")
        return f"[{link.label}]: {target}" if link.definition else f"[{link.label}]({target})"


def unsafe(link: Link) -> str | None:
    """Why a link or image could run code, hide content or load from another site; None if it cannot."""
    try:
        parts = urlsplit(link.target)
    except ValueError as error:  # `http://[oops`: no browser can follow it either
        return f"'{link.target}' is not an address ({error}); write a page of the site or an http(s) address"
    if parts.scheme and parts.scheme.lower() not in SAFE_SCHEMES:
        return (
            f"'{link.target}': a {parts.scheme}: address can run code or hide content; "
            "link to a page or to an http(s) address"
        )
    if link.image and (parts.scheme or parts.netloc):
        return (
            f"'{link.target}': an image from another site breaks offline and tracks readers; "
            "put the file under docs/ and link it"
        )
    return None


CONSTRUCT = Links()
