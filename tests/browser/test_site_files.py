"""The built site's files, read without a browser: descriptions, links, and nothing fetched from elsewhere."""

import base64
import hashlib
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import material
import pytest

from lessonkit.offline import site_url_of
from tests.built_html import CSS_URL, BuiltPage


@pytest.fixture(scope="module")
def site_files(built) -> dict[str, BuiltPage]:
    pages = {}
    for path in sorted(built.site_dir.rglob("*.html")):
        parser = BuiltPage()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[path.relative_to(built.site_dir).as_posix()] = parser
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


def test_no_stylesheet_of_the_site_loads_anything_from_another_host(built):
    foreign = {
        css.relative_to(built.site_dir).as_posix(): found
        for css in built.site_dir.rglob("*.css")
        if (found := CSS_URL.findall(css.read_text(encoding="utf-8")))
    }
    assert not foreign, foreign


def test_every_internal_link_and_anchor_resolves(site_files, built):
    """MkDocs checks Markdown links; this also covers raw HTML, notebook pages and the theme's own links."""
    site_url = site_url_of(built.site_dir)
    broken = []
    for page, parsed in site_files.items():
        for href in parsed.links:
            if site_url and href.startswith(site_url):
                href = "/" + href[len(site_url) :]
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
                continue
            if parts.path:
                base = built.site_dir if parts.path.startswith("/") else (built.site_dir / page).parent
                target = (base / unquote(parts.path).lstrip("/")).resolve()
                if target.is_dir():
                    target = target / "index.html"
                if not target.is_file():
                    broken.append(f"{page}: {href} (no such file)")
                    continue
                key = target.relative_to(built.site_dir.resolve()).as_posix()
            else:
                key = page
            fragment = unquote(parts.fragment)
            if fragment and key in site_files and fragment not in site_files[key].ids:
                broken.append(f"{page}: {href} (no such anchor)")
    assert not broken, "\n" + "\n".join(broken)


def directives(policy: str) -> dict[str, list[str]]:
    """A Content-Security-Policy as {directive: its sources}."""
    parsed = {}
    for directive in policy.split(";"):
        if directive.strip():
            name, *sources = directive.split()
            parsed[name.lower()] = sources
    return parsed


def test_every_page_carries_the_policy_ahead_of_what_it_governs(site_files):
    """overrides/main.html: one Content-Security-Policy, the same on every page, before any script or style
    (a policy in a <meta> governs only what comes after it), and no inline script allowed wholesale."""
    problems = [
        f"{page}: {len(parsed.policies)} Content-Security-Policy <meta>, not one"
        for page, parsed in site_files.items()
        if len(parsed.policies) != 1
    ]
    problems += [
        f"{page}: before the policy: {parsed.governed_before_policy}"
        for page, parsed in site_files.items()
        if parsed.governed_before_policy
    ]
    assert not problems, "\n" + "\n".join(problems)
    policies = {parsed.policies[0] for parsed in site_files.values()}
    assert len(policies) == 1, f"the pages differ in their policy: {policies}"
    policy = directives(policies.pop())
    scripts = policy.get("script-src", policy.get("default-src"))
    assert scripts, "the policy names no source of script"
    loose = {"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "data:", "http:", "https:"} & set(scripts)
    assert not loose, f"script-src allows {loose}: a script put into a page could run"
    assert policy.get("object-src") == ["'none'"], policy
    ignored = {"frame-ancestors", "report-uri", "report-to", "sandbox"} & set(policy)
    assert not ignored, f"a browser ignores {ignored} in a <meta> (and Chromium logs an error): remove them"


def sha256_source(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def test_policy_allows_exactly_the_inline_scripts_the_pages_carry(site_files):
    """Every inline script on a page is allowed by its hash, and every hash allowed is one a page uses.

    A script of Material's whose text changed with an upgrade would be refused on every page; a hash left over
    from the old text would allow a script the site no longer has.
    """
    policy = directives(next(iter(site_files.values())).policies[0])
    allowed = {source for source in policy["script-src"] if source.startswith("'sha")}
    carried: dict[str, str] = {}  # hash -> the first page that carries it
    unknown = []
    for page, parsed in site_files.items():
        for script in parsed.inline_scripts:
            source = sha256_source(script)
            carried.setdefault(source, page)
            if source not in allowed:
                unknown.append(f"{page}: {script[:60]!r}... has {source}")
    assert not unknown, (
        "inline scripts the policy refuses; if they are Material's and the same on every page, put their hashes "
        "in overrides/main.html, else load them from a file:\n" + "\n".join(sorted(set(unknown))[:10])
    )
    unused = allowed - set(carried)
    assert not unused, f"overrides/main.html allows hashes that no page's script has; remove them: {unused}"


def test_material_base_script_is_materials_own_but_for_the_root(project):
    """docs/javascripts/material-base.js is Material's partials/javascripts/base.html as a file: it must follow
    Material when Material changes. It finds the site's root from its own address instead of the page's."""
    partial = Path(material.__file__).parent / "templates" / "partials" / "javascripts" / "base.html"
    upstream = re.fullmatch(r"(?s).*?<script>(.*)</script>\s*", partial.read_text(encoding="utf-8"))
    assert upstream, f"{partial} no longer holds one inline script: look at what Material does now"
    root = '"{{ config.extra.scope | d(base_url) }}",location'
    assert upstream[1].count(root) == 1, "Material's base script names the root differently: copy it again"
    ours = (project.root / "docs" / "javascripts" / "material-base.js").read_text(encoding="utf-8")
    code = [line for line in ours.splitlines() if line and not line.startswith("//")]
    assert code == [upstream[1].replace(root, '"..",document.currentScript.src')], (
        "docs/javascripts/material-base.js differs from Material's partials/javascripts/base.html by more than "
        "where it finds the root: copy Material's script into it again, and change only that"
    )
