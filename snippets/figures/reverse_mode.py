"""The picture of docs/reverse_mode.md: the passes each way of differentiating needs, as the counters counted them."""

from lessonkit import Project, run_snippet
from lessonkit.figures.plots import plot_figure


def figures(project: Project):
    gradient = run_snippet("reverse_mode/gradient.py", project)
    # Rows: [n, evaluations by differences, jvp passes, vjp's evaluations, vjp's backward passes].
    ns = [row[0] for row in gradient["gradient_table"]]
    one_output = {
        "x": ns,
        "differences": [row[1] for row in gradient["gradient_table"]],
        "forward": [row[2] for row in gradient["gradient_table"]],
        "reverse": [row[3] + row[4] for row in gradient["gradient_table"]],
    }
    # Rows: [n_out, jvp passes, vjp's evaluations, vjp's backward passes].
    ms = [row[0] for row in gradient["jacobian_table"]]
    inputs = len(gradient["x"])
    many_outputs = {
        "x": ms,
        "forward": [row[1] for row in gradient["jacobian_table"]],
        "reverse": [row[2] + row[3] for row in gradient["jacobian_table"]],
    }
    panels = [
        {"title": "one output, n inputs: a gradient", "xlabel": "n, the number of inputs", **one_output},
        {
            "title": f"{inputs} inputs, $n_\\mathrm{{out}}$ outputs: a Jacobian",
            "xlabel": "$n_\\mathrm{out}$, the number of outputs",
            **many_outputs,
        },
    ]
    alt = (
        f"Two log-scale panels of passes through the function. Left, a gradient of one output with n inputs, "
        f"n from {ns[0]} to {ns[-1]}: central differences need twice n evaluations, "
        f"rising to {one_output['differences'][-1]}; "
        f"forward mode needs n passes, rising to {one_output['forward'][-1]}; reverse mode needs "
        f"{one_output['reverse'][-1]} passes, one forward and one backward, for every n. Right, a Jacobian with "
        f"{inputs} inputs and n_out outputs, n_out from {ms[0]} to {ms[-1]}: "
        f"forward mode needs {many_outputs['forward'][-1]} "
        f"passes for every n_out, reverse mode one forward pass and n_out backward passes, rising to "
        f"{many_outputs['reverse'][-1]}."
    )
    return [plot_figure("passes", alt, {"panels": panels}, draw_passes, size=(7.2, 3.0))]


def draw_passes(canvas, palette, data):
    from matplotlib.ticker import StrMethodFormatter

    lines = [
        ("differences", "central differences", "o-"),
        ("forward", "forward mode (jvp)", "s-"),
        ("reverse", "reverse mode (vjp): forward + backward", "^-"),
    ]
    for axes, panel in zip(canvas.subplots(1, len(data["panels"]), sharey=True), data["panels"]):
        for (key, label, style), colour in zip(lines, palette.series):
            if key in panel:
                axes.plot(panel["x"], panel[key], style, color=colour, markersize=3, label=label)
        axes.set_xscale("log", base=2)
        axes.set_yscale("log", base=2)
        for axis in (axes.xaxis, axes.yaxis):
            axis.set_major_formatter(StrMethodFormatter("{x:g}"))  # 1, 2, 4, ... rather than powers of 2
        axes.set_title(panel["title"], fontsize=9)
        axes.set_xlabel(panel["xlabel"], fontsize=9)
        axes.tick_params(labelsize=8)
    canvas.axes[0].set_ylabel("passes through the function", fontsize=9)
    canvas.axes[0].legend(loc="upper left", fontsize=8)
