"""Lesson content is untrusted input (issue 19, item 1): nothing in a page, a recording or a figure's text can run
script on the built page or in the notebook. The check reports each attempt at file:line:col, the built page shows
the error in its place, and values and outputs are always text."""

import json
import logging
import re
from html.parser import HTMLParser

import pytest

from lessonkit import recordings
from lessonkit.notebooks import read_cells
from tests.engine.conftest import PAGE, SNIPPET, checked, edit, page, record
from tests.engine.test_extension import convert

# Each case: what an author or attacker writes, where the check must point (the line holding that text, the
# column where it starts), and the words of the message.
UNSAFE = {
    "script": ("<script>alert(1)</script>", "<script>", "<script> runs code or restyles the site"),
    "on-attribute": ('<img src="figures/x.svg" alt="x" onerror="alert(1)">', "<img", "onerror= of <img> runs code"),
    "on-attribute-div": ('<div onmouseover="alert(1)">hover</div>', "<div", "onmouseover= of <div> runs code"),
    "javascript-html": ('<a href="javascript:alert(1)">go</a>', "<a ", "a javascript: address can run code"),
    "javascript-entity": ('<a href="&#106;avascript:alert(1)">go</a>', "<a ", "a javascript: address can run code"),
    "javascript-tab": ('<a href="java\tscript:alert(1)">go</a>', "<a ", "a javascript: address can run code"),
    "javascript-markdown": ("[go](javascript:alert(1))", "[go]", "a javascript: address can run code"),
    "javascript-autolink": ("<javascript:alert(1)>", "<javascript", "a javascript: address can run code"),
    "javascript-reference": ("[go][evil]\n\n[evil]: javascript:alert(1)", "[evil]:", "a javascript: address"),
    "data-html": ('<img src="data:image/svg+xml;base64,AAAA" alt="x">', "<img", "a data: address can run code"),
    "data-markdown": ("![dot](data:image/svg+xml;base64,AAAA)", "![dot]", "a data: address can run code"),
    "iframe": ('<iframe src="https://example.com/"></iframe>', "<iframe", "<iframe> runs code"),
    "object": ('<object data="movie.swf"></object>', "<object", "<object> runs code"),
    "embed": ('<embed src="movie.swf">', "<embed", "<embed> runs code"),
    "style": ("<style>body { display: none }</style>", "<style", "<style> runs code or restyles the site"),
    "remote-image-html": ('<img src="https://example.com/x.png" alt="x">', "<img", "a file from another site"),
    "remote-image-relative": ('<img src=" //example.com/x.png" alt="x">', "<img", "a file from another site"),
    "remote-image-markdown": ("![logo](https://example.com/logo.png)", "![logo]", "an image from another site"),
    "attribute-list": ('Back to the top.\n{ onclick="alert(1)" }', "{ onclick", "onclick= of an attribute list"),
    "attribute-list-emphasis": ('*Hover* me{ .x }, **me**{: onclick="alert(1)" }', "{: onclick", "onclick= of an"),
    "attribute-list-underscore": ('A _word_{ onclick="alert(1)" }, not $x_{i=1}$', "{ onclick", "onclick= of an"),
    "multi-line-tag": ('<img src="figures/x.svg" alt="x"\n     onerror="alert(1)">', "<img", "onerror= of <img>"),
}


def inject(project, case: str) -> tuple[int, int]:
    """Write a case into the fixture's page, before its exercises; return the line and column the check must name."""
    written, where, _ = UNSAFE[case]
    edit(project.root / PAGE, "## Exercises", f"{written}\n\n## Exercises")
    lines = (project.root / PAGE).read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, 1) if where in text)
    return line, lines[line - 1].index(where) + 1


class ActiveContent(HTMLParser):
    """Everything in HTML that a browser would run or fetch from elsewhere: what no lesson may bring."""

    def __init__(self, html: str):
        super().__init__()
        self.found: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "iframe", "object", "embed"):
            self.found.append(f"<{tag}>")
        for key, value in attrs:
            address = "".join((value or "").split()).lower()
            if key.startswith("on"):
                self.found.append(f"<{tag} {key}=>")
            elif key in ("href", "src") and address.startswith(("javascript:", "data:")):
                self.found.append(f'<{tag} {key}="{value}">')
            elif tag == "img" and key == "src" and address.startswith(("http:", "https:", "//")):
                self.found.append(f'<img src="{value}">')


@pytest.mark.parametrize("case", sorted(UNSAFE))
def test_the_check_names_unsafe_content_at_its_line_and_column(mini, case):
    line, column = inject(mini, case)
    found = [p.message for p in checked(mini) if (p.file, p.line, p.column) == (PAGE, line, column)]
    assert any(UNSAFE[case][2] in message for message in found), found


def outside_errors(html: str) -> str:
    """The page without the errors it shows (which name what they refused)."""
    html = re.sub(r'<strong class="lesson-error">.*?</strong>', "", html, flags=re.S)
    return re.sub(r'<div class="admonition failure lesson-error">.*?</div>', "", html, flags=re.S)


@pytest.mark.parametrize("case", sorted(UNSAFE))
def test_the_built_page_carries_no_unsafe_content_and_shows_the_error_instead(mini, case, caplog):
    line, column = inject(mini, case)
    with caplog.at_level(logging.ERROR, logger="mkdocs.plugins.lessonkit"):
        html = convert(mini)
    assert ActiveContent(html).found == []
    shown = f'<strong class="lesson-error">[{PAGE}:{line}:{column}: '
    assert shown in html
    assert any(message.startswith(f"{PAGE}:{line}:{column}: ") for message in caplog.messages)
    assert "autograd: 6.0" in html  # the rest of the page is built
    words = outside_errors(html).lower()
    attack = ("<script", "onerror", "onmouseover", "onclick", "javascript:", "data:")
    assert [word for word in attack if word in words] == []  # its words stay inside the error that names them


@pytest.mark.parametrize("case", sorted(UNSAFE))
def test_the_notebook_carries_no_unsafe_content(mini, case):
    inject(mini, case)
    markdown = "\n".join(cell.source for cell in read_cells(page(mini)) if cell.kind == "markdown")
    assert "alert(1)</" not in markdown  # a script's text may stay, as text; no tag around it
    for unsafe in ("onerror", "onmouseover", "onclick=", "javascript:alert(1))", 'href="java', "data:image", "//exa"):
        assert unsafe not in markdown.replace('onclick="alert(1)" }', ""), unsafe  # attribute lists stay text


def test_safe_markup_passes_the_check_and_reaches_the_page(mini):
    edit(
        mini.root / PAGE,
        "## Exercises",
        '<a href="https://pytorch.org/">PyTorch</a> and <sub>2</sub> and [the home](#squares)\n\n## Exercises',
    )
    assert checked(mini) == []
    html = convert(mini)
    assert '<a href="https://pytorch.org/">PyTorch</a>' in html and "<sub>2</sub>" in html


def test_a_value_is_text_whatever_its_recording_holds(mini):
    values = mini.root / "snippets/mini/outputs/square/values.json"
    recorded = json.loads(values.read_text(encoding="utf-8"))
    recorded["y:.1f"] = "<img src=x onerror=alert(1)>"
    values.write_text(recordings.values_text(recorded), encoding="utf-8")
    html = convert(mini)
    assert ActiveContent(html).found == []
    assert "The square is &lt;img src=x onerror=alert(1)&gt;, so" in html
    notebook = "\n".join(cell.source for cell in read_cells(page(mini)))
    assert "<img src=x" not in notebook and "&lt;img src=x onerror=alert(1)&gt;" in notebook


def test_a_recorded_output_and_an_alt_text_are_text_too(mini):
    (mini.root / "snippets/mini/outputs/square/by_hand.txt").write_text("<script>alert(1)</script>\n")
    figure = mini.root / "snippets/figures/outputs/mini/parabola.json"
    content = json.loads(figure.read_text(encoding="utf-8"))
    content["alt"] = '"><img src=x onerror=alert(2)>'
    figure.write_text(recordings.figure_text(content), encoding="utf-8")
    html = convert(mini)
    assert ActiveContent(html).found == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'alt="&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"' in html


def test_output_holding_a_fence_line_is_reported_when_recorded_and_when_checked(mini):
    edit(mini.root / SNIPPET, 'print("by hand:", slope)', 'print("by hand:", slope)\nprint("`" * 3)')
    include = next(n for n, text in enumerate((mini.root / PAGE).read_text().splitlines(), 1) if ":by_hand" in text)
    message = "mini/square.py:by_hand prints '```', a line that would end the block that shows its output"
    for problems in (record(mini).problems, checked(mini)):
        assert [(p.file, p.line) for p in problems if message in p.message] == [(PAGE, include)]
