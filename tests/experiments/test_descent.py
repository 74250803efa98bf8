"""Tests for nbnp.experiments.descent: the parabola and the descent path."""

import math

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


@pytest.mark.parametrize(
    "kwargs, error",
    [
        ({"curvature": 0}, ValueError),
        ({"curvature": -1}, ValueError),
        ({"curvature": "1"}, TypeError),
        ({"minimum": float("inf")}, ValueError),
        ({"minimum": None}, TypeError),
    ],
)
def test_parabola_rejects_bad_parameters(kwargs, error):
    with pytest.raises(error):
        Parabola(**kwargs)


@pytest.mark.parametrize("alpha", [0.5, 5.0, 15.0, 25.0])
def test_descent_path_follows_the_contraction_factor(alpha):
    curve = Parabola(curvature=0.1, minimum=2.0)
    path = descent_path(curve.gradient, -8.0, alpha, 6)
    factor = 1 - alpha * 0.1
    expected = 2.0 + (-10.0) * factor ** np.arange(7)
    np.testing.assert_allclose(path, expected, rtol=1e-12)
    distance = np.abs(path - 2.0)
    if abs(factor) < 1:  # converges: every step shorter than the one before
        assert np.all(np.diff(np.abs(np.diff(path))) < 0) and distance[-1] < distance[0]
    else:  # diverges
        assert np.all(np.diff(distance) > 0)


def test_descent_path_one_step_at_alpha_one_over_k_lands_on_the_minimum():
    curve = Parabola(curvature=0.1, minimum=-3.0)
    assert descent_path(curve.gradient, 5.0, 10.0, 1)[1] == pytest.approx(-3.0, abs=1e-12)


def test_descent_path_tiny_rate_barely_moves():
    path = descent_path(Parabola(0.1).gradient, -8.0, 5e-10, 1000)
    moved = abs(path[-1] - path[0])
    assert 0 < moved < 1e-6
    assert moved == pytest.approx(8 * (1 - (1 - 5e-11) ** 1000), rel=1e-6)


@pytest.mark.parametrize(
    "args, error, match",
    [
        ((Parabola().gradient, 0.0, 0.0, 3), ValueError, "learning_rate"),
        ((Parabola().gradient, 0.0, 1.0, 0), ValueError, "steps"),
        ((Parabola().gradient, float("nan"), 1.0, 3), ValueError, "theta0"),
        ((42, 0.0, 1.0, 3), TypeError, "callable"),
        ((Parabola(1.0).gradient, 1.0, 1e6, 200), ValueError, "overflowed"),
    ],
)
def test_descent_path_rejects_bad_input(args, error, match):
    with pytest.raises(error, match=match):
        descent_path(*args)


def test_parabola_and_path_errors_name_the_argument():
    with pytest.raises(ValueError, match="^curvature must be greater than 0"):
        Parabola(curvature=0.0)
    with pytest.raises(TypeError, match="^minimum must be a real number, but received True$"):
        Parabola(minimum=True)
    with pytest.raises(ValueError, match="^minimum must be finite, but received inf$"):
        Parabola(minimum=math.inf)
    for method in (Parabola(), Parabola().gradient):
        with pytest.raises(TypeError, match="^theta must"):
            method("theta")
    with pytest.raises(TypeError, match="^gradient must be callable, but received str$"):
        descent_path("L'", 1.0, 0.1, 3)
    with pytest.raises(TypeError, match="^theta0 must"):
        descent_path(Parabola().gradient, "x", 0.1, 3)
    with pytest.raises(ValueError, match="^steps must be at least 1"):
        descent_path(Parabola().gradient, 1.0, 0.1, 0)


def test_parabola_returns_python_floats_for_scalars():
    assert type(Parabola()(1.0)) is float and type(Parabola().gradient(1.0)) is float


def test_overflow_names_the_step():
    with pytest.raises(ValueError, match="^θ overflowed at step 2: "):
        descent_path(lambda theta: 1e308, 0.0, 1.0, 5)


def test_a_slope_that_is_not_a_finite_number_is_named_not_called_an_overflow():
    with pytest.raises(ValueError, match=r"^gradient\(θ\) must be finite, but received nan$"):
        descent_path(lambda theta: math.nan, 1.0, 0.1, 3)
    with pytest.raises(TypeError, match=r"^gradient\(θ\) must be a real number, but received str 'a'$"):
        descent_path(lambda theta: "a", 1.0, 0.1, 3)
    with pytest.raises(
        TypeError, match=r"^theta0 must be a real number, but received an array of shape \(2,\)"
    ):
        descent_path(Parabola().gradient, np.array([1.0, 2.0]), 0.1, 3)
    np.testing.assert_array_equal(descent_path(lambda theta: 2.0, np.int64(-8), 0.5, 2), [-8.0, -9.0, -10.0])
