"""The executable-lesson engine: it runs the code in `snippets/` and checks the pages against it.

A lesson page shows code included from a snippet *section*, the output that section
printed (a recording beside the snippet) and numbers in its prose (recorded values).
The checks re-run every section and report any page whose code, output or numbers
no longer agree; `pytest --update-outputs` re-records them.
"""

from lessonkit.problems import Problem, SnippetError
from lessonkit.project import Project
from lessonkit.runner import SnippetRun, run_snippet

__all__ = ["Problem", "Project", "SnippetError", "SnippetRun", "run_snippet"]
