"""The picture of docs/engine_network.md: the training loss of the network built on the lesson's own engine."""

from lessonkit import Project, run_snippet
from lessonkit.figures.plots import plot_figure

NETWORK = "engine_network/network.py"


def figures(project: Project):
    return [loss_curve(run_snippet(NETWORK, project))]


def loss_curve(run):
    losses, sizes = run["losses"], run["sizes"]
    shape = " → ".join(str(size) for size in sizes)
    alt = (
        f"The mean training loss of the {shape} network on our own engine, before each of its {len(losses)} "
        f"steps of gradient descent with learning rate {run['learning_rate']:g}: it falls at every step, from "
        f"{losses[0]:.4f} before the first to {losses[-1]:.4f} before the last, fastest at the start."
    )
    data = {"steps": list(range(1, len(losses) + 1)), "losses": losses}
    return plot_figure("loss_curve", alt, data, draw_loss_curve, size=(6.4, 2.8))


def draw_loss_curve(canvas, palette, data):
    axes = canvas.subplots()
    axes.plot(data["steps"], data["losses"], "o-", markersize=2.5, linewidth=1)
    axes.set_xlabel("step")
    axes.set_ylabel("mean training loss")
    axes.set_ylim(bottom=0)
