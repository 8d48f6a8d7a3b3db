"""MkDocs hook: turn the TeX that pymdownx.arithmatex marks into MathML at build time.

Browsers draw MathML natively, so the site needs no math script, no web font and no
request, and formulas take their final size before the page is shown (no layout shift).
"""

import html
import re

from latex2mathml.converter import convert
from mkdocs.exceptions import PluginError

# arithmatex's generic mode: <span class="arithmatex">\(...\)</span> and <div class="arithmatex">\[...\]</div>
_MATH = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<block>.*?)\\\])</(?P=tag)>',
    re.DOTALL,
)


def on_page_content(html_text, page, **kwargs):
    def to_mathml(match: re.Match) -> str:
        display = "inline" if match["inline"] is not None else "block"
        tex = html.unescape(match["inline"] if display == "inline" else match["block"]).strip()
        try:
            return convert(tex, display=display)
        except Exception as error:
            raise PluginError(f"docs/{page.file.src_uri}: cannot typeset ${tex}$: {error}") from error

    return _MATH.sub(to_mathml, html_text)
