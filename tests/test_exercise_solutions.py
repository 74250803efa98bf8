"""Every exercise: numbered with sphinx-exercise, its solution behind a "Solution" toggle, its answer right.

* structure: each chapter has at least three exercises (Part I) or two (Part II); each
  ``{exercise}`` has a label and exactly one gated ``{solution-start}`` / ``{solution-end}``
  pair after it, holding at least one code cell; no solution is hidden with the old
  ``hide-cell`` tags any more;
* answers: each solution cell added with the "More exercises" sections runs in a fresh
  namespace (NumPy and nbnp only: they are self-contained) and its result is checked against
  an independent computation in plain Python. The chapters' first exercises are checked by
  ``tests/test_exercises_part1_ch1_3.py`` and ``tests/test_part2_chapters.py``.
"""

from __future__ import annotations

import contextlib
import io
import math
import re
from pathlib import Path

import nbformat
import numpy as np
import pytest

import nbnp

BOOK = Path(__file__).resolve().parent.parent / "book"
CHAPTERS = sorted(BOOK.glob("part1/*.ipynb")) + sorted(BOOK.glob("part2/*.ipynb"))


def _sigma(z: float) -> float:
    return 1 / (1 + math.exp(-z))


def solution(chapter: str, label: str) -> dict:
    """Run the solution cell of exercise ``label``; return its namespace (with what it printed)."""
    path = next(p for p in CHAPTERS if p.stem.startswith(chapter))
    cells = {cell.get("id"): cell for cell in nbformat.read(path, as_version=4).cells}
    namespace: dict = {"np": np, "nbnp": nbnp}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(cells[f"solution-{label}"].source, namespace)
    namespace["printed"] = out.getvalue()
    return namespace


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_exercises_are_numbered_with_a_solution_toggle(path):
    cells = nbformat.read(path, as_version=4).cells
    labels = [
        m.group(1)
        for c in cells
        if c.cell_type == "markdown"
        for m in [re.search(r"^```\{exercise\}[^\n]*\n:label: (\S+)", c.source)]
        if m
    ]
    assert len(labels) >= (3 if path.parent.name == "part1" else 2), path.stem
    for label in labels:
        start = [i for i, c in enumerate(cells) if c.source.startswith(f"```{{solution-start}} {label}\n")]
        assert len(start) == 1, label
        assert ":class: dropdown" in cells[start[0]].source
        end = next(i for i in range(start[0], len(cells)) if "```{solution-end}" in cells[i].source)
        assert any(c.cell_type == "code" for c in cells[start[0] : end + 1]), label
    hidden = [c.get("id") for c in cells if {"hide-cell", "hide-input"} & set(c.metadata.get("tags", []))]
    assert not hidden, f"{path.stem}: solutions still hidden by tags: {hidden}"
    assert any(c.source.startswith("## Summary") for c in cells), f"{path.stem} has no summary"


def test_ch1_sigmoid_at_zero():
    ns = solution("01", "ex-ch1-sigmoid-at-zero")
    assert ns["sigma_0"] == 0.5 and ns["slope_0"] == 0.25


def test_ch1_equal_inputs_give_equal_negative_gradients():
    run = solution("01", "ex-ch1-equal-inputs")["both"]
    y_hat = _sigma(0.7)
    dz = -(1 - y_hat) * y_hat * (1 - y_hat)
    assert run["dL_dw"][0] == run["dL_dw"][1] < 0
    assert math.isclose(run["dL_dw"][0], dz, rel_tol=1e-12)


def test_ch2_second_step_by_hand():
    ns = solution("02", "ex-ch2-second-step")
    y_hat = _sigma(-0.125)
    db = y_hat * y_hat * (1 - y_hat)
    assert math.isclose(float(ns["second"][0].params["b"][0, 0]), -0.125 - db, rel_tol=1e-12)
    assert "b after the second step = -0.2417" in ns["printed"]


def test_ch2_twice_the_learning_rate_ends_lower():
    losses = solution("02", "ex-ch2-double-alpha")["losses_200"]
    ours = {}
    for alpha in (1, 2):
        b = 0.0
        for _ in range(200):
            y_hat = _sigma(b)
            b -= alpha * y_hat * y_hat * (1 - y_hat)
        ours[alpha] = 0.5 * _sigma(b) ** 2
    assert losses[2] < losses[1]
    assert all(math.isclose(losses[a], ours[a], rel_tol=1e-9) for a in (1, 2))


def test_ch3_two_steps_and_the_zigzag():
    assert list(solution("03", "ex-ch3-two-steps")["two_steps"]) == [-8.0, -4.0, -2.0]
    assert list(solution("03", "ex-ch3-zigzag")["zigzag"]) == [-8.0, 4.0, -2.0, 1.0]


def test_ch4_undecided_cost_and_half_alpha():
    assert solution("04", "ex-ch4-cost-at-one-half")["undecided"] == 0.125
    costs = solution("04", "ex-ch4-half-alpha")["final_costs"]
    assert costs[0.5] > costs[1.0]


def test_ch5_cross_column_and_prediction_before_training():
    assert "x3 = x1*x2: [0, 0, 0, 1]" in solution("05", "ex-ch5-cross-column")["printed"]
    printed = solution("05", "ex-ch5-before-training")["printed"]
    assert f"{_sigma(0.9):.3f}" == "0.711" and printed.splitlines()[0].endswith("0.711]]")
    assert "predictions: [[0, 1, 1, 1]]" in printed  # (1, 1) wrongly 1


def test_ch6_parameters_and_shapes():
    assert solution("06", "ex-ch6-count-parameters")["count"] == (2 * 5 + 5) + (5 * 3 + 3) + (3 * 1 + 1)
    printed = solution("06", "ex-ch6-shapes")["printed"].split()
    assert printed == ["W1", "(3", "×", "2)", "b1", "(3", "×", "1)", "Z1", "(3", "×", "4)",
                       "W2", "(1", "×", "3)", "Z2", "(1", "×", "4)"]  # fmt: skip


def test_ch7_perfect_prediction_costs_nothing():
    ns = solution("07", "ex-ch7-perfect-prediction")
    assert ns["perfect_cost"] == 0 and not np.any(ns["perfect_dA"])


@pytest.mark.slow
def test_ch8_takeoff_matches_the_companion_log():
    # The companion notebook printed 0.10280346921569668 at epoch 1600 and 0.09162334961696444 at 1700.
    assert solution("08", "ex-ch8-below-a-tenth")["first_below"] == 1700


def test_ch9_relative_error_of_a_doubled_gradient():
    assert math.isclose(solution("09", "ex-ch9-relative-error")["doubled"], 1 / 3, rel_tol=1e-12)
