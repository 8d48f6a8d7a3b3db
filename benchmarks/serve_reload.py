"""How fast `mkdocs serve` shows an edit: from saving a file to the served page showing the change.

    python benchmarks/serve_reload.py [--runs N]

It serves a copy of the project, then edits a lesson page's prose, and a snippet's code, and
times until the page served shows each edit; it also counts the notebooks the rebuild
converted (only the edited lesson's should be). The goal: within 2 s of saving.
"""

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE, SNIPPET = "docs/chain_rule.md", "snippets/chain_rule/q1.py"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode()


def wait_for(url: str, marker: str, timeout: float = 60) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        try:
            if marker in fetch(url):
                return time.perf_counter() - start
        except OSError:
            pass
        time.sleep(0.02)
    raise TimeoutError(f"{url} never showed {marker!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="edits of each kind; the median is reported")
    runs = parser.parse_args().runs
    copy = Path(tempfile.mkdtemp(prefix="serve-bench-"))
    shutil.copytree(ROOT, copy / "project", ignore=shutil.ignore_patterns(".venv", ".git", "site", "test-artifacts"))
    project, port = copy / "project", free_port()
    log = (copy / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/chain_rule/"
    try:
        print(f"first build served after {wait_for(url, '</html>', 300):.1f} s")
        times = {"a page's prose": [], "a snippet's code": []}
        for run in range(runs):
            for kind, path, old, new in [
                ("a page's prose", PAGE, "## Exercises", f"## Exercises\n\nEdit number {run}."),
                ("a snippet's code", SNIPPET, "dz_dx, dz_dy = 2, 3", f"dz_dx, dz_dy = 2, 3  # edit {run}"),
            ]:
                file = project / path
                text = file.read_text()
                converted_before = (copy / "serve.log").read_text().count("Converting notebook")
                time.sleep(0.5)  # a quiet moment, as after typing
                file.write_text(text.replace(old, new, 1))
                times[kind].append(wait_for(url, f"edit {run}" if "snippet" in kind else f"Edit number {run}."))
                time.sleep(1.5)
                converted = (copy / "serve.log").read_text().count("Converting notebook") - converted_before
                print(f"{kind}: shown after {times[kind][-1]:.2f} s, {converted} notebook(s) converted again")
                file.write_text(text)
                wait_for(url, "</html>")
                time.sleep(1.5)
        for kind, values in times.items():
            print(f"median, {kind}: {statistics.median(values):.2f} s from saving to the page served (goal: 2 s)")
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
        shutil.rmtree(copy, ignore_errors=True)


if __name__ == "__main__":
    main()
