"""The build-it exercises' reference solutions, as the book's folded solutions.

Each is written as a learner would write it, with NumPy only, and passes
``nbnp.check_exercise(name, solution)``; a chapter includes its solution from
here (``literalinclude`` with ``:pyobject:``). The exercise's check function
in :mod:`nbnp.exercises` says what each must do.
"""

from __future__ import annotations

import numpy as np

from nbnp.initializers import initialize_parameters

__all__ = [
    "LinearLayer", "ReLULayer", "SigmoidLayer", "TanhLayer", "bias_step",
    "compute_cost", "feature_cross", "gradient_descent", "hidden_layer",
    "neuron_gradients", "numerical_gradient", "sigmoid", "sigmoid_derivative",
]


def sigmoid(z):
    """σ(z) = 1 / (1 + e^(−z)), entry by entry; shape of z. Chapter 1."""
    return 1 / (1 + np.exp(-z))


def sigmoid_derivative(z):
    """σ′(z) = σ(z)(1 − σ(z)); shape of z. Chapter 1."""
    s = sigmoid(z)
    return s * (1 - s)


def bias_step(x, y, w, b, alpha):
    """The new b after one step; x (2, 1), w (1, 2), y, b, alpha floats."""
    z = (w @ x)[0, 0] + b
    y_hat = sigmoid(z)
    dL_dy_hat = -(y - y_hat)
    db = dL_dy_hat * y_hat * (1 - y_hat)
    return b - alpha * db


def gradient_descent(gradient, theta0, alpha, steps):
    """θ₀, θ₁, …, θ_steps of θ ← θ − α·L′(θ): steps + 1 floats. Chapter 3."""
    thetas = [theta0]
    theta = theta0
    for _ in range(steps):
        theta = theta - alpha * gradient(theta)
        thetas.append(theta)
    return thetas


def compute_cost(Y, Y_hat):
    """(cost, dY_hat): a float, and shape (1, m) like Y and Y_hat. Chapter 4."""
    m = Y.shape[1]
    cost = np.sum((Y - Y_hat) ** 2) / (2 * m)
    dY_hat = -(Y - Y_hat) / m
    return cost, dY_hat


def neuron_gradients(X, Y, W, b):
    """(dW, db) of a sigmoid neuron; X (n, m), Y (1, m), W (1, n), b (1, 1)."""
    A = sigmoid(W @ X + b)
    _, dA = compute_cost(Y, A)
    dZ = dA * A * (1 - A)
    dW = dZ @ X.T
    db = np.sum(dZ, axis=1, keepdims=True)
    return dW, db


def feature_cross(X):
    """X, shape (n, m), with the row x₁·x₂ appended: (n + 1, m). Chapter 5."""
    return np.vstack([X, X[0] * X[1]])


def hidden_layer(X, Y, W1, b1, W2, b2):
    """(dW1, db1, dW2, db2) of a 2-3-1 sigmoid network, shaped like W1, ..."""
    A1 = sigmoid(W1 @ X + b1)
    A2 = sigmoid(W2 @ A1 + b2)
    _, dA2 = compute_cost(Y, A2)
    dZ2 = dA2 * A2 * (1 - A2)
    dW2 = dZ2 @ A1.T
    db2 = np.sum(dZ2, axis=1, keepdims=True)
    dA1 = W2.T @ dZ2
    dZ1 = dA1 * A1 * (1 - A1)
    dW1 = dZ1 @ X.T
    db1 = np.sum(dZ1, axis=1, keepdims=True)
    return dW1, db1, dW2, db2


class LinearLayer:
    """Z = W·A_prev + b; A_prev (n_in, m), W (n_out, n_in), b (n_out, 1)."""

    def __init__(self, input_shape, n_out, ini_type="plain"):
        self.m = input_shape[1]
        self.params = initialize_parameters(input_shape[0], n_out, ini_type)
        self.Z = np.zeros((n_out, input_shape[1]))

    def forward(self, A_prev):
        """Z = W·A_prev + b, shape (n_out, m)."""
        self.A_prev = A_prev
        self.Z = self.params["W"] @ A_prev + self.params["b"]
        return self.Z

    def backward(self, upstream_grad):
        """dW, db, dA_prev from upstream_grad (n_out, m); returns dA_prev."""
        self.dW = upstream_grad @ self.A_prev.T
        self.db = np.sum(upstream_grad, axis=1, keepdims=True)
        self.dA_prev = self.params["W"].T @ upstream_grad
        return self.dA_prev

    def update_params(self, learning_rate=0.1):
        """W ← W − α·dW, b ← b − α·db."""
        self.params["W"] = self.params["W"] - learning_rate * self.dW
        self.params["b"] = self.params["b"] - learning_rate * self.db


class SigmoidLayer:
    """A = σ(Z), entry by entry; shape (n, m). Chapter 7."""

    def __init__(self, shape):
        self.A = np.zeros(shape)

    def forward(self, Z):
        """A = σ(Z), shape of Z."""
        self.A = 1 / (1 + np.exp(-Z))
        return self.A

    def backward(self, upstream_grad):
        """dZ = upstream_grad · A(1 − A), shape of Z."""
        self.dZ = upstream_grad * self.A * (1 - self.A)
        return self.dZ


class TanhLayer:
    """A = tanh(Z), entry by entry; shape (n, m). Chapter 8."""

    def __init__(self, shape):
        self.A = np.zeros(shape)

    def forward(self, Z):
        """A = tanh(Z), shape of Z."""
        self.A = np.tanh(Z)
        return self.A

    def backward(self, upstream_grad):
        """dZ = upstream_grad · (1 − A²), shape of Z."""
        self.dZ = upstream_grad * (1 - self.A ** 2)
        return self.dZ


class ReLULayer:
    """A = max(0, Z), entry by entry; shape (n, m). Chapter 8."""

    def __init__(self, shape):
        self.Z = np.zeros(shape)

    def forward(self, Z):
        """A = max(0, Z), shape of Z."""
        self.Z = Z
        self.A = np.maximum(0, Z)
        return self.A

    def backward(self, upstream_grad):
        """dZ = upstream_grad where Z > 0, else 0; shape of Z."""
        self.dZ = upstream_grad * (self.Z > 0)
        return self.dZ


def numerical_gradient(f, x, eps=1e-5):
    """Central differences of f() for each entry of x; shape of x. Ch. 9."""
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        saved = x[i]
        x[i] = saved + eps
        f_plus = f()
        x[i] = saved - eps
        f_minus = f()
        x[i] = saved
        grad[i] = (f_plus - f_minus) / (2 * eps)
    return grad
