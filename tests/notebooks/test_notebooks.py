"""Every lesson's notebook runs in a fresh kernel, prints what its page shows, and is served by the site."""

import difflib
import re
import sys

import nbformat
import pytest
from mkdocs.config import load_config

from lessonkit.notebooks import NOT_IN_WORKBOOK, notebook_text, read_cells
from lessonkit.recordings import read_output
from tests.built_html import foreign_loads, local_targets
from tests.notebooks.conftest import lessons

LESSONS = [pytest.param(lesson, id=lesson.stem, marks=pytest.mark.lesson(lesson.stem)) for lesson in lessons()]
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.mark.parametrize("lesson", LESSONS)
def test_notebook_runs_and_prints_what_the_page_shows(lesson, notebook_run):
    executed = notebook_run(lesson)
    problems = []
    for cell, run in zip(read_cells(lesson), executed.cells, strict=False):  # the run appends wrong answers
        if cell.kind != "code" or cell.include is None or run.source != cell.source:
            continue  # exercise cells, and the code of a fix, which the run replaces with the fixed code
        where = f"{lesson.name}:{cell.include.line}: {cell.include.target}:{cell.include.section}"
        errors = [output for output in run.outputs if output.output_type == "error"]
        if errors:
            problems.append(f"{where} fails in the notebook:\n" + _ANSI.sub("", "\n".join(errors[0].traceback)))
            break  # the cells after it never ran
        shown = read_output(lesson.recording(cell.include)) or ""
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


@pytest.mark.parametrize("lesson", LESSONS)
def test_solved_exercises_pass_every_check_and_wrong_answers_fail_it(lesson, notebook_run):
    executed = notebook_run(lesson)
    checks, wrong = (
        [cell for cell in executed.cells if tag in cell.metadata.get("tags", [])] for tag in ("check", "wrong")
    )
    assert len(checks) == len(wrong) == len(lesson.exercises)
    said = [(_stream(cell, "stdout"), cell.source) for cell in checks]
    assert all(printed.strip().endswith("Right.") for printed, _ in said), said
    said = [(_stream(cell, "stdout"), cell.source) for cell in wrong]
    assert all(": Not yet" in printed for printed, _ in said), said


def test_notebooks_need_only_python_torch_and_sympy():
    """A downloaded notebook runs in plain Jupyter or Colab: it imports the standard library, torch and sympy only."""
    allowed = set(sys.stdlib_module_names) | {"torch", "sympy"}
    for lesson in lessons():
        code = "\n".join(cell.source for cell in read_cells(lesson) if cell.kind == "code")
        imported = {
            line.split()[1].split(".")[0] for line in code.splitlines() if line.startswith(("import ", "from "))
        }
        assert imported <= allowed, f"{lesson.name}'s notebook imports {sorted(imported - allowed)}"


def _stream(cell: nbformat.NotebookNode, name: str) -> str:
    return "".join(output.text for output in cell.outputs if output.output_type == "stream" and output.name == name)


def test_each_lesson_page_offers_its_notebook(project, built_site):
    assert built_site.returncode == 0, built_site.log
    site_url = load_config(str(project.root / "mkdocs.yml")).site_url
    for lesson in lessons():
        html_path = built_site.site_dir / lesson.stem / "index.html"
        link = re.search(r'<a [^>]*href="([^"]+)"[^>]*>Download notebook</a>', html_path.read_text(encoding="utf-8"))
        assert link, f"{lesson.name} shows no 'Download notebook' link"
        download = (html_path.parent / link[1]).resolve()
        assert download == (built_site.site_dir / "notebooks" / lesson.notebook_name).resolve()
        assert download.read_text(encoding="utf-8") == notebook_text(lesson, site_url)


def test_workbook_pages_load_nothing_from_other_hosts_and_leave_out_solutions(built_site):
    assert built_site.returncode == 0, built_site.log
    search_index = (built_site.site_dir / "search" / "search_index.json").read_text(encoding="utf-8")
    for lesson in lessons():
        html_path = built_site.site_dir / "workbooks" / lesson.stem / "index.html"
        html = html_path.read_text(encoding="utf-8")
        where = html_path.relative_to(built_site.site_dir)
        assert not foreign_loads(html), f"{where} loads from other hosts: {foreign_loads(html)}"
        assert "mathjax" not in html.lower(), where
        assert f"workbooks/{lesson.stem}/" not in search_index, f"{where} repeats its lesson in search results"
        assert "celltag_" + NOT_IN_WORKBOOK not in html, f"{where} shows a solution or exercise cell"
        assert "lesson-answer" not in html and "check(1, " not in html, f"{where} shows an exercise cell"
        prose = re.sub(
            r'<(pre|code|script|style)\b.*?</\1>|<div [^>]*class="clipboard-copy-txt".*?</div>',
            "",
            html,
            flags=re.DOTALL,
        )
        assert "$" not in prose, f"{where} still shows TeX, not MathML"
        for target in local_targets(html):
            resolved = (built_site.site_dir if target.startswith("/") else html_path.parent) / target.lstrip("/")
            assert (resolved / "index.html" if resolved.is_dir() else resolved).is_file(), f"{where}: {target}"
