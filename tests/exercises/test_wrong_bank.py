"""A bank of wrong implementations, written as learners write them: each is caught, with the right diagnosis.

Every entry is one exercise's candidate with one mistake, and a key phrase the
feedback must contain (the mistake's name: "axis", "1/m", "sign",
"transpose", "upstream", "from Z", "adds", "in place", ...), never the whole
sentence. ``test_the_bank_covers_every_exercise`` keeps at least two per
exercise.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from nbnp.exercises import EXERCISES, check_exercise
from nbnp.exercises import solutions as ref
from nbnp.initializers import initialize_parameters

BANK: list[tuple[str, object, str]] = []


def wrong(name: str, phrase: str):
    """Register the decorated function or class as a wrong candidate for ``name``."""
    def add(candidate):
        BANK.append((name, candidate, phrase))
        return candidate
    return add


# chapter 1: sigmoid ------------------------------------------------------------------------------------

@wrong("sigmoid", "sign")
def sigmoid_flipped(z):
    return 1 / (1 + np.exp(z))


@wrong("sigmoid", "overflows")
def sigmoid_overflows(z):
    return np.exp(z) / (1 + np.exp(z))


@wrong("sigmoid", "brackets")
def sigmoid_precedence(z):
    return 1 / 1 + np.exp(-z)


@wrong("sigmoid", "np.exp")
def sigmoid_math(z):
    return 1 / (1 + math.exp(-z))


@wrong("sigmoid", "return")
def sigmoid_no_return(z):
    1 / (1 + np.exp(-z))


@wrong("sigmoid", "in place")
def sigmoid_in_place(z):
    z *= -1
    return 1 / (1 + np.exp(z))


# chapter 1: sigmoid_derivative --------------------------------------------------------------------------

@wrong("sigmoid_derivative", "from z")
def derivative_from_z(z):
    return z * (1 - z)


@wrong("sigmoid_derivative", "missing")
def derivative_without_one_minus(z):
    return ref.sigmoid(z)


@wrong("sigmoid_derivative", "sign")
def derivative_negative(z):
    s = ref.sigmoid(z)
    return s * (s - 1)


@wrong("sigmoid_derivative", "nan")
def derivative_by_quotient_rule(z):
    return np.exp(-z) / (1 + np.exp(-z)) ** 2


# chapter 2: bias_step -----------------------------------------------------------------------------------

@wrong("bias_step", "adds")
def bias_step_adds(x, y, w, b, alpha):
    y_hat = ref.sigmoid((w @ x)[0, 0] + b)
    return b + alpha * -(y - y_hat) * y_hat * (1 - y_hat)


@wrong("bias_step", "sign")
def bias_step_flipped_loss_gradient(x, y, w, b, alpha):
    y_hat = ref.sigmoid((w @ x)[0, 0] + b)
    return b - alpha * (y - y_hat) * y_hat * (1 - y_hat)


@wrong("bias_step", "local gradient")
def bias_step_no_sigma_prime(x, y, w, b, alpha):
    y_hat = ref.sigmoid((w @ x)[0, 0] + b)
    return b - alpha * -(y - y_hat)


@wrong("bias_step", "from z")
def bias_step_sigma_prime_of_z(x, y, w, b, alpha):
    z = (w @ x)[0, 0] + b
    y_hat = ref.sigmoid(z)
    return b - alpha * -(y - y_hat) * z * (1 - z)


@wrong("bias_step", "α")
def bias_step_no_alpha(x, y, w, b, alpha):
    y_hat = ref.sigmoid((w @ x)[0, 0] + b)
    return b - -(y - y_hat) * y_hat * (1 - y_hat)


@wrong("bias_step", "returns the gradient")
def bias_step_returns_db(x, y, w, b, alpha):
    y_hat = ref.sigmoid((w @ x)[0, 0] + b)
    return -(y - y_hat) * y_hat * (1 - y_hat)


# chapter 3: gradient_descent ----------------------------------------------------------------------------

@wrong("gradient_descent", "adds")
def descent_climbs(gradient, theta0, alpha, steps):
    thetas = [theta0]
    for _ in range(steps):
        thetas.append(thetas[-1] + alpha * gradient(thetas[-1]))
    return thetas


@wrong("gradient_descent", "slope at θ₀")
def descent_stuck_slope(gradient, theta0, alpha, steps):
    thetas, theta = [theta0], theta0
    for _ in range(steps):
        theta = theta - alpha * gradient(theta0)
        thetas.append(theta)
    return thetas


@wrong("gradient_descent", "misses θ₀")
def descent_without_start(gradient, theta0, alpha, steps):
    thetas, theta = [], theta0
    for _ in range(steps):
        theta = theta - alpha * gradient(theta)
        thetas.append(theta)
    return thetas


@wrong("gradient_descent", "one step too many")
def descent_off_by_one(gradient, theta0, alpha, steps):
    thetas = [theta0]
    for _ in range(steps + 1):
        thetas.append(thetas[-1] - alpha * gradient(thetas[-1]))
    return thetas


@wrong("gradient_descent", "only the last")
def descent_last_only(gradient, theta0, alpha, steps):
    theta = theta0
    for _ in range(steps):
        theta -= alpha * gradient(theta)
    return theta


@wrong("gradient_descent", "leave out α")
def descent_no_alpha(gradient, theta0, alpha, steps):
    thetas = [theta0]
    for _ in range(steps):
        thetas.append(thetas[-1] - gradient(thetas[-1]))
    return thetas


# chapter 4: compute_cost --------------------------------------------------------------------------------

@wrong("compute_cost", "½")
def cost_without_half(Y, Y_hat):
    m = Y.shape[1]
    return np.sum((Y - Y_hat) ** 2) / m, -(Y - Y_hat) / m


@wrong("compute_cost", "1/m")
def cost_sum_not_mean(Y, Y_hat):
    m = Y.shape[1]
    return 0.5 * np.sum((Y - Y_hat) ** 2), -(Y - Y_hat) / m


@wrong("compute_cost", "1/m")
def cost_gradient_without_m(Y, Y_hat):
    m = Y.shape[1]
    return np.sum((Y - Y_hat) ** 2) / (2 * m), -(Y - Y_hat)


@wrong("compute_cost", "sign")
def cost_gradient_flipped(Y, Y_hat):
    m = Y.shape[1]
    return np.sum((Y - Y_hat) ** 2) / (2 * m), (Y - Y_hat) / m


@wrong("compute_cost", "squares the sum")
def cost_square_of_sum(Y, Y_hat):
    m = Y.shape[1]
    return np.sum(Y - Y_hat) ** 2 / (2 * m), -(Y - Y_hat) / m


@wrong("compute_cost", "two values")
def cost_only(Y, Y_hat):
    return np.sum((Y - Y_hat) ** 2) / (2 * Y.shape[1])


@wrong("compute_cost", "in place")
def cost_in_place(Y, Y_hat):
    m = Y.shape[1]
    Y_hat -= Y
    return np.sum(Y_hat ** 2) / (2 * m), Y_hat / m


# chapter 4: neuron_gradients ----------------------------------------------------------------------------

def _forward(X, W, b):
    Z = W @ X + b
    return Z, ref.sigmoid(Z)


@wrong("neuron_gradients", "axis")
def neuron_db_axis0(X, Y, W, b):
    _, A = _forward(X, W, b)
    dZ = -(Y - A) / X.shape[1] * A * (1 - A)
    return dZ @ X.T, np.sum(dZ, axis=0, keepdims=True)


@wrong("neuron_gradients", "keepdims")
def neuron_db_flat(X, Y, W, b):
    _, A = _forward(X, W, b)
    dZ = -(Y - A) / X.shape[1] * A * (1 - A)
    return dZ @ X.T, np.sum(dZ, axis=1)


@wrong("neuron_gradients", "1/m")
def neuron_no_m(X, Y, W, b):
    _, A = _forward(X, W, b)
    dZ = -(Y - A) * A * (1 - A)
    return dZ @ X.T, np.sum(dZ, axis=1, keepdims=True)


@wrong("neuron_gradients", "from Z")
def neuron_sigma_prime_of_z(X, Y, W, b):
    Z, A = _forward(X, W, b)
    dZ = -(Y - A) / X.shape[1] * Z * (1 - Z)
    return dZ @ X.T, np.sum(dZ, axis=1, keepdims=True)


@wrong("neuron_gradients", "upstream")
def neuron_no_upstream(X, Y, W, b):
    _, A = _forward(X, W, b)
    dZ = A * (1 - A)
    return dZ @ X.T, np.sum(dZ, axis=1, keepdims=True)


@wrong("neuron_gradients", "transposed")
def neuron_dW_transposed(X, Y, W, b):
    _, A = _forward(X, W, b)
    dZ = -(Y - A) / X.shape[1] * A * (1 - A)
    return X @ dZ.T, np.sum(dZ, axis=1, keepdims=True)


@wrong("neuron_gradients", "sign")
def neuron_flipped(X, Y, W, b):
    _, A = _forward(X, W, b)
    dZ = (Y - A) / X.shape[1] * A * (1 - A)
    return dZ @ X.T, np.sum(dZ, axis=1, keepdims=True)


# chapter 5: feature_cross -------------------------------------------------------------------------------

@wrong("feature_cross", "only the new row")
def cross_row_only(X):
    return X[0] * X[1]


@wrong("feature_cross", "on top")
def cross_first(X):
    return np.vstack([X[0] * X[1], X])


@wrong("feature_cross", "flattens")
def cross_np_append(X):
    return np.append(X, X[0] * X[1])


@wrong("feature_cross", "product")
def cross_sum(X):
    return np.vstack([X, X[0] + X[1]])


@wrong("feature_cross", "dot product")
def cross_dot(X):
    return np.vstack([X, np.full(X.shape[1], np.dot(X[0], X[1]))])


@wrong("feature_cross", "in place")
def cross_overwrites(X):
    X[1] = X[0] * X[1]
    return np.vstack([X[:1], X[1:2] * 0 + X[0] * 0 + X[1], X[1:]])


# chapter 6: hidden_layer --------------------------------------------------------------------------------

def _hidden(X, Y, W1, b1, W2, b2, mistake=""):
    Z1 = W1 @ X + b1
    A1 = ref.sigmoid(Z1)
    A2 = ref.sigmoid(W2 @ A1 + b2)
    m = X.shape[1]
    dA2 = -(Y - A2) if mistake == "no m" else -(Y - A2) / m
    dZ2 = dA2 * A2 * (1 - A2)
    dW2, db2 = dZ2 @ A1.T, np.sum(dZ2, axis=1, keepdims=True)
    dA1 = W2 @ dZ2 if mistake == "W not W.T" else W2.T @ dZ2
    if mistake == "from Z1":
        dZ1 = dA1 * Z1 * (1 - Z1)
    elif mistake == "no upstream":
        dZ1 = A1 * (1 - A1)
    else:
        dZ1 = dA1 * A1 * (1 - A1)
    dW1 = X @ dZ1.T if mistake == "dW1.T" else dZ1 @ X.T
    db1 = np.sum(dZ1, axis=0, keepdims=True) if mistake == "axis" else np.sum(dZ1, axis=1, keepdims=True)
    return dW1, db1, dW2, db2


for _mistake, _phrase in [("no m", "1/m"), ("W not W.T", "transpose"), ("from Z1", "from Z1"),
                          ("no upstream", "upstream"), ("dW1.T", "transposed"), ("axis", "axis")]:
    wrong("hidden_layer", _phrase)(lambda *args, _m=_mistake: _hidden(*args, mistake=_m))


@wrong("hidden_layer", "four values")
def hidden_returns_three(X, Y, W1, b1, W2, b2):
    return _hidden(X, Y, W1, b1, W2, b2)[:3]


# chapter 7: LinearLayer ---------------------------------------------------------------------------------

class Linear(ref.LinearLayer):
    """The reference, for the wrong ones to change one method each."""


@wrong("LinearLayer", "transpose")
class LinearWNotTransposed(Linear):
    def backward(self, upstream_grad):
        super().backward(upstream_grad)
        self.dA_prev = self.params["W"] @ upstream_grad
        return self.dA_prev


@wrong("LinearLayer", "transposed")
class LinearDWTransposed(Linear):
    def backward(self, upstream_grad):
        super().backward(upstream_grad)
        self.dW = self.A_prev @ upstream_grad.T
        return self.dA_prev


@wrong("LinearLayer", "axis")
class LinearDbAxis0(Linear):
    def backward(self, upstream_grad):
        super().backward(upstream_grad)
        self.db = np.sum(upstream_grad, axis=0, keepdims=True)
        return self.dA_prev


@wrong("LinearLayer", "keepdims")
class LinearDbFlat(Linear):
    def backward(self, upstream_grad):
        super().backward(upstream_grad)
        self.db = np.sum(upstream_grad, axis=1)
        return self.dA_prev


@wrong("LinearLayer", "1/m")
class LinearDividesByM(Linear):
    def backward(self, upstream_grad):
        super().backward(upstream_grad)
        self.dW = self.dW / upstream_grad.shape[1]
        return self.dA_prev


@wrong("LinearLayer", "adds")
class LinearClimbs(Linear):
    def update_params(self, learning_rate=0.1):
        self.params["W"] = self.params["W"] + learning_rate * self.dW
        self.params["b"] = self.params["b"] + learning_rate * self.db


@wrong("LinearLayer", "learning_rate")
class LinearIgnoresRate(Linear):
    def update_params(self, learning_rate=0.1):
        self.params["W"] = self.params["W"] - 0.1 * self.dW
        self.params["b"] = self.params["b"] - 0.1 * self.db


@wrong("LinearLayer", "return self.Z")
class LinearForwardReturnsNothing(Linear):
    def forward(self, A_prev):
        super().forward(A_prev)


@wrong("LinearLayer", "self.A_prev")
class LinearForgetsInput(Linear):
    def forward(self, A_prev):
        return self.params["W"] @ A_prev + self.params["b"]


@wrong("LinearLayer", "swapped")
class LinearSwappedSizes(Linear):
    def __init__(self, input_shape, n_out, ini_type="plain"):
        self.params = initialize_parameters(n_out, input_shape[0], ini_type)
        self.Z = np.zeros((n_out, input_shape[1]))


@wrong("LinearLayer", "ini_type")
class LinearPlainOnly(Linear):
    def __init__(self, input_shape, n_out, ini_type="plain"):
        self.params = initialize_parameters(input_shape[0], n_out)
        self.Z = np.zeros((n_out, input_shape[1]))


@wrong("LinearLayer", "TypeError")
class LinearWrongConstructor(Linear):
    def __init__(self, input_shape, n_out):
        super().__init__(input_shape, n_out)


@wrong("LinearLayer", "bias")
class LinearNoBias(Linear):
    def forward(self, A_prev):
        self.A_prev = A_prev
        self.Z = self.params["W"] @ A_prev
        return self.Z


# chapter 7: SigmoidLayer --------------------------------------------------------------------------------

@wrong("SigmoidLayer", "from Z")
class SigmoidSlopeOfZ(ref.SigmoidLayer):
    def forward(self, Z):
        self.Z = Z
        return super().forward(Z)

    def backward(self, upstream_grad):
        self.dZ = upstream_grad * self.Z * (1 - self.Z)
        return self.dZ


@wrong("SigmoidLayer", "upstream")
class SigmoidNoUpstream(ref.SigmoidLayer):
    def backward(self, upstream_grad):
        self.dZ = self.A * (1 - self.A)
        return self.dZ


@wrong("SigmoidLayer", "overflows")
class SigmoidOverflows(ref.SigmoidLayer):
    def forward(self, Z):
        self.A = np.exp(Z) / (1 + np.exp(Z))
        return self.A


@wrong("SigmoidLayer", "return self.dZ")
class SigmoidBackwardReturnsNothing(ref.SigmoidLayer):
    def backward(self, upstream_grad):
        self.dZ = upstream_grad * self.A * (1 - self.A)


@wrong("SigmoidLayer", "in place")
class SigmoidInPlace(ref.SigmoidLayer):
    def backward(self, upstream_grad):
        upstream_grad *= self.A * (1 - self.A)
        self.dZ = upstream_grad
        return self.dZ


# chapter 8: TanhLayer and ReLULayer ---------------------------------------------------------------------

@wrong("TanhLayer", "from Z")
class TanhSlopeOfZ(ref.TanhLayer):
    def forward(self, Z):
        self.Z = Z
        return super().forward(Z)

    def backward(self, upstream_grad):
        return upstream_grad * (1 - self.Z ** 2)


@wrong("TanhLayer", "sigmoid's slope")
class TanhSigmoidSlope(ref.TanhLayer):
    def backward(self, upstream_grad):
        return upstream_grad * self.A * (1 - self.A)


@wrong("TanhLayer", "np.tanh")
class TanhByHand(ref.TanhLayer):
    def forward(self, Z):
        self.A = (np.exp(Z) - np.exp(-Z)) / (np.exp(Z) + np.exp(-Z))
        return self.A


@wrong("TanhLayer", "upstream")
class TanhNoUpstream(ref.TanhLayer):
    def backward(self, upstream_grad):
        return 1 - self.A ** 2


@wrong("ReLULayer", "in place")
class ReLUInPlace(ref.ReLULayer):
    def forward(self, Z):
        Z[Z < 0] = 0
        self.Z = Z
        return Z


@wrong("ReLULayer", "in place")
class ReLUBackwardInPlace(ref.ReLULayer):
    def backward(self, upstream_grad):
        upstream_grad[self.Z <= 0] = 0
        return upstream_grad


@wrong("ReLULayer", "upstream")
class ReLUNoUpstream(ref.ReLULayer):
    def backward(self, upstream_grad):
        return (self.Z > 0).astype(float)


@wrong("ReLULayer", "np.max")
class ReLUMax(ref.ReLULayer):
    def forward(self, Z):
        self.Z = Z
        return np.max(Z, 0)


# chapter 9: numerical_gradient --------------------------------------------------------------------------

@wrong("numerical_gradient", "forward difference")
def gradient_forward_difference(f, x, eps=1e-5):
    grad, f0 = np.zeros_like(x), f()
    for i in np.ndindex(x.shape):
        x[i] += eps
        grad[i] = (f() - f0) / eps
        x[i] -= eps
    return grad


@wrong("numerical_gradient", "2ε")
def gradient_divides_by_eps(f, x, eps=1e-5):
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        saved = x[i]
        x[i] = saved + eps
        f_plus = f()
        x[i] = saved - eps
        f_minus = f()
        x[i] = saved
        grad[i] = (f_plus - f_minus) / eps
    return grad


@wrong("numerical_gradient", "restore")
def gradient_never_restores(f, x, eps=1e-5):
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        x[i] += eps
        f_plus = f()
        x[i] -= 2 * eps
        grad[i] = (f_plus - f()) / (2 * eps)
    return grad


@wrong("numerical_gradient", "copy")
def gradient_on_a_copy(f, x, eps=1e-5):
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        x_plus, x_minus = x.copy(), x.copy()
        x_plus[i] += eps
        x_minus[i] -= eps
        grad[i] = (f() - f()) / (2 * eps)
    return grad


@wrong("numerical_gradient", "one entry at a time")
def gradient_by_rows(f, x, eps=1e-5):
    grad = np.zeros_like(x)
    for r in range(x.shape[0]):
        saved = x[r].copy()
        x[r] = saved + eps
        f_plus = f()
        x[r] = saved - eps
        f_minus = f()
        x[r] = saved
        grad[r] = (f_plus - f_minus) / (2 * eps)
    return grad


@wrong("numerical_gradient", "sign")
def gradient_flipped(f, x, eps=1e-5):
    return -ref.numerical_gradient(f, x, eps)


def _label(entry) -> str:
    name, candidate, _ = entry
    return f"{name}-{getattr(candidate, '__name__', 'lambda')}"


@pytest.mark.parametrize("entry", BANK, ids=[_label(e) for e in BANK])
def test_a_wrong_implementation_is_caught_with_its_diagnosis(entry):
    name, candidate, phrase = entry
    result = check_exercise(name, candidate, quiet=True)
    assert result.passed is False
    assert phrase.lower() in result.feedback.lower(), result.feedback
    assert 1 <= len(result.feedback.splitlines()) <= 3, result.feedback


def test_the_bank_covers_every_exercise():
    counts = {name: sum(entry[0] == name for entry in BANK) for name in EXERCISES}
    assert len(BANK) >= 30
    assert min(counts.values()) >= 2, counts
