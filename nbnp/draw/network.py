"""A network drawn at the level of its layers: X → Z^[1] → A^[1] → … → Cost ← Y.

:func:`layer_pass` runs a network of alternating linear and activation layers
forward and backward once and names every matrix as the article does;
:func:`layer_graph` lays the run out as nodes (whole matrices, labelled with
their shapes) and edges (the gradients flowing back), :func:`layer_panel`
prints the matrices themselves, and :func:`draw_layer_graph` draws both.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure

from nbnp.article.fmt import fmt_fixed, fmt_shape
from nbnp.checks import check_layers, check_positive_int
from nbnp.draw.graph import PHONE_LEAST_DPI, PHONE_SCALE, Edge, Node, PhoneFigure, draw_graph
from nbnp.draw.labels import check_decimals, check_layout, matrix_text
from nbnp.losses import compute_cost

__all__ = ["draw_layer_graph", "layer_graph", "layer_panel", "layer_pass"]


def _layer_pairs(layers: list) -> list[tuple]:
    """(linear, activation) pairs: a layer with parameters, then one without."""
    pairs = list(zip(layers[::2], layers[1::2]))
    ok = len(layers) % 2 == 0 and all(
        hasattr(linear, "params") and not hasattr(activation, "params") for linear, activation in pairs
    )
    if not ok:
        raise ValueError(
            "layers must alternate a layer with parameters and an activation layer, "
            "as build_network makes them"
        )
    return pairs


def layer_pass(layers: list, X: np.ndarray, Y: np.ndarray) -> dict[str, np.ndarray | float]:
    """Run a network forward and backward once, naming every matrix as the article does.

    The network's stored activations and gradients are overwritten; its
    parameters are not changed.

    Parameters
    ----------
    layers : list of Layer
        ``[Z1, A1, Z2, A2, ...]``, linear (with parameters ``W`` and ``b``) and
        activation layers alternating.
    X : numpy.ndarray, shape (n_x, m)
    Y : numpy.ndarray, shape (n_out, m)

    Returns
    -------
    dict
        For each layer ``l`` (from 1): ``"W{l}"``, ``"b{l}"``, ``"Z{l}"``,
        ``"A{l}"`` and the gradients ``"dW{l}"``, ``"db{l}"``, ``"dZ{l}"``,
        ``"dA{l}"`` (∂Cost/∂A of that layer's output), shaped like the matrix
        they belong to; and ``"cost"`` (float).
    """
    pairs = _layer_pairs(check_layers(layers))
    run: dict[str, np.ndarray | float] = {}
    A = X
    for k, (linear, activation) in enumerate(pairs, start=1):
        Z = linear.forward(A)
        A = activation.forward(Z)
        run.update({f"W{k}": linear.params["W"], f"b{k}": linear.params["b"], f"Z{k}": Z, f"A{k}": A})
    run["cost"], dA = compute_cost(Y, A)
    for k, (linear, activation) in reversed(list(enumerate(pairs, start=1))):
        run[f"dA{k}"] = dA
        dZ = activation.backward(dA)
        dA = linear.backward(dZ)
        run.update({f"dW{k}": linear.dW, f"db{k}": linear.db, f"dZ{k}": dZ})
    return run


def layer_graph(
    layers: list, X: np.ndarray, Y: np.ndarray, step: str = "backward", layout: str = "desktop"
) -> tuple[list[Node], list[Edge]]:
    """A network drawn layer by layer: X → Z^[1] → A^[1] → … → Cost ← Y.

    Each node is a whole matrix, labelled with its shape; the parameters
    W^[l] and b^[l] feed their linear node from above and below. With
    ``step="backward"`` each edge is labelled with the gradient flowing back
    along it and that gradient's shape. The matrices themselves are too big
    for a node; :func:`draw_layer_graph` prints them in a panel below.

    Parameters
    ----------
    layers : list of Layer
        ``[Z1, A1, Z2, A2, ...]``, linear and sigmoid layers alternating.
    X : numpy.ndarray, shape (n_x, m)
    Y : numpy.ndarray, shape (n_out, m)
    step : {"forward", "backward"}, optional
        Default ``"backward"``.
    layout : {"desktop", "phone"}, optional
        ``"desktop"``: left to right. ``"phone"``: top to bottom, each layer's
        parameters above its linear node, for ``draw_graph(..., phone=True)``.

    Returns
    -------
    nodes : list of Node
    edges : list of Edge
    """
    if step not in ("forward", "backward"):
        raise ValueError(f"step must be 'forward' or 'backward', but received {step!r}")
    phone = check_layout(layout) == "phone"
    run = layer_pass(layers, X, Y)
    back = step == "backward"
    n = len(layers) // 2

    def grad(name: str, key: str) -> str:
        return f"d{name} {fmt_shape(run[key].shape)}" if back else ""

    if phone:
        return _layer_phone(run, X, Y, n, back, grad)

    nodes = [Node("X", "$X$", (0.0, 0.0), f"X {fmt_shape(np.shape(X))}", "input")]
    edges, prev, x = [], "X", 0.0
    for k in range(1, n + 1):
        s = f"$^{{[{k}]}}$"
        nodes += [
            Node(f"W{k}", f"$W^{{[{k}]}}$", (x + 1.4, 2.3), f"W{s} {fmt_shape(run[f'W{k}'].shape)}", "param"),
            Node(
                f"b{k}", f"$b^{{[{k}]}}$", (x + 1.4, -2.3), f"b{s} {fmt_shape(run[f'b{k}'].shape)}", "param"
            ),
            Node(
                f"Z{k}",
                f"$Z^{{[{k}]}}$",
                (x + 3.6, 0.0),
                f"Z{s} {fmt_shape(run[f'Z{k}'].shape)}",
                "op",
                value_side="above",
            ),
            Node(
                f"A{k}",
                f"$A^{{[{k}]}}$",
                (x + 7.0, 0.0),
                f"A{s} {fmt_shape(run[f'A{k}'].shape)}",
                "op",
                value_side="above",
            ),
        ]
        edges += [
            Edge(prev, f"Z{k}", grad(f"A$^{{[{k - 1}]}}$", f"dA{k - 1}") if k > 1 else "", back),
            Edge(f"W{k}", f"Z{k}", grad(f"W{s}", f"dW{k}"), back),
            Edge(f"b{k}", f"Z{k}", grad(f"b{s}", f"db{k}"), back),
            Edge(f"Z{k}", f"A{k}", grad(f"Z{s}", f"dZ{k}"), back),
        ]
        prev, x = f"A{k}", x + 7.0
    nodes += [
        Node("cost", "Cost", (x + 2.8, 0.0), f"Cost =\n{fmt_fixed(run['cost'], 3)}", "loss"),
        Node("Y", "$Y$", (x + 2.8, 2.0), f"Y {fmt_shape(np.shape(Y))}", "input"),
    ]
    edges += [Edge(prev, "cost", grad("Ŷ", f"dA{n}"), back), Edge("Y", "cost")]
    return nodes, edges


def _layer_phone(run: dict, X, Y, n: int, back: bool, grad) -> tuple[list[Node], list[Edge]]:
    """:func:`layer_graph` top to bottom: X, then per layer W and b above Z, then A; the cost last."""
    nodes = [Node("X", "$X$", (0.0, 0.0), f"X {fmt_shape(np.shape(X))}", "input", value_side="right")]
    edges, prev, y = [], "X", 0.0
    for k in range(1, n + 1):
        s = f"$^{{[{k}]}}$"
        nodes += [
            Node(f"W{k}", f"$W^{{[{k}]}}$", (-2.6, y - 2.2), f"W{s} {fmt_shape(run[f'W{k}'].shape)}", "param",
                 value_side="above"),
            Node(f"b{k}", f"$b^{{[{k}]}}$", (2.6, y - 2.2), f"b{s} {fmt_shape(run[f'b{k}'].shape)}", "param",
                 value_side="above"),
            Node(f"Z{k}", f"$Z^{{[{k}]}}$", (0.0, y - 4.4), f"Z{s} {fmt_shape(run[f'Z{k}'].shape)}", "op",
                 value_side="right"),
            Node(f"A{k}", f"$A^{{[{k}]}}$", (0.0, y - 7.8), f"A{s} {fmt_shape(run[f'A{k}'].shape)}", "op",
                 value_side="right"),
        ]
        edges += [
            Edge(prev, f"Z{k}", grad(f"A$^{{[{k - 1}]}}$", f"dA{k - 1}") if k > 1 else "", back),
            Edge(f"W{k}", f"Z{k}", grad(f"W{s}", f"dW{k}"), back),
            Edge(f"b{k}", f"Z{k}", grad(f"b{s}", f"db{k}"), back),
            Edge(f"Z{k}", f"A{k}", grad(f"Z{s}", f"dZ{k}"), back),
        ]
        prev, y = f"A{k}", y - 8.6
    nodes += [
        Node("cost", "Cost", (0.0, y - 2.6), f"Cost = {fmt_fixed(run['cost'], 3)}", "loss",
             value_side="right"),
        Node("Y", "$Y$", (2.6, y - 0.4), f"Y {fmt_shape(np.shape(Y))}", "input", value_side="right"),
    ]
    edges += [Edge(prev, "cost", grad("Ŷ", f"dA{n}"), back), Edge("Y", "cost")]
    return nodes, edges


def layer_panel(
    layers: list, X: np.ndarray, Y: np.ndarray, step: str = "backward", decimals: int = 3
) -> str:
    """The matrices of one step of a layer-level graph, as text, one block each.

    Parameters
    ----------
    layers : list of Layer
        ``[Z1, A1, Z2, A2, ...]``.
    X : numpy.ndarray, shape (n_x, m)
    Y : numpy.ndarray, shape (n_out, m)
    step : {"forward", "backward"}, optional
        ``"forward"``: W, b, Z and A of every layer, in forward order;
        ``"backward"``: every gradient, in backward order. Default ``"backward"``.
    decimals : int, optional
        Default 3.

    Returns
    -------
    str
        Blocks separated by blank lines.
    """
    if step not in ("forward", "backward"):
        raise ValueError(f"step must be 'forward' or 'backward', but received {step!r}")
    d = check_decimals(decimals)
    run = layer_pass(layers, X, Y)
    n = len(layers) // 2
    sup = {k: f"$^{{[{k}]}}$" for k in range(n + 1)}
    if step == "forward":
        keys = [(f"{v}{sup[k]}", f"{v}{k}") for k in range(1, n + 1) for v in ("W", "b", "Z", "A")]
    else:
        keys = []
        for k in range(n, 0, -1):
            keys.append(("dŶ" if k == n else f"dA{sup[k]}", f"dA{k}"))
            keys += [(f"d{v}{sup[k]}", f"d{v}{k}") for v in ("Z", "W", "b")]
    return "\n\n".join(matrix_text(name, run[key], d) for name, key in keys)


def draw_layer_graph(
    layers: list,
    X: np.ndarray,
    Y: np.ndarray,
    step: str = "backward",
    decimals: int = 3,
    columns: int = 2,
    title: str = "",
    layout: str = "desktop",
) -> Figure:
    """Draw a layer-level graph with its matrices printed in a panel below.

    Parameters
    ----------
    layers : list of Layer
        ``[Z1, A1, Z2, A2, ...]``; run forward and backward on (X, Y).
    X : numpy.ndarray, shape (n_x, m)
    Y : numpy.ndarray, shape (n_out, m)
    step : {"forward", "backward"}, optional
        See :func:`layer_graph` and :func:`layer_panel`.
    decimals : int, optional
        Decimals of the panel's numbers, default 3.
    columns : int, optional
        Columns of the panel, default 2.
    title : str, optional
    layout : {"desktop", "phone"}, optional
        ``"phone"``: the graph top to bottom (:func:`layer_graph`) and the panel in
        one column, on a :class:`nbnp.draw.graph.PhoneFigure` (``columns`` is ignored).

    Returns
    -------
    matplotlib.figure.Figure
    """
    nodes, edges = layer_graph(layers, X, Y, step, layout)
    blocks = layer_panel(layers, X, Y, step, decimals).split("\n\n")
    if layout == "phone":
        return _phone_figure(nodes, edges, blocks, title)
    columns = check_positive_int("columns", columns)
    rows = -(-len(blocks) // columns)
    lines = max(b.count("\n") + 1 for b in blocks)
    graph_h, row_h = 3.4, (lines + 1.2) * 0.16  # inches
    height = graph_h + rows * row_h + 0.1
    fig = plt.figure(figsize=(9.0, height), facecolor="white")
    draw_graph(nodes, edges, ax=fig.add_axes((0.0, 1 - graph_h / height, 1.0, graph_h / height)), title=title)
    for i, block in enumerate(blocks):
        r, c = divmod(i, columns)
        y = 1 - (graph_h + r * row_h) / height
        fig.text(0.04 + c / columns, y, block, family="monospace", fontsize=9, va="top", ha="left")
    return fig


def _phone_figure(nodes: list[Node], edges: list[Edge], blocks: list[str], title: str) -> Figure:
    """The phone layout of :func:`draw_layer_graph`: the graph, then the panel's blocks one below another."""
    xs, ys = [n.position[0] for n in nodes], [n.position[1] for n in nodes]
    width = (max(xs) - min(xs) + 2.2) * PHONE_SCALE
    graph_h = (max(ys) - min(ys) + 2.0) * PHONE_SCALE
    lines = sum(b.count("\n") + 1 for b in blocks) + len(blocks) - 1
    panel_h = lines * 0.2 + 0.2  # inches: 10 pt lines, one blank line between blocks
    height = graph_h + panel_h
    fig = plt.figure(figsize=(width, height), dpi=PHONE_LEAST_DPI, FigureClass=PhoneFigure, facecolor="white")
    ax = fig.add_axes((0.0, panel_h / height, 1.0, graph_h / height))
    draw_graph(nodes, edges, ax=ax, title=title, phone=True)
    panel = "\n\n".join(blocks)
    fig.text(0.02, panel_h / height, panel, family="monospace", fontsize=10, va="top", ha="left")
    fig.fit_width()
    return fig
