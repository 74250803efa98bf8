"""Tests of nbnp.draw.batch_neuron: the vectorized neuron and the shared-parameter graph."""

import numpy as np
import pytest

import nbnp
from nbnp.draw.batch_neuron import (
    batch_neuron_pass,
    shared_parameter_graph,
)

W0 = [[0.1, 0.6]]


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


@pytest.mark.parametrize("param", ["b", "W"])
def test_shared_parameter_graph_sums_the_paths(param):
    X, Y = nbnp.or_gate()
    run = batch_neuron_pass(X, Y, W0, 0.0)
    nodes, edges = shared_parameter_graph(X, run["Z"], run["dZ"], param)
    # the parameter, a z and a σ node per example, the cost; param → z → σ → Cost per example
    assert len(nodes) == 1 + 2 * 4 + 1 and len(edges) == 3 * 4
    grads = {(e.src, e.dst): e.grad for e in edges}
    for i in range(4):
        assert grads[(f"z{i}", f"s{i}")] == nbnp.fmt_fixed(run["dZ"][0, i], 3)
        assert grads[(f"s{i}", "cost")] == nbnp.fmt_fixed(run["dY_hat"][0, i], 3)
    given = shared_parameter_graph(X, run["Z"], run["dZ"], param, Y_hat=run["Y_hat"], dY_hat=run["dY_hat"])
    assert given == (nodes, edges)
    total = run["dW"] if param == "W" else run["db"]
    shared = nodes[0]
    assert shared.name == param
    expected = nbnp.fmt_array(total[0], decimals=3) if param == "W" else nbnp.fmt_fixed(total[0, 0], 3)
    assert shared.value.endswith("= " + expected)
    into_z2 = next(e for e in edges if e.src == param and e.dst == "z1")
    dz2 = run["dZ"][0, 1]
    # each path names its example, so that neighbouring paths' gradients are not confused (Fig. 4.11)
    assert into_z2.grad == "via z⁽²⁾: " + (
        nbnp.fmt_array([0.0, dz2], decimals=3) if param == "W" else nbnp.fmt_fixed(dz2, 3)
    )
