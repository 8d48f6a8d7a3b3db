"""How long the whole test suite takes, next to the floor it cannot beat: importing torch and sympy.

    python benchmarks/suite_speed.py [--runs N]

Both are measured here, in the same run, so the ratio holds on whatever machine runs
it. The goal is a full `pytest` (strict site build included) within 3x the import; the
fast checks (`-m "not slow"`: no browser, no Jupyter kernels) are timed too.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def wall_time(command: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    seconds = time.perf_counter() - start
    if done.returncode:
        print(f"warning: {' '.join(command[1:])} exited with {done.returncode}; its time is of a failing run")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each command; the median is reported")
    runs = parser.parse_args().runs
    commands = {
        "import torch, sympy": [sys.executable, "-c", "import torch, sympy"],
        "pytest (everything)": [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        # The same without the browser and notebook tests (`slow`): the engine, lessons and build.
        'pytest -m "not slow"': [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "not slow"],
    }
    wall_time(commands["import torch, sympy"])  # warm the file cache so both start alike
    medians = {name: statistics.median(wall_time(command) for _ in range(runs)) for name, command in commands.items()}
    floor = medians["import torch, sympy"]
    for name, seconds in medians.items():
        print(f"{name:<24}{seconds:8.2f} s  {seconds / floor:6.1f} x the import")
    print("goal: the whole suite within 3x the import")


if __name__ == "__main__":
    main()
