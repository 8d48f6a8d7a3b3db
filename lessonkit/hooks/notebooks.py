"""MkDocs hook: every lesson gets its notebook, to download and to read as a workbook page.

The notebooks are generated from the lesson model at every build (lessonkit/notebooks/), so
none is committed and none can go stale:

- `notebooks/<lesson>.ipynb` is a download, linked from the top of the lesson page;
- `workbooks/<lesson>.ipynb` is the same notebook, which mkdocs-jupyter renders as a page
  without its solution cells (mkdocs.yml). This hook gives that page the site's own look:
  nbconvert's styles and scripts go (among them MathJax and Mermaid loaders that would
  fetch from a CDN), code cells become Material code blocks (the site's accessible colours
  in both palettes, its copy button), and maths is typeset to MathML.

A lesson whose notebook cannot be built (a missing section, say) is logged as an error and
gets no notebook; the build goes on, so `mkdocs serve` keeps answering. This hook is what
ties the notebooks to MkDocs (DECISIONS.md); the page itself is filled in by lessonkit.extension.
"""

import logging
import posixpath
import re
import tempfile
from pathlib import Path

import pathspec
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from lessonkit.errors import LessonError
from lessonkit.lesson import load
from lessonkit.mathml import typeset
from lessonkit.notebooks import cached_notebook_text
from lessonkit.project import Project

DOWNLOADS, WORKBOOKS = "notebooks", "workbooks"
log = logging.getLogger("mkdocs.plugins.lessonkit")

# nbconvert's styles and scripts: JupyterLab's look (600 kB a page), a copy button, and MathJax and
# Mermaid loaders that fetch from a CDN. The page takes the site's own look instead.
_NOTEBOOK_ASSETS = re.compile(r"<(?P<tag>style|script)\b.*?</(?P=tag)>|<!--.*?-->", re.DOTALL)
_JUPYTER_COPY = re.compile(
    r'<div class="zeroclipboard-container">.*?</clipboard-copy>\s*</div>|<div [^>]*class="clipboard-copy-txt".*?</div>',
    re.DOTALL,
)
# A code cell's highlighted source, and the same as Material's code block (pymdownx.highlight's markup).
_CODE_CELL = re.compile(
    r'<div class="highlight-ipynb hl-(?P<language>[\w-]+)[^"]*"><pre>(?:<span></span>)?(?P<code>.*?)</pre>', re.DOTALL
)
_MATERIAL_CODE = r'<div class="language-\g<language> highlight"><pre><span></span><code>\g<code></code></pre>'
# TeX that nbconvert left for MathJax, outside code.
_MATH = re.compile(
    r"(?P<skip><(?P<tag>pre|code)\b.*?</(?P=tag)>)|\$\$(?P<block>[^$<]+?)\$\$|\$(?P<inline>[^$<]+?)\$",
    re.DOTALL,
)

_workbooks_dir: tempfile.TemporaryDirectory | None = None  # this build's workbooks; the next build replaces it


def on_config(config):
    # mkdocs-jupyter wraps each notebook's File in an object that loses the File's inclusion
    # level, so workbook pages are kept out of the nav (and out of --strict warnings) by pattern.
    workbooks = pathspec.GitIgnoreSpec.from_lines([f"/{WORKBOOKS}/"])
    config.not_in_nav = workbooks + config.not_in_nav if config.not_in_nav else workbooks
    return config


@event_priority(50)  # before mkdocs-jupyter's on_files, which turns the workbooks into pages
def on_files(files, config):
    global _workbooks_dir
    on_shutdown()  # the previous build's workbooks, when `mkdocs serve` rebuilds
    project = Project(Path(config.config_file_path).parent)
    _workbooks_dir = tempfile.TemporaryDirectory(prefix="workbooks-")
    for file in [file for file in files.documentation_pages() if file.src_uri.endswith(".md")]:
        lesson = load(project, Path(file.abs_src_path))
        if not lesson.has_code:
            continue
        name = lesson.notebook_name
        for uri in (f"{DOWNLOADS}/{name}", f"{WORKBOOKS}/{name}"):
            if files.get_file_from_path(uri) is not None:
                raise PluginError(f"docs/{uri} would hide the notebook generated from {lesson.name}; delete it")
        # A download links into the site by its URL and carries its figures; the page workbooks/<name>/
        # links relative to itself, figures too, so that the reader's palette picks their variant.
        try:
            download = cached_notebook_text(lesson, config.site_url)
            workbook = cached_notebook_text(lesson, "../" * (name.count("/") + 2), embed_figures=False)
        except LessonError as error:
            where = f"{error.problem.file}:{error.problem.line}"
            log.warning(f"{lesson.name} gets no notebook until the error at {where} is fixed")
            continue
        workbook_path = Path(_workbooks_dir.name, WORKBOOKS, name)
        workbook_path.parent.mkdir(parents=True, exist_ok=True)
        workbook_path.write_text(workbook, encoding="utf-8")
        files.append(File.generated(config, f"{DOWNLOADS}/{name}", content=download))
        # A file on disk in a docs-like folder: mkdocs-jupyter finds its source by joining the two.
        files.append(File(f"{WORKBOOKS}/{name}", _workbooks_dir.name, config.site_dir, config.use_directory_urls))
    return files


def on_shutdown():
    """Delete the workbooks explicitly rather than leave the directory to the garbage collector."""
    if _workbooks_dir is not None:
        _workbooks_dir.cleanup()


def on_page_content(html_text, page, config, files):
    uri = page.file.src_uri
    if uri.startswith(f"{WORKBOOKS}/"):
        return _workbook_page(html_text, page, files)
    name = uri.removesuffix(".md") + ".ipynb"
    download, workbook = (files.get_file_from_path(f"{folder}/{name}") for folder in (DOWNLOADS, WORKBOOKS))
    if not uri.endswith(".md") or download is None:
        return html_text
    links = (
        f'<p><a class="md-button md-button--primary" href="{download.url_relative_to(page.file)}" '
        f'download="{posixpath.basename(name)}">Download notebook</a> '
        f'<a class="md-button md-button--primary" href="{workbook.url_relative_to(page.file)}">'
        "Open the workbook</a></p>\n"
    )
    return _after_title(html_text, links)


def _workbook_page(html_text: str, page, files) -> str:
    """A workbook page: the site's own look instead of nbconvert's, and the way to its notebook and solutions."""
    uri = page.file.src_uri
    name = uri.removeprefix(f"{WORKBOOKS}/")
    lesson = files.get_file_from_path(name.removesuffix(".ipynb") + ".md")
    download = files.get_file_from_path(f"{DOWNLOADS}/{name}")
    page.meta["description"] = f"{page.title}, as a notebook: the lesson's code to run and change, without solutions."
    page.title = f"Workbook: {page.title}"
    page.meta["search"] = {"exclude": True}  # it repeats its lesson, which search already finds

    def to_mathml(match: re.Match) -> str:
        if match["skip"]:
            return match["skip"]
        tex, display = (match["block"], "block") if match["block"] is not None else (match["inline"], "inline")
        try:
            return typeset(tex, display)
        except ValueError as error:
            log.error(f"docs/{uri} (from docs/{lesson.src_uri}): {error}")
            return match.group()

    header = (
        f'<p>The cells of <a href="{lesson.url_relative_to(page.file)}">the lesson</a>, to run and change '
        "yourself. The solutions are left out here: they fold out on the lesson page, and in the "
        "notebook they sit collapsed under each exercise.</p>\n"
        f'<p><a class="md-button md-button--primary" href="{download.url_relative_to(page.file)}" '
        f'download="{posixpath.basename(name)}">Download notebook</a></p>\n'
    )
    html_text = _CODE_CELL.sub(_MATERIAL_CODE, _JUPYTER_COPY.sub("", _NOTEBOOK_ASSETS.sub("", html_text)))
    html_text = _MATH.sub(to_mathml, html_text.replace('class="anchor-link"', 'class="headerlink"'))
    return _after_title(html_text, header)


def _after_title(html_text: str, addition: str) -> str:
    end = html_text.find("</h1>")
    return (
        html_text[: end + len("</h1>")] + "\n" + addition + html_text[end + len("</h1>") :]
        if end >= 0
        else addition + html_text
    )
