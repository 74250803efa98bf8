"""Every exercise: numbered with sphinx-exercise, its solution behind a "Solution" toggle, its answer right.

* structure: three exercises a chapter in Part I, two in Part II, each with one folded solution;
* build-it exercises (``nbnp.check_exercise``): the learner's cell is kept out of the build and
  of nbval and gives feedback, not a crash; the solution shows ``nbnp/exercises/solutions.py``
  and passes; a learner's usual first mistake, typed into the cell, is named with its fix;
* answers: each solution cell runs in a fresh namespace (plus the chapter's state it continues,
  rebuilt here) and is checked against plain Python or NumPy, never against a typed number.
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
from nbnp.exercises import EXERCISES, solutions

BOOK = Path(__file__).resolve().parent.parent / "book"
CHAPTERS = sorted(BOOK.glob("part1/*.ipynb")) + sorted(BOOK.glob("part2/*.ipynb"))
#: The tags that keep a learner's stub out of the book's execution and out of nbval.
SCAFFOLD = {"skip-execution", "nbval-skip"}


def _chapter(chapter: str) -> tuple[Path, dict]:
    """The notebook whose name starts with ``chapter`` + "_" ("04", "04b"), and its cells by id."""
    path = next(p for p in CHAPTERS if p.stem.split("_")[0] == chapter)
    return path, {cell.get("id"): cell for cell in nbformat.read(path, as_version=4).cells}


def _run(source: str, namespace: dict | None = None) -> str:
    """What ``source`` prints, run in ``namespace`` (by default a fresh one: NumPy and nbnp only)."""
    namespace = {"np": np, "nbnp": nbnp} if namespace is None else namespace
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(source, namespace)
    return out.getvalue()


def solution(chapter: str, *cell_ids: str, state: dict | None = None) -> dict:
    """Run the cells (``solution-<label>`` for a bare label); return the namespace, with ``printed``.

    ``state`` holds the names a solution takes over from the chapter's earlier cells.
    """
    _, cells = _chapter(chapter)
    namespace = {"np": np, "nbnp": nbnp, **(state or {})}
    ids = [i if i.startswith(("solution-", "exercise-")) else f"solution-{i}" for i in cell_ids]
    namespace["printed"] = "".join(_run(cells[i].source, namespace) for i in ids)
    return namespace


def _inside_a_solution(cells, index: int) -> bool:
    """Whether cell ``index`` lies between a ``{solution-start}`` and its ``{solution-end}``."""
    marks = [c.source for c in cells[:index] if c.cell_type == "markdown"]
    return sum("```{solution-start}" in m for m in marks) > sum("```{solution-end}" in m for m in marks)


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_exercises_are_numbered_with_a_solution_toggle(path):
    cells = nbformat.read(path, as_version=4).cells
    labels = [m.group(1) for c in cells if c.cell_type == "markdown"
              for m in [re.search(r"^```\{exercise\}[^\n]*\n:label: (\S+)", c.source)] if m]
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


# --- the build-it exercises ------------------------------------------------------------------

#: (chapter, exercise label, the names given to nbnp.check_exercise)
BUILD_ITS = [
    ("01", "ex-ch1-build-sigmoid", ["sigmoid"]),
    ("01", "ex-ch1-build-sigmoid-slope", ["sigmoid_derivative"]),
    ("02", "ex-ch2-build-bias-step", ["bias_step"]),
    ("03", "ex-ch3-build-descent", ["gradient_descent"]),
    ("04", "ex-ch4-build-cost", ["compute_cost"]),
    ("04b", "ex-ch4b-build-gradients", ["neuron_gradients"]),
    ("05", "ex-ch5-build-the-cross", ["feature_cross"]),
    ("06", "ex-ch6-build-the-gradients", ["hidden_layer"]),
    ("07", "ex-ch7-linear-layer", ["LinearLayer"]),
    ("07", "ex-ch7-sigmoid-layer", ["SigmoidLayer"]),
    ("08", "ex-ch8-tanh-layer", ["TanhLayer", "ReLULayer"]),
    ("09", "ex-ch9-gradient-checker", ["numerical_gradient"]),
]


def test_every_exercise_of_the_checker_is_built_in_the_book():
    assert sorted(name for _, _, names in BUILD_ITS for name in names) == sorted(EXERCISES)


def _scaffold(cells: dict, label: str):
    return cells.get(f"{label}-try") or cells[f"exercise-{label}"]


@pytest.mark.parametrize(("chapter", "label", "names"), BUILD_ITS, ids=[row[1] for row in BUILD_ITS])
def test_a_build_it_exercise_checks_the_learners_cell_and_shows_the_passing_reference(chapter, label, names):
    path, cells = _chapter(chapter)
    scaffold = _scaffold(cells, label)
    assert SCAFFOLD <= set(scaffold.metadata.get("tags", [])) and not scaffold.outputs
    # Run as it stands (Jupyter's "Run all" ignores the tags), the stub is feedback, not a crash.
    assert _run(scaffold.source).startswith(f"{names[0]}: not yet.")
    listings = [cell.source for key, cell in cells.items() if key.startswith(f"{label}-listing")]
    assert len(listings) == len(names)
    for name, listing in zip(names, listings):
        included = re.search(r"```\{literalinclude\} (\S+)\n", listing).group(1)
        assert (path.parent / included).resolve() == Path(solutions.__file__).resolve()
        assert f":pyobject: {name}\n" in listing
    verdicts = [line.split(" ", 2)[:2] for line in _run(cells[f"solution-{label}"].source).splitlines()]
    assert verdicts == [[f"{name}:", "passed."] for name in names]


STEP = ("z = (w @ x)[0, 0] + b\ny_hat = 1 / (1 + np.exp(-z))\n"
        "db = -(y - y_hat) * y_hat * (1 - y_hat)\nreturn b {} alpha * db")
LOOP = "for _ in range(steps):\n    thetas.append(thetas[-1] - alpha * gradient({}))"
COST = "m = Y.shape[1]\nreturn np.sum((Y - Y_hat) ** 2) / {}, -(Y - Y_hat){}"
GRADIENTS = ("A = 1 / (1 + np.exp(-(W @ X + b)))\ndZ = -(Y - A) / X.shape[1] * A * (1 - A)\n"
             "return dZ @ X.T, np.sum(dZ, axis={}, keepdims=True)")

#: (chapter, label, a learner's first try, key phrases of the feedback (mistake, fix), the fixed try)
FIRST_MISTAKES = [
    ("01", "ex-ch1-build-sigmoid", "return np.exp(z) / (1 + np.exp(z))", ["overflows", "np.exp(-z)"],
     "return 1 / (1 + np.exp(-z))"),
    ("01", "ex-ch1-build-sigmoid-slope", "return z * (1 - z)", ["instead of from σ(z)", "s = sigmoid(z)"],
     "s = 1 / (1 + np.exp(-z))\nreturn s * (1 - s)"),
    ("02", "ex-ch2-build-bias-step", STEP.format("+"), ["adds the gradient", "b - alpha * db"],
     STEP.format("-")),
    ("03", "ex-ch3-build-descent", LOOP.format("theta0"), ["slope at θ₀", "current θ"],
     LOOP.format("thetas[-1]")),
    ("04", "ex-ch4-build-cost", COST.format("2", ""), ["the 1/m is missing"], COST.format("(2 * m)", " / m")),
    ("04b", "ex-ch4b-build-gradients", GRADIENTS.format(0), ["summed over the wrong axis", "axis=1"],
     GRADIENTS.format(1)),
]


@pytest.mark.parametrize(("chapter", "label", "wrong", "phrases", "right"), FIRST_MISTAKES,
                         ids=[row[1] for row in FIRST_MISTAKES])
def test_a_learners_first_mistake_in_the_chapters_cell_is_named_and_the_fix_passes(
        chapter, label, wrong, phrases, right):
    source = _scaffold(_chapter(chapter)[1], label).source
    stub = next(line for line in source.splitlines() if line.strip().startswith("..."))
    indent = stub[: len(stub) - len(stub.lstrip())]

    def attempt(body: str) -> str:
        return _run(source.replace(stub, "\n".join(indent + line for line in body.splitlines())))

    feedback = attempt(wrong)
    assert "not yet." in feedback and all(phrase in feedback for phrase in phrases), feedback
    assert attempt(right).split(" ", 2)[1] == "passed."


# --- the answers, against plain Python and NumPy ------------------------------------------------


def _sigma(z: float) -> float:
    return 1 / (1 + math.exp(-z))


def _np_step(params: list[tuple[np.ndarray, np.ndarray]], X, Y, alpha: float = 0.0):
    """One full-batch iteration of a sigmoid network: (cost, gradients), then the update by ``alpha``."""
    activations = [X]
    for W, b in params:
        activations.append(1 / (1 + np.exp(-(W @ activations[-1] + b))))
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


def test_ch1_sigmoid_at_zero_and_equal_inputs_give_equal_negative_gradients():
    ns = solution("01", "ex-ch1-sigmoid-at-zero")
    assert ns["sigma_0"] == 0.5 and ns["slope_0"] == 0.25
    ns = solution("01", "ex-ch1-equal-inputs")
    y_hat = _sigma(0.7)
    assert ns["dL_dw1"] == ns["dL_dw2"] < 0
    assert math.isclose(ns["dL_dw1"], -(1 - y_hat) * y_hat * (1 - y_hat), rel_tol=1e-12)


def test_ch2_the_bias_by_hand():
    ns = solution("02", "ex-ch2-second-step")
    y_hat = _sigma(-0.125)
    b_second = -0.125 - y_hat * y_hat * (1 - y_hat)
    assert math.isclose(ns["b_second"], b_second, rel_tol=1e-12)
    assert f"b after the second step = {b_second:.4f}" in ns["printed"]
    ns = solution("02", "ex-ch2-bias-up")  # the fourth OR example: the prediction is too low
    y_hat = _sigma(0.7)
    db = -(1 - y_hat) * y_hat * (1 - y_hat)
    assert math.isclose(ns["b_up"], -db, rel_tol=1e-12) and ns["b_up"] > 0
    assert f"new b = {-db:.4f}" in ns["printed"]


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


def test_ch3_two_steps_the_zigzag_and_the_leftover_batch():
    assert list(solution("03", "ex-ch3-two-steps")["two_steps"]) == [-8.0, -4.0, -2.0]
    assert list(solution("03", "ex-ch3-zigzag")["zigzag"]) == [-8.0, 4.0, -2.0, 1.0]
    printed = solution("03", "ex-ch3-leftover-batch")["printed"]
    for batch_size in (10, 4, 1):  # a last, smaller batch is one more update
        assert f"batch size {batch_size:>2}: {-(-10 // batch_size):>2} update(s)" in printed


def test_ch4_twice_the_data_changes_neither_cost_nor_gradient():
    ns = solution("04", "ex-ch4-twice-the-data")
    A = 1 / (1 + np.exp(-(START[0] @ OR_X)))
    assert math.isclose(ns["cost_m"], float(np.sum((OR_Y - A) ** 2) / 8), rel_tol=1e-12) and ns["m_"] == 8
    np.testing.assert_allclose(ns["dW_m"], (-(OR_Y - A) / 4 * A * (1 - A)) @ OR_X.T, rtol=1e-12)
    lines = ns["printed"].splitlines()
    assert len(lines) == 2 and lines[0][len("m = 4"):] == lines[1][len("m = 8"):]


def test_ch4_second_iteration_gradients_by_value():
    _, _, [(W, b)] = _np_step([START], OR_X, OR_Y, alpha=1.0)  # the chapter's state: after one update
    X, Y = nbnp.or_gate()
    ns = solution("04", "ex-ch4-the-second-iteration", state={"X": X, "Y": Y, "W": W, "b": b, "m": 4})
    _, [(dW, db)], _ = _np_step([(W, b)], OR_X, OR_Y)
    np.testing.assert_allclose(ns["dW_2"], dW, rtol=1e-12)
    np.testing.assert_allclose(ns["db_2"], db, rtol=1e-12)
    assert f"dW = {np.round(dW, 3).tolist()}  db = {np.round(db, 3).tolist()}" in ns["printed"]


@pytest.mark.slow
def test_ch4_undecided_cost_and_half_alpha_by_value():
    assert solution("04", "ex-ch4-cost-at-one-half")["undecided"] == float(np.mean((OR_Y - 0.5) ** 2) / 2)
    X, Y = nbnp.or_gate()
    state = {"np": np, "X": X, "Y": Y, "m": 4}
    _run(_chapter("04")[1]["ch04-22"].source, state)  # the chapter's train(W, b, learning_rate, epochs)
    ns = solution("04", "ex-ch4-half-alpha", state={"X": X, "Y": Y, "m": 4, "train": state["train"]})
    for alpha in (1.0, 0.5):
        ours = _np_train([START], OR_X, OR_Y, alpha, 5000)
        assert math.isclose(ns["final_costs"][alpha], ours, rel_tol=1e-9), alpha
        assert f"alpha = {alpha}: final cost {ours:.3g}" in ns["printed"]
    assert ns["final_costs"][0.5] > ns["final_costs"][1.0]


def test_ch4b_db_sums_over_the_examples_axis():
    printed = solution("04b", "ex-ch4b-which-axis")["printed"]
    dZ = [[0.1, -0.2, 0.05], [0.3, 0.0, -0.1]]
    rows = [[round(sum(row), 2)] for row in dZ]
    columns = [[round(sum(col), 2) for col in zip(*dZ)]]
    assert printed.splitlines() == [f"axis=1: shape (2, 1), {rows}", f"axis=0: shape (1, 3), {columns}"]


def test_ch5_first_update_by_value():
    X, Y = nbnp.xor_gate()
    X3 = np.vstack([X, X[0] * X[1]])
    W = np.array([[0.1, 0.6, 0.2]])
    cost, [(dW, db)], _ = _np_step([(W, np.zeros((1, 1)))], X3, Y)  # the chapter's first iteration
    state = {"X3": X3, "Y": Y, "m": 4, "W": W, "b": 0.0, "dW": dW, "db": db, "cost": cost}
    ns = solution("05", "ex-ch5-the-update", state=state)
    X3_np = np.vstack([OR_X, OR_X[0] * OR_X[1]])
    before, _, [(W_new, b_new)] = _np_step([(W.copy(), np.zeros((1, 1)))], X3_np, XOR_Y, alpha=1.0)
    after = _np_step([(W_new, b_new)], X3_np, XOR_Y)[0]
    np.testing.assert_allclose(ns["W_new"], W_new, rtol=1e-12)
    np.testing.assert_allclose(ns["b_new"], b_new, rtol=1e-12)
    assert math.isclose(ns["cost_after"], after, rel_tol=1e-12) and after < before
    assert f"cost: {before:.3f} -> {after:.3f}" in ns["printed"]


def test_ch5_cross_column_and_prediction_before_training_by_value():
    cross = OR_X[0] * OR_X[1]
    assert f"x3 = x1*x2: {cross.astype(int).tolist()}" in solution("05", "ex-ch5-cross-column")["printed"]
    z = 0.1 + 0.6 + 0.2  # W = (0.1, 0.6, 0.2) at x = (1, 1, 1)
    printed = solution("05", "ex-ch5-before-training")["printed"].splitlines()
    assert printed == [f"z = {z:.1f}, y_hat = {_sigma(z):.3f}", f"prediction: {int(_sigma(z) > 0.5)}"]


def test_ch6_next_iteration_gradients_by_value():
    X, Y = nbnp.xor_gate()
    np.random.seed(48)  # the chapter's start: Xavier-scaled draws, zero biases
    start = [(np.random.randn(3, 2) / np.sqrt(2), np.zeros((3, 1)))]
    start.append((np.random.randn(1, 3) / np.sqrt(3), np.zeros((1, 1))))
    _, _, after_one = _np_step(start, OR_X, XOR_Y, alpha=1.0)  # the chapter's state: after the update
    (W1, b1), (W2, b2) = after_one
    ns = solution("06", "ex-ch6-the-next-iteration",
                  state={"X": X, "Y": Y, "m": 4, "W1": W1, "b1": b1, "W2": W2, "b2": b2})
    _, grads, _ = _np_step(after_one, OR_X, XOR_Y)
    for name, ours in zip(("dW1", "db1", "dW2", "db2"), (g for pair in grads for g in pair)):
        np.testing.assert_allclose(ns[name], ours, rtol=1e-10, atol=1e-15, err_msg=name)
        assert f"{name} = {np.round(ours, 3).tolist()}" in ns["printed"], name


def test_ch6_parameters_and_shapes_by_value():
    sizes = [2, 5, 3, 1]
    count = sum((n_in + 1) * n_out for n_in, n_out in zip(sizes, sizes[1:]))
    assert solution("06", "ex-ch6-count-parameters")["count"] == count
    (n_in, n_hidden, n_out), m = (2, 3, 1), OR_X.shape[1]  # the 2-3-1 network on four examples
    shapes = {"W1": (n_hidden, n_in), "b1": (n_hidden, 1), "Z1": (n_hidden, m), "W2": (n_out, n_hidden),
              "Z2": (n_out, m)}
    expected = [f"{name} {nbnp.fmt_shape(shape)}" for name, shape in shapes.items()]
    assert solution("06", "ex-ch6-shapes")["printed"].splitlines() == expected


def test_ch7_perfect_prediction_costs_nothing():
    ns = solution("07", "ex-ch7-perfect-prediction")
    assert ns["perfect_cost"] == 0 and not np.any(ns["perfect_dA"])


@pytest.mark.slow
def test_ch7_or_gate_solution_matches_plain_numpy_gradient_descent():
    ns = solution("07", "solution-or-gate", "solution-or-gate-check")
    cost_0, _, after_one = _np_step([START], OR_X, OR_Y, alpha=1.0)
    assert ns["or_costs"][0] == pytest.approx(cost_0, rel=1e-13)
    assert ns["or_costs"][1] == pytest.approx(_np_step(after_one, OR_X, OR_Y)[0], rel=1e-13)
    assert ns["or_final_cost"] == pytest.approx(_np_train([START], OR_X, OR_Y, 1.0, 5000), rel=1e-9)
    assert "differs" not in ns["printed"] and ns["printed"].count("agrees") == 3


@pytest.mark.slow
def test_ch8_takeoff_matches_the_companion_log():
    # The companion notebook printed 0.10280346921569668 at epoch 1600 and 0.09162334961696444 at 1700.
    assert solution("08", "ex-ch8-below-a-tenth")["first_below"] == 1700


@pytest.mark.slow
def test_ch8_plain_seeds_solution_never_leaves_the_plateau():
    X, Y = nbnp.xor_gate()
    finals = solution("08", "solution-plain-seeds", state={"X_train": X, "Y_train": Y})["plain_final_costs"]
    assert sorted(finals) == [0, 1, 2, 3, 4]
    assert all(abs(cost - 0.125) < 1e-9 for cost in finals.values())
    np.random.seed(0)  # seed 0 again, in plain NumPy: the article's "plain" draws, 0.01 · randn
    start = [(np.random.randn(3, 2) * 0.01, np.zeros((3, 1)))]
    start.append((np.random.randn(1, 3) * 0.01, np.zeros((1, 1))))
    assert finals[0] == pytest.approx(_np_train(start, OR_X, XOR_Y, 1.0, 5000), rel=1e-12)


def test_ch9_relative_error_of_a_doubled_gradient():
    assert math.isclose(solution("09", "ex-ch9-relative-error")["doubled"], 1 / 3, rel_tol=1e-12)


def test_ch9_find_the_bug_solution_blames_dW_only():
    ns = solution("09", "exercise-suspicious-layer", "solution-find-the-bug", state={"X": nbnp.xor_gate()[0]})
    errors = ns["suspect_errors"]
    # backprop gives g/4 instead of g: (3/4) / (5/4), whatever g is
    assert errors["W"] == pytest.approx(0.6, rel=1e-6)
    assert errors["b"] < 1e-8 and errors["A_prev"] < 1e-8
    assert "dW: relative error      0.6  FAIL" in ns["printed"]
