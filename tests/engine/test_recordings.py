"""Re-recording never loses data (issue 19, item 8): a value whose placeholder fails keeps its old recording while the
rest is recorded, and every recording is replaced whole, so a write that fails half-way leaves the old file."""

import json
import os

import pytest

from lessonkit import recordings
from tests.engine.conftest import PAGE, SNIPPET, checked, edit, line_of, record

VALUES = "snippets/mini/outputs/square/values.json"
BY_HAND = "snippets/mini/outputs/square/by_hand.txt"


def test_a_value_whose_placeholder_fails_keeps_its_recording_and_the_rest_is_recorded(mini):
    check = "torch.testing.assert_close(x.grad, torch.tensor(slope))\n"
    edit(mini.root / SNIPPET, check, check + "del y\n")  # {{ mini/square.py:y:.1f }} can no longer be computed
    quote = "The slope is {{ mini/square.py:slope:g }}.\n\n"  # a value not recorded yet
    edit(mini.root / PAGE, "Back to [the forward pass]", quote + "Back to [the forward pass]")
    done = record(mini)
    failing = [p for p in done.problems if "cannot be computed" in p.message]
    assert [(p.file, p.line) for p in failing] == [(PAGE, line_of(mini.root / PAGE, "The square is"))]
    assert failing[0].message.startswith("{{ mini/square.py:y:.1f }} cannot be computed: NameError(")
    recorded = json.loads((mini.root / VALUES).read_text(encoding="utf-8"))
    assert recorded["y:.1f"] == "9.0"  # kept, as the page shows it until the placeholder is fixed
    assert recorded["slope:g"] == "6"  # and the new value is recorded
    # The check still names the placeholder; the recording it shows meanwhile is the old one.
    assert any("{{ mini/square.py:y:.1f }} cannot be computed" in p.message for p in checked(mini))


@pytest.mark.parametrize("failure", [OSError("No space left on device"), KeyboardInterrupt()], ids=["disk", "ctrl-c"])
def test_a_write_that_fails_half_way_leaves_the_old_file_and_no_temporary_file(mini, monkeypatch, failure):
    path = mini.root / BY_HAND
    before, files = path.read_bytes(), sorted(path.parent.iterdir())
    opened = os.fdopen

    class HalfWritten:
        def __init__(self, file):
            self.file = file

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.file.close()

        def write(self, text):
            self.file.write(text[: len(text) // 2])
            self.file.flush()
            raise failure

    monkeypatch.setattr(os, "fdopen", lambda *args, **kwargs: HalfWritten(opened(*args, **kwargs)))
    with pytest.raises(type(failure)):
        recordings.write(path, "by hand: a much longer output than before\n" * 10)
    assert path.read_bytes() == before
    assert sorted(path.parent.iterdir()) == files


def test_a_rename_that_fails_leaves_the_old_file_and_no_temporary_file(mini, monkeypatch):
    path = mini.root / BY_HAND
    before, files = path.read_bytes(), sorted(path.parent.iterdir())

    def refuse(source, target):
        raise PermissionError(f"cannot replace {target}")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(PermissionError):
        recordings.write(path, "new\n")
    assert path.read_bytes() == before
    assert sorted(path.parent.iterdir()) == files


def test_a_write_replaces_the_whole_file_and_makes_its_folder(mini):
    path = mini.root / "snippets/mini/outputs/new/section.txt"
    recordings.write(path, "first\n")
    recordings.write(path, "second\n")
    assert path.read_text() == "second\n" and [p.name for p in path.parent.iterdir()] == ["section.txt"]
