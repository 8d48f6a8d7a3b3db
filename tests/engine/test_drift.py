"""Drift is caught both ways: change the code or change the page, and the checks name the place."""

from lessonkit.errors import report
from tests.engine.conftest import PAGE, SNIPPET, checked, edit, line_of, record


def test_the_fixture_starts_clean(mini):
    problems = checked(mini)
    assert not problems, "\n" + report(problems)


def test_a_changed_input_fails_at_the_block_and_every_sentence_that_quotes_it(mini):
    edit(mini.root / SNIPPET, "torch.tensor(3.0", "torch.tensor(4.0")
    problems = checked(mini)
    lines = {(p.file, p.line) for p in problems}
    for quoted in ('"mini/square.py:forward"', '"mini/square.py:by_hand"', "{{ mini/square.py:x:g }}"):
        assert (PAGE, line_of(mini.root / PAGE, quoted)) in lines, quoted
    forward = next(p for p in problems if "mini/square.py:forward" in p.message)
    assert "-y = 9.0\n+y = 16.0" in forward.message
    value = next(p for p in problems if "{{ mini/square.py:y:.1f }}" in p.message)
    assert "shows {{ mini/square.py:y:.1f }} as '9.0', but the code now gives '16.0'" in value.message


def test_a_changed_figure_computation_names_the_figure_and_the_command(mini):
    edit(mini.root / SNIPPET, "torch.tensor(3.0", "torch.tensor(4.0")
    problems = [p for p in checked(mini) if "figure mini/" in p.message]
    assert {(p.file, p.line) for p in problems} == {
        (PAGE, line_of(mini.root / PAGE, "{{ figure mini/square_graph }}")),
        (PAGE, line_of(mini.root / PAGE, "{{ figure mini/parabola }}")),
    }
    assert all("run `pytest --update-outputs` (it re-draws the picture)" in p.message for p in problems)
    graph = "figure mini/square_graph now shows another alt text than snippets/figures/outputs/mini/square_graph.json"
    assert graph in report(problems)


def test_an_edited_output_recording_fails_at_its_block(mini):
    edit(mini.root / "snippets/mini/outputs/square/by_hand.txt", "6.0", "6.5")
    (problem,) = checked(mini)
    assert (problem.file, problem.line) == (PAGE, line_of(mini.root / PAGE, '"mini/square.py:by_hand"'))
    assert "is not what the code prints now" in problem.message


def test_an_edited_recorded_value_fails_at_its_sentence(mini):
    edit(mini.root / "snippets/mini/outputs/square/values.json", '"9.0"', '"9.5"')
    problems = checked(mini)
    assert {p.line for p in problems} == {line_of(mini.root / PAGE, "{{ mini/square.py:y:.1f }}")}
    assert "shows {{ mini/square.py:y:.1f }} as '9.5', but the code now gives '9.0'" in problems[0].message


def test_a_check_inside_a_snippet_stops_it_at_the_line_that_raised(mini):
    edit(mini.root / SNIPPET, "slope = 2 * x.item()", "slope = 2 * x.item() + 1")
    (problem,) = [p for p in checked(mini) if p.file == SNIPPET]
    assert problem.line == line_of(mini.root / SNIPPET, "assert_close")
    assert "section 'autograd' raised AssertionError" in problem.message


def test_a_missing_recording_names_the_command_that_creates_it(mini):
    (mini.root / "snippets/mini/outputs/square/forward.txt").unlink()
    (problem,) = checked(mini)
    assert "no recorded output yet; run `pytest --update-outputs`" in problem.message


def test_update_outputs_rerecords_what_changed_and_nothing_else(mini):
    edit(mini.root / SNIPPET, "slope = 2 * x.item()", "slope = 2.0 * x.item()  # the same number")
    edit(mini.root / "snippets/mini/outputs/square/by_hand.txt", "6.0", "6.5")
    done = record(mini)
    # The output that differs, and the digest of the edited code; nothing else.
    assert [mini.display(path) for path in done.changed] == [
        "snippets/mini/outputs/recorded-from.json",
        "snippets/mini/outputs/square/by_hand.txt",
    ]
    assert not done.problems
    assert checked(mini) == []


def test_update_outputs_of_another_lesson_leaves_this_one_alone(mini):
    edit(mini.root / "snippets/mini/outputs/square/by_hand.txt", "6.0", "6.5")
    assert record(mini, "other").changed == []
    assert record(mini, "mini").changed == [mini.root / "snippets/mini/outputs/square/by_hand.txt"]
