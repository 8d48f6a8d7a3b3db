"""TeX to MathML, the one way the build typesets a formula (lesson pages and workbook pages alike).

Browsers draw MathML natively, so pages need no maths script, no web font and no request,
and formulas take their final size before the page shows (no layout shift).
"""

import functools
import html

from latex2mathml.converter import convert


def typeset(escaped_tex: str, display: str) -> str:
    """MathML for TeX as it stands in HTML (entities escaped); ValueError names TeX it cannot read."""
    return _convert(html.unescape(escaped_tex).strip(), display)


@functools.lru_cache(maxsize=4096)  # `mkdocs serve` rebuilds pages whose formulas have not changed
def _convert(tex: str, display: str) -> str:
    try:
        return convert(tex, display=display)
    except Exception as error:  # latex2mathml raises plain exceptions for TeX it cannot read
        raise ValueError(f"cannot typeset ${tex}$: {error}") from None
