"""`mkdocs build --strict` fails on a broken link or anchor: proved on a copy of the project with some.

One build holds all of them: each must be reported as a warning naming the page, and the build
must fail (with --strict any one warning fails it, as test_build.py's clean build shows by contrast).
"""

import os
import shutil
import subprocess
import sys

import pytest

BROKEN = {
    "page that does not exist": "[a lost page](no_such_lesson.md)",
    "heading that does not exist": "[a lost heading](#no-such-heading)",
    "heading on another page that does not exist": "[a lost heading elsewhere]({other}#no-such-heading-there)",
}


@pytest.fixture(scope="module")
def broken_build(project, built_site, tmp_path_factory):
    """mkdocs.yml, docs/, snippets/ and overrides/ copied, lessonkit linked (the config names its hooks),
    and the broken links added to the home page."""
    if built_site.returncode != 0:
        pytest.skip("the project itself does not build; see tests/engine/test_build.py")
    copy = tmp_path_factory.mktemp("project")
    shutil.copy(project.root / "mkdocs.yml", copy)
    for folder in ("docs", "snippets", "overrides"):
        shutil.copytree(project.root / folder, copy / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "lessonkit").symlink_to(project.root / "lessonkit", target_is_directory=True)
    other = next(path.name for path in sorted((copy / "docs").glob("*.md")) if path.name != "index.md")
    links = {case: markdown.format(other=other) for case, markdown in BROKEN.items()}
    with (copy / "docs" / "index.md").open("a", encoding="utf-8") as page:
        page.write("\n\n" + "\n\n".join(links.values()) + "\n")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(copy / "site")],
        cwd=copy,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    return done.returncode, done.stdout + done.stderr, links


def test_strict_build_fails(broken_build):
    returncode, log, _ = broken_build
    assert returncode != 0, log


@pytest.mark.parametrize("case", BROKEN, ids=lambda case: case.replace(" ", "_"))
def test_broken_link_is_reported_with_its_page(broken_build, case):
    _, log, links = broken_build
    target = links[case].split("](", 1)[1].rstrip(")")
    warnings = [line for line in log.splitlines() if line.startswith("WARNING") and f"'{target}'" in line]
    assert warnings, f"no warning for the link to {target}:\n{log}"
    assert "index.md" in warnings[0], warnings[0]
