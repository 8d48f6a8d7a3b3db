"""A prediction asks before it tells (issue 23, item 1, the engine's side): its choices are what three sections of
real code print, the code that answers and its output stay folded until the learner has chosen, and the notebook asks
for a letter, checks it, and keeps the answering code collapsed."""

import contextlib
import io
import re

import nbformat
import pytest

from lessonkit import LessonError
from lessonkit.constructs.predict import LETTERS, choices
from lessonkit.notebooks import notebook_text
from tests.engine.conftest import PAGE, SNIPPET, checked, edit, line_of, page, record
from tests.engine.test_extension import convert

SECTIONS = """
# --8<-- [start:twice]
z = torch.tensor(3.0, requires_grad=True)
(z * z).backward()
(z * z).backward()
print(z.grad)
# --8<-- [end:twice]

# --8<-- [start:once]
z = torch.tensor(3.0, requires_grad=True)
(z * z).backward()
print(z.grad)
# --8<-- [end:once]

# --8<-- [start:untouched]
z = torch.tensor(3.0, requires_grad=True)
print(z.grad)
# --8<-- [end:untouched]
"""
QUESTION = """
### Exercise 2: twice

!!! question "Predict"
    After two calls to `backward()`, what does `z.grad` hold?

{{ predict mini/square.py:twice | once untouched }}

```{.python notest title="snippets/mini/square.py"}
--8<-- "mini/square.py:twice"
```

```{.text .no-copy title="Output"}
--8<-- "mini/outputs/square/twice.txt"
```

Each `backward()` adds into `.grad`.
"""
ANSWER, OTHERS = "tensor(12.)", {"tensor(6.)", "None"}


@pytest.fixture
def predicting(mini):
    """The fixture with a prediction as its second exercise, recorded."""
    path = mini.root / SNIPPET
    path.write_text(path.read_text(encoding="utf-8") + SECTIONS, encoding="utf-8")
    page_path = mini.root / PAGE
    page_path.write_text(page_path.read_text(encoding="utf-8") + QUESTION, encoding="utf-8")
    assert record(mini).problems == []
    return mini


def predict_line(project) -> int:
    return line_of(project.root / PAGE, "{{ predict")


def test_a_recorded_prediction_checks_clean(predicting):
    assert checked(predicting) == []


def test_the_choices_are_what_the_three_sections_print(predicting):
    (directive,) = [d for d in page(predicting).exercises if hasattr(d, "distractors")]
    offered = choices(page(predicting), directive)
    assert {section for section, _ in offered} == {"twice", "once", "untouched"}
    assert {output.strip() for _, output in offered} == {ANSWER, *OTHERS}


def test_the_built_page_folds_the_answering_code_output_and_explanation_right_after_the_form(predicting):
    html = convert(predicting)
    form = re.search(r'<form class="lesson-predict" data-answer="(\d)">(.*?)</form>', html, re.S)
    labels = re.findall(r'<input type="radio" name="[^"]+" value="(\d)"> <code>([^<]*)</code>', form[2])
    assert {output for _, output in labels} == {ANSWER, *OTHERS}
    assert dict(labels)[form[1]] == ANSWER
    after = html[form.end() :].lstrip()
    assert after.startswith('<details class="example lesson-reveal">')
    fold = after[: after.index("</details>")]
    assert "snippets/mini/square.py" in fold and 'tensor</span><span class="p">(</span><span class="mf">3.0' in fold
    assert f"<code>{ANSWER}\n</code>" in fold  # the output, inside the fold
    assert html.count(f"<code>{ANSWER}\n</code>") == 1  # and nowhere outside it
    # The explanation that follows gives the answer away too: it is inside the fold, up to the next heading.
    assert "<p>Each <code>backward()</code> adds into <code>.grad</code>.</p>" in fold


def test_a_prediction_without_its_answering_code_right_under_it_is_reported_with_the_block(predicting):
    edit(predicting.root / PAGE, "| once untouched }}\n", "| once untouched }}\n\nIt doubles.\n")
    found = [p for p in checked(predicting) if "show the code that answers right under the prediction" in p.message]
    assert [(p.file, p.line) for p in found] == [(PAGE, predict_line(predicting))]
    assert found[0].message.endswith(
        '```{.python notest title="snippets/mini/square.py"}\n--8<-- "mini/square.py:twice"\n```'
    )


def test_a_prediction_whose_code_comes_first_is_reported_too(predicting):
    edit(predicting.root / PAGE, '--8<-- "mini/square.py:twice"', '--8<-- "mini/square.py:once"')
    edit(predicting.root / PAGE, '--8<-- "mini/outputs/square/twice.txt"', '--8<-- "mini/outputs/square/once.txt"')
    assert any("show the code that answers right under" in p.message for p in checked(predicting))


def test_two_choices_that_print_the_same_are_reported(predicting):
    edit(predicting.root / SNIPPET, "z = torch.tensor(3.0, requires_grad=True)\nprint(z.grad)", "print(z.grad * 0 + 6)")
    found = [p for p in checked(predicting) if "two choices print the same output" in p.message]
    assert [(p.file, p.line) for p in found] == [(PAGE, predict_line(predicting))]


def test_a_choice_offered_twice_or_printing_nothing_is_reported(predicting):
    edit(predicting.root / PAGE, "| once untouched }}", "| once once }}")
    assert any("a section is offered twice" in p.message for p in checked(predicting))
    edit(predicting.root / PAGE, "| once once }}", "| once forward_silent }}")
    edit(
        predicting.root / SNIPPET,
        "# --8<-- [start:untouched]",
        "# --8<-- [start:forward_silent]\nw = 1\n# --8<-- [end:forward_silent]\n\n# --8<-- [start:untouched]",
    )
    assert any("a choice prints nothing (forward_silent)" in p.message for p in checked(predicting))


def notebook(project) -> nbformat.NotebookNode:
    return nbformat.reads(notebook_text(page(project)), as_version=4)


def test_the_notebook_asks_for_a_letter_checks_it_and_keeps_the_answering_code_collapsed(predicting):
    cells = notebook(predicting).cells
    index = next(i for i, cell in enumerate(cells) if cell.source.startswith("**Predict:**"))
    question, answer, check, code = cells[index : index + 4]
    listed = re.findall(r"^([A-C])\.\n```text\n(.*?)\n```", question.source, re.M)
    assert [letter for letter, _ in listed] == ["A", "B", "C"]
    assert {output for _, output in listed} == {ANSWER, *OTHERS}
    assert answer.source == 'answer_2 = ...  # "A", "B" or "C"' and check.source == "check(2, answer_2)"
    assert code.cell_type == "code" and "(z * z).backward()\n(z * z).backward()" in code.source
    assert code.metadata["jupyter"] == {"source_hidden": True, "outputs_hidden": True}


def test_the_notebooks_checker_says_right_to_the_right_letter_and_not_yet_to_another(predicting):
    cells = notebook(predicting).cells
    question = next(cell.source for cell in cells if cell.source.startswith("**Predict:**"))
    letters = dict(
        (output, letter) for letter, output in re.findall(r"^([A-C])\.\n```text\n(.*?)\n```", question, re.M)
    )
    namespace: dict = {}
    exec(next(cell.source for cell in cells if "checker" in cell.metadata.get("tags", [])), namespace)

    def check(letter: str) -> str:
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            namespace["check"](2, letter)
        return printed.getvalue()

    assert check(letters[ANSWER]) == "Exercise 2: twice: Right.\n"
    assert check(letters[ANSWER].lower()) == "Exercise 2: twice: Right.\n"
    for other in OTHERS:
        assert check(letters[other]) == "Exercise 2: twice: Not yet.\n"
    assert check("twelve").startswith('Exercise 2: twice: Write the letter of your choice, such as "A".')
    assert set(letters.values()) == set(LETTERS[:3])


def test_a_choice_without_a_recording_stops_the_notebook_with_the_command(predicting):
    (predicting.root / "snippets/mini/outputs/square/once.txt").unlink()
    with pytest.raises(LessonError) as error:
        notebook_text(page(predicting))
    assert (error.value.problem.file, error.value.problem.line) == (PAGE, predict_line(predicting))
    assert "the choice mini/square.py:once has no recorded output; run `pytest --update-outputs`" in str(error.value)
