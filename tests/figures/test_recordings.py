"""Pictures cannot go stale: every figure is recorded as drawn now, shown on its page, and small."""

import html
import re

from lessonkit.figures.figure import PALETTES
from lessonkit.figures.recording import check_pages, check_recordings, lesson_figures, record_figures, svg
from lessonkit.problems import report
from tests.engine.scratch import edit, line_of

# A lesson page may transfer at most 350 KiB; one picture in one palette may take a sixth of that.
MAX_SVG_BYTES = 60 * 1024
PAGE = "docs/chain_rule.md"
WARM_UP = "docs/figures/chain_rule/warm_up_graph-light.svg"


def test_every_figure_is_recorded_as_it_is_drawn_now(project):
    problems = check_recordings(project)
    assert not problems, "\n" + report(problems)


def test_every_figure_is_shown_on_its_page(project):
    problems = check_pages(project)
    assert not problems, "\n" + report(problems)


def test_every_recording_is_small(project):
    large = {project.display(path): path.stat().st_size for path in project.figure_recordings()}
    assert {name: size for name, size in large.items() if size > MAX_SVG_BYTES} == {}


def test_drawing_twice_gives_the_same_bytes(project):
    for figures in lesson_figures(project).values():
        for figure in figures:
            assert figure.draw(PALETTES[1]) == svg(figure, PALETTES[1]), figure.name


def test_the_built_pages_carry_each_figure_with_its_alt_text(project, built_site):
    """Markdown leaves the alt text exactly as the figure wrote it (check_pages compares the source)."""
    shown = 0
    for lesson, figures in lesson_figures(project).items():
        page = (built_site.site_dir / lesson / "index.html").read_text(encoding="utf-8")
        alt_of = {src: html.unescape(alt) for alt, src in re.findall(r'<img alt="([^"]*)"[^>]*src="([^"]+)"', page)}
        for figure in figures:
            for palette in PALETTES:
                src = f"../figures/{lesson}/{figure.name}-{palette.name}.svg#only-{palette.name}"
                if src in alt_of:
                    assert alt_of[src] == figure.alt, src
                    shown += 1
    assert shown >= 4  # at least the chain-rule page's two graphs, in both palettes


def test_the_scratch_copy_starts_clean(figure_scratch):
    assert check_recordings(figure_scratch) == []
    assert check_pages(figure_scratch) == []


def test_a_changed_picture_names_the_file_and_the_command(figure_scratch):
    edit(figure_scratch.root / WARM_UP, "grad", "gradient")
    (problem,) = check_recordings(figure_scratch)
    assert problem.file == WARM_UP
    assert "not what snippets/figures/chain_rule.py draws now" in problem.message
    assert "run `pytest --update-outputs`" in problem.message


def test_a_changed_computation_changes_the_picture(figure_scratch):
    edit(figure_scratch.snippet("chain_rule/warm_up.py"), "torch.tensor(3.5", "torch.tensor(4.5")
    assert {problem.file for problem in check_recordings(figure_scratch)} == {
        WARM_UP,
        WARM_UP.replace("light", "dark"),
    }
    # The alt text quotes the numbers, so the page is out of date too, at the line that shows the picture.
    problems = check_pages(figure_scratch)
    assert {(p.file, p.line) for p in problems} == {
        (PAGE, line_of(figure_scratch.docs_dir / "chain_rule.md", "warm_up_graph-light.svg")),
        (PAGE, line_of(figure_scratch.docs_dir / "chain_rule.md", "warm_up_graph-dark.svg")),
    }
    assert "x = 4.5" in problems[0].message


def test_a_picture_no_figure_draws_is_stale(figure_scratch):
    (figure_scratch.docs_dir / "figures/chain_rule/gone-light.svg").write_text("<svg/>")
    (problem,) = check_recordings(figure_scratch)
    assert problem.file == "docs/figures/chain_rule/gone-light.svg"
    assert "no figure in snippets/figures/ draws this picture" in problem.message


def test_a_figure_on_no_page_names_its_file_and_the_lines_to_add(figure_scratch):
    page = figure_scratch.docs_dir / "chain_rule.md"
    page.write_text("".join(line for line in page.read_text().splitlines(True) if "q6_graph" not in line))
    (problem,) = check_pages(figure_scratch)
    assert problem.file == "docs/figures/chain_rule/q6_graph-light.svg"
    assert "this picture is on no page: show it in docs/chain_rule.md" in problem.message
    assert '<figure markdown="span">\n![Autograd graph of f = tanh' in problem.message


def test_a_figure_shown_in_one_palette_only_is_reported(figure_scratch):
    page = figure_scratch.docs_dir / "chain_rule.md"
    page.write_text("".join(line for line in page.read_text().splitlines(True) if "q6_graph-dark" not in line))
    (problem,) = check_pages(figure_scratch)
    assert (problem.file, problem.line) == (PAGE, line_of(page, "q6_graph-light.svg"))
    assert "no dark variant" in problem.message


def test_a_figure_module_that_fails_is_reported_at_its_line(figure_scratch):
    module = figure_scratch.snippet("figures/chain_rule.py")
    edit(module, '"forward")\n    return', '"forwards")\n    return')
    (problem,) = check_recordings(figure_scratch)
    assert (problem.file, problem.line) == ("snippets/figures/chain_rule.py", line_of(module, '"forwards"'))
    assert "has no section 'forwards'" in problem.message


def test_update_outputs_rerecords_changed_pictures_and_deletes_stale_ones(figure_scratch):
    edit(figure_scratch.root / WARM_UP, "grad", "gradient")
    stale = figure_scratch.docs_dir / "figures/chain_rule/gone-dark.svg"
    stale.write_text("<svg/>")
    changed = record_figures(figure_scratch)
    assert [figure_scratch.display(path) for path in changed] == ["docs/figures/chain_rule/gone-dark.svg", WARM_UP]
    assert not stale.exists()
    assert check_recordings(figure_scratch) == []
