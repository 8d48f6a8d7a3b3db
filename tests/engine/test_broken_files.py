"""Every broken file gets file:line and the fix, never a traceback (issue 19, item 6): from the checks, from the build
(the page shows the error and the rest of it is built) and from the notebook builder (a LessonError). One broken page
never stops the site index from loading the others."""

import json
import logging

import pytest
from mkdocs.utils.meta import get_data

from lessonkit import LessonError, Project
from lessonkit.notebooks import notebook_text
from lessonkit.site import Site
from tests.engine.conftest import PAGE, checked, edit, page, record
from tests.engine.test_extension import extensions

VALUES = "snippets/mini/outputs/square/values.json"
SVG = "docs/figures/mini/parabola-light.svg"
OUTPUT = "snippets/mini/outputs/square/forward.txt"


def wrong_shape(project: Project):
    (project.root / VALUES).write_text('{\n  "x:g": 3,\n  "y:.1f": "9.0"\n}\n', encoding="utf-8")


def open_quote(project: Project):
    edit(project.root / PAGE, "description: A fixture", 'description: "A fixture')


def latin_1(project: Project):
    path = project.root / PAGE
    path.write_bytes(path.read_bytes().replace(b"# Squares", b"# Squ\xe9res"))


def size_without_points(project: Project):
    for palette in ("light", "dark"):
        edit(
            project.root / SVG.replace("light", palette), 'width="230.4pt" height="172.8pt"', 'width="230" height="172"'
        )


def output_not_utf_8(project: Project):
    (project.root / OUTPUT).write_bytes(b"y = 9.0 \xe9\n")


# Each broken file: what the checks report (file, line, column or None) and the words of the fix.
BROKEN = {
    "values-of-the-wrong-shape": (wrong_shape, (VALUES, 1, None), "valid JSON but not an object of names and texts"),
    "front-matter-with-an-open-quote": (open_quote, (PAGE, 3, 69), "the front matter is not valid YAML"),
    "a-latin-1-byte-in-a-page": (latin_1, (PAGE, 6, 6), "byte 0xE9 is not UTF-8 (text from another encoding"),
    "an-svg-size-without-pt": (size_without_points, (SVG, 1, None), "was edited after it was drawn"),
    "an-output-that-is-not-utf-8": (output_not_utf_8, (OUTPUT, 1, 9), "byte 0xE9 is not UTF-8"),
}
FIX = {
    "values-of-the-wrong-shape": "`pytest --update-outputs` rebuilds it",
    "front-matter-with-an-open-quote": "check its quotes, colons and indentation",
    "a-latin-1-byte-in-a-page": "save the file as UTF-8",
    "an-svg-size-without-pt": "run `pytest --update-outputs` to draw it",
    "an-output-that-is-not-utf-8": "`pytest --update-outputs` rebuilds it",
}


def as_mkdocs_reads_it(project: Project) -> str:
    """The Markdown MkDocs hands to the extensions: the page without the front matter it could read."""
    with open(project.root / PAGE, encoding="utf-8-sig", errors="replace") as file:  # universal line ends, as MkDocs
        return get_data(file.read())[0]


def build(project: Project) -> str:
    import markdown

    names, settings = extensions(project.root)
    return markdown.Markdown(extensions=names, extension_configs=settings).convert(as_mkdocs_reads_it(project))


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_the_check_names_the_file_and_line_and_the_fix(mini, case):
    breaks, where, message = BROKEN[case]
    breaks(mini)
    found = [p for p in checked(mini) if (p.file, p.line, p.column) == where]
    assert found, f"nothing reported at {where}"
    assert message in found[0].message and FIX[case] in found[0].message


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_recording_rebuilds_what_it_can_and_never_raises(mini, case):
    breaks, where, _ = BROKEN[case]
    breaks(mini)
    done = record(mini)  # a traceback here fails the test
    if where[0] in (VALUES, OUTPUT):  # recordings: written again
        assert mini.root / where[0] in done.changed
        assert checked(mini) == []


@pytest.mark.parametrize("case", sorted(set(BROKEN) - {"an-svg-size-without-pt"}))
def test_the_built_page_shows_the_error_and_the_rest_of_the_page(mini, case, caplog):
    breaks, (file, line, column), _ = BROKEN[case]
    breaks(mini)
    with caplog.at_level(logging.ERROR, logger="mkdocs.plugins.lessonkit"):
        html = build(mini)
    where = f"{file}:{line}" + (f":{column}" if column else "")
    assert f"{where}: " in html and "lesson-error" in html
    assert any(logged.startswith(f"{where}: ") for logged in caplog.messages)
    assert "autograd: 6.0" in html  # the rest of the page is built


def test_the_built_page_shows_an_svg_whose_size_it_cannot_read_as_an_error(mini, caplog):
    size_without_points(mini)
    with caplog.at_level(logging.ERROR, logger="mkdocs.plugins.lessonkit"):
        html = build(mini)
    message = f'{SVG}:1: this drawing gives no width="…pt" height="…pt" on its &lt;svg&gt;; `pytest --update-outputs`'
    assert message in html
    assert "autograd: 6.0" in html


@pytest.mark.parametrize(
    "case", ["values-of-the-wrong-shape", "front-matter-with-an-open-quote", "a-latin-1-byte-in-a-page"]
)
def test_the_notebook_builder_raises_a_lesson_error_naming_the_file_and_line(mini, case):
    breaks, (file, line, column), message = BROKEN[case]
    breaks(mini)
    with pytest.raises(LessonError) as error:
        notebook_text(page(mini))
    assert (error.value.problem.file, error.value.problem.line, error.value.problem.column) == (file, line, column)
    assert message in error.value.problem.message


def test_the_workbook_notebook_needs_the_svg_size_and_names_the_svg(mini):
    size_without_points(mini)
    notebook_text(page(mini))  # a download carries its figure: no size needed
    with pytest.raises(LessonError) as error:
        notebook_text(page(mini), link_base="../", embed_figures=False)
    assert (error.value.problem.file, error.value.problem.line) == (SVG, 1)


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_the_site_index_loads_every_other_page(mini, case):
    (mini.docs_dir / "other.md").write_text("# Other\n\nNothing broken here.\n", encoding="utf-8")
    BROKEN[case][0](mini)
    site = Site.load(mini)
    assert sorted(lesson.uri for lesson in site.lessons) == ["mini.md", "other.md"]
    assert site.page("other.md").title == "Other" and site.page("other.md").problems_reading == []


def test_a_page_with_windows_line_ends_is_the_same_page(mini):
    path = mini.root / PAGE
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert checked(mini) == []
    html = build(mini)
    assert "The square is 9.0, so" in html and "lesson-error" not in html


def test_a_recording_of_the_wrong_shape_names_its_file_for_every_kind(mini):
    (mini.root / "snippets/figures/outputs/mini/parabola.json").write_text('{"alt": 3}\n', encoding="utf-8")
    (mini.root / "snippets/mini/outputs/recorded-from.json").write_text("[1]\n", encoding="utf-8")
    found = {(p.file, p.line): p.message for p in checked(mini)}
    assert 'not an object with an "alt" text' in found[("snippets/figures/outputs/mini/parabola.json", 1)]
    assert "not an object of snippets and digests" in found[("snippets/mini/outputs/recorded-from.json", 1)]
    assert json.loads((mini.root / "snippets/mini/outputs/recorded-from.json").read_text()) == [1]
    record(mini)
    assert checked(mini) == []


def test_a_page_with_a_byte_order_mark_is_the_same_page_and_the_mark_is_reported(mini):
    path = mini.root / PAGE
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    found = [str(p) for p in checked(mini)]
    assert len(found) == 1 and found[0].startswith(f"{PAGE}:1:1: invisible character U+FEFF")  # its front matter reads
    html = build(mini)
    assert "The square is 9.0, so" in html and "(a page)" not in html
