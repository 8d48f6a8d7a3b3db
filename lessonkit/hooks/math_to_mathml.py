"""MkDocs hook: turn the TeX that pymdownx.arithmatex marks into MathML at build time.

Browsers draw MathML natively, so the site needs no math script, no web font and no
request, and formulas take their final size before the page is shown (no layout shift).
"""

import re

from lessonkit.mathml import typeset

# arithmatex's generic mode: <span class="arithmatex">\(...\)</span> and <div class="arithmatex">\[...\]</div>
_MATH = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<block>.*?)\\\])</(?P=tag)>',
    re.DOTALL,
)


def on_page_content(html_text, page, **kwargs):
    def to_mathml(match: re.Match) -> str:
        if match["inline"] is not None:
            return typeset(match["inline"], "inline", f"docs/{page.file.src_uri}")
        return typeset(match["block"], "block", f"docs/{page.file.src_uri}")

    return _MATH.sub(to_mathml, html_text)
