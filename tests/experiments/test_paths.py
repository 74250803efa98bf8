"""Tests of nbnp.experiments.paths: b feeds two nodes, so its gradient is the sum of the two paths."""

import numpy as np
import pytest

from nbnp.experiments import sum_of_paths_pass


@pytest.mark.parametrize("a, b", [(2.0, 1.0), (-0.5, 3.25), (0.0, -1.0)])
def test_the_gradient_of_b_is_the_sum_of_its_two_paths_and_matches_a_nudge(a, b):
    r = sum_of_paths_pass(a, b)
    assert (r["c"], r["d"], r["e"]) == (a + b, b + 1, (a + b) * (b + 1))
    assert (r["via_c"], r["via_d"]) == (b + 1, a + b)
    assert r["de_db"] == r["via_c"] + r["via_d"] and r["de_da"] == b + 1
    h = 1e-4
    nudge = (sum_of_paths_pass(a, b + h)["e"] - sum_of_paths_pass(a, b - h)["e"]) / (2 * h)
    assert np.isclose(r["de_db"], nudge, rtol=0, atol=1e-9)


def test_arrays_of_one_number_are_accepted():
    assert sum_of_paths_pass(np.array([[2.0]]), np.array(1)) == sum_of_paths_pass(2.0, 1.0)


@pytest.mark.parametrize(
    "a, b, error, match",
    [
        ([1.0, 2.0], 1.0, ValueError, "a must be a single number"),
        (1.0, np.zeros((1, 2)), ValueError, "b must be a single number"),
        ("x", 1.0, TypeError, "a must hold real numbers"),
    ],
)
def test_bad_input_is_refused_naming_the_argument(a, b, error, match):
    with pytest.raises(error, match=match):
        sum_of_paths_pass(a, b)
