"""check_exercise: run a learner's candidate through its exercise and turn every outcome into feedback."""

from __future__ import annotations

import numpy as np

from nbnp.exercises import gradient_checker, layer_classes, registry, single_neuron, vectorized  # noqa: F401 (register)
from nbnp.exercises.result import ExerciseResult, Failure

__all__ = ["EXERCISES", "check_exercise"]

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

    Explained in each chapter's exercises.

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
    """
    if name not in EXERCISES:
        raise ValueError(f"no exercise is called {name!r}; the exercises are: {', '.join(EXERCISES)}")
    result = _run(name, candidate)
    if not quiet:
        print(result.feedback)
    return result
