"""Bad input gets a clear error naming the file and line; nothing is silently dropped."""

import re
import subprocess
import sys
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from lessonkit.checks import check_hidden_characters, check_page, check_snippets, record
from lessonkit.hooks import check_includes, prose_values
from lessonkit.problems import SnippetError, report
from lessonkit.sections import read_sections
from tests.engine.scratch import edit, line_of


def page_problems(scratch):
    return report(check_page(scratch, scratch.docs_dir / "chain_rule.md"))


@pytest.mark.parametrize(
    ("source", "line", "message"),
    [
        ("import torch\n", 1, "code outside a section"),
        ("# --8<-- [start:a]\nx = 1\n", 1, "section 'a' is never closed"),
        ("# --8<-- [start:a]\nx = 1\n# --8<-- [end:b]\n", 3, "'[end:b]' does not close anything"),
        ("# --8<-- [start:a]\nx = 1\n# --8<-- [start:b]\n", 3, "starts before section 'a' ends"),
        (
            "# --8<-- [start:a]\nx = 1\n# --8<-- [end:a]\n# --8<-- [start:a]\ny = 2\n# --8<-- [end:a]\n",
            4,
            "defined twice",
        ),
        ("# --8<-- [start:a]\n\n# --8<-- [end:a]\n", 1, "section 'a' is empty"),
        ("# just a comment\n", 1, "no sections"),
    ],
)
def test_malformed_sections_are_reported_with_their_line(tmp_path, source, line, message):
    path = tmp_path / "broken.py"
    path.write_text(source, encoding="utf-8")
    with pytest.raises(SnippetError) as error:
        read_sections(path, "snippets/broken.py")
    assert error.value.problem.line == line
    assert message in str(error.value)
    assert str(error.value).startswith(f"snippets/broken.py:{line}: ")


def test_an_invisible_character_is_reported_as_file_line_column(scratch):
    edit(scratch.snippet("chain_rule/q1.py"), "b = torch.tensor(3.0", "b = torch.tensor(\u200b3.0")
    edit(scratch.docs_dir / "chain_rule.md", "## Exercises", "## Exer\u202ecises")
    files = [scratch.snippet("chain_rule/q1.py"), scratch.docs_dir / "chain_rule.md"]
    problems = [str(p) for p in check_hidden_characters(scratch, files)]
    q1_line = line_of(scratch.snippet("chain_rule/q1.py"), "\u200b")
    page_line = line_of(scratch.docs_dir / "chain_rule.md", "\u202e")
    assert problems[0].startswith(
        f"snippets/chain_rule/q1.py:{q1_line}:18: invisible character U+200B ZERO WIDTH SPACE"
    )
    assert problems[1].startswith(
        f"docs/chain_rule.md:{page_line}:8: invisible character U+202E RIGHT-TO-LEFT OVERRIDE"
    )


def test_a_missing_section_is_reported_by_the_checks(scratch):
    edit(scratch.docs_dir / "chain_rule.md", '"chain_rule/q3.py:by_hand"', '"chain_rule/q3.py:by_hnd"')
    assert "chain_rule/q3.py has no section 'by_hnd' (it has: forward, by_hand, autograd)" in page_problems(scratch)


def test_a_section_no_page_shows_is_reported(scratch):
    path = scratch.snippet("chain_rule/q5.py")
    path.write_text(path.read_text() + "\n# --8<-- [start:extra]\nleft_over = 1\n# --8<-- [end:extra]\n")
    (problem,) = check_snippets(scratch)
    assert "section 'extra' is on no page" in problem.message
    assert problem.file == "snippets/chain_rule/q5.py"


def test_a_recording_without_its_section_is_reported(scratch):
    (scratch.root / "snippets/chain_rule/outputs/q5/gone.txt").write_text("old\n")
    (problem,) = check_snippets(scratch)
    assert problem.file == "snippets/chain_rule/outputs/q5/gone.txt"
    assert "no longer prints (or no longer exists)" in problem.message


def test_an_output_the_page_does_not_show_is_reported_with_the_fix(scratch):
    edit(
        scratch.docs_dir / "chain_rule.md",
        '```{.text .no-copy title="Output"}\n--8<-- "chain_rule/outputs/warm_up/forward.txt"\n```\n',
        "",
    )
    message = page_problems(scratch)
    assert "chain_rule/warm_up.py:forward prints output that the page does not show" in message
    assert '--8<-- "chain_rule/outputs/warm_up/forward.txt"' in message


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ('```{.python notest}\nprint("never run")\n```\n', "marked notest, so no test runs it"),
        ('!!! note\n    ```python\n    print("hidden from pytest")\n    ```\n', "cannot see an indented Python block"),
        ('```python\n--8<-- "chain_rule/q1.py:forward"\n```\n', "open this block with ```{.python notest}"),
        ('```{.python notest}\n--8<-- "chain_rule/q1.py:forward"\nprint(1)\n```\n', "exactly one '--8<--' line"),
    ],
)
def test_python_that_no_test_runs_is_reported(scratch, block, message):
    edit(scratch.docs_dir / "chain_rule.md", "## What to remember", f"{block}\n## What to remember")
    assert message in page_problems(scratch)


def test_a_malformed_placeholder_is_reported(scratch):
    edit(scratch.docs_dir / "chain_rule.md", "{{ chain_rule/q5.py:df_dx:.1f }}", "{{ chain_rule/q5.py df_dx }}")
    assert "'{{ chain_rule/q5.py df_dx }}' is not a value placeholder" in page_problems(scratch)


def _hook_page(scratch, markdown):
    """What MkDocs hands a hook: a page whose file has front matter, and the markdown below it."""
    source = scratch.docs_dir / "scratch.md"
    source.write_text("---\ndescription: two lines of front matter\n---\n\n" + markdown, encoding="utf-8")
    config = SimpleNamespace(config_file_path=str(scratch.root / "mkdocs.yml"))
    return SimpleNamespace(file=SimpleNamespace(src_uri="scratch.md", abs_src_path=str(source))), config


def test_the_build_stops_on_a_missing_snippet_file_naming_the_page(scratch):
    markdown = '# t\n\n```{.python notest}\n--8<-- "chain_rule/q9.py:forward"\n```\n'
    page, config = _hook_page(scratch, markdown)
    with pytest.raises(
        PluginError, match=r'docs/scratch.md:8: the included file "snippets/chain_rule/q9.py" does not exist'
    ):
        check_includes.on_page_markdown(markdown, page=page, config=config)


def test_the_build_stops_on_an_unrecorded_value_naming_the_command(scratch):
    markdown = "# t\n\nThe gradient: {{ chain_rule/q1.py:a.grad }}\n"
    page, config = _hook_page(scratch, markdown)
    with pytest.raises(
        PluginError,
        match=r"docs/scratch.md:7: \{\{ chain_rule/q1.py:a.grad \}\} has no recorded value; "
        r"run `pytest --update-outputs`",
    ):
        prose_values.on_page_markdown(markdown, page=page, config=config)


def test_mkdocs_build_fails_on_a_missing_section_naming_page_and_snippet(project, scratch):
    """The real build, end to end, on the scratch copy."""
    # The real configuration, with a nav of the one page the scratch project has.
    (scratch.root / "mkdocs.yml").write_text(f"INHERIT: {project.root / 'mkdocs.yml'}\nnav: [chain_rule.md]\n")
    for entry in project.root.iterdir():  # hooks, theme overrides: whatever mkdocs.yml names beside itself
        if entry.name not in ("docs", "snippets", "site", "mkdocs.yml") and not entry.name.startswith("."):
            (scratch.root / entry.name).symlink_to(entry)
    edit(scratch.docs_dir / "chain_rule.md", '"chain_rule/q3.py:by_hand"', '"chain_rule/q3.py:by_hnd"')
    line = line_of(scratch.docs_dir / "chain_rule.md", "q3.py:by_hnd")
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(scratch.root / "site")],
        cwd=scratch.root,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": ""},
    )
    assert build.returncode != 0
    # The include check and the notebook builder both read includes; either may be the one to stop.
    assert re.search(rf"docs/chain_rule.md:{line}: (snippets/)?chain_rule/q3.py has no section 'by_hnd'", build.stderr)


def test_update_outputs_names_the_page_of_a_placeholder_it_cannot_compute(scratch):
    edit(scratch.docs_dir / "chain_rule.md", "{{ chain_rule/q5.py:df_dx:.1f }}", "{{ chain_rule/q5.py:df_dy:.1f }}")
    line = line_of(scratch.docs_dir / "chain_rule.md", "{{ chain_rule/q5.py:df_dy:.1f }}")
    with pytest.raises(SnippetError, match=rf"^docs/chain_rule.md:{line}: .* cannot be computed: NameError"):
        record(scratch)
