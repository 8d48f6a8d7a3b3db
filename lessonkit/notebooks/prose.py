"""The prose of one markdown cell at a time: lines as the constructs rewrote them, and the figures it carries."""


class Prose:
    def __init__(self):
        self.lines: list[str] = []
        self.attachments: dict[str, dict[str, str]] = {}

    def add_line(self, line: str):
        self.lines.append(line)

    def take(self) -> tuple[str, dict[str, dict[str, str]]]:
        """The cell's text (never two blank lines in a row) and attachments so far, leaving an empty cell to fill."""
        kept: list[str] = []
        for line in "\n".join(self.lines).split("\n"):
            if line or not kept or kept[-1]:
                kept.append(line)
        attachments, self.lines, self.attachments = self.attachments, [], {}
        return "\n".join(kept).strip("\n"), attachments
