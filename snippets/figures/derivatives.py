"""The pictures of docs/derivatives.md: sin with autograd's slope, and the error of a difference quotient."""

import math

import torch

from lessonkit import Project, run_snippet
from lessonkit.figures.plots import plot_figure


def figures(project: Project):
    return [sine_and_slope(), difference_quotient_error(run_snippet("derivatives/limit.py", project))]


def sine_and_slope():
    x = torch.linspace(-2 * math.pi, 2 * math.pi, 161, requires_grad=True)
    torch.sin(x).sum().backward()  # sin(x_i) depends on x_i alone, so x.grad[i] is the slope at x_i
    x_values, slope = x.detach(), x.grad
    gap = (slope - torch.cos(x_values)).abs().max().item()
    agreement = "equal to the last bit" if gap == 0 else f"within {gap:.0e} of each other"
    alt = (
        "The sine wave sin x for x from −2π to 2π, and its slope at every point as autograd computes it: "
        f"the same wave shifted a quarter period to the left. Dots of cos x sit on that curve: the two are "
        f"{agreement}."
    )
    data = {"x": x_values, "sin": torch.sin(x_values), "slope": slope, "cos": torch.cos(x_values)}
    return plot_figure("sine_and_slope", alt, data, draw_sine_and_slope)


def draw_sine_and_slope(canvas, palette, data):
    axes = canvas.subplots()
    axes.plot(data["x"], data["sin"], label="sin x")
    axes.plot(data["x"], data["slope"], label="its slope, by autograd")
    axes.plot(data["x"][::8], data["cos"][::8], "o", color=palette.text, markersize=3, label="cos x")
    axes.set_xticks([k * math.pi for k in range(-2, 3)], ["−2π", "−π", "0", "π", "2π"])
    axes.set_xlabel("x")
    axes.legend(loc="lower left", bbox_to_anchor=(0, 1), ncols=3)


def difference_quotient_error(limit):
    steps = limit["fine_steps"]
    errors = {"float64": limit["fine64"], "float32": limit["fine32"]}
    medians = {"float64": limit["medians64"], "float32": limit["medians32"]}
    # The middle of each decade on a log axis: halfway between its first and its last step.
    centres = [math.sqrt(steps[10 * d] * steps[10 * d + 9]) for d in range(len(medians["float64"]))]
    floors = [
        (name, limit[f"floor_top{bits}"], limit[f"floor_bottom{bits}"], medians[name][limit[f"floor{bits}"]])
        for name, bits in [("float64", 64), ("float32", 32)]
    ]
    alt = (
        "Log-log plot of the error of the difference quotient (f(1 + h) − f(1)) / h of f(x) = 3x² − 4x, "
        f"for h from 1 down to {steps[-1]:.0e}, ten steps a decade, in float64 and float32, with a dot for "
        "the median error of each decade. From the right, both errors first fall along the dashed truncation "
        "line 3h, then climb again, scattering around the dotted round-off lines ε/h, up to 2 where 1 + h "
        "rounds to 1. The medians are lowest "
        + " and ".join(f"in {name} for h from {top:.1e} to {bottom:.1e}, at {m:.1e}" for name, top, bottom, m in floors)
        + f"; single points scatter around them, down to {limit['lucky_error']:.1e} at h = "
        f"{limit['lucky_step']:.1e} in float64, whose neighbours miss by {limit['lucky_left']:.1e} and "
        f"{limit['lucky_right']:.1e}."
    )
    data = {
        "steps": steps,
        "errors": errors,
        "centres": centres,
        "medians": medians,
        "eps": {"float64": limit["eps64"], "float32": limit["eps32"]},
    }
    return plot_figure("difference_quotient_error", alt, data, draw_difference_quotient_error, size=(6.4, 3.6))


def draw_difference_quotient_error(canvas, palette, data):
    axes = canvas.subplots()
    steps = data["steps"]
    for (name, error), color in zip(data["errors"].items(), palette.series):
        # A log axis cannot show an error of exactly 0: leave a gap there.
        axes.loglog(steps, [e or math.nan for e in error], label=name, linewidth=1.2, color=color, alpha=0.8)
        axes.loglog(data["centres"], data["medians"][name], "o", color=color, markersize=4)
    axes.loglog([], [], "o", color=palette.muted, markersize=4, label="median of a decade")
    ends = [steps[0], steps[-1]]  # the reference lines are straight on log-log axes
    axes.loglog(ends, [3 * h for h in ends], "--", color=palette.muted, linewidth=1, label="truncation 3h")
    for label, eps in zip(["round-off ε/h", "_one legend entry for both"], data["eps"].values()):
        axes.loglog(ends, [eps / h for h in ends], ":", color=palette.muted, linewidth=1.2, label=label)
    axes.set_ylim(1e-12, 1e2)
    axes.set_xlabel("step h")
    axes.set_ylabel("|quotient − 2|")
    axes.legend(loc="lower left", bbox_to_anchor=(0, 1), ncols=3)
