"""The computational-graph engine: nodes, edges, and a drawer for any graph (matplotlib).

A graph is a list of :class:`Node` and a list of :class:`Edge`;
:func:`draw_graph` draws it, forward values in black under each node and
backward gradients in red beside each edge. The builders in
:mod:`nbnp.draw.neuron`, :mod:`nbnp.draw.batch_neuron` and
:mod:`nbnp.draw.network` run nbnp and turn the run into such a graph, their
texts formatted by :mod:`nbnp.draw.labels`, so a figure never holds a typed
number. Figures have a white background, legible in light
and dark page themes, and contain nothing random.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass

import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.patches import Circle, FancyBboxPatch

__all__ = ["GRAD_COLOR", "NODE_KINDS", "Edge", "Node", "draw_graph"]

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
