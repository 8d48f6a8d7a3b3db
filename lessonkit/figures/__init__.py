"""Pictures drawn from the lessons' own computations, recorded as SVG and checked like outputs.

`snippets/figures/<lesson>.py` defines `figures(project)`, the pictures of `docs/<lesson>.md`:
autograd graphs traced from a tensor the lesson computes (`graphs.graph_figure`) and
matplotlib plots (`plots.plot_figure`). Each is drawn once per palette, light and dark,
to `docs/figures/<lesson>/<name>-<palette>.svg`. `pytest --update-outputs` re-records
them; the tests fail, naming the file, when a recording differs from a fresh drawing or
when a page does not show a picture exactly as `recording.figure_markdown` writes it.

This package imports nothing heavy: matplotlib, Graphviz and torch load only when a
figure module does, so the MkDocs hooks that import `lessonkit.checks` stay fast.
"""
