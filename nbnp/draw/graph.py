"""The computational-graph engine: nodes, edges, and a drawer for any graph (matplotlib).

A graph is a list of :class:`Node` and a list of :class:`Edge`;
:func:`draw_graph` draws it, forward values in black under each node and
backward gradients in red beside each edge. The builders in
:mod:`nbnp.draw.neuron`, :mod:`nbnp.draw.batch_neuron` and
:mod:`nbnp.draw.network` run nbnp and turn the run into such a graph, their
texts formatted here (:func:`format_value`, :func:`matrix_text`), so a figure
never holds a typed number. Figures have a white background, legible in light
and dark page themes, and contain nothing random.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.patches import Circle, FancyBboxPatch

from nbnp.fmt import fmt_array, fmt_fixed
from nbnp.validation import as_array, as_matrix

__all__ = [
    "GRAD_COLOR",
    "NODE_KINDS",
    "Edge",
    "Node",
    "draw_graph",
    "format_value",
    "matrix_text",
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
_SUP = str.maketrans("0123456789()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾")
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


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


def superscript(text: str) -> str:
    """Digits and parentheses as superscripts: ``"(2)"`` → ``"⁽²⁾"``, for layer and example indices."""
    return text.translate(_SUP)


def subscript(text: str) -> str:
    """Digits as subscripts: ``"12"`` → ``"₁₂"``, for input indices."""
    return text.translate(_SUB)


def check_step(step: object, steps: tuple[str, ...], aliases: dict[str, str]) -> str:
    """Validate a builder's ``step`` against its worked steps and their aliases; return the step."""
    if not isinstance(step, str) or aliases.get(step, step) not in steps:
        raise ValueError(f"step must be one of {list(steps) + list(aliases)}, but received {step!r}")
    return aliases.get(step, step)


def check_decimals(decimals: object) -> int:
    """Validate a number of decimals (a non-negative integer)."""
    if isinstance(decimals, bool) or not isinstance(decimals, numbers.Integral) or decimals < 0:
        raise ValueError(f"decimals must be a non-negative integer, but received {decimals!r}")
    return int(decimals)


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
