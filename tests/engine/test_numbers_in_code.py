"""The number rule reaches into the code (issue 19 item 7, issue 20 item 5): a number typed into text a snippet prints,
or into any text of a figure module (alt text, titles), fails at file:line:col with the variable to format; and a
figure's picture is checked too, so a number edited inside an SVG fails."""

import pytest

from tests.engine.conftest import SNIPPET, add_section, checked, edit, line_of

FIGURES = "snippets/figures/mini.py"
GRAPH_SVG = "docs/figures/mini/square_graph-light.svg"
TYPED = "is typed into"


def typed(project) -> list:
    return [p for p in checked(project) if TYPED in p.message]


def column_of(project, file: str, line_text: str, number: str) -> tuple[int, int]:
    line = line_of(project.root / file, line_text)
    text = (project.root / file).read_text(encoding="utf-8").splitlines()[line - 1]
    return line, text.index(number, text.index(line_text)) + 1


def test_a_number_edited_inside_a_stamped_svg_fails_the_check(mini):
    edit(mini.root / GRAPH_SVG, ">grad\xa06</text>", ">grad\xa07</text>")  # the stamp is left as it was
    (problem,) = [p for p in checked(mini) if p.file == GRAPH_SVG]
    assert problem.line == 1
    assert problem.message.startswith("this picture was edited after it was drawn (a label or number changed by hand)")
    assert "run `pytest --update-outputs` to draw it" in problem.message


@pytest.mark.parametrize(
    ("old", "new", "number"),
    [
        ("tangent at x = {at:g}, of slope", "tangent at x = 3, of slope 6.0 and", "6.0"),  # alt text
        ('"Autograd graph of y = x²"', '"Autograd graph of y = x² at x = 3.5"', "3.5"),  # a title
    ],
    ids=["alt-text", "title"],
)
def test_a_figure_module_that_types_a_number_into_its_text_fails_at_line_and_column(mini, old, new, number):
    edit(mini.root / FIGURES, old, new)
    (problem,) = typed(mini)
    assert (problem.file, problem.line, problem.column) == (FIGURES, *column_of(mini, FIGURES, new[:12], number))
    assert problem.message.startswith(f"'{number}' is typed into the figure's text: a number of two or more digits")
    assert problem.message.endswith('format the variable that holds it instead, as in f"at x = {x:g}"')


@pytest.mark.parametrize(
    "code",
    [
        'print("tanh(0.5) =", y)',
        'print(f"tanh(0.5) = {y}")',
        'print("tanh(%s) at 0.5" % y)',
        'print("{} at 0.5".format(y))',
        'import sys\nsys.stdout.write(f"{y} at 0.5\\n")',
    ],
    ids=["string", "f-string", "percent", "format", "write"],
)
def test_a_number_typed_into_printed_text_fails_at_line_and_column(mini, code):
    add_section(mini, "label", f"x = 0.5\ny = torch.tanh(torch.tensor(x)).item()\n{code}")
    (problem,) = typed(mini)
    line_text = code.splitlines()[-1]
    assert (problem.file, problem.line, problem.column) == (SNIPPET, *column_of(mini, SNIPPET, line_text, "0.5"))
    assert problem.message.startswith("'0.5' is typed into text the snippet prints")


@pytest.mark.parametrize(
    "code",
    [
        'print(f"tanh({x}) = {y}")',
        'print(f"tanh({x:g}) = {y:.4f}")',  # format specs are not numbers
        'print(f"{y:08.2e} {y:>10.3f}")',
        'print("float32, x2 and log2 are names; step", 3)',  # names, and a number given as a value
        "print(x, 0.5)",  # a number in code is an input written as code, not text
    ],
    ids=["fields", "format-specs", "wide-specs", "names", "code"],
)
def test_numbers_formatted_from_variables_pass(mini, code):
    add_section(mini, "label", f"x = 0.5\ny = torch.tanh(torch.tensor(x)).item()\n{code}")
    assert typed(mini) == []
