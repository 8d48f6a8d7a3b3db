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
        if (parts[0] == "tests" and parts[1] in SLOW_FOLDERS) or reads_build(item):
            item.add_marker(pytest.mark.slow)
    # The tests that read the built sites go last: they build in the background meanwhile.
    items.sort(key=reads_build)


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


BUILDERS = ("mkdocs", "zensical")
_builds: dict[str, tuple[subprocess.Popen, Path]] = {}


def start_builds(project: Project, builders=BUILDERS) -> None:
    """`python -m lessonkit build` with each builder, in the background: the sites build while other tests run.

    Zensical builds only inside the project, so its site goes to .cache/ (which git ignores).
    """
    for builder in builders:
        if builder in _builds:
            continue
        if builder == "zensical":
            site_dir = project.root / ".cache" / f"test-site-zensical-{os.getpid()}"
        else:
            site_dir = Path(tempfile.mkdtemp(prefix="site-"))
        process = subprocess.Popen(
            [sys.executable, "-m", "lessonkit", "build", "--builder", builder, "--site-dir", str(site_dir)],
            cwd=project.root,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        _builds[builder] = (process, site_dir)


def finished(builder: str) -> Build:
    if builder not in _builds:  # the lessons' own processes have finished recording: build now
        start_builds(Project.here(), [builder])
    process, site_dir = _builds[builder]
    log, _ = process.communicate(timeout=600)
    return Build(process.returncode, log, site_dir)


_FIXTURES = {"built_site": "mkdocs", "zensical_site": "zensical"}


def reads_build(item) -> bool:
    return bool(_FIXTURES.keys() & set(getattr(item, "fixturenames", ())))


def wanted_builds(session) -> list[str]:
    """The builders whose site some test of this run reads."""
    if session.config.option.collectonly:
        return []
    names = {name for item in session.items for name in getattr(item, "fixturenames", ())}
    return [builder for fixture, builder in _FIXTURES.items() if fixture in names]


def pytest_sessionfinish(session):
    for process, site_dir in _builds.values():  # the temporary builds, once every test has looked at them
        if process.poll() is None:  # a run that stopped early (-x, Ctrl+C) leaves no build behind
            process.kill()
        process.communicate()
        shutil.rmtree(site_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def project() -> Project:
    return Project.here()


@pytest.fixture(scope="session")
def built_site() -> Build:
    """The site built by MkDocs and Material: `python -m lessonkit build`."""
    return finished("mkdocs")


@pytest.fixture(scope="session")
def zensical_site() -> Build:
    """The site built by Zensical: `python -m lessonkit build --builder zensical`."""
    return finished("zensical")
