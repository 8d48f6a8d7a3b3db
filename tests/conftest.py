"""Shared fixtures: the project under test, the built site, and the `--update-outputs` switch."""

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from lessonkit import Project
from lessonkit.checks import record


def pytest_addoption(parser):
    parser.addoption(
        "--update-outputs",
        action="store_true",
        help="re-record every snippet's printed output and every value quoted in prose, then check as usual",
    )


# Folders of tests that start a browser or a Jupyter kernel: seconds each, where a page check takes milliseconds.
SLOW_FOLDERS = ("browser", "notebooks")


@pytest.hookimpl(tryfirst=True)  # before `-m "not slow"` deselects by marker
def pytest_collection_modifyitems(config, items):
    for item in items:
        parts = item.path.relative_to(config.rootpath).parts
        if parts[0] == "tests" and parts[1] in SLOW_FOLDERS:
            item.add_marker(pytest.mark.slow)


@dataclass
class Build:
    returncode: int
    log: str
    site_dir: Path


_build: dict = {}


def pytest_collection_finish(session):
    project = Project.here()
    if session.config.getoption("--update-outputs"):
        for path in record(project):
            print(f"re-recorded {project.display(path)}")
    if any("built_site" in getattr(item, "fixturenames", ()) for item in session.items):
        # Build in the background: the site builds on one core while the lessons run on the other.
        site_dir = Path(tempfile.mkdtemp(prefix="site-"))
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
            cwd=project.root,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        _build.update(process=process, site_dir=site_dir)


def pytest_sessionfinish(session):
    if "site_dir" in _build:  # the temporary build, once every test has looked at it
        shutil.rmtree(_build["site_dir"], ignore_errors=True)


@pytest.fixture(scope="session")
def project() -> Project:
    return Project.here()


@pytest.fixture(scope="session")
def built_site() -> Build:
    """The result of `mkdocs build --strict` on the real project."""
    log, _ = _build["process"].communicate(timeout=300)
    return Build(_build["process"].returncode, log, _build["site_dir"])
