"""docs/engine_network.md: a network on the lesson's own Value, against closed forms and against PyTorch in float64."""

import itertools
import math
import warnings

import pytest
import torch

from lessonkit import Project, run_snippet
from lessonkit.runner import run_sections
from lessonkit.sections import find_section, read_sections
from tests.lessons.figures import figure
from tests.lessons.values import check_every_operation

NETWORK = "engine_network/network.py"
RELU = (
    "    def relu(self):\n"
    '        return Value(max(self.data, 0.0), (self,), (1.0 if self.data > 0 else 0.0,), "relu")\n'
    "\n"
)


def sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z))


def sections_until(last: str) -> dict:
    """The snippet's namespace after running its sections up to `last` afresh: tests may change it."""
    project = Project.here()
    path = project.snippet(NETWORK)
    return run_sections(read_sections(path, project.display(path)), until=last)[1]


@pytest.fixture(scope="module")
def run():
    return run_snippet(NETWORK)


def test_value_is_build_autograds_whole_class_plus_relu():
    """Each notebook runs alone, so the lesson keeps its own copy of the class: it must stay the same class."""
    snippets = Project.here().snippets_dir
    here = find_section(snippets, NETWORK, "engine").code
    there = find_section(snippets, "build_autograd/value.py", "engine").code
    assert RELU in here
    assert here.replace(RELU, "") == there


def test_every_operation_of_the_lessons_copy_against_finite_differences(run):
    """The same check as build_autograd's: this copy is what the lesson's notebook runs."""
    check_every_operation(run["Value"], 1e-12)


def test_relu_slope_at_zero_is_zero_like_torch_relu(run):
    Value = run["Value"]
    for point, slope in [(-1.5, 0.0), (0.0, 0.0), (2.0, 1.0), (1e-300, 1.0), (-1e-300, 0.0)]:
        a = Value(point)
        out = a.relu()
        assert out.data == max(point, 0.0)
        out.backward()
        leaf = torch.tensor(point, dtype=torch.float64, requires_grad=True)
        torch.relu(leaf).backward()
        assert a.grad == leaf.grad.item() == slope
    assert run["relu_slopes"] == [0.0, 0.0, 1.0]


def test_single_neuron_gradient_is_prediction_error_times_input(run):
    (x,), label = run["example_x"], run["example_y"]
    y_hat = sigmoid(1.0 * x + 0.0)
    neuron = run["neuron"]
    assert run["y_hat"].data == pytest.approx(y_hat, rel=1e-15)
    assert neuron.w[0].grad == pytest.approx((y_hat - label) * x, rel=1e-12)
    assert neuron.b.grad == pytest.approx(y_hat - label, rel=1e-12)


def test_parameter_counts_are_one_weight_per_input_plus_a_bias(run):
    def count(sizes):
        return sum((n_in + 1) * n_out for n_in, n_out in itertools.pairwise(sizes))

    assert len(run["net"].parameters()) == count(run["sizes"]) == 33
    assert run["deeper_count"] == count([2, 4, 4, 1]) == 4 * 3 + 4 * 5 + 1 * 5 == 37
    assert run.outputs["count"].strip() == "37"


def test_hidden_layers_use_relu_and_the_output_layer_does_not(run):
    layers = run["net"].layers
    assert [neuron.relu for neuron in layers[0].neurons] == [True] * 8
    assert [neuron.relu for neuron in layers[1].neurons] == [False]
    assert all(len(neuron.w) == 2 for neuron in layers[0].neurons)
    assert len(layers[1].neurons[0].w) == 8


def test_zero_grad_clears_every_parameter():
    namespace = sections_until("network")
    net = namespace["net"]
    net([0.5, -0.25])[0].backward()
    assert any(parameter.grad != 0 for parameter in net.parameters())
    net.zero_grad()
    assert all(parameter.grad == 0.0 for parameter in net.parameters())


def test_data_is_four_blobs_from_a_generator_of_its_own(run):
    generator = torch.Generator().manual_seed(0)
    centres = torch.tensor([[1.0, 1.0], [-1.0, -1.0], [1.0, -1.0], [-1.0, 1.0]], dtype=torch.float64)
    for X, y in [(run["X_train"], run["y_train"]), (run["X_test"], run["y_test"])]:
        noise = 0.4 * torch.randn(20, 2, dtype=torch.float64, generator=generator)
        expected = centres.repeat_interleave(5, dim=0) + noise
        assert torch.equal(torch.tensor(X, dtype=torch.float64), expected)
        # class 1 exactly where the blob's centre has coordinates of the same sign
        assert y == [float(c[0] * c[1] > 0) for c in centres.repeat_interleave(5, dim=0)]
    assert run["n_train"] == 20


def test_training_loss_falls_at_every_step_fastest_at_the_start(run):
    losses = run["losses"]
    assert len(losses) == run["steps"]
    assert all(later < earlier for earlier, later in itertools.pairwise(losses))
    assert losses[0] - losses[10] > losses[-11] - losses[-1]
    assert losses[0] > 0.6 and losses[-1] < 0.15


def test_trained_network_classifies_every_point_right(run):
    assert run["train_accuracy"] == run["test_accuracy"] == 1.0


def relu_network(net, X):
    """The snippet's network, rebuilt from its weights as float64 tensors, with the log-loss written out."""
    (hidden, out) = net.layers
    W1 = torch.tensor([[w.data for w in n.w] for n in hidden.neurons], dtype=torch.float64, requires_grad=True)
    b1 = torch.tensor([n.b.data for n in hidden.neurons], dtype=torch.float64, requires_grad=True)
    W2 = torch.tensor([[w.data for w in n.w] for n in out.neurons], dtype=torch.float64, requires_grad=True)
    b2 = torch.tensor([n.b.data for n in out.neurons], dtype=torch.float64, requires_grad=True)
    logits = (torch.clamp(torch.tensor(X, dtype=torch.float64) @ W1.T + b1, min=0) @ W2.T + b2).squeeze(1)
    return logits, (W1, b1, W2, b2)


def test_trained_network_agrees_with_pytorch_in_float64(run):
    net, X, y = run["net"], run["X_train"], run["y_train"]
    logits, (W1, b1, W2, b2) = relu_network(net, X)
    labels = torch.tensor(y, dtype=torch.float64)
    p = torch.sigmoid(logits)
    (-(labels * torch.log(p) + (1 - labels) * torch.log(1 - p))).mean().backward()
    ours = torch.tensor([net(point)[0].data for point in X], dtype=torch.float64)
    torch.testing.assert_close(ours, logits.detach(), rtol=1e-13, atol=1e-13)
    net.zero_grad()
    run["mean_loss"](net, X, y).backward()
    for layer, W, b in [(net.layers[0], W1, b1), (net.layers[1], W2, b2)]:
        got_W = torch.tensor([[w.grad for w in n.w] for n in layer.neurons], dtype=torch.float64)
        got_b = torch.tensor([n.b.grad for n in layer.neurons], dtype=torch.float64)
        torch.testing.assert_close(got_W, W.grad, rtol=1e-12, atol=1e-13)
        torch.testing.assert_close(got_b, b.grad, rtol=1e-12, atol=1e-13)
    assert run["tolerance"] == 1e-12


def test_one_training_step_is_plain_sgd():
    """The loop's update, from the untrained weights, is what torch.optim.SGD does with the same gradients."""
    namespace = sections_until("data")
    net, X, y = namespace["net"], namespace["X_train"], namespace["y_train"]
    logits, tensors = relu_network(net, X)
    optimizer = torch.optim.SGD(tensors, lr=0.5)
    torch.nn.functional.binary_cross_entropy_with_logits(logits, torch.tensor(y, dtype=torch.float64)).backward()
    optimizer.step()
    total = 0.0  # one step of the lesson's loop, by hand: its section has not run yet
    for point, label in zip(X, y, strict=True):
        total = total + namespace["log_loss"](net(point)[0].sigmoid(), label)
    net.zero_grad()
    (total * (1 / len(X))).backward()
    for parameter in net.parameters():
        parameter.data -= 0.5 * parameter.grad
    W1 = torch.tensor([[w.data for w in n.w] for n in net.layers[0].neurons], dtype=torch.float64)
    torch.testing.assert_close(W1, tensors[0].detach(), rtol=1e-12, atol=1e-13)


def test_dead_relu_gets_exactly_zero_gradient_and_never_moves():
    namespace = sections_until("dead_relu")  # the trained network; the section put the trained bias back
    net, X, y = namespace["net"], namespace["X_train"], namespace["y_train"]
    unit = net.layers[0].neurons[0]
    assert unit.b.data == namespace["trained_bias"]
    unit.b.data = namespace["dead_bias"]
    assert all(sum(w.data * x for w, x in zip(unit.w, point, strict=True)) + unit.b.data < 0 for point in X)
    before = [parameter.data for parameter in unit.parameters()]
    for _ in range(3):  # three more steps of the lesson's loop
        loss = namespace["mean_loss"](net, X, y)
        net.zero_grad()
        loss.backward()
        assert [parameter.grad for parameter in unit.parameters()] == [0.0, 0.0, 0.0]
        for parameter in net.parameters():
            parameter.data -= namespace["learning_rate"] * parameter.grad
    assert [parameter.data for parameter in unit.parameters()] == before


def test_tanh_in_the_dead_units_place_passes_a_tiny_nonzero_gradient(run):
    grads = [float(text) for text in run.outputs["tanh_unit"].strip()[1:-1].replace("'", "").split(", ")]
    assert all(0 < abs(grad) < 1e-5 for grad in grads)
    t = math.tanh(-10.0)
    assert 0 < 1 - t * t < 1e-7  # tiny but not 0 near the unit's input ...
    assert 1 - math.tanh(-20.0) ** 2 == 0.0  # ... further out it does round to 0


def test_the_unit_prediction_offers_three_different_outputs(run):
    outputs = [run.outputs[name] for name in ("dead_relu", "alive_relu", "tanh_unit")]
    assert len(set(outputs)) == 3
    assert outputs[0].strip() == "['0', '0', '0']"


def test_backward_twice_on_our_engine_triples_the_second_share(run):
    x = run["x"]
    assert x.data == 3.5
    first = 4 * 3.5  # dz/dx
    assert run["single_grad"] == first and run["y_grad_once"] == 2
    # Second call: 2y holds 1 + 1, so y receives 2 · 2 more (6 in all), and x receives 2 · 3.5 · 6 more.
    assert run["y_grad_twice"] == 2 + 2 * 2
    assert x.grad == first + 2 * 3.5 * 6 == first + 3 * first == 56.0


def test_pytorch_adds_the_same_gradient_again_with_retain_graph():
    x = torch.tensor(3.5, dtype=torch.float64, requires_grad=True)
    y = x * x
    z = 2 * y + 3
    z.backward(retain_graph=True)
    z.backward()
    assert x.grad.item() == 2 * 4 * 3.5
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # reading .grad of a non-leaf warns
        assert y.grad is None  # PyTorch keeps no gradient on a value inside the graph


def test_pytorch_refuses_a_second_backward_without_retain_graph():
    x = torch.tensor(3.5, dtype=torch.float64, requires_grad=True)
    z = 2 * (x * x) + 3
    z.backward()
    with pytest.raises(RuntimeError, match="backward through the graph a second time"):
        z.backward()


def test_the_twice_prediction_offers_three_different_outputs(run):
    outputs = [run.outputs[name].strip() for name in ("twice_ours", "twice_retained", "twice_torch")]
    assert outputs[:2] == ["56.0", "28.0"]
    assert outputs[2].startswith("RuntimeError: ")


def test_loss_curve_shows_the_recorded_losses(run):
    data = figure("engine_network", "loss_curve").data
    assert data["losses"] == run["losses"]
    assert data["steps"] == list(range(1, run["steps"] + 1))
