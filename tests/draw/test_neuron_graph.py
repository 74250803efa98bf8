"""Tests for nbnp.draw.neuron: the single neuron's computed values and the texts its graph shows."""

import math

import pytest

from nbnp import fmt_fixed
from nbnp.draw.neuron import neuron_graph, neuron_pass


def _loss(x, w, y, b):
    """Independent reference: ½(y − σ(w·x + b))² with math only."""
    z = sum(wi * xi for wi, xi in zip(w, x)) + b
    return 0.5 * (y - 1 / (1 + math.exp(-z))) ** 2


@pytest.mark.parametrize(
    "x, w, y, b",
    [((0.0, 0.0), (0.1, 0.6), 0.0, 0.0), ((0.3, -1.2), (0.7, 0.25), 1.0, -0.4), ((2.0,), (-0.5,), 0.0, 0.3)],
)
def test_neuron_pass_matches_independent_formulas(x, w, y, b):
    run = neuron_pass(x, w, y, b)
    z = sum(wi * xi for wi, xi in zip(w, x)) + b
    y_hat = 1 / (1 + math.exp(-z))
    assert run["z"] == pytest.approx(z, abs=1e-15)
    assert run["y_hat"] == pytest.approx(y_hat, rel=1e-14)
    assert run["loss"] == pytest.approx(_loss(x, w, y, b), rel=1e-14)
    assert run["dL_dy_hat"] == pytest.approx(y_hat - y, rel=1e-14)
    assert run["dy_hat_dz"] == pytest.approx(y_hat * (1 - y_hat), rel=1e-14)
    assert run["dL_dz"] == pytest.approx(run["dL_dy_hat"] * run["dy_hat_dz"], rel=1e-14)
    # Gradients against central differences of the independent loss.
    h = 1e-6
    for i in range(len(w)):
        wp, wm = list(w), list(w)
        wp[i] += h
        wm[i] -= h
        numeric = (_loss(x, wp, y, b) - _loss(x, wm, y, b)) / (2 * h)
        assert run["dL_dw"][i] == pytest.approx(numeric, abs=1e-9)
    numeric_b = (_loss(x, w, y, b + h) - _loss(x, w, y, b - h)) / (2 * h)
    assert run["dL_db"] == pytest.approx(numeric_b, abs=1e-9)
    assert run["dL_dw"].shape == (len(w),)


def test_neuron_graph_texts_are_the_computed_values():
    x, w, y, b = (0.0, 0.0), (0.1, 0.6), 0.0, 0.0
    run = neuron_pass(x, w, y, b)
    nodes, edges = neuron_graph(x, w, y, b, step="backward", decimals=4)
    values = {n.name: n.value for n in nodes}
    assert values["z"] == f"z = {fmt_fixed(run['z'], 4)}"
    assert values["sigma"] == f"ŷ = {fmt_fixed(run['y_hat'], 4)}"
    assert values["L"] == f"L = {fmt_fixed(run['loss'], 4)}"
    assert values["w2"] == f"w₂ = {fmt_fixed(0.6, 4)}"
    grads = {(e.src, e.dst): e.grad for e in edges}
    assert grads[("sigma", "L")] == f"∂L/∂ŷ = {fmt_fixed(run['dL_dy_hat'], 4)}"
    assert grads[("z", "sigma")] == f"∂L/∂z = {fmt_fixed(run['dL_dz'], 4)}"
    assert grads[("w1", "z")] == f"∂L/∂w₁ = {fmt_fixed(run['dL_dw'][0], 4)}"
    assert grads[("b", "z")] == f"∂L/∂b = {fmt_fixed(run['dL_db'], 4)}"
    # No gradient flows into the data or the label.
    assert grads[("x1", "z")] == grads[("y", "L")] == ""


def test_neuron_graph_local_gradients_make_the_chain_rule_checkable():
    x, w, y = (0.3, 0.9), (0.1, 0.6), 1.0
    run = neuron_pass(x, w, y)
    nodes, edges = neuron_graph(x, w, y, step="backward", decimals=6)
    local = {n.name: n.local for n in nodes}
    assert local["sigma"].split() == f"local: ∂ŷ/∂z = σ′(z) = {fmt_fixed(run['dy_hat_dz'], 6)}".split()
    assert f"∂z/∂w₂ = x₂ = {fmt_fixed(0.9, 6)}" in local["z"]
    assert local["x1"] == local["w1"] == ""
    assert not neuron_graph(x, w, y, step="dL_dy_hat")[0][-3].local  # σ's local appears at its step
