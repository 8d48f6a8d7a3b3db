"""The pictures of docs/chain_rule.md: the autograd graphs of the warm-up and of exercise 6."""

from lessonkit import Project
from lessonkit.figures.graphs import graph_figure
from lessonkit.figures.tracing import replay


def figures(project: Project):
    warm_up = replay(project, "chain_rule/warm_up.py", "forward")
    q6 = replay(project, "chain_rule/q6.py", "forward")
    return [
        graph_figure(
            "warm_up_graph", f"Autograd graph of z = 2x² + 3 at x = {warm_up['x'].item():g}", warm_up["z"], warm_up
        ),
        graph_figure("q6_graph", "Autograd graph of f = tanh(log(2x / sin y · z + 1))", q6["f"], q6),
    ]
