"""When a browser test cannot run here, the reason and its fix are printed once, not once per test."""

import os

import pytest

from tests.browser.conftest import as_root

pytest_plugins = ["pytester"]

# Three tests that need Chromium, in two files, under this folder's conftest.
TESTS = {
    "test_one": "def test_a(chromium):\n    pass\n\n\ndef test_b(chromium):\n    pass\n",
    "test_two": "def test_c(chromium):\n    pass\n",
}


@pytest.fixture
def without_chromium(pytester, monkeypatch, project):
    monkeypatch.setenv("LESSONS_CHROMIUM", str(pytester.path / "no-such-chromium"))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(project.root), os.environ.get("PYTHONPATH")])))
    pytester.makeconftest("from tests.browser.conftest import *  # noqa: F403\n")
    pytester.makepyfile(**TESTS)
    return pytester


def test_a_missing_chromium_is_reported_once_with_its_fix(without_chromium, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    result = without_chromium.runpytest_subprocess("-ra", "-p", "no:cacheprovider")
    result.assert_outcomes(skipped=3)
    hints = [line for line in result.outlines if "chromium is not installed" in line]
    assert len(hints) == 1, "\n".join(result.outlines)
    assert hints[0].startswith("SKIPPED [3] ") and "tests/browser/conftest.py: chromium is not" in hints[0], hints[0]
    assert f"`{as_root('apt-get install chromium')}`" in hints[0]


def test_a_missing_chromium_fails_every_browser_test_in_ci(without_chromium, monkeypatch):
    monkeypatch.setenv("CI", "true")
    result = without_chromium.runpytest_subprocess("-ra", "-p", "no:cacheprovider")
    result.assert_outcomes(errors=3)
    assert "CI must run the browser tests" in result.stdout.str()


def test_sudo_is_named_only_for_a_user_who_needs_it(monkeypatch):
    monkeypatch.setattr(os, "geteuid", lambda: 0, raising=False)
    assert as_root("apt-get install chromium") == "apt-get install chromium"
    monkeypatch.setattr(os, "geteuid", lambda: 1000, raising=False)
    assert as_root("apt-get install chromium") == "sudo apt-get install chromium"
