"""The real project's figures: each plot draws from its recording, each SVG is small, each page shows its figures."""

import html
import re

import pytest

from lessonkit import recordings
from lessonkit.figures.figure import LIGHT
from lessonkit.figures.modules import figure_lessons, lesson_figures
from lessonkit.lesson import load_all
from tests.test_pages import PROJECT

# A lesson page may transfer at most 350 KiB; one picture in one palette may take a sixth of that.
MAX_SVG_BYTES = 60 * 1024
PLOTS = [
    pytest.param(lesson, figure, id=f"{lesson}/{figure.name}", marks=pytest.mark.lesson(lesson))
    for lesson in figure_lessons(PROJECT)
    for figure in lesson_figures(PROJECT, lesson)
    if "plot" in figure.content
]


@pytest.mark.parametrize(("lesson", "figure"), PLOTS)
def test_every_plot_draws_from_its_recording_at_the_size_its_page_shows(lesson, figure):
    """Matplotlib alone (no Graphviz): the drawing code runs on the recorded content, and lays out the same box."""
    name = f"{lesson}/{figure.name}"
    drawn = figure.draw(recordings.read_figure(PROJECT, name), LIGHT)
    shown = recordings.read_svg(recordings.svg_path(PROJECT, name, LIGHT.name))
    assert recordings.svg_size(drawn) == recordings.svg_size(shown)


def test_every_picture_is_small(project):
    sizes = {project.display(path): path.stat().st_size for path in project.docs_dir.glob("figures/*/*.svg")}
    assert {name: size for name, size in sizes.items() if size > MAX_SVG_BYTES} == {}


def test_the_built_pages_carry_each_figure_with_its_recorded_alt_text(project, built_site):
    shown = 0
    for lesson in load_all(project):
        page = (built_site.site_dir / lesson.stem / "index.html").read_text(encoding="utf-8") if lesson.has_code else ""
        images = {src: html.unescape(alt) for alt, src in re.findall(r'<img alt="([^"]*)"[^>]*src="([^"]+)"', page)}
        for directive in lesson.directives("figure"):
            alt = lesson.figure(directive)["alt"]
            for palette in ("light", "dark"):
                src = f"../figures/{directive.figure}-{palette}.svg#only-{palette}"
                assert images.get(src) == alt, f"{lesson.name}: {src}"
                shown += 1
    assert shown == 2 * sum(len(lesson.directives("figure")) for lesson in load_all(project)) > 0
