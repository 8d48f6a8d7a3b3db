"""A built page's HTML, read as a browser would read it: what it loads, links to, names and runs.

One scan, shared by the tests of the built site (tests/browser/test_site_files.py) and of the
workbook pages (tests/notebooks/test_notebooks.py), so that "loads nothing from another host"
means the same everywhere.
"""

import re
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

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
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])((?:https?:)?//[^'")\s]+)""")
# A script's import() or import ... from of a module on another host.
SCRIPT_IMPORT = re.compile(r"""(?:import\s*\(\s*|\bfrom\s+|\bimport\s+)['"]((?:https?:)?//[^'"]+)['"]""")


def _runs(script_type: str | None) -> bool:
    """Whether a browser runs a <script> of this type (`application/json` is data, and never runs)."""
    kind = (script_type or "").split(";")[0].strip().lower()
    return kind in ("", "module", "importmap", "speculationrules") or "script" in kind  # text/javascript and kin


class BuiltPage(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.loads: list[str] = []
        self.description: str | None = None
        self.policies: list[str] = []  # each Content-Security-Policy <meta>
        self.governed_before_policy: list[str] = []  # scripts and styles ahead of the first policy
        self.inline_scripts: list[str] = []  # the text of each <script> that runs and has no src
        self._in_style = False
        self._script: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if attributes.get(name):
                self.ids.add(attributes[name])
        if tag == "a" and attributes.get("href") is not None:
            self.links.append(attributes["href"])
        if tag == "meta" and attributes.get("name") == "description":
            self.description = attributes.get("content")
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies.append(attributes.get("content") or "")
        stylesheet = tag == "link" and "stylesheet" in (attributes.get("rel") or "").split()
        if not self.policies and (tag in ("script", "style") or stylesheet):
            self.governed_before_policy.append(self.get_starttag_text())
        if tag == "script" and "src" not in attributes and _runs(attributes.get("type")):
            self._script = []
        if tag == "link" and _LOADING_LINKS & set((attributes.get("rel") or "").split()):
            self.loads.append(attributes.get("href") or "")
        for attribute in ("src", "srcset", "poster", "data", "href"):
            if (tag, attribute) in _LOADS and attributes.get(attribute):
                self.loads.extend(part.split()[0] for part in attributes[attribute].split(",") if part.strip())
        if attributes.get("style"):
            self.loads.extend(CSS_URL.findall(attributes["style"]))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False
        if tag == "script" and self._script is not None:
            self.inline_scripts.append("".join(self._script))
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)
            self.loads.extend(SCRIPT_IMPORT.findall(data))
        if self._in_style:
            self.loads.extend(CSS_URL.findall(data))


def read_page(html: str) -> BuiltPage:
    page = BuiltPage()
    page.feed(html)
    page.close()
    return page


def foreign_loads(html: str) -> list[str]:
    """Every address a page would fetch from another host as it loads: the site must work offline."""
    return [url for url in read_page(html).loads if urlsplit(url).netloc]


def local_targets(html: str) -> list[str]:
    """The path of every link and every load that stays on the site (no other host, not just an anchor), unquoted."""
    page = read_page(html)
    parts = [urlsplit(address) for address in [*page.links, *page.loads]]
    return [unquote(part.path) for part in parts if part.path and not part.scheme and not part.netloc]
