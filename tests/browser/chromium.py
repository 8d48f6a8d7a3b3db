"""Chromium on the built site, through Playwright: what a visit records and what it measures in the page."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from lessonkit.offline import CHROMIUM_FLAGS

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
# axe-core rules that depend on colours, run again in the dark palette.
COLOUR_RULES = {
    "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
    "resultTypes": ["violations"],
}
# Screenshots for a person to look at; git ignores the folder.
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"
PALETTE_TOGGLE = "form[data-md-component=palette] label:visible"

# The blocks that docs/stylesheets/extra.css may leave waiting: a lesson's text, maths and code, a workbook's
# cells, and the text and maths in a workbook's cells that hold a heading.
MAY_WAIT = ".md-typeset > *, .jp-Notebook > *, .jp-RenderedMarkdown > *"

# Every block laid out, as a reader scrolling to it sees it. docs/stylesheets/extra.css lets a phone lay out
# blocks below the first screen only when they come near it (content-visibility: auto); until then
# nothing of theirs is painted, and axe-core, which finds a text's background by what is painted under it,
# reported contrast failures in code no reader sees unpainted; a formula there has no size. Set through the
# CSS object model, which the site's Content-Security-Policy allows, as it would not a style attribute.
LAY_OUT_ALL = r"""() => {
  for (const element of document.querySelectorAll("MAY_WAIT")) {
    if (getComputedStyle(element).contentVisibility === "auto") element.style.contentVisibility = "visible";
  }
}""".replace("MAY_WAIT", MAY_WAIT)

# Everything a visit measures in the page itself, in one round trip, with every block laid out (LAY_OUT_ALL).
INSPECT = r"""() => {
  (LAY_OUT_ALL)();
  const visible = (element) => element.checkVisibility({visibilityProperty: true, opacityProperty: true});
  const raw = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !visible(parent)) continue;
    if (parent.closest("pre, code, kbd, samp, script, style, textarea, annotation")) continue;
    if (/\\\(|\\\)|\\\[|\\\]|\$\$|\\(?:frac|partial|sum|cdot|sqrt|mathbf|left|right)\b/.test(node.data)) {
      raw.push(node.data.trim().slice(0, 80));
    }
  }
  const maths = [...document.querySelectorAll("article math")];
  const unsized = maths.filter(visible).filter((math) => {
    const box = math.getBoundingClientRect();
    return !(box.width > 0 && box.height > 0);
  }).map((math) => math.textContent.trim().slice(0, 60));
  const tabSets = document.querySelectorAll("article .tabbed-set").length;
  return {raw, maths: maths.length, unsized, tabSets};
}""".replace("LAY_OUT_ALL", LAY_OUT_ALL)

# Code blocks (not recorded output) without a copy button. With `content.lazy`, Material adds the
# button when a block comes into view: run this with the page on one tall screen. Blocks in a
# content tab that is not selected stay hidden, and get theirs when a reader selects the tab.
COPY_BUTTONS = r"""() => {
  const code = [...document.querySelectorAll("article pre")].filter(
    (pre) => !pre.closest(".no-copy, .jp-OutputArea, .jp-RenderedText") && pre.checkVisibility());
  const uncopyable = code.filter((pre) => !pre.querySelector("button[data-md-type=copy], .md-clipboard"))
    .map((pre) => (pre.id || "pre") + ": " + pre.innerText.trim().slice(0, 60));
  return {code: code.length, uncopyable};
}"""


# On a phone: what makes the whole page wider than the screen (so that it scrolls sideways).
# Wide code and formulas are fine inside a box that scrolls on its own.
SIDEWAYS = r"""() => {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width) return [];
  const scrolls = (element) => getComputedStyle(element).overflowX !== "visible";
  const culprits = [];
  for (const element of document.body.querySelectorAll("*")) {
    if (element.getBoundingClientRect().right <= width + 1 || !element.checkVisibility()) continue;
    let parent = element.parentElement;
    if (parent.getBoundingClientRect().right > width + 1) continue;
    for (; parent && parent !== document.body && !scrolls(parent); parent = parent.parentElement);
    if (parent === document.body || !parent) {
      culprits.push(`<${element.tagName.toLowerCase()}> ${element.textContent.trim().slice(0, 60)}`);
    }
  }
  return culprits.length ? culprits : [`the page is ${document.documentElement.scrollWidth}px wide`];
}"""

# axe-core's contrast rule takes ~5 ms an element, and a lesson has thousands of highlighted code
# tokens and MathML leaves whose colours repeat. Before axe runs, each leaf that repeats one
# already kept (same tag and class, in the same kind of block on the same kind of surface) is
# removed from the page: a page is checked in about a second instead of ten, with every pair of
# colours still in it. The page is not used after this; the next visit loads it afresh.
THIN_OUT_REPEATS = r"""() => {
  const surfaces = ".admonition, details, .hll, td, th, .tabbed-block, blockquote, article";
  const blocks = "p, li, h1, h2, h3, h4, h5, h6, td, th, dt, dd, figcaption, pre, div";
  const seen = new Set();
  const repeats = [];
  for (const leaf of document.querySelectorAll("article pre *, article math *")) {
    if (leaf.childElementCount) continue;
    const surface = leaf.parentElement.closest(surfaces);
    const block = leaf.closest(blocks);
    const key = [leaf.tagName, leaf.getAttribute("class"), block?.tagName, surface?.tagName,
                 surface?.getAttribute("class")].join("|");
    if (seen.has(key)) repeats.push(leaf);
    else seen.add(key);
  }
  repeats.forEach((leaf) => leaf.remove());
  return repeats.length;
}"""

# Every exercise box on the page, answered right and then wrong, as a learner would (the form's own submit):
# what the build put in each box, and what the page said back. The page is left showing the results and
# the opened hints, so that the phone-width check and axe-core see those too.
EXERCISES = r"""() => {
  const said = (form) => form.querySelector(".lesson-result").textContent;
  const boxes = [];
  for (const form of document.querySelectorAll("article form.lesson-answer, article form.lesson-predict")) {
    const answer = form.dataset.answer;
    let next = form.nextElementSibling; // the first fold after the box, if it is a tip
    while (next && !next.matches("details, h1, h2, h3, h4")) next = next.nextElementSibling;
    const hint = next && next.matches("details.tip") ? next : null;
    let right, wrong;
    if (form.matches(".lesson-answer")) {
      form.elements.answer.value = answer;
      form.requestSubmit();
      right = said(form);
      form.elements.answer.value = String(Number(answer) * 1.5 + 1.25);
      form.requestSubmit();
      wrong = said(form);
    } else {
      const radios = [...form.querySelectorAll("input[type=radio]")];
      radios.find((radio) => radio.value === answer).checked = true;
      form.requestSubmit();
      right = said(form);
      radios.find((radio) => radio.value !== answer).checked = true;
      form.requestSubmit();
      wrong = said(form);
    }
    boxes.push({kind: form.className, answer, right, wrong, hintOpen: hint ? hint.open : null});
  }
  return boxes;
}"""

# Every Content-Security-Policy violation in the page (overrides/main.html sets the policy), reported to
# Python. Playwright adds this script to each document before the page's own, outside the page's policy.
REPORT_VIOLATIONS = r"""document.addEventListener("securitypolicyviolation", (event) => {
  const where = event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}` : "";
  const sample = event.sample ? ` (${JSON.stringify(event.sample)})` : "";
  window.reportViolation(`${event.effectiveDirective} refused ${event.blockedURI || "?"}${sample}${where}`);
}, true);"""

# Until every transition and finite animation on the page has ended. Material fades colours over 125 to
# 250 ms: its search box, for one, changes background at the desktop width, so for a moment after the page
# is widened (each visit comes back from the phone's width) its white text sits on a light grey, and
# measured then, axe-core reports a contrast the page never rests at. Whether it measures before the fade
# ends is a matter of timing, which the machine's load decides: on a busy machine it did, on one page of 35.
AT_REST = r"""async () => {
  const moving = () => document.getAnimations().filter(
    (animation) => animation.playState === "running" && animation.effect?.getComputedTiming().endTime !== Infinity);
  const deadline = performance.now() + 10_000;
  for (let running = moving(); running.length; running = moving()) {
    if (performance.now() > deadline) {
      const names = running.map((animation) => `${animation.transitionProperty || animation.animationName} of `
        + `${animation.effect.target?.className || animation.effect.target?.tagName}`);
      throw new Error(`still moving after 10 s: ${names.join(", ")}`);
    }
    await Promise.race([Promise.allSettled(running.map((animation) => animation.finished)),
                        new Promise((resolve) => setTimeout(resolve, 500))]);
  }
}"""

# axe-core on the page laid out (LAY_OUT_ALL) and at rest (AT_REST), so that it measures the colours a reader sees.
RUN_AXE = r"""async (options) => {
  (LAY_OUT_ALL)();
  await (AT_REST)();
  const results = await axe.run(document, options);
  return results.violations.map((violation) => ({
    impact: violation.impact, rule: violation.id, help: violation.help,
    where: violation.nodes.slice(0, 5).map((node) => node.target.join(" ")),
  }));
}""".replace("AT_REST", AT_REST).replace("LAY_OUT_ALL", LAY_OUT_ALL)


@dataclass
class Visit:
    """What the browser saw while loading one page."""

    path: str
    requests: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)  # of the Content-Security-Policy
    inspection: dict = field(default_factory=dict)
    accessibility: dict[str, list[dict]] = field(default_factory=dict)  # palette -> axe-core violations
    exercises: list[dict] = field(default_factory=list)  # each exercise box, answered right and wrong

    @property
    def name(self) -> str:
        return self.path.strip("/").replace("/", "_").removesuffix(".html") or "home"


class Browser:
    """One Chromium context on the served site, recording every request and error of the page it drives."""

    def __init__(self, context, url: str):
        self.url = url  # the site's root, http://127.0.0.1:<port>/
        self.origin = "{0.scheme}://{0.netloc}".format(urlsplit(url))
        self.context = context
        self.visit: Visit | None = None
        self._in_flight = 0
        context.route("**/*", self._route)
        context.expose_binding("reportViolation", lambda source, entry: self._record("violations", entry))
        context.add_init_script(REPORT_VIOLATIONS)
        self.page = context.new_page()
        context.on("request", lambda request: self._count(+1))
        context.on("requestfinished", lambda request: self._count(-1))
        context.on("requestfailed", self._request_failed)
        context.on("response", self._response)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self._record("errors", f"uncaught: {error}"))

    def _record(self, kind: str, entry: str):
        if self.visit is not None:
            getattr(self.visit, kind).append(entry)

    def _count(self, change: int):
        self._in_flight += change

    def _request_failed(self, request):
        self._count(-1)
        if self.visit is not None and request.url not in self.visit.foreign:  # those are reported as foreign
            self.visit.failed.append(f"{request.url} ({request.failure})")

    def _response(self, response):
        if response.status >= 400:
            self._record("failed", f"{response.url} (HTTP {response.status})")

    def _console(self, message):
        if message.type == "error":
            self._record("errors", f"console: {message.text}")

    def _route(self, route):
        url = route.request.url
        if urlsplit(url).scheme in ("http", "https", "ws", "wss") and not url.startswith(self.origin + "/"):
            self._record("foreign", url)
            route.abort("blockedbyclient")
            return
        self._record("requests", url)
        route.continue_()

    def start(self, path: str) -> Visit:
        """Start recording for `path` (before loading it, or before clicking through to it)."""
        self.visit = Visit(path)
        return self.visit

    def open(self, path: str) -> Visit:
        visit = self.start(path)
        self.page.goto(self.url + path)
        self.settle()
        return visit

    def settle(self, quiet_ms: int = 100, timeout_ms: int = 10_000):
        """Wait until no request has been open for `quiet_ms`: the page has loaded what it loads by itself.

        Playwright's "networkidle" waits 500 ms on every page; here the server is local and fast.
        """
        quiet = waited = 0
        while quiet < quiet_ms:
            self.page.wait_for_timeout(25)
            waited += 25
            quiet = quiet + 25 if self._in_flight <= 0 else 0
            if waited > timeout_ms:
                raise TimeoutError(f"{self.page.url}: requests still open after {timeout_ms} ms")

    def scheme(self) -> str:
        return self.page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")

    def toggle_palette(self, expected: str):
        """Click the palette toggle in the header, and wait for the page to show the `expected` scheme."""
        self.page.locator(PALETTE_TOGGLE).click()
        self.page.wait_for_function(
            "scheme => document.body.getAttribute('data-md-color-scheme') === scheme"
            " && !document.body.hasAttribute('data-md-color-switching')",
            arg=expected,
        )

    def follow_system_scheme(self, system: str):
        """Forget any palette the reader chose, and set the system colour scheme: 'light' or 'dark'.

        The storage is cleared on robots.txt, a file of the same origin that runs no script:
        on a page, Material would store its palette again as soon as it saw the media change.
        Open a page afterwards.
        """
        self.page.emulate_media(color_scheme=system)
        self.page.goto(self.url + "robots.txt")
        self.page.evaluate("() => localStorage.clear()")


def report(visits: list[Visit], attribute: str) -> str:
    """One line per page and problem, for an assertion message."""
    lines = [f"{visit.path or '/'}: {entry}" for visit in visits for entry in getattr(visit, attribute)]
    return "\n" + "\n".join(lines)


def visit_pages(url: str, paths: list[str], chromium: str, screenshots: bool) -> list[Visit]:
    """Load each page once in a browser of its own: photograph it (the first screen on a desktop,
    the whole page on a phone), inspect it with its solutions open, and run axe-core in both palettes.

    The browser tests run this in two processes at once, one browser each, on half the pages each.
    """
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    axe_script = Axe().axe_script
    visits = []
    with sync_playwright() as playwright:
        chrome = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        context = chrome.new_context(viewport=DESKTOP, color_scheme="light", service_workers="block")
        context.set_default_timeout(15_000)
        # Every visit starts in the light palette: the dark one, chosen at the end of the last visit, is forgotten.
        context.add_init_script("localStorage.clear()")
        browser = Browser(context, url)
        page = browser.page
        for path in paths:
            visit = browser.open(path)
            visit.exercises = page.evaluate(EXERCISES)  # first: every check below sees the results and hints
            if screenshots:
                page.screenshot(path=ARTIFACTS / f"{visit.name}-desktop.png")
            page.set_viewport_size(PHONE)
            sideways = page.evaluate(SIDEWAYS)
            if screenshots:
                page.screenshot(path=ARTIFACTS / f"{visit.name}-phone.png", full_page=True)

            # Solutions unfolded, on a screen as tall as the page: every formula and code block in view
            # (Material sets up a code block when it comes into view), for the checks and for axe. Every
            # block laid out first, so that the page's height is its own, not one from estimated heights.
            page.evaluate("() => document.querySelectorAll('article details').forEach((d) => { d.open = true; })")
            page.evaluate(LAY_OUT_ALL)
            height = page.evaluate("() => document.documentElement.scrollHeight")
            page.set_viewport_size({**DESKTOP, "height": min(height, 30_000)})
            with contextlib.suppress(PlaywrightTimeout):  # then some have no button: the test reports them
                page.wait_for_function(f"() => !({COPY_BUTTONS})().uncopyable.length", timeout=3_000)
            visit.inspection = {**page.evaluate(INSPECT), **page.evaluate(COPY_BUTTONS), "sideways": sideways}
            page.set_viewport_size(DESKTOP)

            page.evaluate(THIN_OUT_REPEATS)
            page.evaluate(axe_script)
            # Every rule in the light palette; the dark one changes colours only, so its rules about colour.
            visit.accessibility["default"] = page.evaluate(RUN_AXE, {"resultTypes": ["violations"]})
            browser.toggle_palette("slate")
            visit.accessibility["slate"] = page.evaluate(RUN_AXE, COLOUR_RULES)
            browser.visit = None
            visits.append(visit)
        context.close()
        chrome.close()
    return visits
