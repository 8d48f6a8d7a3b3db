"""Bad input gets a clear error naming the file and line and saying the fix; nothing is silently dropped."""

import pytest

from lessonkit import LessonError
from lessonkit.errors import report
from lessonkit.rules.characters import check_files
from lessonkit.sections import read_sections
from tests.engine.conftest import PAGE, SNIPPET, checked, edit, line_of, record


def reported(project) -> str:
    return report(checked(project))


@pytest.mark.parametrize(
    ("source", "line", "message"),
    [
        ("import torch\n", 1, "code outside a section"),
        ("# --8<-- [start:a]\nx = 1\n", 1, "section 'a' is never closed"),
        ("# --8<-- [start:a]\nx = 1\n# --8<-- [end:b]\n", 3, "'[end:b]' does not close anything"),
        ("# --8<-- [start:a]\nx = 1\n# --8<-- [start:b]\n", 3, "starts before section 'a' ends"),
        (
            "# --8<-- [start:a]\nx = 1\n# --8<-- [end:a]\n# --8<-- [start:a]\ny = 2\n# --8<-- [end:a]\n",
            4,
            "defined twice",
        ),
        ("# --8<-- [start:a]\n\n# --8<-- [end:a]\n", 1, "section 'a' is empty"),
        ("# just a comment\n", 1, "no sections"),
    ],
)
def test_malformed_sections_are_reported_with_their_line(tmp_path, source, line, message):
    path = tmp_path / "broken.py"
    path.write_text(source, encoding="utf-8")
    with pytest.raises(LessonError) as error:
        read_sections(path, "snippets/broken.py")
    assert error.value.problem.line == line
    assert str(error.value).startswith(f"snippets/broken.py:{line}: ")
    assert message in str(error.value)


def test_a_syntax_error_names_file_line_and_column_and_the_rest_of_the_page_is_checked(mini):
    edit(mini.root / SNIPPET, "slope = 2 * x.item()", "slope = 2 * x.item(")
    edit(mini.root / PAGE, "(#forward)", "(#backward)")  # a second fault, elsewhere on the page
    found = checked(mini)
    syntax = next(p for p in found if p.file == SNIPPET)
    line = line_of(mini.root / SNIPPET, "slope = 2")
    opening = (mini.root / SNIPPET).read_text().splitlines()[line - 1].index("(") + 1
    assert (syntax.line, syntax.column) == (line, opening)
    assert "'(' was never closed" in syntax.message
    # The rest of the page is still checked: the broken link is reported too.
    assert any("no heading '#backward'" in p.message for p in found)


def test_a_runtime_error_names_the_line_that_raised(mini):
    edit(mini.root / SNIPPET, 'print("by hand:", slope)', 'print("by hand:", slope)\nslope / 0')
    (problem,) = [p for p in checked(mini) if p.file == SNIPPET]
    assert problem.line == line_of(mini.root / SNIPPET, "slope / 0")
    assert "section 'by_hand' raised ZeroDivisionError: float division by zero" in problem.message


@pytest.mark.parametrize("damage", ["corrupt", "missing"])
def test_a_damaged_values_file_is_named_with_the_command_that_rebuilds_it(mini, damage):
    values = mini.root / "snippets/mini/outputs/square/values.json"
    if damage == "corrupt":
        values.write_text('{\n  "x:g": "3",\n  oops\n}\n', encoding="utf-8")
    else:
        values.unlink()
    found = reported(mini)
    if damage == "corrupt":
        assert found.startswith("snippets/mini/outputs/square/values.json:3:3: this recording is not valid JSON")
        assert "`pytest --update-outputs` rebuilds it" in found
    else:
        assert f"{PAGE}:{line_of(mini.root / PAGE, '{{ mini/square.py:x:g }}')}: " in found
        assert "has no recorded value; run `pytest --update-outputs`" in found
    assert record(mini).problems == []
    assert reported(mini) == ""


def test_a_placeholder_the_code_cannot_compute_is_one_line_when_recording(mini):
    edit(mini.root / PAGE, "{{ mini/square.py:y:.1f }}, so", "{{ mini/square.py:why:.1f }}, so")
    done = record(mini)
    (problem,) = done.problems
    assert str(problem).splitlines() == [
        f"{PAGE}:{line_of(mini.root / PAGE, 'square.py:why')}: {{{{ mini/square.py:why:.1f }}}} cannot be computed: "
        "NameError(\"name 'why' is not defined\")"
    ]
    assert done.changed == []  # everything else is recorded as before


def test_a_broken_link_names_the_page_line_and_column(mini):
    edit(mini.root / PAGE, "[the forward pass](#forward)", "[the forward pass](#forwards) and [a lesson](gone.md)")
    line = line_of(mini.root / PAGE, "#forwards")
    text = (mini.root / PAGE).read_text().splitlines()[line - 1]
    columns = [text.index("[the forward") + 1, text.index("[a lesson") + 1]
    found = reported(mini)
    assert (
        f"{PAGE}:{line}:{columns[0]}: '#forwards': docs/mini.md has no heading '#forwards' (it has: #squares," in found
    )
    assert f"{PAGE}:{line}:{columns[1]}: 'gone.md' leads nowhere: there is no docs/gone.md" in found


def test_an_invisible_character_is_reported_as_file_line_column(mini):
    edit(mini.root / SNIPPET, "torch.tensor(3.0", "torch.tensor(\u200b3.0")
    edit(mini.root / PAGE, "## Exercises", "## Exer\u202ecises")
    found = [str(p) for p in check_files(mini, [mini.root / SNIPPET, mini.root / PAGE])]
    assert found[0].startswith(f"{SNIPPET}:{line_of(mini.root / SNIPPET, chr(0x200B))}:18: invisible character U+200B")
    assert found[1].startswith(f"{PAGE}:{line_of(mini.root / PAGE, chr(0x202E))}:8: invisible character U+202E")


def test_a_missing_section_names_the_sections_there_are(mini):
    edit(mini.root / PAGE, '"mini/square.py:by_hand"', '"mini/square.py:by_hnd"')
    assert "snippets/mini/square.py has no section 'by_hnd' (it has: forward, by_hand, autograd)" in reported(mini)


def test_a_section_no_page_shows_is_reported(mini):
    path = mini.root / SNIPPET
    path.write_text(path.read_text() + "\n# --8<-- [start:extra]\nleft_over = 1\n# --8<-- [end:extra]\n")
    (problem,) = [p for p in checked(mini) if p.file == SNIPPET]
    assert (problem.file, problem.line) == (SNIPPET, line_of(path, "[start:extra]"))
    assert "section 'extra' is on no page" in problem.message


def test_a_recording_without_its_section_is_reported(mini):
    (mini.root / "snippets/mini/outputs/square/gone.txt").write_text("old\n")
    (problem,) = checked(mini)
    assert problem.file == "snippets/mini/outputs/square/gone.txt"
    assert "a recording nothing on the site shows any more" in problem.message
    assert record(mini).changed == [mini.root / "snippets/mini/outputs/square/gone.txt"]  # deleted
    assert checked(mini) == []


def test_an_output_the_page_does_not_show_is_reported_with_the_fix(mini):
    edit(mini.root / PAGE, '```{.text .no-copy title="Output"}\n--8<-- "mini/outputs/square/forward.txt"\n```\n', "")
    found = reported(mini)
    assert "mini/square.py:forward prints output that the page does not show" in found
    assert '--8<-- "mini/outputs/square/forward.txt"' in found


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ('```{.python notest}\nprint("never run")\n```\n', "marked notest, so no test runs it"),
        ('!!! note\n    ```python\n    print("hidden")\n    ```\n', "cannot see an indented Python block"),
        ('```python\n--8<-- "mini/square.py:forward"\n```\n', "open this block with ```{.python notest}"),
        ('```{.python notest}\n--8<-- "mini/square.py:forward"\nprint(1)\n```\n', "exactly one '--8<--' line"),
    ],
)
def test_python_that_no_test_runs_is_reported(mini, block, message):
    edit(mini.root / PAGE, "## Exercises", f"{block}\n## Exercises")
    assert message in reported(mini)


@pytest.mark.parametrize(
    "block",
    [
        # After a fence that pytest-markdown-docs runs: what it prints is not recorded, so it cannot be shown.
        "```python\nprint(2 + 2)\n```\n\n```text\nfour\n```\n",
        # After an included section, typed instead of its recording.
        '```{.python notest}\n--8<-- "mini/square.py:by_hand"\n```\n\n```text\nby hand: 6.0\n```\n',
        # Titled Output anywhere, typed.
        '```{.text .no-copy title="Output"}\nby hand: 6.0\n```\n',
    ],
    ids=["after-runnable", "after-include", "titled-output"],
)
def test_a_hand_typed_output_block_fails_with_its_line_and_the_fix(mini, block):
    edit(mini.root / PAGE, "## Exercises", f"{block}\n## Exercises")
    typed = [p for p in checked(mini) if "hand-typed output block" in p.message]
    assert len(typed) == 1
    typed_output = line_of(mini.root / PAGE, "by hand: 6.0" if "6.0" in block else "four")
    assert typed[0].line == typed_output - 1  # the line that opens the typed block
    assert '```{.text .no-copy title="Output"}' in typed[0].message


def test_text_meant_for_the_engine_that_it_cannot_read_is_reported(mini):
    edit(mini.root / PAGE, "{{ mini/square.py:y:.1f }}, so", "{{ mini/square.py y }}, so")
    edit(mini.root / PAGE, "{{ figure mini/parabola }}", "{{ figure mini parabola }}")
    found = reported(mini)
    assert "'{{ mini/square.py y }}' is not something the engine reads" in found
    assert "'{{ figure mini parabola }}' is not something the engine reads" in found
    assert found.count("{{ answer … }}, {{ predict … }}, {{ fix … }}") == 2  # the forms to write instead
