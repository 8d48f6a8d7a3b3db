"""The site index: every page's model and the course's order, built once per state of the pages.

What spans pages is worked out here and nowhere else: which sections and figures any page
shows, which values any page quotes and where, the order of the lessons (the nav of
mkdocs.yml), and the units the checks and `pytest --update-outputs` work by (one per lesson:
its page, its snippets folder and its figure module share a name).
"""

import functools
import os
from dataclasses import dataclass
from functools import cached_property

import yaml

from lessonkit import syntax
from lessonkit.errors import Problem
from lessonkit.lesson import Lesson, load, quoted_ref
from lessonkit.project import Project

CONFIG = "mkdocs.yml"
HOME = "index.md"


@dataclass(frozen=True)
class Where:
    """A place on a page: for messages."""

    page: str  # docs/chain_rule.md
    line: int


@dataclass(frozen=True, eq=False)
class Site:
    project: Project
    lessons: tuple[Lesson, ...]  # every page of docs/, in path order
    nav: tuple[tuple[str, str], ...]  # (title, page) in the order of mkdocs.yml's nav
    problems: tuple[Problem, ...] = ()  # a nav that cannot be read

    @classmethod
    def load(cls, project: Project) -> "Site":
        """The index of the project as it is on disk now; built again only when a page or mkdocs.yml changed."""
        paths = [*project.pages(), project.root / CONFIG]
        versions = tuple((path, path.stat().st_mtime_ns) for path in paths if path.is_file())
        return _load(project, versions)

    # -- pages ---------------------------------------------------------------------------------

    @cached_property
    def by_uri(self) -> dict[str, Lesson]:
        return {lesson.uri: lesson for lesson in self.lessons}

    def page(self, uri: str) -> Lesson | None:
        return self.by_uri.get(uri)

    @cached_property
    def _by_body(self) -> dict[str, Lesson]:
        return {lesson.body: lesson for lesson in self.lessons}

    def with_body(self, body: str) -> Lesson | None:
        """The page whose text after its front matter is `body`: how a Markdown extension finds its page."""
        return self._by_body.get(body)

    @cached_property
    def course(self) -> list[str]:
        """The lessons in the order a learner takes them: the nav's pages but the home page."""
        return [uri for _, uri in self.nav if uri != HOME]

    def title(self, uri: str) -> str:
        """A page's title in the nav, or its first heading."""
        titled = dict((page, title) for title, page in self.nav)
        return titled.get(uri) or (self.by_uri[uri].title if uri in self.by_uri else uri)

    # -- what pages show -----------------------------------------------------------------------

    @cached_property
    def shown_sections(self) -> dict[tuple[str, str], list[Where]]:
        """Every (snippet, section) a page shows as code or offers as a choice, with where."""
        shown: dict[tuple[str, str], list[Where]] = {}
        for lesson in self.lessons:
            for _, include in lesson.code_includes:
                shown.setdefault((include.target, include.section), []).append(Where(lesson.name, include.line))
            for predict in lesson.directives(syntax.PredictDirective):
                for choice in predict.choices:
                    shown.setdefault((predict.snippet, choice), []).append(Where(lesson.name, predict.line))
        return shown

    @cached_property
    def quoted(self) -> dict[str, dict[str, list[Where]]]:
        """Per snippet, every value a page quotes (placeholders, answers, fixes), with where."""
        quoted: dict[str, dict[str, list[Where]]] = {}
        for lesson in self.lessons:
            for span in lesson.spans:
                if ref := quoted_ref(span):
                    quoted.setdefault(ref.snippet, {}).setdefault(ref.key, []).append(Where(lesson.name, span.line))
        return quoted

    @cached_property
    def figures_shown(self) -> dict[str, list[Where]]:
        shown: dict[str, list[Where]] = {}
        for lesson in self.lessons:
            for directive in lesson.directives(syntax.FigureDirective):
                shown.setdefault(directive.figure, []).append(Where(lesson.name, directive.line))
        return shown

    # -- units ---------------------------------------------------------------------------------

    @cached_property
    def units(self) -> list[str]:
        """What the checks work by: a lesson's page, snippets and figures share its name (`chain_rule`)."""
        names = {lesson.stem for lesson in self.lessons}
        names |= {path.parent.name for path in self.project.snippet_files()}
        names |= {path.stem for path in self.project.figure_modules()}
        return sorted(names)


@functools.lru_cache(maxsize=8)
def _load(project: Project, versions: tuple) -> "Site":
    lessons = tuple(load(project, path) for path, _ in versions if path.suffix == ".md")
    nav, problems = _read_nav(project, lessons)
    return Site(project, lessons, nav, problems)


class _ConfigLoader(syntax.YAML_LOADER):
    """mkdocs.yml as data: `!ENV [NAME, default]` as MkDocs reads it, other tags as the text they carry."""


def _tagged(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    return loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else loader.construct_mapping(node)


def _environment(loader, node):
    names = [node.value] if isinstance(node, yaml.ScalarNode) else [item.value for item in node.value]
    default = names.pop() if isinstance(node, yaml.SequenceNode) and len(names) > 1 else None
    return next((os.environ[name] for name in names if name in os.environ), default)


_ConfigLoader.add_constructor("!ENV", _environment)
_ConfigLoader.add_multi_constructor("!", _tagged)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)


def read_config(project: Project) -> dict:
    """mkdocs.yml, as data (LessonError-free: a file that cannot be read gives {})."""
    path = project.root / CONFIG
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    except (OSError, yaml.YAMLError):
        return {}


def _read_nav(project: Project, lessons: tuple[Lesson, ...]) -> tuple[tuple[tuple[str, str], ...], tuple]:
    path = project.root / CONFIG
    if not path.is_file():  # a project without a site: the pages in path order
        return tuple((lesson.title, lesson.uri) for lesson in lessons), ()
    try:
        config = yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        message = f"{CONFIG} is not valid YAML ({getattr(error, 'problem', error)})"
        return (), (Problem(CONFIG, mark.line + 1 if mark else 1, message),)
    if "INHERIT" in config and "nav" not in config:  # the nav of the file it inherits, named relative to it
        parent = path.parent / str(config["INHERIT"])
        try:
            config = yaml.load(parent.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
        except (OSError, yaml.YAMLError) as error:
            return (), (Problem(CONFIG, 1, f"INHERIT: {config['INHERIT']} cannot be read ({error})"),)
    return tuple(_flatten(config.get("nav") or [])), ()


def _flatten(entries) -> list[tuple[str, str]]:
    """mkdocs.yml's nav as (title, page): `- Title: page.md`, `- page.md`, and sections of either."""
    found = []
    for entry in entries:
        if isinstance(entry, str):
            found.append((entry, entry))
        elif isinstance(entry, dict):
            for title, target in entry.items():
                found += _flatten(target) if isinstance(target, list) else [(str(title), str(target))]
    return found
