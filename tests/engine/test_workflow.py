"""The GitHub workflow is right for ubuntu-latest, checked offline, and runs what .ci/run runs: the README's tests.

What only a first run on GitHub can show (that Google Chrome is where the runner image puts it,
that PyTorch's CPU index serves the pinned torch) is listed in the README.
"""

import os
import re
import shutil
import subprocess
import sys

import pytest
import yaml

WORKFLOW = ".github/workflows/site.yml"


def readme_commands(project) -> list[str]:
    """The README's bash blocks under "Quick start": the set-up command, then the test command."""
    readme = (project.root / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```bash\n(.*?)```", quick_start, re.DOTALL)]


@pytest.fixture(scope="module")
def workflow(project) -> dict:
    return yaml.safe_load((project.root / WORKFLOW).read_text(encoding="utf-8"))


def test_the_workflow_is_valid_by_githubs_schema(project):
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", WORKFLOW],
        cwd=project.root,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_finds_nothing(project):
    # Beside the Python running the tests (a venv's bin/, activated or not), in the project's .venv, or on PATH.
    beside = os.pathsep.join([os.path.dirname(sys.executable), str(project.root / ".venv" / "bin")])
    actionlint = shutil.which("actionlint", path=beside) or shutil.which("actionlint")
    assert actionlint, 'actionlint comes with the test extra: pip install -c constraints.txt -e ".[test]"'
    done = subprocess.run([actionlint, "-oneline", WORKFLOW], cwd=project.root, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_readme_has_a_set_up_command_and_a_test_command(project):
    set_up, test = readme_commands(project)
    assert "python3 -m venv .venv" in set_up and "-c constraints.txt" in set_up and "mkdocs serve" in set_up
    assert test.endswith("pytest")


def test_ci_and_github_run_the_readmes_test_command(project, workflow):
    _, test = readme_commands(project)
    steps = workflow["jobs"]["test"]["steps"]
    assert any(step.get("run") == test for step in steps), f"no step runs {test!r}"
    assert (project.root / ".ci" / "run").read_text(encoding="utf-8").rstrip().endswith(test)


def test_github_installs_the_cpu_build_of_the_pinned_torch_and_a_real_chromium(workflow):
    job = workflow["jobs"]["test"]
    runs = "\n".join(step.get("run", "") for step in job["steps"])
    assert "--index-url https://download.pytorch.org/whl/cpu" in runs and "grep -E '^torch==' constraints.txt" in runs
    assert job["env"]["CI"] == "true", "the browser tests must not be skipped on GitHub"
    assert job["env"]["LESSONS_CHROMIUM"] == "google-chrome"
    assert "install chromium" not in runs, "Ubuntu's chromium package is a snap stub that does not run on runners"
    assert job["runs-on"] == "ubuntu-latest"
