"""Exercise of chapter 10: a gradient checker by central differences, compared with nbnp's.

The candidate gets ``f``, which takes no argument and reads the array ``x``
itself, as :func:`nbnp.numerical_gradient` does: the checker must nudge ``x``
in place, one entry at a time, and put each entry back.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from nbnp.activations import sigmoid
from nbnp.datasets import or_gate
from nbnp.exercises.diagnose import Variant, check_value
from nbnp.exercises.registry import exercise
from nbnp.exercises.result import call
from nbnp.gradcheck import numerical_gradient
from nbnp.losses import compute_cost

__all__ = ["check_numerical_gradient"]


def _cubes(x: np.ndarray) -> Callable[[], float]:
    return lambda: float(np.sum(x ** 3))


def _neuron_cost(W: np.ndarray) -> Callable[[], float]:
    X, Y = or_gate()
    return lambda: compute_cost(Y, sigmoid(W @ X + 0.5))[0]


def _mixed(x: np.ndarray) -> Callable[[], float]:
    c = np.arange(1.0, 7.0).reshape(2, 3)
    return lambda: float(np.sum(c * x ** 2) + x[0, 0] * x[1, 2] + np.sin(x[1, 0]))


#: (what the feedback calls the input, f's maker, x, eps)
_CASES = [
    ("on f = Σ x³ with x of shape (1, 3), ε = 1e-3", _cubes, np.array([[1.0, -2.0, 0.5]]), 1e-3),
    ("on the OR neuron's cost over W of shape (1, 2), ε = 1e-5", _neuron_cost, np.array([[0.1, 0.6]]), 1e-5),
    ("on a function of x of shape (2, 3), ε = 1e-4", _mixed,
     np.array([[0.3, -1.2, 2.0], [0.7, 1.5, -0.4]]), 1e-4),
]


def _differences(make: Callable, x: np.ndarray, eps: float) -> dict[str, np.ndarray]:
    """What the usual wrong checkers compute: forward differences, all entries at once, ..."""
    work = x.copy()
    f = make(work)
    forward, together, rows = np.zeros_like(x), np.zeros_like(x), np.zeros_like(x)
    f0 = f()
    for i in np.ndindex(x.shape):
        work[i] += eps
        forward[i] = (f() - f0) / eps
        work[i] -= eps
        work[i] = x[i]
    work += eps
    f_plus = f()
    work[...] = x - eps
    together[...] = (f_plus - f()) / (2 * eps)
    for r in range(x.shape[0]):
        work[...] = x
        work[r] += eps
        f_plus = f()
        work[r] -= 2 * eps
        rows[r] = (f_plus - f()) / (2 * eps)
    return {"forward": forward, "together": together, "rows": rows}


@exercise("numerical_gradient", chapter=10)
def check_numerical_gradient(candidate: Callable) -> str:
    """``numerical_gradient(f, x, eps)``: the central-difference gradient of ``f()`` with respect to ``x``.

    ``f`` takes no argument and returns a float computed from the array
    ``x`` (any shape), which the checker nudges in place:
    (f(x + ε·e_i) − f(x − ε·e_i)) / 2ε for each entry i, restoring the entry
    after. Return an array of the shape of ``x``; leave ``x`` as it came.
    Compared with :func:`nbnp.numerical_gradient`. Explained in chapter 10.
    """
    for on, make, x0, eps in _CASES:
        x = x0.copy()
        got = call("numerical_gradient", candidate, {"f": make(x), "x": x, "eps": eps}, on,
                   restore="Put each entry back after the two evaluations: x[i] = saved.")
        ref_x = x0.copy()
        want = numerical_gradient(make(ref_x), ref_x, eps)
        wrong = _differences(make, x0, eps)
        one_at_a_time = ("{q} nudges several entries at once (a whole row, or all of x)",
                         "Nudge one entry at a time: for i in np.ndindex(x.shape).")
        variants = [
            Variant("{q} is a forward difference, (f(x + ε) − f(x)) / ε",
                    "Use both sides: (f(x + ε) − f(x − ε)) / (2ε), whose error shrinks like ε².",
                    {"gradient": wrong["forward"]}),
            Variant("{q} is twice too large: it divides by ε instead of 2ε", "Divide by 2 * eps.",
                    {"gradient": 2 * want}),
            Variant("{q} has the wrong sign: f(x − ε) − f(x + ε)", "(f(x + ε) − f(x − ε)) / (2ε).",
                    {"gradient": -want}),
            Variant("{q} is all zeros: f never saw the nudges (was a copy of x changed?)",
                    "Change x itself, in place: x[i] += eps, call f(), then put x[i] back.",
                    {"gradient": np.zeros_like(want)}),
            Variant(*one_at_a_time, {"gradient": wrong["rows"]}),
            Variant(*one_at_a_time, {"gradient": wrong["together"]}),
        ]
        check_value("gradient", got, want, on, variants, rtol=1e-7)
    return "Right on Σ x³, the OR neuron's cost over W, and a (2, 3) array, and x is left as it came."
