"""What lesson tests use to look at a lesson's figures: a figure as computed now, and a node of a graph."""

from lessonkit import Project
from lessonkit.figures.modules import lesson_figures


def figure(lesson: str, name: str):
    """A figure of the lesson, as its figure module computes it now."""
    return next(figure for figure in lesson_figures(Project.here(), lesson) if figure.name == name)


def node(graph, name: str):
    """The one node of a traced graph with that name."""
    (found,) = [node for node in graph.nodes if node.name == name]
    return found
