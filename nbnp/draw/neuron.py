"""The article's single neuron on one example, as a computational graph at each worked step.

:func:`neuron_pass` runs the neuron forward and backward with nbnp's layers
and loss, :func:`neuron_graph` lays the run out as nodes and edges for one
worked step (x₁, w₁, …, (b) → z → σ → L ← y), left to right or, for a phone,
top to bottom, and :func:`draw_neuron_graph` draws that step with :func:`nbnp.draw_graph`.
"""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes

from nbnp.activations import sigmoid_derivative
from nbnp.article.fmt import fmt_fixed
from nbnp.checks import as_array
from nbnp.draw.graph import Edge, Node, draw_graph
from nbnp.draw.labels import check_layout, steps_so_far, subscript
from nbnp.layers import LinearLayer, SigmoidLayer
from nbnp.losses import squared_error_loss, squared_error_loss_derivative

__all__ = ["NEURON_STEPS", "draw_neuron_graph", "neuron_graph", "neuron_pass"]

#: The worked steps of the single neuron, in order; each includes the ones before.
NEURON_STEPS = ("inputs", "z", "y_hat", "loss", "dL_dy_hat", "dL_dz", "dL_dw")

_ALIASES = {"forward": "loss", "backward": "dL_dw"}
_ROW = 1.3  # vertical distance between the input nodes
#: Where the phone layout puts the neuron, in units of :data:`nbnp.draw.graph.PHONE_SCALE`: the
#: inputs and weights in one row, ``column`` apart (in the desktop layout's order, top to bottom
#: there, left to right here), then z, σ and L straight down, ``drop`` apart, each with its value
#: on its right and its local gradient on its left; y on L's right, ``y`` away, and the bias at
#: ``b``, below z's value (in the row, its gradient's arrow would run between w₂'s edge and its
#: own; level with z, it would push z's value against z's local gradient).
_PHONE = {"column": 2.0, "drop": 4.0, "y": 3.0, "b": (3.6, -6.0)}


def _finite(name: str, value: object) -> np.ndarray:
    A = as_array(name, value)
    if not np.isfinite(A).all():
        raise ValueError(f"{name} must be finite, but received {value!r:.60}")
    return A


def _as_vector(name: str, value: object) -> np.ndarray:
    A = _finite(name, value)
    if A.ndim == 0 or A.size == 0 or A.size != max(A.shape):
        raise ValueError(f"{name} must be a sequence of numbers, one per input, but received shape {A.shape}")
    return A.reshape(-1)


def _as_scalar(name: str, value: object) -> float:
    A = _finite(name, value)
    if A.size != 1:
        raise ValueError(f"{name} must be a single number, but received shape {A.shape}")
    return float(A.reshape(()))


def neuron_pass(
    x: np.ndarray, w: np.ndarray, y: float, b: float | None = None
) -> dict[str, float | np.ndarray]:
    """Run the single sigmoid neuron forward and backward on one example.

    The forward pass uses :class:`~nbnp.layers.LinearLayer` and :class:`~nbnp.layers.SigmoidLayer`,
    the loss is :func:`nbnp.squared_error_loss`; the backward pass multiplies
    each node's local gradient by the upstream one, as the article does.

    Parameters
    ----------
    x : array_like, shape (n,)
        The example's features (a (n, 1) column is accepted).
    w : array_like, shape (n,)
        The weights w₁ … wₙ (a (1, n) row is accepted).
    y : float
        The label.
    b : float, optional
        The bias. ``None`` (default) is the article's neuron without a bias
        node, computed with b = 0.

    Returns
    -------
    dict
        Floats ``"z"``, ``"y_hat"``, ``"loss"``, ``"dL_dy_hat"`` (∂L/∂ŷ),
        ``"dy_hat_dz"`` (σ'(z)), ``"dL_dz"``, ``"dL_db"``; and
        ``"dL_dw"``, a numpy.ndarray of shape (n,).
    """
    x = _as_vector("x", x)
    w = _as_vector("w", w)
    if x.size != w.size:
        raise ValueError(f"x and w must have one entry per input, but x has {x.size} and w has {w.size}")
    y = _as_scalar("y", y)
    bias = 0.0 if b is None else _as_scalar("b", b)
    linear = LinearLayer.from_params(w.reshape(1, -1), bias)
    sig = SigmoidLayer((1, 1))
    Z = linear.forward(x.reshape(-1, 1))
    z, y_hat = float(Z[0, 0]), float(sig.forward(Z)[0, 0])
    dL_dy_hat = squared_error_loss_derivative(y, y_hat)
    dZ = sig.backward(np.array([[dL_dy_hat]]))
    linear.backward(dZ)
    return {
        "z": z,
        "y_hat": y_hat,
        "loss": squared_error_loss(y, y_hat),
        "dL_dy_hat": dL_dy_hat,
        "dy_hat_dz": sigmoid_derivative(z),
        "dL_dz": float(dZ[0, 0]),
        "dL_dw": linear.dW.reshape(-1),
        "dL_db": float(linear.db[0, 0]),
    }


def _neuron_nodes(x, w, y, b, run, show, decimals, current) -> list[Node]:
    """Nodes of the neuron, with the values of the steps already shown."""
    n = x.size
    rows = 2 * n + (b is not None)
    top = (rows - 1) * _ROW
    mid = top / 2
    f = lambda v: fmt_fixed(v, decimals)  # noqa: E731
    nodes = []
    # Rows from the top: w₁, then the inputs, then w₂ … wₙ and b, so that every gradient
    # arrow runs on the outside of the fan of edges into z, away from the data's edges.
    rows_w = [0] + list(range(n + 1, 2 * n))
    for i in range(n):
        k = subscript(str(i + 1))
        yx, yw = top - (i + 1) * _ROW, top - rows_w[i] * _ROW
        nodes.append(Node(f"x{i + 1}", f"$x_{i + 1}$", (0.0, yx), f"x{k} = {f(x[i])}", "input"))
        nodes.append(Node(f"w{i + 1}", f"$w_{i + 1}$", (0.0, yw), f"w{k} = {f(w[i])}", "param"))
    if b is not None:
        nodes.append(Node("b", "$b$", (0.0, 0.0), f"b = {f(b)}", "param"))
    shown = {
        "z": ("z", f"z = {f(run['z'])}"),
        "sigma": ("y_hat", f"ŷ = {f(run['y_hat'])}"),
        "L": ("loss", f"L = {f(run['loss'])}"),
    }
    local_z = [f"∂z/∂w{subscript(str(i + 1))} = x{subscript(str(i + 1))} = {f(x[i])}" for i in range(n)]
    local_z += ["∂z/∂b = 1"] if b is not None else []
    locals_ = {
        "z": ("dL_dw", "local:\n" + "\n".join(local_z)),
        "sigma": ("dL_dz", f"local:\n∂ŷ/∂z = σ′(z) = {f(run['dy_hat_dz'])}"),
        "L": ("dL_dy_hat", "local:\n∂L/∂ŷ = ŷ − y"),
    }
    for name, label, x_pos, kind in (
        ("z", "$z$", 3.4, "op"),
        ("sigma", "$\\sigma$", 6.6, "op"),
        ("L", "$L$", 9.4, "loss"),
    ):
        step, text = shown[name]
        local_step, local = locals_[name]
        nodes.append(
            Node(
                name,
                label,
                (x_pos, mid),
                text if step in show else "",
                kind,
                step == current,
                local=local if local_step in show else "",
            )
        )
    nodes.append(Node("y", "$y$", (9.4, mid + 1.9), f"y = {f(y)}", "input", value_side="above"))
    return nodes


def _phone_nodes(x, w, y, b, run, show, decimals, current) -> list[Node]:
    """:func:`_neuron_nodes` top to bottom, for a phone (:data:`_PHONE`), the longer texts on
    short lines."""
    n, g = x.size, _PHONE
    f = lambda v: fmt_fixed(v, decimals)  # noqa: E731
    # The row in the desktop layout's order, w₁ first, so that the gradients' arrows run on the
    # outside of the fan of edges into z.
    row = [("w", 0)] + [("x", i) for i in range(n)] + [("w", i) for i in range(1, n)]
    nodes = []
    if b is not None:
        nodes.append(Node("b", "$b$", g["b"], f"b = {f(b)}", "param", value_side="above"))
    for k, (name, i) in enumerate(row):
        at = ((k - (len(row) - 1) / 2) * g["column"], 0.0)
        v, kind = (x[i], "input") if name == "x" else (w[i], "param")
        text = f"{name}{subscript(str(i + 1))} =\n{f(v)}"
        nodes.append(Node(f"{name}{i + 1}", f"${name}_{i + 1}$", at, text, kind, value_side="above"))
    local_z = [f"∂z/∂w{subscript(str(i + 1))} = x{subscript(str(i + 1))} = {f(x[i])}" for i in range(n)]
    local_z += ["∂z/∂b = 1"] if b is not None else []
    for k, (name, label, kind, step, text, local_step, local) in enumerate(
        (
            ("z", "$z$", "op", "z", f"z = {f(run['z'])}", "dL_dw", "local:\n" + "\n".join(local_z)),
            ("sigma", "$\\sigma$", "op", "y_hat", f"ŷ = {f(run['y_hat'])}", "dL_dz",
             f"local:\n∂ŷ/∂z = σ′(z)\n= {f(run['dy_hat_dz'])}"),
            ("L", "$L$", "loss", "loss", f"L = {f(run['loss'])}", "dL_dy_hat", "local:\n∂L/∂ŷ = ŷ − y"),
        )
    ):
        nodes.append(
            Node(
                name,
                label,
                (0.0, -(k + 1) * g["drop"]),
                text if step in show else "",
                kind,
                step == current,
                "below" if name == "L" else "right",
                local if local_step in show else "",
                "left",
            )
        )
    nodes.append(Node("y", "$y$", (g["y"], -3 * g["drop"]), f"y =\n{f(y)}", "input", value_side="above"))
    return nodes


def _neuron_edges(n, has_b, run, show, decimals, current, phone=False) -> list[Edge]:
    """Edges of the neuron, with the gradients of the steps already shown; for a phone
    (:func:`_phone_nodes`) the weights' and the bias's on two lines."""
    f = lambda v: fmt_fixed(v, decimals)  # noqa: E731
    sep = "\n" if phone else " "
    back = "dL_dw" in show
    edges = []
    for i in range(n):
        k = subscript(str(i + 1))
        grad = f"∂L/∂w{k}{sep}= {f(run['dL_dw'][i])}" if back else ""
        edges.append(Edge(f"x{i + 1}", "z"))
        edges.append(Edge(f"w{i + 1}", "z", grad, back and current == "dL_dw"))
    if has_b:
        edges.append(
            Edge("b", "z", f"∂L/∂b{sep}= {f(run['dL_db'])}" if back else "", back and current == "dL_dw")
        )
    for src, dst, step, name in (("z", "sigma", "dL_dz", "z"), ("sigma", "L", "dL_dy_hat", "ŷ")):
        grad = f"∂L/∂{name} = {f(run[step])}" if step in show else ""
        edges.append(Edge(src, dst, grad, step == current))
    edges.append(Edge("y", "L"))
    return edges


def neuron_graph(
    x: np.ndarray,
    w: np.ndarray,
    y: float,
    b: float | None = None,
    step: str = "backward",
    decimals: int = 3,
    layout: str = "desktop",
) -> tuple[list[Node], list[Edge]]:
    """Nodes and edges of the article's single neuron at one worked step.

    The graph is x₁, w₁, …, xₙ, wₙ, (b) → z → σ → L ← y, the σ node carrying
    ŷ. Every value and gradient comes from :func:`neuron_pass` and is
    formatted with ``nbnp.fmt_fixed``.

    Parameters
    ----------
    x : array_like, shape (n,)
        The example's features.
    w : array_like, shape (n,)
        The weights.
    y : float
        The label.
    b : float, optional
        The bias; ``None`` draws the neuron without a bias node.
    step : str, optional
        One of :data:`NEURON_STEPS` (``"inputs"``, ``"z"``, ``"y_hat"``,
        ``"loss"``, ``"dL_dy_hat"``, ``"dL_dz"``, ``"dL_dw"``), or
        ``"forward"`` (= ``"loss"``) or ``"backward"`` (= ``"dL_dw"``,
        default). The graph shows the values of that step and every step
        before it; the node or edge computed at that step is highlighted.
    decimals : int, optional
        Decimals of every printed number (default 3).
    layout : {"desktop", "phone"}, optional
        ``"desktop"``: left to right. ``"phone"``, for ``draw_graph(..., phone=True)``:
        top to bottom, the inputs and weights in a row above z, σ and L, b beside z and
        y beside L, the longer texts on two or three lines.

    Returns
    -------
    nodes : list of Node
    edges : list of Edge
    """
    current, show, decimals = steps_so_far(step, NEURON_STEPS, _ALIASES, decimals)
    phone = check_layout(layout) == "phone"
    run = neuron_pass(x, w, y, b)
    xv, wv = _as_vector("x", x), _as_vector("w", w)
    bias = None if b is None else _as_scalar("b", b)
    build = _phone_nodes if phone else _neuron_nodes
    nodes = build(xv, wv, _as_scalar("y", y), bias, run, show, decimals, current)
    return nodes, _neuron_edges(xv.size, b is not None, run, show, decimals, current, phone)


def draw_neuron_graph(
    x: np.ndarray,
    w: np.ndarray,
    y: float,
    b: float | None = None,
    step: str = "backward",
    decimals: int = 3,
    ax: Axes | None = None,
    title: str = "",
    layout: str = "desktop",
) -> Axes:
    """Draw the single neuron at one worked step (see :func:`neuron_graph`).

    ``x`` (shape (n,)), ``w`` (shape (n,)), ``y``, ``b``, ``step``, ``decimals``
    and ``layout`` are those of :func:`neuron_graph`; ``ax`` is the axes to draw
    on (default a new figure: a :class:`nbnp.draw.graph.PhoneFigure` for the phone
    layout), ``title`` its title. Returns the :class:`matplotlib.axes.Axes`.
    """
    nodes, edges = neuron_graph(x, w, y, b, step, decimals, layout)
    return draw_graph(nodes, edges, ax=ax, title=title, phone=layout == "phone")
