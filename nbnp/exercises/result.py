"""The checker's verdict, and calling a learner's code so that no bug of theirs can crash the check.

A check stops at the first mistake it finds and raises :class:`Failure`, whose
message is the feedback; :func:`call` turns anything the learner's code raises,
and any input it changed in place, into such a :class:`Failure`.
"""

from __future__ import annotations

import re
import warnings
from typing import Callable

import numpy as np

__all__ = ["ExerciseResult", "Failure", "call", "describe_exception"]


class ExerciseResult:
    """What :func:`nbnp.check_exercise` found: ``passed`` (bool) and ``feedback`` (str).

    ``print(result)`` shows the feedback; the repr is one plain line.
    """

    def __init__(self, name: str, passed: bool, feedback: str) -> None:
        self.name, self.passed, self.feedback = name, bool(passed), feedback

    def __repr__(self) -> str:
        return f"ExerciseResult(name={self.name!r}, passed={self.passed})"

    def __str__(self) -> str:
        return self.feedback


class Failure(Exception):
    """A learner's mistake, found: ``problem`` says what is wrong ``on`` which input, ``fix`` what to do.

    The feedback reads "On a (2, 4) batch, db is summed over the wrong axis."
    """

    def __init__(self, problem: str, fix: str = "", on: str = "") -> None:
        problem = problem.rstrip(".")
        problem = f"{on[:1].upper()}{on[1:]}, {problem}." if on else f"{problem}."
        super().__init__(problem)
        self.problem, self.fix = problem, fix


def _shape_hint(message: str) -> bool:
    return bool(re.search(r"matmul|not aligned|broadcast|shapes|dimension", message))


def describe_exception(err: BaseException, shape_fix: str = "") -> str:
    """A fix for the exceptions a learner meets most, or "" when there is nothing to add."""
    message = str(err)
    if isinstance(err, TypeError) and re.search(r"(size|length)-1 arrays?|0-dimensional arrays", message):
        return ("An array was used where one number belongs (math.exp, or float() of an array?): "
                "use np.exp, which works entry by entry, or take one entry with [0, 0].")
    if isinstance(err, ValueError) and _shape_hint(message):
        return shape_fix or "Print the shapes of each product's two factors; one of them needs .T."
    if isinstance(err, AttributeError) and "has no attribute" in message:
        name = re.search(r"attribute '(\w+)'", message)
        if name and ("object" in message and "ndarray" not in message and "float" not in message):
            return (f"Store self.{name.group(1)} in the method that computes it "
                    "(forward keeps what backward needs).")
    if isinstance(err, NameError):
        return "Define or import that name first (import numpy as np), then run the cell again."
    return ""


def call(what: str, fn: Callable, args: dict[str, object], on: str, shape_fix: str = "",
         restore: str = "") -> object:
    """``fn(*args.values())``, or a :class:`Failure` naming what went wrong.

    NumPy's warnings are silenced during the call (the values are checked
    instead). An exception becomes a Failure naming its type, its message,
    ``what`` was called and ``on`` which input; so does an array argument
    changed in place (beyond round-off; ``restore``, if given, is the fix to
    suggest for an argument the candidate must change and put back).
    """
    before = {name: np.array(value, copy=True) for name, value in args.items()
              if isinstance(value, np.ndarray)}
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            value = fn(*args.values())
    except Exception as err:  # the learner's bug is feedback, never a crash
        text = str(err).strip().splitlines()[0] if str(err).strip() else "(no message)"
        text = text if len(text) <= 120 else text[:119] + "…"
        raise Failure(f"{what} raised {type(err).__name__}: {text}",
                      describe_exception(err, shape_fix), on) from None
    for name, saved in before.items():
        now = args[name]
        if now.shape != saved.shape or not np.allclose(now, saved, rtol=1e-12, atol=0, equal_nan=True):
            if restore:
                raise Failure(f"{what} left {name} changed: restore each entry after nudging it", restore, on)
            raise Failure(f"{what} changed its input {name} in place",
                          f"Leave {name} as it came: compute into a new array "
                          f"(x = x * 2, not x *= 2 or {name}[...] = ...).", on)
    return value
