"""Partial runs work: one lesson's tests, or -k, exit 0 when what they ran passes; full runs keep the coverage gate."""

import os
import subprocess
import sys
from types import SimpleNamespace

import pytest
from _pytest.config import Config

from tests.conftest import is_full_run


def config(args_source=Config.ArgsSource.TESTPATHS, keyword="", markexpr=""):
    return SimpleNamespace(
        args_source=args_source,
        ArgsSource=Config.ArgsSource,
        option=SimpleNamespace(keyword=keyword, markexpr=markexpr),
    )


def test_only_plain_pytest_is_a_full_run():
    assert is_full_run(config())
    assert not is_full_run(config(args_source=Config.ArgsSource.ARGS))  # pytest tests/lessons/test_softmax.py
    assert not is_full_run(config(keyword="softmax"))
    assert not is_full_run(config(markexpr="not slow"))


@pytest.mark.slow  # pytest, inside pytest
@pytest.mark.parametrize(
    "args", [["tests/lessons/test_softmax.py"], ["-k", "softmax", "-m", "not slow"]], ids=["one-file", "keyword"]
)
def test_one_lessons_tests_pass_alone_without_the_coverage_gate(project, args, tmp_path):
    # Coverage data of its own: pytest-cov starts by erasing the data files where it writes, and this run's
    # lessons' processes have written theirs (tests/lesson_processes.py) beside the project's .coverage.
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
        cwd=project.root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "COVERAGE_FILE": str(tmp_path / ".coverage")},
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "Coverage failure" not in done.stdout and " passed" in done.stdout
