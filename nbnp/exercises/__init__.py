"""The exercise checker: a learner's own code, run against nbnp's, with feedback that names the mistake.

Each build-it exercise of the book ends with one call,
``nbnp.check_exercise(name, candidate)``. It runs the candidate on several
inputs (a batch, one column, a non-square layer, large |z|), stops at the
first result that differs from nbnp's reference, and prints what the mistake
likely is (``db`` summed over the wrong axis, a missing ``1/m``, ``W`` where
``W.T`` belongs, ...), in which quantity, and the fix. A bug in the
candidate, an exception included, is feedback, never a crash.

The exercises (name: chapter): sigmoid, sigmoid_derivative: 1; bias_step: 2;
gradient_descent: 3; compute_cost, neuron_gradients: 4; feature_cross: 5;
hidden_layer: 6; LinearLayer, SigmoidLayer: 7; TanhLayer, ReLULayer: 8;
numerical_gradient: 9. Each ``check_*`` function's docstring says what the
candidate must be. The reference solutions, as the book shows them, are in
:mod:`nbnp.exercises.solutions`.
"""

from __future__ import annotations

import numpy as np

from nbnp.exercises import gradient_checker, layer_classes, registry, single_neuron, vectorized  # noqa: F401 (register)
from nbnp.exercises.result import ExerciseResult, Failure

__all__ = ["EXERCISES", "ExerciseResult", "check_exercise"]

#: Every exercise by name, in the book's order (chapter by chapter).
EXERCISES = dict(sorted(registry.EXERCISES.items(), key=lambda item: item[1].chapter))


def _run(name: str, candidate: object) -> ExerciseResult:
    exercise = EXERCISES[name]
    if exercise.is_class and not isinstance(candidate, type):
        return ExerciseResult(name, False, f"{name}: not yet. Pass the class itself, {name}, not "
                              f"{type(candidate).__name__!r} (no brackets after the name).")
    if not exercise.is_class and not callable(candidate):
        return ExerciseResult(name, False, f"{name}: not yet. Pass your function itself, not "
                              f"{type(candidate).__name__!r} (no brackets after the name).")
    state = np.random.get_state()
    try:
        summary = exercise.check(candidate)
    except Failure as failure:
        fix = f"\n  Fix: {failure.fix}" if failure.fix else ""
        return ExerciseResult(name, False, f"{name}: not yet. {failure.problem}{fix}")
    except Exception as err:  # a result so odd that comparing it failed: still feedback, not a crash
        return ExerciseResult(name, False, f"{name}: not yet. The check could not use your result: "
                              f"{type(err).__name__}: {str(err)[:120]}")
    finally:
        np.random.set_state(state)
    return ExerciseResult(name, True, f"{name}: passed. {summary}")


def check_exercise(name: str, candidate: object, quiet: bool = False) -> ExerciseResult:
    """Check a learner's function or class for exercise ``name``; print and return the verdict.

    Parameters
    ----------
    name : str
        One of :data:`EXERCISES`: ``"sigmoid"``, ``"compute_cost"``,
        ``"LinearLayer"``, ...
    candidate : function or class
        The learner's own, passed without calling it.
    quiet : bool, optional
        Do not print the feedback (it is in the result).

    Returns
    -------
    ExerciseResult
        ``.passed`` and ``.feedback``; NumPy's global random state is left
        as it was.

    Raises
    ------
    ValueError
        If ``name`` is not an exercise (the message lists them).

    Explained in each chapter's exercises.
    """
    if name not in EXERCISES:
        raise ValueError(f"no exercise is called {name!r}; the exercises are: {', '.join(EXERCISES)}")
    result = _run(name, candidate)
    if not quiet:
        print(result.feedback)
    return result
