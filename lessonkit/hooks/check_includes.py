"""MkDocs hook: fail the build, naming the page and line, when a page includes something that is not there.

pymdownx.snippets would also stop (check_paths: true), but without saying which page asked.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

from lessonkit.checks import UPDATE_COMMAND
from lessonkit.pages import front_matter_lines, parse_page
from lessonkit.problems import SnippetError
from lessonkit.project import Project
from lessonkit.sections import included_section


def on_page_markdown(markdown, page, config, **kwargs):
    project = Project(Path(config.config_file_path).parent)
    page_name = f"docs/{page.file.src_uri}"
    offset = front_matter_lines(Path(page.file.abs_src_path), markdown)
    for fence in parse_page(markdown).fences:
        for include in fence.includes:
            where = f"{page_name}:{include.line + offset}"
            if include.is_code:
                try:
                    included_section(project.snippets_dir, include.target, include.section)
                except (LookupError, SnippetError) as error:
                    raise PluginError(f"{where}: {error}") from error
            elif not project.snippet(include.target).is_file():
                raise PluginError(
                    f'{where}: the included file "snippets/{include.target}" does not exist; '
                    f"run `{UPDATE_COMMAND}` to record it"
                )
    return markdown
