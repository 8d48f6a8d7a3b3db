"""Pictures drawn from the lessons' own computations, recorded by what they show and checked like outputs.

`snippets/figures/<lesson>.py` defines `figures(project)`, the pictures of `docs/<lesson>.md`:
autograd graphs traced from a tensor the lesson computes (`graphs.graph_figure`) and
matplotlib plots (`plots.plot_figure`). A page shows one with `{{ figure <lesson>/<name> }}`.

What each figure shows (its content and alt text) is recorded as JSON; its SVG in each
palette is drawn from that recording and stamped with its hash (`figure.Figure`). The
checks compare content and stamps, and never draw: see lessonkit/record.py for re-drawing.
"""
