"""The prose of one markdown cell at a time: lines as the constructs rewrote them, and the figures it carries."""

import re


class Prose:
    def __init__(self):
        self.lines: list[str] = []
        self.attachments: dict[str, dict[str, str]] = {}

    def add_line(self, line: str):
        self.lines.append(line)

    def take(self) -> tuple[str, dict[str, dict[str, str]]]:
        """The cell's text and attachments so far, leaving an empty cell to fill."""
        text = re.sub(r"\n{3,}", "\n\n", "\n".join(self.lines)).strip("\n")
        attachments, self.lines, self.attachments = self.attachments, [], {}
        return text, attachments
