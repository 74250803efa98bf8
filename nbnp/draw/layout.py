"""Where a graph's shapes and texts go, in data units: node sizes, arrow ends, candidate places.

:class:`Geometry` fixes the size of the nodes and the distance of a backward
arrow from its forward edge large enough *on paper* (in inches), whatever the
scale of the graph, so that a node's label always fits inside its node with room to spare.
The other functions turn a node or an edge into the points where the drawing
(:mod:`nbnp.draw.graph`) puts arrows and where the placement
(:mod:`nbnp.draw.place`) tries each text, nearest places first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from matplotlib.axes import Axes

if TYPE_CHECKING:  # pragma: no cover
    from nbnp.draw.graph import Node

__all__ = [
    "LABEL_SIZE",
    "NODE_RADIUS",
    "NODE_RADIUS_IN",
    "OPPOSITE",
    "Geometry",
    "back_side",
    "edge_candidates",
    "ends",
    "half_width",
    "node_candidates",
]

#: Least node radius on paper, inches (26 px at the book's 100 dpi) — a node's
#: label, drawn at :data:`LABEL_SIZE` points, fits inside with a margin.
NODE_RADIUS_IN = 0.26
#: Node radius in data units where that is larger (graphs drawn at a large scale).
NODE_RADIUS = 0.34
#: Font size of a node's label, points.
LABEL_SIZE = 13.0

_SIDES = {"below": (0.0, -1.0), "above": (0.0, 1.0), "right": (1.0, 0.0), "left": (-1.0, 0.0)}
#: Where along an edge its gradient is tried, from its start (0) to its end (1) — middle first,
#: or, for a text kept away from a node where many edges meet, nearest the other end first.
_ALONG = (0.5, 0.38, 0.62, 0.26, 0.74, 0.16, 0.84, 0.08)
_TOWARD_DST = (0.84, 0.74, 0.92, 0.62, 0.5, 0.38, 0.26)
#: Shifts of a text beside a node, along the node's side, in a graph that flows down (a phone
#: layout, where texts beside a node have little room): finer, and on every side.
_ALONG_DOWN = (0.0, -0.3, 0.3, -0.6, 0.6, -0.9, 0.9)
#: The side opposite each side of a node (a node's local gradient goes opposite its value).
OPPOSITE = {"below": "above", "above": "below", "left": "right", "right": "left"}


@dataclass(frozen=True)
class Geometry:
    """Sizes of one drawn graph in its data units.

    Attributes
    ----------
    radius : float
        Node radius (half the height of a loss box).
    back : float
        Distance of a backward arrow from its forward edge.
    unit : float
        Data units per inch of paper.
    down : bool
        The graph flows top to bottom (a phone layout) instead of left to right.
    """

    radius: float
    back: float
    unit: float
    down: bool = False

    @property
    def scale(self) -> float:
        """How much larger than the default (:data:`NODE_RADIUS`) the nodes are, in data units."""
        return self.radius / NODE_RADIUS

    @classmethod
    def of(cls, ax: Axes, down: bool = False) -> Geometry:
        """The geometry of an axes whose limits and aspect are set (inches measured on its figure)."""
        ax.apply_aspect()
        width_in = ax.get_position().width * ax.figure.get_figwidth()
        unit = (ax.get_xlim()[1] - ax.get_xlim()[0]) / width_in
        radius = max(NODE_RADIUS, NODE_RADIUS_IN * unit)
        return cls(radius=radius, back=0.17 * radius / NODE_RADIUS, unit=unit, down=down)


def half_width(node: Node, geo: Geometry) -> float:
    """Half the width of a node: a loss box grows with its label."""
    if node.kind != "loss":
        return geo.radius
    return max(geo.radius, (0.1 + 0.085 * len(node.label.replace("$", ""))) * geo.scale)


def ends(src: Node, dst: Node, geo: Geometry) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Start and end of the forward edge on the nodes' rims, and its unit direction.

    Returns
    -------
    start, end, direction : numpy.ndarray, shape (2,)
        In data units.
    """
    p0, p1 = np.array(src.position, float), np.array(dst.position, float)
    u = (p1 - p0) / np.hypot(*(p1 - p0))

    def rim(node: Node, sign: float) -> np.ndarray:
        reach = geo.radius if node.kind != "loss" or abs(u[0]) < 0.5 else half_width(node, geo)
        return np.array(node.position, float) + sign * u * reach

    return rim(src, 1.0), rim(dst, -1.0) - 0.03 * geo.unit * u, u


def back_side(u: np.ndarray, down: bool = False, fan_in: bool = False) -> np.ndarray:
    """Unit normal on the side where the backward arrow runs.

    Below a rising or level edge, above a falling one (so that the arrows of edges
    fanning into one node lie outside the fan), left of a vertical one. In a graph
    that flows down (``down``): an edge into a node that others enter too
    (``fan_in``) follows the same rule turned a quarter clockwise (left of an edge
    going down to the right or straight down, right of one going down to the left:
    outside the fan); any other edge has its arrow on its right-hand side, seen
    walking along it, so that the arrows of a fan of edges leaving one node
    alternate with the edges, one arrow and its text in each gap.

    Parameters
    ----------
    u : numpy.ndarray, shape (2,)
        The edge's unit direction.
    down : bool, optional
        The graph flows top to bottom.
    fan_in : bool, optional
        Other edges enter the edge's end too.

    Returns
    -------
    numpy.ndarray, shape (2,)
    """
    if down and fan_in:  # the edge turned back a quarter, its side turned forward again
        n = back_side(np.array([-u[1], u[0]]))
        return np.array([n[1], -n[0]])
    if down:
        return np.array([u[1], -u[0]])
    if abs(u[0]) < 0.3:  # a (nearly) vertical edge: on its left
        return np.array([-abs(u[1]), u[0] * np.sign(u[1])])
    n = np.array([u[1], -u[0]])
    return -n if u[1] < 0 else n


def node_candidates(ax: Axes, node: Node, first: str, geo: Geometry) -> list[tuple[np.ndarray, np.ndarray]]:
    """Places beside a node, in display pixels: the preferred side, the opposite one, then the other two.

    Each is (anchor point, unit direction): the text goes beside the anchor, in
    that direction. Nearer places come before farther ones on each side.

    Returns
    -------
    list of (numpy.ndarray, numpy.ndarray), each of shape (2,)
    """
    order = [first, OPPOSITE[first]]
    order += [side for side in ("right", "left", "below", "above") if side not in order]
    to_px = ax.transData.transform
    x, y = node.position
    out = []
    alongs = _ALONG_DOWN if geo.down else (0.0, 0.35, -0.35, 0.9, -0.9, 1.4)
    for side in order:
        d = np.array(_SIDES[side])
        reach = geo.radius if d[0] == 0 else half_width(node, geo)
        for away in (0.02, 0.3, 0.6, 1.0):
            for along in alongs:
                shift = np.array([d[1], d[0]]) * along * (d[0] == 0 or geo.down) * geo.scale
                p = np.array([x, y]) + d * (reach + away * geo.scale) + shift
                out.append((to_px(p), d))
    return out


def edge_candidates(
    ax: Axes, src: Node, dst: Node, geo: Geometry, toward: str = "", fan_in: bool = False
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Places by a backward arrow, in pixels: along it, on its far side first, then the forward side.

    Along the arrow the middle comes first, unless ``toward`` (``"src"`` or ``"dst"``)
    names the end to prefer: the end away from a node where many edges meet, whose
    arrows leave no room between them (the graph's phone layouts ask for it).
    ``fan_in``: other edges enter ``dst`` too (:func:`back_side`).

    Returns
    -------
    list of (numpy.ndarray, numpy.ndarray), each of shape (2,)
        (anchor point, unit direction), as for :func:`node_candidates`.
    """
    start, end, u = ends(src, dst, geo)
    n = back_side(u, geo.down, fan_in)
    to_px = ax.transData.transform
    pn = to_px(n) - to_px((0.0, 0.0))
    pn = pn / np.hypot(*pn)
    out = []
    s = geo.scale
    sides = [(1.0, geo.back + 0.02 * s), (-1.0, 0.02 * s), (1.0, geo.back + 0.4 * s), (-1.0, 0.4 * s)]
    sides += [(1.0, geo.back + 0.8 * s), (-1.0, 0.8 * s)]
    along = {"": _ALONG, "dst": _TOWARD_DST, "src": tuple(1 - t for t in _TOWARD_DST)}[toward]
    for sign, offset in sides:
        for t in along:
            p = start + t * (end - start) + sign * offset * n
            out.append((to_px(p), sign * pn))
    return out
