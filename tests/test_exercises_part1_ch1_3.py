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


def _steps_below(threshold, b=0.0, alpha=1.0):
    """Plain-Python gradient descent on L(b) = ½σ(b)², the bias-only neuron at x = (0, 0), y = 0."""
    steps = 0
    while 0.5 * _sigma(b) ** 2 >= threshold:
        y_hat = _sigma(b)
        b -= alpha * y_hat * y_hat * (1 - y_hat)
        steps += 1
    return steps, b


def test_ch2_steps_until_loss_below_one_hundredth():
    """Chapter 2: with α = 1 from b = 0, the first step count with loss < 0.01."""
    X, Y = nbnp.or_gate()
    neuron = [nbnp.LinearLayer.from_params([[0.1, 0.6]], b=0.0), nbnp.SigmoidLayer((1, 1))]
    history = nbnp.train(neuron, X[:, :1], Y[:, :1], learning_rate=1, epochs=200, record_every=1)
    costs = history.costs
    steps = next(k for k, cost in enumerate(costs) if cost < 0.01)
    expected_steps, expected_b = _steps_below(0.01)
    assert steps == expected_steps
    assert costs[steps] == pytest.approx(0.5 * _sigma(expected_b) ** 2, rel=1e-12)
    assert costs[steps - 1] >= 0.01
    neuron = [nbnp.LinearLayer.from_params([[0.1, 0.6]], b=0.0), nbnp.SigmoidLayer((1, 1))]
    nbnp.train(neuron, X[:, :1], Y[:, :1], learning_rate=1, epochs=steps, record_every=steps)
    assert neuron[0].params["b"][0, 0] == pytest.approx(expected_b, rel=1e-12)


def test_ch3_learning_rate_bounds_on_the_parabola():
    """Chapter 3: on L = (k/2)θ², α = 1/k reaches the minimum in one step, 2/k is the edge."""
    curve = nbnp.Parabola(curvature=0.1, minimum=0.0)
    k, theta0 = 0.1, -8.0
    assert nbnp.descent_path(curve.gradient, theta0, 1 / k, steps=1)[1] == pytest.approx(0, abs=1e-12)
    for alpha in (0.95 * 2 / k, 2 / k, 1.05 * 2 / k):
        path = nbnp.descent_path(curve.gradient, theta0, alpha, steps=100)
        assert abs(path[-1]) == pytest.approx(abs(theta0 * (1 - alpha * k) ** 100), rel=1e-9)
    assert abs(nbnp.descent_path(curve.gradient, theta0, 19, steps=100)[-1]) < 1e-3
    assert abs(nbnp.descent_path(curve.gradient, theta0, 21, steps=100)[-1]) > 1e3


def _train_or_neuron(alpha, epochs):
    X, Y = nbnp.or_gate()
    neuron = [nbnp.LinearLayer.from_params([[0.1, 0.6]], b=0.0, m=4), nbnp.SigmoidLayer((1, 4))]
    return neuron, nbnp.train(neuron, X, Y, learning_rate=alpha, epochs=epochs, record_every=1)


@pytest.mark.slow
def test_ch3_real_neuron_claims():
    """Chapter 3's prose: α = 50 rises once and then converges; α = 500 saturates at 1/8."""
    _, h50 = _train_or_neuron(50, 1000)
    rises = [k for k in range(1, len(h50.costs)) if h50.costs[k] > h50.costs[k - 1]]
    assert rises == [1]
    assert h50.final_cost < min(_train_or_neuron(a, 1000)[1].final_cost for a in (0.5, 5))
    neuron, h500 = _train_or_neuron(500, 50)
    assert all(cost == pytest.approx(0.125, abs=1e-6) for cost in h500.costs[1:])
    assert neuron[0].Z.min() > 10  # every z deep in the sigmoid's flat tail
    _, tiny = _train_or_neuron(5e-10, 1000)
    assert tiny.costs[0] - tiny.final_cost < 1e-8
