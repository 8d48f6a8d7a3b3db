"""MkDocs hook: fill `{{ lesson/snippet.py:name:format }}` in prose with the value the code recorded.

The recordings are checked against a fresh run by the tests, so the build itself never
runs lesson code and a number in the prose is always one the code produced.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

from lessonkit.checks import UPDATE_COMMAND, read_values
from lessonkit.pages import front_matter_lines, parse_page
from lessonkit.project import Project


def on_page_markdown(markdown, page, config, **kwargs):
    project = Project(Path(config.config_file_path).parent)
    page_name = f"docs/{page.file.src_uri}"
    offset = front_matter_lines(Path(page.file.abs_src_path), markdown)
    parsed = parse_page(markdown)
    for line, text in parsed.malformed:
        raise PluginError(
            f"{page_name}:{line + offset}: '{text}' is not a value placeholder; "
            "write {{ lesson/snippet.py:name:format }}"
        )
    lines = markdown.split("\n")
    for placeholder in parsed.placeholders:
        value = read_values(project, placeholder.snippet).get(placeholder.key)
        if value is None:
            raise PluginError(
                f"{page_name}:{placeholder.line + offset}: {placeholder.text} has no recorded value; "
                f"run `{UPDATE_COMMAND}`"
            )
        lines[placeholder.line - 1] = lines[placeholder.line - 1].replace(placeholder.text, value, 1)
    return "\n".join(lines)
