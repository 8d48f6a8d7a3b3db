"""The picture of docs/training_loop.md: the training loss after each epoch, plain SGD against SGD with momentum."""

from lessonkit import Project, run_snippet
from lessonkit.figures.plots import plot_figure

TRAIN = "training_loop/train.py"


def figures(project: Project):
    return [loss_curves(run_snippet(TRAIN, project))]


def loss_curves(run):
    plain, momentum, lr, beta = run["plain_losses"], run["momentum_losses"], run["lr"], run["beta"]
    curves = {f"plain SGD, η = {lr:g}": plain, f"SGD with momentum β = {beta:g}, η = {lr:g}": momentum}
    alt = (
        f"The loss on the whole training set after each of {len(plain)} epochs of minibatch training, from the same "
        f"starting weights and the same batches. Plain SGD with learning rate {lr:g} falls from {plain[0]:.4f} after "
        f"the first epoch to {plain[-1]:.4f}; with momentum {beta:g} and the same learning rate the loss starts at "
        f"{momentum[0]:.4f}, is already below plain SGD's final loss after {run['plain_epochs_needed']} epochs, "
        f"and ends at {momentum[-1]:.4f}."
    )
    return plot_figure("loss_curves", alt, {"curves": curves}, draw_loss_curves, size=(6.4, 3.0))


def draw_loss_curves(canvas, palette, data):
    from matplotlib.ticker import MaxNLocator

    axes = canvas.subplots()
    for name, losses in data["curves"].items():
        axes.plot(range(1, len(losses) + 1), losses, ".-", markersize=4, label=name)
    plain = next(iter(data["curves"].values()))
    axes.axhline(plain[-1], color=palette.muted, linestyle="--", linewidth=0.8, label="plain SGD's last loss")
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_ylim(bottom=0)
    axes.set_xlabel("epoch")
    axes.set_ylabel("training loss")
    axes.legend(loc="lower left", bbox_to_anchor=(0, 1), ncols=3, fontsize=8)
