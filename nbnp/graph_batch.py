"""Computational graphs of whole batches: the vectorized neuron, shared parameters, layers.

Builders that run nbnp on a batch and lay the run out as :class:`nbnp.graph.Node`
and :class:`nbnp.graph.Edge` objects for :func:`nbnp.graph.draw_graph`:

* :func:`batch_neuron_graph`: the single sigmoid neuron on all ``m`` examples
  at once (X, W, b → Z → σ → Cost ← Y), one worked step at a time;
* :func:`shared_parameter_graph`: the bias (or the weights) drawn as one node
  shared by the ``m`` per-example computations, each path carrying its own
  gradient back, so the parameter's gradient is their sum;
* :func:`layer_graph`: a network of linear and sigmoid layers at the level of
  layers (X → Z¹ → A¹ → Z² → A² → Cost), matrices on nodes and edges.

Every number drawn comes from the run and is formatted by :mod:`nbnp.fmt`.
"""

from __future__ import annotations

import numbers

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from nbnp.fmt import fmt_array, fmt_fixed, fmt_shape
from nbnp.graph import Edge, Node, draw_graph
from nbnp.layers import LinearLayer, SigmoidLayer
from nbnp.losses import compute_cost
from nbnp.train import Layer, _check_layers, backward, forward
from nbnp.validation import as_matrix, check_positive_int

__all__ = [
    "BATCH_STEPS",
    "batch_neuron_graph",
    "batch_neuron_pass",
    "draw_batch_neuron_graph",
    "draw_layer_graph",
    "layer_graph",
    "layer_panel",
    "layer_pass",
    "matrix_text",
    "shared_parameter_graph",
]

#: The worked steps of the vectorized neuron, in order; each includes the ones before.
BATCH_STEPS = ("inputs", "Z", "Y_hat", "cost", "dY_hat", "dZ", "dW")

_ALIASES = {"forward": "cost", "backward": "dW"}
_SUP = str.maketrans("0123456789()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾")


def matrix_text(
    name: str,
    A: np.ndarray,
    decimals: int = 3,
    wrap: int | None = None,
    data: bool = False,
    align: bool = False,
) -> str:
    """``name = [...]`` with one line per row of ``A``, as drawn on a node or edge.

    Parameters
    ----------
    name : str
        What the matrix is (``"Ŷ"``, ``"∂Cost/∂W"``).
    A : array_like, shape (r, c)
        The matrix. A (1, 1) matrix prints as a plain number.
    decimals : int, optional
        Fixed decimals, default 3 as the article rounds.
    wrap : int, optional
        Put ``name =`` on a line of its own and at most ``wrap`` entries of
        a single row per line, so that long rows fit beside a short edge.
        Default: no wrapping.
    data : bool, optional
        The entries are data or labels: whole numbers print without decimals.
    align : bool, optional
        Indent the rows after the first under it (for monospace text).

    Returns
    -------
    str
        For example ``'X = [0, 0, 1, 1]\\n[0, 1, 0, 1]'``; with ``wrap=2``,
        ``'Ŷ =\\n[0.500, 0.646,\\n0.525, 0.668]'``.
    """
    A = as_matrix(name, A)
    if A.size == 1:
        return f"{name} = {fmt_fixed(A[0, 0], decimals)}"
    d = 0 if data and np.array_equal(A, np.round(A)) else decimals
    if wrap is not None and A.shape[0] == 1 and A.shape[1] >= wrap:
        items = [fmt_fixed(v, d) for v in A[0]]
        lines = [", ".join(items[i : i + wrap]) for i in range(0, len(items), wrap)]
        return f"{name} =\n[" + ",\n".join(lines) + "]"
    pad = " " * (len(name) + 3) if align else ""
    return f"{name} = " + f"\n{pad}".join(fmt_array(row, decimals=d) for row in A)


def batch_neuron_pass(X: np.ndarray, Y: np.ndarray, W: np.ndarray, b: float) -> dict[str, float | np.ndarray]:
    """Run the vectorized single neuron forward and backward on a batch.

    Parameters
    ----------
    X : numpy.ndarray, shape (n, m)
        Features × examples.
    Y : numpy.ndarray, shape (1, m)
        Labels.
    W : array_like, shape (1, n)
        Weights.
    b : float
        Bias.

    Returns
    -------
    dict
        ``"Z"``, ``"Y_hat"``, ``"dY_hat"``, ``"dZ"``: shape (1, m); ``"dW"``:
        shape (1, n); ``"db"``: shape (1, 1); ``"cost"``: float.
    """
    X, Y = as_matrix("X", X), as_matrix("Y", Y, rows=1)
    linear = LinearLayer.from_params(W, b, m=X.shape[1])
    sig = SigmoidLayer(linear.Z.shape)
    cost, dY_hat = compute_cost(Y, forward([linear, sig], X))
    backward([linear, sig], dY_hat)
    return {
        "Z": linear.Z,
        "Y_hat": sig.A,
        "cost": cost,
        "dY_hat": dY_hat,
        "dZ": sig.dZ,
        "dW": linear.dW,
        "db": linear.db,
    }


def _check_step(step: object, steps: tuple[str, ...], aliases: dict[str, str]) -> str:
    if not isinstance(step, str) or aliases.get(step, step) not in steps:
        raise ValueError(f"step must be one of {list(steps) + list(aliases)}, but received {step!r}")
    return aliases.get(step, step)


def _check_decimals(decimals: object) -> int:
    if isinstance(decimals, bool) or not isinstance(decimals, numbers.Integral) or decimals < 0:
        raise ValueError(f"decimals must be a non-negative integer, but received {decimals!r}")
    return int(decimals)


def batch_neuron_graph(
    X: np.ndarray,
    Y: np.ndarray,
    W: np.ndarray,
    b: float,
    step: str = "backward",
    decimals: int = 3,
) -> tuple[list[Node], list[Edge]]:
    """Nodes and edges of the vectorized neuron at one worked step.

    The graph is X, W, b → Z → σ → Cost ← Y, every node holding a whole
    row of ``m`` values. Values come from :func:`batch_neuron_pass`.

    Parameters
    ----------
    X : numpy.ndarray, shape (n, m)
    Y : numpy.ndarray, shape (1, m)
    W : array_like, shape (1, n)
    b : float
    step : str, optional
        One of :data:`BATCH_STEPS` (``"inputs"``, ``"Z"``, ``"Y_hat"``,
        ``"cost"``, ``"dY_hat"``, ``"dZ"``, ``"dW"``), or ``"forward"``
        (= ``"cost"``) or ``"backward"`` (= ``"dW"``, default). The graph shows
        that step and every step before it, the newest highlighted.
    decimals : int, optional
        Decimals of every printed number (default 3).

    Returns
    -------
    nodes : list of Node
    edges : list of Edge
    """
    current = _check_step(step, BATCH_STEPS, _ALIASES)
    d = _check_decimals(decimals)
    shown = set(BATCH_STEPS[: BATCH_STEPS.index(current) + 1])
    run = batch_neuron_pass(X, Y, W, b)

    def text(key: str, name: str, A: np.ndarray) -> str:
        return matrix_text(name, A, d, wrap=2) if key in shown else ""

    nodes = [
        Node("X", "$X$", (0.0, 1.6 + 0.25 * X.shape[0]), matrix_text("X", X, d, data=True), "input"),
        Node("W", "$W$", (0.0, 0.0), matrix_text("W", W, d, wrap=2), "param"),
        Node("b", "$b$", (0.0, -1.8), matrix_text("b", [[b]], d), "param"),
        Node("Z", "$Z$", (3.4, 0.0), text("Z", "Z", run["Z"]), "op", current == "Z"),
        Node("sigma", "$\\sigma$", (6.6, 0.0), text("Y_hat", "Ŷ", run["Y_hat"]), "op", current == "Y_hat"),
        Node("cost", "Cost", (9.6, 0.0), text("cost", "Cost", [[run["cost"]]]), "loss", current == "cost"),
        Node("Y", "$Y$", (11.6, 0.0), matrix_text("Y", Y, d, wrap=4, data=True), "input"),
    ]
    edges = [
        Edge("X", "Z"),
        Edge("W", "Z", text("dW", "∂Cost/∂W", run["dW"]), current == "dW"),
        Edge("b", "Z", text("dW", "∂Cost/∂b", run["db"]), current == "dW"),
        Edge("Z", "sigma", text("dZ", "∂Cost/∂Z", run["dZ"]), current == "dZ"),
        Edge("sigma", "cost", text("dY_hat", "∂Cost/∂Ŷ", run["dY_hat"]), current == "dY_hat"),
        Edge("Y", "cost"),
    ]
    return nodes, edges


def draw_batch_neuron_graph(
    X: np.ndarray,
    Y: np.ndarray,
    W: np.ndarray,
    b: float,
    step: str = "backward",
    decimals: int = 3,
    ax: Axes | None = None,
    title: str = "",
) -> Axes:
    """Draw the vectorized neuron at one worked step (see :func:`batch_neuron_graph`).

    Parameters
    ----------
    X : numpy.ndarray, shape (n, m)
    Y : numpy.ndarray, shape (1, m)
    W : array_like, shape (1, n)
    b : float
    step : str, optional
    decimals : int, optional
    ax : matplotlib.axes.Axes, optional
    title : str, optional

    Returns
    -------
    matplotlib.axes.Axes
    """
    nodes, edges = batch_neuron_graph(X, Y, W, b, step, decimals)
    return draw_graph(nodes, edges, ax=ax, title=title, scale=0.75)


def shared_parameter_graph(
    X: np.ndarray,
    Z: np.ndarray,
    dZ: np.ndarray,
    param: str = "b",
    decimals: int = 3,
) -> tuple[list[Node], list[Edge]]:
    """One parameter shared by the per-example computations z⁽ⁱ⁾ = W·x⁽ⁱ⁾ + b.

    The parameter node feeds one node z⁽ⁱ⁾ per example; each z⁽ⁱ⁾ feeds the
    cost. Backward, each path carries ∂Cost/∂z⁽ⁱ⁾ times the local gradient
    (1 for ``b``, x⁽ⁱ⁾ᵀ for ``W``) back to the parameter, whose node shows
    the sum of those path gradients.

    Parameters
    ----------
    X : numpy.ndarray, shape (n, m)
        The batch.
    Z : numpy.ndarray, shape (1, m)
        The linear node's forward values.
    dZ : numpy.ndarray, shape (1, m)
        ∂Cost/∂Z from the backward pass.
    param : {"b", "W"}, optional
        Which shared parameter to draw, default the bias.
    decimals : int, optional
        Decimals of every printed number (default 3).

    Returns
    -------
    nodes : list of Node
    edges : list of Edge
    """
    X = as_matrix("X", X)
    Z, dZ = as_matrix("Z", Z, rows=1), as_matrix("dZ", dZ, rows=1)
    if not Z.shape == dZ.shape == (1, X.shape[1]):
        raise ValueError(f"Z and dZ must have shape (1, {X.shape[1]}), got {Z.shape} and {dZ.shape}")
    if param not in ("b", "W"):
        raise ValueError(f"param must be 'b' or 'W', but received {param!r}")
    d = _check_decimals(decimals)
    m = X.shape[1]
    paths = [dZ[:, i : i + 1] * (X[:, i : i + 1].T if param == "W" else 1.0) for i in range(m)]
    total = np.sum(paths, axis=0)
    top = (m - 1) * 0.9
    total_text = f"∂Cost/∂{param} = Σ\n= {_entries(total, d)}"
    nodes = [Node(param, f"${param}$", (0.0, 0.0), total_text, "param")]
    edges = []
    for i in range(m):
        sup = f"({i + 1})".translate(_SUP)
        name = f"z{i}"
        label = f"$z^{{({i + 1})}}$"
        nodes.append(Node(name, label, (5.5, top - 1.8 * i), f"z{sup} = {fmt_fixed(Z[0, i], d)}", "op"))
        edges.append(Edge(param, name, _entries(paths[i], d)))
        edges.append(Edge(name, "cost", fmt_fixed(dZ[0, i], d)))
    nodes.append(Node("cost", "Cost", (8.5, 0.0), "", "loss"))
    return nodes, edges


def _entries(A: np.ndarray, decimals: int) -> str:
    """A (1, n) row as ``[a, b]``, or its single number."""
    return fmt_fixed(A[0, 0], decimals) if A.size == 1 else fmt_array(A[0], decimals=decimals)


def _layer_pairs(layers: list[Layer]) -> list[tuple[LinearLayer, SigmoidLayer]]:
    pairs = list(zip(layers[::2], layers[1::2]))
    ok = len(layers) % 2 == 0 and all(
        isinstance(lin, LinearLayer) and isinstance(sig, SigmoidLayer) for lin, sig in pairs
    )
    if not ok:
        raise ValueError("layers must alternate LinearLayer and SigmoidLayer, as build_network makes them")
    return pairs


def layer_pass(layers: list[Layer], X: np.ndarray, Y: np.ndarray) -> dict[str, np.ndarray | float]:
    """Run a network forward and backward once, naming every matrix as the article does.

    The network's stored activations and gradients are overwritten; its
    parameters are not changed.

    Parameters
    ----------
    layers : list of Layer
        ``[Z1, A1, Z2, A2, ...]``, linear and sigmoid layers alternating.
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
    pairs = _layer_pairs(_check_layers(layers))
    cost, dY_hat = compute_cost(Y, forward(layers, X))
    backward(layers, dY_hat)
    run: dict[str, np.ndarray | float] = {"cost": cost}
    for k, (lin, sig) in enumerate(pairs, start=1):
        run.update({f"W{k}": lin.params["W"], f"b{k}": lin.params["b"], f"Z{k}": lin.Z, f"A{k}": sig.A})
        run.update({f"dW{k}": lin.dW, f"db{k}": lin.db, f"dZ{k}": sig.dZ})
        if k > 1:
            run[f"dA{k - 1}"] = lin.dA_prev
    run[f"dA{len(pairs)}"] = dY_hat
    return run


def layer_graph(
    layers: list[Layer], X: np.ndarray, Y: np.ndarray, step: str = "backward"
) -> tuple[list[Node], list[Edge]]:
    """A network drawn layer by layer: X → Z¹ → A¹ → … → Cost ← Y.

    Each node is a whole matrix, labelled with its shape; the parameters
    W⁽ˡ⁾ and b⁽ˡ⁾ feed their linear node from above and below. With
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

    Returns
    -------
    nodes : list of Node
    edges : list of Edge
    """
    if step not in ("forward", "backward"):
        raise ValueError(f"step must be 'forward' or 'backward', but received {step!r}")
    run = layer_pass(layers, X, Y)
    back = step == "backward"
    n = len(layers) // 2

    def grad(name: str, key: str) -> str:
        return f"d{name} {fmt_shape(run[key].shape)}" if back else ""

    nodes = [Node("X", "$X$", (0.0, 0.0), f"X {fmt_shape(np.shape(X))}", "input")]
    edges, prev, x = [], "X", 0.0
    for k in range(1, n + 1):
        s = str(k).translate(_SUP)
        nodes += [
            Node(f"W{k}", f"$W^{{[{k}]}}$", (x + 0.4, 1.6), f"W{s} {fmt_shape(run[f'W{k}'].shape)}", "param"),
            Node(
                f"b{k}", f"$b^{{[{k}]}}$", (x + 0.4, -1.6), f"b{s} {fmt_shape(run[f'b{k}'].shape)}", "param"
            ),
            Node(f"Z{k}", f"$Z^{{[{k}]}}$", (x + 3.2, 0.0), f"Z{s} {fmt_shape(run[f'Z{k}'].shape)}", "op"),
            Node(f"A{k}", f"$A^{{[{k}]}}$", (x + 6.4, 0.0), f"A{s} {fmt_shape(run[f'A{k}'].shape)}", "op"),
        ]
        edges += [
            Edge(prev, f"Z{k}", grad(f"A{str(k - 1).translate(_SUP)}", f"dA{k - 1}") if k > 1 else "", back),
            Edge(f"W{k}", f"Z{k}", grad(f"W{s}", f"dW{k}"), back),
            Edge(f"b{k}", f"Z{k}", grad(f"b{s}", f"db{k}"), back),
            Edge(f"Z{k}", f"A{k}", grad(f"Z{s}", f"dZ{k}"), back),
        ]
        prev, x = f"A{k}", x + 6.4
    nodes += [
        Node("cost", "Cost", (x + 2.8, 0.0), f"Cost =\n{fmt_fixed(run['cost'], 3)}", "loss"),
        Node("Y", "$Y$", (x + 2.8, 2.0), f"Y {fmt_shape(np.shape(Y))}", "input"),
    ]
    edges += [Edge(prev, "cost", grad("Ŷ", f"dA{n}"), back), Edge("Y", "cost")]
    return nodes, edges


def layer_panel(
    layers: list[Layer], X: np.ndarray, Y: np.ndarray, step: str = "backward", decimals: int = 3
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
    d = _check_decimals(decimals)
    run = layer_pass(layers, X, Y)
    n = len(layers) // 2
    sup = {k: str(k).translate(_SUP) for k in range(n + 1)}
    if step == "forward":
        keys = [(f"{v}{sup[k]}", f"{v}{k}") for k in range(1, n + 1) for v in ("W", "b", "Z", "A")]
    else:
        keys = []
        for k in range(n, 0, -1):
            keys.append(("dŶ" if k == n else f"dA{sup[k]}", f"dA{k}"))
            keys += [(f"d{v}{sup[k]}", f"d{v}{k}") for v in ("Z", "W", "b")]
    return "\n\n".join(matrix_text(name, run[key], d, align=True) for name, key in keys)


def draw_layer_graph(
    layers: list[Layer],
    X: np.ndarray,
    Y: np.ndarray,
    step: str = "backward",
    decimals: int = 3,
    columns: int = 2,
    title: str = "",
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

    Returns
    -------
    matplotlib.figure.Figure
    """
    nodes, edges = layer_graph(layers, X, Y, step)
    blocks = layer_panel(layers, X, Y, step, decimals).split("\n\n")
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
