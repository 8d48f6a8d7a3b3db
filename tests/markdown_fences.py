"""Python typed into a page (docs/ and README.md) runs under pytest-markdown-docs, and only Markdown is read.

The plugin's own `--markdown-docs` also imports every Python module under the test paths to look
for fences in docstrings: none of ours holds one, and reading them all doubled the time pytest
takes to collect. So its Markdown collector is used for Markdown files alone.
"""

from pytest_markdown_docs.plugin import MarkdownTextFile


def pytest_collect_file(file_path, parent):
    if file_path.suffix == ".md":
        return MarkdownTextFile.from_parent(parent, path=file_path)
    return None
