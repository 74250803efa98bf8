"""The computational-graph engine: nodes, edges, and a drawer for any graph (matplotlib).

A graph is a list of :class:`Node` and a list of :class:`Edge`;
:func:`draw_graph` draws it so that it teaches backpropagation:

* forward: grey arrows left to right, each node's forward value written beside it;
* backward: each gradient travels on its own red arrow, drawn beside the forward
  edge and pointing the other way (right to left), its value written by it;
* each node may carry its *local* gradient (violet), so that
  "upstream × local = downstream" can be checked on the figure;
* no gradient flows into a data node (kind ``"input"``): such an edge is refused.

Texts are placed by measuring them with matplotlib's renderer: each value,
local gradient and gradient takes the first of its candidate places where it
overlaps no other text, node or arrow (:func:`text_overlaps` is the measure the
tests use too). The builders in :mod:`nbnp.draw.neuron`,
:mod:`nbnp.draw.batch_neuron`, :mod:`nbnp.draw.network` and
:mod:`nbnp.draw.hidden` run nbnp and turn the run into such a graph, so a
figure never holds a typed number. Figures have a white background, legible
in light and dark page themes, and contain nothing random.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch
from matplotlib.text import Text
from matplotlib.transforms import Bbox

__all__ = ["GRAD_COLOR", "LOCAL_COLOR", "NODE_KINDS", "Edge", "Node", "draw_graph", "text_overlaps"]

#: Colour of backward gradients (their arrows and texts).
GRAD_COLOR = "#c0392b"
#: Colour of a node's local gradient.
LOCAL_COLOR = "#7d3c98"

#: Fill and outline colour of each node kind.
NODE_KINDS: dict[str, tuple[str, str]] = {
    "input": ("#d5f5e3", "#1e8449"),  # data and labels: green, as in the article
    "param": ("#d6eaf8", "#1f618d"),  # weights and biases: blue
    "op": ("#fdebd0", "#b9770e"),  # linear and activation nodes: orange
    "loss": ("#f2f3f4", "#2c3e50"),  # the loss or cost: grey box
}

_RADIUS = 0.34  # node radius (half-width of a box) in data units
_BACK = 0.17  # distance of a backward arrow from its forward edge, data units
_GAP = 3.0  # pixels kept free around every text (at 100 dpi)


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
        Forward value written beside the node (``"z = 0.000"``), already formatted.
    kind : {"input", "param", "op", "loss"}, optional
        Sets the colour; ``"loss"`` is drawn as a box (wide enough for its
        label), the others as circles. No gradient flows into an ``"input"``.
    highlight : bool, optional
        Draw with a thick outline and bold value: the node computed in this step.
    value_side : {"below", "above"}, optional
        Where the value is written first; if it would overlap something there
        it goes to the other side, then beside the node.
    local : str, optional
        The node's local gradient (``"∂ŷ/∂z = σ′(z) = 0.250"``), in violet.
    """

    name: str
    label: str
    position: tuple[float, float]
    value: str = ""
    kind: str = "op"
    highlight: bool = False
    value_side: str = "below"
    local: str = ""


@dataclass(frozen=True)
class Edge:
    """A directed edge ``src → dst`` (the forward direction).

    Attributes
    ----------
    src, dst : str
        Names of the nodes it joins.
    grad : str, optional
        Backward gradient: drawn as a red arrow ``dst → src`` beside the
        edge, with this text by it (``"∂L/∂z = 0.125"``). Not allowed when
        ``src`` is a data node (kind ``"input"``).
    highlight : bool, optional
        Draw the backward arrow and its text bold: the gradient computed in this step.
    """

    src: str
    dst: str
    grad: str = ""
    highlight: bool = False


def _check_node(i: int, node: object, by_name: dict[str, Node]) -> None:
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


def _check_graph(nodes: list[Node], edges: list[Edge]) -> dict[str, Node]:
    """Validate nodes and edges; return the nodes by name."""
    if not isinstance(nodes, (list, tuple)) or not nodes:
        raise ValueError(f"nodes must be a non-empty list of Node, but received {nodes!r:.80}")
    if not isinstance(edges, (list, tuple)):
        raise TypeError(f"edges must be a list of Edge, but received {type(edges).__name__}")
    by_name: dict[str, Node] = {}
    for i, node in enumerate(nodes):
        _check_node(i, node, by_name)
        by_name[node.name] = node
    for i, edge in enumerate(edges):
        if not isinstance(edge, Edge):
            raise TypeError(f"edges[{i}] must be a nbnp.Edge, but received {type(edge).__name__}")
        for end in (edge.src, edge.dst):
            if end not in by_name:
                raise ValueError(f"edges[{i}] refers to node {end!r}, which is not in nodes")
        if edge.src == edge.dst:
            raise ValueError(f"edges[{i}] joins node {edge.src!r} to itself")
        if edge.grad and by_name[edge.src].kind == "input":
            raise ValueError(
                f"edges[{i}] carries a gradient into the data node {edge.src!r}: "
                "no gradient flows into data (kind 'input'), give it grad=''"
            )
    return by_name


def _half_width(node: Node) -> float:
    """Half the width of a node: a loss box grows with its label."""
    if node.kind != "loss":
        return _RADIUS
    return max(_RADIUS, 0.1 + 0.085 * len(node.label.replace("$", "")))


def _draw_node(ax: Axes, node: Node) -> None:
    face, line = NODE_KINDS[node.kind]
    x, y = node.position
    width = 3.0 if node.highlight else 1.5
    if node.kind == "loss":
        h, r = _half_width(node), _RADIUS
        patch = FancyBboxPatch(
            (x - h, y - r), 2 * h, 2 * r, boxstyle="round,pad=0.02", fc=face, ec=line, lw=width, zorder=2
        )
    else:
        patch = Circle((x, y), _RADIUS, fc=face, ec=line, lw=width, zorder=2)
    ax.add_patch(patch)
    size = 13 if node.kind != "loss" else 12
    ax.text(x, y, node.label, ha="center", va="center", fontsize=size, color="black", zorder=3)


def _ends(src: Node, dst: Node) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Start and end of the forward edge on the nodes' rims, and its unit direction."""
    p0, p1 = np.array(src.position, float), np.array(dst.position, float)
    u = (p1 - p0) / np.hypot(*(p1 - p0))
    rim = lambda node, s: node.position + s * u * (  # noqa: E731
        _RADIUS if node.kind != "loss" or abs(u[0]) < 0.5 else _half_width(node)
    )
    return rim(src, 1.0), rim(dst, -1.0) - 0.03 * u, u


def _back_side(u: np.ndarray) -> np.ndarray:
    """Unit normal on the side where the backward arrow runs.

    Below a rising or level edge, above a falling one (so that the arrows of edges
    fanning into one node lie outside the fan), left of a vertical one.
    """
    if abs(u[0]) < 0.3:  # a (nearly) vertical edge: on its left
        return np.array([-abs(u[1]), u[0] * np.sign(u[1])])
    n = np.array([u[1], -u[0]])
    return -n if u[1] < 0 else n


def _arrow(ax: Axes, start, end, color: str, lw: float, zorder: int) -> FancyArrowPatch:
    arrow = FancyArrowPatch(
        tuple(start), tuple(end), arrowstyle="-|>", mutation_scale=12, color=color, lw=lw, zorder=zorder,
        shrinkA=0, shrinkB=0,
    )
    ax.add_patch(arrow)
    return arrow


def _draw_edge(ax: Axes, edge: Edge, src: Node, dst: Node) -> list[tuple[np.ndarray, np.ndarray]]:
    """Draw the forward arrow and, with a gradient, the backward one; return their segments."""
    start, end, u = _ends(src, dst)
    _arrow(ax, start, end, "#555555", 1.2, 1)
    segments = [(start, end)]
    if edge.grad:
        n = _back_side(u)
        inset = 0.12 * (end - start)
        b0, b1 = end - inset + _BACK * n, start + inset + _BACK * n
        _arrow(ax, b0, b1, GRAD_COLOR, 2.4 if edge.highlight else 1.4, 1)
        segments.append((b0, b1))
    return segments


# --- placing texts ---------------------------------------------------------------


def _renderer(fig: Figure):
    fig.canvas.draw()
    return fig.canvas.get_renderer()


def _free(box: Bbox, boxes: list[Bbox], segments: list[tuple[np.ndarray, np.ndarray]]) -> bool:
    grown = box.padded(_GAP)
    if any(grown.overlaps(other) for other in boxes):
        return False
    return not any(_segment_hits(grown, a, b) for a, b in segments)


def _segment_hits(box: Bbox, a: np.ndarray, b: np.ndarray) -> bool:
    """Whether the segment a-b (display coordinates) passes through the box."""
    t = np.linspace(0.0, 1.0, 60)[:, None]
    pts = a + t * (b - a)
    inside = (pts[:, 0] > box.x0) & (pts[:, 0] < box.x1) & (pts[:, 1] > box.y0) & (pts[:, 1] < box.y1)
    return bool(inside.any())


def _place(text: Text, candidates, renderer, boxes, segments) -> None:
    """Move ``text`` to the first candidate where it is free; keep its box as an obstacle.

    A candidate is (anchor point in display coordinates, unit direction): the
    text is put beside the anchor, in that direction, its near side touching it.
    """
    best, best_box = None, None
    for point, d in candidates:
        text.set_position((0, 0))
        w, h = text.get_window_extent(renderer).size
        shift = abs(d[0]) * w / 2 + abs(d[1]) * h / 2 + 2 * _GAP
        centre = np.asarray(point) + np.asarray(d) * shift
        text.set_position(tuple(centre))
        box = text.get_window_extent(renderer)
        if best is None:
            best, best_box = centre, box
        if _free(box, boxes, segments):
            best, best_box = centre, box
            break
    text.set_position(tuple(best))
    boxes.append(best_box)


def _display_text(ax: Axes, s: str, color: str, size: float, bold: bool = False, box: bool = False) -> Text:
    """A centred text positioned in display pixels (moved by :func:`_place`)."""
    return ax.text(
        0,
        0,
        s,
        ha="center",
        va="center",
        fontsize=size,
        color=color,
        fontweight="bold" if bold else "normal",
        transform=None,
        zorder=5,
        bbox={"boxstyle": "round,pad=0.12", "fc": "white", "ec": "none", "alpha": 0.9} if box else None,
    )


_SIDES = {"below": (0.0, -1.0), "above": (0.0, 1.0), "right": (1.0, 0.0), "left": (-1.0, 0.0)}


def _node_candidates(ax: Axes, node: Node, first: str):
    """Places beside a node: the preferred side, the other, then right and left."""
    order = [first, "above" if first == "below" else "below", "right", "left"]
    to_px = ax.transData.transform
    x, y = node.position
    out = []
    for side in order:
        d = np.array(_SIDES[side])
        reach = _RADIUS if d[0] == 0 else _half_width(node)
        for away in (0.02, 0.6, 1.2, 1.8):
            for along in (0.0, 0.35, -0.35, 0.9, 1.4, 2.0):
                p = np.array([x, y]) + d * (reach + away) + np.array([d[1], d[0]]) * along * (d[0] == 0)
                out.append((to_px(p), d))
    return out


def _edge_candidates(ax: Axes, src: Node, dst: Node):
    """Places by a backward arrow: along it, on its far side first, then the forward side."""
    start, end, u = _ends(src, dst)
    n = _back_side(u)
    to_px = ax.transData.transform
    pn = to_px(n) - to_px((0.0, 0.0))
    pn = pn / np.hypot(*pn)
    out = []
    for sign, offset in ((1.0, _BACK + 0.02), (-1.0, 0.02), (1.0, _BACK + 0.4), (-1.0, 0.4)):
        for t in (0.5, 0.38, 0.62, 0.26, 0.74, 0.16, 0.84, 0.08):
            p = start + t * (end - start) + sign * offset * n
            out.append((to_px(p), sign * pn))
    return out


def _fit_labels(ax: Axes, renderer) -> None:
    """Shrink a node's label until it fits inside its circle or box."""
    shapes = [p for p in ax.patches if not isinstance(p, FancyArrowPatch)]
    for patch, text in zip(shapes, ax.texts):
        room = patch.get_window_extent(renderer).width * 0.8
        while text.get_window_extent(renderer).width > room and text.get_fontsize() > 8:
            text.set_fontsize(text.get_fontsize() - 0.5)


def _place_texts(ax: Axes, nodes: list[Node], edges: list[Edge], by_name, segments) -> None:
    fig = ax.figure
    renderer = _renderer(fig)
    _fit_labels(ax, renderer)
    to_px = ax.transData.transform
    boxes = [p.get_window_extent(renderer) for p in ax.patches if not isinstance(p, FancyArrowPatch)]
    boxes += [t.get_window_extent(renderer) for t in ax.texts]
    if ax.get_title():
        boxes.append(ax.title.get_window_extent(renderer))
    px_segments = [(to_px(a), to_px(b)) for a, b in segments]
    for node in nodes:
        if node.value:
            text = _display_text(ax, node.value, "black", 10, node.highlight)
            _place(text, _node_candidates(ax, node, node.value_side), renderer, boxes, px_segments)
    # Level edges first: along a chain of nodes their texts have the least room.
    level = lambda e: abs(by_name[e.src].position[1] - by_name[e.dst].position[1]) > 1e-9  # noqa: E731
    for edge in sorted(edges, key=level):
        if edge.grad:
            text = _display_text(ax, edge.grad, GRAD_COLOR, 10, edge.highlight, box=True)
            cands = _edge_candidates(ax, by_name[edge.src], by_name[edge.dst])
            _place(text, cands, renderer, boxes, px_segments)
    for node in nodes:
        if node.local:
            other = "above" if node.value_side == "below" else "below"
            text = _display_text(ax, node.local, LOCAL_COLOR, 10)
            _place(text, _node_candidates(ax, node, other), renderer, boxes, px_segments)
    _to_data_coordinates(ax)


def _to_data_coordinates(ax: Axes) -> None:
    """Texts placed in pixels move to data coordinates, so a resized figure keeps them in place."""
    inv = ax.transData.inverted()
    for text in ax.texts:
        if text.get_transform() is not ax.transData and text is not ax.title:
            xy = inv.transform(text.get_position())
            text.set_transform(ax.transData)
            text.set_position(tuple(xy))


def draw_graph(
    nodes: list[Node],
    edges: list[Edge],
    ax: Axes | None = None,
    title: str = "",
    scale: float = 0.95,
) -> Axes:
    """Draw a computational graph: labelled nodes, forward values, gradients on backward arrows.

    Parameters
    ----------
    nodes : list of Node
        The nodes; names must be unique.
    edges : list of Edge
        Forward edges between named nodes; an edge with a ``grad`` text also
        gets a red backward arrow, pointing from ``dst`` to ``src``, with that text.
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
        On duplicate node names, an unknown kind, a bad position, an edge
        to an unknown node or to itself, or a gradient into a data node.
    """
    by_name = _check_graph(nodes, edges)
    xs = [n.position[0] for n in nodes]
    ys = [n.position[1] for n in nodes]
    left, right = min(xs) - 1.1, max(xs) + 1.1
    bottom, top = min(ys) - 1.0, max(ys) + 1.0
    if ax is None:
        size = (max(3.0, (right - left) * scale), max(2.0, (top - bottom) * scale))
        ax = plt.subplots(figsize=size)[1]
    ax.figure.patch.set_facecolor("white")
    ax.set_facecolor("white")
    ax.set_xlim(left, right)
    ax.set_ylim(bottom, top)
    ax.set_aspect("equal")
    ax.axis("off")
    if title:
        ax.set_title(title, color="black")
    segments = []
    for edge in edges:
        segments += _draw_edge(ax, edge, by_name[edge.src], by_name[edge.dst])
    for node in nodes:
        _draw_node(ax, node)
    ax.apply_aspect()
    _place_texts(ax, nodes, edges, by_name, segments)
    return ax


# --- measuring a drawn figure ---------------------------------------------------------


def _figure_texts(fig: Figure, renderer) -> list[tuple[str, Bbox]]:
    """Every visible, non-empty text of a figure with its box in pixels (tick labels included)."""
    drawn, ticks = set(), set()
    for ax in fig.axes:
        for axis in ax._axis_map.values():
            for tick in axis.majorTicks + axis.minorTicks:
                ticks |= {id(tick.label1), id(tick.label2)}
            if not ax.axison or not axis.get_visible():
                continue
            for tick in axis._update_ticks():  # only the ticks inside the view are drawn
                drawn |= {id(tick.label1), id(tick.label2)}
    out = []
    for artist in fig.findobj(Text):
        if not artist.get_visible() or not artist.get_text().strip():
            continue
        if id(artist) in ticks and id(artist) not in drawn:
            continue
        if artist.axes is not None and not artist.axes.get_visible():
            continue
        out.append((artist.get_text(), artist.get_window_extent(renderer)))
    return out


def _edge_paths(fig: Figure) -> list[tuple[np.ndarray, np.ndarray]]:
    """The drawn segments of every graph arrow, in pixels."""
    out = []
    for ax in fig.axes:
        for patch in ax.patches:
            if isinstance(patch, FancyArrowPatch):
                a, b = patch._posA_posB  # the arrow's two ends, in data coordinates
                out.append((ax.transData.transform(a), ax.transData.transform(b)))
    return out


def text_overlaps(fig: Figure, tolerance: float = 1.0) -> list[str]:
    """Every pair of texts whose boxes overlap, and every text an arrow passes through.

    Measures the boxes with the figure's renderer (``get_window_extent``), so
    what is checked is what is drawn.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    tolerance : float, optional
        Pixels two boxes may share before they count as overlapping (default 1).

    Returns
    -------
    list of str
        One line per problem, empty when every text stands free.
    """
    renderer = _renderer(fig)
    texts = _figure_texts(fig, renderer)
    problems = []
    for i, (a, box_a) in enumerate(texts):
        shrunk = box_a.padded(-tolerance)
        for b, box_b in texts[i + 1 :]:
            if shrunk.overlaps(box_b.padded(-tolerance)):
                problems.append(f"texts overlap: {a!r} and {b!r}")
    for a, box in texts:
        for p, q in _edge_paths(fig):
            if _segment_hits(box.padded(-tolerance), p, q):
                problems.append(f"an arrow crosses the text {a!r}")
                break
    return problems
