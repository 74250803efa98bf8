"""Three small equations in which one node feeds two others: its gradient is the sum of the paths.

Why is a shared parameter's gradient (the bias's, over the examples of a
batch) a *sum*? The article answers with three tiny equations in which one
input, ``b``, is used twice::

    c = a + b,    d = b + 1,    e = c · d

Backward from ``e``, one gradient reaches ``b`` through ``c`` and another
through ``d``; ``∂e/∂b`` is their sum. :func:`nbnp.experiments.sum_of_paths_pass` computes
every value and gradient with NumPy; :func:`sum_of_paths_graph` lays them out
for :func:`nbnp.draw_graph`, the ``b`` node showing the sum, left to right or, for a
phone, top to bottom.
"""

from __future__ import annotations

from nbnp.article.fmt import fmt_fixed
from nbnp.draw.graph import Edge, Node
from nbnp.draw.labels import check_decimals, check_layout
from nbnp.experiments.paths import sum_of_paths_pass

__all__ = ["sum_of_paths_graph"]


def sum_of_paths_graph(
    a: float, b: float, decimals: int = 1, layout: str = "desktop"
) -> tuple[list[Node], list[Edge]]:
    """The three equations as a graph, every gradient drawn, ``b`` holding the sum of its two paths.

    Parameters
    ----------
    a, b : float
        The inputs, run through :func:`nbnp.experiments.sum_of_paths_pass`.
    decimals : int, optional
        Decimals of every printed number (default 1).
    layout : {"desktop", "phone"}, optional
        ``"desktop"``: left to right. ``"phone"``: top to bottom, the longer texts on
        two or three lines, for ``draw_graph(..., phone=True)``.

    Returns
    -------
    nodes : list of Node
    edges : list of Edge
    """
    d_ = check_decimals(decimals)
    phone = check_layout(layout) == "phone"
    r = sum_of_paths_pass(a, b)
    f = lambda v: fmt_fixed(v, d_)  # noqa: E731
    if phone:
        return _phone_graph(r, f)
    nodes = [
        Node("a", "$a$", (0.0, 1.4), f"a = {f(r['a'])}", "param", value_side="above"),
        Node(
            "b",
            "$b$",
            (0.0, -1.4),
            f"b = {f(r['b'])}",
            "param",
            local=f"sum: ∂e/∂b = {f(r['via_c'])} + {f(r['via_d'])} = {f(r['de_db'])}",
        ),
        Node(
            "c",
            "$c$",
            (3.6, 1.4),
            f"c = a + b = {f(r['c'])}",
            "op",
            value_side="above",
            local="local: ∂c/∂b = 1",
        ),
        Node("d", "$d$", (3.6, -1.4), f"d = b + 1 = {f(r['d'])}", "op", local="local: ∂d/∂b = 1"),
        Node(
            "e",
            "$e$",
            (7.0, 0.0),
            f"e = c · d = {f(r['e'])}",
            "op",
            True,
            local="local: ∂e/∂c = d\n∂e/∂d = c",
        ),
    ]
    edges = [
        Edge("a", "c", f"∂e/∂a = {f(r['de_da'])}"),
        Edge("b", "c", f"via c: {f(r['via_c'])}", True),
        Edge("b", "d", f"via d: {f(r['via_d'])}", True),
        Edge("c", "e", f"∂e/∂c = {f(r['de_dc'])}"),
        Edge("d", "e", f"∂e/∂d = {f(r['de_dd'])}"),
    ]
    return nodes, edges


def _phone_graph(r: dict, f) -> tuple[list[Node], list[Edge]]:
    """The same graph top to bottom: a and b above c and d, e at the bottom."""
    nodes = [
        Node("a", "$a$", (-1.9, 0.0), f"a = {f(r['a'])}", "param", value_side="above"),
        Node(
            "b",
            "$b$",
            (1.9, 0.0),
            f"b = {f(r['b'])}",
            "param",
            value_side="above",
            local=f"sum: ∂e/∂b\n= {f(r['via_c'])} + {f(r['via_d'])}\n= {f(r['de_db'])}",
            local_side="right",
        ),
        Node(
            "c",
            "$c$",
            (-1.9, -4.2),
            f"c = a + b\n= {f(r['c'])}",
            "op",
            value_side="left",
            local="local:\n∂c/∂b = 1",
            local_side="left",
        ),
        Node(
            "d",
            "$d$",
            (1.9, -4.2),
            f"d = b + 1\n= {f(r['d'])}",
            "op",
            value_side="right",
            local="local:\n∂d/∂b = 1",
            local_side="right",
        ),
        Node(
            "e",
            "$e$",
            (0.0, -8.4),
            f"e = c · d = {f(r['e'])}",
            "op",
            True,
            local="local: ∂e/∂c = d\n∂e/∂d = c",
        ),
    ]
    edges = [
        Edge("a", "c", f"∂e/∂a\n= {f(r['de_da'])}"),
        Edge("b", "c", f"via c: {f(r['via_c'])}", True),
        Edge("b", "d", f"via d:\n{f(r['via_d'])}", True),
        Edge("c", "e", f"∂e/∂c = {f(r['de_dc'])}"),
        Edge("d", "e", f"∂e/∂d = {f(r['de_dd'])}"),
    ]
    return nodes, edges
