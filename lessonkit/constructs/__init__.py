"""What each kind of node on a page means, one module per kind: adding a directive is adding a module here.

A construct says, in one place, everything the engine does with its nodes:

- `wanted`: the recordings it needs from the code (lessonkit.verify checks or writes them);
- `problems`: what can be wrong with it, each at file:line with the fix;
- `html`: what the page shows in its place when the site is built (lessonkit.extension);
- `cells`: what the lesson's notebook gets in its place (lessonkit.notebooks).

| node (lessonkit.syntax)        | module       |
|--------------------------------|--------------|
| a fenced block                 | code         |
| `{{ snippet.py:name:spec }}`   | value        |
| `{{ figure … }}`               | figure       |
| `{{ answer … }}`               | answer       |
| `{{ predict … }}`              | predict      |
| `{{ fix … }}`                  | fix          |
| a link or image                | link         |
| raw HTML, attribute lists      | markup       |
| front matter, `{{ course }}`   | wiring       |
"""

from lessonkit.constructs import answer, code, figure, fix, link, markup, predict, value, wiring
from lessonkit.constructs.base import Construct

# In the order a page's problems are reported.
CONSTRUCTS: tuple[Construct, ...] = (
    code.CONSTRUCT,
    value.CONSTRUCT,
    figure.CONSTRUCT,
    answer.CONSTRUCT,
    predict.CONSTRUCT,
    fix.CONSTRUCT,
    link.CONSTRUCT,
    markup.CONSTRUCT,
    wiring.CONSTRUCT,
)
_BY_NODE = {node: construct for construct in CONSTRUCTS for node in construct.nodes}


def construct_of(node) -> Construct | None:
    """The construct that knows what a node of the page means."""
    return _BY_NODE.get(type(node))


__all__ = ["CONSTRUCTS", "Construct", "construct_of"]
