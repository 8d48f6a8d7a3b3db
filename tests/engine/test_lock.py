"""constraints.txt pins every package the site and its tests install, so CI installs the same versions every time."""

import re
import tomllib
from importlib import metadata

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REFRESH = "run `scripts/lock` and commit constraints.txt"


def pins(project) -> dict[str, str]:
    text = (project.root / "constraints.txt").read_text(encoding="utf-8")
    return {canonicalize_name(name): version for name, version in re.findall(r"^([\w.-]+)==(\S+)", text, re.M)}


def installed_requirements(distribution: str, extra: str) -> set[str]:
    """Every package that installing `distribution[extra]` brings in, by canonical name."""
    found: set[str] = set()
    todo, seen = [(distribution, extra)], set()
    while todo:
        name, wanted = todo.pop()
        if (name, wanted) in seen:
            continue
        seen.add((name, wanted))
        for requirement in map(Requirement, metadata.requires(name) or []):
            if requirement.marker and not requirement.marker.evaluate({"extra": wanted}):
                continue
            found.add(canonicalize_name(requirement.name))
            todo += [(requirement.name, "")] + [(requirement.name, extra) for extra in requirement.extras]
    return found


def test_every_installed_package_is_pinned(project):
    unpinned = sorted(installed_requirements("autograd-lessons", "test") - set(pins(project)))
    assert not unpinned, f"installed but not pinned in constraints.txt: {unpinned}; {REFRESH}"


def test_the_pins_satisfy_pyproject(project):
    declared = tomllib.loads((project.root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    locked = pins(project)
    outdated = [
        text
        for text in declared["dependencies"] + declared["optional-dependencies"]["test"]
        if not Requirement(text).specifier.contains(locked.get(canonicalize_name(Requirement(text).name), "0"))
    ]
    assert not outdated, f"pyproject.toml asks for {outdated}, which constraints.txt does not satisfy; {REFRESH}"


def test_pre_commit_runs_the_pinned_ruff(project):
    config = (project.root / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert f"rev: v{pins(project)['ruff']}\n" in config, "set the ruff hook's rev to the ruff in constraints.txt"
