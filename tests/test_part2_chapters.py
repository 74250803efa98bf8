"""Part II (chapters 7 to 9): the exercise solutions, and the exactness of chapter 9's printed errors.

Each exercise test runs the chapter's own solution cell (found by its cell id)
and checks its result against an independent computation that shares no code
with nbnp. The last tests make sure the orders of magnitude chapter 9 prints
cannot change on another machine: they redo the computations with the weights
nudged by a few units in the last place, which reshuffles every rounding the
way a different CPU or BLAS would, and require the same printed text.
"""

import ast
import contextlib
import io
import math
import re
from pathlib import Path

import nbformat
import numpy as np
import pytest

import nbnp

PART2 = Path(__file__).resolve().parent.parent / "book" / "part2"


def run_cells(notebook, cell_ids, namespace):
    """Execute the cells with the given ids in ``namespace``; return what they print."""
    nb = nbformat.read(PART2 / notebook, as_version=4)
    cells = {cell.get("id"): cell for cell in nb.cells}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        for cell_id in cell_ids:
            assert cells[cell_id].cell_type == "code", f"{cell_id} is not a code cell"
            exec(cells[cell_id].source, namespace)
    return out.getvalue()


def _sigma(z):
    return 1 / (1 + math.exp(-z))


@pytest.mark.slow
def test_ch7_or_gate_solution_matches_plain_python_gradient_descent():
    ns = {"np": np, "nbnp": nbnp}
    printed = run_cells("07_modular_code.ipynb", ["solution-or-gate", "solution-or-gate-check"], ns)
    w1, w2, b = 0.1, 0.6, 0.0
    data = [((0, 0), 0), ((0, 1), 1), ((1, 0), 1), ((1, 1), 1)]
    costs = []
    for _ in range(5001):
        y_hats = [_sigma(w1 * x1 + w2 * x2 + b) for (x1, x2), _y in data]
        costs.append(sum((y - y_hat) ** 2 for (_x, y), y_hat in zip(data, y_hats)) / 8)
        dz = [-(y - y_hat) / 4 * y_hat * (1 - y_hat) for (_x, y), y_hat in zip(data, y_hats)]
        w1 -= sum(d * x1 for d, ((x1, _x2), _y) in zip(dz, data))
        w2 -= sum(d * x2 for d, ((_x1, x2), _y) in zip(dz, data))
        b -= sum(dz)
    assert ns["or_costs"][0] == pytest.approx(costs[0], rel=1e-13)
    assert ns["or_costs"][1] == pytest.approx(costs[1], rel=1e-13)
    assert ns["or_final_cost"] == pytest.approx(costs[5000], rel=1e-9)
    assert "differs" not in printed and printed.count("agrees") == 3


@pytest.mark.slow
def test_ch8_plain_seeds_solution_never_leaves_the_plateau():
    X, Y = nbnp.xor_gate()
    ns = {"np": np, "nbnp": nbnp, "X_train": X, "Y_train": Y}
    run_cells("08_going_deeper.ipynb", ["solution-plain-seeds"], ns)
    finals = ns["plain_final_costs"]
    assert sorted(finals) == [0, 1, 2, 3, 4]
    assert all(abs(cost - 0.125) < 1e-9 for cost in finals.values())
    # seed 0 again, with bare NumPy (no nbnp): the article's layers written out
    np.random.seed(0)
    W1, b1 = np.random.randn(3, 2) * 0.01, np.zeros((3, 1))
    W2, b2 = np.random.randn(1, 3) * 0.01, np.zeros((1, 1))
    for _ in range(5000):
        A1 = 1 / (1 + np.exp(-(W1 @ X + b1)))
        A2 = 1 / (1 + np.exp(-(W2 @ A1 + b2)))
        dZ2 = -(Y - A2) / 4 * A2 * (1 - A2)
        dZ1 = W2.T @ dZ2 * A1 * (1 - A1)
        W2, b2 = W2 - dZ2 @ A1.T, b2 - dZ2.sum(1, keepdims=True)
        W1, b1 = W1 - dZ1 @ X.T, b1 - dZ1.sum(1, keepdims=True)
    A2 = 1 / (1 + np.exp(-(W2 @ (1 / (1 + np.exp(-(W1 @ X + b1)))) + b2)))
    assert finals[0] == pytest.approx(float(np.sum((Y - A2) ** 2) / 8), rel=1e-12)


def test_ch9_find_the_bug_solution_blames_dW_only():
    X, _ = nbnp.xor_gate()
    ns = {"np": np, "nbnp": nbnp, "X": X}
    printed = run_cells(
        "09_gradient_checking.ipynb", ["exercise-suspicious-layer", "solution-find-the-bug"], ns
    )
    errors = ns["suspect_errors"]
    # backprop gives g/4 instead of g: (3/4) / (5/4), whatever g is
    assert errors["W"] == pytest.approx(0.6, rel=1e-6)
    assert errors["b"] < 1e-8 and errors["A_prev"] < 1e-8
    assert "dW: relative error      0.6  FAIL" in printed


# --- chapter 9 prints only what round-off cannot change ---------------------------------

TRIALS = 8


def _nudged(network, trial):
    """The network with every weight moved by up to 4 units in the last place (trial 0: unchanged)."""
    rng = np.random.RandomState(100 + trial)
    for layer in network:
        if trial and isinstance(layer, nbnp.LinearLayer):
            W = layer.params["W"]
            layer.params["W"] = W * (1 + rng.randint(-4, 5, size=W.shape) * 2.0**-52)
    return network


def _xavier(sizes):
    X, Y = nbnp.xor_gate()
    np.random.seed(48)
    return nbnp.build_network(X.shape, sizes, ini_type="xavier"), X, Y


# Slow, so `make portability` leaves it out: with NumPy's AVX-512 kernels off (1.26 and 2.x alike)
# one nudged trial prints another magnitude, although chapter 9 itself passes nbval there.
@pytest.mark.slow
def test_ch9_eps_sweep_magnitudes_survive_last_place_changes():
    eps_values = [10.0**-k for k in range(1, 13)]
    printed = set()
    for trial in range(TRIALS):
        network, X, Y = _xavier([3, 1])
        errors = nbnp.eps_sweep(_nudged(network, trial), X, Y, eps_values)
        printed.add(tuple(map(nbnp.fmt_magnitude, errors)) + (int(np.argmin(errors)),))
    assert len(printed) == 1, printed


@pytest.mark.slow
def test_ch9_checks_stay_a_decade_below_the_printed_bound():
    """Chapter 9 prints "< 1e-8" for each check; every trial must stay below 1e-9."""
    worst = 0.0
    for trial in range(TRIALS):
        network, X, Y = _xavier([3, 1])
        _nudged(network, trial)
        Z1, A1, Z2, A2 = network
        nbnp.forward(network, X)
        inputs = [(Z1, X), (A1, Z1.Z.copy()), (Z2, A1.A.copy()), (A2, Z2.Z.copy())]
        errors = [nbnp.layer_relative_error(layer, A_in) for layer, A_in in inputs]
        errors.append(nbnp.check_cost_gradient(Y, A2.A))
        X_or, Y_or = nbnp.or_gate()
        neuron = [nbnp.LinearLayer.from_params([[0.1, 0.6]], m=4), nbnp.SigmoidLayer((1, 4))]
        errors.append(nbnp.network_relative_error(_nudged(neuron, trial), X_or, Y_or))
        neuron = [nbnp.LinearLayer.from_params([[0.1, 0.6, 0.2]], m=4), nbnp.SigmoidLayer((1, 4))]
        errors.append(nbnp.network_relative_error(_nudged(neuron, trial), nbnp.feature_cross(X), Y))
        for sizes in ([3, 1], [5, 3, 1]):
            network, X, Y = _xavier(sizes)
            errors.append(nbnp.network_relative_error(_nudged(network, trial), X, Y))
            if trial < 3:  # the trained networks too, fewer times (training is the slow part)
                nbnp.train(network, X, Y, learning_rate=1, epochs=5000)
                errors.append(nbnp.network_relative_error(network, X, Y))
        worst = max(worst, *errors)
    assert worst < 1e-9


# --- chapter 7 shows nbnp's own source, never a copy -------------------------------------------


def _defined_names(path):
    """Dotted names of the classes and functions defined in a Python file (``A``, ``A.method``)."""
    names = set()

    def visit(node, prefix):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.ClassDef, ast.FunctionDef)):
                names.add(prefix + child.name)
                visit(child, prefix + child.name + ".")

    visit(ast.parse(path.read_text()), "")
    return names


@pytest.mark.slow
def test_ch7_includes_the_four_article_objects_from_the_package():
    nb = nbformat.read(PART2 / "07_modular_code.ipynb", as_version=4)
    markdown = "\n".join(cell.source for cell in nb.cells if cell.cell_type == "markdown")
    includes = re.findall(r"```\{literalinclude\} (\S+)\n((?::[\w-]+:.*\n)*)```", markdown)
    assert includes, "chapter 7 includes no source"
    objects = set()
    for relative, options in includes:
        path = (PART2 / relative).resolve()
        assert "nbnp" in (path.parent.name, path.parent.parent.name) and path.exists(), relative
        source = path.read_text()
        opts = dict(re.findall(r":([\w-]+): ?(.*)", options))
        if "pyobject" in opts:
            assert opts["pyobject"] in _defined_names(path), f"{opts['pyobject']} is not in {relative}"
            objects.add(opts["pyobject"].split(".")[0])
        for key in ("start-at", "end-before"):
            if key in opts:
                assert opts[key] in source, f"{key} {opts[key]!r} not found in {relative}"
    assert {"LinearLayer", "SigmoidLayer", "initialize_parameters", "compute_cost"} <= objects


def test_ch7_pastes_no_code_of_its_own():
    nb = nbformat.read(PART2 / "07_modular_code.ipynb", as_version=4)
    for cell in nb.cells:
        if SCAFFOLD <= set(cell.metadata.get("tags", [])):
            continue  # a build-it exercise's stub, for the learner to fill in
        assert "def " not in cell.source or "literalinclude" in cell.source, cell.source[:80]
        assert "```python" not in cell.source, cell.source[:80]


# --- the build-it exercises: the reference passes, the learner's stub gets feedback --------------

#: The tags that keep a learner's stub out of the book's execution and out of nbval.
SCAFFOLD = {"skip-execution", "nbval-skip"}

#: (notebook, exercise label, the names given to nbnp.check_exercise)
BUILD_IT = [
    ("07_modular_code.ipynb", "ex-ch7-linear-layer", ["LinearLayer"]),
    ("07_modular_code.ipynb", "ex-ch7-sigmoid-layer", ["SigmoidLayer"]),
    ("08_going_deeper.ipynb", "ex-ch8-tanh-layer", ["TanhLayer", "ReLULayer"]),
    ("09_gradient_checking.ipynb", "ex-ch9-gradient-checker", ["numerical_gradient"]),
]


@pytest.mark.parametrize(("notebook", "label", "names"), BUILD_IT, ids=[b[1] for b in BUILD_IT])
def test_build_it_reference_passes_and_the_untouched_scaffold_gets_feedback(notebook, label, names):
    from nbnp.exercises import solutions

    ns = {"np": np, "nbnp": nbnp}
    printed = run_cells(notebook, [f"solution-{label}"], ns).splitlines()
    assert [line.split(":")[0] for line in printed] == names
    assert all(line.startswith(f"{name}: passed.") for name, line in zip(names, printed)), printed
    assert all(ns[name] is getattr(solutions, name) for name in names)  # the listings the book includes
    nb = nbformat.read(PART2 / notebook, as_version=4)
    cells = {cell.get("id"): cell for cell in nb.cells}
    listings = [c.source for c in nb.cells if c.get("id", "").startswith(f"{label}-listing")]
    assert [f":pyobject: {name}" in text for name, text in zip(names, listings)] == [True] * len(names)
    scaffold = cells[f"exercise-{label}"]
    assert SCAFFOLD <= set(scaffold.metadata.get("tags", []))
    assert scaffold.source.splitlines()[-1] == f'_ = nbnp.check_exercise("{names[0]}", {names[0]})'
    printed = run_cells(notebook, [f"exercise-{label}"], {"np": np, "nbnp": nbnp})
    assert printed.startswith(f"{names[0]}: not yet."), printed


def test_ch7_says_nbnps_layers_return_what_they_compute():
    cells = {c.get("id"): c for c in nbformat.read(PART2 / "07_modular_code.ipynb", as_version=4).cells}
    text = " ".join(cells["ex-ch7-linear-layer"].source.split())
    assert "return nothing" in text and "**return** what they compute" in text
