"""The built site's files, read without a browser: descriptions, links, and nothing fetched from elsewhere."""

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import material
import pytest

from lessonkit.offline import site_url_of

# Attributes that make a browser fetch something when the page loads.
_LOADS = {
    ("script", "src"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("iframe", "src"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("image", "href"),
    ("use", "href"),
}
_LOADING_LINKS = {
    "stylesheet",
    "preload",
    "modulepreload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "icon",
    "manifest",
}
_CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])((?:https?:)?//[^'")\s]+)""")


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.loads: list[str] = []
        self.description: str | None = None
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if attributes.get(name):
                self.ids.add(attributes[name])
        if tag == "a" and attributes.get("href") is not None:
            self.links.append(attributes["href"])
        if tag == "meta" and attributes.get("name") == "description":
            self.description = attributes.get("content")
        if tag == "link" and _LOADING_LINKS & set((attributes.get("rel") or "").split()):
            self.loads.append(attributes.get("href") or "")
        for attribute in ("src", "srcset", "poster", "data", "href"):
            if (tag, attribute) in _LOADS and attributes.get(attribute):
                self.loads.extend(part.split()[0] for part in attributes[attribute].split(",") if part.strip())
        if attributes.get("style"):
            self.loads.extend(_CSS_URL.findall(attributes["style"]))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.loads.extend(_CSS_URL.findall(data))


@pytest.fixture(scope="module")
def site_files(built_site) -> dict[str, _Page]:
    if built_site.returncode != 0:
        pytest.skip("the site did not build; see tests/engine/test_build.py")
    pages = {}
    for path in sorted(built_site.site_dir.rglob("*.html")):
        parser = _Page()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[path.relative_to(built_site.site_dir).as_posix()] = parser
    return pages


def test_every_page_has_a_description_of_its_own(site_files):
    """Search results and link previews show it, and Lighthouse's SEO audit asks for one on each page.

    Material falls back to `site_description`, which the 404 page shows: a page with that one has none.
    """
    site_description = site_files["404.html"].description
    assert site_description, "mkdocs.yml has no site_description"
    missing = [
        page
        for page, parsed in site_files.items()
        if page != "404.html" and parsed.description in (None, site_description)
    ]
    assert not missing, (
        "pages without a description of their own; give each a `description:` in its front matter "
        f"(between two `---` lines at the top of the page): {missing}"
    )


def test_no_page_loads_anything_from_another_host(site_files):
    foreign = {
        page: [url for url in parsed.loads if urlsplit(url).netloc]
        for page, parsed in site_files.items()
        if any(urlsplit(url).netloc for url in parsed.loads)
    }
    assert not foreign, f"the site must work offline; these pages load from other hosts: {foreign}"


def test_no_stylesheet_of_the_site_loads_anything_from_another_host(built_site):
    foreign = {
        css.relative_to(built_site.site_dir).as_posix(): found
        for css in built_site.site_dir.rglob("*.css")
        if (found := _CSS_URL.findall(css.read_text(encoding="utf-8")))
    }
    assert not foreign, foreign


def test_every_internal_link_and_anchor_resolves(site_files, built_site):
    """MkDocs checks Markdown links; this also covers raw HTML, notebook pages and the theme's own links."""
    site_url = site_url_of(built_site.site_dir)
    broken = []
    for page, parsed in site_files.items():
        for href in parsed.links:
            if site_url and href.startswith(site_url):
                href = "/" + href[len(site_url) :]
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
                continue
            if parts.path:
                base = built_site.site_dir if parts.path.startswith("/") else (built_site.site_dir / page).parent
                target = (base / unquote(parts.path).lstrip("/")).resolve()
                if target.is_dir():
                    target = target / "index.html"
                if not target.is_file():
                    broken.append(f"{page}: {href} (no such file)")
                    continue
                key = target.relative_to(built_site.site_dir.resolve()).as_posix()
            else:
                key = page
            fragment = unquote(parts.fragment)
            if fragment and key in site_files and fragment not in site_files[key].ids:
                broken.append(f"{page}: {href} (no such anchor)")
    assert not broken, "\n" + "\n".join(broken)


def test_search_partial_is_materials_own_but_for_the_dialog_name(project):
    """overrides/partials/search.html is a copy: it must follow Material when Material changes."""
    upstream = (Path(material.__file__).parent / "templates" / "partials" / "search.html").read_text(encoding="utf-8")
    ours = (project.root / "overrides" / "partials" / "search.html").read_text(encoding="utf-8")
    dialog = '<div class="md-search" data-md-component="search" role="dialog">'
    named = dialog[:-1] + " aria-label=\"{{ lang.t('search') }}\">"
    assert upstream.count(dialog) == 1, "Material's search partial changed: copy it again and re-apply the change"
    expected = upstream.split("-#}\n", 1)[1].replace(dialog, named)
    assert ours.split("-#}\n", 1)[1] == expected, (
        "overrides/partials/search.html differs from Material's partial by more than the dialog's name: "
        "copy Material's again and add only aria-label"
    )
