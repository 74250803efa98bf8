"""Placing a graph's texts with matplotlib's renderer, and measuring a drawn figure.

Every value, local gradient and gradient takes the first of its candidate
places (:mod:`nbnp.draw.layout`) where its box, measured by the renderer,
overlaps no other text, node or arrow *and* lies nearer to its own node (or
its own backward arrow) than to any other, so that a reader never pins it on
the wrong one. :func:`text_overlaps` and :func:`misplaced_texts` measure a
drawn figure the same way; the tests run them on every figure of the book.

Each text the engine draws carries a ``gid`` naming what it belongs to:
``"label:<node>"``, ``"value:<node>"``, ``"local:<node>"`` or
``"grad:<src>><dst>"``; each node patch ``"node:<name>"`` and each backward
arrow ``"back:<src>><dst>"``.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch
from matplotlib.text import Text
from matplotlib.transforms import Bbox

__all__ = ["ATTACH_MARGIN", "misplaced_texts", "shown_text_sizes", "text_overlaps"]

_GAP = 3.0  # pixels kept free around every text (at 100 dpi)
#: Pixels by which a text must be nearer its own node or arrow than any other.
ATTACH_MARGIN = 2.0


def renderer_of(fig: Figure):
    """Draw the figure once and return its renderer (text boxes are measured with it)."""
    fig.canvas.draw()
    return fig.canvas.get_renderer()


def segment_hits(box: Bbox, a: np.ndarray, b: np.ndarray) -> bool:
    """Whether the segment a-b (display coordinates) passes through the box.

    Parameters
    ----------
    box : matplotlib.transforms.Bbox
    a, b : numpy.ndarray, shape (2,)
    """
    t = np.linspace(0.0, 1.0, 60)[:, None]
    pts = a + t * (b - a)
    inside = (pts[:, 0] > box.x0) & (pts[:, 0] < box.x1) & (pts[:, 1] > box.y0) & (pts[:, 1] < box.y1)
    return bool(inside.any())


def _box_point_distance(box: Bbox, p: np.ndarray) -> float:
    dx = max(box.x0 - p[0], 0.0, p[0] - box.x1)
    dy = max(box.y0 - p[1], 0.0, p[1] - box.y1)
    return float(np.hypot(dx, dy))


def _box_box_distance(a: Bbox, b: Bbox) -> float:
    dx = max(a.x0 - b.x1, 0.0, b.x0 - a.x1)
    dy = max(a.y0 - b.y1, 0.0, b.y0 - a.y1)
    return float(np.hypot(dx, dy))


def _box_segment_distance(box: Bbox, a: np.ndarray, b: np.ndarray) -> float:
    t = np.linspace(0.0, 1.0, 41)[:, None]
    return min(_box_point_distance(box, p) for p in a + t * (b - a))


def _free(box: Bbox, boxes: list[Bbox], segments: list[tuple[np.ndarray, np.ndarray]]) -> bool:
    grown = box.padded(_GAP)
    if any(grown.overlaps(other) for other in boxes):
        return False
    return not any(segment_hits(grown, a, b) for a, b in segments)


def place(text: Text, candidates, renderer, boxes, segments, attached: Callable[[Bbox], bool]) -> None:
    """Move ``text`` to the first candidate where it is free and attached; keep its box as an obstacle.

    A candidate is (anchor point in display coordinates, unit direction): the
    text is put beside the anchor, in that direction, its near side touching it.
    Where no candidate is both, the first free one; where none is free, the first.
    """
    first = free = None
    for point, d in candidates:
        text.set_position((0, 0))
        w, h = text.get_window_extent(renderer).size
        shift = abs(d[0]) * w / 2 + abs(d[1]) * h / 2 + 2 * _GAP
        centre = np.asarray(point) + np.asarray(d) * shift
        text.set_position(tuple(centre))
        box = text.get_window_extent(renderer)
        first = first or (centre, box)
        if _free(box, boxes, segments):
            free = free or (centre, box)
            if attached(box):
                free = (centre, box)
                break
    centre, box = free or first
    text.set_position(tuple(centre))
    boxes.append(box)


def display_text(ax: Axes, s: str, color: str, gid: str, bold: bool = False, box: bool = False) -> Text:
    """A centred 10 pt text positioned in display pixels (moved by :func:`place`)."""
    return ax.text(
        0,
        0,
        s,
        ha="center",
        va="center",
        fontsize=10,
        color=color,
        fontweight="bold" if bold else "normal",
        transform=None,
        zorder=5,
        gid=gid,
        bbox={"boxstyle": "round,pad=0.12", "fc": "white", "ec": "none", "alpha": 0.9} if box else None,
    )


def fit_labels(ax: Axes, renderer, least: float = 8.0) -> None:
    """Shrink each node's label until its box lies inside its circle (or box) with a margin."""
    shapes = {p.get_gid(): p for p in ax.patches if (p.get_gid() or "").startswith("node:")}
    for text in ax.texts:
        gid = text.get_gid() or ""
        if not gid.startswith("label:"):
            continue
        shape = shapes["node:" + gid[len("label:") :]].get_window_extent(renderer)
        while not _inside(text.get_window_extent(renderer), shape) and text.get_fontsize() > least:
            text.set_fontsize(text.get_fontsize() - 0.5)


def _inside(box: Bbox, shape: Bbox, margin: float = 0.12) -> bool:
    """Whether the box fits in the circle (or, for a wide shape, the box) inscribed in ``shape``."""
    r = min(shape.width, shape.height) / 2 * (1 - margin)
    if shape.width > shape.height * 1.2:  # a loss box: width and height
        return box.width <= shape.width * (1 - margin) and box.height <= 2 * r
    return np.hypot(box.width / 2, box.height / 2) <= r


# --- which node or arrow is a text nearest to ----------------------------------------------


def _owners(fig: Figure, renderer) -> tuple[dict[str, Callable[[Bbox], float]], dict[str, Callable]]:
    """Distance functions from a box to every node and to every backward arrow, by name."""
    nodes, arrows = {}, {}
    for ax in fig.axes:
        for patch in ax.patches:
            gid = patch.get_gid() or ""
            if gid.startswith("node:"):
                nodes[gid[5:]] = _node_distance(patch.get_window_extent(renderer))
            elif gid.startswith("back:"):
                a, b = (ax.transData.transform(p) for p in patch._posA_posB)
                arrows[gid[5:]] = lambda box, a=a, b=b: _box_segment_distance(box, a, b)
    return nodes, arrows


def _node_distance(shape: Bbox) -> Callable[[Bbox], float]:
    if shape.width > shape.height * 1.2:  # a loss box
        return lambda box: _box_box_distance(box, shape)
    centre, r = np.array([shape.x0 + shape.x1, shape.y0 + shape.y1]) / 2, min(shape.width, shape.height) / 2
    return lambda box: max(_box_point_distance(box, centre) - r, 0.0)


def nearest_problem(gid: str, box: Bbox, nodes: dict, arrows: dict) -> str:
    """Why a text tagged ``gid`` is not unambiguously by its own node or arrow ('' when it is)."""
    kind, _, owner = gid.partition(":")
    table = arrows if kind == "grad" else nodes
    if kind not in ("value", "local", "grad") or owner not in table:
        return ""
    own = table[owner](box)
    rivals = [(f(box), name) for name, f in table.items() if name != owner]
    if rivals and min(rivals)[0] < own + ATTACH_MARGIN:
        near, other = min(rivals)
        what = "arrow" if kind == "grad" else "node"
        return f"is nearer the {what} {other!r} ({near:.0f} px) than its own {owner!r} ({own:.0f} px)"
    return ""


def attachment_check(fig: Figure, renderer, gid: str) -> Callable[[Bbox], bool]:
    """A test of a candidate box for the text ``gid``: by its own node or arrow, nearer than any other."""
    nodes, arrows = _owners(fig, renderer)
    return lambda box: not nearest_problem(gid, box, nodes, arrows)


# --- measuring a drawn figure ---------------------------------------------------------


def figure_texts(fig: Figure, renderer) -> list[Text]:
    """Every visible, non-empty text of a figure (tick labels included, where drawn)."""
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
        out.append(artist)
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
    renderer = renderer_of(fig)
    texts = [(t.get_text(), t.get_window_extent(renderer)) for t in figure_texts(fig, renderer)]
    problems = []
    for i, (a, box_a) in enumerate(texts):
        shrunk = box_a.padded(-tolerance)
        for b, box_b in texts[i + 1 :]:
            if shrunk.overlaps(box_b.padded(-tolerance)):
                problems.append(f"texts overlap: {a!r} and {b!r}")
    for a, box in texts:
        for p, q in _edge_paths(fig):
            if segment_hits(box.padded(-tolerance), p, q):
                problems.append(f"an arrow crosses the text {a!r}")
                break
    return problems


def misplaced_texts(fig: Figure) -> list[str]:
    """Every graph text nearer to another node (or backward arrow) than to its own.

    A node's value and local gradient must be nearer their node than any other
    node, a gradient nearer its own backward arrow than any other, by at least
    :data:`nbnp.draw.place.ATTACH_MARGIN` pixels, measured with the figure's renderer.

    Parameters
    ----------
    fig : matplotlib.figure.Figure

    Returns
    -------
    list of str
        One line per misplaced text, empty when each stands by its own.
    """
    renderer = renderer_of(fig)
    nodes, arrows = _owners(fig, renderer)
    problems = []
    for text in figure_texts(fig, renderer):
        why = nearest_problem(text.get_gid() or "", text.get_window_extent(renderer), nodes, arrows)
        if why:
            problems.append(f"the text {text.get_text()!r} {why}")
    return problems


def shown_text_sizes(fig: Figure, column_px: float, dpi: float | None = None) -> list[tuple[str, float]]:
    """The size in CSS pixels of each text of a graph figure, shown in a column ``column_px`` wide.

    The book stores a figure as a PNG cropped to its drawn content (IPython's
    inline backend, ``bbox_inches="tight"``), displayed at ``dpi`` pixels per
    inch (the figure's own dpi: 100 for the book's figures, 72 for a phone
    layout) and shrunk to the column where it is wider. Only figures that hold a
    graph drawn by :func:`nbnp.draw_graph` are measured (others return ``[]``).

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    column_px : float
        Width of the page's column in CSS pixels.
    dpi : float, optional
        CSS pixels per inch of a figure shown at its own size (default: the figure's dpi).

    Returns
    -------
    list of (str, float)
        Each text and its font size as shown, in CSS pixels.
    """
    if not any(ax.get_gid() == "nbnp-graph" for ax in fig.axes):
        return []
    renderer = renderer_of(fig)
    dpi = fig.dpi if dpi is None else dpi
    width_in = fig.get_tightbbox(renderer).width
    shrink = min(1.0, column_px / (width_in * dpi))
    return [(t.get_text(), t.get_fontsize() * dpi / 72 * shrink) for t in figure_texts(fig, renderer)]
