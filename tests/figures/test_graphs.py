"""The graph figures show the operations autograd really recorded, and the gradients the lessons print."""

import itertools
from collections import Counter

import pytest
import torch

from lessonkit import run_snippet
from lessonkit.figures.figure import Figure
from lessonkit.figures.graphs import number
from lessonkit.figures.recording import lesson_figures


def graph(project, lesson, name):
    return next(figure for figure in lesson_figures(project)[lesson] if figure.name == name).data["graph"]


def node(graph, name):
    (found,) = [node for node in graph.nodes if node.name == name]
    return found


def test_warm_up_x_feeds_one_multiplication_twice(project):
    warm_up = graph(project, "chain_rule", "warm_up_graph")  # y = x * x; z = 2 * y + 3
    assert warm_up.links() == Counter(
        {
            ("x", "MulBackward0"): 2,
            ("MulBackward0", "MulBackward0"): 1,
            ("MulBackward0", "AddBackward0"): 1,
            ("AddBackward0", "z"): 1,
        }
    )
    square, double, add = warm_up.operations()
    assert (square.output, square.step, double.step, add.step) == ("y", 3, 2, 1)
    # Each of the two arrows out of x carries dz/dy · x = 2 · 3.5; x.grad is their sum.
    assert [edge.grad.item() for edge in warm_up.edges if edge.source.name == "x"] == [7.0, 7.0]
    torch.testing.assert_close(node(warm_up, "x").grad, run_snippet("chain_rule/warm_up.py")["x"].grad)


def test_q6_forks_at_the_division_and_matches_the_lesson(project):
    q6 = graph(project, "chain_rule", "q6_graph")
    assert q6.links() == Counter(
        {
            ("x", "MulBackward0"): 1,
            ("y", "SinBackward0"): 1,
            ("MulBackward0", "DivBackward0"): 1,
            ("SinBackward0", "DivBackward0"): 1,
            ("DivBackward0", "MulBackward0"): 1,
            ("z", "MulBackward0"): 1,
            ("MulBackward0", "AddBackward0"): 1,
            ("AddBackward0", "LogBackward0"): 1,
            ("LogBackward0", "TanhBackward0"): 1,
            ("TanhBackward0", "f"): 1,
        }
    )
    lesson = run_snippet("chain_rule/q6.py")
    for leaf in "xyz":
        torch.testing.assert_close(node(q6, leaf).grad, lesson[leaf].grad)


def test_neuron_graph_holds_the_parameters_not_the_data(project):
    neuron = graph(project, "single_neuron", "neuron_graph")
    assert [leaf.name for leaf in neuron.leaves()] == ["w", "b"]  # x and y need no gradient
    assert Counter(op.name for op in neuron.operations()) == Counter(
        {
            "MulBackward0": 3,  # w · x, y · log ŷ, (1 − y) · log(1 − ŷ)
            "AddBackward0": 2,  # + b, the sum of the two terms
            "SigmoidBackward0": 1,
            "ClampBackward1": 1,
            "LogBackward0": 2,
            "RsubBackward1": 1,  # 1 − ŷ
            "NegBackward0": 1,
        }
    )
    lesson = run_snippet("single_neuron/neuron.py")
    torch.testing.assert_close(node(neuron, "w").grad, lesson["w"].grad)
    torch.testing.assert_close(node(neuron, "b").grad, lesson["b"].grad)
    # With the label 0, the y · log ŷ term sends nothing back, and (1 − y) · log(1 − ŷ) sends back −1.
    logs_to_products = [
        e.grad.item() for e in neuron.edges if (e.source.name, e.target.name) == ("LogBackward0", "MulBackward0")
    ]
    assert sorted(logs_to_products) == [-1, 0]


def test_softmax_graph_is_one_chain_from_x_to_the_top_probability(project):
    softmax = graph(project, "softmax", "top_probability_graph")
    chain = ["x", "UnsqueezeBackward0", "MmBackward0", "SqueezeBackward4", "AddBackward0", "SoftmaxBackward0"]
    chain += ["SelectBackward0", "top_prob"]
    assert softmax.links() == Counter(itertools.pairwise(chain))
    torch.testing.assert_close(node(softmax, "x").grad, run_snippet("softmax/classifier.py")["x"].grad)


def test_every_graph_ends_in_its_result_with_a_seed_of_one(project):
    graphs = [
        figure.data["graph"]
        for figures in lesson_figures(project).values()
        for figure in figures
        if "graph" in figure.data
    ]
    assert len(graphs) == 4
    for drawn in graphs:
        assert drawn.nodes[-1].kind == "result"
        assert drawn.edges[-1].grad.item() == 1
        assert sorted(op.step for op in drawn.operations()) == list(range(1, len(drawn.operations()) + 1))


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (torch.tensor(-0.0), "0"),
        (torch.tensor(14.0), "14"),
        (torch.tensor(-0.24516), "−0.2452"),
        (torch.tensor([0.5, -0.25]), "[0.5, −0.25]"),
        (torch.tensor([[1.0, 2.0], [3.0, 4.0]]), "[[1, 2],\n [3, 4]]"),
    ],
)
def test_numbers_are_short_and_typeset(value, text):
    assert number(value) == text


@pytest.mark.parametrize("alt", ["", "a [bracket] ends the alt text", "two\nlines"])
def test_alt_text_that_markdown_would_break_is_refused(alt):
    with pytest.raises(ValueError, match="alt text must be one non-empty line"):
        Figure("broken", alt, str)
