"""The article's single neuron on one example, as a computational graph at each worked step.

:func:`neuron_pass` runs the neuron forward and backward with nbnp's layers
and loss, :func:`neuron_graph` lays the run out as nodes and edges for one
worked step (x₁, w₁, …, (b) → z → σ → L ← y), and :func:`draw_neuron_graph`
draws that step with :func:`nbnp.draw_graph`.
"""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes

from nbnp.activations import sigmoid_derivative
from nbnp.article.fmt import fmt_fixed
from nbnp.checks import as_array
from nbnp.draw.graph import Edge, Node, draw_graph
from nbnp.draw.labels import steps_so_far, subscript
from nbnp.layers import LinearLayer, SigmoidLayer
from nbnp.losses import squared_error_loss, squared_error_loss_derivative

__all__ = ["NEURON_STEPS", "draw_neuron_graph", "neuron_graph", "neuron_pass"]

#: The worked steps of the single neuron, in order; each includes the ones before.
NEURON_STEPS = ("inputs", "z", "y_hat", "loss", "dL_dy_hat", "dL_dz", "dL_dw")

_ALIASES = {"forward": "loss", "backward": "dL_dw"}
_ROW = 1.3  # vertical distance between the input nodes


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

    The forward pass uses ``nbnp.LinearLayer`` and ``nbnp.SigmoidLayer``,
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


def _neuron_edges(n, has_b, run, show, decimals, current) -> list[Edge]:
    """Edges of the neuron, with the gradients of the steps already shown."""
    f = lambda v: fmt_fixed(v, decimals)  # noqa: E731
    back = "dL_dw" in show
    edges = []
    for i in range(n):
        k = subscript(str(i + 1))
        grad = f"∂L/∂w{k} = {f(run['dL_dw'][i])}" if back else ""
        edges.append(Edge(f"x{i + 1}", "z"))
        edges.append(Edge(f"w{i + 1}", "z", grad, back and current == "dL_dw"))
    if has_b:
        edges.append(
            Edge("b", "z", f"∂L/∂b = {f(run['dL_db'])}" if back else "", back and current == "dL_dw")
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

    Returns
    -------
    nodes : list of Node
    edges : list of Edge
    """
    current, show, decimals = steps_so_far(step, NEURON_STEPS, _ALIASES, decimals)
    run = neuron_pass(x, w, y, b)
    xv, wv = _as_vector("x", x), _as_vector("w", w)
    bias = None if b is None else _as_scalar("b", b)
    nodes = _neuron_nodes(xv, wv, _as_scalar("y", y), bias, run, show, decimals, current)
    return nodes, _neuron_edges(xv.size, b is not None, run, show, decimals, current)


def draw_neuron_graph(
    x: np.ndarray,
    w: np.ndarray,
    y: float,
    b: float | None = None,
    step: str = "backward",
    decimals: int = 3,
    ax: Axes | None = None,
    title: str = "",
) -> Axes:
    """Draw the single neuron at one worked step (see :func:`neuron_graph`).

    ``x`` (shape (n,)), ``w`` (shape (n,)), ``y``, ``b``, ``step`` and
    ``decimals`` are those of :func:`neuron_graph`; ``ax`` is the axes to draw
    on (default a new figure), ``title`` its title. Returns the
    :class:`matplotlib.axes.Axes`.
    """
    nodes, edges = neuron_graph(x, w, y, b, step, decimals)
    return draw_graph(nodes, edges, ax=ax, title=title)
