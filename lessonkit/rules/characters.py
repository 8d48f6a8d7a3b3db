"""Characters that show as nothing (or reorder text) yet change what code or prose means.

Every character of Unicode's format class (Cf: zero-width spaces and joiners, bidirectional
controls such as U+202E and U+200E, the Arabic letter mark U+061C, soft hyphens, tag characters),
the Hangul fillers (U+3164 is a letter to Python, so a name made of it alone is invisible), the braille
blank and the variation selectors. None of them is ASCII.
"""

import unicodedata
from pathlib import Path

from lessonkit.errors import Problem
from lessonkit.project import Project

FILLERS = {0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800}
VARIATION_SELECTORS = {*range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0)}


def hidden(char: str) -> bool:
    point = ord(char)
    return unicodedata.category(char) == "Cf" or point in FILLERS or point in VARIATION_SELECTORS


def in_text(text: str) -> list[tuple[int, int, str]]:
    """(line, column, message) of each hidden character of a text, both counted from 1."""
    found = []
    if text.isascii():  # most of a lesson: nothing to look at character by character
        return found
    for number, line in enumerate(text.splitlines(), 1):
        if line.isascii():
            continue
        for column, char in enumerate(line, 1):
            if not char.isascii() and hidden(char):
                name = unicodedata.name(char, "UNNAMED")
                message = (
                    f"invisible character U+{ord(char):04X} {name}; delete it "
                    "(it shows as nothing but changes what the code or text means)"
                )
                found.append((number, column, message))
    return found


def check_files(project: Project, paths: list[Path]) -> list[Problem]:
    """Hidden characters in text files, reported as file:line:col."""
    problems = []
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue  # images and other binary files cannot hide text; a page that is not UTF-8 is reported as such
        problems += [Problem(project.display(path), line, message, column) for line, column, message in in_text(text)]
    return problems
