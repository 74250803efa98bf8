"""Tests of nbnp.draw.hidden: the 2-3-1 network neuron by neuron, and what its hidden neurons learned."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

import nbnp
from nbnp import fmt_array, fmt_fixed
from nbnp.draw.graph import text_overlaps
from nbnp.draw.hidden import WALK_STEPS, draw_neuron_walk, neuron_walk_graph, plot_hidden_units
from nbnp.draw.network import layer_pass
from nbnp.draw.place import misplaced_texts, renderer_of


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _xor_network():
    X, Y = nbnp.xor_gate()
    layers = nbnp.build_network(X.shape, [3, 1], "xavier", random_state=np.random.RandomState(48))
    return layers, X, Y


@pytest.mark.parametrize("example", [0, 3])
def test_walk_draws_the_examples_column_of_the_batch_run(example):
    layers, X, Y = _xor_network()
    run = layer_pass(layers, X, Y)
    nodes, edges = neuron_walk_graph(layers, X, Y, example=example, step="dW1")
    value = {n.name: n.value for n in nodes}
    grad = {(e.src, e.dst): e.grad for e in edges}
    j = example
    for i in range(3):
        assert value[f"z1_{i}"] == f"z = {fmt_fixed(run['Z1'][i, j], 3)}"
        assert value[f"a1_{i}"] == f"a = {fmt_fixed(run['A1'][i, j], 3)}"
        # dA^[1] splits: upstream dz^[2] times the local w^[2]_i
        assert grad[(f"a1_{i}", "zo")] == f"da = {fmt_fixed(run['W2'][0, i] * run['dZ2'][0, j], 3)}"
        assert grad[(f"z1_{i}", f"a1_{i}")] == f"dz = {fmt_fixed(run['dZ1'][i, j], 3)}"
        dw = run["dZ1"][i, j] * X[:, j]
        assert grad[(f"p1_{i}", f"z1_{i}")].startswith(f"dw = {fmt_array(dw, decimals=3)}")
    assert value["ao"] == f"ŷ = {fmt_fixed(run['A2'][0, j], 3)}"
    assert value["cost"] == f"Cost = {fmt_fixed(run['cost'], 3)}"
    assert grad[("ao", "cost")] == f"∂Cost/∂ŷ = {fmt_fixed(run['dA2'][0, j], 3)}"
    # no gradient flows into the data or the label
    assert all(grad[(s, d)] == "" for s, d in grad if s.startswith("x") or s == "y")


def test_walk_steps_reveal_in_order_and_highlight_the_current_step():
    layers, X, Y = _xor_network()
    shown = []
    for step in WALK_STEPS:
        nodes, edges = neuron_walk_graph(layers, X, Y, step=step)
        shown.append(sum(bool(n.value) for n in nodes) + sum(bool(e.grad) for e in edges))
        lit = {n.name for n in nodes if n.highlight} | {e.src for e in edges if e.highlight}
        assert bool(lit) == (step not in ("inputs",))
    assert shown == sorted(shown) and len(set(shown)) == len(WALK_STEPS)
    first = neuron_walk_graph(layers, X, Y, step="neuron1")[0]
    assert {n.name for n in first if n.highlight} == {"z1_0", "a1_0"}


@pytest.mark.slow
def test_walk_figures_have_no_overlapping_texts():
    layers, X, Y = _xor_network()
    for step in ("output", "dA1", "dW1"):
        assert text_overlaps(draw_neuron_walk(layers, X, Y, step=step).figure) == []


@pytest.mark.slow
@pytest.mark.parametrize("step", WALK_STEPS)
def test_each_walk_text_stands_by_its_own_node_or_arrow(step):
    """E.g. σ′ of a^[2] is nearer a^[2] than y, z of a neuron nearer its z than the next a."""
    layers, X, Y = _xor_network()
    assert misplaced_texts(draw_neuron_walk(layers, X, Y, step=step).figure) == []


@pytest.mark.slow
def test_walk_node_labels_sit_inside_their_nodes_with_room_to_spare():
    """The labels are not shrunk, and an arrow starting on a node's rim stays clear of its label
    by at least 3 px, whatever the font metrics of the matplotlib release (3.10 draws mathtext taller)."""
    layers, X, Y = _xor_network()
    ax = draw_neuron_walk(layers, X, Y, step="dW1")
    renderer = renderer_of(ax.figure)
    shapes = [p for p in ax.patches if p.get_gid().startswith("node:")]
    nodes = {p.get_gid()[5:]: p.get_window_extent(renderer) for p in shapes}
    labels = [t for t in ax.texts if (t.get_gid() or "").startswith("label:")]
    assert len(labels) == len(nodes) == 16
    for text in labels:
        box, shape = text.get_window_extent(renderer), nodes[text.get_gid()[6:]]
        assert text.get_fontsize() == 13 or text.get_text() == "Cost"
        if shape.width < shape.height * 1.2:  # a circle: the box's corners inside it, 3 px from the rim
            assert np.hypot(box.width / 2, box.height / 2) <= shape.width / 2 - 3, text.get_text()


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"step": "dW3"}, "step must be one of"),
        ({"example": 4}, "example must be"),
        ({"example": 1.0}, "example"),
    ],
)
def test_walk_rejects_bad_arguments(kwargs, match):
    layers, X, Y = _xor_network()
    with pytest.raises(ValueError, match=match):
        neuron_walk_graph(layers, X, Y, **kwargs)


def test_walk_needs_one_hidden_layer():
    X, Y = nbnp.xor_gate()
    deep = nbnp.build_network(X.shape, [3, 2, 1], "xavier", random_state=np.random.RandomState(48))
    with pytest.raises(ValueError, match="one hidden layer"):
        neuron_walk_graph(deep, X, Y)


def test_plot_hidden_units_one_panel_per_hidden_neuron_and_the_network():
    layers, X, Y = _xor_network()
    fig = plot_hidden_units(layers, X, Y, resolution=40)
    titles = [ax.get_title() for ax in fig.axes if ax.get_title()]
    assert titles == [f"neuron {i}, $a^{{[1]}}_{{{i}}}$" for i in (1, 2, 3)] + ["the network"]
    assert text_overlaps(fig) == []


def test_the_walk_steps_are_one_figure_per_step_titled_in_order():
    from nbnp.draw.hidden import WALK_STEPS, WALK_TITLES, draw_neuron_walk_steps

    X, Y = nbnp.xor_gate()
    network = nbnp.build_network(X.shape, [3, 1], random_state=np.random.RandomState(48))
    figures = draw_neuron_walk_steps(network, X, Y, example=3)
    try:
        assert len(figures) == len(WALK_STEPS)
        titles = [fig.texts[-1].get_text() for fig in figures]
        n = len(WALK_STEPS)
        assert titles == [f"Step {k} of {n}: {WALK_TITLES[s]}" for k, s in enumerate(WALK_STEPS, 1)]
    finally:
        import matplotlib.pyplot as plt

        for fig in figures:
            plt.close(fig)
