"""A page whose code changed since it was recorded says so (issue 20, item 7): at the top of the built page, naming
the command that records that lesson, and in the check; once recorded, neither."""

import logging
import re

from lessonkit import recordings
from tests.engine.conftest import SNIPPET, checked, edit, record
from tests.engine.test_extension import convert

COMMAND = "pytest --update-outputs -k mini"
STAMPS = "snippets/mini/outputs/recorded-from.json"


def edit_the_code(project) -> None:
    edit(project.root / SNIPPET, "slope = 2 * x.item()", "slope = 2 * x.item()  # the power rule")


def test_the_built_page_says_not_recorded_yet_at_its_top_after_a_code_edit(mini, caplog):
    edit_the_code(mini)
    with caplog.at_level(logging.ERROR, logger="mkdocs.plugins.lessonkit"):
        html = convert(mini)
    box = re.search(
        r'<div class="admonition failure">\s*<p class="admonition-title">Not recorded yet</p>\s*<p>(.*?)</p>',
        html,
        re.S,
    )
    assert box, "no box"
    assert html.index(box.group()) < html.index('<h2 id="forward">')  # at the top: under the title, before any part
    assert "mini/square.py" in box[1] and f"<code>{COMMAND}</code>" in box[1]
    assert f"docs/mini.md:1: the code changed since its output was recorded (mini/square.py); run `{COMMAND}`" in (
        caplog.messages
    )


def test_the_check_reports_code_that_changed_since_it_was_recorded(mini):
    edit_the_code(mini)
    assert [str(p) for p in checked(mini)] == [
        f"{STAMPS}:1: the code changed since it was recorded (mini/square.py); run `{COMMAND}`"
    ]


def test_once_recorded_the_page_and_the_check_say_nothing(mini):
    edit_the_code(mini)
    done = record(mini)
    assert [mini.display(path) for path in done.changed] == [STAMPS]  # the outputs are the same: only the stamp
    assert checked(mini) == []
    assert "Not recorded yet" not in convert(mini)


def test_the_stamp_is_a_digest_of_each_snippet_as_it_was_recorded(mini):
    stamps = recordings.read_stamps(mini, "mini")
    assert stamps == {"mini/square.py": recordings.digest((mini.root / SNIPPET).read_text(encoding="utf-8"))}
