"""Computational graphs drawn with matplotlib: forward values on nodes, gradients on edges.

Two layers:

* a generic drawer, :func:`draw_graph`, for any graph given as :class:`Node`
  and :class:`Edge` objects (scalar, batch or layer-level graphs alike);
* builders that run the article's single neuron with nbnp and turn the run
  into nodes and edges: :func:`neuron_pass` computes every value and
  gradient, :func:`neuron_graph` lays them out for one worked step, and
  :func:`draw_neuron_graph` draws that step.

Forward values are printed in black under each node; backward gradients in
red beside each edge, so a figure never holds a typed number: every text
comes from the run through :func:`nbnp.fmt_fixed`. Figures have a white
background, legible in light and dark page themes, and contain nothing
random.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.patches import Circle, FancyBboxPatch

from nbnp.activations import sigmoid_derivative
from nbnp.fmt import fmt_array, fmt_fixed
from nbnp.layers import LinearLayer, SigmoidLayer
from nbnp.losses import squared_error_loss, squared_error_loss_derivative
from nbnp.validation import as_array

__all__ = [
    "GRAD_COLOR",
    "NEURON_STEPS",
    "NODE_KINDS",
    "Edge",
    "Node",
    "draw_graph",
    "draw_neuron_graph",
    "format_value",
    "neuron_graph",
    "neuron_pass",
]

#: Colour of backward gradients (text and highlighted edges).
GRAD_COLOR = "#c0392b"

#: Fill and outline colour of each node kind.
NODE_KINDS: dict[str, tuple[str, str]] = {
    "input": ("#d5f5e3", "#1e8449"),  # data and labels: green, as in the article
    "param": ("#d6eaf8", "#1f618d"),  # weights and biases: blue
    "op": ("#fdebd0", "#b9770e"),  # linear and activation nodes: orange
    "loss": ("#f2f3f4", "#2c3e50"),  # the loss or cost: grey box
}

_RADIUS = 0.34  # node radius (half-width of a box) in data units


@dataclass(frozen=True)
class Node:
    """One node of a computational graph.

    Attributes
    ----------
    name : str
        Unique identifier, used by :class:`Edge` (for example ``"w1"``).
    label : str
        Text drawn inside the node (matplotlib mathtext allowed, ``"$w_1$"``).
    position : tuple of float
        (x, y) centre in data units; forward flow goes left to right.
    value : str, optional
        Forward value drawn under the node (``"z = 0.000"``), already formatted.
    kind : {"input", "param", "op", "loss"}, optional
        Sets the colour; ``"loss"`` is drawn as a box, the others as circles.
    highlight : bool, optional
        Draw with a thick outline and bold value: the node computed in this step.
    value_side : {"below", "above"}, optional
        Where the value is written (default below the node).
    """

    name: str
    label: str
    position: tuple[float, float]
    value: str = ""
    kind: str = "op"
    highlight: bool = False
    value_side: str = "below"


@dataclass(frozen=True)
class Edge:
    """A directed edge ``src → dst`` (the forward direction).

    Attributes
    ----------
    src, dst : str
        Names of the nodes it joins.
    grad : str, optional
        Backward gradient drawn in red beside the edge (``"∂L/∂z = 0.125"``).
    highlight : bool, optional
        Draw the edge and its gradient bold: the gradient computed in this step.
    """

    src: str
    dst: str
    grad: str = ""
    highlight: bool = False


def format_value(value: float | np.ndarray, decimals: int = 3, max_items: int = 4) -> str:
    """Format a forward value or gradient for a node or edge.

    Parameters
    ----------
    value : float or array_like, any shape
        A scalar, or an array such as a (1, m) batch of activations.
    decimals : int, optional
        Fixed decimals, as the article rounds (default 3).
    max_items : int, optional
        Arrays with more entries are cut after ``max_items - 1`` and end in ``…``.

    Returns
    -------
    str
        ``'0.125'`` for a scalar or a one-element array, ``'[0.5, 0.646, 0.525, 0.668]'``
        for a (1, 4) array, ``'[0.5, 0.646, …]'`` with ``max_items=3`` and 4 entries
        (nested rows are flattened).
    """
    A = as_array("value", value)
    if A.size == 1:
        return fmt_fixed(A.reshape(()), decimals)
    flat = A.ravel()
    if flat.size <= max_items:
        return fmt_array(flat, decimals=decimals)
    head = fmt_array(flat[: max(max_items - 1, 1)], decimals=decimals)
    return head[:-1] + ", …]"


def _check_graph(nodes: list[Node], edges: list[Edge]) -> dict[str, Node]:
    """Validate nodes and edges; return the nodes by name."""
    if not isinstance(nodes, (list, tuple)) or not nodes:
        raise ValueError(f"nodes must be a non-empty list of Node, but received {nodes!r:.80}")
    if not isinstance(edges, (list, tuple)):
        raise TypeError(f"edges must be a list of Edge, but received {type(edges).__name__}")
    by_name: dict[str, Node] = {}
    for i, node in enumerate(nodes):
        if not isinstance(node, Node):
            raise TypeError(f"nodes[{i}] must be a nbnp.Node, but received {type(node).__name__}")
        if node.name in by_name:
            raise ValueError(f"node names must be unique, but {node.name!r} appears twice")
        if node.kind not in NODE_KINDS:
            raise ValueError(f"node {node.name!r}: kind must be one of {list(NODE_KINDS)}, got {node.kind!r}")
        if node.value_side not in ("below", "above"):
            raise ValueError(
                f"node {node.name!r}: value_side must be 'below' or 'above', got {node.value_side!r}"
            )
        pos = node.position
        if (
            not isinstance(pos, (tuple, list))
            or len(pos) != 2
            or not all(isinstance(c, numbers.Real) and math.isfinite(c) for c in pos)
        ):
            raise ValueError(f"node {node.name!r}: position must be two finite numbers (x, y), got {pos!r}")
        by_name[node.name] = node
    for i, edge in enumerate(edges):
        if not isinstance(edge, Edge):
            raise TypeError(f"edges[{i}] must be a nbnp.Edge, but received {type(edge).__name__}")
        for end in (edge.src, edge.dst):
            if end not in by_name:
                raise ValueError(f"edges[{i}] refers to node {end!r}, which is not in nodes")
        if edge.src == edge.dst:
            raise ValueError(f"edges[{i}] joins node {edge.src!r} to itself")
    return by_name


def _draw_node(ax: Axes, node: Node) -> None:
    face, line = NODE_KINDS[node.kind]
    x, y = node.position
    width = 3.0 if node.highlight else 1.5
    if node.kind == "loss":
        r = _RADIUS
        patch = FancyBboxPatch(
            (x - r, y - r), 2 * r, 2 * r, boxstyle="round,pad=0.02", fc=face, ec=line, lw=width, zorder=2
        )
    else:
        patch = Circle((x, y), _RADIUS, fc=face, ec=line, lw=width, zorder=2)
    ax.add_patch(patch)
    ax.text(x, y, node.label, ha="center", va="center", fontsize=13, color="black", zorder=3)
    if node.value:
        above = node.value_side == "above"
        ax.text(
            x,
            y + (_RADIUS + 0.08) * (1 if above else -1),
            node.value,
            ha="center",
            va="bottom" if above else "top",
            fontsize=10,
            color="black",
            fontweight="bold" if node.highlight else "normal",
            zorder=4,
        )


def _draw_edge(ax: Axes, edge: Edge, src: Node, dst: Node) -> None:
    (x0, y0), (x1, y1) = src.position, dst.position
    length = math.hypot(x1 - x0, y1 - y0)
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    start = (x0 + ux * _RADIUS, y0 + uy * _RADIUS)
    end = (x1 - ux * (_RADIUS + 0.03), y1 - uy * (_RADIUS + 0.03))
    color = GRAD_COLOR if edge.highlight else "#555555"
    ax.annotate(
        "",
        xy=end,
        xytext=start,
        arrowprops={"arrowstyle": "-|>", "color": color, "lw": 2.2 if edge.highlight else 1.2},
        zorder=1,
    )
    if edge.grad:
        # Gradient text sits 55 % of the way along, just above the edge.
        mx, my = start[0] + 0.55 * (end[0] - start[0]), start[1] + 0.55 * (end[1] - start[1])
        ax.text(
            mx - uy * 0.12,
            my + ux * 0.12,
            edge.grad,
            ha="center",
            va="bottom",
            fontsize=9.5,
            color=GRAD_COLOR,
            fontweight="bold" if edge.highlight else "normal",
            rotation=math.degrees(math.atan2(uy, ux)),
            rotation_mode="anchor",
            bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.85},
            zorder=5,
        )


def draw_graph(
    nodes: list[Node],
    edges: list[Edge],
    ax: Axes | None = None,
    title: str = "",
    scale: float = 0.95,
) -> Axes:
    """Draw a computational graph: labelled nodes, forward values, gradients on edges.

    Parameters
    ----------
    nodes : list of Node
        The nodes; names must be unique.
    edges : list of Edge
        Forward edges between named nodes; an edge's ``grad`` text is drawn
        in red beside it.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; default a new figure sized from the node positions
        (``scale`` inches per data unit).
    title : str, optional
    scale : float, optional
        Inches per data unit for a new figure.

    Returns
    -------
    matplotlib.axes.Axes
        With equal aspect, no axis lines and a white background.

    Raises
    ------
    TypeError
        If a node or edge is not a :class:`Node` / :class:`Edge`.
    ValueError
        On duplicate node names, an unknown kind, a bad position, or an edge
        to an unknown node or to itself.
    """
    by_name = _check_graph(nodes, edges)
    xs = [n.position[0] for n in nodes]
    ys = [n.position[1] for n in nodes]
    left, right = min(xs) - 0.9, max(xs) + 0.9
    bottom, top = min(ys) - 0.95, max(ys) + 0.95
    if ax is None:
        size = (max(3.0, (right - left) * scale), max(2.0, (top - bottom) * scale))
        ax = plt.subplots(figsize=size)[1]
    ax.figure.patch.set_facecolor("white")
    ax.set_facecolor("white")
    for edge in edges:
        _draw_edge(ax, edge, by_name[edge.src], by_name[edge.dst])
    for node in nodes:
        _draw_node(ax, node)
    ax.set_xlim(left, right)
    ax.set_ylim(bottom, top)
    ax.set_aspect("equal")
    ax.axis("off")
    if title:
        ax.set_title(title, color="black")
    return ax


# --------------------------------------------------------------------------
# The article's single neuron
# --------------------------------------------------------------------------

#: The worked steps of the single neuron, in order; each includes the ones before.
NEURON_STEPS = ("inputs", "z", "y_hat", "loss", "dL_dy_hat", "dL_dz", "dL_dw")

_ALIASES = {"forward": "loss", "backward": "dL_dw"}
_ROW = 1.1  # vertical distance between the input nodes
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def _as_vector(name: str, value: object) -> np.ndarray:
    A = as_array(name, value)
    if A.ndim == 0 or A.size == 0 or A.size != max(A.shape):
        raise ValueError(f"{name} must be a sequence of numbers, one per input, but received shape {A.shape}")
    return A.reshape(-1)


def _as_scalar(name: str, value: object) -> float:
    A = as_array(name, value)
    if A.size != 1:
        raise ValueError(f"{name} must be a single number, but received shape {A.shape}")
    return float(A.reshape(()))


def neuron_pass(
    x: np.ndarray, w: np.ndarray, y: float, b: float | None = None
) -> dict[str, float | np.ndarray]:
    """Run the single sigmoid neuron forward and backward on one example.

    The forward pass uses :class:`nbnp.LinearLayer` and :class:`nbnp.SigmoidLayer`,
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
    linear.forward(x.reshape(-1, 1))
    sig = SigmoidLayer(linear.Z.shape)
    sig.forward(linear.Z)
    z, y_hat = float(linear.Z[0, 0]), float(sig.A[0, 0])
    dL_dy_hat = squared_error_loss_derivative(y, y_hat)
    sig.backward(np.array([[dL_dy_hat]]))
    linear.backward(sig.dZ)
    return {
        "z": z,
        "y_hat": y_hat,
        "loss": squared_error_loss(y, y_hat),
        "dL_dy_hat": dL_dy_hat,
        "dy_hat_dz": sigmoid_derivative(z),
        "dL_dz": float(sig.dZ[0, 0]),
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
    for i in range(n):
        k = str(i + 1).translate(_SUB)
        yx, yw = top - 2 * i * _ROW, top - (2 * i + 1) * _ROW
        nodes.append(Node(f"x{i + 1}", f"$x_{i + 1}$", (0.0, yx), f"x{k} = {f(x[i])}", "input"))
        nodes.append(Node(f"w{i + 1}", f"$w_{i + 1}$", (0.0, yw), f"w{k} = {f(w[i])}", "param"))
    if b is not None:
        nodes.append(Node("b", "$b$", (0.0, 0.0), f"b = {f(b)}", "param"))
    shown = {
        "z": ("z", f"z = {f(run['z'])}"),
        "sigma": ("y_hat", f"ŷ = {f(run['y_hat'])}"),
        "L": ("loss", f"L = {f(run['loss'])}"),
    }
    for name, label, x_pos, kind in (
        ("z", "$z$", 3.0, "op"),
        ("sigma", "$\\sigma$", 5.4, "op"),
        ("L", "$L$", 7.8, "loss"),
    ):
        step, text = shown[name]
        nodes.append(Node(name, label, (x_pos, mid), text if step in show else "", kind, step == current))
    nodes.append(Node("y", "$y$", (7.8, mid + 1.5), f"y = {f(y)}", "input", value_side="above"))
    return nodes


def _neuron_edges(n, has_b, run, show, decimals, current) -> list[Edge]:
    """Edges of the neuron, with the gradients of the steps already shown."""
    f = lambda v: fmt_fixed(v, decimals)  # noqa: E731
    back = "dL_dw" in show
    edges = []
    for i in range(n):
        k = str(i + 1).translate(_SUB)
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
    formatted with :func:`nbnp.fmt_fixed`.

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
    if not isinstance(step, str) or _ALIASES.get(step, step) not in NEURON_STEPS:
        raise ValueError(f"step must be one of {list(NEURON_STEPS) + list(_ALIASES)}, but received {step!r}")
    if isinstance(decimals, bool) or not isinstance(decimals, numbers.Integral) or decimals < 0:
        raise ValueError(f"decimals must be a non-negative integer, but received {decimals!r}")
    current = _ALIASES.get(step, step)
    show = set(NEURON_STEPS[: NEURON_STEPS.index(current) + 1])
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

    Parameters
    ----------
    x : array_like, shape (n,)
    w : array_like, shape (n,)
    y : float
    b : float, optional
    step : str, optional
    decimals : int, optional
    ax : matplotlib.axes.Axes, optional
    title : str, optional

    Returns
    -------
    matplotlib.axes.Axes
    """
    nodes, edges = neuron_graph(x, w, y, b, step, decimals)
    return draw_graph(nodes, edges, ax=ax, title=title)
