"""MkDocs hook: every lesson's notebook, to download and to read as a workbook page, from lessonkit/generate.py.

The notebooks are generated from the lesson model at every build, so none is committed and
none can go stale. lessonkit/generate.py makes them for any builder; this hook hands them to
MkDocs: `notebooks/<lesson>.ipynb` in memory, and `workbooks/<lesson>.ipynb` as a file in a
temporary folder, which mkdocs-jupyter renders as a page (mkdocs.yml). The page then gets the
site's own look: nbconvert's styles and scripts go (among them MathJax and Mermaid loaders that
would fetch from a CDN), code cells become Material code blocks (the site's accessible colours
in both palettes, its copy button), maths is typeset to MathML, and what the build writes for
any lesson page passes through the same sanitiser (lessonkit/constructs/markup.py).

A lesson whose notebook cannot be built (a missing section, say) gets none, and the build goes
on, so `mkdocs serve` keeps answering; its page shows the error. The Download and Open buttons
on a lesson page come from the Markdown extension, which any builder runs.
"""

import logging
import re
import tempfile
from pathlib import Path

import pathspec
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from lessonkit.constructs.markup import sanitize
from lessonkit.generate import DESCRIPTION, DOWNLOADS, MKDOCS, WORKBOOKS, site_files
from lessonkit.mathml import typeset
from lessonkit.project import Project
from lessonkit.site import Site

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
    project = Project(Path(config.config_file_path).resolve().parent)
    for file in list(files):  # what lessonkit/generate.py wrote for another builder: made afresh below
        if file.src_uri.startswith((f"{DOWNLOADS}/", f"{WORKBOOKS}/")):
            files.remove(file)
    generated, errors = site_files(Site.load(project), config.site_url, MKDOCS)
    for error in errors:
        log.warning(error)
    _workbooks_dir = tempfile.TemporaryDirectory(prefix="workbooks-")
    for uri, text in generated.items():
        if uri.startswith(f"{DOWNLOADS}/"):
            files.append(File.generated(config, uri, content=text))
            continue
        # A file on disk in a docs-like folder: mkdocs-jupyter finds its source by joining the two.
        Path(_workbooks_dir.name, uri).parent.mkdir(parents=True, exist_ok=True)
        Path(_workbooks_dir.name, uri).write_text(text, encoding="utf-8")
        files.append(File(uri, _workbooks_dir.name, config.site_dir, config.use_directory_urls))
    return files


def on_shutdown():
    """Delete the workbooks explicitly rather than leave the directory to the garbage collector."""
    if _workbooks_dir is not None:
        _workbooks_dir.cleanup()


def on_page_content(html_text, page, config, files):
    """A workbook page: the site's own look instead of nbconvert's."""
    uri = page.file.src_uri
    if not uri.startswith(f"{WORKBOOKS}/"):
        return html_text
    page.meta["description"] = DESCRIPTION.format(title=page.title.removeprefix("Workbook: "))
    page.meta["search"] = {"exclude": True}  # it repeats its lesson, which search already finds

    def to_mathml(match: re.Match) -> str:
        if match["skip"]:
            return match["skip"]
        tex, display = (match["block"], "block") if match["block"] is not None else (match["inline"], "inline")
        try:
            return typeset(tex, display)
        except ValueError as error:
            log.error(f"docs/{uri}: {error}")
            return match.group()

    html_text = _CODE_CELL.sub(_MATERIAL_CODE, _JUPYTER_COPY.sub("", _NOTEBOOK_ASSETS.sub("", html_text)))
    return sanitize(_MATH.sub(to_mathml, html_text.replace('class="anchor-link"', 'class="headerlink"')))
