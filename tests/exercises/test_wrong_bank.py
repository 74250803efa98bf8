"""A bank of wrong implementations, written as learners write them: each is caught, with the right diagnosis.

Each row is (exercise, a key phrase the feedback must hold, a text of the reference solution in
``nbnp/exercises/solutions.py``, what the learner wrote instead; two edits when tuples): the
candidate is the reference with that edit, and an edit that no longer applies fails, naming it.
"""

from __future__ import annotations

import inspect
import math

import numpy as np
import pytest

from nbnp.exercises import EXERCISES, check_exercise
from nbnp.exercises import solutions as ref
from nbnp.initializers import initialize_parameters

_8 = "\n        "  # a new line inside a method
DESCENT = "theta - alpha * gradient(theta)"
COST = "np.sum((Y - Y_hat) ** 2)"
SLOPE = "dZ = dA * A * (1 - A)"
SLOPE1 = "dZ1 = dA1 * A1 * (1 - A1)"
W_T = 'self.params["W"].T @ upstream_grad'
DW = "self.dW = upstream_grad @ self.A_prev.T"
DB = "np.sum(upstream_grad, axis=1, keepdims=True)"
INIT = "initialize_parameters(input_shape[0], n_out, ini_type)"
SIG_DZ = "self.dZ = upstream_grad * self.A * (1 - self.A)"
TANH_DZ = "upstream_grad * (1 - self.A ** 2)"
CENTRAL = "(f_plus - f_minus) / (2 * eps)"

BANK = [
    # chapter 1: sigmoid, sigmoid_derivative
    ("sigmoid", "sign", "np.exp(-z)", "np.exp(z)"),
    ("sigmoid", "overflows", "1 / (1 + np.exp(-z))", "np.exp(z) / (1 + np.exp(z))"),
    ("sigmoid", "brackets", "1 / (1 + np.exp(-z))", "1 / 1 + np.exp(-z)"),
    ("sigmoid", "np.exp", "np.exp", "math.exp"),
    ("sigmoid", "return", "return 1", "1"),
    ("sigmoid", "in place", "return 1 / (1 + np.exp(-z))", "z *= -1\n    return 1 / (1 + np.exp(z))"),
    ("sigmoid_derivative", "from z", "s * (1 - s)", "z * (1 - z)"),
    ("sigmoid_derivative", "missing", "return s * (1 - s)", "return s"),
    ("sigmoid_derivative", "sign", "s * (1 - s)", "s * (s - 1)"),
    ("sigmoid_derivative", "nan", "return s * (1 - s)", "return np.exp(-z) / (1 + np.exp(-z)) ** 2"),
    # chapter 2: bias_step
    ("bias_step", "adds", "b - alpha * db", "b + alpha * db"),
    ("bias_step", "sign", "-(y - y_hat)", "(y - y_hat)"),
    ("bias_step", "local gradient", "db = dL_dy_hat * y_hat * (1 - y_hat)", "db = dL_dy_hat"),
    ("bias_step", "from z", "* y_hat * (1 - y_hat)", "* z * (1 - z)"),
    ("bias_step", "α", "b - alpha * db", "b - db"),
    ("bias_step", "returns the gradient", "return b - alpha * db", "return db"),
    # chapter 3: gradient_descent
    ("gradient_descent", "adds", DESCENT, "theta + alpha * gradient(theta)"),
    ("gradient_descent", "slope at θ₀", DESCENT, "theta - alpha * gradient(theta0)"),
    ("gradient_descent", "misses θ₀", "thetas = [theta0]", "thetas = []"),
    ("gradient_descent", "one step too many", "range(steps)", "range(steps + 1)"),
    ("gradient_descent", "only the last", "return thetas", "return theta"),
    ("gradient_descent", "leave out α", DESCENT, "theta - gradient(theta)"),
    # chapter 4: compute_cost
    ("compute_cost", "½", f"{COST} / (2 * m)", f"{COST} / m"),
    ("compute_cost", "1/m", f"{COST} / (2 * m)", f"{COST} / 2"),
    ("compute_cost", "1/m", "-(Y - Y_hat) / m", "-(Y - Y_hat)"),
    ("compute_cost", "sign", "-(Y - Y_hat) / m", "(Y - Y_hat) / m"),
    ("compute_cost", "squares the sum", COST, "np.sum(Y - Y_hat) ** 2"),
    ("compute_cost", "two values", "return cost, dY_hat", "return cost"),
    ("compute_cost", "in place", "dY_hat = -(Y - Y_hat) / m", "Y_hat -= Y\n    dY_hat = Y_hat / m"),
    # chapter 5: neuron_gradients
    ("neuron_gradients", "axis", "axis=1", "axis=0"),
    ("neuron_gradients", "keepdims", ", keepdims=True", ""),
    ("neuron_gradients", "1/m", "_, dA = compute_cost(Y, A)", "dA = -(Y - A)"),
    ("neuron_gradients", "from Z", SLOPE, "Z = W @ X + b\n    dZ = dA * Z * (1 - Z)"),
    ("neuron_gradients", "upstream", SLOPE, "dZ = A * (1 - A)"),
    ("neuron_gradients", "transposed", "dW = dZ @ X.T", "dW = X @ dZ.T"),
    ("neuron_gradients", "sign", "_, dA = compute_cost(Y, A)", "dA = (Y - A) / X.shape[1]"),
    # chapter 6: feature_cross
    ("feature_cross", "only the new row", "np.vstack([X, X[0] * X[1]])", "X[0] * X[1]"),
    ("feature_cross", "on top", "np.vstack([X, X[0] * X[1]])", "np.vstack([X[0] * X[1], X])"),
    ("feature_cross", "flattens", "np.vstack([X, X[0] * X[1]])", "np.append(X, X[0] * X[1])"),
    ("feature_cross", "product", "X[0] * X[1]", "X[0] + X[1]"),
    ("feature_cross", "dot product", "X[0] * X[1]", "np.full(X.shape[1], np.dot(X[0], X[1]))"),
    ("feature_cross", "in place", "return np.vstack([X, X[0] * X[1]])",
     "X[1] = X[0] * X[1]\n    return np.vstack([X[:1], X[1:2], X[1:]])"),
    # chapter 7: hidden_layer
    ("hidden_layer", "1/m", "_, dA2 = compute_cost(Y, A2)", "dA2 = -(Y - A2)"),
    ("hidden_layer", "transpose", "dA1 = W2.T @ dZ2", "dA1 = W2 @ dZ2"),
    ("hidden_layer", "from Z1", SLOPE1, "Z1 = W1 @ X + b1\n    dZ1 = dA1 * Z1 * (1 - Z1)"),
    ("hidden_layer", "upstream", SLOPE1, "dZ1 = A1 * (1 - A1)"),
    ("hidden_layer", "transposed", "dW1 = dZ1 @ X.T", "dW1 = X @ dZ1.T"),
    ("hidden_layer", "axis", "np.sum(dZ1, axis=1", "np.sum(dZ1, axis=0"),
    ("hidden_layer", "four values", "return dW1, db1, dW2, db2", "return dW1, db1, dW2"),
    # chapter 8: LinearLayer, SigmoidLayer
    ("LinearLayer", "transpose", W_T, 'self.params["W"] @ upstream_grad'),
    ("LinearLayer", "transposed", DW, "self.dW = self.A_prev @ upstream_grad.T"),
    ("LinearLayer", "axis", DB, "np.sum(upstream_grad, axis=0, keepdims=True)"),
    ("LinearLayer", "keepdims", DB, "np.sum(upstream_grad, axis=1)"),
    ("LinearLayer", "1/m", DW, f"{DW} / upstream_grad.shape[1]"),
    ("LinearLayer", "adds", "] - learning_rate", "] + learning_rate"),
    ("LinearLayer", "learning_rate", "learning_rate * self.d", "0.1 * self.d"),
    ("LinearLayer", "return self.Z", f"{_8}return self.Z", ""),
    ("LinearLayer", "self.A_prev", f"{_8}self.A_prev = A_prev", ""),
    ("LinearLayer", "swapped", INIT, "initialize_parameters(n_out, input_shape[0], ini_type)"),
    ("LinearLayer", "ini_type", INIT, "initialize_parameters(input_shape[0], n_out)"),
    ("LinearLayer", "TypeError", ', ini_type="plain"):', "):"),
    ("LinearLayer", "bias", ' + self.params["b"]', ""),
    ("SigmoidLayer", "from Z", ("self.A = 1", SIG_DZ),
     (f"self.Z = Z{_8}self.A = 1", "self.dZ = upstream_grad * self.Z * (1 - self.Z)")),
    ("SigmoidLayer", "upstream", SIG_DZ, "self.dZ = self.A * (1 - self.A)"),
    ("SigmoidLayer", "overflows", "1 / (1 + np.exp(-Z))", "np.exp(Z) / (1 + np.exp(Z))"),
    ("SigmoidLayer", "return self.dZ", f"{_8}return self.dZ", ""),
    ("SigmoidLayer", "in place", SIG_DZ,
     f"upstream_grad *= self.A * (1 - self.A){_8}self.dZ = upstream_grad"),
    # chapter 9: TanhLayer, ReLULayer
    ("TanhLayer", "from Z", ("self.A = np.tanh", "- self.A ** 2"),
     (f"self.Z = Z{_8}self.A = np.tanh", "- self.Z ** 2")),
    ("TanhLayer", "sigmoid's slope", "(1 - self.A ** 2)", "self.A * (1 - self.A)"),
    ("TanhLayer", "np.tanh", "np.tanh(Z)", "(np.exp(Z) - np.exp(-Z)) / (np.exp(Z) + np.exp(-Z))"),
    ("TanhLayer", "upstream", TANH_DZ, "(1 - self.A ** 2)"),
    ("ReLULayer", "in place", "self.A = np.maximum(0, Z)", f"Z[Z < 0] = 0{_8}self.A = Z"),
    ("ReLULayer", "in place", "self.dZ = upstream_grad * (self.Z > 0)",
     f"upstream_grad[self.Z <= 0] = 0{_8}self.dZ = upstream_grad"),
    ("ReLULayer", "upstream", "upstream_grad * (self.Z > 0)", "(self.Z > 0).astype(float)"),
    ("ReLULayer", "np.max", "np.maximum(0, Z)", "np.max(Z, 0)"),
    # chapter 10: numerical_gradient
    ("numerical_gradient", "forward difference", ("x[i] = saved - eps", CENTRAL),
     ("x[i] = saved", "(f_plus - f_minus) / eps")),
    ("numerical_gradient", "2ε", CENTRAL, "(f_plus - f_minus) / eps"),
    ("numerical_gradient", "restore", "        x[i] = saved\n        grad", "        grad"),
    ("numerical_gradient", "copy", ("x[i] = saved + eps", "x[i] = saved - eps"),
     ("x.copy()[i] = saved + eps", "x.copy()[i] = saved - eps")),
    ("numerical_gradient", "one entry at a time", ("np.ndindex(x.shape)", "saved = x[i]"),
     ("range(x.shape[0])", "saved = x[i].copy()")),
    ("numerical_gradient", "sign", CENTRAL, "(f_minus - f_plus) / (2 * eps)"),
]


def candidate(name: str, old: str | tuple, new: str | tuple) -> object:
    """The reference solution ``name`` with each ``old`` text replaced by its ``new`` one."""
    source = inspect.getsource(getattr(ref, name))
    for before, after in zip(*((old, new) if isinstance(old, tuple) else ((old,), (new,)))):
        assert before in source, f"the reference {name} no longer holds {before!r}: update this row"
        source = source.replace(before, after)
    namespace = {"np": np, "math": math, "sigmoid": ref.sigmoid, "compute_cost": ref.compute_cost,
                 "initialize_parameters": initialize_parameters}
    exec(source, namespace)
    return namespace[name]


@pytest.mark.parametrize(("name", "phrase", "old", "new"), BANK, ids=[f"{r[0]}-{r[1]}" for r in BANK])
def test_a_wrong_implementation_is_caught_with_its_diagnosis(name, phrase, old, new):
    result = check_exercise(name, candidate(name, old, new), quiet=True)
    assert result.passed is False
    assert phrase.lower() in result.feedback.lower(), result.feedback
    assert 1 <= len(result.feedback.splitlines()) <= 3, result.feedback


def test_the_bank_covers_every_exercise_and_the_unchanged_reference_passes():
    counts = {name: sum(row[0] == name for row in BANK) for name in EXERCISES}
    assert min(counts.values()) >= 2, counts
    for name in EXERCISES:  # the rebuilt reference itself passes: each row's mistake is the edit
        assert check_exercise(name, candidate(name, "", ""), quiet=True).passed, name
