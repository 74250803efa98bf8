"""Tests of nbnp/initializers.py: shapes, scales and seeds a reader relies on."""

from __future__ import annotations

import numpy as np
import pytest

from nbnp import INI_TYPES, initialize_parameters

SCALES = {"plain": lambda n_in: 0.01, "xavier": lambda n_in: 1 / np.sqrt(n_in),
          "he": lambda n_in: np.sqrt(2 / n_in)}


@pytest.mark.parametrize("ini_type", INI_TYPES)
def test_weights_are_a_scaled_normal_draw_and_biases_zero(ini_type):
    params = initialize_parameters(5, 3, ini_type, np.random.RandomState(7))
    draw = np.random.RandomState(7).randn(3, 5)
    np.testing.assert_allclose(params["W"], draw * SCALES[ini_type](5), rtol=1e-15)
    assert params["b"].shape == (3, 1) and not params["b"].any()


def test_the_documented_types_are_the_three_scales():
    assert set(INI_TYPES) == set(SCALES)


def test_the_default_is_plain():
    a = initialize_parameters(2, 3, random_state=np.random.RandomState(1))
    b = initialize_parameters(2, 3, "plain", np.random.RandomState(1))
    np.testing.assert_array_equal(a["W"], b["W"])


def test_np_random_seed_gives_the_same_weights_as_a_random_state():
    np.random.seed(48)
    from_global = initialize_parameters(2, 3, "xavier")
    np.testing.assert_array_equal(from_global["W"], np.random.RandomState(48).randn(3, 2) / np.sqrt(2))


def test_an_unknown_ini_type_is_refused_naming_the_choices():
    with pytest.raises(ValueError, match="ini_type.*xavier"):
        initialize_parameters(2, 3, "Xavier")


@pytest.mark.parametrize("n_in, error", [(0, ValueError), (2.0, TypeError), (True, TypeError)])
def test_a_size_that_is_not_a_positive_int_is_refused(n_in, error):
    with pytest.raises(error, match="n_in"):
        initialize_parameters(n_in, 3)


def test_a_seed_passed_as_random_state_says_how_to_make_one():
    with pytest.raises(TypeError, match=r"random_state must be None or a numpy.random.RandomState"):
        initialize_parameters(2, 3, "xavier", random_state=42)
