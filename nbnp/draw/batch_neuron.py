"""The vectorized neuron on a whole batch, and a parameter shared by the examples' paths.

Builders that run nbnp on a batch and lay the run out as :class:`nbnp.Node`
and :class:`nbnp.Edge` objects for :func:`nbnp.draw_graph`:

* :func:`batch_neuron_graph`: the single sigmoid neuron on all ``m`` examples
  at once (X, W, b → Z → σ → Cost ← Y), one worked step at a time, left to
  right or, for a phone, top to bottom;
* :func:`shared_parameter_graph`: the bias (or the weights) drawn as one node
  shared by the ``m`` per-example computations, each path carrying its own
  gradient back, so the parameter's gradient is their sum.

Every number drawn comes from the run and is formatted by :mod:`nbnp.article.fmt`.
"""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes

from nbnp.activations import sigmoid
from nbnp.article.fmt import fmt_array, fmt_fixed
from nbnp.checks import as_matrix
from nbnp.draw.graph import Edge, Node, draw_graph
from nbnp.draw.labels import check_decimals, check_layout, matrix_text, steps_so_far, superscript
from nbnp.layers import LinearLayer, SigmoidLayer
from nbnp.losses import compute_cost

__all__ = [
    "BATCH_STEPS",
    "batch_neuron_graph",
    "batch_neuron_pass",
    "draw_batch_neuron_graph",
    "shared_parameter_graph",
]

#: The worked steps of the vectorized neuron, in order; each includes the ones before.
BATCH_STEPS = ("inputs", "Z", "Y_hat", "cost", "dY_hat", "dZ", "dW")

_ALIASES = {"forward": "cost", "backward": "dW"}
#: Where the phone layout puts the neuron, in units of :data:`nbnp.draw.graph.PHONE_SCALE`: W, X
#: and b in one row, ``column`` apart (W and b outside, so that their gradients' arrows run on the
#: outside of the fan of edges into Z), then Z, σ and Cost straight down, ``drop`` apart; Y on
#: Cost's right, ``y`` away.
_PHONE = {"column": 3.0, "drop": 5.5, "y": 3.4}


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
    sig = SigmoidLayer((1, X.shape[1]))
    Z = linear.forward(X)
    Y_hat = sig.forward(Z)
    cost, dY_hat = compute_cost(Y, Y_hat)
    dZ = sig.backward(dY_hat)
    linear.backward(dZ)
    return {
        "Z": Z,
        "Y_hat": Y_hat,
        "cost": cost,
        "dY_hat": dY_hat,
        "dZ": dZ,
        "dW": linear.dW,
        "db": linear.db,
    }


def batch_neuron_graph(
    X: np.ndarray,
    Y: np.ndarray,
    W: np.ndarray,
    b: float,
    step: str = "backward",
    decimals: int = 3,
    layout: str = "desktop",
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
    layout : {"desktop", "phone"}, optional
        ``"desktop"``: left to right. ``"phone"``, for ``draw_graph(..., phone=True)``:
        top to bottom, W, X and b in a row above Z, σ and Cost, Y beside Cost, the
        longer texts on more lines.

    Returns
    -------
    nodes : list of Node
    edges : list of Edge
    """
    current, shown, d = steps_so_far(step, BATCH_STEPS, _ALIASES, decimals)
    phone = check_layout(layout) == "phone"
    run = batch_neuron_pass(X, Y, W, b)

    def text(key: str, name: str, A: np.ndarray, wrap: int = 2) -> str:
        return matrix_text(name, A, d, wrap=wrap) if key in shown else ""

    if phone:
        return _batch_phone(X, Y, W, b, run, current, shown, d, text)

    sigma_prime = run["Y_hat"] * (1 - run["Y_hat"])
    local_sigma = matrix_text("local: σ′(Z)", sigma_prime, d, wrap=2) if "dZ" in shown else ""
    local_z = "local: ∂Z/∂W = Xᵀ, ∂Z/∂b = 1" if "dW" in shown else ""
    wrap_w = 2  # two numbers a line: the text stays narrow, by its own arrow
    nodes = [
        Node("X", "$X$", (0.0, 2.4 + 0.25 * X.shape[0]), matrix_text("X", X, d, data=True), "input"),
        Node("W", "$W$", (0.0, 0.0), matrix_text("W", W, d, wrap=3), "param", value_side="above"),
        Node("b", "$b$", (0.0, -4.0), matrix_text("b", [[b]], d), "param"),
        Node("Z", "$Z$", (4.6, 0.0), text("Z", "Z", run["Z"]), "op", current == "Z", "above", local_z),
        Node(
            "sigma",
            "$\\sigma$",
            (8.0, 0.0),
            text("Y_hat", "Ŷ", run["Y_hat"]),
            "op",
            current == "Y_hat",
            "above",
            local_sigma,
        ),
        Node(
            "cost",
            "Cost",
            (11.2, 0.0),
            text("cost", "Cost", [[run["cost"]]]),
            "loss",
            current == "cost",
            local="local: ∂Cost/∂Ŷ = (Ŷ − Y)/m" if "dY_hat" in shown else "",
        ),
        Node("Y", "$Y$", (13.4, 0.0), matrix_text("Y", Y, d, wrap=4, data=True), "input"),
    ]
    edges = [
        Edge("X", "Z"),
        Edge("W", "Z", text("dW", "∂Cost/∂W", run["dW"], wrap_w), current == "dW"),
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
    layout: str = "desktop",
) -> Axes:
    """Draw the vectorized neuron at one worked step (see :func:`batch_neuron_graph`).

    ``X`` (shape (n, m)), ``Y`` (shape (1, m)), ``W`` (shape (1, n)), ``b``,
    ``step``, ``decimals`` and ``layout`` are those of :func:`batch_neuron_graph`;
    ``ax`` is the axes to draw on (default a new figure: a
    :class:`nbnp.draw.graph.PhoneFigure` for the phone layout), ``title`` its title.
    Returns the :class:`matplotlib.axes.Axes`.
    """
    nodes, edges = batch_neuron_graph(X, Y, W, b, step, decimals, layout)
    phone = layout == "phone"
    return draw_graph(nodes, edges, ax=ax, title=title, scale=None if phone else 0.7, phone=phone)


def _batch_phone(X, Y, W, b, run, current: str, shown: tuple, d: int, text) -> tuple[list, list]:
    """:func:`batch_neuron_graph` top to bottom, for a phone (:data:`_PHONE`), the longer texts
    on short lines; ``text(key, name, A)`` is the builder's: a step's matrix once it is shown."""
    g = _PHONE

    def node(name, label, k, value, kind, step, local="", local_step=""):
        local = local if local_step in shown else ""
        at = (0.0, -(k + 1) * g["drop"])
        side = "below" if name == "cost" else "right"  # Y stands on Cost's right
        return Node(name, label, at, value, kind, current == step, side, local, "left")

    sigma_prime = run["Y_hat"] * (1 - run["Y_hat"])
    x_text = matrix_text("X", X, d, data=True).replace(" = ", " =\n")
    nodes = [
        Node("W", "$W$", (-g["column"], 0.0), matrix_text("W", W, d, wrap=2), "param", value_side="above"),
        Node("X", "$X$", (0.0, 0.0), x_text, "input", value_side="above"),
        Node("b", "$b$", (g["column"], 0.0), matrix_text("b", [[b]], d), "param", value_side="above"),
        node("Z", "$Z$", 0, text("Z", "Z", run["Z"]), "op", "Z", "local:\n∂Z/∂W = Xᵀ\n∂Z/∂b = 1", "dW"),
        node("sigma", "$\\sigma$", 1, text("Y_hat", "Ŷ", run["Y_hat"]), "op", "Y_hat",
             matrix_text("local: σ′(Z)", sigma_prime, d, wrap=2), "dZ"),
        node("cost", "Cost", 2, text("cost", "Cost", [[run["cost"]]]), "loss", "cost",
             "local:\n∂Cost/∂Ŷ\n= (Ŷ − Y)/m", "dY_hat"),
        Node("Y", "$Y$", (g["y"], -3 * g["drop"]), matrix_text("Y", Y, d, wrap=4, data=True), "input",
             value_side="below"),
    ]
    edges = [
        Edge("W", "Z", text("dW", "∂Cost/∂W", run["dW"]), current == "dW"),
        Edge("X", "Z"),
        Edge("b", "Z", text("dW", "∂Cost/∂b", run["db"]).replace(" = ", "\n= "), current == "dW"),
        Edge("Z", "sigma", text("dZ", "∂Cost/∂Z", run["dZ"]), current == "dZ"),
        Edge("sigma", "cost", text("dY_hat", "∂Cost/∂Ŷ", run["dY_hat"]), current == "dY_hat"),
        Edge("Y", "cost"),
    ]
    return nodes, edges


def shared_parameter_graph(
    X: np.ndarray,
    Z: np.ndarray,
    dZ: np.ndarray,
    param: str = "b",
    decimals: int = 3,
    Y_hat: np.ndarray | None = None,
    dY_hat: np.ndarray | None = None,
    layout: str = "desktop",
) -> tuple[list[Node], list[Edge]]:
    """One parameter shared by the per-example computations z⁽ⁱ⁾ = W·x⁽ⁱ⁾ + b.

    The parameter node feeds one node z⁽ⁱ⁾ per example; each z⁽ⁱ⁾ feeds its
    sigmoid σ⁽ⁱ⁾ (the prediction ŷ⁽ⁱ⁾), and each σ⁽ⁱ⁾ the cost. Backward,
    each path carries ∂Cost/∂ŷ⁽ⁱ⁾, then ∂Cost/∂z⁽ⁱ⁾, then ∂Cost/∂z⁽ⁱ⁾ times
    the local gradient (1 for ``b``, x⁽ⁱ⁾ᵀ for ``W``) back to the parameter,
    whose node shows the sum of those path gradients.

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
    Y_hat, dY_hat : numpy.ndarray, shape (1, m), optional
        The predictions and ∂Cost/∂Ŷ of the same run (for example from
        :func:`batch_neuron_pass`). Default: σ(Z), and dZ divided by σ′(Z).
    layout : {"desktop", "phone"}, optional
        ``"desktop"``: the parameter at the left, one row per example. ``"phone"``,
        for ``draw_graph(..., phone=True)``: the parameter at the top, one column
        per example, and only the backward pass (the gradients and the local
        gradients, not the forward values z⁽ⁱ⁾ and ŷ⁽ⁱ⁾), which a phone's column has
        no room for beside them.

    Returns
    -------
    nodes : list of Node
    edges : list of Edge
    """
    X = as_matrix("X", X)
    Z, dZ = as_matrix("Z", Z, rows=1), as_matrix("dZ", dZ, rows=1)
    m = X.shape[1]
    if not Z.shape == dZ.shape == (1, m):
        raise ValueError(f"Z and dZ must have shape (1, {m}), got {Z.shape} and {dZ.shape}")
    if param not in ("b", "W"):
        raise ValueError(f"param must be 'b' or 'W', but received {param!r}")
    d = check_decimals(decimals)
    phone = check_layout(layout) == "phone"
    Y_hat = sigmoid(Z) if Y_hat is None else as_matrix("Y_hat", Y_hat, rows=1)
    dY_hat = dZ if dY_hat is None else as_matrix("dY_hat", dY_hat, rows=1)
    if not Y_hat.shape == dY_hat.shape == (1, m):
        shapes = f"{Y_hat.shape} and {dY_hat.shape}"
        raise ValueError(f"Y_hat and dY_hat must have shape (1, {m}), got {shapes}")
    if dY_hat is dZ:  # not given: undo the sigmoid's local gradient
        dY_hat = dZ / (Y_hat * (1 - Y_hat))
    paths = [dZ[:, i : i + 1] * (X[:, i : i + 1].T if param == "W" else 1.0) for i in range(m)]
    total = np.sum(paths, axis=0)
    if phone:
        return _shared_phone(X, dZ, dY_hat, param, paths, total, d)
    row = 4.2 if param == "W" else 3.2  # room for each example's local x⁽ⁱ⁾ᵀ beside its path
    top = (m - 1) * row / 2
    total_text = f"∂Cost/∂{param} = Σ\n= {_entries(total, d)}"
    nodes = [Node(param, f"${param}$", (0.0, 0.0), total_text, "param")]
    edges = []
    for i in range(m):
        sup = superscript(f"({i + 1})")
        y = top - row * i
        z_text, a_text = f"z{sup} = {fmt_fixed(Z[0, i], d)}", f"ŷ{sup} = {fmt_fixed(Y_hat[0, i], d)}"
        x_i = matrix_text(f"x{sup}ᵀ", X[:, i : i + 1].T, d, data=True)
        local = f"local: {x_i}" if param == "W" else "local: 1"
        z_label = f"$z^{{({i + 1})}}$"
        nodes.append(Node(f"z{i}", z_label, (4.6, y), z_text, "op", value_side="above", local=local))
        nodes.append(Node(f"s{i}", "$\\sigma$", (7.8, y), a_text, "op", value_side="above"))
        edges.append(Edge(param, f"z{i}", f"via z{sup}: {_entries(paths[i], d)}"))
        edges.append(Edge(f"z{i}", f"s{i}", fmt_fixed(dZ[0, i], d)))
        edges.append(Edge(f"s{i}", "cost", fmt_fixed(dY_hat[0, i], d)))
    nodes.append(Node("cost", "Cost", (11.0, 0.0), "", "loss"))
    return nodes, edges


def _shared_phone(X, dZ, dY_hat, param: str, paths: list, total: np.ndarray, d: int) -> tuple[list, list]:
    """:func:`shared_parameter_graph` top to bottom: the parameter, a column per example, the cost."""
    m = X.shape[1]
    nodes = [Node(param, f"${param}$", (0.0, 0.0), f"∂Cost/∂{param} = Σ\n= {_entries(total, d)}", "param",
                  value_side="right")]
    edges = []
    for i in range(m):
        x = (i - (m - 1) / 2) * 3.0
        sup = superscript(f"({i + 1})")
        x_i = matrix_text(f"x{sup}ᵀ", X[:, i : i + 1].T, d, data=True).replace(" = ", " =\n")
        local = "local:\n" + (x_i if param == "W" else "1")
        z_label = f"$z^{{({i + 1})}}$"
        nodes.append(Node(f"z{i}", z_label, (x, -9.0), "", "op", local=local, local_side="below"))
        nodes.append(Node(f"s{i}", "$\\sigma$", (x, -15.0), "", "op"))
        edges.append(Edge(param, f"z{i}", _entries(paths[i], d).replace(", ", ",\n")))
        edges.append(Edge(f"z{i}", f"s{i}", fmt_fixed(dZ[0, i], d)))
        edges.append(Edge(f"s{i}", "cost", fmt_fixed(dY_hat[0, i], d)))
    nodes.append(Node("cost", "Cost", (0.0, -21.0), "", "loss"))
    return nodes, edges


def _entries(A: np.ndarray, decimals: int) -> str:
    """A (1, n) row as ``[a, b]``, or its single number."""
    return fmt_fixed(A[0, 0], decimals) if A.size == 1 else fmt_array(A[0], decimals=decimals)
