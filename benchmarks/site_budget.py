"""The site's performance budget, page by page: build it, serve it, load every page in Chromium.

    python benchmarks/site_budget.py                  # every page, with Lighthouse
    python benchmarks/site_budget.py --no-lighthouse  # bytes, requests and layout shift only (fast)
    python benchmarks/site_budget.py chain_rule/ ''   # some pages ('' is the home page)
    python benchmarks/site_budget.py --runs 3         # the median of three Lighthouse runs a page

For each page it prints what a first visit costs, on a cold cache:

- requests and KiB transferred (compressed, as a static host serves them), and KiB unpacked;
- layout shift, summed over every shift a PerformanceObserver sees in Chromium, on a phone
  (412 px wide, like Lighthouse's) and on a desktop: an upper bound of CLS;
- Lighthouse's mobile scores (performance, accessibility, best practices, SEO), each page's full
  report kept in test-artifacts/lighthouse/ (git ignores it). Lighthouse comes
  from npm, installed with `npm install --no-save` into .cache/lighthouse/ (git ignores it) and
  pointed at the system's chromium through CHROME_PATH.

Chromium runs with no network: every flag that stops its own traffic, and a proxy that is a closed
port on this machine, so only 127.0.0.1 is reached. The goals are checked on every page except the
404 page; the script exits with 1 if one is missed. Lighthouse's performance score depends on the
machine's load: run it on a quiet machine. A run in which Chromium withheld the page's first frame
until after the load event is set aside and run again (at most three times the runs asked for), and
the script says how many were (see `frame_withheld`).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from lessonkit.offline import CHROMIUM_FLAGS, StaticSite

ROOT = Path(__file__).resolve().parents[1]

# Lighthouse 13 needs Node 22; the 12 line runs on Node 18 and 20.
LIGHTHOUSE = {22: "13.5.0", 0: "12.8.2"}
LIGHTHOUSE_DIR = ROOT / ".cache" / "lighthouse"
REPORTS = ROOT / "test-artifacts" / "lighthouse"  # each page's full report, as JSON (git ignores it)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")

# A phone as Lighthouse's mobile run emulates it (Moto G Power), and a laptop.
PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1350, "height": 940}}

GOALS = {
    "kib": (350, "at most 350 KiB transferred"),
    "cls": (0.01, "layout shift at most 0.01"),
    "performance": (95, "Lighthouse performance at least 95"),
    "accessibility": (100, "Lighthouse accessibility 100"),
    "best-practices": (100, "Lighthouse best practices 100"),
    "seo": (100, "Lighthouse SEO 100"),
}

LAYOUT_SHIFT = """() => {
  window.__shift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
  }).observe({type: "layout-shift", buffered: true});
}"""


@dataclass
class Row:
    page: str
    requests: int = 0
    transferred: int = 0
    unpacked: int = 0
    shift_phone: float = 0.0
    shift_desktop: float = 0.0
    scores: dict[str, int | None] = field(default_factory=dict)
    lighthouse_note: str = ""
    withheld: int = 0  # Lighthouse runs set aside because Chromium withheld the first frame

    def misses(self) -> list[str]:
        missed = []
        if self.transferred / 1024 > GOALS["kib"][0]:
            missed.append(GOALS["kib"][1])
        if max(self.shift_phone, self.shift_desktop) > GOALS["cls"][0]:
            missed.append(GOALS["cls"][1])
        for category in CATEGORIES:
            score = self.scores.get(category)
            if score is not None and score < GOALS[category][0]:
                missed.append(GOALS[category][1])
        return missed


def build(site_dir: Path) -> None:
    print(f"building the site into {site_dir} ...", file=sys.stderr)
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site_dir)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    if done.returncode:
        sys.exit(f"mkdocs build --strict failed:\n{done.stdout}{done.stderr}")


def measure(site: StaticSite, pages: list[str], chromium: str) -> list[Row]:
    """Bytes, requests and layout shift of a first visit to each page, in a fresh browser context."""
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        for page_path in pages:
            row = Row(page_path)
            for device, attribute in ((PHONE, "shift_phone"), (DESKTOP, "shift_desktop")):
                context = browser.new_context(**device, service_workers="block")
                context.route("**/*", lambda route: _only_local(route, site.url))
                sizes = []
                context.on("requestfinished", lambda request, sizes=sizes: sizes.append(_sizes(request)))
                page = context.new_page()
                page.add_init_script(f"({LAYOUT_SHIFT})()")
                page.goto(site.url + page_path, wait_until="networkidle")
                page.wait_for_timeout(500)  # anything that still moves after the page went quiet
                setattr(row, attribute, page.evaluate("() => window.__shift"))
                if device is PHONE:
                    row.requests = len(sizes)
                    row.transferred = sum(transferred for transferred, _ in sizes)
                    row.unpacked = sum(unpacked for _, unpacked in sizes)
                context.close()
            rows.append(row)
            print(f"  measured /{page_path}", file=sys.stderr)
        browser.close()
    return rows


def _only_local(route, origin: str):
    if route.request.url.startswith(origin):
        route.continue_()
    else:
        print(f"  blocked a request to another host: {route.request.url}", file=sys.stderr)
        route.abort("blockedbyclient")


def _sizes(request) -> tuple[int, int]:
    """(bytes on the wire: headers and compressed body, bytes of the body unpacked)."""
    sizes = request.sizes()
    response = request.response()
    unpacked = int(response.headers.get("content-length", 0)) if response else 0
    if response and response.headers.get("content-encoding"):
        try:
            unpacked = len(response.body())
        except Exception:  # a body the browser no longer holds
            unpacked = sizes["responseBodySize"]
    return sizes["responseBodySize"] + sizes["responseHeadersSize"], unpacked


def install_lighthouse() -> tuple[Path | None, str]:
    """Lighthouse from npm into .cache/lighthouse/, once; (its command, its version) or (None, why not)."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not (node and npm):
        return None, "Lighthouse needs node and npm"
    major = int(
        subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip().lstrip("v").split(".")[0]
    )
    version = LIGHTHOUSE[22] if major >= 22 else LIGHTHOUSE[0]
    command = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
    installed = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "package.json"
    if not installed.is_file() or json.loads(installed.read_text())["version"] != version:
        print(f"installing lighthouse@{version} into {LIGHTHOUSE_DIR} ...", file=sys.stderr)
        LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            [
                npm,
                "install",
                "--no-save",
                "--no-audit",
                "--no-fund",
                "--prefix",
                str(LIGHTHOUSE_DIR),
                f"lighthouse@{version}",
            ],
            capture_output=True,
            text=True,
        )
        if done.returncode:
            return None, f"npm could not install lighthouse@{version}: {done.stderr.strip()[-300:]}"
    return command, version


def lighthouse(command: Path, url: str, chromium: str, report: Path) -> tuple[dict[str, int | None], str, bool]:
    """Lighthouse's mobile scores for one page (0-100), the failed audits that cost points, and whether
    Chromium withheld the page's first frame (see `frame_withheld`)."""
    flags = " ".join(["--headless=new", *CHROMIUM_FLAGS])
    report.parent.mkdir(parents=True, exist_ok=True)
    report.unlink(missing_ok=True)
    done = subprocess.run(
        [
            str(command),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={flags}",
        ],
        env={**os.environ, "CHROME_PATH": chromium},
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode or not report.is_file():
        return dict.fromkeys(CATEGORIES), f"lighthouse failed: {done.stderr.strip()[-200:]}", False
    result = json.loads(report.read_text())
    scores = {
        category: None
        if result["categories"][category]["score"] is None
        else round(100 * result["categories"][category]["score"])
        for category in CATEGORIES
    }
    lost = [
        reference["id"]
        for category in CATEGORIES
        if category != "performance"
        for reference in result["categories"][category]["auditRefs"]
        if reference["weight"]
        and (result["audits"][reference["id"]]["score"] or 0) < 1
        and result["audits"][reference["id"]]["scoreDisplayMode"] not in ("notApplicable", "manual", "informative")
    ]
    metrics = result["audits"]
    timing = ", ".join(
        f"{name} {metrics[audit]['displayValue']}"
        for name, audit in (
            ("FCP", "first-contentful-paint"),
            ("LCP", "largest-contentful-paint"),
            ("TBT", "total-blocking-time"),
        )
    )
    return scores, timing + (f"; lost on: {', '.join(lost)}" if lost else ""), frame_withheld(result)


def frame_withheld(result: dict) -> bool:
    """True when the first frame reached the screen only after the load event.

    A page of this site paints its first screen long before its load event (about 0.2 s against
    0.45 s, unthrottled). In some headless runs Chromium's compositor stops sending the page frames for
    up to a second (GoogleChrome/lighthouse#17148, "ThrottleUnresponsiveClient"), so the paint reaches
    the screen only after everything has loaded. Lighthouse's simulation then counts every request and
    script of the load as needed for the first paint: a page that scored 97 in one run scored 82 in the
    next. Such a run measures the browser, not the page; it is set aside and run again."""
    observed = result["audits"]["metrics"]["details"]["items"][0]
    return observed["observedFirstContentfulPaint"] > observed["observedLoad"]


def table(rows: list[Row], lighthouse_version: str, runs: str) -> str:
    def score(row, category):
        value = row.scores.get(category)
        return "n/a" if value is None else str(value)

    header = (
        "| page | requests | KiB transferred | KiB unpacked | layout shift (phone / desktop) "
        "| performance | accessibility | best practices | SEO |"
    )
    lines = [header, "|" + "---|" * header.count(" | ") + "---|"]
    for row in rows:
        lines.append(
            f"| /{row.page} | {row.requests} | {row.transferred / 1024:.0f} | {row.unpacked / 1024:.0f} "
            f"| {row.shift_phone:.3f} / {row.shift_desktop:.3f} | "
            + " | ".join(score(row, category) for category in CATEGORIES)
            + " |"
        )
    lines.append("")
    lines.append(f"Lighthouse {lighthouse_version}, mobile (simulated slow 4G, 4x CPU slowdown){runs}.")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pages", nargs="*", help="pages as paths from the site's root (default: every page)")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse (about 20 s a page and run)")
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs a page; the median run is shown")
    arguments = parser.parse_args()

    chromium = shutil.which("chromium")
    if chromium is None:
        sys.exit("chromium is not installed: apt-get install chromium")
    site_dir = Path(tempfile.mkdtemp(prefix="site-budget-"))
    try:
        build(site_dir)
        site = StaticSite(site_dir)
        pages = arguments.pages or site.pages()
        started = time.monotonic()
        rows = measure(site, pages, chromium)

        version = "not run"
        if not arguments.no_lighthouse:
            command, version = install_lighthouse()
            for row in rows:
                if command is None:
                    row.scores, row.lighthouse_note = dict.fromkeys(CATEGORIES), version
                    continue
                name = row.page.strip("/").replace("/", "_").removesuffix(".html") or "home"
                report = REPORTS / f"{name}.json"
                runs, withheld = [], 0
                for _ in range(3 * arguments.runs):  # a run whose first frame was withheld is run again
                    scores, note, frame_was_withheld = lighthouse(command, site.url + row.page, chromium, report)
                    if frame_was_withheld:
                        withheld += 1
                    else:
                        runs.append((scores, note))
                    if len(runs) == arguments.runs:
                        break
                if not runs:
                    runs = [(scores, note + "; every run's first frame was withheld")]
                runs.sort(key=lambda run: run[0]["performance"] or 0)
                row.scores, row.lighthouse_note = runs[len(runs) // 2]
                row.withheld = withheld
                print(f"  lighthouse /{row.page}: {row.scores} ({row.lighthouse_note})", file=sys.stderr)
            version = version if command else f"not run ({version})"
        site.close()
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)

    print(table(rows, version, "" if arguments.runs == 1 else f", median of {arguments.runs} runs"))
    notes = [f"- /{row.page}: {row.lighthouse_note}" for row in rows if row.lighthouse_note]
    if notes:
        print("\nLighthouse details:\n" + "\n".join(notes))
    withheld = [f"/{row.page} {row.withheld}" for row in rows if row.withheld]
    if withheld:
        total = sum(row.withheld for row in rows)
        print(f"\nRuns set aside, their first frame withheld by Chromium ({total}): " + ", ".join(withheld))
    misses = [f"- /{row.page}: {', '.join(row.misses())}" for row in rows if row.page != "404.html" and row.misses()]
    print(f"\nmeasured in {time.monotonic() - started:.0f} s")
    if misses:
        print("Goals missed:\n" + "\n".join(misses))
        return 1
    print("Every page meets every goal.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
