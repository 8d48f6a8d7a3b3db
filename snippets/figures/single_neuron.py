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
    sigma, sigma_slope = torch.sigmoid(at).item(), at.grad.item()
    alt = (
        f"The sigmoid σ(z) rising from 0 to 1 for z from {z_values[0].item():g} to {z_values[-1].item():g}, "
        f"and its slope by autograd, a bump "
        f"that peaks at {slope.max().item():.2f} at z = 0. At the neuron's z = {logit:g} the sigmoid is "
        f"{sigma:.4f} and its slope only {sigma_slope:.4f}."
    )
    marks = [f"σ = {sigma:.4f}", f"σ\N{PRIME} = {sigma_slope:.4f}", f"the neuron's z = {logit:g}"]
    data = {
        "z": z_values,
        "sigmoid": torch.sigmoid(z_values),
        "slope": slope,
        "at": {"z": logit, "values": [sigma, sigma_slope], "labels": marks},
    }
    return plot_figure("sigmoid_and_slope", alt, data, draw_sigmoid_and_slope)


def draw_sigmoid_and_slope(canvas, palette, data):
    axes = canvas.subplots()
    axes.plot(data["z"], data["sigmoid"], label="σ(z)")
    axes.plot(data["z"], data["slope"], label="σ\N{PRIME}(z), by autograd")
    at = data["at"]
    axes.axvline(at["z"], color=palette.muted, linestyle=":", linewidth=1)
    for value, label in zip(at["values"], at["labels"]):
        axes.plot([at["z"]], [value], "o", color=palette.text, markersize=4)
        axes.annotate(label, (at["z"], value), (-6, 6), textcoords="offset points", ha="right")
    axes.annotate(at["labels"][2], (at["z"], 0.5), (-6, 0), textcoords="offset points", ha="right")
    axes.set_xlabel("z")
    axes.legend(loc="lower left", bbox_to_anchor=(0, 1), ncols=2)


def loss_against_prediction(neuron):
    predictions = torch.linspace(0.001, 0.999, 400)
    loss_if_0 = neuron["binary_cross_entropy"](predictions, torch.zeros_like(predictions))
    loss_if_1 = neuron["binary_cross_entropy"](predictions, torch.ones_like(predictions))
    label, y_hat, loss = neuron["y"].item(), neuron["y_hat"].item(), neuron["loss"].item()
    alt = (
        f"Binary cross-entropy against the prediction ŷ from {predictions[0].item():g} to {predictions[-1].item():g}. "
        f"With label 0 the loss −log(1 − ŷ) is 0 at ŷ = 0 and climbs to {loss_if_0[-1].item():.1f} as ŷ nears 1; "
        f"with label 1 the loss −log ŷ is its mirror image. The neuron predicts ŷ = {y_hat:.4f} for an example "
        f"labelled {label:g}, and pays {loss:.2f}."
    )
    data = {
        "predictions": predictions,
        "loss_if_0": loss_if_0,
        "loss_if_1": loss_if_1,
        "neuron": {
            "y_hat": y_hat,
            "loss": loss,
            "label": f"the neuron: ŷ = {y_hat:.4f}, y = {label:g}, loss {loss:.2f}",
        },
    }
    return plot_figure("loss_against_prediction", alt, data, draw_loss_against_prediction)


def draw_loss_against_prediction(canvas, palette, data):
    axes = canvas.subplots()
    axes.plot(data["predictions"], data["loss_if_0"], label="label y = 0: −log(1 − ŷ)")
    axes.plot(data["predictions"], data["loss_if_1"], label="label y = 1: −log ŷ")
    neuron = data["neuron"]
    axes.plot([neuron["y_hat"]], [neuron["loss"]], "o", color=palette.text, markersize=4)
    point = (neuron["y_hat"], neuron["loss"])
    axes.annotate(neuron["label"], point, (-8, 0), "data", "offset points", ha="right", va="center")
    axes.set_xlabel("prediction ŷ")
    axes.set_ylabel("loss")
    axes.legend(loc="lower left", bbox_to_anchor=(0, 1), ncols=2)
