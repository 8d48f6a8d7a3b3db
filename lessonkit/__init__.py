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
from lessonkit.runner import SnippetRun, run_snippet

__all__ = ["LessonError", "Problem", "Project", "SnippetRun", "run_snippet"]
