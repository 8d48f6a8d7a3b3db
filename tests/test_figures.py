"""The real project's figures: each plot draws from its recording, each SVG is small, each page shows its figures."""

import html
import json
import re
from collections import Counter

import pytest
import torch

from lessonkit import recordings, run_snippet
from lessonkit.figures.figure import LIGHT
from lessonkit.site import Site
from lessonkit.syntax import FigureDirective
from tests.lessons.figures import figure
from tests.test_pages import PROJECT

# A lesson page may transfer at most 350 KiB; one picture in one palette may take a sixth of that.
MAX_SVG_BYTES = 60 * 1024
# Each recorded plot, named without running any lesson: collection stays fast, and -k picks one lesson's.
PLOTS = [
    pytest.param(
        path.parent.name, path.stem, id=f"{path.parent.name}/{path.stem}", marks=pytest.mark.lesson(path.parent.name)
    )
    for path in sorted(PROJECT.snippets_dir.glob("figures/outputs/*/*.json"))
    if "plot" in json.loads(path.read_text(encoding="utf-8"))
]


@pytest.mark.slow  # drawing with matplotlib
@pytest.mark.parametrize(("lesson", "name"), PLOTS)
def test_every_plot_draws_from_its_recording_at_the_size_its_page_shows(lesson, name):
    """Matplotlib alone (no Graphviz): the drawing code runs on the recorded content, and lays out the same box."""
    drawn = figure(lesson, name).draw(recordings.read_figure(PROJECT, f"{lesson}/{name}"), LIGHT)
    shown = recordings.read_svg(recordings.svg_path(PROJECT, f"{lesson}/{name}", LIGHT.name))
    path = recordings.svg_path(PROJECT, f"{lesson}/{name}", LIGHT.name)
    assert recordings.svg_size(PROJECT, path, drawn) == recordings.svg_size(PROJECT, path, shown)


def test_every_picture_is_small(project):
    sizes = {project.display(path): path.stat().st_size for path in project.docs_dir.glob("figures/*/*.svg")}
    assert {name: size for name, size in sizes.items() if size > MAX_SVG_BYTES} == {}


def test_the_built_pages_carry_each_figure_with_its_recorded_alt_text(project, built_site):
    shown = 0
    for lesson in Site.load(project).lessons:
        page = (built_site.site_dir / lesson.stem / "index.html").read_text(encoding="utf-8") if lesson.has_code else ""
        images = {src: html.unescape(alt) for alt, src in re.findall(r'<img alt="([^"]*)"[^>]*src="([^"]+)"', page)}
        for directive in lesson.directives(FigureDirective):
            alt = lesson.figure(directive)["alt"]
            for palette in ("light", "dark"):
                src = f"../figures/{directive.figure}-{palette}.svg#only-{palette}"
                assert images.get(src) == alt, f"{lesson.name}: {src}"
                shown += 1
    assert shown == 2 * sum(len(lesson.directives(FigureDirective)) for lesson in Site.load(project).lessons) > 0


# --- the figures of the later lessons, against the maths (their lesson test modules hold the rest) ---------------


@pytest.mark.lesson("build_autograd")
def test_our_graph_and_pytorchs_have_the_same_shape_but_for_the_constants():
    graphs = figure("build_autograd", "warm_up_graphs").data["graphs"]
    ours, torchs = graphs["ours"], graphs["PyTorch's"]
    assert ours.links() == Counter(
        {("x", "×"): 2, ("×", "×"): 1, ("const", "×"): 1, ("×", "+"): 1, ("const", "+"): 1, ("+", "z"): 1}
    )
    assert torchs.links() == Counter(
        {
            ("x_t", "MulBackward0"): 2,
            ("MulBackward0", "MulBackward0"): 1,
            ("MulBackward0", "AddBackward0"): 1,
            ("AddBackward0", "z_t"): 1,
        }
    )
    for graph, x in [(ours, "x"), (torchs, "x_t")]:
        # z = 2x² + 3 at x = 3.5: each arrow out of x carries dz/dy · x = 2 · 3.5, and x.grad = 4x.
        assert [edge.grad.item() for edge in graph.edges if edge.source.name == x] == [7.0, 7.0]
        (leaf,) = [node for node in graph.leaves() if node.name == x]
        assert leaf.grad.item() == 4 * 3.5


@pytest.mark.lesson("model_that_learns")
def test_the_decision_regions_are_each_models_own_predictions():
    run = run_snippet("model_that_learns/train.py")
    data = figure("model_that_learns", "decision_boundaries").data
    points = data["points"]
    for region, model in zip(data["regions"].values(), [run["logistic"], run["network"]], strict=True):
        for i, j in [(0, 0), (10, 40), (25, 25), (50, 3)]:
            point = torch.tensor([[points[j].item(), points[i].item()]])  # region[i][j]: x2 = points[i], x1 = points[j]
            with torch.no_grad():
                assert region[i][j].item() == int(model(point).item() > 0)


@pytest.mark.lesson("model_that_learns")
def test_the_loss_surface_is_the_mean_cross_entropy_worked_out_in_float64():
    run = run_snippet("model_that_learns/train.py")
    data = figure("model_that_learns", "loss_surface").data
    u, t = run["u"].double(), run["t"].double()
    for i, j in [(0, 0), (15, 7), (30, 30)]:
        w, b = data["w"][j].double(), data["b"][i].double()
        p = torch.sigmoid(w * u + b)
        expected = -(t * torch.log(p) + (1 - t) * torch.log(1 - p)).mean()
        assert data["loss"][i][j].item() == pytest.approx(expected.item(), rel=1e-5)
    assert data["loss"].min().item() >= run["best_loss"] - 1e-4  # the marked bottom is the lowest point shown
