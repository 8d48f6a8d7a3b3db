"""Under `mkdocs serve`, a page whose sources have not changed is not converted again.

A rebuild after an edit reuses the HTML and table of contents of every page whose own text,
snippets, recordings and figures (`Lesson.sources`) and mkdocs.yml are as they were at the last
build, so only the pages the edit touches go through Markdown again. `mkdocs build` converts
every page, always: it is what CI and deployments run.

Material's search plugin likewise re-reads the HTML of every page at every build; while serving,
the search entries of a page whose HTML has not changed are reused (`_cache_search_entries`).

The state lives here, kept across the rebuilds of one `mkdocs serve` (MkDocs 1.6 loads a hook file
once per command); serve_cache.py, the hook file mkdocs.yml names, only hands MkDocs these functions.
"""

import hashlib
from pathlib import Path

from mkdocs.structure.toc import get_toc

from lessonkit.lesson import load
from lessonkit.project import Project

_serving = False
_rendered: dict[str, tuple[tuple, str, list]] = {}  # page -> (the versions of its sources, its HTML, its toc tokens)
_searched: dict[str, tuple[str, list]] = {}  # page URL -> (a digest of its HTML, its search entries)


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"
    if _serving:
        _cache_search_entries()


def on_config(config):
    """Under `serve`, the pages' Content-Security-Policy lets inline script run (overrides/main.html).

    MkDocs' development server writes its live-reload script into each page it serves: inline, and
    different on each request, so no hash can allow it. `mkdocs build`, which the tests check and a
    deployment publishes, keeps the strict policy.
    """
    config.extra["live_reload"] = _serving
    return config


def on_page_markdown(markdown, page, config, files):
    if not _serving or not page.file.src_uri.endswith(".md"):
        return markdown
    project = Project(Path(config.config_file_path).resolve().parent)
    settings = Path(config.config_file_path).resolve().stat().st_mtime_ns  # mkdocs.yml
    versions = (markdown, settings, *load(project, Path(page.file.abs_src_path)).source_versions())
    uri = page.file.src_uri
    cached = _rendered.get(uri)
    if cached is not None and cached[0] == versions:
        _, content, tokens = cached

        def reuse(config, files):
            page.content, page.toc = content, get_toc(tokens)

        page.render = reuse
        return markdown
    render = page.render

    def render_and_keep(config, files):
        render(config, files)
        _rendered[uri] = (versions, page.content, [_tokens(item) for item in page.toc])

    page.render = render_and_keep
    return markdown


def _tokens(item) -> dict:
    """A table-of-contents entry as the tokens MkDocs builds one from."""
    return {"level": item.level, "id": item.id, "name": item.title, "children": [_tokens(i) for i in item.children]}


def _cache_search_entries():
    """Wrap Material's SearchIndex.add_entry_from_context (Material is in maintenance: its code no longer moves)."""
    from material.plugins.search.plugin import SearchIndex

    add = SearchIndex.add_entry_from_context
    if getattr(add, "keeps_entries", False):
        return

    def add_entry_from_context(index, page):
        digest = hashlib.sha256(page.content.encode()).hexdigest()
        cached = _searched.get(page.url)
        if cached is not None and cached[0] == digest:
            index.entries.extend(cached[1])
            return
        before = len(index.entries)
        add(index, page)
        _searched[page.url] = (digest, index.entries[before:])

    add_entry_from_context.keeps_entries = True
    SearchIndex.add_entry_from_context = add_entry_from_context
