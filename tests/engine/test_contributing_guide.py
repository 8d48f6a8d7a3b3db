"""CONTRIBUTING.md's five steps, followed to the letter in a scratch project, give a lesson that passes its checks.

The example blocks are read from the guide itself, so the guide cannot drift from what the engine accepts.
"""

import re
import runpy
import subprocess
import sys
from pathlib import Path

from lessonkit import Project
from lessonkit.errors import report
from lessonkit.site import Site
from lessonkit.verify import Mode, verify

# A fenced block whose info string names a file: ```python title="snippets/taylor/sine.py"
_EXAMPLE = re.compile(r'^(?P<fence>`{3,})\w+ title="(?P<path>[^"]+)"\n(?P<body>.*?)^(?P=fence)$', re.M | re.S)


def guide_examples(project: Project) -> dict[str, str]:
    """Each file the guide shows, as the newcomer writes it: its example blocks in order, one after another."""
    files: dict[str, str] = {}
    for block in _EXAMPLE.finditer((project.root / "CONTRIBUTING.md").read_text(encoding="utf-8")):
        files[block["path"]] = files.get(block["path"], "") + ("\n" if block["path"] in files else "") + block["body"]
    return files


def follow_the_guide(project: Project, root: Path) -> Project:
    for path, text in guide_examples(project).items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    (root / "snippets/taylor/__init__.py").touch()
    return Project(root)


def test_the_guide_shows_every_file_of_a_lesson(project):
    assert sorted(guide_examples(project)) == [
        "docs/taylor.md",
        "snippets/taylor/sine.py",
        "tests/lessons/test_taylor.py",
    ]


def test_the_guides_lesson_is_checked_recorded_and_passes(project, tmp_path, monkeypatch):
    lesson = follow_the_guide(project, tmp_path)
    # Before step 4 the checks ask for the recording, with the command that makes it.
    assert "run `pytest --update-outputs`" in report(verify(Site.load(lesson), "taylor").problems)

    done = verify(Site.load(lesson), "taylor", Mode.RECORD)
    recorded = [lesson.display(path) for path in done.changed]
    assert recorded == [
        "snippets/taylor/outputs/recorded-from.json",
        "snippets/taylor/outputs/sine/slope.txt",
        "snippets/taylor/outputs/sine/values.json",
    ]
    assert done.problems == []
    problems = verify(Site.load(lesson), "taylor").problems
    assert not problems, "\n" + report(problems)

    # The guide's own lesson test, run against the scratch lesson instead of the repository.
    monkeypatch.setattr(Project, "here", classmethod(lambda cls: lesson))
    module = runpy.run_path(str(tmp_path / "tests/lessons/test_taylor.py"))
    tests = [test for name, test in module.items() if name.startswith("test_")]
    assert tests
    for test in tests:
        test()


def test_the_guides_code_already_has_the_project_style(project, tmp_path):
    follow_the_guide(project, tmp_path)
    config = str(project.root / "pyproject.toml")
    for command in (["check"], ["format", "--check"]):
        done = subprocess.run(
            [sys.executable, "-m", "ruff", *command, "--config", config, "--output-format=concise", "."],
            cwd=tmp_path,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stdout + done.stderr
