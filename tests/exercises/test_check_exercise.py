"""nbnp.check_exercise: nbnp's own functions and classes pass, and no learner's bug crashes the check.

The reference solutions pass in ``test_wrong_bank.py`` (beside its bank of wrong implementations
and their diagnoses) and in each chapter's solution cell (``test_exercise_solutions.py``).
"""

from __future__ import annotations

import numpy as np
import pytest

import nbnp
from nbnp.exercises import check_exercise
from nbnp.exercises import solutions as ref

#: nbnp's own functions and classes, which the chapters' exercises rebuild
NBNPS_OWN = ["sigmoid", "sigmoid_derivative", "compute_cost", "feature_cross", "numerical_gradient",
             "LinearLayer", "SigmoidLayer"]


@pytest.mark.parametrize("name", NBNPS_OWN)
def test_nbnps_own_pass(name, capsys):
    result = nbnp.check_exercise(name, getattr(nbnp, name))
    assert result.passed is True, result.feedback
    assert capsys.readouterr().out == f"{result}\n"  # printed, and print(result) shows the same
    assert 1 <= len(result.feedback.splitlines()) <= 3


def test_an_unknown_name_raises_a_value_error_listing_the_known_ones():
    with pytest.raises(ValueError, match="sigmoid.*compute_cost.*LinearLayer"):
        check_exercise("sigmoid_layer", ref.sigmoid)


def _raises(z):
    raise ZeroDivisionError("my bug")


class _Typo(ref.SigmoidLayer):
    def backward(self, upstream_grad):
        return upstream_grad * self.a  # a typo: self.A


class _Unwritten:
    def __init__(self, input_shape, n_out, ini_type):
        raise RuntimeError("not written yet")


class _SquareOnly(ref.LinearLayer):
    def backward(self, upstream_grad):
        super().backward(upstream_grad)
        if self.params["W"].shape[0] == self.params["W"].shape[1]:
            return self.dA_prev  # right on the square layer, W for W.T on the others
        self.dA_prev = self.params["W"] @ upstream_grad
        return self.dA_prev


class _Unreadable:
    def __array__(self, *args, **kwargs):
        raise RuntimeError("no numbers here")


BUGS = [
    ("sigmoid", _raises, ["ZeroDivisionError: my bug", "(2, 4) batch"]),
    ("SigmoidLayer", _Typo, ["SigmoidLayer.backward raised AttributeError", "self.a"]),
    ("LinearLayer", _Unwritten, ["constructor", "not written yet"]),
    ("LinearLayer", _SquareOnly, ["LinearLayer.backward raised ValueError", "transpose"]),
    ("LinearLayer", ref.LinearLayer((2, 4), 3), ["class itself"]),  # an instance, not the class
    ("sigmoid", ref.sigmoid(0.0), ["function itself"]),  # the result of a call
    *[("sigmoid", lambda z, o=odd: o, ["sigmoid(z)"]) for odd in ("0.5", [[1, 2], [3]], {"A": 1}, object())],
    ("sigmoid", lambda z: _Unreadable(), ["could not use your result", "no numbers here"]),
    ("sigmoid", lambda z: ref.sigmoid(z).reshape(-1), ["shape (8,), expected (2, 4)"]),
    ("sigmoid", lambda z: ref.sigmoid(z) + 0.01, ["differs from the reference at [0, 0]", "expected", "got"]),
]


@pytest.mark.parametrize(("name", "candidate", "phrases"), BUGS, ids=[str(i) for i in range(len(BUGS))])
def test_a_learners_bug_is_feedback_naming_it_never_a_crash(name, candidate, phrases):
    result = check_exercise(name, candidate, quiet=True)
    assert result.passed is False
    assert all(phrase in result.feedback for phrase in phrases), result.feedback


def test_the_check_leaves_numpys_random_state_as_it_was():
    np.random.seed(123)
    check_exercise("LinearLayer", ref.LinearLayer, quiet=True)
    after = np.random.rand()
    np.random.seed(123)
    assert after == np.random.rand()
