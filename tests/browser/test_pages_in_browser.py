"""Every page of the built site, in Chromium with no network: it loads whole, from 127.0.0.1 alone, and reads right.

Screenshots of every page (the first screen on a desktop, the whole page on a phone) are saved
under test-artifacts/browser/ for a person to look at.
"""

import pytest

from tests.browser.chromium import ARTIFACTS, DESKTOP, INSPECT, PHONE, report


def test_pages_request_nothing_from_another_host(page_visits):
    assert not any(visit.foreign for visit in page_visits), (
        "the site must work offline and load nothing from another host:" + report(page_visits, "foreign")
    )


def test_pages_load_without_failed_requests(page_visits):
    assert not any(visit.failed for visit in page_visits), report(page_visits, "failed")


def test_pages_log_no_console_errors(page_visits):
    assert not any(visit.errors for visit in page_visits), report(page_visits, "errors")


def test_every_visit_loaded_the_page_and_its_assets(page_visits):
    for visit in page_visits:
        assert any(url.endswith((".css", ".js")) for url in visit.requests), visit


def test_no_formula_shows_as_raw_tex(page_visits):
    raw = {visit.path or "/": visit.inspection["raw"] for visit in page_visits if visit.inspection["raw"]}
    assert not raw, f"TeX visible as text instead of typeset maths: {raw}"


def test_every_formula_is_drawn_with_a_size(page_visits):
    unsized = {visit.path or "/": visit.inspection["unsized"] for visit in page_visits if visit.inspection["unsized"]}
    assert not unsized, f"<math> elements that the browser draws with no size: {unsized}"
    assert any(visit.inspection["maths"] for visit in page_visits), "no page has any <math>: is the MathML hook on?"


def test_every_code_block_has_a_copy_button(page_visits):
    missing = {
        visit.path or "/": visit.inspection["uncopyable"] for visit in page_visits if visit.inspection["uncopyable"]
    }
    assert not missing, f"code blocks without a copy button: {missing}"
    assert any(visit.inspection["code"] for visit in page_visits), "no page has code: are the lessons there?"


def test_no_page_scrolls_sideways_on_a_phone(page_visits):
    wide = {visit.path or "/": visit.inspection["sideways"] for visit in page_visits if visit.inspection["sideways"]}
    assert not wide, f"pages wider than a 390px phone screen, and what sticks out: {wide}"


def test_palette_follows_the_system_and_the_toggle_switches_it(browser, page_visits):
    page = browser.page
    background = "() => getComputedStyle(document.body).backgroundColor"
    try:
        browser.follow_system_scheme("dark")
        browser.open("")
        assert browser.scheme() == "slate", "a reader whose system is dark does not get the dark palette"
        browser.follow_system_scheme("light")
        browser.open("")
        assert browser.scheme() == "default", "a reader whose system is light does not get the light palette"
        light = page.evaluate(background)

        browser.toggle_palette("slate")
        assert page.evaluate(background) != light
        page.screenshot(path=ARTIFACTS / "home-desktop-dark.png")
        page.reload()
        assert browser.scheme() == "slate", "the reader's choice of palette does not survive a reload"

        browser.toggle_palette("default")
        assert page.evaluate(background) == light
    finally:
        browser.follow_system_scheme("light")
        browser.visit = None


def test_content_tabs_are_linked(browser, page_visits):
    """`content.tabs.link`: choosing a tab selects the tab of the same name in every set on the page."""
    with_tabs = max(page_visits, key=lambda visit: visit.inspection["tabSets"])
    if with_tabs.inspection["tabSets"] < 2:
        pytest.skip("no page has two sets of content tabs")
    page = browser.page
    browser.open(with_tabs.path)
    try:
        label = page.locator("article .tabbed-set .tabbed-labels > label").nth(1)
        name = label.inner_text().strip()
        label.click()
        page.wait_for_function(
            """(name) => [...document.querySelectorAll("article .tabbed-set")].every((set) => {
              const labels = [...set.querySelectorAll(":scope > .tabbed-labels > label")];
              const index = labels.findIndex((label) => label.innerText.trim() === name);
              return index < 0 || set.querySelectorAll(":scope > input")[index].checked;
            })""",
            arg=name,
        )
    finally:
        page.evaluate("() => localStorage.clear()")  # Material remembers the choice of tab
        browser.visit = None


def test_search_finds_the_softmax_lesson_and_highlights_the_word(browser, page_visits):
    page = browser.page
    visit = browser.open("")
    field, results = ".md-search__input", ".md-search-result__link"  # Material's search box, in the header
    if page.locator(".md-search__button").count():  # Zensical's: a dialog of its own, which a button opens
        page.locator(".md-search__button").click()
        field, results = "input[role=combobox]", "a[role=option]"
    page.locator(field).press_sequentially("softmax")  # both search as the reader types
    page.locator(results).first.wait_for()
    result = page.locator(results).first
    assert "/softmax/" in result.get_attribute("href"), "the softmax lesson is not the first result"
    result.click()
    page.wait_for_url("**/softmax/**")
    page.locator("article mark[data-md-highlight]").first.wait_for()
    assert not (visit.foreign or visit.failed or visit.errors or visit.violations), visit
    browser.visit = None


def test_instant_navigation_keeps_the_maths_typeset(browser, page_visits):
    """From the home page to the page with the most formulas in the navigation, by a click."""
    page = browser.page
    browser.open("")
    in_navigation = page.evaluate(
        "() => [...document.querySelectorAll('.md-sidebar--primary a.md-nav__link')].map((link) => link.href)"
    )
    candidates = [visit for visit in page_visits if visit.path and browser.url + visit.path in in_navigation]
    with_maths = max(candidates, key=lambda visit: visit.inspection["maths"], default=None)
    assert with_maths and with_maths.inspection["maths"], "no page in the navigation has maths"
    page.evaluate("() => { window.__same_document = true; }")
    visit = browser.start(with_maths.path)
    link = in_navigation.index(browser.url + with_maths.path)
    page.locator(".md-sidebar--primary a.md-nav__link").nth(link).click()
    page.wait_for_url(f"**/{with_maths.path}")
    page.locator("article h1").first.wait_for()
    browser.settle()
    assert page.evaluate("() => window.__same_document === true"), (
        "the click reloaded the page: instant navigation is off"
    )
    inspection = page.evaluate(INSPECT)
    assert inspection["maths"] == with_maths.inspection["maths"]
    assert not inspection["unsized"] and not inspection["raw"], inspection
    assert not (visit.foreign or visit.failed or visit.errors or visit.violations), visit
    browser.visit = None


def test_a_mermaid_diagram_fetches_nothing_from_a_cdn(browser, page_visits):
    """Material's bundle fetches Mermaid from a CDN for any `pre.mermaid`; docs/javascripts/no-mermaid.js
    stops it, and the diagram's error shows in the console, where the tests above catch it."""
    page = browser.page
    home = browser.url

    def with_a_diagram(route):
        response = route.fetch()
        diagram = '<pre class="mermaid"><code>graph LR\n  x --> y</code></pre>'
        body = response.text().replace("</article>", diagram + "</article>", 1)
        headers = {
            name: value
            for name, value in response.headers.items()
            if name.lower() not in ("content-encoding", "content-length")
        }
        route.fulfill(status=200, headers=headers, content_type="text/html", body=body)

    page.route(home, with_a_diagram)
    try:
        visit = browser.open("")
    finally:
        page.unroute(home, with_a_diagram)
        browser.visit = None
    assert page.locator("article pre.mermaid").count() == 1, "the diagram was not on the page"
    assert not visit.foreign, visit.foreign
    assert not visit.violations, visit.violations
    assert any("Mermaid is not part of this site" in error for error in visit.errors), visit.errors


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("path", ["vectors/", "workbooks/matrices/"])
def test_a_link_to_a_late_heading_lands_on_it(browser, size, path):
    """Blocks far down a long page (a workbook's cells) are laid out only when they come near the
    screen (extra.css), so the browser places a late heading by estimates of their heights: it must still
    scroll to that heading, just under the header, and keep it there once the blocks around it are laid out."""
    page = browser.page
    try:
        page.set_viewport_size(size)
        browser.open(path)
        late = page.evaluate("() => [...document.querySelectorAll('article h2[id]')].at(-2).id")
        browser.open(f"{path}#{late}")
        page.wait_for_timeout(500)  # for anything laid out late to move the page, if it were going to
        header = page.evaluate("() => document.querySelector('.md-header').getBoundingClientRect().bottom")
        top = page.evaluate("(id) => document.getElementById(id).getBoundingClientRect().top", late)
        assert header - 1 <= top <= header + 24, f"#{late} is {top - header:.0f} px below the header"
    finally:
        page.set_viewport_size(DESKTOP)
        browser.visit = None
