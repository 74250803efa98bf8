"""The computational-graph engine: nodes, edges, and a drawer for any graph (matplotlib).

A graph is a list of :class:`Node` and a list of :class:`Edge`;
:func:`draw_graph` draws it so that it teaches backpropagation:

* forward: grey arrows left to right, each node's forward value written beside it;
* backward: each gradient travels on its own red arrow, drawn beside the forward
  edge and pointing the other way (right to left), its value written by it;
* each node may carry its *local* gradient (violet), so that
  "upstream × local = downstream" can be checked on the figure;
* no gradient flows into a data node (kind ``"input"``): such an edge is refused.

Texts are placed by measuring them with matplotlib's renderer
(:mod:`nbnp.draw.place`): each value, local gradient and gradient takes the
first of its candidate places (:mod:`nbnp.draw.layout`) where it overlaps no
other text, node or arrow and stands nearer its own node or arrow than any
other (:func:`text_overlaps` and :func:`nbnp.draw.place.misplaced_texts` are the measures the
tests use too). Nodes keep their size on paper whatever the scale, so their
labels stay legible. The builders in :mod:`nbnp.draw.neuron`,
:mod:`nbnp.draw.batch_neuron`, :mod:`nbnp.draw.network` and
:mod:`nbnp.draw.hidden` run nbnp and turn the run into such a graph, so a
figure never holds a typed number. Figures have a white background, legible
in light and dark page themes, and contain nothing random.

**Phone layouts.** A graph drawn left to right for a 672 px column cannot show its
texts at 9 px in a phone's 358 px column. Some builders therefore also lay their
graph out for a phone (``layout="phone"``: top to bottom, the longer texts on short
lines, sometimes fewer of them), and ``draw_graph(..., phone=True)`` draws it on a
:class:`PhoneFigure`, shown :data:`PHONE_WIDTH_PX` wide with its texts at 9 px or
more. A book cell tagged ``nbnp-phone`` stores each figure as a pair, its desktop
layout then its phone layout; the book's pages show one of the two by the screen's
width (``_static/phone-figures.js``). Jupyter and the PDF show the desktop layout
only (:meth:`PhoneFigure._repr_markdown_`).
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

from nbnp.draw.layout import (
    LABEL_SIZE,
    OPPOSITE,
    Geometry,
    back_side,
    edge_candidates,
    ends,
    half_width,
    node_candidates,
)
from nbnp.draw.place import (
    attachment_check,
    display_text,
    fit_labels,
    place,
    renderer_of,
    text_overlaps,
)

__all__ = [
    "GRAD_COLOR",
    "LOCAL_COLOR",
    "NODE_KINDS",
    "PHONE_LEAST_DPI",
    "PHONE_MARKDOWN",
    "PHONE_SCALE",
    "PHONE_WIDTH_PX",
    "Edge",
    "Node",
    "PhoneFigure",
    "draw_graph",
    "text_overlaps",
]

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

#: Width in CSS pixels at which a phone layout is shown at its own size (a 390 px phone's column
#: is 358 px wide): :meth:`PhoneFigure.fit_width` sets the figure's dpi to that.
PHONE_WIDTH_PX = 350
#: The least dpi of a phone layout — its 10 pt texts then show at 10 px or more. A phone layout
#: must therefore be at most ``PHONE_WIDTH_PX / PHONE_LEAST_DPI`` (4.9) inches wide.
PHONE_LEAST_DPI = 72
#: Inches per data unit of a phone layout — the positions of the builders' ``layout="phone"``.
PHONE_SCALE = 0.5


#: What a phone layout offers as Markdown — a comment, which Jupyter and the PDF show as nothing.
PHONE_MARKDOWN = "<!-- the phone layout of the figure above, for the book's narrow screens -->"


class PhoneFigure(Figure):
    """A figure drawn for a phone's column, the narrow-screen twin of the figure drawn before it.

    It is an ordinary figure, shown by the inline backend as a PNG, whose dpi
    :meth:`fit_width` sets so that it is :data:`PHONE_WIDTH_PX` wide. It also offers
    a Markdown text that shows nothing (an HTML comment): Jupyter's front ends prefer
    Markdown to a PNG, so a reader running the chapter sees the desktop layout only,
    and so does the PDF (``_config.yml`` gives Markdown the priority there), while the
    book's HTML (myst-nb prefers a PNG) keeps both and shows this one on narrow screens.
    """

    def fit_width(self) -> None:
        """Set the dpi at which the drawn figure, cropped as the book crops it, is PHONE_WIDTH_PX wide.

        Texts are measured at the pixel size they are drawn at: the width is measured at
        twice the dpi (the PNG the book stores), and again at the new dpi, a few times.
        """
        pad, dpi = plt.rcParams["savefig.pad_inches"], self.dpi
        for _ in range(3):
            self.set_dpi(2 * dpi)
            dpi = PHONE_WIDTH_PX / (self.get_tightbbox(renderer_of(self)).width + 2 * pad)
        self.set_dpi(dpi)

    def _repr_markdown_(self) -> str:
        """A comment, which shows nothing: this layout is for the book's narrow screens only.

        Not empty: myst-nb drops an output that renders to nothing before it chooses
        between an output's formats, and the PDF would then print the PNG.
        """
        return PHONE_MARKDOWN

    def __repr__(self) -> str:
        """The same on every machine (the size in pixels follows the drawn texts)."""
        return f"<phone layout with {len(self.axes)} Axes>"


# Matplotlib gives every subclass of a figure a ``set`` method of its own, the same as the
# figure's, whose docstring uses a role of Matplotlib's own documentation (the API reference
# would fail on it): the inherited one serves.
del PhoneFigure.set


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
    value_side : {"below", "above", "left", "right"}, optional
        Where the value is written first; if it would overlap something there
        it goes to the opposite side, then to the other two.
    local : str, optional
        The node's local gradient (``"∂ŷ/∂z = σ′(z) = 0.250"``), in violet.
    local_side : {"", "below", "above", "left", "right"}, optional
        Where the local gradient is written first; default the side opposite the value.
    """

    name: str
    label: str
    position: tuple[float, float]
    value: str = ""
    kind: str = "op"
    highlight: bool = False
    value_side: str = "below"
    local: str = ""
    local_side: str = ""


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
    for field, side in (("value_side", node.value_side), ("local_side", node.local_side or "below")):
        if side not in OPPOSITE:
            raise ValueError(f"node {node.name!r}: {field} must be one of {list(OPPOSITE)}, got {side!r}")
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


def _draw_node(ax: Axes, node: Node, geo: Geometry) -> None:
    face, line = NODE_KINDS[node.kind]
    x, y = node.position
    width = 3.0 if node.highlight else 1.5
    if node.kind == "loss":
        h, r = half_width(node, geo), geo.radius
        patch = FancyBboxPatch(
            (x - h, y - r), 2 * h, 2 * r, boxstyle="round,pad=0.02", fc=face, ec=line, lw=width, zorder=2
        )
    else:
        patch = Circle((x, y), geo.radius, fc=face, ec=line, lw=width, zorder=2)
    patch.set_gid(f"node:{node.name}")
    ax.add_patch(patch)
    size = LABEL_SIZE if node.kind != "loss" else LABEL_SIZE - 1
    ax.text(
        x,
        y,
        node.label,
        ha="center",
        va="center",
        fontsize=size,
        color="black",
        zorder=3,
        gid=f"label:{node.name}",
    )


def _arrow(ax: Axes, start, end, color: str, lw: float, gid: str) -> FancyArrowPatch:
    arrow = FancyArrowPatch(
        tuple(start),
        tuple(end),
        arrowstyle="-|>",
        mutation_scale=12,
        color=color,
        lw=lw,
        zorder=1,
        shrinkA=0,
        shrinkB=0,
        gid=gid,
    )
    ax.add_patch(arrow)
    return arrow


def _draw_edge(
    ax: Axes, edge: Edge, src: Node, dst: Node, geo: Geometry, fan_in: bool = False
) -> list[tuple[np.ndarray, ...]]:
    """Draw the forward arrow and, with a gradient, the backward one; return their segments."""
    start, end, u = ends(src, dst, geo)
    _arrow(ax, start, end, "#555555", 1.2, f"edge:{edge.src}>{edge.dst}")
    segments = [(start, end)]
    if edge.grad:
        n = back_side(u, geo.down, fan_in)
        inset = 0.12 * (end - start)
        b0, b1 = end - inset + geo.back * n, start + inset + geo.back * n
        _arrow(ax, b0, b1, GRAD_COLOR, 2.4 if edge.highlight else 1.4, f"back:{edge.src}>{edge.dst}")
        segments.append((b0, b1))
    return segments


# --- placing texts ---------------------------------------------------------------


def _place_texts(ax: Axes, nodes: list[Node], edges: list[Edge], by_name, segments, geo: Geometry) -> None:
    fig = ax.figure
    renderer = renderer_of(fig)
    fit_labels(ax, renderer)
    to_px = ax.transData.transform
    boxes = [p.get_window_extent(renderer) for p in ax.patches if not isinstance(p, FancyArrowPatch)]
    boxes += [t.get_window_extent(renderer) for t in ax.texts]
    if ax.get_title():
        boxes.append(ax.title.get_window_extent(renderer))
    px_segments = [(to_px(a), to_px(b)) for a, b in segments]

    def put(s: str, color: str, gid: str, cands, bold: bool = False, box: bool = False) -> None:
        text = display_text(ax, s, color, gid, bold, box)
        place(text, cands, renderer, boxes, px_segments, attachment_check(fig, renderer, gid))

    for node in nodes:
        if node.value:
            cands = node_candidates(ax, node, node.value_side, geo)
            put(node.value, "black", f"value:{node.name}", cands, node.highlight)
    # Edges along the flow first (level, or upright in a graph that flows down): along a chain of
    # nodes their texts have the least room.
    across = 0 if geo.down else 1
    level = lambda e: abs(by_name[e.src].position[across] - by_name[e.dst].position[across]) > 1e-9  # noqa: E731
    leaving = {name: sum(e.src == name for e in edges) for name in by_name}
    entering = {name: sum(e.dst == name for e in edges) for name in by_name}
    for edge in sorted(edges, key=level):
        if edge.grad:
            toward = _toward(leaving[edge.src], entering[edge.dst]) if geo.down else ""
            fan_in = entering[edge.dst] > 1
            cands = edge_candidates(ax, by_name[edge.src], by_name[edge.dst], geo, toward, fan_in)
            put(edge.grad, GRAD_COLOR, f"grad:{edge.src}>{edge.dst}", cands, edge.highlight, box=True)
    for node in nodes:
        if node.local:
            other = node.local_side or OPPOSITE[node.value_side]
            put(node.local, LOCAL_COLOR, f"local:{node.name}", node_candidates(ax, node, other, geo))
    _to_data_coordinates(ax)


def _flows_down(edges: list[Edge], by_name: dict[str, Node]) -> bool:
    """Whether most edges run more up or down than sideways (a phone layout drawn top to bottom)."""
    upright = 0
    for edge in edges:
        (x0, y0), (x1, y1) = by_name[edge.src].position, by_name[edge.dst].position
        upright += 1 if abs(y1 - y0) > abs(x1 - x0) else -1
    return upright > 0


def _toward(fan_out: int, fan_in: int) -> str:
    """The end of an edge where its text goes first: away from a node that many such edges leave
    (``fan_out``, at the edge's start) or enter (``fan_in``, at its end), where they crowd."""
    if fan_out == fan_in:
        return ""
    return "dst" if fan_out > fan_in else "src"


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
    scale: float | None = None,
    phone: bool = False,
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
        Inches per data unit for a new figure; default 0.95, or :data:`PHONE_SCALE`
        with ``phone=True``.
    phone : bool, optional
        The graph is a phone layout (a builder's ``layout="phone"``): where most of its
        edges run up or down, it flows top to bottom (backward arrows and their texts
        placed accordingly, :func:`nbnp.draw.layout.back_side`), and a new figure is a
        :class:`PhoneFigure`, :data:`PHONE_WIDTH_PX` wide. On an ``ax`` of a
        PhoneFigure, call its :meth:`~PhoneFigure.fit_width` once everything is drawn.

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
    new_figure = ax is None
    if new_figure:
        scale = scale if scale is not None else PHONE_SCALE if phone else 0.95
        size = (max(3.0, (right - left) * scale), max(2.0, (top - bottom) * scale))
        extra = {"dpi": PHONE_LEAST_DPI, "FigureClass": PhoneFigure} if phone else {}
        ax = plt.subplots(figsize=size, **extra)[1]
    ax.figure.patch.set_facecolor("white")
    ax.set_facecolor("white")
    ax.set_xlim(left, right)
    ax.set_ylim(bottom, top)
    ax.set_aspect("equal")
    ax.axis("off")
    if title:
        ax.set_title(title, color="black")
    ax.set_gid("nbnp-graph")
    geo = Geometry.of(ax, down=phone and _flows_down(edges, by_name))
    segments = []
    for edge in edges:
        fan_in = sum(e.dst == edge.dst for e in edges) > 1
        segments += _draw_edge(ax, edge, by_name[edge.src], by_name[edge.dst], geo, fan_in)
    for node in nodes:
        _draw_node(ax, node, geo)
    _place_texts(ax, nodes, edges, by_name, segments, geo)
    if phone and new_figure:
        ax.figure.fit_width()
    return ax
