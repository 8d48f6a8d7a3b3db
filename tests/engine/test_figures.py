"""Figures are checked by what they show, never by a renderer's bytes: the checks need neither Graphviz nor fonts.

A figure's recording is its content (graph nodes and edges, plotted data, alt text); each SVG
carries the stamp of the content it was drawn from. On another machine, with other fonts or no
Graphviz at all, the checks pass and re-recording a clean checkout changes nothing.
"""

import json
import os
import shutil
import subprocess
import sys
import textwrap

import pytest

from lessonkit import recordings
from lessonkit.errors import report
from lessonkit.figures.figure import PALETTES
from lessonkit.figures.graphs import INSTALL_GRAPHVIZ
from tests.engine.conftest import PAGE, SNIPPET, checked, edit, line_of, record

GRAPH_SVG = "docs/figures/mini/square_graph-light.svg"
PLOT_SVGS = ["docs/figures/mini/parabola-dark.svg", "docs/figures/mini/parabola-light.svg"]


def figure_problems(project):
    return [p for p in checked(project) if "figures" in p.file]


def test_a_picture_not_drawn_from_the_recording_names_the_file_and_the_command(mini):
    edit(mini.root / GRAPH_SVG, "stamp ", "stamp 0")
    (problem,) = figure_problems(mini)
    assert problem.file == GRAPH_SVG
    assert "was not drawn from snippets/figures/outputs/mini/square_graph.json by the current code" in problem.message
    assert "run `pytest --update-outputs`" in problem.message


def test_a_missing_picture_is_reported(mini):
    (mini.root / GRAPH_SVG).unlink()
    (problem,) = figure_problems(mini)
    assert (problem.file, problem.line) == (GRAPH_SVG, 1)
    assert problem.message.startswith("this picture is missing; run `pytest --update-outputs` to draw it")


def test_a_change_of_the_drawing_code_makes_every_drawing_stale(mini, monkeypatch):
    from lessonkit.figures import graphs

    monkeypatch.setattr(graphs, "DRAWER", graphs.DRAWER + "# a new colour")
    assert {p.file for p in figure_problems(mini)} == {GRAPH_SVG, GRAPH_SVG.replace("light", "dark")}


def test_a_figure_needs_a_caption_right_under_it(mini):
    edit(mini.root / PAGE, "{{ figure mini/parabola }}\n/// caption\n", "{{ figure mini/parabola }}\n\n/// caption\n")
    (problem,) = [p for p in checked(mini) if "caption" in p.message]
    assert (problem.file, problem.line) == (PAGE, line_of(mini.root / PAGE, "{{ figure mini/parabola }}"))
    assert "give the figure a caption that says what to look at" in problem.message


def test_a_figure_on_no_page_and_a_figure_nobody_defines_are_reported(mini):
    edit(
        mini.root / PAGE,
        "{{ figure mini/parabola }}\n/// caption\nThe tangent touches the parabola where the slope was taken.\n///\n",
        "",
    )
    (mini.root / "snippets/figures/outputs/mini/gone.json").write_text("{}\n")
    found = report(checked(mini))
    assert (
        "snippets/figures/mini.py:1: figure 'parabola' is on no page: show it with {{ figure mini/parabola }}" in found
    )
    assert "snippets/figures/outputs/mini/gone.json:1: a recording nothing on the site shows any more" in found


def test_a_figure_module_that_fails_is_reported_at_its_line(mini):
    module = mini.root / "snippets/figures/mini.py"
    edit(module, '"forward")', '"forwards")')
    (problem,) = {p for p in checked(mini) if p.file == "snippets/figures/mini.py"}
    assert problem.line == line_of(module, '"forwards"')
    assert "has no section 'forwards'" in problem.message


@pytest.mark.slow  # drawing with matplotlib
def test_update_outputs_redraws_a_changed_plot_from_its_new_recording(mini):
    edit(mini.root / "snippets/figures/mini.py", "torch.linspace(0, 2 * at, 21)", "torch.linspace(0, 2 * at, 31)")
    (changed,) = [p for p in checked(mini) if "figure mini/parabola" in p.message]
    assert (changed.file, changed.line) == (PAGE, line_of(mini.root / PAGE, "{{ figure mini/parabola }}"))
    done = record(mini)
    assert [mini.display(path) for path in done.changed] == [*PLOT_SVGS, "snippets/figures/outputs/mini/parabola.json"]
    assert figure_problems(mini) == []
    assert (
        len(json.loads((mini.root / "snippets/figures/outputs/mini/parabola.json").read_text())["plot"]["data"]["x"])
        == 31
    )


def test_a_graph_cannot_be_redrawn_without_graphviz_and_the_message_says_how_to_install_it(mini, monkeypatch):
    monkeypatch.setenv("PATH", os.path.dirname(sys.executable))  # the venv's own programs, no `dot`
    edit(mini.root / SNIPPET, "torch.tensor(3.0", "torch.tensor(4.0")
    done = record(mini)
    assert {p.file for p in done.problems} == {GRAPH_SVG, GRAPH_SVG.replace("light", "dark")}
    message = done.problems[0].message
    assert INSTALL_GRAPHVIZ in message and "apt-get install graphviz" in message and "brew install graphviz" in message
    # The content is recorded and the plots are drawn; the old graph pictures stay, and are still reported.
    assert {p.file for p in figure_problems(mini)} == {GRAPH_SVG, GRAPH_SVG.replace("light", "dark")}


@pytest.mark.slow  # Graphviz's dot, a process of its own
@pytest.mark.skipif(shutil.which("dot") is None, reason="re-drawing a graph needs Graphviz: apt-get install graphviz")
def test_with_graphviz_a_changed_graph_is_redrawn_and_stamped(mini):
    edit(mini.root / SNIPPET, "torch.tensor(3.0", "torch.tensor(4.0")
    record(mini)
    assert figure_problems(mini) == []
    svg = (mini.root / GRAPH_SVG).read_text()
    assert "\xa0=\xa04</text>" in svg and "grad\xa08</text>" in svg  # y = x·x at 4: the gradient is 8


FONTS_AND_NO_DOT = """
import json, sys
from pathlib import Path
from lessonkit import Project
from lessonkit.site import Site
from lessonkit.verify import Mode, verify

project = Project(Path(sys.argv[1]))
problems = verify(Site.load(project), "mini").problems
done = verify(Site.load(project), "mini", Mode.RECORD)
found = {"problems": problems, "changed": done.changed, "not recorded": done.problems}
print(json.dumps({key: [str(item) for item in items] for key, items in found.items()}))
"""


@pytest.mark.slow  # a Python process of its own, with its own font configuration and PATH
def test_checks_pass_and_rerecording_changes_nothing_under_other_fonts_and_without_graphviz(mini, tmp_path):
    """A clean checkout on a machine with other fonts and no Graphviz: nothing to report, nothing to re-record."""
    fonts = tmp_path / "fonts.conf"  # a font configuration that knows no fonts at all
    fonts.write_text(f'<?xml version="1.0"?>\n<fontconfig><dir>{tmp_path / "no-fonts"}</dir></fontconfig>\n')
    env = {
        "PATH": os.path.dirname(sys.executable),
        "FONTCONFIG_FILE": str(fonts),
        "MPLCONFIGDIR": str(tmp_path / "matplotlib"),
        "HOME": str(tmp_path),
        "PYTHONPATH": os.pathsep.join(sys.path),
    }
    assert shutil.which("dot", path=env["PATH"]) is None
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(FONTS_AND_NO_DOT), str(mini.root)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1]) == {"problems": [], "changed": [], "not recorded": []}


def test_recordings_that_agree_within_float_noise_are_kept_byte_for_byte(mini):
    """The last bits of a float32 computation differ between machines: that is no change to record."""
    path = mini.root / "snippets/figures/outputs/mini/parabola.json"
    content = json.loads(path.read_text())
    content["plot"]["data"]["y"][5] *= 1 + 1e-7
    path.write_text(recordings.figure_text(content))
    before = path.read_bytes()
    for palette in PALETTES:  # the stamps follow the edited bytes, as if recorded on that other machine
        svg = mini.root / f"docs/figures/mini/parabola-{palette.name}.svg"
        from lessonkit.figures.modules import lesson_figures

        (figure,) = [f for f in lesson_figures(mini, "mini") if f.name == "parabola"]
        old = recordings.svg_stamp(svg.read_text())
        svg.write_text(svg.read_text().replace(old, figure.stamp(before.decode(), palette)))
    assert figure_problems(mini) == []
    assert record(mini).changed == []
    assert path.read_bytes() == before
