"""Characters that show as nothing (or reorder text) yet change what code or prose means."""

import unicodedata
from pathlib import Path

from lessonkit.errors import Problem
from lessonkit.project import Project

INVISIBLE = {0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xFEFF}
BIDI_CONTROLS = {*range(0x202A, 0x202F), *range(0x2066, 0x206A)}


def check_files(project: Project, paths: list[Path]) -> list[Problem]:
    """Invisible and bidirectional-control characters in text files, reported as file:line:col."""
    problems = []
    for path in paths:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except UnicodeDecodeError:
            continue  # images and other binary files cannot hide text
        for number, line in enumerate(lines, 1):
            for column, char in enumerate(line, 1):
                if ord(char) in INVISIBLE or ord(char) in BIDI_CONTROLS:
                    name = unicodedata.name(char, "UNNAMED")
                    message = (
                        f"invisible character U+{ord(char):04X} {name}; delete it "
                        "(it shows as nothing but changes what the code or text means)"
                    )
                    problems.append(Problem(project.display(path), number, message, column))
    return problems
