"""Tests for nbnp.draw.graph: the graph engine, its texts, and input checks."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

from nbnp.draw.graph import GRAD_COLOR, LOCAL_COLOR, Edge, Node, draw_graph, text_overlaps
from nbnp.draw.labels import format_value
from nbnp.draw.neuron import draw_neuron_graph


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _texts(ax):
    return {t.get_text(): t for t in ax.texts}


# --- draw_graph -----------------------------------------------------------------


def test_draw_graph_batch_values_and_given_axes():
    A = np.array([[0.5, 0.6456563, 0.52497919, 0.66818777]])
    nodes = [
        Node("X", "$X$", (0, 0), format_value(np.eye(2)), "input"),
        Node("Z", "$Z$", (2, 0), format_value(A, max_items=3), "op", value_side="above"),
        Node("C", "Cost", (4, 0), format_value(0.089), "loss"),
    ]
    edges = [Edge("X", "Z"), Edge("Z", "C", grad=format_value(A), highlight=True)]
    fig, ax = plt.subplots()
    assert draw_graph(nodes, edges, ax=ax) is ax
    texts = _texts(ax)
    assert "[0.500, 0.646, …]" in texts and format_value(A) in texts
    assert texts["[0.500, 0.646, …]"].get_position()[1] > 0  # written above the node


@pytest.mark.slow
def test_draw_graph_is_deterministic():
    def pixels():
        ax = draw_neuron_graph((0.3, 0.9), (0.1, 0.6), 1, b=0.2)
        ax.figure.canvas.draw()
        return np.asarray(ax.figure.canvas.buffer_rgba()).copy()

    np.testing.assert_array_equal(pixels(), pixels())


@pytest.mark.parametrize(
    "nodes, edges, error, match",
    [
        ([], [], ValueError, "non-empty"),
        ([Node("a", "a", (0, 0)), Node("a", "b", (1, 0))], [], ValueError, "unique"),
        ([Node("a", "a", (0, 0), kind="weight")], [], ValueError, "kind must be one of"),
        ([Node("a", "a", (0, float("nan")))], [], ValueError, "position"),
        ([Node("a", "a", (0,))], [], ValueError, "position"),
        ([Node("a", "a", (0, 0), value_side="left")], [], ValueError, "value_side"),
        ([Node("a", "a", (0, 0))], [Edge("a", "b")], ValueError, "'b', which is not in nodes"),
        ([Node("a", "a", (0, 0))], [Edge("a", "a")], ValueError, "to itself"),
        (["a"], [], TypeError, "nodes\\[0\\] must be a nbnp.Node"),
        ([Node("a", "a", (0, 0))], [("a", "a")], TypeError, "edges\\[0\\] must be a nbnp.Edge"),
        ([Node("a", "a", (0, 0))], None, TypeError, "edges must be a list"),
        (
            [Node("x", "x", (0, 0), kind="input"), Node("z", "z", (1, 0))],
            [Edge("x", "z", grad="dx = 1")],
            ValueError,
            "no gradient flows into data",
        ),
    ],
)
def test_draw_graph_rejects_bad_graphs(nodes, edges, error, match):
    with pytest.raises(error, match=match):
        draw_graph(nodes, edges)


# --- text_overlaps ------------------------------------------------------------------


def test_text_overlaps_finds_two_texts_on_each_other_and_an_arrow_through_a_text():
    fig, ax = plt.subplots()
    ax.text(0.5, 0.5, "first label")
    assert text_overlaps(fig) == []
    ax.text(0.5, 0.5, "second label")
    assert text_overlaps(fig) == ["texts overlap: 'first label' and 'second label'"]
    fig2 = plt.figure()
    nodes = [Node("a", "a", (0, 0)), Node("b", "b", (3, 0))]
    ax2 = draw_graph(nodes, [Edge("a", "b")], ax=fig2.add_subplot())
    assert text_overlaps(fig2) == []
    ax2.text(1.5, 0.0, "on the edge", ha="center", va="center")
    assert text_overlaps(fig2) == ["an arrow crosses the text 'on the edge'"]


def test_draw_graph_places_texts_where_nothing_else_is():
    """A gradient on a short edge between two valued nodes still finds a free place."""
    nodes = [Node("a", "$a$", (0, 0), "a = 0.125"), Node("b", "$b$", (2.2, 0), "b = 0.250", local="local: 2")]
    ax = draw_graph(nodes, [Edge("a", "b", grad="∂L/∂a = 0.500")])
    assert text_overlaps(ax.figure) == []
    texts = _texts(ax)
    assert texts["∂L/∂a = 0.500"].get_color() == GRAD_COLOR
    assert texts["local: 2"].get_color() == LOCAL_COLOR


# --- misplaced_texts and shown_text_sizes -------------------------------------------------


def test_misplaced_texts_catches_a_value_moved_beside_another_node():
    from nbnp.draw.place import misplaced_texts

    nodes = [Node("a", "$a$", (0.0, 0.0), "a = 1.000"), Node("b", "$b$", (3.0, 0.0), "b = 2.000")]
    ax = draw_graph(nodes, [Edge("a", "b", "db = 0.500")])
    assert misplaced_texts(ax.figure) == []
    value_a = next(t for t in ax.texts if t.get_gid() == "value:a")
    value_a.set_position((3.0, -0.7))  # under b
    (problem,) = misplaced_texts(ax.figure)
    assert problem.startswith("the text 'a = 1.000' is nearer the node 'b'") and "than its own 'a'" in problem


def test_shown_text_sizes_shrink_with_a_figure_wider_than_the_column():
    from nbnp.draw.place import shown_text_sizes

    nodes = [Node("a", "$a$", (0.0, 0.0), "a = 1.000"), Node("b", "$b$", (3.0, 0.0), "b = 2.000")]
    fig = draw_graph(nodes, [Edge("a", "b")]).figure
    wide = fig.get_tightbbox(fig.canvas.get_renderer()).width * 100
    sizes = dict(shown_text_sizes(fig, column_px=wide * 2))  # fits: shown at its size
    assert sizes["a = 1.000"] == pytest.approx(10 * 100 / 72)
    half = dict(shown_text_sizes(fig, column_px=wide / 2))
    assert half["a = 1.000"] == pytest.approx(10 * 100 / 72 / 2, rel=1e-3)
    plain = plt.subplots()[0]
    assert shown_text_sizes(plain, 100) == []  # not a graph
