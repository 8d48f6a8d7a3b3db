"""A real browser on the built site: Debian's Chromium, driven by Playwright, with no network but 127.0.0.1.

Every page of the built site is visited once (`page_visits`, two browsers at once), and the tests
check what each visit recorded; one more browser serves the tests that click through the site.
"""

import importlib.util
import multiprocessing
import os
import shutil
from concurrent.futures import ProcessPoolExecutor

import pytest

from lessonkit.offline import CHROMIUM_FLAGS, StaticSite
from tests.browser.chromium import ARTIFACTS, DESKTOP, Browser, Visit, visit_pages


class SkipTheFolder(pytest.skip.Exception):
    """A skip with one cause for every test of the folder (a missing browser, a site that did not build).

    pytest reports a skip that a fixture raises at each test's own line, so the summary would repeat the
    reason once per test; `pytest_runtest_makereport` below reports these at this file instead, and pytest
    folds them into one line: "SKIPPED [19] tests/browser/conftest.py: chromium is not installed: …".
    """


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if call.excinfo is not None and isinstance(call.excinfo.value, SkipTheFolder) and report.skipped:
        report.longrepr = (__file__, None, call.excinfo.value.msg)
    return report


def _missing(what: str, how: str):
    """In CI the browser tests must run, so a missing piece fails them; elsewhere they are skipped."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is not installed, and CI must run the browser tests: {how}")
    raise SkipTheFolder(f"{what} is not installed: {how}, then run pytest again")


def as_root(command: str) -> str:
    """A command that needs root, as this user types it: with sudo, unless the shell is root's already."""
    return command if getattr(os, "geteuid", lambda: 0)() == 0 else f"sudo {command}"


# Where a Chromium may be: LESSONS_CHROMIUM names one (GitHub's runners have Google Chrome), else the PATH.
BROWSERS = ("chromium", "google-chrome", "/Applications/Chromium.app/Contents/MacOS/Chromium")
INSTALL = (
    f"install it with `{as_root('apt-get install chromium')}` (Debian), `brew install --cask chromium` (macOS), "
    "or set LESSONS_CHROMIUM to the path of a Chromium or Google Chrome"
)


@pytest.fixture(scope="session")
def chromium() -> str:
    for module in ("playwright", "axe_playwright_python"):
        if importlib.util.find_spec(module) is None:
            _missing(f"the Python package {module}", 'install the test extra with `pip install -e ".[test]"`')
    candidates = [os.environ["LESSONS_CHROMIUM"]] if os.environ.get("LESSONS_CHROMIUM") else BROWSERS
    path = next((found for name in candidates if (found := shutil.which(name))), None)
    if path is None:
        _missing("chromium", INSTALL)
    return path


@pytest.fixture(scope="session", params=["mkdocs", "zensical"])
def built(request, built_site, zensical_site):
    """The site as each builder builds it: every check in a browser runs on both."""
    build = built_site if request.param == "mkdocs" else zensical_site
    if build.returncode != 0:
        raise SkipTheFolder(f"the site did not build with {request.param}; see tests/engine/test_build.py")
    return build


@pytest.fixture(scope="session")
def served_site(built):
    site = StaticSite(built.site_dir)
    yield site
    site.close()


@pytest.fixture(scope="session")
def browser(chromium, served_site):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chrome = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        context = chrome.new_context(viewport=DESKTOP, color_scheme="light", service_workers="block")
        context.set_default_timeout(15_000)
        try:
            yield Browser(context, served_site.url)
        finally:
            context.close()
            chrome.close()


@pytest.fixture(scope="session")
def page_visits(chromium, served_site, request) -> list[Visit]:
    """Every page of the built site, visited once (see `visit_pages`), by two browsers at once."""
    screenshots = request.config.getoption("--screenshots")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob("*.png"):
        old.unlink()
    paths = served_site.pages()
    workers = min(2, len(paths))
    shares = [paths[index::workers] for index in range(workers)]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        done = pool.map(visit_pages, [served_site.url] * workers, shares, [chromium] * workers, [screenshots] * workers)
        visits = [visit for share in done for visit in share]
    return sorted(visits, key=lambda visit: paths.index(visit.path))
