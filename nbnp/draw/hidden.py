"""A network with one hidden layer drawn neuron by neuron, for one example, step by step.

:func:`neuron_walk_graph` takes a network of two layers (the article's 2-3-1),
runs it forward and backward once on the whole batch with
:func:`nbnp.draw.layer_pass`, and draws one example's column of that run:
every hidden neuron as its own z and a nodes, its weights and bias as one
parameter node. The steps walk the forward pass neuron by neuron and the
backward pass from ∂Cost/∂A^[2] down to dW^[1], db^[1];
:func:`plot_hidden_units` shows what each hidden neuron learned.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from nbnp.article.fmt import fmt_array, fmt_fixed
from nbnp.checks import as_matrix
from nbnp.draw.graph import Edge, Node, draw_graph
from nbnp.draw.labels import check_layout, steps_so_far
from nbnp.draw.network import _layer_pairs, layer_pass
from nbnp.draw.plots import CLASS_COLORS, network_proba, plot_decision_boundary
from nbnp.training import forward

__all__ = ["WALK_STEPS", "WALK_TITLES", "draw_neuron_walk", "draw_neuron_walk_steps", "neuron_walk_graph",
           "plot_hidden_units"]

#: The steps of the walk, in order; each shows the ones before it too.
WALK_STEPS = (
    "inputs",
    "neuron1",
    "neuron2",
    "neuron3",
    "output",
    "cost",
    "dA2",
    "dZ2",
    "dW2",
    "dA1",
    "dZ1",
    "dW1",
)

#: What each step of the walk shows, for its figure's title.
WALK_TITLES = {
    "inputs": "the example enters",
    "neuron1": "hidden neuron 1 forward",
    "neuron2": "hidden neuron 2 forward",
    "neuron3": "hidden neuron 3 forward",
    "output": "the output neuron forward",
    "cost": "the cost",
    "dA2": "backward: ∂Cost/∂ŷ",
    "dZ2": "backward: dz of the output neuron",
    "dW2": "backward: the output neuron's dw, db",
    "dA1": "backward: into the hidden layer, da = w·dz",
    "dZ1": "backward: each hidden neuron's dz",
    "dW1": "backward: each hidden neuron's dw, db",
}

_ROW = 6.0  # vertical distance between hidden neurons


def _sup(name: str, layer: int, index: int | None = None) -> str:
    """``name^[layer]_index`` in mathtext."""
    sub = f"_{{{index}}}" if index is not None else ""
    return f"${name}^{{[{layer}]}}{sub}$"


def _example_run(layers: list, X: np.ndarray, Y: np.ndarray, example: int) -> dict:
    """The batch run's matrices, and this example's column of each."""
    X, Y = as_matrix("X", X), as_matrix("Y", Y, rows=1)
    if len(_layer_pairs(list(layers))) != 2:
        raise ValueError("layers must be one hidden layer and one output layer: [Z1, A1, Z2, A2]")
    if not isinstance(example, (int, np.integer)) or not 0 <= example < X.shape[1]:
        raise ValueError(
            f"example must be a column index of X, 0 to {X.shape[1] - 1}, but received {example!r}"
        )
    if Y.shape[0] != 1 or layers[2].params["W"].shape[0] != 1:
        raise ValueError("the output layer must have one neuron and Y one row")
    run = layer_pass(layers, X, Y)
    j = slice(example, example + 1)
    col = {k: v[:, j] for k, v in run.items() if k != "cost" and not k.startswith(("W", "b", "dW", "db"))}
    col.update({k: run[k] for k in ("W1", "b1", "W2", "b2", "cost")})
    col["x"], col["y"] = X[:, j], Y[:, j]
    # This example's part of the parameter gradients (the batch's are the sum over examples).
    col["dW2"], col["db2"] = col["dZ2"] @ col["A1"].T, col["dZ2"]
    col["dW1"], col["db1"] = col["dZ1"] @ col["x"].T, col["dZ1"]
    return col


def _nodes(c: dict, shown: set, current: str, d: int) -> list[Node]:
    f = lambda v: fmt_fixed(float(np.asarray(v).reshape(())), d)  # noqa: E731
    n_x, n_h = c["x"].shape[0], c["W1"].shape[0]
    top = (n_h - 1) * _ROW / 2
    nodes = [
        Node(f"x{k}", f"$x_{k + 1}$", (-3.5, (n_x - 1 - 2 * k) * 0.9), f"x{_u(k + 1)} = {f(v)}", "input")
        for k, v in enumerate(c["x"][:, 0])
    ]
    for i in range(n_h):
        y = top - i * _ROW
        on = f"neuron{i + 1}" in shown
        last = i == n_h - 1  # the lowest neuron's parameters below it, away from the inputs' edges
        py, side = (-2.8, "below") if last else (2.8, "above")
        w_text = f"w = {fmt_array(c['W1'][i], decimals=d)}\nb = {f(c['b1'][i])}"
        nodes += [
            Node(f"p1_{i}", _sup("w", 1, i + 1), (5.0, y + py), w_text, "param", value_side=side),
            Node(
                f"z1_{i}",
                _sup("z", 1, i + 1),
                (5.0, y),
                f"z = {f(c['Z1'][i])}" if on else "",
                "op",
                current == f"neuron{i + 1}",
                local="local: ∂z/∂w = x" if "dW1" in shown else "",
            ),
            Node(
                f"a1_{i}",
                _sup("a", 1, i + 1),
                (8.4, y),
                f"a = {f(c['A1'][i])}" if on else "",
                "op",
                current == f"neuron{i + 1}",
                local=f"local: σ′(z) = {f(c['A1'][i] * (1 - c['A1'][i]))}" if "dZ1" in shown else "",
            ),
        ]
    out, cost = "output" in shown, "cost" in shown
    w2 = f"w = {fmt_array(c['W2'][0], decimals=d)}\nb = {f(c['b2'])}"
    nodes += [
        Node("po", _sup("w", 2, 1), (12.8, 3.9), w2, "param", value_side="above"),
        Node(
            "zo",
            _sup("z", 2),
            (12.8, 0.0),
            f"z = {f(c['Z2'])}" if out else "",
            "op",
            current == "output",
            local="local: ∂z/∂aᵢ = wᵢ" if "dA1" in shown else "",
        ),
        Node(
            "ao",
            _sup("a", 2),
            (16.4, 0.0),
            f"ŷ = {f(c['A2'])}" if out else "",
            "op",
            current == "output",
            local=f"local: σ′(z) = {f(c['A2'] * (1 - c['A2']))}" if "dZ2" in shown else "",
        ),
        Node(
            "cost",
            "Cost",
            (20.8, 0.0),
            f"Cost = {fmt_fixed(c['cost'], d)}" if cost else "",
            "loss",
            current == "cost",
            local="local: (ŷ − y)/m" if "dA2" in shown else "",
        ),
        Node("y", "$y$", (20.8, 2.4), f"y = {f(c['y'])}", "input", value_side="above"),
    ]
    return nodes


def _u(k: int) -> str:
    return "₀₁₂₃₄₅₆₇₈₉"[k]


#: Where the phone layout puts the walk's nodes, in units of :data:`nbnp.draw.graph.PHONE_SCALE`
#: (y down from the inputs): the hidden neurons side by side, ``column`` apart, each z above its
#: a; a neuron's parameters below and to the left of its z, so that their edge goes up, clear of
#: the inputs' edges coming down; the output neuron ``out`` below the hidden layer.
_PHONE = {"column": 3.0, "inputs": 1.1, "z": -5.0, "param": (-1.1, -4.2), "a": -12.5, "out": -5.0}


def _phone_nodes(c: dict, shown: set, current: str, d: int) -> list[Node]:
    """:func:`_nodes` top to bottom, for a phone: the weights' values are left out (the chapter
    prints W^[1] and W^[2]; their gradients are drawn), every text on short lines."""
    f = lambda v: fmt_fixed(float(np.asarray(v).reshape(())), d)  # noqa: E731
    n_x, n_h = c["x"].shape[0], c["W1"].shape[0]
    g = _PHONE
    nodes = [
        Node(f"x{k}", f"$x_{k + 1}$", ((2 * k - n_x + 1) * g["inputs"], 0.0), f"x{_u(k + 1)} = {f(v)}",
             "input", value_side="left" if 2 * k < n_x - 1 else "right")
        for k, v in enumerate(c["x"][:, 0])
    ]
    for i in range(n_h):
        x = (i - (n_h - 1) / 2) * g["column"]
        on, now = f"neuron{i + 1}" in shown, current == f"neuron{i + 1}"
        z_text, a_text = f"z =\n{f(c['Z1'][i])}", f"a =\n{f(c['A1'][i])}"
        sigma = f"σ′(z) =\n{f(c['A1'][i] * (1 - c['A1'][i]))}"
        nodes += [
            Node(f"p1_{i}", _sup("w", 1, i + 1), (x + g["param"][0], g["z"] + g["param"][1]), "", "param"),
            Node(f"z1_{i}", _sup("z", 1, i + 1), (x, g["z"]), z_text if on else "", "op", now,
                 value_side="right", local="∂z/∂w\n= x" if "dW1" in shown else "", local_side="left"),
            Node(f"a1_{i}", _sup("a", 1, i + 1), (x, g["a"]), a_text if on else "", "op", now,
                 value_side="right", local=sigma if "dZ1" in shown else ""),
        ]
    out, cost, y = "output" in shown, "cost" in shown, g["a"] + g["out"]
    sigma = f"σ′(z) = {f(c['A2'] * (1 - c['A2']))}"
    nodes += [
        Node("po", _sup("w", 2, 1), (-2.6, y + 2.0), "", "param"),
        Node("zo", _sup("z", 2), (0.0, y), f"z = {f(c['Z2'])}" if out else "", "op", current == "output",
             value_side="right", local="∂z/∂aᵢ = wᵢ" if "dA1" in shown else ""),
        Node("ao", _sup("a", 2), (0.0, y - 3.6), f"ŷ = {f(c['A2'])}" if out else "", "op",
             current == "output", value_side="right", local=sigma if "dZ2" in shown else "",
             local_side="left"),
        Node("cost", "Cost", (0.0, y - 7.2), f"Cost = {fmt_fixed(c['cost'], d)}" if cost else "", "loss",
             current == "cost", value_side="right", local="(ŷ − y)/m" if "dA2" in shown else "",
             local_side="left"),
        Node("y", "$y$", (2.6, y - 4.8), f"y = {f(c['y'])}", "input", value_side="right"),
    ]
    return nodes


def _phone_edges(c: dict, shown: set, current: str, d: int) -> list[Edge]:
    """:func:`_edges` with their texts on short lines, for :func:`_phone_nodes`."""
    f = lambda v: fmt_fixed(float(np.asarray(v).reshape(())), d)  # noqa: E731
    rows = lambda v: fmt_array(v, decimals=d).replace(", ", ",\n")  # noqa: E731
    n_x, n_h = c["x"].shape[0], c["W1"].shape[0]
    edges = [Edge(f"x{k}", f"z1_{i}") for i in range(n_h) for k in range(n_x)]
    for i in range(n_h):
        dw = f"dw =\n{rows(c['dW1'][i])}\ndb =\n{f(c['db1'][i])}"
        edges += [
            Edge(f"p1_{i}", f"z1_{i}", dw if "dW1" in shown else "", current == "dW1"),
            Edge(f"z1_{i}", f"a1_{i}", f"dz =\n{f(c['dZ1'][i])}" if "dZ1" in shown else "", current == "dZ1"),
            Edge(f"a1_{i}", "zo", f"da =\n{f(c['dA1'][i])}" if "dA1" in shown else "", current == "dA1"),
        ]
    dw2 = f"dw = {rows(c['dW2'][0])}\ndb = {f(c['db2'])}"
    edges += [
        Edge("po", "zo", dw2 if "dW2" in shown else "", current == "dW2"),
        Edge("zo", "ao", f"dz = {f(c['dZ2'])}" if "dZ2" in shown else "", current == "dZ2"),
        Edge("ao", "cost", f"∂Cost/∂ŷ =\n{f(c['dA2'])}" if "dA2" in shown else "", current == "dA2"),
        Edge("y", "cost"),
    ]
    return edges


def _edges(c: dict, shown: set, current: str, d: int) -> list[Edge]:
    f = lambda v: fmt_fixed(float(np.asarray(v).reshape(())), d)  # noqa: E731
    n_x, n_h = c["x"].shape[0], c["W1"].shape[0]
    edges = [Edge(f"x{k}", f"z1_{i}") for i in range(n_h) for k in range(n_x)]
    for i in range(n_h):
        dw = f"dw = {fmt_array(c['dW1'][i], decimals=d)}\ndb = {f(c['db1'][i])}"
        edges += [
            Edge(f"p1_{i}", f"z1_{i}", dw if "dW1" in shown else "", current == "dW1"),
            Edge(f"z1_{i}", f"a1_{i}", f"dz = {f(c['dZ1'][i])}" if "dZ1" in shown else "", current == "dZ1"),
            Edge(f"a1_{i}", "zo", f"da = {f(c['dA1'][i])}" if "dA1" in shown else "", current == "dA1"),
        ]
    dw2 = f"dw = {fmt_array(c['dW2'][0], decimals=d)}\ndb = {f(c['db2'])}"
    edges += [
        Edge("po", "zo", dw2 if "dW2" in shown else "", current == "dW2"),
        Edge("zo", "ao", f"dz = {f(c['dZ2'])}" if "dZ2" in shown else "", current == "dZ2"),
        Edge("ao", "cost", f"∂Cost/∂ŷ = {f(c['dA2'])}" if "dA2" in shown else "", current == "dA2"),
        Edge("y", "cost"),
    ]
    return edges


def neuron_walk_graph(
    layers: list,
    X: np.ndarray,
    Y: np.ndarray,
    example: int = 0,
    step: str = "dW1",
    decimals: int = 3,
    layout: str = "desktop",
) -> tuple[list[Node], list[Edge]]:
    """One example through a one-hidden-layer network, neuron by neuron, at one step.

    Every hidden neuron ``i`` is drawn as ``z_i^[1] → a_i^[1]`` with one
    parameter node holding its weights (row ``i`` of W^[1]) and bias. Values
    are the example's column of one forward and backward pass over the whole
    batch (:func:`nbnp.draw.layer_pass`), so ∂Cost/∂ŷ carries the 1/m of the
    cost; a parameter's gradient drawn is this example's part of the batch's,
    which sums the parts of all examples.

    Parameters
    ----------
    layers : list of Layer
        ``[Z1, A1, Z2, A2]``, one output neuron.
    X : numpy.ndarray, shape (n_x, m)
    Y : numpy.ndarray, shape (1, m)
    example : int, optional
        Which column of ``X`` to follow (default 0).
    step : str, optional
        One of :data:`WALK_STEPS`; that step and those before it are shown,
        the current one highlighted. Default ``"dW1"``, the whole walk.
    decimals : int, optional
        Default 3.
    layout : {"desktop", "phone"}, optional
        ``"desktop"``: left to right. ``"phone"``, for ``draw_graph(..., phone=True)``:
        top to bottom, the hidden neurons side by side, without the weights' values
        (their gradients are drawn), the longer texts on short lines.

    Returns
    -------
    nodes : list of Node
    edges : list of Edge
    """
    current, shown, d = steps_so_far(step, WALK_STEPS, {}, decimals)
    c = _example_run(layers, X, Y, example)
    if check_layout(layout) == "phone":
        return _phone_nodes(c, shown, current, d), _phone_edges(c, shown, current, d)
    return _nodes(c, shown, current, d), _edges(c, shown, current, d)


def draw_neuron_walk(
    layers: list,
    X: np.ndarray,
    Y: np.ndarray,
    example: int = 0,
    step: str = "dW1",
    decimals: int = 3,
    ax: Axes | None = None,
    title: str = "",
    layout: str = "desktop",
) -> Axes:
    """Draw one step of the neuron-by-neuron walk (see :func:`neuron_walk_graph`).

    ``layers`` (``[Z1, A1, Z2, A2]``), ``X`` (shape (n_x, m)), ``Y`` (shape
    (1, m)), ``example``, ``step`` (one of :data:`WALK_STEPS`), ``decimals`` and
    ``layout`` are those of :func:`neuron_walk_graph`; ``ax`` is the axes to draw
    on (default a new figure: a :class:`nbnp.draw.graph.PhoneFigure` for the phone
    layout), ``title`` its title. Returns the :class:`matplotlib.axes.Axes`.
    """
    nodes, edges = neuron_walk_graph(layers, X, Y, example, step, decimals, layout)
    if layout == "phone":
        return draw_graph(nodes, edges, ax=ax, title=title, phone=True)
    return draw_graph(nodes, edges, ax=ax, title=title, scale=0.46)


def draw_neuron_walk_steps(
    layers: list, X: np.ndarray, Y: np.ndarray, example: int = 0, decimals: int = 3, phone: bool = False
) -> list[Figure]:
    """Every step of the walk (:data:`WALK_STEPS`), each its own figure titled "Step k of n: ...".

    The book shows them as one figure with a step control (previous/next,
    ``_static/steps.js``); without JavaScript (the PDF) they follow one another.
    ``layers``, ``X``, ``Y``, ``example`` and ``decimals`` are those of
    :func:`neuron_walk_graph`; with ``phone=True`` each step is drawn twice, its
    desktop layout then its phone layout (a cell tagged ``nbnp-phone``). Returns
    the figures, in order.
    """
    figures = []
    with plt.rc_context({"figure.max_open_warning": 0}):  # 24 figures with phone=True, on purpose
        for k, step in enumerate(WALK_STEPS, start=1):
            title = f"Step {k} of {len(WALK_STEPS)}: {WALK_TITLES[step]}"
            ax = draw_neuron_walk(layers, X, Y, example, step, decimals)
            ax.figure.text(0.5, 0.015, title, ha="center", va="bottom", fontsize=11, fontweight="bold")
            figures.append(ax.figure)
            if phone:  # the title above the graph, on two lines
                short = title.replace(": ", ":\n", 1)
                ax = draw_neuron_walk(layers, X, Y, example, step, decimals, title=short, layout="phone")
                figures.append(ax.figure)
    return figures


def plot_hidden_units(layers: list, X: np.ndarray, Y: np.ndarray, resolution: int = 200) -> Figure:
    """What each hidden neuron learned: its activation over the input plane, beside the network's boundary.

    Parameters
    ----------
    layers : list of Layer
        A trained ``[Z1, A1, Z2, A2]`` network on two inputs.
    X : numpy.ndarray, shape (2, m)
    Y : numpy.ndarray, shape (1, m)
    resolution : int, optional
        Grid points per axis (default 200).

    Returns
    -------
    matplotlib.figure.Figure
        One panel per hidden neuron (a^[1]_i from 0 to 1), then the decision boundary.
    """
    X, Y = as_matrix("X", X, rows=2), as_matrix("Y", Y, rows=1)
    _layer_pairs(list(layers))
    n_h = layers[0].params["W"].shape[0]
    lo, hi = X.min() - 0.5, X.max() + 0.5
    g = np.linspace(lo, hi, resolution)
    G1, G2 = np.meshgrid(g, g)
    P = np.vstack([G1.ravel(), G2.ravel()])
    A1 = forward(list(layers[:2]), P)
    fig, axes = plt.subplots(1, n_h + 1, figsize=(3.0 * (n_h + 1), 3.2), facecolor="white")
    for i, ax in enumerate(axes[:-1]):
        im = ax.contourf(G1, G2, A1[i].reshape(G1.shape), levels=np.linspace(0, 1, 11), cmap="Purples")
        for label, color in enumerate(CLASS_COLORS):
            pts = X[:, Y[0] == label]
            ax.scatter(pts[0], pts[1], color=color, edgecolor="black", s=45, zorder=3)
        ax.set(title=f"neuron {i + 1}, " + _sup("a", 1, i + 1), xlabel="$x_1$", aspect="equal")
        ax.set_ylabel("$x_2$" if i == 0 else "")
        if i > 0:
            ax.tick_params(labelleft=False)
    plot_decision_boundary(network_proba(list(layers)), X, Y, ax=axes[-1], shaded=True, title="the network")
    axes[-1].set_aspect("equal")
    legend = axes[-1].get_legend()
    if legend is not None:
        legend.remove()
    fig.colorbar(im, ax=list(axes[:-1]), shrink=0.8, label="activation")
    return fig
