"""The site builds under --strict with every page filled in; a broken page fails the build at its line."""

import os
import subprocess
import sys

import pytest

from tests.engine.conftest import PAGE, as_site, edit, line_of


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
