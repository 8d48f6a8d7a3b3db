"""The pictures of docs/model_that_learns.md: the decision boundaries, the loss curves and a loss surface."""

import torch

from lessonkit import Project, run_snippet
from lessonkit.figures.plots import plot_figure

TRAIN = "model_that_learns/train.py"


def figures(project: Project):
    run = run_snippet(TRAIN, project)
    return [decision_boundaries(run), loss_curves(run), loss_surface(run)]


def decision_boundaries(run):
    points = torch.linspace(-2.5, 2.5, 51)
    grid = torch.cartesian_prod(points, points)  # every (x1, x2) of a 51 × 51 grid, x2 varying fastest
    with torch.no_grad():
        models = {"logistic regression": run["logistic"], "network": run["network"]}
        regions = {name: (model(grid) > 0).int().reshape(51, 51).T for name, model in models.items()}
    accuracies = {"logistic regression": run["logistic_test_accuracy"], "network": run["network_test_accuracy"]}
    shading = {label: f"the model predicts class {label}" for label in (1, 0)}
    alt = (
        f"The {len(run['X_test'])} test points of both classes, circles for class 1 and triangles for class 0, over "
        f"shading that is darker where each model predicts class 1 and lighter where it predicts class 0. "
        f"Left, logistic regression: one straight boundary, and {accuracies['logistic regression']:.2f} of the test "
        f"points on the right side of it. Right, the network: a boundary that bends around the four blobs, and "
        f"{accuracies['network']:.2f} of the points right."
    )
    data = {
        "points": points,
        "regions": regions,
        "titles": [f"{name}: {accuracies[name]:.2f} right" for name in regions],
        "shading": shading,
        "test": {"x": run["X_test"][:, 0], "y": run["X_test"][:, 1], "class": run["y_test"].int()},
    }
    return plot_figure("decision_boundaries", alt, data, draw_decision_boundaries, size=(6.4, 3.6))


def draw_decision_boundaries(canvas, palette, data):
    from matplotlib.patches import Patch

    test = data["test"]
    shade = {"0": palette.fill, "1": palette.grid}  # JSON keys: the class as text
    for axes, region, title in zip(canvas.subplots(1, 2), data["regions"].values(), data["titles"]):
        axes.contourf(data["points"], data["points"], region, levels=[-0.5, 0.5, 1.5], colors=[shade["0"], shade["1"]])
        for label, marker, colour in [(1, "o", palette.series[0]), (0, "^", palette.series[1])]:
            chosen = [index for index, value in enumerate(test["class"]) if value == label]
            axes.plot(
                [test["x"][i] for i in chosen],
                [test["y"][i] for i in chosen],
                marker,
                color=colour,
                markersize=3,
                label=f"a test point of class {label}",
            )
        axes.set_title(title, fontsize=9)
        axes.set_aspect("equal")
        axes.grid(False)
    points, _ = canvas.axes[0].get_legend_handles_labels()
    shades = [Patch(facecolor=shade[key], edgecolor=palette.muted, label=text) for key, text in data["shading"].items()]
    labels = [handle.get_label() for handle in points + shades]
    canvas.legend(points + shades, labels, loc="outside upper center", ncols=2, fontsize=8)


def loss_curves(run):
    curves = {
        "logistic regression": run["logistic_losses"],
        "network, our loop": run["network_losses"],
        "network, torch.optim.SGD": run["sgd_losses"],
        "network, Adam": run["adam_losses"],
    }
    logistic, network, adam = run["logistic_losses"], run["network_losses"], run["adam_losses"]
    alt = (
        f"The training loss after each step, on a logarithmic scale. Logistic regression starts at {logistic[0]:.4f} "
        f"and is still at {logistic[-1]:.4f} after {len(logistic)} steps; the network falls from {network[0]:.4f} "
        f"to {network[-1]:.4f} in {len(network)} steps, and torch.optim.SGD follows exactly the same curve; Adam "
        f"reaches {adam[-1]:.4f} in {len(adam)} steps."
    )
    return plot_figure("loss_curves", alt, {"curves": curves}, draw_loss_curves, size=(6.4, 3.0))


def draw_loss_curves(canvas, palette, data):
    axes = canvas.subplots()
    for (name, losses), style in zip(data["curves"].items(), ["-", "-", "o", "-"]):
        steps = range(1, len(losses) + 1)
        if style == "o":  # on top of our loop's curve: a dot every 25 steps shows it is there
            axes.plot(list(steps)[::25], losses[::25], style, markersize=3, label=name)
        else:
            axes.plot(steps, losses, style, label=name)
    axes.set_yscale("log")
    axes.set_xlabel("step")
    axes.set_ylabel("training loss")
    axes.legend(loc="lower left", bbox_to_anchor=(0, 1), ncols=2, fontsize=8)


def loss_surface(run):
    paths, best = run["paths"], run["best"]
    ws = [w for path in paths for w, _ in path] + [best[0]]
    bs = [b for path in paths for _, b in path] + [best[1]]
    pad = 0.1  # room around the paths
    w_grid = torch.linspace(min(ws) - pad * 3, max(ws) + pad * 3, 31)
    b_grid = torch.linspace(min(bs) - pad * 10, max(bs) + pad * 10, 31)
    u, t, line_loss = run["u"], run["t"], run["line_loss"]
    with torch.no_grad():
        losses = torch.stack([torch.stack([line_loss(w, b, u, t) for w in w_grid]) for b in b_grid])
    lrs, ends = run["step_sizes"], run["path_losses"]
    alt = (
        f"Contours of the loss over the weight w and the bias b: a long, narrow valley. Both descent paths start at "
        f"w = {paths[0][0][0]:g}, b = {paths[0][0][1]:g}. With learning rate {lrs[0]:g} the path walks down the "
        f"steep side and crawls along the floor, ending at loss {ends[0]:.4f}; with {lrs[1]:g} it zigzags across "
        f"the valley and travels further, to loss {ends[1]:.4f}. The bottom is at w = {best[0]:.2f}, "
        f"b = {best[1]:.2f}, loss {run['best_loss']:.4f}."
    )
    data = {
        "w": w_grid,
        "b": b_grid,
        "loss": losses,
        "paths": [
            {"label": f"learning rate {lr:g}", "w": [w for w, _ in path], "b": [b for _, b in path]}
            for lr, path in zip(lrs, paths)
        ],
        "best": list(best),
    }
    return plot_figure("loss_surface", alt, data, draw_loss_surface, size=(6.4, 3.6))


def draw_loss_surface(canvas, palette, data):
    axes = canvas.subplots()
    levels = [0.4, 0.45, 0.5, 0.6, 0.7, 0.9, 1.2, 1.6]
    axes.contour(data["w"], data["b"], data["loss"], levels=levels, colors=palette.muted, linewidths=0.6)
    for path, colour in zip(data["paths"], palette.series[:2]):
        axes.plot(path["w"], path["b"], ".-", color=colour, markersize=2.5, linewidth=0.9, label=path["label"])
    axes.plot(*data["best"], "*", color=palette.text, markersize=8, label="the bottom")
    axes.set_xlabel("weight w")
    axes.set_ylabel("bias b")
    axes.grid(False)
    axes.legend(loc="lower left", bbox_to_anchor=(0, 1), ncols=3, fontsize=8)
