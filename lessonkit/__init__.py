"""The executable-lesson engine: it runs the code in `snippets/` and checks the pages against it.

A lesson page shows code included from a snippet *section*, the output that section
printed (a recording beside the snippet), values and figures the code recorded. The one
model of a page is `lessonkit.lesson`; the checks (`lessonkit.checks`) compare it with a
fresh run, `lessonkit.record` re-records, and `lessonkit.extension` fills pages in at build.
"""

from lessonkit.errors import LessonError, Problem
from lessonkit.project import Project
from lessonkit.runner import SnippetRun, run_snippet

__all__ = ["LessonError", "Problem", "Project", "SnippetRun", "run_snippet"]
