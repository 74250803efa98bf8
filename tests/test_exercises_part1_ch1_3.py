"""The exercise solutions of Part I, chapters 1 to 3, checked against independent math.

Each test recomputes what the chapter's hidden solution cell computes (the same
nbnp calls) and checks it with plain-Python formulas that share no code with nbnp.
"""

import math

import pytest

import nbnp


def _sigma(z):
    return 1 / (1 + math.exp(-z))


def test_ch1_second_example_gradients():
    """Chapter 1: x = (0, 1), y = 1 with w = (0.1, 0.6)."""
    X, Y = nbnp.or_gate()
    run = nbnp.neuron_pass(X[:, 1], [0.1, 0.6], Y[0, 1])
    y_hat = _sigma(0.6)
    dL_dz = -(1 - y_hat) * y_hat * (1 - y_hat)
    assert run["z"] == pytest.approx(0.6, abs=1e-15)
    assert run["y_hat"] == pytest.approx(y_hat, rel=1e-14)
    assert run["loss"] == pytest.approx(0.5 * (1 - y_hat) ** 2, rel=1e-14)
    assert run["dL_dw"][0] == 0  # x1 = 0: no information for w1
    assert run["dL_dw"][1] == pytest.approx(dL_dz, rel=1e-14)
    assert run["dL_dw"][1] < 0  # the prediction is too low: w2 must grow
