"""The picture of docs/softmax.md: the autograd graph from the input to the top probability."""

from lessonkit import Project
from lessonkit.figures.graphs import graph_figure
from lessonkit.figures.tracing import replay


def figures(project: Project):
    run = replay(project, "softmax/classifier.py", "forward")
    title = "Autograd graph of the top probability, softmax of x times W plus b"
    return [graph_figure("top_probability_graph", title, run["top_prob"], run)]
