"""The picture of docs/gradient_descent.md: the lesson's iterates on f(x) = (x − 2)², one panel per learning rate."""

import torch

from lessonkit import Project, run_snippet
from lessonkit.figures.plots import plot_figure


def behaviour(xs: list[float]) -> str:
    """What the iterates do, read off the factor r by which each step multiplies the error x − 2."""
    r = round((xs[1] - 2) / (xs[0] - 2), 6)
    if r > 0:
        return "creeps in"
    if r == 0:
        return "lands on 2"
    if r > -1:
        return "zigzags in"
    return "bounces" if r == -1 else "zigzags out"


def figures(project: Project):
    run = run_snippet("gradient_descent/descent.py", project)
    rates, sweep, f = run["rates"], run["sweep"], run["f"]
    panels = []
    for rate, xs in zip(rates, sweep):
        reach = max(abs(x - 2) for x in xs) * 1.1
        curve = torch.linspace(2 - reach, 2 + reach, 41)
        title = f"η = {rate}\n{behaviour(xs)}"
        panels.append({"title": title, "xs": xs, "fs": [f(x) for x in xs], "curve": curve, "f_curve": f(curve)})
    alt = (
        f"One panel per learning rate η, each showing the parabola f(x) = (x − 2)² and the first "
        f"{len(sweep[0]) - 1} steps of gradient descent from x = {sweep[0][0]:g} on it. "
        + "; ".join(f"η = {rate} {behaviour(xs)} and ends at x = {xs[-1]:.3f}" for rate, xs in zip(rates, sweep))
        + "."
    )
    return [plot_figure("step_sizes", alt, {"panels": panels}, draw_step_sizes, size=(7.2, 2.4))]


def draw_step_sizes(canvas, palette, data):
    for axes, panel in zip(canvas.subplots(1, len(data["panels"])), data["panels"]):
        axes.plot(panel["curve"], panel["f_curve"], color=palette.muted, linewidth=1)
        axes.plot(panel["xs"], panel["fs"], "o-", color=palette.series[0], markersize=3, linewidth=1)
        axes.plot(panel["xs"][:1], panel["fs"][:1], "o", color=palette.backward, markersize=5)
        axes.set_title(panel["title"], fontsize=9)
        axes.tick_params(labelsize=8)
        axes.set_xlabel("x", fontsize=9)
