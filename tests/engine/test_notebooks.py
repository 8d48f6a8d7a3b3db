"""A lesson's notebook is built from the lesson model: prose becomes markdown, sections become code cells."""

import base64

import nbformat
import pytest

from lessonkit import LessonError
from lessonkit.notebooks import SOLUTION_TAG, notebook_text, read_cells
from tests.engine.conftest import PAGE, line_of, page


def test_prose_becomes_markdown_and_sections_become_code_cells_in_page_order(mini):
    cells = read_cells(page(mini))
    assert (
        cells[0].source == "# Squares\n\n**Goal**\n\nWatch the engine at work on $y = x^2$.\n\n"
        "Before this lesson: nothing but school algebra and a little Python.\n\n## Forward\n\nSquare $x = 3$:"
    )
    assert [(cell.include.section, cell.folded) for cell in cells if cell.include] == [
        ("forward", False),
        ("by_hand", False),
        ("autograd", False),
    ]
    lesson = page(mini)
    sections = [lesson.section(include).code.rstrip("\n") for _, include in lesson.code_includes]
    assert [cell.source for cell in cells if cell.include] == sections
    # Two values on one line, both filled in; tabs become bold titles.
    assert cells[2].source == "The square is 9.0, so $x^2 = 9.0$.\n\n## The slope\n\n**By hand**"
    prose = "\n".join(cell.source for cell in cells if cell.kind == "markdown")
    for leftover in ("--8<--", "{{", "\n!!! ", "\n??? ", '\n=== "', "///", "#only-"):
        assert leftover not in prose, f"the notebook's prose still shows {leftover.strip()!r}"


def test_a_downloaded_notebook_carries_its_figures_in_the_light_palette(mini):
    (figures,) = [cell for cell in read_cells(page(mini)) if cell.attachments]
    assert sorted(figures.attachments) == ["parabola-light.svg", "square_graph-light.svg"]
    svg = (mini.root / "docs/figures/mini/parabola-light.svg").read_bytes()
    assert figures.attachments["parabola-light.svg"]["image/svg+xml"].encode() == base64.b64encode(svg)
    assert "![Autograd graph of y = x², inputs at the top" in figures.source
    assert "\n\nTwo arrows leave `x`: it enters the product twice.\n\n" in figures.source  # its caption, below it


def test_on_the_site_links_and_figures_lead_into_it(mini):
    cells = read_cells(page(mini), link_base="../../", embed_figures=False)
    (figures,) = [cell for cell in cells if "<img" in cell.source]
    assert not figures.attachments
    assert '<img src="../../figures/mini/parabola-light.svg#only-light" alt="The parabola y = x²' in figures.source
    assert '<img src="../../figures/mini/parabola-dark.svg#only-dark"' in figures.source


def test_folds_become_collapsed_solution_cells(mini):
    notebook = nbformat.reads(notebook_text(page(mini)), as_version=nbformat.NO_CONVERT)
    tagged = [cell for cell in notebook.cells if SOLUTION_TAG in cell.metadata.get("tags", [])]
    assert [cell.source for cell in tagged] == [
        "**Hint** (the cells below are collapsed: click one to open it)",
        "The power rule gives $2x$.",
        "**Solution** (the cells below are collapsed: click one to open it)",
        "Twice $x$: 6.0.",
    ]
    assert [cell.metadata.get("jupyter") for cell in tagged] == [None, {"source_hidden": True}] * 2


def test_the_same_sources_give_the_same_bytes_and_a_valid_notebook(mini):
    text = notebook_text(page(mini))
    assert text == notebook_text(page(mini))
    notebook = nbformat.reads(text, as_version=nbformat.NO_CONVERT)
    nbformat.validate(notebook)
    assert notebook.metadata.kernelspec.name == "python3"
    assert all(cell.outputs == [] for cell in notebook.cells if cell.cell_type == "code")


def test_a_missing_value_names_the_page_and_line(mini):
    (mini.root / "snippets/mini/outputs/square/values.json").write_text("{}\n", encoding="utf-8")
    line = line_of(mini.root / PAGE, "{{ mini/square.py:x:g }}")
    with pytest.raises(LessonError, match=rf"^{PAGE}:{line}: .*has no recorded value; run `pytest --update-outputs`"):
        read_cells(page(mini))


@pytest.mark.parametrize("embed_figures", [True, False], ids=["download", "workbook"])
def test_a_figure_not_drawn_yet_names_the_page_line_and_file(mini, embed_figures):
    svg = next((mini.root / "docs/figures").glob("*/parabola-light.svg"))
    svg.unlink()
    line = line_of(mini.root / PAGE, "{{ figure mini/parabola }}")
    drawn = rf"^{PAGE}:{line}: {mini.display(svg)} is not drawn yet; run `pytest --update-outputs`"
    with pytest.raises(LessonError, match=drawn):
        notebook_text(page(mini), "../", embed_figures)
