"""Drift is caught both ways: change the code or change the page, and the checks name the place."""

from lessonkit.checks import check_page, check_snippets, record
from lessonkit.problems import report
from tests.engine.scratch import edit, line_of


def page_problems(scratch):
    return check_page(scratch, scratch.docs_dir / "chain_rule.md")


def test_the_scratch_copy_starts_clean(scratch):
    assert page_problems(scratch) == []
    assert check_snippets(scratch) == []


def test_a_changed_number_in_a_snippet_fails_naming_the_page_and_block(scratch):
    edit(scratch.snippet("chain_rule/q1.py"), "a = torch.tensor(2.0", "a = torch.tensor(3.0")
    problems = page_problems(scratch)
    page = scratch.docs_dir / "chain_rule.md"
    by_hand = next(p for p in problems if "chain_rule/q1.py:by_hand" in p.message)
    assert (by_hand.file, by_hand.line) == ("docs/chain_rule.md", line_of(page, '"chain_rule/q1.py:by_hand"'))
    assert "-by hand: dz/da = 64.0\n+by hand: dz/da = 94.0" in by_hand.message
    # The sentence quoting the result is caught too.
    prose = next(p for p in problems if "{{ chain_rule/q1.py:dz_da:.1f }}" in p.message)
    assert "shows {{ chain_rule/q1.py:dz_da:.1f }} as '64.0', but the code now gives '94.0'" in prose.message


def test_a_changed_number_that_autograd_disagrees_with_stops_the_section(scratch):
    edit(scratch.snippet("chain_rule/q5.py"), "32 * x0**3", "32 * x0**3 + 1")
    message = report(page_problems(scratch))
    assert "section 'autograd' raised AssertionError" in message


def test_an_edited_output_on_the_page_fails(scratch):
    edit(scratch.root / "snippets/chain_rule/outputs/q5/autograd.txt", "326.", "327.")
    problems = page_problems(scratch)
    assert len(problems) == 1, report(problems)
    assert problems[0].line == line_of(scratch.docs_dir / "chain_rule.md", '"chain_rule/q5.py:autograd"')
    assert "is not what the code prints now" in problems[0].message


def test_an_edited_number_in_the_prose_fails(scratch):
    edit(scratch.root / "snippets/chain_rule/outputs/q4/values.json", "-1.7847", "-1.7848")
    problems = page_problems(scratch)
    assert len(problems) == 1, report(problems)
    assert problems[0].line == line_of(scratch.docs_dir / "chain_rule.md", "{{ chain_rule/q4.py:x.grad:.4f }}")
    assert "'-1.7848', but the code now gives '-1.7847'" in problems[0].message


def test_a_missing_recording_names_the_command_that_creates_it(scratch):
    (scratch.root / "snippets/chain_rule/outputs/q2/by_hand.txt").unlink()
    (problem,) = page_problems(scratch)
    assert "no recorded output yet; run `pytest --update-outputs`" in problem.message


def test_update_outputs_rerecords_what_changed_and_nothing_else(scratch):
    edit(scratch.snippet("chain_rule/q2.py"), "w = torch.tensor(4.0", "w = torch.tensor(5.0")
    edit(scratch.snippet("chain_rule/q2.py"), "x = torch.tensor(3.0", "x = torch.tensor(3.5")
    assert page_problems(scratch)
    changed = record(scratch)
    assert [scratch.display(path) for path in changed] == [
        "snippets/chain_rule/outputs/q2/autograd.txt",
        "snippets/chain_rule/outputs/q2/by_hand.txt",
        "snippets/chain_rule/outputs/q2/values.json",
    ]
    assert "3.5" in (scratch.root / "snippets/chain_rule/outputs/q2/values.json").read_text()
    assert page_problems(scratch) == []
