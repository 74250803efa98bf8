"""The exercise solutions of Part I, chapters 1 to 3, checked against independent math.

Each test recomputes what the chapter's hidden solution cell computes (the same
nbnp calls) and checks it with plain-Python formulas that share no code with nbnp.
The build-it exercises: the learner's cell is skipped by nbval and ends in
``nbnp.check_exercise``; run as it stands it gives feedback, and a learner's usual first
mistake in it is named; the folded solution includes the reference from
``nbnp/exercises/solutions.py`` and stores the checker's pass line.
"""

import contextlib
import io
import math
import re
from pathlib import Path

import nbformat
import numpy as np
import pytest

import nbnp
from nbnp.exercises import solutions


def _sigma(z):
    return 1 / (1 + math.exp(-z))


def test_ch1_second_example_gradients():
    """Chapter 1: x = (0, 1), y = 1 with w = (0.1, 0.6)."""
    X, Y = nbnp.or_gate()
    run = nbnp.neuron_pass(X[:, 1], [0.1, 0.6], Y[0, 1])
    y_hat = _sigma(0.6)
    dL_dz = -(1 - y_hat) * y_hat * (1 - y_hat)
    assert run["z"] == pytest.approx(0.6, abs=1e-15)
    assert run["y_hat"] == pytest.approx(y_hat, rel=1e-14)
    assert run["loss"] == pytest.approx(0.5 * (1 - y_hat) ** 2, rel=1e-14)
    assert run["dL_dw"][0] == 0  # x1 = 0: no information for w1
    assert run["dL_dw"][1] == pytest.approx(dL_dz, rel=1e-14)
    assert run["dL_dw"][1] < 0  # the prediction is too low: w2 must grow


def _steps_below(threshold, b=0.0, alpha=1.0):
    """Plain-Python gradient descent on L(b) = ½σ(b)², the bias-only neuron at x = (0, 0), y = 0."""
    steps = 0
    while 0.5 * _sigma(b) ** 2 >= threshold:
        y_hat = _sigma(b)
        b -= alpha * y_hat * y_hat * (1 - y_hat)
        steps += 1
    return steps, b


def test_ch2_steps_until_loss_below_one_hundredth():
    """Chapter 2: with α = 1 from b = 0, the first step count with loss < 0.01."""
    X, Y = nbnp.or_gate()
    neuron = [nbnp.LinearLayer.from_params([[0.1, 0.6]], b=0.0), nbnp.SigmoidLayer((1, 1))]
    history = nbnp.train(neuron, X[:, :1], Y[:, :1], learning_rate=1, epochs=200, record_every=1)
    costs = history.costs
    steps = next(k for k, cost in enumerate(costs) if cost < 0.01)
    expected_steps, expected_b = _steps_below(0.01)
    assert steps == expected_steps
    assert costs[steps] == pytest.approx(0.5 * _sigma(expected_b) ** 2, rel=1e-12)
    assert costs[steps - 1] >= 0.01
    neuron = [nbnp.LinearLayer.from_params([[0.1, 0.6]], b=0.0), nbnp.SigmoidLayer((1, 1))]
    nbnp.train(neuron, X[:, :1], Y[:, :1], learning_rate=1, epochs=steps, record_every=steps)
    assert neuron[0].params["b"][0, 0] == pytest.approx(expected_b, rel=1e-12)


def test_ch3_learning_rate_bounds_on_the_parabola():
    """Chapter 3: on L = (k/2)θ², α = 1/k reaches the minimum in one step, 2/k is the edge."""
    curve = nbnp.Parabola(curvature=0.1, minimum=0.0)
    k, theta0 = 0.1, -8.0
    assert nbnp.descent_path(curve.gradient, theta0, 1 / k, steps=1)[1] == pytest.approx(0, abs=1e-12)
    for alpha in (0.95 * 2 / k, 2 / k, 1.05 * 2 / k):
        path = nbnp.descent_path(curve.gradient, theta0, alpha, steps=100)
        assert abs(path[-1]) == pytest.approx(abs(theta0 * (1 - alpha * k) ** 100), rel=1e-9)
    assert abs(nbnp.descent_path(curve.gradient, theta0, 19, steps=100)[-1]) < 1e-3
    assert abs(nbnp.descent_path(curve.gradient, theta0, 21, steps=100)[-1]) > 1e3


def _train_or_neuron(alpha, epochs):
    X, Y = nbnp.or_gate()
    neuron = [nbnp.LinearLayer.from_params([[0.1, 0.6]], b=0.0, m=4), nbnp.SigmoidLayer((1, 4))]
    return neuron, nbnp.train(neuron, X, Y, learning_rate=alpha, epochs=epochs, record_every=1)


@pytest.mark.slow
def test_ch3_real_neuron_claims():
    """Chapter 3's prose: α = 50 rises once and then converges; α = 500 saturates at 1/8."""
    _, h50 = _train_or_neuron(50, 1000)
    rises = [k for k in range(1, len(h50.costs)) if h50.costs[k] > h50.costs[k - 1]]
    assert rises == [1]
    assert h50.final_cost < min(_train_or_neuron(a, 1000)[1].final_cost for a in (0.5, 5))
    neuron, h500 = _train_or_neuron(500, 50)
    assert all(cost == pytest.approx(0.125, abs=1e-6) for cost in h500.costs[1:])
    assert neuron[0].Z.min() > 10  # every z deep in the sigmoid's flat tail
    _, tiny = _train_or_neuron(5e-10, 1000)
    assert tiny.costs[0] - tiny.final_cost < 1e-8


# --- The build-it exercises of chapters 1 to 3 ---------------------------------------------------
# Each has a learner's cell (skipped by nbval and by the book's execution) ending in
# nbnp.check_exercise, and a folded solution: the reference, included from
# nbnp/exercises/solutions.py, and a cell that runs it through the checker.

BOOK = Path(__file__).resolve().parent.parent / "book" / "part1"
BUILD_ITS = [
    ("01_single_neuron", "ex-ch1-build-sigmoid", "sigmoid"),
    ("01_single_neuron", "ex-ch1-build-sigmoid-slope", "sigmoid_derivative"),
    ("02_bias", "ex-ch2-build-bias-step", "bias_step"),
    ("03_learning_rate", "ex-ch3-build-descent", "gradient_descent"),
]


def _cells(stem: str) -> dict:
    return {cell.get("id"): cell for cell in nbformat.read(BOOK / f"{stem}.ipynb", as_version=4).cells}


def _run(source: str) -> str:
    """What ``source`` prints, run in a fresh namespace holding NumPy and nbnp only."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(source, {"np": np, "nbnp": nbnp})
    return out.getvalue()


@pytest.mark.parametrize(("stem", "label", "name"), BUILD_ITS, ids=[b[1] for b in BUILD_ITS])
def test_build_it_exercise_checks_the_learners_cell_and_shows_the_reference(stem, label, name):
    cells = _cells(stem)
    assert re.search(rf"^```{{exercise}} .*\n:label: {label}\n", cells[label].source)
    scaffold = cells[f"{label}-try"]
    assert {"skip-execution", "nbval-skip"} <= set(scaffold.metadata["tags"])
    assert scaffold.outputs == [] and scaffold.execution_count is None
    assert re.fullmatch(rf'_ = nbnp\.check_exercise\("{name}", my_\w+\)', scaffold.source.splitlines()[-1])
    # Run as it stands (Jupyter's "Run all" ignores the tags), the stub is feedback, not a crash.
    assert _run(scaffold.source).startswith(f"{name}: not yet.")
    listing = cells[f"{label}-listing"].source
    path = re.search(r"```\{literalinclude\} (\S+)\n", listing).group(1)
    assert (BOOK / path).resolve() == Path(solutions.__file__).resolve()
    assert f":pyobject: {name}\n" in listing and callable(getattr(solutions, name))
    check = cells[f"solution-{label}"]
    stored = "".join(out.get("text", "") for out in check.outputs)
    assert stored.startswith(f"{name}: passed.") and stored == _run(check.source)


def _learner(stem: str, label: str, body: str) -> str:
    """The chapter's learner cell with its ``...`` line replaced by ``body``; what it prints."""
    source = _cells(stem)[f"{label}-try"].source
    line = next(ln for ln in source.splitlines() if ln.strip().startswith("..."))
    indent = line[: len(line) - len(line.lstrip())]
    body = "\n".join(indent + ln for ln in body.strip().splitlines())
    return _run(source.replace(line, body))


def test_a_learners_overflowing_sigmoid_is_told_why_and_how():
    feedback = _learner("01_single_neuron", "ex-ch1-build-sigmoid", "return np.exp(z) / (1 + np.exp(z))")
    assert "nan at z = 800" in feedback and "overflows" in feedback and "np.exp(-z)" in feedback
    fixed = _learner("01_single_neuron", "ex-ch1-build-sigmoid", "return 1 / (1 + np.exp(-z))")
    assert fixed.startswith("sigmoid: passed.")


def test_a_learners_slope_from_z_is_told_to_apply_the_sigmoid_first():
    feedback = _learner("01_single_neuron", "ex-ch1-build-sigmoid-slope", "return z * (1 - z)")
    assert "instead of from σ(z)" in feedback and "s = sigmoid(z)" in feedback
    fixed = _learner("01_single_neuron", "ex-ch1-build-sigmoid-slope",
                     "s = 1 / (1 + np.exp(-z))\nreturn s * (1 - s)")
    assert fixed.startswith("sigmoid_derivative: passed.")


def test_a_learners_bias_step_that_adds_the_gradient_is_told_to_step_against_it():
    step = ("z = (w @ x)[0, 0] + b\ny_hat = 1 / (1 + np.exp(-z))\n"
            "db = -(y - y_hat) * y_hat * (1 - y_hat)\nreturn b {} alpha * db")
    feedback = _learner("02_bias", "ex-ch2-build-bias-step", step.format("+"))
    assert "adds the gradient" in feedback and "b - alpha * db" in feedback
    assert _learner("02_bias", "ex-ch2-build-bias-step", step.format("-")).startswith("bias_step: passed.")


def test_ch2_the_bias_moves_up_when_the_prediction_is_too_low():
    cell = _cells("02_bias")["solution-ex-ch2-bias-up"]
    namespace = {"np": np, "nbnp": nbnp}
    exec(cell.source, namespace)
    y_hat = _sigma(0.7)
    db = -(1 - y_hat) * y_hat * (1 - y_hat)
    assert math.isclose(namespace["b_up"], -db, rel_tol=1e-12) and namespace["b_up"] > 0
    assert f"new b = {-db:.4f}" in "".join(out.get("text", "") for out in cell.outputs)


def test_a_learners_loop_stuck_at_the_first_slope_is_told_to_use_the_current_theta():
    loop = "for _ in range(steps):\n    thetas.append(thetas[-1] - alpha * gradient({}))"
    feedback = _learner("03_learning_rate", "ex-ch3-build-descent", loop.format("theta0"))
    assert "slope at θ₀" in feedback and "current θ" in feedback
    fixed = _learner("03_learning_rate", "ex-ch3-build-descent", loop.format("thetas[-1]"))
    assert fixed.startswith("gradient_descent: passed.")


def test_ch3_updates_per_epoch_count_the_last_smaller_batch():
    cell = _cells("03_learning_rate")["solution-ex-ch3-leftover-batch"]
    printed = "".join(out.get("text", "") for out in cell.outputs)
    assert printed == _run(cell.source)
    for batch_size, updates in ((10, 1), (4, 3), (1, 10)):
        assert sum(1 for start in range(0, 10, batch_size)) == updates  # batches that start
        assert f"batch size {batch_size:>2}: {updates:>2} update(s)" in printed
