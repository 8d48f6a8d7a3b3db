"""The pictures of docs/single_neuron.md: the neuron's autograd graph, the sigmoid and the loss."""

import torch

from lessonkit import Project, run_snippet
from lessonkit.figures.graphs import graph_figure
from lessonkit.figures.plots import plot_figure
from lessonkit.figures.tracing import replay

NEURON = "single_neuron/neuron.py"


def figures(project: Project):
    forward = replay(project, NEURON, "forward")
    neuron = run_snippet(NEURON, project)
    return [
        graph_figure("neuron_graph", "Autograd graph of the neuron's loss", forward["loss"], forward),
        sigmoid_and_slope(neuron["z"].item()),
        loss_against_prediction(neuron),
    ]


def sigmoid_and_slope(logit: float):
    z = torch.linspace(-8, 8, 161, requires_grad=True)
    torch.sigmoid(z).sum().backward()  # sigmoid(z_i) depends on z_i alone, so z.grad[i] is its slope there
    z_values, slope = z.detach(), z.grad
    at = torch.tensor(logit, requires_grad=True)
    torch.sigmoid(at).backward()

    def draw(canvas, palette):
        axes = canvas.subplots()
        axes.plot(z_values, torch.sigmoid(z_values), label="σ(z)")
        axes.plot(z_values, slope, label="σ\N{PRIME}(z), by autograd")
        axes.axvline(logit, color=palette.muted, linestyle=":", linewidth=1)
        for value, name in [(torch.sigmoid(at).item(), "σ"), (at.grad.item(), "σ\N{PRIME}")]:
            axes.plot([logit], [value], "o", color=palette.text, markersize=4)
            axes.annotate(f"{name} = {value:.4f}", (logit, value), (-6, 6), textcoords="offset points", ha="right")
        axes.annotate(f"the neuron's z = {logit:g}", (logit, 0.5), (-6, 0), textcoords="offset points", ha="right")
        axes.set_xlabel("z")
        axes.legend(loc="lower left", bbox_to_anchor=(0, 1), ncols=2)

    alt = (
        f"The sigmoid σ(z) rising from 0 to 1 for z from −8 to 8, and its slope by autograd, a bump "
        f"that peaks at {slope.max().item():.2f} at z = 0. At the neuron's z = {logit:g} the sigmoid is "
        f"{torch.sigmoid(at).item():.4f} and its slope only {at.grad.item():.4f}."
    )
    return plot_figure("sigmoid_and_slope", alt, draw, {"z": z_values, "slope": slope})


def loss_against_prediction(neuron):
    predictions = torch.linspace(0.001, 0.999, 400)
    loss_if_0 = neuron["binary_cross_entropy"](predictions, torch.zeros_like(predictions))
    loss_if_1 = neuron["binary_cross_entropy"](predictions, torch.ones_like(predictions))
    label, y_hat, loss = neuron["y"].item(), neuron["y_hat"].item(), neuron["loss"].item()

    def draw(canvas, palette):
        axes = canvas.subplots()
        axes.plot(predictions, loss_if_0, label="label y = 0: −log(1 − ŷ)")
        axes.plot(predictions, loss_if_1, label="label y = 1: −log ŷ")
        axes.plot([y_hat], [loss], "o", color=palette.text, markersize=4)
        axes.annotate(
            f"the neuron: ŷ = {y_hat:.4f}, y = {label:g}, loss {loss:.2f}",
            (y_hat, loss),
            (-8, 0),
            "data",
            "offset points",
            ha="right",
            va="center",
        )
        axes.set_xlabel("prediction ŷ")
        axes.set_ylabel("loss")
        axes.legend(loc="lower left", bbox_to_anchor=(0, 1), ncols=2)

    alt = (
        f"Binary cross-entropy against the prediction ŷ from 0.001 to 0.999. With label 0 the loss −log(1 − ŷ) "
        f"is 0 at ŷ = 0 and climbs to {loss_if_0[-1].item():.1f} as ŷ nears 1; with label 1 the loss −log ŷ "
        f"is its mirror image. The neuron predicts ŷ = {y_hat:.4f} for an example labelled {label:g}, "
        f"and pays {loss:.2f}."
    )
    data = {"predictions": predictions, "loss_if_0": loss_if_0, "loss_if_1": loss_if_1}
    return plot_figure("loss_against_prediction", alt, draw, data)
