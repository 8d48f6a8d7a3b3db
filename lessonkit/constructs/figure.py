"""`{{ figure lesson/name }}`: a picture drawn from the lesson's own computations, in both palettes.

`snippets/figures/<lesson>.py` defines it (lessonkit.figures); its content, alt text included,
is recorded as JSON and each palette's SVG is drawn from that recording. A caption must follow:

    {{ figure chain_rule/warm_up_graph }}
    /// caption
    Two arrows leave x: it enters the product twice.
    ///
"""

import base64
import html
import posixpath

from lessonkit import recordings
from lessonkit.constructs.base import Check, Construct, WantFigure, at
from lessonkit.errors import LessonError
from lessonkit.lesson import Lesson
from lessonkit.site import Where
from lessonkit.syntax import CAPTION, FigureDirective


class Figure(Construct):
    nodes = (FigureDirective,)

    def wanted(self, page: Lesson, directive: FigureDirective):
        yield WantFigure(directive.figure, Where(page.name, directive.line))

    def problems(self, check: Check, page: Lesson, directive: FigureDirective):
        lines = page.parsed.lines
        if (lines[directive.line] if directive.line < len(lines) else "").strip() != CAPTION:
            indent = directive.text[: len(directive.text) - len(directive.text.lstrip())]
            caption = f"{indent}{CAPTION}\n{indent}...\n{indent}///"
            yield at(
                page, directive.line, f"give the figure a caption that says what to look at, right under it:\n{caption}"
            )
        lesson, name = directive.figure.split("/")
        try:
            defined = {figure.name for figure in check.code.figures(lesson)}
        except LessonError as error:
            yield error.problem
            return
        if name not in defined:
            yield at(
                page,
                directive.line,
                f"no figure '{directive.figure}': snippets/figures/{lesson}.py does not define '{name}'",
            )

    def page_problems(self, check: Check, page: Lesson):
        """A recorded figure shown with image markup typed by hand: its alt text and size would go stale."""
        for link in page.links:
            target = page.relative(link.target.partition("#")[0])
            if link.image and target.startswith("figures/") and target.endswith(".svg"):
                figure = recordings.figure_of(target)
                message = (
                    f"a recorded figure is shown by hand: write {{{{ figure {figure} }}}}, which fills in its alt text"
                )
                yield at(page, link.line, message, link.start + 1)

    def fill(self, page: Lesson, directive: FigureDirective, out) -> None:
        """Both palettes' pictures, each hidden in the other palette by Material, with alt text and size as recorded."""
        alt = page.figure(directive)["alt"]
        lines = []
        for palette, path, svg in page.drawings(directive):
            width, height = recordings.svg_size(page.project, path, svg)
            source = posixpath.relpath(
                path.relative_to(page.project.docs_dir).as_posix(), posixpath.dirname(page.uri) or "."
            )
            lines.append(f'![{alt}]({source}#only-{palette}){{ width="{width}" height="{height}" loading="lazy" }}')
        out.replace_lines(directive, lines)

    def markdown(self, page: Lesson, directive: FigureDirective, notebook) -> str:
        alt = page.figure(directive)["alt"]
        drawings = page.drawings(directive)
        if notebook.embed_figures:  # the first palette, the light one: a notebook has no palette switch
            _, path, svg = drawings[0]
            notebook.prose.attachments[path.name] = {"image/svg+xml": base64.b64encode(svg.encode()).decode()}
            return f"![{alt}](attachment:{path.name})"
        images = []
        for palette, path, svg in drawings:
            width, height = recordings.svg_size(page.project, path, svg)
            source = notebook.address(path.relative_to(page.project.docs_dir).as_posix())
            images.append(
                f'![{alt}]({source}#only-{palette}){{ width="{width}" height="{height}" }}'
                if notebook.source_links  # Markdown that a builder converts, as on the lesson page
                else f'<img src="{source}#only-{palette}" alt="{html.escape(alt)}" width="{width}" height="{height}">'
            )
        return "\n".join(images)


CONSTRUCT = Figure()
