"""Shared fixtures and switches: the project under test, `--update-outputs`, partial runs, the built site.

Tests about one lesson say which (the `lesson` marker, or the file tests/lessons/test_<lesson>.py),
so `pytest -k softmax` or `pytest tests/lessons/test_softmax.py` checks (or re-records) that lesson
alone. Each lesson's tests run in a process of their own (tests/lesson_processes.py). The 100 %
coverage gate of pyproject.toml applies to full runs only: `pytest` with no paths, -k or -m.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from lessonkit import Project

pytest_plugins = ["tests.lesson_processes", "tests.markdown_fences"]

# Folders of tests that start a browser or a Jupyter kernel: seconds each, where a page check takes milliseconds.
# Tests that read the built site are slow as well.
SLOW_FOLDERS = ("browser", "notebooks")


def pytest_addoption(parser):
    parser.addoption(
        "--update-outputs",
        action="store_true",
        help="re-record the outputs, values and figures of the lessons this run tests, then check as usual",
    )
    parser.addoption(
        "--screenshots",
        action="store_true",
        help="save a screenshot of every page, on a desktop and whole on a phone, to test-artifacts/browser/",
    )


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "lesson(name): the test is about one lesson, which -k and --update-outputs follow"
    )
    coverage = config.pluginmanager.getplugin("_cov")
    if not is_full_run(config) and coverage is not None and coverage.cov_controller is not None:
        # A partial run cannot cover every lesson: no gate, no report, and no tracing to slow it down.
        coverage.cov_controller.cov.stop()
        coverage.options.no_cov = True


@pytest.hookimpl(tryfirst=True)  # before `-m "not slow"` deselects by marker
def pytest_collection_modifyitems(config, items):
    for item in items:
        parts = item.path.relative_to(config.rootpath).parts
        # The whole site's build is slow too: the fast checks compare each page with its code, not its HTML.
        if (parts[0] == "tests" and parts[1] in SLOW_FOLDERS) or "built_site" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)
    # The tests that read the built site go last: it builds in the background meanwhile.
    items.sort(key=lambda item: "built_site" in getattr(item, "fixturenames", ()))


def lesson_of(item) -> str | None:
    """The lesson a test is about: its `lesson` marker, or tests/lessons/test_<lesson>.py."""
    marker = item.get_closest_marker("lesson")
    if marker is not None:
        return marker.args[0]
    if item.path.parent.name == "lessons" and item.path.name.startswith("test_"):
        return item.path.stem.removeprefix("test_")
    return None


def is_full_run(config) -> bool:
    """`pytest` as CI runs it: no paths, no -k, no -m. Anything less cannot cover every lesson."""
    return config.args_source != config.ArgsSource.ARGS and not config.option.keyword and not config.option.markexpr


@dataclass
class Build:
    returncode: int
    log: str
    site_dir: Path


_build: dict = {}


def start_build(project: Project) -> None:
    """`mkdocs build --strict` of the real project, in the background: the site builds while other tests run."""
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


def wants_build(session) -> bool:
    return not session.config.option.collectonly and any(
        "built_site" in getattr(item, "fixturenames", ()) for item in session.items
    )


def pytest_sessionfinish(session):
    if "site_dir" in _build:  # the temporary build, once every test has looked at it
        shutil.rmtree(_build["site_dir"], ignore_errors=True)


@pytest.fixture(scope="session")
def project() -> Project:
    return Project.here()


@pytest.fixture(scope="session")
def built_site() -> Build:
    """The result of `mkdocs build --strict` on the real project."""
    if "process" not in _build:  # the lessons' own processes have finished recording: build now
        start_build(Project.here())
    log, _ = _build["process"].communicate(timeout=300)
    return Build(_build["process"].returncode, log, _build["site_dir"])
