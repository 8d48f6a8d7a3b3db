"""TeX to MathML, the one way the build typesets a formula (lesson pages and workbook pages alike)."""

import html

from latex2mathml.converter import convert
from mkdocs.exceptions import PluginError


def typeset(escaped_tex: str, display: str, where: str) -> str:
    """MathML for TeX as it stands in HTML (entities escaped); `where` names the page in an error."""
    tex = html.unescape(escaped_tex).strip()
    try:
        return convert(tex, display=display)
    except Exception as error:  # latex2mathml raises plain exceptions for TeX it cannot read
        raise PluginError(f"{where}: cannot typeset ${tex}$: {error}") from error
