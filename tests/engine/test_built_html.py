"""The one scan of a built page (tests/built_html.py) that the site's and the workbooks' tests share: what it counts
as loaded from another host, and which addresses it follows on the site."""

import pytest

from tests.built_html import foreign_loads, local_targets


@pytest.mark.parametrize(
    "html",
    [
        '<img src="https://example.org/x.png">',
        '<script src="//cdn.example.org/x.js"></script>',
        '<link rel="stylesheet" href="https://fonts.example.org/x.css">',
        '<link rel="preload icon" href="//example.org/x.woff2">',
        '<img src="a.png" srcset="a.png 1x, https://example.org/b.png 2x">',
        '<style>@import "https://example.org/y.css";</style>',
        '<div style="background: url(//example.org/y.png)"></div>',
        '<script>import("https://cdn.example.org/x.js")</script>',
        '<script type="module">import x from "https://cdn.example.org/x.js"</script>',
        '<object data="https://example.org/x.swf"></object>',
    ],
)
def test_a_load_from_another_host_is_found(html):
    assert foreign_loads(f"<p>before</p>{html}<p>after</p>") != []


@pytest.mark.parametrize(
    "html",
    [
        '<a href="https://pytorch.org/">a link is followed only when clicked</a>',
        '<link rel="canonical" href="https://example.org/page/">',
        '<img src="../figures/x.svg#only-light">',
        '<script src="../javascripts/exercises.js"></script>',
        '<script type="application/json">{"url": "https://example.org/"}</script>',
    ],
)
def test_what_stays_on_the_site_or_is_not_loaded_is_not_foreign(html):
    assert foreign_loads(html) == []


def test_local_targets_are_the_site_paths_of_links_and_loads():
    html = (
        '<a href="../chain_rule/#accumulation">x</a> <a href="#top">top</a> <a href="https://example.org/">out</a>'
        '<a href="mailto:a@example.org">mail</a> <img src="figures/a%20b.svg#only-dark"> <a href="/notebooks/x.ipynb">'
    )
    assert local_targets(html) == ["../chain_rule/", "/notebooks/x.ipynb", "figures/a b.svg"]
