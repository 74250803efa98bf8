"""Three small equations in which one node feeds two others: its gradient is the sum of the paths.

Why is a shared parameter's gradient (the bias's, over the examples of a
batch) a *sum*? The article answers with three tiny equations in which one
input, ``b``, is used twice::

    c = a + b,    d = b + 1,    e = c · d

Backward from ``e``, one gradient reaches ``b`` through ``c`` and another
through ``d``; ``∂e/∂b`` is their sum. :func:`nbnp.experiments.sum_of_paths_pass` computes
every value and gradient with NumPy; :func:`sum_of_paths_graph` lays them out
for :func:`nbnp.draw_graph`, the ``b`` node showing the sum.
"""

from __future__ import annotations

from nbnp.article.fmt import fmt_fixed
from nbnp.draw.graph import Edge, Node
from nbnp.draw.labels import check_decimals
from nbnp.experiments.paths import sum_of_paths_pass

__all__ = ["sum_of_paths_graph"]


def sum_of_paths_graph(a: float, b: float, decimals: int = 1) -> tuple[list[Node], list[Edge]]:
    """The three equations as a graph, every gradient drawn, ``b`` holding the sum of its two paths.

    Parameters
    ----------
    a, b : float
        The inputs, run through :func:`nbnp.experiments.sum_of_paths_pass`.
    decimals : int, optional
        Decimals of every printed number (default 1).

    Returns
    -------
    nodes : list of Node
    edges : list of Edge
    """
    d_ = check_decimals(decimals)
    r = sum_of_paths_pass(a, b)
    f = lambda v: fmt_fixed(v, d_)  # noqa: E731
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
