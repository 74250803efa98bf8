"""The exercise checker: a learner's own code, run against nbnp's, with feedback that names the mistake.

Each build-it exercise of the book ends with one call,
``nbnp.check_exercise(name, candidate)``. It runs the candidate on several
inputs (a batch, one column, a non-square layer, large ``|z|``), stops at the
first result that differs from nbnp's reference, and prints what the mistake
likely is (``db`` summed over the wrong axis, a missing ``1/m``, ``W`` where
``W.T`` belongs, ...), in which quantity, and the fix. A bug in the
candidate, an exception included, is feedback, never a crash.

The exercises (name: chapter): sigmoid, sigmoid_derivative: 1; bias_step: 2;
gradient_descent: 3; compute_cost, neuron_gradients: 4 and 5; feature_cross: 6;
hidden_layer: 7; LinearLayer, SigmoidLayer: 8; TanhLayer, ReLULayer: 9;
numerical_gradient: 10. Each ``check_*`` function's docstring says what the
candidate must be. The reference solutions, as the book shows them, are in
:mod:`nbnp.exercises.solutions`.
"""

from __future__ import annotations

from nbnp.exercises.check import EXERCISES, check_exercise
from nbnp.exercises.result import ExerciseResult

__all__ = ["EXERCISES", "ExerciseResult", "check_exercise"]
