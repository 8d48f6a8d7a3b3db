"""The site builds under --strict with every page filled in; a broken page fails the build at its line, with either
builder (`python -m lessonkit build`), and every other page is built (issues 19 and 22)."""

import os
import shutil
import subprocess
import sys

import pytest

from lessonkit.build import BUILDERS, ZENSICAL_CONFIG, build
from lessonkit.project import Project
from tests.engine.conftest import PAGE, as_site, edit, line_of
from tests.engine.test_broken_files import latin_1


def test_strict_build_succeeds_without_warnings(built_site):
    assert built_site.returncode == 0, built_site.log
    assert "WARNING" not in built_site.log and "ERROR" not in built_site.log, built_site.log


def test_built_pages_show_no_unprocessed_markup(built_site):
    for page in built_site.site_dir.glob("**/*.html"):
        html = page.read_text(encoding="utf-8")
        for leftover in ("--8&lt;--", "--8<--", "{{", 'class="arithmatex"', "lessonkitbox", "lesson-error"):
            assert leftover not in html, f"{page.relative_to(built_site.site_dir)} still shows {leftover!r}"


@pytest.mark.slow  # a second MkDocs build
def test_a_strict_build_of_a_broken_page_fails_naming_its_line_and_builds_the_rest(mini):
    as_site(mini, ["mini.md"])
    edit(mini.root / PAGE, '"mini/square.py:by_hand"', '"mini/square.py:by_hnd"')
    edit(mini.root / PAGE, "{{ mini/square.py:y:.1f }}, so", "{{ mini/square.py:why:.1f }}, so")
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(mini.root / "site")],
        cwd=mini.root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
    )
    assert build.returncode != 0
    log = build.stdout + build.stderr
    expected = {
        line_of(mini.root / PAGE, "by_hnd"): "snippets/mini/square.py has no section 'by_hnd'",
        line_of(mini.root / PAGE, "why"): "{{ mini/square.py:why:.1f }} has no recorded value",
    }
    logged = [line for line in log.splitlines() if line.startswith("ERROR") and f"{PAGE}:" in line]
    assert len(logged) == len(expected), log  # each broken place once, nothing else
    for line, message in expected.items():
        assert any(f"{PAGE}:{line}: {message}" in entry for entry in logged), log
    assert f"{PAGE} gets no notebook until the error at {PAGE}:{min(expected)}" in log
    # The rest was built: the page itself, with each error where its part would be.
    page = (mini.root / "site" / "mini" / "index.html").read_text(encoding="utf-8")
    assert "autograd: 6.0" in page
    assert all(f"{PAGE}:{line}: {message}" in page for line, message in expected.items())


@pytest.mark.slow  # a build of its own with each builder
@pytest.mark.parametrize("builder", BUILDERS)
def test_a_page_that_is_not_utf_8_fails_the_build_and_shows_where_and_the_rest_is_built(mini, builder):
    as_site(mini, ["mini.md", "other.md"])
    shutil.copy(Project.here().root / ZENSICAL_CONFIG, mini.root)
    (mini.docs_dir / "other.md").write_text("# Other\n\nNothing broken here.\n", encoding="utf-8")
    latin_1(mini)
    site = mini.root / "built"
    status, log, problems = build(mini, builder, site)
    assert [problem for problem in problems if "not UTF-8" in problem] == [
        f"mini/index.html: {PAGE}:6:6: byte 0xE9 is not UTF-8 (text from another encoding, Latin-1 say); "
        "save the file as UTF-8"
    ], log
    assert status != 0 or builder == "zensical", log  # Zensical does not fail on a logged error: `problems` does
    assert "by hand: 6.0" in (site / "mini/index.html").read_text(encoding="utf-8")  # the rest of the page
    assert "Nothing broken here." in (site / "other/index.html").read_text(encoding="utf-8")
