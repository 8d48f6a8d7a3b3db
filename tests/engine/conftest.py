"""A scratch copy of the chain-rule lesson, for tests that break things on purpose."""

import shutil

import pytest

from lessonkit import Project

LESSON = "chain_rule"


@pytest.fixture
def scratch(project, tmp_path) -> Project:
    """docs/chain_rule.md and snippets/chain_rule/ copied to tmp_path, as a project of their own."""
    (tmp_path / "docs").mkdir()
    shutil.copy(project.docs_dir / f"{LESSON}.md", tmp_path / "docs")
    shutil.copytree(project.snippets_dir / LESSON, tmp_path / "snippets" / LESSON)
    return Project(tmp_path)
