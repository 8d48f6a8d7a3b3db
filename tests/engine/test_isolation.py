"""Each lesson runs as if alone (issue 19, items 2 to 5): under a time limit, in a fresh global state that it cannot
leave behind, with its random draws named when they are not seeded, printing a little, and offline."""

import os
import time

import pytest
import torch

from lessonkit import LessonError, recordings, sections
from lessonkit.figures import modules
from lessonkit.isolation import MAX_LINES, SectionTimeout, time_limit
from lessonkit.sections import read_sections
from lessonkit.site import Site
from lessonkit.verify import Mode, verify
from tests.engine.conftest import PAGE, SNIPPET, add_section, checked, edit, line_of, record

LIMIT = (
    0.2  # seconds: short, so the test is fast; a pass that ran the section once per use would take ten times as long
)
HANG = "while True: pass"
COUNT = 'with open("runs.txt", "a") as file: file.write("run\\n")'  # each run leaves a line in the project (its cwd)


def runs(project) -> int:
    """How many times the counting code ran."""
    return (project.root / "runs.txt").read_text().count("run")


LIMIT_LINE = f"# lessonkit: time limit {LIMIT} s, because a test must be quick\n"


def problems_in(project, mode: Mode):
    return verify(Site.load(project), "mini", mode).problems


# -- item 2: a time limit for every section -------------------------------------------------------------------------


@pytest.mark.parametrize("mode", [Mode.CHECK, Mode.RECORD])
def test_a_section_that_never_ends_stops_at_its_line_within_its_time_limit(mini, mode):
    first = add_section(mini, "forever", f"{COUNT}\n{HANG}", above=LIMIT_LINE)
    started = time.monotonic()
    found = [p for p in problems_in(mini, mode) if "ran for more than" in p.message]
    elapsed = time.monotonic() - started
    assert [(p.file, p.line) for p in found] == [(SNIPPET, first + 1)]
    assert found[0].message.startswith(
        f"section 'forever' (lines {first}-{first + 1}) ran for more than {LIMIT:g} s and was stopped at line "
        f"{first + 1}; "
    )
    assert "'# lessonkit: time limit 60 s, because ...' right above its '[start:forever]' marker" in found[0].message
    assert runs(mini) == 1, "the pass ran the section more than once: each run costs a whole time limit"
    assert elapsed < LIMIT + 5  # so a pass that meets a section that hangs ends within about its time limit


def test_nothing_is_recorded_for_a_snippet_that_timed_out(mini):
    add_section(mini, "forever", HANG, above=LIMIT_LINE)
    edit(mini.root / "snippets/mini/outputs/square/by_hand.txt", "6.0", "6.5")
    assert record(mini).changed == []  # the old recordings stay until the snippet runs
    assert (mini.root / "snippets/mini/outputs/square/by_hand.txt").read_text() == "by hand: 6.5\n"


def test_the_default_time_limit_applies_to_a_section_without_a_line_of_its_own(mini, monkeypatch):
    monkeypatch.setattr(sections, "TIME_LIMIT", LIMIT)
    add_section(mini, "forever", HANG)
    (problem,) = [p for p in checked(mini) if "ran for more than" in p.message]
    assert f"ran for more than {LIMIT:g} s" in problem.message


@pytest.mark.parametrize(
    ("above", "line", "message"),
    [
        ("# lessonkit: time limit 2 s because it trains\n", 1, "write a time limit as '# lessonkit: time limit 60 s"),
        ("# lessonkit: time limit 2 s, because\n", 1, "write a time limit as '# lessonkit: time limit 60 s"),
        ("# lessonkit: time limit two seconds, because\n", 1, "write a time limit as"),
        ("# lessonkit: time limit 2 s, because it trains\n\n", 1, "a time limit must sit on the line right above"),
    ],
    ids=["no-comma", "no-reason", "no-number", "not-right-above"],
)
def test_a_malformed_time_limit_is_reported_at_its_line(tmp_path, above, line, message):
    path = tmp_path / "limited.py"
    path.write_text(f"{above}# --8<-- [start:train]\nx = 1\n# --8<-- [end:train]\n", encoding="utf-8")
    with pytest.raises(LessonError) as error:
        read_sections(path, "snippets/limited.py")
    assert (error.value.problem.file, error.value.problem.line) == ("snippets/limited.py", line)
    assert message in error.value.problem.message


def test_a_time_limit_holds_for_the_section_under_it_only(tmp_path):
    path = tmp_path / "limited.py"
    path.write_text(
        "# lessonkit: time limit 90 s, because it trains for long\n"
        "# --8<-- [start:train]\nx = 1\n# --8<-- [end:train]\n"
        "# --8<-- [start:show]\nprint(x)\n# --8<-- [end:show]\n",
        encoding="utf-8",
    )
    assert [(s.name, s.time_limit) for s in read_sections(path, "x.py")] == [
        ("train", 90),
        ("show", sections.TIME_LIMIT),
    ]


def test_a_figure_module_that_never_ends_stops_at_its_line_once(mini, monkeypatch):
    monkeypatch.setattr(modules, "TIME_LIMIT", LIMIT)
    module = mini.root / "snippets/figures/mini.py"
    edit(module, "def figures(project: Project):\n", f"def figures(project: Project):\n    {COUNT}\n    {HANG}\n")
    found = [p for p in checked(mini) if p.file == "snippets/figures/mini.py"]
    assert [(p.line, p.message) for p in found] == [
        (
            line_of(module, HANG),
            f"computing the figures took more than {LIMIT:g} s and was stopped here; make them do less",
        )
    ]
    assert runs(mini) == 1, "the pass ran the figure module more than once: each run costs a whole time limit"


def busy(seconds: float) -> None:
    """Compute for a while (a bounded loop: a limit that never fires fails the test instead of hanging it)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        pass


def test_an_inner_time_limit_never_outlasts_the_outer_one_and_the_outer_one_runs_on():
    started = time.monotonic()
    with pytest.raises(SectionTimeout), time_limit(0.2), time_limit(30):  # a figure module's limit, a section's
        busy(5)
    assert time.monotonic() - started < 2
    started = time.monotonic()
    with pytest.raises(SectionTimeout), time_limit(0.3):
        with time_limit(30):
            pass  # a quick section
        busy(5)  # the figure module goes on, and its own limit still holds
    assert 0.25 < time.monotonic() - started < 2


def test_a_section_that_calls_exit_is_reported_at_its_line(mini):
    first = add_section(mini, "leave", "import sys\n\nsys.exit(3)")
    (problem,) = [p for p in checked(mini) if p.file == SNIPPET]
    assert problem.line == first + 2
    assert problem.message.startswith("section 'leave' called exit (3): a lesson runs to its end")


# -- item 3: one lesson's global state never reaches another ---------------------------------------------------------

CHANGES_EVERYTHING = """\
# --8<-- [start:observe]
import os

import torch

print(torch.tensor([1 / 3]), torch.get_default_dtype(), torch.is_grad_enabled(), os.path.basename(os.getcwd()))
print(torch.initial_seed() == 1234)
# --8<-- [end:observe]

# --8<-- [start:change]
torch.set_printoptions(precision=2)
torch.set_default_dtype(torch.float64)
torch.manual_seed(1234)
torch.set_grad_enabled(False)
os.chdir(os.path.dirname(os.getcwd()))
# --8<-- [end:change]
"""
# What a fresh kernel prints: what each lesson must print, whichever ran before it in the same process.
FRESH = "tensor([0.3333]) torch.float32 True project\nFalse\n"


PAGE_OF = """\
---
summary: look at the state a lesson starts in
needs:
  mini.md: ""
---

# {name}

```{{.python notest}}
--8<-- "{name}/state.py:observe"
```

```{{.text .no-copy title="Output"}}
--8<-- "{name}/outputs/state/observe.txt"
```

```{{.python notest}}
--8<-- "{name}/state.py:change"
```
"""


def add_lesson(project, name: str) -> None:
    """A lesson that prints the global state it starts in, then changes all of it."""
    (project.snippets_dir / name).mkdir()
    (project.snippets_dir / name / "state.py").write_text(CHANGES_EVERYTHING, encoding="utf-8")
    (project.docs_dir / f"{name}.md").write_text(PAGE_OF.format(name=name), encoding="utf-8")


@pytest.mark.parametrize("order", [("first", "second"), ("second", "first")])
def test_a_lesson_that_changes_global_state_leaves_every_other_lessons_output_unchanged(mini, order):
    for name in order:
        add_lesson(mini, name)
    (mini.root / "mkdocs.yml").write_text(f"nav: [mini.md, {order[0]}.md, {order[1]}.md]\n", encoding="utf-8")
    before = (torch._tensor_str.get_printoptions(), torch.get_default_dtype(), torch.is_grad_enabled(), os.getcwd())
    rng = torch.get_rng_state()
    for name in (*order, "mini"):
        assert record(mini, name).problems == [], name
    for name in order:
        assert (mini.snippets_dir / name / "outputs/state/observe.txt").read_text() == FRESH, name
    assert checked(mini) == []  # the fixture's own lesson, after both, prints as it always did
    # And the process that ran them is as it was.
    assert (torch._tensor_str.get_printoptions(), torch.get_default_dtype(), torch.is_grad_enabled(), os.getcwd()) == (
        before
    )
    assert torch.equal(torch.get_rng_state(), rng)


def test_a_lesson_starts_in_a_fresh_kernels_state_whatever_state_the_process_is_in(mini, tmp_path):
    add_lesson(mini, "first")
    (mini.root / "mkdocs.yml").write_text("nav: [mini.md, first.md]\n", encoding="utf-8")
    saved = (torch._tensor_str.get_printoptions(), torch.get_default_dtype(), os.getcwd())
    try:
        torch.set_printoptions(precision=1)
        torch.set_default_dtype(torch.float64)
        torch.manual_seed(1234)
        os.chdir(tmp_path)
        with torch.no_grad():
            assert record(mini, "first").problems == []
    finally:
        torch.set_printoptions(**saved[0])
        torch.set_default_dtype(saved[1])
        os.chdir(saved[2])
    assert (mini.snippets_dir / "first/outputs/state/observe.txt").read_text() == FRESH


# -- item 4: nondeterminism is named ----------------------------------------------------------------------------------

UNSEEDED = "print(torch.rand(2))"
SEED_HINT = "it is nondeterministic, so no recording can hold it. Seed its random draws (a torch.Generator"


@pytest.mark.parametrize("mode", [Mode.CHECK, Mode.RECORD])
def test_an_unseeded_draw_that_is_printed_is_named_nondeterministic_and_not_recorded(mini, mode):
    add_section(mini, "noise", UNSEEDED)
    found = [p for p in problems_in(mini, mode) if SEED_HINT in p.message]
    assert [(p.file, p.line) for p in found] == [(PAGE, line_of(mini.root / PAGE, '"mini/square.py:noise"'))]
    assert found[0].message.startswith("section 'noise' prints something else each time mini/square.py runs")
    assert not recordings.output_path(mini, "mini/square.py", "noise").exists()


@pytest.mark.parametrize("mode", [Mode.CHECK, Mode.RECORD])
def test_an_unseeded_value_is_named_nondeterministic_and_not_recorded(mini, mode):
    add_section(mini, "noise", "noise = torch.rand(()).item()", shown=False)
    edit(mini.root / PAGE, "## Exercises", "Noise: {{ mini/square.py:noise:.3f }}.\n\n## Exercises")
    edit(mini.root / PAGE, "## Exercises", '```{.python notest}\n--8<-- "mini/square.py:noise"\n```\n\n## Exercises')
    found = [p for p in problems_in(mini, mode) if SEED_HINT in p.message]
    assert [(p.file, p.line) for p in found] == [(PAGE, line_of(mini.root / PAGE, "Noise:"))]
    assert "noise:.3f" not in recordings.read_values(mini, "mini/square.py")


def test_a_seeded_draw_is_recorded_and_checks_clean(mini):
    add_section(mini, "noise", "print(torch.rand(2, generator=torch.Generator().manual_seed(0)))")
    assert [p for p in record(mini).problems if SEED_HINT in p.message] == []
    assert recordings.output_path(mini, "mini/square.py", "noise").read_text().startswith("tensor([0.4963, 0.7682])")
    assert checked(mini) == []


# -- item 5: limits on output, and no network ---------------------------------------------------------------------


@pytest.mark.parametrize("mode", [Mode.CHECK, Mode.RECORD])
def test_a_section_that_prints_too_much_stops_with_a_clear_message_and_records_nothing(mini, mode):
    first = add_section(mini, "flood", "for step in range(10**6):\n    print(step)")
    started = time.monotonic()
    found = [p for p in problems_in(mini, mode) if "printed more than" in p.message]
    assert time.monotonic() - started < 2
    assert [(p.file, p.line) for p in found] == [(SNIPPET, first + 1)]
    assert found[0].message == (
        f"section 'flood' printed more than {MAX_LINES} lines or 10000 characters; "
        "a page shows a few lines: print a summary (every 100th step, say)"
    )
    assert not recordings.output_path(mini, "mini/square.py", "flood").exists()


def test_a_long_line_counts_too(mini):
    add_section(mini, "wide", 'print("x" * 20_000)')
    assert any("printed more than" in p.message for p in checked(mini))


@pytest.mark.parametrize(
    "code",
    [
        'import socket\n\nsocket.create_connection(("127.0.0.1", 9), timeout=1)',
        'import urllib.request\n\nurllib.request.urlopen("http://127.0.0.1:9/", timeout=1)',
    ],
    ids=["socket", "urllib"],
)
@pytest.mark.parametrize("mode", [Mode.CHECK, Mode.RECORD])
def test_a_section_that_uses_the_network_stops_with_the_offline_message(mini, code, mode):
    add_section(mini, "online", code, shown=True)
    found = [p for p in problems_in(mini, mode) if p.file == SNIPPET]
    assert [p.line for p in found] == [line_of(mini.root / SNIPPET, "127.0.0.1")]
    assert found[0].message.startswith("section 'online' tried to use the network, and lessons run offline")
    assert "make the data in the code, or ship it with the lesson" in found[0].message
