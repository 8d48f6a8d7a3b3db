"""Every lesson's notebook runs top to bottom, prints what its page shows, and is served by the site."""

import difflib
import re

import nbformat
import pytest
from mkdocs.config import load_config

from lessonkit import Project
from lessonkit.notebooks import SOLUTION_TAG, lesson_pages, notebook_name, notebook_text, read_lesson
from lessonkit.pages import parse_page
from lessonkit.problems import SnippetError
from lessonkit.sections import read_sections

PROJECT = Project.here()
PAGES = lesson_pages(PROJECT)
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.stem)
def test_notebook_runs_and_prints_what_the_page_shows(project, page, notebook_run):
    executed = notebook_run(page)
    problems = []
    for cell, run in zip(read_lesson(project, page), executed.cells, strict=True):
        if cell.kind != "code":
            continue
        where = f"{project.display(page)}:{cell.include.line}: {cell.include.target}:{cell.include.section}"
        errors = [output for output in run.outputs if output.output_type == "error"]
        if errors:
            problems.append(f"{where} fails in the notebook:\n" + _ANSI.sub("", "\n".join(errors[0].traceback)))
            break  # the cells after it never ran
        recording = project.output_recording(cell.include.target, cell.include.section)
        shown = recording.read_text(encoding="utf-8") if recording.is_file() else ""
        printed, warned = (_stream(run, name) for name in ("stdout", "stderr"))
        if printed != shown:
            diff = "".join(
                difflib.unified_diff(
                    shown.splitlines(True), printed.splitlines(True), "shown on the page", "printed in the notebook"
                )
            )
            problems.append(
                f"{where} prints something else in the notebook, where it shares one namespace "
                f"with the cells above it:\n{diff}"
            )
        if warned:
            problems.append(f"{where} writes to stderr in the notebook, which the page does not show:\n{warned}")
    assert not problems, "\n" + "\n".join(problems)


def _stream(cell: nbformat.NotebookNode, name: str) -> str:
    return "".join(output.text for output in cell.outputs if output.output_type == "stream" and output.name == name)


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.stem)
def test_notebook_is_clean_and_holds_the_pages_sections_in_order(project, page):
    text = notebook_text(project, page)
    assert text == notebook_text(project, page), "generating the notebook twice gave different files"
    notebook = nbformat.reads(text, as_version=nbformat.NO_CONVERT)
    nbformat.validate(notebook)
    assert notebook.metadata.kernelspec.name == "python3"
    assert notebook.metadata.language_info.version == "3.11"
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(cell.outputs == [] and cell.execution_count is None for cell in code)
    includes = [
        include
        for fence in parse_page(page.read_text(encoding="utf-8")).fences
        for include in fence.includes
        if include.is_code
    ]
    assert [cell.source for cell in code] == [
        _section_code(project, include.target, include.section) for include in includes
    ]
    prose = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    for leftover in ("--8<--", "{{", "\n!!! ", "\n??? ", '\n=== "', "<figure", "#only-"):
        assert leftover not in prose, f"the notebook's prose still shows {leftover.strip()!r}"


def _section_code(project: Project, target: str, name: str) -> str:
    path = project.snippet(target)
    return next(section.code for section in read_sections(path, target) if section.name == name).rstrip("\n")


DEMO_PAGE = """\
---
description: Front matter is not prose.
---

# Squares

!!! abstract "Goal"
    Learn $x^2$; see [the chain rule](chain_rule.md#the-rule-in-one-line).

```{.python notest title="snippets/demo/square.py"}
--8<-- "demo/square.py:setup"
```

```{.text .no-copy title="Output"}
--8<-- "demo/outputs/square/setup.txt"
```

The square is {{ demo/square.py:y:.1f }}.

<figure markdown="span">
![A square](figures/square-light.svg#only-light){ width="20" height="10" }
![A square](figures/square-dark.svg#only-dark){ width="20" height="10" }
<figcaption markdown>Its side is 3.</figcaption>
</figure>

??? success "Solution"

    Multiply:

    === "By hand"

        ```{.python notest}
        --8<-- "demo/square.py:by_hand"
        ```

    ```text
    a plain block stays in the prose
    ```

After the solution.
"""

DEMO_SNIPPET = """\
# --8<-- [start:setup]
x = 3.0
y = x * x
print(y)
# --8<-- [end:setup]

# --8<-- [start:by_hand]
by_hand = 2 * x
# --8<-- [end:by_hand]
"""


@pytest.fixture
def demo(tmp_path) -> Project:
    for path, text in {
        "docs/demo.md": DEMO_PAGE,
        "snippets/demo/square.py": DEMO_SNIPPET,
        "docs/figures/square-light.svg": "<svg/>",
        "docs/figures/square-dark.svg": "<svg/>",
        "snippets/demo/outputs/square/setup.txt": "9.0\n",
        "snippets/demo/outputs/square/values.json": '{"y:.1f": "9.0"}\n',
    }.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    return Project(tmp_path)


def test_prose_becomes_markdown_and_sections_become_code_cells(demo):
    cells = read_lesson(demo, demo.docs_dir / "demo.md")
    assert [(cell.kind, cell.source, cell.folded, cell.opens_fold) for cell in cells] == [
        ("markdown", "# Squares\n\n**Goal**\n\nLearn $x^2$; see the chain rule.", False, False),
        ("code", "x = 3.0\ny = x * x\nprint(y)", False, False),
        ("markdown", "The square is 9.0.\n\n![A square](attachment:square-light.svg)\n\nIts side is 3.", False, False),
        ("markdown", "**Solution** (the cells below are collapsed: click one to open it)", False, True),
        ("markdown", "Multiply:\n\n**By hand**", True, False),
        ("code", "by_hand = 2 * x", True, False),
        ("markdown", "```text\na plain block stays in the prose\n```", True, False),
        ("markdown", "After the solution.", False, False),
    ]


def test_a_notebook_carries_its_figures_in_the_light_palette(demo):
    cell = read_lesson(demo, demo.docs_dir / "demo.md")[2]
    assert cell.attachments == {"square-light.svg": {"image/svg+xml": "PHN2Zy8+"}}  # "<svg/>"


def test_on_the_site_links_and_figures_lead_into_it(demo):
    cells = read_lesson(demo, demo.docs_dir / "demo.md", link_base="../../", embed_figures=False)
    assert "see [the chain rule](../../chain_rule/#the-rule-in-one-line)." in cells[0].source
    assert cells[2].source.split("\n\n")[1].split("\n") == [
        '<img src="../../figures/square-light.svg#only-light" alt="A square" width="20" height="10">',
        '<img src="../../figures/square-dark.svg#only-dark" alt="A square" width="20" height="10">',
    ]
    assert not cells[2].attachments


def test_solutions_are_tagged_and_start_collapsed(demo):
    notebook = nbformat.reads(notebook_text(demo, demo.docs_dir / "demo.md"), as_version=nbformat.NO_CONVERT)
    tagged = [cell for cell in notebook.cells if SOLUTION_TAG in cell.metadata.get("tags", [])]
    assert len(tagged) == 4  # the title, then the folded prose, code and prose
    assert [cell.metadata.get("jupyter") for cell in tagged] == [
        None,
        {"source_hidden": True},
        {"source_hidden": True, "outputs_hidden": True},
        {"source_hidden": True},
    ]


def test_a_missing_value_names_the_page_and_line(demo):
    (demo.snippets_dir / "demo/outputs/square/values.json").write_text("{}\n", encoding="utf-8")
    with pytest.raises(SnippetError, match=r"docs/demo.md:18: .*has no recorded value; run `pytest --update-outputs`"):
        read_lesson(demo, demo.docs_dir / "demo.md")


def test_each_lesson_page_offers_its_notebook(project, built_site):
    assert built_site.returncode == 0, built_site.log
    site_url = load_config(str(project.root / "mkdocs.yml")).site_url
    for page in PAGES:
        name = notebook_name(project, page)
        html_path = built_site.site_dir / name.removesuffix(".ipynb") / "index.html"
        link = re.search(r'<a [^>]*href="([^"]+)"[^>]*>Download notebook</a>', html_path.read_text(encoding="utf-8"))
        assert link, f"{project.display(page)} shows no 'Download notebook' link"
        download = (html_path.parent / link[1]).resolve()
        assert download == (built_site.site_dir / "notebooks" / name).resolve()
        assert download.read_text(encoding="utf-8") == notebook_text(project, page, site_url)


def test_workbook_pages_load_nothing_from_other_hosts_and_leave_out_solutions(project, built_site):
    assert built_site.returncode == 0, built_site.log
    search_index = (built_site.site_dir / "search" / "search_index.json").read_text(encoding="utf-8")
    for page in PAGES:
        workbook = notebook_name(project, page).removesuffix(".ipynb")
        html_path = built_site.site_dir / "workbooks" / workbook / "index.html"
        html = html_path.read_text(encoding="utf-8")
        where = html_path.relative_to(built_site.site_dir)
        assert not _loads_from_other_hosts(html), f"{where}: {_loads_from_other_hosts(html)}"
        assert "mathjax" not in html.lower(), where
        assert f"workbooks/{workbook}/" not in search_index, f"{where} repeats its lesson in search results"
        assert "celltag_" + SOLUTION_TAG not in html, f"{where} shows a solution cell"
        prose = re.sub(
            r'<(pre|code|script|style)\b.*?</\1>|<div [^>]*class="clipboard-copy-txt".*?</div>',
            "",
            html,
            flags=re.DOTALL,
        )
        assert "$" not in prose, f"{where} still shows TeX, not MathML"
        for target in re.findall(r'(?:href|src)="(?![a-z][a-z0-9+.-]*:|#|//)([^"#?]+)', html):
            resolved = html_path.parent / target
            assert (resolved / "index.html" if resolved.is_dir() else resolved).is_file(), f"{where}: {target}"


def _loads_from_other_hosts(html: str) -> list[str]:
    """Tags, script imports and CSS URLs that would fetch from another host ("canonical" only names the page)."""
    other_host = r"""\s*["']?(?:[a-z]+:)?//"""
    tags = [
        tag
        for tag in re.findall(r"<(?:script|link|img|iframe|source|video|audio)\b[^>]*>", html)
        if re.search(rf"(?:src|href)={other_host}", tag) and 'rel="canonical"' not in tag
    ]
    return tags + re.findall(rf"(?:import\s*\(|@import|url\(){other_host}", html)
