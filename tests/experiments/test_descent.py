"""Tests for nbnp.experiments.descent: the parabola and the descent path."""


import numpy as np
import pytest

from nbnp.experiments.descent import Parabola, descent_path


def test_parabola_value_and_gradient():
    curve = Parabola(curvature=0.4, minimum=1.5)
    assert curve(1.5) == 0.0
    assert curve(3.5) == pytest.approx(0.5 * 0.4 * 4)
    h = 1e-6
    for theta in (-3.0, 0.2, 7.0):
        numeric = (curve(theta + h) - curve(theta - h)) / (2 * h)
        assert curve.gradient(theta) == pytest.approx(numeric, rel=1e-7)
    grid = np.linspace(-1, 1, 5)
    assert curve(grid).shape == curve.gradient(grid).shape == (5,)


@pytest.mark.parametrize("alpha", [0.5, 5.0, 10.0, 15.0, 20.0, 25.0])
def test_descent_path_follows_the_contraction_factor(alpha):
    """Each step multiplies θ − θ* by 1 − αk: α = 1/k lands on θ* in one step, 2/k is the edge."""
    curve = Parabola(curvature=0.1, minimum=2.0)
    path = descent_path(curve.gradient, -8.0, alpha, 6)
    factor = 1 - alpha * 0.1
    np.testing.assert_allclose(path, 2.0 + (-10.0) * factor ** np.arange(7), rtol=1e-12)
    distance = np.abs(path - 2.0)
    if 0 < abs(factor) < 1:  # converges: every step shorter than the one before
        assert np.all(np.diff(np.abs(np.diff(path))) < 0) and distance[-1] < distance[0]
    elif abs(factor) > 1:  # diverges
        assert np.all(np.diff(distance) > 0)


def test_descent_path_tiny_rate_barely_moves():
    path = descent_path(Parabola(0.1).gradient, -8.0, 5e-10, 1000)
    moved = abs(path[-1] - path[0])
    assert 0 < moved < 1e-6
    assert moved == pytest.approx(8 * (1 - (1 - 5e-11) ** 1000), rel=1e-6)


