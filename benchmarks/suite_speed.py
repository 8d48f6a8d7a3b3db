"""How long the build and the tests take, next to the floor nothing can beat: importing torch and sympy.

    python benchmarks/suite_speed.py [--runs N] [--quick]

Every command is timed here, in the same run as the import, so the ratios hold on whatever
machine runs it; run it on a quiet machine. Goals (issue #11), as multiples of the import:
`mkdocs build --strict` 1.5, `pytest -m "not slow"` 4, the full `pytest` 15. One lesson's
re-recording and checks should take under 5 s. `--quick` leaves out the full suite.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTEST = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
GOALS = {"mkdocs build --strict (warm)": 1.5, 'pytest -m "not slow"': 4, "pytest (everything)": 15}


def wall_time(command: list[str], before=None) -> float:
    if before:
        before()
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    seconds = time.perf_counter() - start
    if done.returncode:
        print(f"warning: {' '.join(command[2:])} exited with {done.returncode}; its time is of a failing run")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each command; the median is reported")
    parser.add_argument("--quick", action="store_true", help="leave out the full suite")
    options = parser.parse_args()
    site = tempfile.mkdtemp(prefix="speed-site-")
    build = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", site]
    commands = {
        "import torch, sympy": ([sys.executable, "-c", "import torch, sympy"], None),
        # A first build on a fresh checkout renders every notebook; later builds reuse what has not changed.
        "mkdocs build --strict (cold)": (build, lambda: shutil.rmtree(ROOT / ".cache" / "mkdocs-jupyter", True)),
        "mkdocs build --strict (warm)": (build, None),
        'pytest -m "not slow"': ([*PYTEST, "-m", "not slow"], None),
        "one lesson: --update-outputs -k softmax": (
            [*PYTEST, "--update-outputs", "-k", "softmax", "-m", "not slow"],
            None,
        ),
        "pytest (everything)": (PYTEST, None),
    }
    if options.quick:
        del commands["pytest (everything)"]
    wall_time(commands["import torch, sympy"][0])  # warm the file cache so every command starts alike
    medians = {
        name: statistics.median(wall_time(command, before) for _ in range(options.runs))
        for name, (command, before) in commands.items()
    }
    shutil.rmtree(site, ignore_errors=True)
    floor = medians["import torch, sympy"]
    print("| what | time | multiple of the import | goal |\n|---|---:|---:|---:|")
    for name, seconds in medians.items():
        goal = f"{GOALS[name]} x" if name in GOALS else ("5 s" if name.startswith("one lesson") else "")
        print(f"| `{name}` | {seconds:.1f} s | {seconds / floor:.1f} x | {goal} |")


if __name__ == "__main__":
    main()
