"""Tests for nbnp/initializers.py: initialize_parameters."""

import numpy as np
import pytest

from nbnp import INI_TYPES, initialize_parameters

SCALES = {
    "plain": lambda n_in: 0.01,
    "xavier": lambda n_in: 1 / np.sqrt(n_in),
    "he": lambda n_in: np.sqrt(2 / n_in),
}


def test_the_three_ini_types():
    assert INI_TYPES == ("plain", "xavier", "he")


@pytest.mark.parametrize("ini_type", INI_TYPES)
def test_shapes_and_zero_bias(ini_type):
    params = initialize_parameters(5, 3, ini_type)
    assert params["W"].shape == (3, 5) and params["b"].shape == (3, 1)
    assert params["W"].dtype == np.float64
    np.testing.assert_array_equal(params["b"], np.zeros((3, 1)))


@pytest.mark.parametrize("ini_type", INI_TYPES)
def test_draws_scale_the_global_stream(ini_type):
    np.random.seed(48)
    draw = np.random.randn(3, 2)
    np.random.seed(48)
    W = initialize_parameters(2, 3, ini_type)["W"]
    np.testing.assert_allclose(W, draw * SCALES[ini_type](2), rtol=1e-15)


def test_xavier_divides_as_the_article_does():
    np.random.seed(48)
    expected = np.random.randn(3, 2) / np.sqrt(2)
    np.random.seed(48)
    np.testing.assert_array_equal(initialize_parameters(2, 3, "xavier")["W"], expected)


def test_default_is_plain():
    np.random.seed(1)
    a = initialize_parameters(4, 2)["W"]
    np.random.seed(1)
    np.testing.assert_array_equal(a, initialize_parameters(4, 2, "plain")["W"])


def test_random_state_is_reproducible_and_independent_of_the_global_stream():
    np.random.seed(0)
    state = np.random.get_state()[1].copy()
    a = initialize_parameters(3, 2, "he", np.random.RandomState(9))["W"]
    b = initialize_parameters(3, 2, "he", np.random.RandomState(9))["W"]
    np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(np.random.get_state()[1], state)


def test_unknown_ini_type_lists_the_valid_ones():
    with pytest.raises(
        ValueError, match="ini_type must be one of 'plain', 'xavier', 'he', but received 'Xavier'"
    ):
        initialize_parameters(2, 3, "Xavier")


@pytest.mark.parametrize("n_out", [0, -1])
def test_non_positive_n_out(n_out):
    with pytest.raises(ValueError, match=f"n_out must be a positive integer, but received {n_out}"):
        initialize_parameters(2, n_out)


@pytest.mark.parametrize("n_in, received", [(2.0, "float 2.0"), ("2", "str '2'"), (None, "NoneType None")])
def test_non_integer_n_in(n_in, received):
    with pytest.raises(TypeError, match=f"n_in must be a positive integer, but received {received}"):
        initialize_parameters(n_in, 3)


def test_numpy_integers_are_accepted():
    assert initialize_parameters(np.int64(2), np.int32(3))["W"].shape == (3, 2)


def test_random_state_of_the_wrong_type():
    with pytest.raises(
        TypeError, match="random_state must be a numpy.random.RandomState or None, but received int"
    ):
        initialize_parameters(2, 3, random_state=48)
