"""The Content-Security-Policy (overrides/main.html) in Chromium: the site's own pages break none of it,
and script put into a page does not run.

A lesson arrives as a pull request: a `<script>`, an `on…=` attribute or a `javascript:` link in its text
must not run for a reader, whatever else lets it through.
"""

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.browser.chromium import Browser, report

# Each piece of injected script, which adds its name to `self.ran` if it runs (the names are in the reports'
# samples, the first 40 characters of what was refused), and the directive that must refuse it.
INJECTED = {
    "script": ("<script>(self.ran||=[]).push('script')</script>", "script-src-elem"),
    "onerror": ('<img alt="" src="data:," onerror="(self.ran||=[]).push(\'onerror\')">', "script-src-attr"),
    # `void`: a javascript: link whose code gives a value replaces the page with it. The script above, if it
    # runs, has made `ran` already.
    "link": ('<a id="injected-link" href="javascript:void self.ran.push(\'link\')">a link</a>', "script-src-elem"),
}
POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>')


def test_no_page_reports_a_violation(page_visits):
    assert all(visit.requests for visit in page_visits), "a visit recorded no request: was the page loaded?"
    assert not any(visit.violations for visit in page_visits), (
        "the site's own pages break its Content-Security-Policy (overrides/main.html):"
        + report(page_visits, "violations")
    )


def kinds_of_page(served_site) -> list[str]:
    """A lesson, a workbook (a page of mkdocs-jupyter's) and the 404 page (whose links are absolute)."""
    pages = served_site.pages()
    lesson = next(page for page in pages if page.count("/") == 1 and not page.startswith("workbooks/"))
    return [lesson, next(page for page in pages if page.startswith("workbooks/")), "404.html"]


def open_with_injection(browser, path: str, keep_policy: bool):
    """Open a copy of the page at `path` with the three pieces of script in its article, and click the link."""
    page = browser.page
    url = browser.url + path

    def injected(route):
        html = route.fetch().text()
        assert "</article>" in html and POLICY.search(html), f"{path}: no article, or no policy, to test with"
        if not keep_policy:
            html = POLICY.sub("", html)
        pieces = "".join(piece for piece, _ in INJECTED.values())
        route.fulfill(status=200, content_type="text/html", body=html.replace("</article>", pieces + "</article>", 1))

    page.route(url, injected)
    try:
        visit = browser.open(path)
        page.locator("#injected-link").click()
        browser.settle()
        waited = 0
        while keep_policy and len(visit.violations) < len(INJECTED) and waited < 5_000:
            page.wait_for_timeout(50)  # the reports come to Python as events
            waited += 50
        ran = page.evaluate("() => self.ran || []")
    finally:
        page.unroute(url, injected)
        browser.visit = None
    return visit, set(ran)


@pytest.fixture(params=range(3), ids=["lesson", "workbook", "404"])
def kind_of_page(request, served_site) -> str:
    return kinds_of_page(served_site)[request.param]


def test_script_put_into_a_page_does_not_run_and_is_reported(browser, kind_of_page):
    visit, ran = open_with_injection(browser, kind_of_page, keep_policy=True)
    assert not ran, f"{kind_of_page}: injected script ran: {sorted(ran)}"
    for name, (_, directive) in INJECTED.items():
        refused = [entry for entry in visit.violations if f"push('{name}')" in entry]
        assert refused, f"{kind_of_page}: the {name} was not reported refused: {visit.violations}"
        assert all(entry.startswith(f"{directive} refused inline") for entry in refused), refused


def test_the_same_script_runs_without_the_policy(browser, served_site):
    """The control: the test above would see the injected script run, if the policy let it."""
    visit, ran = open_with_injection(browser, kinds_of_page(served_site)[0], keep_policy=False)
    assert ran == set(INJECTED), ran
    assert not visit.violations, visit.violations


def test_material_finds_the_site_root_from_every_kind_of_page(browser, served_site):
    """docs/javascripts/material-base.js names the root where Material's inline script did: a palette chosen on
    one page holds on every other, whatever its depth (Material stores it under the root's path)."""
    page = browser.page
    paths = ["", *kinds_of_page(served_site)]
    try:
        browser.follow_system_scheme("light")
        browser.open("")
        browser.toggle_palette("slate")
        for path in paths:
            visit = browser.open(path)
            assert page.evaluate("() => __md_scope.href") == browser.url, path
            assert browser.scheme() == "slate", f"{path or '/'}: the palette chosen on the home page did not hold"
            assert not (visit.errors or visit.violations), visit
    finally:
        browser.follow_system_scheme("light")
        browser.visit = None


@pytest.fixture
def mkdocs_serve(project):
    """`mkdocs serve` on a free port of 127.0.0.1, stopped as Ctrl+C stops it (it then removes its build)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project.root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 300
        while True:
            try:
                urllib.request.urlopen(url, timeout=5).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"mkdocs serve did not answer at {url}:\n{server.communicate()[0]}")
                time.sleep(0.25)
        yield url
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.communicate()


def test_live_reload_runs_under_mkdocs_serve(browser, mkdocs_serve, served_site):
    """MkDocs' development server writes its live-reload script into each page, inline; overrides/hooks/
    live_reload.py lets it run there, so that an edit still reloads the page."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    context = browser.context.browser.new_context(service_workers="block")
    context.set_default_timeout(15_000)
    try:
        serving = Browser(context, mkdocs_serve)
        path = kinds_of_page(served_site)[0]
        visit = serving.start(path)
        # Not Browser.open, which waits for the page's requests to end: live reload keeps one open.
        try:
            with serving.page.expect_console_message(lambda message: message.text == "Enabled live reload"):
                serving.page.goto(mkdocs_serve + path)
        except PlaywrightTimeout:
            pytest.fail(f"MkDocs' live-reload script did not run under mkdocs serve: {visit.errors}")
        assert serving.page.evaluate("() => typeof livereload") == "function"
        assert not (visit.foreign or visit.failed or visit.errors or visit.violations), visit
        serving.visit = None
    finally:
        context.close()
