"""What the checks report: a place in a file and a sentence a newcomer can act on."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    message: str
    column: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" + (f":{self.column}" if self.column else "")
        return f"{where}: {self.message}"


class SnippetError(Exception):
    """A snippet that cannot be read or run; the message starts with file:line."""

    def __init__(self, file: str, line: int, message: str):
        super().__init__(f"{file}:{line}: {message}")
        self.problem = Problem(file, line, message)


def report(problems: list[Problem]) -> str:
    """One line per problem, ready for an assertion message or a build error."""
    return "\n".join(str(problem) for problem in problems)
