"""What the engine reports: a place in a file and a sentence a newcomer can act on."""

from dataclasses import dataclass

# The one command that re-records outputs, values and figures; messages name it as the fix.
RECORD = "pytest --update-outputs"


@dataclass(frozen=True)
class Problem:
    file: str  # as the author sees it: docs/chain_rule.md, snippets/chain_rule/q1.py
    line: int
    message: str
    column: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" + (f":{self.column}" if self.column else "")
        return f"{where}: {self.message}"


class LessonError(Exception):
    """Input the engine cannot go on with: a page, snippet or recording, at file:line, and the fix."""

    def __init__(self, file: str, line: int, message: str, column: int | None = None):
        self.problem = Problem(file, line, message, column)
        super().__init__(str(self.problem))


def report(problems: list[Problem]) -> str:
    """One line per problem, ready for an assertion message or a log."""
    return "\n".join(str(problem) for problem in problems)
