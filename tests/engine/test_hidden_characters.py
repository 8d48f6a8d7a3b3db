"""Invisible and bidirectional characters are reported (issue 19, item 9): by the check a lesson's own run makes
(`pytest -k <lesson>`, here `checked`), at file:line:col, by the build, which shows the error where the character was,
and by the notebook builder, which refuses to build."""

import logging

import pytest

from lessonkit import LessonError
from lessonkit.notebooks import notebook_text
from tests.engine.conftest import PAGE, SNIPPET, checked, edit, line_of, page
from tests.engine.test_extension import convert

HIDDEN = {
    "zero-width-space": "\u200b",
    "right-to-left-override": "\u202e",
    "left-to-right-mark": "\u200e",
    "right-to-left-mark": "\u200f",
    "arabic-letter-mark": "\u061c",
    "hangul-filler": "\u3164",
    "tag-latin-capital-a": "\U000e0041",
}
IN_PAGE = "## Exercises"
IN_SNIPPET = "slope = 2 * x.item()"


def hide_in_page(project, char: str) -> tuple[str, int, int]:
    edit(project.root / PAGE, IN_PAGE, f"## Exer{char}cises")
    return PAGE, line_of(project.root / PAGE, "## Exer"), len("## Exer") + 1


def hide_in_snippet(project, char: str) -> tuple[str, int, int]:
    edit(project.root / SNIPPET, IN_SNIPPET, f"{IN_SNIPPET}  # by the power rule{char}")
    return SNIPPET, line_of(project.root / SNIPPET, IN_SNIPPET), len(f"{IN_SNIPPET}  # by the power rule") + 1


PLACES = {"page": hide_in_page, "snippet": hide_in_snippet}


@pytest.mark.parametrize("place", sorted(PLACES))
@pytest.mark.parametrize("name", sorted(HIDDEN))
def test_the_lessons_own_check_reports_a_hidden_character_at_file_line_column(mini, name, place):
    char = HIDDEN[name]
    where = PLACES[place](mini, char)
    found = [p for p in checked(mini) if "invisible character" in p.message]
    assert [(p.file, p.line, p.column) for p in found] == [where]
    assert found[0].message.startswith(f"invisible character U+{ord(char):04X} ")
    assert "delete it" in found[0].message


@pytest.mark.parametrize("place", sorted(PLACES))
@pytest.mark.parametrize("name", sorted(HIDDEN))
def test_the_build_shows_the_error_where_the_character_was_and_ships_no_hidden_character(mini, name, place, caplog):
    char = HIDDEN[name]
    file, line, column = PLACES[place](mini, char)
    with caplog.at_level(logging.ERROR, logger="mkdocs.plugins.lessonkit"):
        html = convert(mini)
    assert char not in html
    assert f'<strong class="lesson-error">[{file}:{line}:{column}: invisible character U+{ord(char):04X}' in html or (
        f"<pre>{file}:{line}:{column}: invisible character U+{ord(char):04X}" in html  # a code block's box
    )
    assert any(message.startswith(f"{file}:{line}:{column}: invisible character") for message in caplog.messages)


@pytest.mark.parametrize("place", sorted(PLACES))
def test_the_notebook_builder_refuses_a_hidden_character(mini, place):
    where = PLACES[place](mini, HIDDEN["right-to-left-override"])
    with pytest.raises(LessonError) as error:
        notebook_text(page(mini))
    problem = error.value.problem
    assert (problem.file, problem.line, problem.column) == where
    assert problem.message.startswith("invisible character U+202E")


@pytest.mark.parametrize("where", ["fence", "output"])
def test_the_build_ships_no_hidden_character_from_a_fence_or_a_recorded_output(mini, where, caplog):
    if where == "fence":
        edit(mini.root / PAGE, IN_PAGE, f"```text\nx\u202ey\n```\n\n{IN_PAGE}")
        place = f"{PAGE}:{line_of(mini.root / PAGE, 'x' + chr(0x202E))}:2"
    else:
        edit(mini.root / "snippets/mini/outputs/square/by_hand.txt", "by hand:", "by\u202e hand:")
        place = "snippets/mini/outputs/square/by_hand.txt:1:3"
    assert any("U+202E" in p.message for p in checked(mini))  # the check sees it
    with caplog.at_level(logging.ERROR, logger="mkdocs.plugins.lessonkit"):
        html = convert(mini)
    assert "\u202e" not in html
    assert f"<pre>{place}: invisible character U+202E" in html  # in place of the block
    assert any(message.startswith(f"{place}: invisible character U+202E") for message in caplog.messages)


def test_no_ascii_character_is_hidden_so_an_ascii_text_needs_no_closer_look():
    from lessonkit.rules.characters import hidden, in_text

    assert [point for point in range(128) if hidden(chr(point))] == []
    assert [hidden(char) for char in "a\u00ad\u3164\ufe0f"] == [False, True, True, True]
    assert [(line, column) for line, column, _ in in_text("\u03c3 = 1\nx\u200by = \u0177\u202e")] == [(2, 2), (2, 8)]
