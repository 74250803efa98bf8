"""Every exercise: numbered with sphinx-exercise, its solution behind a "Solution" toggle, its answer right.

* structure: each chapter has at least three exercises (Part I) or two (Part II); each
  ``{exercise}`` has a label and exactly one gated ``{solution-start}`` / ``{solution-end}``
  pair after it, holding at least one code cell; no solution is hidden with the old
  ``hide-cell`` tags any more;
* answers: each solution cell added with the "More exercises" sections runs in a fresh
  namespace (NumPy and nbnp only: they are self-contained) and its result is checked against
  an independent computation in plain Python or NumPy, never against a typed number. The
  first exercises of chapters 4 to 6 continue the chapter's own state: the test rebuilds
  that state, runs the solution, and recomputes its answer with plain NumPy from the start.
  The other chapters' first exercises are checked by ``tests/test_exercises_part1_ch1_3.py``
  and ``tests/test_part2_chapters.py``.
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


def solution(chapter: str, label: str, state: dict | None = None) -> dict:
    """Run the solution cell of exercise ``label``; return its namespace (with what it printed).

    ``state`` holds the names a solution takes over from the chapter's earlier cells.
    """
    path = next(p for p in CHAPTERS if p.stem.startswith(chapter))
    cells = {cell.get("id"): cell for cell in nbformat.read(path, as_version=4).cells}
    namespace: dict = {"np": np, "nbnp": nbnp, **(state or {})}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(cells[f"solution-{label}"].source, namespace)
    namespace["printed"] = out.getvalue()
    return namespace


def _inside_a_solution(cells, index: int) -> bool:
    """Whether cell ``index`` lies between a ``{solution-start}`` and its ``{solution-end}``."""
    marks = [c.source for c in cells[:index] if c.cell_type == "markdown"]
    starts = sum("```{solution-start}" in m for m in marks)
    ends = sum("```{solution-end}" in m for m in marks)
    return starts > ends


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
    in_solution = [c for i, c in enumerate(cells) if _inside_a_solution(cells, i)]
    folded = {"hide-cell", "hide-input"}
    hidden = [c.get("id") for c in in_solution if folded & set(c.metadata.get("tags", []))]
    assert not hidden, f"{path.stem}: solutions still hidden by tags: {hidden}"
    assert any(c.source.startswith("## Summary") for c in cells), f"{path.stem} has no summary"


def test_ch1_sigmoid_at_zero():
    ns = solution("01", "ex-ch1-sigmoid-at-zero")
    assert ns["sigma_0"] == 0.5 and ns["slope_0"] == 0.25


def test_ch1_equal_inputs_give_equal_negative_gradients():
    ns = solution("01", "ex-ch1-equal-inputs")
    y_hat = _sigma(0.7)
    dz = -(1 - y_hat) * y_hat * (1 - y_hat)
    assert ns["dL_dw1"] == ns["dL_dw2"] < 0
    assert math.isclose(ns["dL_dw1"], dz, rel_tol=1e-12)


def test_ch2_second_step_by_hand():
    ns = solution("02", "ex-ch2-second-step")
    y_hat = _sigma(-0.125)
    db = y_hat * y_hat * (1 - y_hat)
    assert math.isclose(ns["b_second"], -0.125 - db, rel_tol=1e-12)
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


# --- Part I, chapters 4 and 4b: the build-it exercises (chapters 1 to 3: test_exercises_part1_ch1_3.py)
PART1_BUILD_ITS = [
    ("04", "ex-ch4-build-cost", "compute_cost",
     "m = Y.shape[1]\nreturn np.sum((Y - Y_hat) ** 2) / 2, -(Y - Y_hat)", "the 1/m is missing",
     "m = Y.shape[1]\nreturn np.sum((Y - Y_hat) ** 2) / (2 * m), -(Y - Y_hat) / m"),
    ("04b", "ex-ch4b-build-gradients", "neuron_gradients",
     "A = 1 / (1 + np.exp(-(W @ X + b)))\ndZ = -(Y - A) / X.shape[1] * A * (1 - A)\n"
     "return dZ @ X.T, np.sum(dZ, axis=0, keepdims=True)", "summed over the wrong axis",
     "A = 1 / (1 + np.exp(-(W @ X + b)))\ndZ = -(Y - A) / X.shape[1] * A * (1 - A)\n"
     "return dZ @ X.T, np.sum(dZ, axis=1, keepdims=True)"),
]


def _printed(source: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(source, {"np": np, "nbnp": nbnp})
    return out.getvalue()


@pytest.mark.parametrize(("chapter", "label", "name", "wrong", "diagnosis", "right"), PART1_BUILD_ITS,
                         ids=[b[1] for b in PART1_BUILD_ITS])
def test_part1_build_it_exercise_of_chapter_4(chapter, label, name, wrong, diagnosis, right):
    """The learner's cell is skipped by nbval, gives feedback, names a first mistake; the solution passes."""
    from nbnp.exercises import solutions

    path = next(p for p in CHAPTERS if p.stem.split("_")[0] == chapter)
    cells = {cell.get("id"): cell for cell in nbformat.read(path, as_version=4).cells}
    scaffold = cells[f"{label}-try"]
    assert {"skip-execution", "nbval-skip"} <= set(scaffold.metadata["tags"]) and not scaffold.outputs
    assert scaffold.source.splitlines()[-1].startswith(f'_ = nbnp.check_exercise("{name}", my_')
    assert _printed(scaffold.source).startswith(f"{name}: not yet.")
    stub = next(line for line in scaffold.source.splitlines() if line.strip().startswith("..."))
    def attempt(body):
        return _printed(scaffold.source.replace(stub, "\n".join("    " + ln for ln in body.splitlines())))
    assert diagnosis in attempt(wrong)
    assert attempt(right).startswith(f"{name}: passed.")
    listing = cells[f"{label}-listing"].source
    included = re.search(r"```\{literalinclude\} (\S+)\n", listing).group(1)
    assert (path.parent / included).resolve() == Path(solutions.__file__).resolve()
    assert f":pyobject: {name}\n" in listing and callable(getattr(solutions, name))
    stored = "".join(out.get("text", "") for out in cells[f"solution-{label}"].outputs)
    assert stored.startswith(f"{name}: passed.") and stored == _printed(cells[f"solution-{label}"].source)


def test_ch4_twice_the_data_changes_neither_cost_nor_gradient():
    ns = solution("04", "ex-ch4-twice-the-data")
    A = _np_sigma(START[0] @ OR_X)
    cost = float(np.sum((OR_Y - A) ** 2) / 8)
    dW = (-(OR_Y - A) / 4 * A * (1 - A)) @ OR_X.T
    assert math.isclose(ns["cost_m"], cost, rel_tol=1e-12) and ns["m_"] == 8
    np.testing.assert_allclose(ns["dW_m"], dW, rtol=1e-12)
    lines = ns["printed"].splitlines()
    assert len(lines) == 2 and lines[0][len("m = 4"):] == lines[1][len("m = 8"):]


def test_ch4b_db_sums_over_the_examples_axis():
    ns = solution("04b", "ex-ch4b-which-axis")
    dZ = [[0.1, -0.2, 0.05], [0.3, 0.0, -0.1]]
    rows = [[round(sum(row), 2)] for row in dZ]
    columns = [[round(sum(col), 2) for col in zip(*dZ)]]
    assert ns["printed"].splitlines() == [f"axis=1: shape (2, 1), {rows}", f"axis=0: shape (1, 3), {columns}"]


def _np_sigma(z: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-z))


def _np_step(params: list[tuple[np.ndarray, np.ndarray]], X, Y, alpha: float = 0.0):
    """One full-batch iteration of a sigmoid network: (cost, gradients), then the update by ``alpha``."""
    activations = [X]
    for W, b in params:
        activations.append(_np_sigma(W @ activations[-1] + b))
    m = X.shape[1]
    cost = float(np.sum((Y - activations[-1]) ** 2) / (2 * m))
    dA = -(Y - activations[-1]) / m
    grads = []
    for (W, _b), A_prev, A in zip(params[::-1], activations[-2::-1], activations[:0:-1]):
        dZ = dA * A * (1 - A)
        grads.append((dZ @ A_prev.T, dZ.sum(axis=1, keepdims=True)))
        dA = W.T @ dZ
    grads = grads[::-1]
    new = [(W - alpha * dW, b - alpha * db) for (W, b), (dW, db) in zip(params, grads)]
    return cost, grads, new


def _np_train(params, X, Y, alpha: float, epochs: int) -> float:
    for _ in range(epochs):
        _, _, params = _np_step(params, X, Y, alpha)
    return _np_step(params, X, Y)[0]


OR_X = np.array([[0.0, 0.0, 1.0, 1.0], [0.0, 1.0, 0.0, 1.0]])
OR_Y = np.array([[0.0, 1.0, 1.0, 1.0]])
XOR_Y = np.array([[0.0, 1.0, 1.0, 0.0]])
START = (np.array([[0.1, 0.6]]), np.zeros((1, 1)))


def _chapter_cell(chapter: str, cell_id: str) -> str:
    path = next(p for p in CHAPTERS if p.stem.startswith(chapter))
    return next(c.source for c in nbformat.read(path, as_version=4).cells if c.get("id") == cell_id)


def test_ch4_second_iteration_gradients_by_value():
    _, _, [(W, b)] = _np_step([START], OR_X, OR_Y, alpha=1.0)  # the chapter's state: after one update
    X, Y = nbnp.or_gate()
    ns = solution("04", "ex-ch4-the-second-iteration", {"X": X, "Y": Y, "W": W, "b": b, "m": 4})
    _, [(dW, db)], _ = _np_step([(W, b)], OR_X, OR_Y)
    np.testing.assert_allclose(ns["dW_2"], dW, rtol=1e-12)
    np.testing.assert_allclose(ns["db_2"], db, rtol=1e-12)
    assert f"dW = {np.round(dW, 3).tolist()}  db = {np.round(db, 3).tolist()}" in ns["printed"]


@pytest.mark.slow
def test_ch4_undecided_cost_and_half_alpha_by_value():
    undecided = solution("04", "ex-ch4-cost-at-one-half")
    assert undecided["undecided"] == float(np.mean((OR_Y - 0.5) ** 2) / 2)
    X, Y = nbnp.or_gate()
    state = {"np": np, "X": X, "Y": Y, "m": 4}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(_chapter_cell("04", "ch04-22"), state)  # the chapter's train(W, b, learning_rate, epochs)
    ns = solution("04", "ex-ch4-half-alpha", {"X": X, "Y": Y, "m": 4, "train": state["train"]})
    for alpha in (1.0, 0.5):
        ours = _np_train([START], OR_X, OR_Y, alpha, 5000)
        assert math.isclose(ns["final_costs"][alpha], ours, rel_tol=1e-9), alpha
        assert f"alpha = {alpha}: final cost {ours:.3g}" in ns["printed"]
    assert ns["final_costs"][0.5] > ns["final_costs"][1.0]


def test_ch5_first_update_by_value():
    X, Y = nbnp.xor_gate()
    X3 = np.vstack([X, X[0] * X[1]])
    W, b = np.array([[0.1, 0.6, 0.2]]), 0.0
    cost, [(dW, db)], _ = _np_step([(W, np.zeros((1, 1)))], X3, Y)  # the chapter's first iteration
    state = {"X3": X3, "Y": Y, "m": 4, "W": W, "b": b, "dW": dW, "db": db, "cost": cost}
    ns = solution("05", "ex-ch5-the-update", state)
    X3_np = np.vstack([OR_X, OR_X[0] * OR_X[1]])
    before, _, [(W_new, b_new)] = _np_step([(np.array(W), np.zeros((1, 1)))], X3_np, XOR_Y, alpha=1.0)
    after = _np_step([(W_new, b_new)], X3_np, XOR_Y)[0]
    np.testing.assert_allclose(ns["W_new"], W_new, rtol=1e-12)
    np.testing.assert_allclose(ns["b_new"], b_new, rtol=1e-12)
    assert math.isclose(ns["cost_after"], after, rel_tol=1e-12)
    assert f"cost: {before:.3f} -> {after:.3f}" in ns["printed"]
    assert after < before


def test_ch5_cross_column_and_prediction_before_training_by_value():
    cross = OR_X[0] * OR_X[1]
    printed = solution("05", "ex-ch5-cross-column")["printed"]
    assert f"x3 = x1*x2: {cross.astype(int).tolist()}" in printed
    z = float(np.array([0.1, 0.6, 0.2]) @ np.array([1.0, 1.0, 1.0]))
    printed = solution("05", "ex-ch5-before-training")["printed"].splitlines()
    assert printed == [f"z = {z:.1f}, y_hat = {_sigma(z):.3f}", f"prediction: {int(_sigma(z) > 0.5)}"]


def test_ch6_next_iteration_gradients_by_value():
    X, Y = nbnp.xor_gate()
    np.random.seed(48)  # the chapter's start: Xavier-scaled draws, zero biases
    start = [(np.random.randn(3, 2) / np.sqrt(2), np.zeros((3, 1)))]
    start.append((np.random.randn(1, 3) / np.sqrt(3), np.zeros((1, 1))))
    _, _, after_one = _np_step(start, OR_X, XOR_Y, alpha=1.0)  # the chapter's state: after the update
    (W1, b1), (W2, b2) = after_one
    state = {"X": X, "Y": Y, "m": 4, "W1": W1, "b1": b1, "W2": W2, "b2": b2}
    ns = solution("06", "ex-ch6-the-next-iteration", state)
    _, grads, _ = _np_step(after_one, OR_X, XOR_Y)
    for name, ours in zip(("dW1", "db1", "dW2", "db2"), (g for pair in grads for g in pair)):
        np.testing.assert_allclose(ns[name], ours, rtol=1e-10, atol=1e-15, err_msg=name)
        assert f"{name} = {np.round(ours, 3).tolist()}" in ns["printed"], name


def test_ch6_parameters_and_shapes_by_value():
    sizes = [2, 5, 3, 1]
    count = sum((n_in + 1) * n_out for n_in, n_out in zip(sizes, sizes[1:]))
    assert solution("06", "ex-ch6-count-parameters")["count"] == count
    (n_in, n_hidden, n_out), m = (2, 3, 1), OR_X.shape[1]  # the 2-3-1 network on four examples
    shapes = {"W1": (n_hidden, n_in), "b1": (n_hidden, 1), "Z1": (n_hidden, m), "W2": (n_out, n_hidden)}
    shapes["Z2"] = (n_out, m)
    expected = [f"{name} {nbnp.fmt_shape(shape)}" for name, shape in shapes.items()]
    assert solution("06", "ex-ch6-shapes")["printed"].splitlines() == expected



# --- the build-it exercises of chapters 5 and 6 (files 05 and 06) ---------------------------------

#: (chapter file, exercise label, name given to nbnp.check_exercise)
BUILD_IT_PART1 = [
    ("05", "ex-ch5-build-the-cross", "feature_cross"),
    ("06", "ex-ch6-build-the-gradients", "hidden_layer"),
]


def _scaffold(chapter: str, label: str) -> tuple[nbformat.NotebookNode, str]:
    """The learner's cell of build-it exercise ``label``, and what it prints when run as it comes."""
    path = next(p for p in CHAPTERS if p.stem.startswith(chapter))
    cell = next(c for c in nbformat.read(path, as_version=4).cells if c.get("id") == f"exercise-{label}")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(cell.source, {"np": np, "nbnp": nbnp})
    return cell, out.getvalue()


@pytest.mark.parametrize(("chapter", "label", "name"), BUILD_IT_PART1, ids=[b[2] for b in BUILD_IT_PART1])
def test_build_it_reference_passes_and_the_untouched_scaffold_gets_feedback(chapter, label, name):
    from nbnp.exercises import solutions

    ns = solution(chapter, label)
    assert ns[name] is getattr(solutions, name)  # the listing the book includes
    assert ns["printed"].startswith(f"{name}: passed."), ns["printed"]
    cell, printed = _scaffold(chapter, label)
    assert {"skip-execution", "nbval-skip"} <= set(cell.metadata.get("tags", []))
    assert f'nbnp.check_exercise("{name}", {name})' in cell.source.splitlines()[-1]
    assert printed.startswith(f"{name}: not yet."), printed


@pytest.mark.parametrize("chapter", ["05", "06"])
def test_feature_crosses_and_hidden_layer_have_five_exercises_one_built(chapter):
    path = next(p for p in CHAPTERS if p.stem.startswith(chapter))
    cells = nbformat.read(path, as_version=4).cells
    labels = [c.get("id") for c in cells if c.source.startswith("```{exercise}")]
    assert len(labels) >= 5, labels
    assert any("check_exercise(" in c.source for c in cells if c.cell_type == "code")


def test_ch7_perfect_prediction_costs_nothing():
    ns = solution("07", "ex-ch7-perfect-prediction")
    assert ns["perfect_cost"] == 0 and not np.any(ns["perfect_dA"])


@pytest.mark.slow
def test_ch8_takeoff_matches_the_companion_log():
    # The companion notebook printed 0.10280346921569668 at epoch 1600 and 0.09162334961696444 at 1700.
    assert solution("08", "ex-ch8-below-a-tenth")["first_below"] == 1700


def test_ch9_relative_error_of_a_doubled_gradient():
    assert math.isclose(solution("09", "ex-ch9-relative-error")["doubled"], 1 / 3, rel_tol=1e-12)
