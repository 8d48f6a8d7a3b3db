"""The site builds under --strict, and the built pages carry the code's values and typeset maths."""

import re


def test_strict_build_succeeds_without_warnings(built_site):
    assert built_site.returncode == 0, built_site.log
    assert "WARNING" not in built_site.log, built_site.log


def test_built_pages_show_no_unprocessed_markup(built_site):
    for page in built_site.site_dir.glob("**/*.html"):
        html = page.read_text(encoding="utf-8")
        for leftover in ("--8&lt;--", "--8<--", "{{", 'class="arithmatex"'):
            assert leftover not in html, f"{page.relative_to(built_site.site_dir)} still shows {leftover!r}"


def test_prose_values_and_math_reach_the_page(built_site):
    html = (built_site.site_dir / "chain_rule" / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", html)
    assert "Both give 14.0, which is" in text
    assert "the answer is 64.0." in text
    assert html.count("<math") > 20
