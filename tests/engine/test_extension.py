"""The Markdown extension fills a page in from its recordings, in plain Python-Markdown (no MkDocs),
and shows a problem in place while logging it, instead of stopping the build."""

import logging
import re

import markdown
import pytest
import yaml

from tests.engine.conftest import PAGE, edit, line_of, page

ROOT_CONFIG = "mkdocs.yml"


def extensions(project_root):
    """The site's Markdown extensions and their settings, read from the real mkdocs.yml."""
    from lessonkit import Project

    config = yaml.load((Project.here().root / ROOT_CONFIG).read_text(), Loader=yaml.BaseLoader)
    names, settings = [], {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        settings[name] = {key: _typed(value) for key, value in (options or {}).items()}
    settings["lessonkit.extension"] = {"project": str(project_root)}
    settings["pymdownx.snippets"]["base_path"] = [str(project_root / "snippets")]
    return names, settings


def _typed(value):
    return {"true": True, "false": False}.get(value, value) if isinstance(value, str) else value


def convert(project) -> str:
    names, settings = extensions(project.root)
    return markdown.Markdown(extensions=names, extension_configs=settings).convert(page(project).body)


def test_values_figures_and_maths_come_from_the_recordings(mini):
    html = convert(mini)
    text = re.sub(r"<[^>]+>", "", html)
    assert "The square is 9.0, so" in text
    assert "{{" not in html and "--8<--" not in html and 'class="arithmatex"' not in html
    images = re.findall(r'<img alt="([^"]*)" height="(\d+)" loading="lazy" src="([^"]+)" width="(\d+)"', html)
    assert [src for _, _, src, _ in images] == [
        "figures/mini/square_graph-light.svg#only-light",
        "figures/mini/square_graph-dark.svg#only-dark",
        "figures/mini/parabola-light.svg#only-light",
        "figures/mini/parabola-dark.svg#only-dark",
    ]
    assert images[2][0] == "The parabola y = x² for x from 0 to 6, and its tangent at x = 3, of slope 6."
    assert "<figcaption>" in html and html.count("<math") >= 3


def test_a_broken_value_is_logged_and_shown_in_place_and_the_rest_of_the_page_is_built(mini, caplog):
    (mini.root / "snippets/mini/outputs/square/values.json").write_text('{"oops"\n', encoding="utf-8")
    edit(mini.root / PAGE, '"mini/square.py:by_hand"', '"mini/square.py:by_hnd"')
    with caplog.at_level(logging.ERROR, logger="mkdocs.plugins.lessonkit"):
        html = convert(mini)
    logged = [record.getMessage() for record in caplog.records]
    assert any(
        message.startswith("snippets/mini/outputs/square/values.json:2:1: this recording is not valid JSON")
        for message in logged
    )
    line = line_of(mini.root / PAGE, "by_hnd")
    assert (
        f"{PAGE}:{line}: snippets/mini/square.py has no section 'by_hnd' (it has: forward, by_hand, autograd)" in logged
    )
    assert 'class="admonition failure lesson-error"' in html  # the missing section, where its block was
    assert "not valid JSON" in html  # each value that cannot be read, in its sentence
    assert "autograd: 6.0" in html  # and the rest of the page, as usual


def test_a_broken_figure_in_a_fold_is_shown_in_the_fold(mini, caplog):
    edit(mini.root / PAGE, "    Twice $x$:", "    {{ figure mini/gone }}\n\n    Twice $x$:")
    with caplog.at_level(logging.ERROR, logger="mkdocs.plugins.lessonkit"):
        html = convert(mini)
    fold = html[html.index('<details class="success">') :].split("</details>")[0]
    assert '<summary>Solution</summary>\n<div class="admonition failure lesson-error">' in fold  # a box, not code


@pytest.mark.parametrize(
    ("edit_args", "message"),
    [
        (("slope = 2 * x.item()", "slope = 2 * x.item("), "'(' was never closed"),
        (("$y = x^2$", "$y = \\left( x^2$"), "cannot typeset"),
    ],
    ids=["syntax-error", "tex"],
)
def test_code_that_cannot_compile_and_tex_that_cannot_be_typeset_are_shown(mini, caplog, edit_args, message):
    target = "snippets/mini/square.py" if "slope" in edit_args[0] else PAGE
    edit(mini.root / target, *edit_args)
    with caplog.at_level(logging.ERROR, logger="mkdocs.plugins.lessonkit"):
        html = convert(mini)
    assert message in html
    assert any(message in record.getMessage() for record in caplog.records)


def test_text_meant_for_the_engine_is_shown_with_the_forms_it_reads(mini, caplog):
    edit(mini.root / PAGE, "{{ mini/square.py:y:.1f }}, so", "{{ mini/square.py y }}, so")
    with caplog.at_level(logging.ERROR, logger="mkdocs.plugins.lessonkit"):
        html = convert(mini)
    line = line_of(mini.root / PAGE, "{{ mini/square.py y }}")
    logged = [record.getMessage() for record in caplog.records]
    assert any(
        message.startswith(f"{PAGE}:{line}: '{{{{ mini/square.py y }}}}' is not something") for message in logged
    )
    assert "write {{ lesson/snippet.py:name:format }}, or a directive:" in html  # the fix, on the page too
