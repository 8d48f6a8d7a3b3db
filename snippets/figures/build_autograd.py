"""The picture of docs/build_autograd.md: our Value graph of the warm-up beside PyTorch's graph of it."""

from lessonkit import Project, run_snippet
from lessonkit.figures.graphs import graphs_figure
from lessonkit.figures.tracing import replay, trace, trace_values

FIRST = "build_autograd/first.py"


def figures(project: Project):
    ours = run_snippet(FIRST, project)  # after the warm-up's backward pass
    torch_side = replay(project, FIRST, "torch_forward")
    x = ours["x"]
    title = f"Two graphs of z = 2x² + 3 at x = {x.data:g}, ours built from Value objects and PyTorch's"
    panels = [
        ("ours", trace_values(ours["z"], ours.namespace)),
        ("PyTorch's", trace(torch_side["z_t"], torch_side)),
    ]
    return [graphs_figure("warm_up_graphs", title, panels)]
