"""Project-wide: every section of every snippet is on a page, and every recording still has its code and its page."""

from lessonkit import recordings
from lessonkit.errors import RECORD, LessonError, Problem
from lessonkit.lesson import load_all
from lessonkit.project import Project
from lessonkit.runner import run_snippet


def check_project(project: Project) -> list[Problem]:
    problems: list[Problem] = []
    pages = load_all(project)
    shown = set().union(*(page.shown_sections for page in pages))
    quoted: dict[str, set[str]] = {}
    for page in pages:
        for snippet, keys in page.quoted_values.items():
            quoted.setdefault(snippet, set()).update(keys)
    runs = {}
    for path in project.snippet_files():
        target = path.relative_to(project.snippets_dir).as_posix()
        try:
            runs[target] = run_snippet(target, project)
        except LessonError as error:
            problems.append(error.problem)
            continue
        for section in runs[target].sections:
            if (target, section.name) not in shown:
                message = f"section '{section.name}' is on no page: include it in a lesson or delete it"
                problems.append(Problem(project.display(path), section.first_line - 1, message))
    for recording in recordings.snippet_outputs(project):
        target = recordings.owner(project, recording)
        if recording.name == recordings.VALUES:
            try:
                stale = set(recordings.read_values(project, target)) - quoted.get(target, set())
            except LessonError as error:
                problems.append(error.problem)
                continue
            if stale:
                message = f"values no page quotes any more: {sorted(stale)}; run `{RECORD}` to drop them"
                problems.append(Problem(project.display(recording), 1, message))
        elif (target in runs and not runs[target].outputs.get(recording.stem)) or not project.snippet(target).is_file():
            message = (
                f"recorded output of a section that no longer prints (or no longer exists); run `{RECORD}` to drop it"
            )
            problems.append(Problem(project.display(recording), 1, message))
    return problems
