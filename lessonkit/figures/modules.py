"""Find each lesson's figure module, run it, and report what goes wrong at the module's own line."""

import functools
import hashlib
import importlib.util
import traceback
from pathlib import Path

from lessonkit.errors import LessonError
from lessonkit.figures.figure import Figure
from lessonkit.isolation import SectionTimeout, alone, time_limit
from lessonkit.project import Project
from lessonkit.sections import TIME_LIMIT


def lesson_figures(project: Project, lesson: str) -> tuple[Figure, ...]:
    """The figures `snippets/figures/<lesson>.py` defines (none if there is no such module).

    Each module runs once for each content of itself and of its lesson's snippets; an error
    raises LessonError at the module's line it passed through last.
    """
    module = project.snippets_dir / "figures" / f"{lesson}.py"
    if not module.is_file():
        return ()
    sources = [module, *sorted((project.snippets_dir / lesson).glob("*.py"))]
    key = hashlib.sha256(b"".join(path.read_bytes() for path in sources)).hexdigest()
    found = _run(project, module, key)
    if isinstance(found, LessonError):  # raised afresh: the same problem, caused by the same error
        problem = found.problem
        raise LessonError(problem.file, problem.line, problem.message, problem.column) from found.__cause__
    return found


def figure_lessons(project: Project) -> list[str]:
    return [module.stem for module in project.figure_modules()]


@functools.lru_cache(maxsize=32)  # bounded: one entry per state of a lesson's code
def _run(project: Project, module: Path, key: str) -> tuple[Figure, ...] | LessonError:
    # `key` hashes the module and its lesson's snippets: an edit to either runs it afresh. A failure is kept
    # too, so that a pass that asks for the figures in several places runs a failing module once.
    try:
        return _figures(project, module)
    except LessonError as error:
        return error


def _figures(project: Project, module: Path) -> tuple[Figure, ...]:
    def line_of(error: BaseException) -> int:
        frames = [frame.lineno for frame in traceback.extract_tb(error.__traceback__) if Path(frame.filename) == module]
        return frames[-1] if frames else 1

    try:
        # Lesson code: a fresh state, offline and under the time limit of a section, as every snippet runs.
        with alone(project.root), time_limit(TIME_LIMIT):
            spec = importlib.util.spec_from_file_location(f"snippets.figures.{module.stem}", module)
            code = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(code)
            figures = tuple(code.figures(project))
    except LessonError:
        raise  # a lesson snippet the figures use fails: that error already names the place
    except SectionTimeout as error:
        message = f"computing the figures took more than {TIME_LIMIT:g} s and was stopped here; make them do less"
        raise LessonError(project.display(module), line_of(error), message) from None
    except Exception as error:
        message = f"computing the figures raised {type(error).__name__}: {error}"
        raise LessonError(project.display(module), line_of(error), message) from error
    names = [figure.name for figure in figures]
    if len(set(names)) != len(names):
        raise LessonError(project.display(module), 1, f"two figures share a name: {names}")
    return figures
