"""nbnp.check_exercise: every reference solution passes, and no learner's bug crashes the check.

The wrong implementations and their diagnoses are in ``test_wrong_bank.py``.
"""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

import nbnp
from nbnp.exercises import EXERCISES, ExerciseResult, check_exercise
from nbnp.exercises import solutions as ref
from nbnp.exercises.layer_classes import ReLUReference, TanhReference


@pytest.mark.parametrize("name", list(EXERCISES))
def test_every_reference_solution_passes(name, capsys):
    result = check_exercise(name, getattr(ref, name))
    assert result.passed is True, result.feedback
    assert capsys.readouterr().out == result.feedback + "\n"


@pytest.mark.parametrize(("name", "cls"), [("TanhLayer", TanhReference), ("ReLULayer", ReLUReference)])
def test_the_checkers_own_references_pass(name, cls):
    assert check_exercise(name, cls, quiet=True).passed


def test_nbnps_own_functions_and_classes_pass():
    for name in ("sigmoid", "sigmoid_derivative", "compute_cost", "feature_cross", "numerical_gradient",
                 "LinearLayer", "SigmoidLayer"):
        assert check_exercise(name, getattr(nbnp, name), quiet=True).passed, name


def test_every_chapter_of_parts_one_and_two_has_an_exercise_each_documented():
    assert sorted({exercise.chapter for exercise in EXERCISES.values()}) == list(range(1, 11))
    for exercise in EXERCISES.values():
        assert f"Explained in chapter {exercise.chapter}" in exercise.check.__doc__, exercise.name


def test_check_exercise_is_a_lazy_name_of_nbnp():
    assert nbnp.check_exercise is check_exercise


def test_an_unknown_name_raises_a_value_error_listing_the_known_ones():
    with pytest.raises(ValueError, match="sigmoid.*compute_cost.*LinearLayer"):
        check_exercise("sigmoid_layer", ref.sigmoid)


def test_the_result_prints_its_feedback_and_has_a_plain_repr():
    result = check_exercise("sigmoid", ref.sigmoid, quiet=True)
    assert isinstance(result, ExerciseResult)
    assert str(result) == result.feedback
    assert repr(result) == "ExerciseResult(name='sigmoid', passed=True)"


def test_an_exception_in_the_candidate_is_feedback_naming_its_type_message_and_input():
    def sigmoid(z):
        raise ZeroDivisionError("my bug")

    result = check_exercise("sigmoid", sigmoid, quiet=True)
    assert not result.passed
    assert "ZeroDivisionError: my bug" in result.feedback and "(2, 4) batch" in result.feedback


def test_an_exception_in_a_method_names_the_method():
    class SigmoidLayer(ref.SigmoidLayer):
        def backward(self, upstream_grad):
            return upstream_grad * self.a  # a typo: self.A

    result = check_exercise("SigmoidLayer", SigmoidLayer, quiet=True)
    assert "SigmoidLayer.backward raised AttributeError" in result.feedback
    assert "self.a" in result.feedback


def test_a_constructor_that_fails_is_feedback():
    class LinearLayer:
        def __init__(self, input_shape, n_out, ini_type):
            raise RuntimeError("not written yet")

    result = check_exercise("LinearLayer", LinearLayer, quiet=True)
    assert not result.passed and "constructor" in result.feedback and "not written yet" in result.feedback


def test_a_non_square_layer_with_w_for_w_transposed_raises_and_the_feedback_says_transpose():
    class LinearLayer(ref.LinearLayer):
        def backward(self, upstream_grad):
            super().backward(upstream_grad)
            if self.params["W"].shape[0] == self.params["W"].shape[1]:
                return self.dA_prev  # right on the square layer, wrong on the others
            self.dA_prev = self.params["W"] @ upstream_grad
            return self.dA_prev

    result = check_exercise("LinearLayer", LinearLayer, quiet=True)
    assert "LinearLayer.backward raised ValueError" in result.feedback
    assert "transpose" in result.feedback


def test_an_instance_or_a_call_result_instead_of_the_candidate_is_feedback():
    assert "class itself" in check_exercise("LinearLayer", ref.LinearLayer((2, 4), 3), quiet=True).feedback
    assert "function itself" in check_exercise("sigmoid", ref.sigmoid(0.0), quiet=True).feedback


def test_an_odd_result_is_feedback_not_a_crash():
    for odd in ("0.5", [[1, 2], [3]], {"A": 1}, object()):
        result = check_exercise("sigmoid", lambda z, odd=odd: odd, quiet=True)
        assert not result.passed and "sigmoid(z)" in result.feedback, result.feedback


def test_a_wrong_shape_reports_expected_and_got():
    result = check_exercise("sigmoid", lambda z: ref.sigmoid(z).reshape(-1), quiet=True)
    assert "shape (8,), expected (2, 4)" in result.feedback


def test_a_result_that_matches_no_known_mistake_names_where_it_differs():
    result = check_exercise("sigmoid", lambda z: ref.sigmoid(z) + 0.01, quiet=True)
    assert "differs from the reference at [0, 0]" in result.feedback
    assert "expected" in result.feedback and "got" in result.feedback


def test_the_check_leaves_numpys_random_state_as_it_was():
    np.random.seed(123)
    check_exercise("LinearLayer", ref.LinearLayer, quiet=True)
    after = np.random.rand()
    np.random.seed(123)
    assert after == np.random.rand()


def test_feedback_is_one_to_three_lines():
    for name in EXERCISES:
        assert 1 <= len(check_exercise(name, getattr(ref, name), quiet=True).feedback.splitlines()) <= 3


def test_the_checker_loads_on_first_use_and_never_brings_matplotlib():
    probe = ("import sys, nbnp; before = 'nbnp.exercises' in sys.modules; nbnp.check_exercise; "
             "print(before, 'nbnp.exercises' in sys.modules, 'matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True", "False"]
