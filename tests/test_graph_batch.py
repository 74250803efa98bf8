"""Tests of nbnp.graph_batch: batch, shared-parameter and layer-level graphs."""

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.axes import Axes
from matplotlib.figure import Figure

import nbnp
from nbnp.graph_batch import (
    BATCH_STEPS,
    batch_neuron_graph,
    batch_neuron_pass,
    draw_batch_neuron_graph,
    draw_layer_graph,
    layer_graph,
    layer_panel,
    layer_pass,
    matrix_text,
    shared_parameter_graph,
)

W0 = [[0.1, 0.6]]


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _xor_network():
    X, Y = nbnp.xor_gate()
    layers = nbnp.build_network(X.shape, [3, 1], "xavier", random_state=np.random.RandomState(48))
    return layers, X, Y


def test_matrix_text_forms():
    assert matrix_text("b", [[-0.0371]]) == "b = -0.037"
    assert matrix_text("W", [[0.1, 0.6]]) == "W = [0.100, 0.600]"
    assert matrix_text("X", [[0, 1], [1, 0]], data=True) == "X = [0, 1]\n[1, 0]"
    assert matrix_text("X", [[0, 1], [1, 0]], data=True, align=True) == "X = [0, 1]\n    [1, 0]"
    assert matrix_text("Ŷ", [[0.5, 0.25, 0.125]], wrap=2) == "Ŷ =\n[0.500, 0.250,\n0.125]"
    assert matrix_text("X", [[0.5, 1.0]], data=True) == "X = [0.500, 1.000]"  # not all whole


def test_batch_neuron_pass_is_the_first_iteration():
    X, Y = nbnp.or_gate()
    run = batch_neuron_pass(X, Y, W0, 0.0)
    Z = np.array(W0) @ X
    A = 1 / (1 + np.exp(-Z))
    dZ = -(Y - A) / 4 * A * (1 - A)
    np.testing.assert_allclose(run["Z"], Z, rtol=1e-15)
    np.testing.assert_allclose(run["Y_hat"], A, rtol=1e-15)
    assert run["cost"] == pytest.approx(np.sum((Y - A) ** 2) / 8, rel=1e-15)
    np.testing.assert_allclose(run["dZ"], dZ, rtol=1e-14)
    np.testing.assert_allclose(run["dW"], dZ @ X.T, rtol=1e-14)
    np.testing.assert_allclose(run["db"], [[dZ.sum()]], rtol=1e-14)


def test_batch_graph_steps_show_what_has_been_computed():
    X, Y = nbnp.or_gate()
    fwd_nodes, fwd_edges = batch_neuron_graph(X, Y, W0, 0.0, "forward")
    assert all(edge.grad == "" for edge in fwd_edges)
    cost = next(node for node in fwd_nodes if node.name == "cost")
    assert cost.value == "Cost = 0.089" and cost.highlight
    nodes, edges = batch_neuron_graph(X, Y, W0, 0.0, "backward")
    grads = {(e.src, e.dst): e.grad for e in edges}
    assert grads[("W", "Z")] == "∂Cost/∂W =\n[-0.048, -0.039]"
    assert grads[("b", "Z")] == "∂Cost/∂b = -0.037"
    assert grads[("Z", "sigma")].startswith("∂Cost/∂Z =\n[0.031, -0.020,")
    z_nodes, z_edges = batch_neuron_graph(X, Y, W0, 0.0, "Z")
    values = {node.name: node.value for node in z_nodes}
    assert values["Z"] == "Z =\n[0.000, 0.600,\n0.100, 0.700]" and values["sigma"] == ""
    assert [node.name for node in z_nodes if node.highlight] == ["Z"]
    assert len(BATCH_STEPS) == 7


def test_batch_graph_rejects_unknown_step():
    X, Y = nbnp.or_gate()
    with pytest.raises(ValueError, match="step must be one of"):
        batch_neuron_graph(X, Y, W0, 0.0, "update")
    with pytest.raises(ValueError, match="decimals"):
        batch_neuron_graph(X, Y, W0, 0.0, decimals=-1)


def test_draw_batch_neuron_graph_returns_axes():
    X, Y = nbnp.or_gate()
    ax = draw_batch_neuron_graph(X, Y, W0, 0.0, "dZ")
    assert isinstance(ax, Axes)
    assert any("∂Cost/∂Z" in t.get_text() for t in ax.texts)


@pytest.mark.parametrize("param", ["b", "W"])
def test_shared_parameter_graph_sums_the_paths(param):
    X, Y = nbnp.or_gate()
    run = batch_neuron_pass(X, Y, W0, 0.0)
    nodes, edges = shared_parameter_graph(X, run["Z"], run["dZ"], param)
    assert len(nodes) == 4 + 2 and len(edges) == 2 * 4
    total = run["dW"] if param == "W" else run["db"]
    shared = nodes[0]
    assert shared.name == param
    expected = nbnp.fmt_array(total[0], decimals=3) if param == "W" else nbnp.fmt_fixed(total[0, 0], 3)
    assert shared.value.endswith("= " + expected)
    into_z2 = next(e for e in edges if e.src == param and e.dst == "z1")
    dz2 = run["dZ"][0, 1]
    assert into_z2.grad == (
        nbnp.fmt_array([0.0, dz2], decimals=3) if param == "W" else nbnp.fmt_fixed(dz2, 3)
    )


def test_shared_parameter_graph_bad_input():
    X, Y = nbnp.or_gate()
    run = batch_neuron_pass(X, Y, W0, 0.0)
    with pytest.raises(ValueError, match="param"):
        shared_parameter_graph(X, run["Z"], run["dZ"], "w")
    with pytest.raises(ValueError, match="shape"):
        shared_parameter_graph(X, run["Z"][:, :3], run["dZ"][:, :3])


def test_layer_pass_names_every_matrix():
    layers, X, Y = _xor_network()
    W1 = layers[0].params["W"].copy()
    run = layer_pass(layers, X, Y)
    np.testing.assert_array_equal(layers[0].params["W"], W1)
    assert run["Z1"].shape == run["A1"].shape == run["dZ1"].shape == run["dA1"].shape == (3, 4)
    assert run["dW1"].shape == (3, 2) and run["db2"].shape == (1, 1)
    np.testing.assert_allclose(run["dA1"], run["W2"].T @ run["dZ2"], rtol=1e-14)
    np.testing.assert_allclose(run["dZ1"], run["dA1"] * run["A1"] * (1 - run["A1"]), rtol=1e-14)
    np.testing.assert_allclose(run["dA2"], -(Y - run["A2"]) / 4, rtol=1e-14)
    assert run["cost"] == pytest.approx(np.sum((Y - run["A2"]) ** 2) / 8, rel=1e-14)


def test_layer_graph_labels_gradients_with_shapes():
    layers, X, Y = _xor_network()
    nodes, edges = layer_graph(layers, X, Y, "backward")
    grads = {(e.src, e.dst): e.grad for e in edges}
    assert grads[("W1", "Z1")] == "dW¹ (3 × 2)"
    assert grads[("A1", "Z2")] == "dA¹ (3 × 4)"
    assert grads[("A2", "cost")] == "dŶ (1 × 4)"
    assert {n.name for n in nodes} == {"X", "W1", "b1", "Z1", "A1", "W2", "b2", "Z2", "A2", "cost", "Y"}
    _, fwd_edges = layer_graph(layers, X, Y, "forward")
    assert all(e.grad == "" for e in fwd_edges)
    with pytest.raises(ValueError, match="alternate"):
        layer_graph(layers[:3], X, Y)
    with pytest.raises(ValueError, match="step"):
        layer_graph(layers, X, Y, "update")


def test_layer_panel_orders_blocks():
    layers, X, Y = _xor_network()
    fwd = layer_panel(layers, X, Y, "forward").split("\n\n")
    assert [b.split(" =")[0] for b in fwd] == ["W¹", "b¹", "Z¹", "A¹", "W²", "b²", "Z²", "A²"]
    back = layer_panel(layers, X, Y, "backward").split("\n\n")
    assert [b.split(" =")[0] for b in back] == ["dŶ", "dZ²", "dW²", "db²", "dA¹", "dZ¹", "dW¹", "db¹"]
    run = layer_pass(layers, X, Y)
    assert back[6] == matrix_text("dW¹", run["dW1"], 3, align=True)


def test_draw_layer_graph_returns_a_figure_with_the_panel():
    layers, X, Y = _xor_network()
    fig = draw_layer_graph(layers, X, Y, "backward")
    assert isinstance(fig, Figure)
    assert sum(t.get_text().startswith("dW¹ = ") for t in fig.texts) == 1
