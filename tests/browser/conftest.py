"""A real browser on the built site: Debian's Chromium, driven by Playwright, with no network but 127.0.0.1.

One browser and one browser context serve the whole session, and every page of the built site is
visited once (`page_visits`); the tests then check what each visit recorded.
"""

import contextlib
import importlib.util
import os
import shutil

import pytest

from tests.browser.chromium import (
    ARTIFACTS,
    CHROMIUM_FLAGS,
    COLOUR_RULES,
    COPY_BUTTONS,
    DESKTOP,
    INSPECT,
    PHONE,
    RUN_AXE,
    SIDEWAYS,
    THIN_OUT_REPEATS,
    Browser,
    Visit,
)
from tests.browser.static_site import StaticSite


def _missing(what: str, how: str):
    """In CI the browser tests must run, so a missing piece fails them; elsewhere they are skipped."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is not installed, and CI must run the browser tests: {how}")
    pytest.skip(f"{what} is not installed: {how}, then run pytest again")


@pytest.fixture(scope="session")
def chromium() -> str:
    for module in ("playwright", "axe_playwright_python"):
        if importlib.util.find_spec(module) is None:
            _missing(f"the Python package {module}", 'install the test extra with `pip install -e ".[test]"`')
    path = shutil.which("chromium")
    if path is None:
        _missing("chromium", "install it with `apt-get install chromium` (Debian, Ubuntu)")
    return path


@pytest.fixture(scope="session")
def served_site(built_site):
    if built_site.returncode != 0:
        pytest.skip("the site did not build; see tests/engine/test_build.py")
    site = StaticSite(built_site.site_dir)
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
            yield Browser(context, served_site)
        finally:
            context.close()
            chrome.close()


@pytest.fixture(scope="session")
def page_visits(browser) -> list[Visit]:
    """Every page of the built site, loaded once: photographed (the first screen on a desktop, the
    whole page on a phone), inspected with its solutions open, and checked by axe-core in both palettes."""
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    axe_script = Axe().axe_script
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob("*.png"):
        old.unlink()
    visits = []
    page = browser.page
    browser.follow_system_scheme("light")
    for path in browser.site.pages():
        visit = browser.open(path)
        page.screenshot(path=ARTIFACTS / f"{visit.name}-desktop.png")
        page.set_viewport_size(PHONE)
        sideways = page.evaluate(SIDEWAYS)
        page.screenshot(path=ARTIFACTS / f"{visit.name}-phone.png", full_page=True)

        # Solutions unfolded, on a screen as tall as the page: every formula and code block in view
        # (Material sets up a code block when it comes into view), for the checks and for axe.
        page.evaluate("() => document.querySelectorAll('article details').forEach((d) => { d.open = true; })")
        height = page.evaluate("() => document.documentElement.scrollHeight")
        page.set_viewport_size({**DESKTOP, "height": min(height, 30_000)})
        with contextlib.suppress(PlaywrightTimeout):  # then some have no button: reported below
            page.wait_for_function(f"() => !({COPY_BUTTONS})().uncopyable.length", timeout=3_000)
        visit.inspection = {**page.evaluate(INSPECT), **page.evaluate(COPY_BUTTONS), "sideways": sideways}
        page.set_viewport_size(DESKTOP)
        browser.toggle_palette("slate")

        page.evaluate(THIN_OUT_REPEATS)
        page.evaluate(axe_script)
        # The dark palette changes colours only: its rules about colour, then every rule in the light one.
        visit.accessibility["slate"] = page.evaluate(RUN_AXE, COLOUR_RULES)
        browser.toggle_palette("default")
        visit.accessibility["default"] = page.evaluate(RUN_AXE, {"resultTypes": ["violations"]})
        browser.visit = None
        visits.append(visit)
    return visits
