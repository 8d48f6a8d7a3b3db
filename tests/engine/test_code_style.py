"""One code style for the whole repository: ruff's rules and format, configured in pyproject.toml."""

import subprocess
import sys

import pytest

FIX = "ruff check --fix . && ruff format ."


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]], ids=["lint", "format"])
def test_ruff_passes(project, command):
    done = subprocess.run(
        [sys.executable, "-m", "ruff", *command, "--output-format=concise", "."],
        cwd=project.root,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, f"\n{done.stdout}{done.stderr}\nfix what ruff can with: {FIX}"
