"""The course's wiring comes from one source (issue 20, item 6): the nav of mkdocs.yml and each lesson's front matter
(`summary:`, `needs:`). The engine writes the "Before this lesson:" and "Next:" lines and the home page's list, and
`-k <lesson>` reports what is missing or wrong with the line to write."""

import markdown
import pytest

from lessonkit.lesson import load
from lessonkit.notebooks import read_cells
from lessonkit.site import Site
from lessonkit.verify import verify
from tests.engine.conftest import PAGE, checked, edit, line_of, page
from tests.engine.test_extension import convert, extensions

NAV = "nav:\n  - Home: index.md\n  - First steps: first.md\n  - Squares: mini.md\n  - Later: later.md\n"
HOME = "# Home\n\nThe lessons:\n\n{{ course }}\n\nHave fun.\n"
FIRST = "---\nsummary: take the first steps\n---\n\n# First steps\n\nHello.\n"
LATER = "---\nsummary: go further with squares\nneeds:\n  mini.md: for the square\n---\n\n# Later\n\nBye.\n"


@pytest.fixture
def course(mini):
    """The fixture as the third page of a course of three lessons and a home page."""
    (mini.root / "mkdocs.yml").write_text(NAV, encoding="utf-8")
    (mini.docs_dir / "index.md").write_text(HOME, encoding="utf-8")
    (mini.docs_dir / "first.md").write_text(FIRST, encoding="utf-8")
    (mini.docs_dir / "later.md").write_text(LATER, encoding="utf-8")
    edit(mini.root / PAGE, "summary: square", "needs:\n  first.md: for the first steps\nsummary: square")
    return mini


def built(project, uri: str) -> str:
    names, settings = extensions(project.root)
    return markdown.Markdown(extensions=names, extension_configs=settings).convert(
        load(project, project.docs_dir / uri).body
    )


def wiring_problems(project, unit: str = "mini") -> list:
    return [p for p in verify(Site.load(project), unit).problems if p.file == f"docs/{unit}.md"]


def test_a_wired_course_checks_clean(course):
    assert checked(course) == []
    assert (
        wiring_problems(course, "index") == wiring_problems(course, "first") == wiring_problems(course, "later") == []
    )


@pytest.mark.parametrize("line", ["Before this lesson: the first steps.", "Next: [Later](later.md)."])
def test_a_hand_written_wiring_line_is_reported_with_the_front_matter_to_write(course, line):
    edit(course.root / PAGE, "## Forward", f"{line}\n\n## Forward")
    (problem,) = wiring_problems(course)
    assert problem.line == line_of(course.root / PAGE, line)
    assert problem.message.startswith("the engine writes this line from the front matter (`needs:`) and the nav")
    assert "needs:\n  chain_rule.md: for the chain rule itself" in problem.message


@pytest.mark.parametrize(
    ("needed", "reason"),
    [("later.md", "comes later in the nav"), ("gone.md", "is not a lesson of the nav")],
    ids=["later-lesson", "unknown-page"],
)
def test_needing_a_later_lesson_or_an_unknown_page_is_reported_at_needs(course, needed, reason):
    edit(course.root / PAGE, "  first.md: for the first steps", f"  first.md: for the first steps\n  {needed}: ''")
    (problem,) = wiring_problems(course)
    assert problem.line == line_of(course.root / PAGE, "needs:")
    assert problem.message == f"needs {needed}, which {reason}: a lesson needs only earlier ones"


def test_a_lesson_that_names_no_needs_is_told_the_lines_to_write(course):
    edit(course.root / PAGE, "needs:\n  first.md: for the first steps\n", "")
    (problem,) = wiring_problems(course)
    assert problem.message.endswith('such as\nneeds:\n  first.md: ""')


def test_needs_of_the_wrong_shape_are_reported_with_an_example(course):
    edit(course.root / PAGE, "needs:\n  first.md: for the first steps\n", "needs: 3\n")
    (problem,) = wiring_problems(course)
    assert problem.line == line_of(course.root / PAGE, "needs:")
    assert problem.message.startswith("`needs:` must list pages, or map each page to why it is needed")


def test_a_lesson_without_a_summary_is_reported_with_the_line_to_write(course):
    edit(course.root / PAGE, "summary: square a number, and find its slope by hand and by autograd\n", "")
    (problem,) = wiring_problems(course)
    assert problem.line == 1
    assert "one-line `summary:`" in problem.message and problem.message.endswith(
        "\nsummary: what the learner does here"
    )


def test_a_lesson_page_not_in_the_nav_is_reported_with_the_nav_line(course):
    (course.root / "mkdocs.yml").write_text(NAV.replace("  - Squares: mini.md\n", ""), encoding="utf-8")
    (problem,) = wiring_problems(course)
    assert (problem.line, problem.message) == (
        1,
        "this lesson is not in the nav: add `- Squares: mini.md` to nav in mkdocs.yml",
    )


def test_the_built_page_says_what_comes_before_under_the_goal_and_what_comes_next_at_the_end(course):
    html = convert(course)
    before = '<p>Before this lesson: <a href="first.md">First steps</a> (for the first steps).</p>'
    goal = html.index('<p class="admonition-title">Goal</p>')
    assert html.index(before) > goal and html.index(before) < html.index('<h2 id="forward">')
    assert html.index("</div>", goal) < html.index(before)  # after the goal block, not inside it
    assert html.rstrip().endswith('<p>Next: <a href="later.md">Later</a>: go further with squares.</p>')


def test_the_first_and_the_last_lesson_point_to_the_home_page(course):
    assert '<p>Before this lesson: nothing but what <a href="index.md">the home page</a> lists.</p>' in built(
        course, "first.md"
    )
    assert (
        built(course, "later.md")
        .rstrip()
        .endswith('<p>Next: back to <a href="index.md">the home page</a>, for the whole course at a glance.</p>')
    )


def test_the_notebook_carries_the_same_lines_with_links_into_the_site(course):
    cells = [cell.source for cell in read_cells(page(course), link_base="https://example.org/course/")]
    text = "\n\n".join(cells)
    assert (
        "Watch the engine at work on $y = x^2$.\n\nBefore this lesson: [First steps](https://example.org/course/first/)"
        in text
    )
    assert cells[-1].endswith("Next: [Later](https://example.org/course/later/): go further with squares.")


def test_the_home_page_lists_the_lessons_of_the_nav_with_their_summaries(course):
    html = built(course, "index.md")
    assert (
        "<ol>\n"
        '<li><a href="first.md">First steps</a>: take the first steps</li>\n'
        '<li><a href="mini.md">Squares</a>: square a number, and find its slope by hand and by autograd</li>\n'
        '<li><a href="later.md">Later</a>: go further with squares</li>\n'
        "</ol>"
    ) in html
    assert "<p>Have fun.</p>" in html and "{{" not in html


def test_the_course_list_is_refused_outside_the_home_page(course):
    edit(course.root / PAGE, "## Forward", "{{ course }}\n\n## Forward")
    (problem,) = wiring_problems(course)
    assert (problem.line, problem.message) == (
        line_of(course.root / PAGE, "{{ course }}"),
        "{{ course }} lists the lessons: it belongs on the home page only",
    )


def test_an_inherited_nav_is_read_relative_to_mkdocs_yml_from_any_folder(course, tmp_path, monkeypatch):
    (course.root / "base.yml").write_text(NAV, encoding="utf-8")
    (course.root / "mkdocs.yml").write_text("INHERIT: base.yml\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # MkDocs reads INHERIT relative to mkdocs.yml, not to where it was started
    assert Site.load(course).course == ["first.md", "mini.md", "later.md"]
    assert checked(course) == []


def test_an_inherited_file_that_cannot_be_read_is_reported_on_the_home_page(course):
    (course.root / "mkdocs.yml").write_text("INHERIT: gone.yml\n", encoding="utf-8")
    (problem,) = [p for p in verify(Site.load(course), "index").problems if p.file == "mkdocs.yml"]
    assert problem.line == 1 and problem.message.startswith("INHERIT: gone.yml cannot be read")
