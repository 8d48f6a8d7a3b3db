"""MkDocs hook: every lesson page gets its notebook, to download and to read as a workbook page.

The notebooks are generated from the pages' sources at every build (lessonkit/notebooks.py),
so none is committed and none can go stale:

- `notebooks/<lesson>.ipynb` is a download, linked from the top of the lesson page;
- `workbooks/<lesson>.ipynb` is the same notebook, which mkdocs-jupyter renders as a page
  without its solution cells (mkdocs.yml). This hook gives that page the site's own look:
  nbconvert's styles and scripts go (among them MathJax and Mermaid loaders that would
  fetch from a CDN), code cells become Material code blocks (the site's accessible colours
  in both palettes, its copy button), and maths is typeset to MathML.
"""

import posixpath
import re
import tempfile
from pathlib import Path

import pathspec
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from lessonkit.mathml import typeset
from lessonkit.notebooks import is_lesson_page, notebook_name, notebook_text
from lessonkit.pages import parse_page
from lessonkit.problems import SnippetError
from lessonkit.project import Project

DOWNLOADS, WORKBOOKS = "notebooks", "workbooks"

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
    for page in [Path(file.abs_src_path) for file in files.documentation_pages() if file.src_uri.endswith(".md")]:
        if not is_lesson_page(page):
            continue
        name = notebook_name(project, page)
        for uri in (f"{DOWNLOADS}/{name}", f"{WORKBOOKS}/{name}"):
            if files.get_file_from_path(uri) is not None:
                raise PluginError(
                    f"docs/{uri} would hide the notebook generated from {project.display(page)}; delete it"
                )
        # A download links into the site by its URL and carries its figures; the page workbooks/<name>/
        # links relative to itself, figures too, so that the reader's palette picks their variant.
        try:
            download = notebook_text(project, page, config.site_url)
            workbook = notebook_text(project, page, "../" * (name.count("/") + 2), embed_figures=False)
        except SnippetError as error:
            raise PluginError(str(error)) from error
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


def on_page_markdown(markdown, page, config, files):
    """Put the notebook's download and workbook links under a lesson page's title."""
    uri = page.file.src_uri
    name = uri.removesuffix(".md") + ".ipynb"
    if not uri.endswith(".md") or files.get_file_from_path(f"{DOWNLOADS}/{name}") is None:
        return markdown
    here = posixpath.dirname(uri) or "."
    links = (
        f"[Download notebook]({posixpath.relpath(f'{DOWNLOADS}/{name}', here)})"
        f'{{ .md-button .md-button--primary download="{posixpath.basename(name)}" }} '
        f"[Open the workbook]({posixpath.relpath(f'{WORKBOOKS}/{name}', here)}){{ .md-button .md-button--primary }}"
    )
    lines = markdown.split("\n")
    fences = parse_page(markdown).fences
    before_code = lines[: fences[0].line - 1] if fences else lines
    title = next((number for number, line in enumerate(before_code) if line.startswith("# ")), -1)
    lines[title + 1 : title + 1] = ["", links, ""]
    return "\n".join(lines)


def on_page_content(html_text, page, config, files):
    """A workbook page: the site's own look instead of nbconvert's, and the way to its notebook and solutions."""
    uri = page.file.src_uri
    if not uri.startswith(f"{WORKBOOKS}/"):
        return html_text
    name = uri.removeprefix(f"{WORKBOOKS}/")
    lesson = files.get_file_from_path(name.removesuffix(".ipynb") + ".md")
    download = files.get_file_from_path(f"{DOWNLOADS}/{name}")
    page.meta["description"] = f"{page.title}, as a notebook: the lesson's code to run and change, without solutions."
    page.title = f"Workbook: {page.title}"
    page.meta["search"] = {"exclude": True}  # it repeats its lesson, which search already finds

    def to_mathml(match: re.Match) -> str:
        if match["skip"]:
            return match["skip"]
        where = f"{uri} (from docs/{lesson.src_uri})"
        if match["block"] is not None:
            return typeset(match["block"], "block", where)
        return typeset(match["inline"], "inline", where)

    header = (
        f'<p>The cells of <a href="{lesson.url_relative_to(page.file)}">the lesson</a>, to run and change '
        "yourself. The solutions are left out here: they fold out on the lesson page, and in the "
        "notebook they sit collapsed under each exercise.</p>\n"
        f'<p><a class="md-button md-button--primary" href="{download.url_relative_to(page.file)}" '
        f'download="{posixpath.basename(name)}">Download notebook</a></p>\n'
    )
    html_text = _CODE_CELL.sub(_MATERIAL_CODE, _JUPYTER_COPY.sub("", _NOTEBOOK_ASSETS.sub("", html_text)))
    html_text = _MATH.sub(to_mathml, html_text.replace('class="anchor-link"', 'class="headerlink"'))
    title_end = html_text.find("</h1>") + len("</h1>") if "</h1>" in html_text else 0
    return html_text[:title_end] + header + html_text[title_end:]
