"""A link or an image: it leads to a page and a heading that exist, and nothing in it can run or load from afar.

Links to other sites may use http, https and mailto; an image is a file of the site (it must
work offline). In a notebook, a link to another lesson leads into the site, or becomes its text.
"""

from urllib.parse import urlsplit

from lessonkit.constructs.base import Check, Construct, at
from lessonkit.lesson import Lesson
from lessonkit.syntax import Link

SAFE_SCHEMES = ("http", "https", "mailto")


class Links(Construct):
    nodes = (Link,)

    def find(self, page: Lesson) -> list[Link]:
        return page.links

    def problems(self, check: Check, page: Lesson, link: Link):
        parts = urlsplit(link.target)
        column = link.start + 1
        if parts.scheme and parts.scheme.lower() not in SAFE_SCHEMES:
            yield at(
                page,
                link.line,
                f"'{link.target}': a {parts.scheme}: address can run code or hide content; "
                "link to a page or to an http(s) address",
                column,
            )
            return
        if parts.scheme or parts.netloc:
            if link.image:
                yield at(
                    page,
                    link.line,
                    f"'{link.target}': an image from another site breaks offline and tracks readers; "
                    "put the file under docs/ and link it",
                    column,
                )
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

    def markdown(self, page: Lesson, link: Link, notebook) -> str:
        """A link to another page leads into the site (`link_base` + its URL), or becomes its text."""
        parts = urlsplit(link.target)
        if link.image or parts.scheme or parts.netloc or not parts.path.endswith(".md"):
            return link.text
        # A link relative to the page would lead nowhere from a notebook: it leads into the site, or is text.
        return notebook.link(page.relative(parts.path), link.label, f"#{parts.fragment}" if parts.fragment else "")


CONSTRUCT = Links()
