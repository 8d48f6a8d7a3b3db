"""Build the site with MkDocs or Zensical, and fail on any lesson problem, whichever builder ran.

    python -m lessonkit build                      MkDocs and Material, into site/
    python -m lessonkit build --builder zensical   Zensical, Material's successor, into site/
    python -m lessonkit build --site-dir DIR       anywhere (for Zensical, a folder inside the project)
    python -m lessonkit serve --builder zensical   `zensical serve`, with the notebooks kept up to date

Strictness is the project's own. The Markdown extension shows every lesson problem on its page
as an error box carrying file:line and the fix (lessonkit/extension.py); after the build, this
reads every built page and fails with each box's message, so a broken placeholder, a missing
section or a broken directive fails a Zensical build as it fails `mkdocs build --strict`.

For Zensical, the notebooks and workbook pages are written into docs/ first (lessonkit/generate.py),
and the build reads a configuration that inherits mkdocs.yml and adds what Zensical needs
(`zensical.yml`), with the site folder of this build.
"""

import argparse
import html
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import yaml

from lessonkit.generate import MARKDOWN, site_files, write_files
from lessonkit.lesson import page_text
from lessonkit.project import GENERATED, Project
from lessonkit.site import Site, read_config

BUILDERS = ("mkdocs", "zensical")
ZENSICAL_CONFIG = "zensical.yml"  # Zensical's settings, over mkdocs.yml's (see the file)


def build(project: Project, builder: str, site_dir: Path) -> tuple[int, str, list[str]]:
    """Build the site; (the builder's exit status, its log, every lesson problem the built pages show)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if builder == "mkdocs":
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
        done = subprocess.run(command, cwd=project.root, env=env, capture_output=True, text=True)
    else:
        done = _zensical(project, site_dir, env)
    return done.returncode, done.stdout + done.stderr, shown_problems(site_dir)


def _zensical(project: Project, site_dir: Path, env: dict) -> subprocess.CompletedProcess:
    """Zensical on a copy of docs/ with the notebooks and workbooks written into it, so that docs/ stays as it is.

    Zensical reads its folders from its configuration, and only inside the project: the copy and the
    configuration of this one build sit at the project's root, named .zensical-* (git ignores them).
    Zensical keeps a cache of its own in .cache/.
    """
    files, errors = site_files(Site.load(project), read_config(project).get("site_url") or "", MARKDOWN)
    work = project.root / f".zensical-{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(project.docs_dir, work / "docs", ignore=shutil.ignore_patterns(*GENERATED))
    for page in (work / "docs").rglob("*.md"):  # as MkDocs gets them (hooks/pages.py): not UTF-8 shows an error
        page.write_text(page_text(page.read_bytes()), encoding="utf-8")
    write_files(work / "docs", files)
    config = project.root / f".zensical-{os.getpid()}.yml"
    settings = {
        "INHERIT": ZENSICAL_CONFIG,
        "docs_dir": os.path.relpath(work / "docs", project.root),
        "site_dir": os.path.relpath(site_dir, project.root),
    }
    config.write_text(yaml.safe_dump(settings), encoding="utf-8")
    try:
        done = subprocess.run(
            [sys.executable, "-m", "zensical", "build", "--config-file", config.name],
            cwd=project.root,
            env=env,
            capture_output=True,
            text=True,
        )
    finally:
        config.unlink()
        shutil.rmtree(work, ignore_errors=True)
    notes = "".join(f"WARNING -  {error}\n" for error in errors)  # lessons that get no notebook, and why
    return subprocess.CompletedProcess(done.args, done.returncode, done.stdout + notes, done.stderr)


def shown_problems(site_dir: Path) -> list[str]:
    """The message of every error box on every built page, as the page shows it."""
    found = []
    for page in sorted(site_dir.rglob("*.html")):
        reader = _ErrorBoxes()
        reader.feed(page.read_text(encoding="utf-8"))
        found += [f"{page.relative_to(site_dir).as_posix()}: {message}" for message in reader.messages]
    return found


class _ErrorBoxes(HTMLParser):
    """The text of each element of class `lesson-error` (the extension's error boxes, inline or block), without a
    block's title ("This part of the page could not be built")."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.messages: list[str] = []
        self._depth = 0  # > 0 inside an error box
        self._title = 0  # the depth of the box's title while inside it, else 0
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if self._depth:
            self._depth += 1
            if "admonition-title" in classes:
                self._title = self._depth
        elif "lesson-error" in classes:
            self._depth, self._text = 1, []

    def handle_endtag(self, tag):
        if self._depth:
            if self._depth == self._title:
                self._title = 0
            self._depth -= 1
            if not self._depth:
                self.messages.append(html.unescape(" ".join("".join(self._text).split())))

    def handle_data(self, data):
        if self._depth and not self._title:
            self._text.append(data)


def serve(project: Project) -> int:
    """`zensical serve`, after writing the notebooks and workbooks it serves; the extension keeps them current."""
    files, errors = site_files(Site.load(project), read_config(project).get("site_url") or "", MARKDOWN)
    write_files(project.docs_dir, files)
    for error in errors:
        print(f"WARNING -  {error}")
    try:
        command = [sys.executable, "-m", "zensical", "serve", "--config-file", ZENSICAL_CONFIG]
        return subprocess.run(command, cwd=project.root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}).returncode
    except KeyboardInterrupt:
        return 0
    finally:
        write_files(project.docs_dir, {})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lessonkit", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("build", "serve"))
    parser.add_argument("--builder", choices=BUILDERS, default="mkdocs")
    parser.add_argument("--site-dir", type=Path, default=None, help="where to build (default: site/)")
    options = parser.parse_args(argv)
    project = Project(Path.cwd())
    if options.command == "serve":
        if options.builder == "mkdocs":
            sys.exit("for MkDocs, run: NO_MKDOCS_2_WARNING=1 mkdocs serve")
        return serve(project)
    site_dir = (options.site_dir or project.root / "site").resolve()
    status, log, problems = build(project, options.builder, site_dir)
    print(log, end="")
    for problem in problems:
        print(f"ERROR   -  {problem}")
    if problems:
        print(f"The site shows {len(problems)} lesson problem(s): the build fails.")
    return 1 if status or problems else 0
