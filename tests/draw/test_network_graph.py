"""Tests of nbnp.draw.network: a network drawn layer by layer, with its matrices."""

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure

import nbnp
from nbnp.draw.labels import matrix_text
from nbnp.draw.network import draw_layer_graph, layer_graph, layer_panel, layer_pass


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _xor_network():
    X, Y = nbnp.xor_gate()
    layers = nbnp.build_network(X.shape, [3, 1], "xavier", random_state=np.random.RandomState(48))
    return layers, X, Y


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
    assert grads[("W1", "Z1")] == "dW$^{[1]}$ (3 × 2)"
    assert grads[("A1", "Z2")] == "dA$^{[1]}$ (3 × 4)"
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
    assert [b.split(" =")[0] for b in fwd] == [
        f"{v}$^{{[{k}]}}$" for k in (1, 2) for v in ("W", "b", "Z", "A")
    ]
    back = layer_panel(layers, X, Y, "backward").split("\n\n")
    assert [b.split(" =")[0] for b in back] == ["dŶ"] + [
        f"d{v}$^{{[{k}]}}$" for k in (2, 1) for v in ("A", "Z", "W", "b")
    ][1:]
    run = layer_pass(layers, X, Y)
    assert back[6] == matrix_text("dW$^{[1]}$", run["dW1"], 3)


def test_draw_layer_graph_returns_a_figure_with_the_panel():
    layers, X, Y = _xor_network()
    fig = draw_layer_graph(layers, X, Y, "backward")
    assert isinstance(fig, Figure)
    assert sum(t.get_text().startswith("dW$^{[1]}$ = ") for t in fig.texts) == 1
