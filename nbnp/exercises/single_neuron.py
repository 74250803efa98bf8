"""Exercises of chapters 1 to 3: the sigmoid, its slope, one step on the bias, a descent loop.

Each ``check_*`` function runs a learner's candidate on the inputs below and
raises :class:`~nbnp.exercises.result.Failure` on the first mistake it finds.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from nbnp.activations import sigmoid, sigmoid_derivative
from nbnp.exercises.diagnose import Variant, check_value
from nbnp.exercises.registry import exercise
from nbnp.exercises.result import Failure, call
from nbnp.layers import LinearLayer, SigmoidLayer
from nbnp.losses import squared_error_loss_derivative

__all__ = ["check_bias_step", "check_gradient_descent", "check_sigmoid", "check_sigmoid_derivative",
           "descent_reference"]

_OVERFLOW = ("np.exp(z) overflows to inf above z = 709, and inf / inf is nan",
             "Write it with np.exp(-z) in the denominator only: 1 / (1 + np.exp(-z)).")


def _z_cases() -> list[tuple[str, object]]:
    np.random.seed(1)
    return [
        ("on a (2, 4) batch", np.random.randn(2, 4)),
        ("on one column (m = 1)", np.random.randn(3, 1)),
        ("at z = -800, -40, 0, 40, 800", np.array([[-800.0, -40.0, 0.0, 40.0, 800.0]])),
        ("on the number z = 0.5", 0.5),
    ]


def _quiet(f: Callable, *args: object) -> np.ndarray:
    with np.errstate(all="ignore"):
        return f(*args)


@exercise("sigmoid", chapter=1)
def check_sigmoid(candidate: Callable) -> str:
    """``sigmoid(z)``: σ(z) = 1 / (1 + e^(−z)), element by element.

    ``z`` is a number or an array of any shape; the result has the shape of
    ``z``. Checked on a (2, 4) batch, one column, z = ±40 and ±800 (where
    e^z overflows) and a plain number. Explained in chapter 1.
    """
    for on, z in _z_cases():
        got = call("sigmoid", candidate, {"z": z}, on)
        zz = np.asarray(z, dtype=float)
        variants = [
            Variant("{q} is σ(−z): the sign in the exponent is flipped", "σ(z) = 1 / (1 + np.exp(-z)).",
                    {"sigmoid(z)": sigmoid(-zz)}),
            Variant("{q} is nan at z = 800: " + _OVERFLOW[0], _OVERFLOW[1],
                    {"sigmoid(z)": _quiet(lambda v: np.exp(v) / (1 + np.exp(v)), zz)}),
            Variant("{q} is 1 + e^(−z): 1 / 1 + np.exp(-z) divides 1 by 1 first",
                    "Put the denominator in brackets: 1 / (1 + np.exp(-z)).",
                    {"sigmoid(z)": _quiet(lambda v: 1 + np.exp(-v), zz)}),
        ]
        check_value("sigmoid(z)", got, sigmoid(zz), on, variants, scalar=np.ndim(z) == 0)
    return "Right on a (2, 4) batch, one column, z = ±40 and ±800, and a plain number."


@exercise("sigmoid_derivative", chapter=1)
def check_sigmoid_derivative(candidate: Callable) -> str:
    """``sigmoid_derivative(z)``: σ′(z) = σ(z)(1 − σ(z)), element by element.

    ``z`` is a number or an array of any shape; the result has the shape of
    ``z``. Explained in chapter 1.
    """
    for on, z in _z_cases():
        got = call("sigmoid_derivative", candidate, {"z": z}, on)
        zz = np.asarray(z, dtype=float)
        s = sigmoid(zz)
        variants = [
            Variant("{q} is z(1 − z): σ′ is computed from z instead of from σ(z)",
                    "Apply the sigmoid first: s = sigmoid(z), then return s * (1 - s).",
                    {"σ′(z)": zz * (1 - zz)}),
            Variant("{q} is σ(z) itself: the factor (1 − σ(z)) is missing", "Return s * (1 - s).",
                    {"σ′(z)": s}),
            Variant("{q} has the wrong sign", "σ′(z) = s * (1 - s) is never negative.",
                    {"σ′(z)": -s * (1 - s)}),
            Variant("{q} is nan at large |z|: np.exp overflows to inf, and inf / inf is nan",
                    "Compute s = sigmoid(z) (written with np.exp(-z)), then s * (1 - s).",
                    {"σ′(z)": _quiet(lambda v: np.exp(-v) / (1 + np.exp(-v)) ** 2, zz)}),
        ]
        check_value("σ′(z)", got, sigmoid_derivative(zz), on, variants, scalar=np.ndim(z) == 0)
    return "Right on a (2, 4) batch, one column, z = ±40 and ±800, and a plain number."


def _bias_reference(x: np.ndarray, y: float, w: np.ndarray, b: float, alpha: float) -> float:
    """The new b, from nbnp's layers: forward, ∂L/∂ŷ, backward, update."""
    linear, act = LinearLayer.from_params(w, b), SigmoidLayer((1, 1))
    act.forward(linear.forward(x))
    linear.backward(act.backward(np.array([[squared_error_loss_derivative(y, act.A[0, 0])]])))
    linear.update_params(alpha)
    return float(linear.params["b"][0, 0])


def _bias_cases() -> list[tuple[str, tuple]]:
    np.random.seed(2)
    return [  # b ≠ 0 and α ≠ 1 first, where each known mistake gives its own number
        ("on x = (1, 1), y = 1, b = 0.2, α = 0.5",
         (np.ones((2, 1)), 1.0, np.array([[0.5, -0.3]]), 0.2, 0.5)),
        ("on the chapter's example x = (0, 0), y = 0, α = 1",
         (np.zeros((2, 1)), 0.0, np.array([[0.1, 0.6]]), 0.0, 1.0)),
        ("on a random x and w, y = 1, b = -0.4, α = 2",
         (np.random.randn(2, 1), 1.0, np.random.randn(1, 2), -0.4, 2.0)),
        ("at z = 800 (x = (1, 1), w = (400, 400), y = 0)",
         (np.ones((2, 1)), 0.0, np.array([[400.0, 400.0]]), 0.0, 1.0)),
    ]


@exercise("bias_step", chapter=2)
def check_bias_step(candidate: Callable) -> str:
    """``bias_step(x, y, w, b, alpha)``: the new bias after one step of gradient descent on one example.

    ``x``: the example, shape (2, 1); ``y``: its label, 0.0 or 1.0; ``w``:
    the weights, shape (1, 2); ``b``: the bias, a float; ``alpha``: the
    learning rate. The neuron is ŷ = σ(w·x + b) with the loss
    L = ½(y − ŷ)², so ∂L/∂b = −(y − ŷ)·ŷ(1 − ŷ). Return the new b, a float
    (an array of one entry is accepted). Explained in chapter 2.
    """
    for on, (x, y, w, b, alpha) in _bias_cases():
        got = call("bias_step", candidate, {"x": x, "y": y, "w": w, "b": b, "alpha": alpha}, on)
        with np.errstate(all="ignore"):
            z = float((w @ x)[0, 0] + b)
            a = sigmoid(z)
            grad = -(y - a) * a * (1 - a)
            variants = [
                Variant("the new b moved up the slope: the step adds the gradient, or the sign of "
                        "∂L/∂ŷ = −(y − ŷ) is flipped", "Step against the gradient: b - alpha * db.",
                        {"b": b + alpha * grad}),
                Variant("the new b misses σ′: the local gradient ŷ(1 − ŷ) is not in ∂L/∂b",
                        "db = -(y - y_hat) * y_hat * (1 - y_hat).", {"b": b - alpha * -(y - a)}),
                Variant("the new b uses σ′ computed from z instead of from ŷ = σ(z)",
                        "The sigmoid's slope is y_hat * (1 - y_hat).",
                        {"b": b - alpha * -(y - a) * z * (1 - z)}),
                Variant("the new b takes a step without α", "Multiply the gradient by alpha: b - alpha * db.",
                        {"b": b - grad}),
                Variant("the function returns the gradient ∂L/∂b, not the new b", "Return b - alpha * db.",
                        {"b": grad}),
                Variant("the step forgets where it starts: it returns −α·∂L/∂b", "Return b - alpha * db.",
                        {"b": -alpha * grad}),
            ]
        check_value("b", got, _bias_reference(x, y, w, b, alpha), on, variants, scalar=True)
    return "The new b is right on the chapter's example, three more, and at z = 800."


def descent_reference(gradient: Callable, theta0: float, alpha: float, steps: int) -> np.ndarray:
    """θ₀, θ₁, …, θ_steps of θ ← θ − α·L′(θ); shape (steps + 1,). Explained in chapter 3."""
    path = [float(theta0)]
    for _ in range(steps):
        path.append(path[-1] - alpha * gradient(path[-1]))
    return np.array(path)


def _descent_cases() -> list[tuple[str, tuple]]:
    return [
        ("on the chapter's parabola L′(θ) = 0.1θ, θ₀ = -8, α = 5, 10 steps",
         (lambda t: 0.1 * t, -8.0, 5.0, 10)),
        ("on L′(θ) = 4(θ − 1)³, θ₀ = 3, α = 0.01, 5 steps", (lambda t: 4 * (t - 1) ** 3, 3.0, 0.01, 5)),
        ("on L′(θ) = 2θ, θ₀ = 1, α = 0.25, one step", (lambda t: 2 * t, 1.0, 0.25, 1)),
    ]


@exercise("gradient_descent", chapter=3)
def check_gradient_descent(candidate: Callable) -> str:
    """``gradient_descent(gradient, theta0, alpha, steps)``: every θ of gradient descent on one parameter.

    ``gradient`` is L′, a function of a float returning a float; ``theta0``
    the start; ``alpha`` the learning rate; ``steps`` the number of updates
    θ ← θ − α·L′(θ). Return θ₀, θ₁, …, θ_steps: a list or an array of shape
    (steps + 1,). Explained in chapter 3.
    """
    for on, (gradient, theta0, alpha, steps) in _descent_cases():
        got = call("gradient_descent", candidate,
                   {"gradient": gradient, "theta0": theta0, "alpha": alpha, "steps": steps}, on)
        want = descent_reference(gradient, theta0, alpha, steps)
        stuck = np.array([theta0 - k * alpha * gradient(theta0) for k in range(steps + 1)])
        variants = [
            Variant("θ climbs: the update adds the gradient", "θ ← θ − α·L′(θ): theta = theta - alpha * g.",
                    {"θ": descent_reference(gradient, theta0, -alpha, steps)}),
            Variant("the steps leave out α", "theta = theta - alpha * gradient(theta).",
                    {"θ": descent_reference(gradient, theta0, 1.0, steps)}),
            Variant("every step uses the slope at θ₀", "Evaluate the gradient at the current θ in each step.",
                    {"θ": stuck}),
            Variant("the list misses θ₀", "Start the list with theta0, then append each new θ.",
                    {"θ": want[1:]}),
            Variant("the list misses the last θ", "Append θ after each of the steps updates.",
                    {"θ": want[:-1]}),
            Variant("the loop makes one step too many", "Use for _ in range(steps).",
                    {"θ": descent_reference(gradient, theta0, alpha, steps + 1)}),
            Variant("only the last θ came back", "Return every θ: θ₀ first, steps + 1 values.",
                    {"θ": want[-1]}),
        ]
        check_value("θ", got, want, on, variants)
    if not isinstance(got, (list, tuple, np.ndarray)):
        raise Failure(f"gradient_descent returned a {type(got).__name__}", "Return a list or an array.", on)
    return "Every θ is right on the chapter's parabola, a quartic, and a single step."
