"""The executable-lesson engine: it runs the code in `snippets/` and checks the pages against it.

A lesson page shows code included from a snippet *section*, the output that section
printed (a recording beside the snippet), values and figures the code recorded. The one
parser of a page is `lessonkit.syntax`, the one model of it `lessonkit.lesson`, and the site
index `lessonkit.site`. What each kind of node means lives in `lessonkit.constructs`, one
module each; `lessonkit.verify` checks a lesson against its code or records it, in one pass;
`lessonkit.extension` fills pages in when the site is built.
"""

from lessonkit.errors import LessonError, Problem
from lessonkit.project import Project

__all__ = ["LessonError", "Problem", "Project", "SnippetRun", "run_snippet"]


def __getattr__(name: str):
    """`run_snippet` and `SnippetRun` load the runner, and torch, when first asked for: the build needs neither."""
    if name in ("run_snippet", "SnippetRun"):
        from lessonkit import runner

        return getattr(runner, name)
    raise AttributeError(f"module 'lessonkit' has no attribute {name!r}")
