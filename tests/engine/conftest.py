"""A scratch copy of the chain-rule lesson, for tests that break things on purpose."""

import shutil

import pytest

from lessonkit import Project

LESSON = "chain_rule"


@pytest.fixture
def scratch(project, tmp_path) -> Project:
    """The chain-rule page, its snippets and its pictures, copied to tmp_path as a project of their own."""
    (tmp_path / "docs").mkdir()
    shutil.copy(project.docs_dir / f"{LESSON}.md", tmp_path / "docs")
    shutil.copytree(project.docs_dir / "figures" / LESSON, tmp_path / "docs" / "figures" / LESSON)
    shutil.copytree(project.snippets_dir / LESSON, tmp_path / "snippets" / LESSON)
    (tmp_path / "snippets" / "figures").mkdir()
    shutil.copy(project.snippets_dir / "figures" / f"{LESSON}.py", tmp_path / "snippets" / "figures")
    return Project(tmp_path)
