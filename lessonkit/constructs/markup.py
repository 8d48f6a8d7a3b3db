"""Raw HTML and attribute lists in a page: lesson content is untrusted input, and can never run script.

Two layers, one allow-list each:

- **The check.** An author may write the HTML prose needs (`<figure markdown>`, `<sub>`,
  `<details>`...) and attribute lists that set ids, classes and sizes. Anything else is
  reported at file:line:col: `<script>`, `<style>`, `<iframe>`, `<object>`, `<embed>`, `on*=`
  attributes, `style=`, `javascript:` and `data:` addresses, images from another site. On the
  built page, such a tag is shown as an error instead.
- **The guarantee.** Whatever a page, a recording or a notebook holds, the HTML the build
  writes for a lesson passes through nh3 (the Ammonia sanitiser) with the allow-list of what
  Markdown, the site's extensions and the engine's boxes produce (`sanitize`). The site's
  Content-Security-Policy (overrides/main.html) then refuses any inline script a browser meets.
"""

import nh3

from lessonkit.constructs.base import Check, Construct, at
from lessonkit.errors import LessonError
from lessonkit.lesson import Lesson
from lessonkit.syntax import Attributes, HtmlTag

# What an author may write as raw HTML in a page.
AUTHOR_TAGS = frozenset(
    {"a", "abbr", "b", "br", "code", "del", "details", "div", "em", "figcaption", "figure", "i", "img", "ins", "kbd"}
    | {"li", "mark", "ol", "p", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "th"}
    | {"thead", "tr", "ul"}
)
AUTHOR_ATTRIBUTES = frozenset({"alt", "class", "download", "height", "href", "id", "loading", "markdown", "open"})
AUTHOR_ATTRIBUTES |= {"src", "title", "width"}
# What an attribute list (attr_list) may set on an element.
LIST_ATTRIBUTES = frozenset({"alt", "class", "download", "height", "id", "loading", "title", "width"})
URL_ATTRIBUTES = ("href", "src")
SCHEMES = frozenset({"http", "https", "mailto"})

# What the build may write: Markdown and PyMdown Extensions' output, MathML, the engine's boxes, workbook pages.
_MATHML = (
    "math annotation menclose merror mfrac mi mmultiscripts mn mo mover mpadded mphantom mprescripts mroot mrow "
    "ms mspace msqrt mstyle msub msubsup msup mtable mtd mtext mtr munder munderover none semantics"
)
_BLOCKS = "blockquote button caption col colgroup dd dl dt fieldset form h1 h2 h3 h4 h5 h6 hr input label legend pre"
SITE_TAGS = AUTHOR_TAGS | frozenset(f"{_BLOCKS} {_MATHML}".split())
_MATHML_ATTRIBUTES = {
    "accent",
    "accentunder",
    "columnalign",
    "columnlines",
    "columnspacing",
    "depth",
    "display",
    "displaystyle",
    "encoding",
    "fence",
    "form",
    "frame",
    "height",
    "largeop",
    "linethickness",
    "lspace",
    "mathvariant",
    "maxsize",
    "minsize",
    "movablelimits",
    "notation",
    "rowalign",
    "rowlines",
    "rowspacing",
    "rspace",
    "scriptlevel",
    "separator",
    "stretchy",
    "symmetric",
    "width",
    "xmlns",
}
SITE_ATTRIBUTES = {
    "*": {"class", "id", "title", "role", "tabindex", "lang"},
    "a": {"href", "download", "name"},
    "img": {"alt", "src", "width", "height", "loading"},
    "details": {"open"},
    "ol": {"start"},
    "th": {"align", "colspan", "rowspan"},  # mkdocs.yml has tables align columns with align=, not style=
    "td": {"align", "colspan", "rowspan"},
    "form": {"autocomplete"},
    "input": {"type", "name", "value", "checked", "spellcheck", "autocomplete"},
    "label": {"for"},
    "button": {"type"},
    **{tag: _MATHML_ATTRIBUTES for tag in _MATHML.split()},
}


def sanitize(built: str) -> str:
    """The HTML of a page's content with nothing outside the site's allow-list: no script can survive it."""
    return nh3.clean(
        built,
        tags=set(SITE_TAGS),
        attributes=SITE_ATTRIBUTES,
        generic_attribute_prefixes={"data-", "aria-"},
        url_schemes=set(SCHEMES),
        link_rel=None,
        strip_comments=True,
    )


class Markup(Construct):
    nodes = (HtmlTag, Attributes)

    def find(self, page: Lesson) -> list:
        return [*page.html_tags, *page.attributes]

    def problems(self, check: Check, page: Lesson, node):
        for message, column in faults(node):
            yield at(page, node.line, message, column + 1)

    def fill(self, page: Lesson, node, out) -> None:
        found = faults(node)
        if found:
            # The tag goes, and the error says why: the build never writes what the check refuses.
            raise LessonError(page.name, node.line, found[0][0], found[0][1] + 1)


def faults(node) -> list[tuple[str, int]]:
    """What is not allowed in a tag or an attribute list, each with its 0-based column."""
    if isinstance(node, Attributes):
        pairs, name, allowed = node.pairs, "an attribute list", LIST_ATTRIBUTES
        column = node.start
    else:
        if node.name not in AUTHOR_TAGS:
            what = (
                "runs code or restyles the site"
                if node.name in ("script", "style", "iframe", "object", "embed")
                else "is not among the tags a page may use"
            )
            return [
                (
                    f"<{node.name}> {what}: write Markdown instead (allowed: {', '.join(sorted(AUTHOR_TAGS))})",
                    node.column,
                )
            ]
        if node.closing:
            return []
        pairs, name, allowed, column = node.attributes, f"<{node.name}>", AUTHOR_ATTRIBUTES, node.column
    found = []
    for key, value in pairs:
        key = key.lower()
        if key not in allowed:
            reason = "runs code" if key.startswith("on") else "is not allowed"
            found.append((f"the attribute {key}= of {name} {reason} (allowed: {', '.join(sorted(allowed))})", column))
        elif key in URL_ATTRIBUTES and value:
            # As a browser reads the address: without white space anywhere, with `\` read as `/`.
            url = "".join(value.split()).replace("\\", "/")
            scheme = url.split(":", 1)[0].lower() if ":" in url.split("/", 1)[0] else ""
            if scheme and scheme not in SCHEMES:
                found.append(
                    (
                        f'{key}="{value}": a {scheme}: address can run code; link to a page or an http(s) address',
                        column,
                    )
                )
            elif key == "src" and (scheme or url.startswith("//")):
                found.append(
                    (
                        f'src="{value}": a file from another site breaks offline and tracks readers; '
                        "put it under docs/",
                        column,
                    )
                )
    return found


CONSTRUCT = Markup()
