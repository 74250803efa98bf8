"""The two layers of the article's computational graph, and the protocol all layers follow.

Arrays follow the article's orientation, features × examples: an input batch
``A_prev`` has shape (n_in, m), one column per example.

A layer is any object with two methods:

* ``forward(x)`` computes the layer's output from its input, keeps what the
  backward pass will need, and returns the output;
* ``backward(upstream_grad)`` takes ∂Cost/∂output and returns ∂Cost/∂input,
  the gradient the layer below needs.

A layer with parameters also has a dict ``params``, keeps the gradient of
``params[name]`` as the attribute ``d<name>`` (``dW``, ``db``), takes a
gradient-descent step in ``update_params(learning_rate)``, and accepts
``backward(upstream_grad, input_grad=False)``, which skips the gradient of
its input when nothing needs it (the input of a network's first layer is the
data). :func:`nbnp.train`, :func:`nbnp.forward`, :func:`nbnp.backward` and
the gradient checks use layers through this protocol only.

A :class:`LinearLayer` keeps the order of the steps: ``backward`` needs a
forward pass with the current parameters, and ``update_params`` the
gradients of them, so one backward pass is never applied twice
(:class:`~nbnp.LayerStateError` says what to call first).
"""

from __future__ import annotations

from typing import Protocol

import numpy as np

from nbnp.activations import _sigmoid
from nbnp.initializers import initialize_parameters
from nbnp.layer_checks import LayerStateError as LayerStateError  # its home: importable from here too
from nbnp.layer_checks import (
    _check_backward,
    _check_gradient,
    _check_input_shape,
    _check_order,
    _check_output,
    _check_step,
    _check_update,
    _n_in,
)
from nbnp.validation import as_array, as_matrix, check_flag, check_positive_int

__all__ = ["Layer", "LinearLayer", "SigmoidLayer"]


class Layer(Protocol):
    """What :func:`nbnp.train` and the gradient checks need of a layer (see the module's text)."""

    def forward(self, x: np.ndarray) -> np.ndarray:
        """The layer's output for the input ``x``, shape (n_in, m) -> (n_out, m)."""

    def backward(self, upstream_grad: np.ndarray) -> np.ndarray | None:
        """∂Cost/∂input from ∂Cost/∂output, shape (n_out, m) -> (n_in, m)."""


class LinearLayer:
    """Linear node Z = W·A_prev + b, with its backward pass and update.

    Parameters
    ----------
    input_shape : tuple of int
        (n_in, m): the shape of the data or activations coming in. Every
        input must have n_in rows; its number of columns may differ from m
        (m only sizes ``Z`` before the first pass), so a trained layer also
        predicts on a batch of another size.
    n_out : int
        Number of neurons in the layer.
    ini_type : {"plain", "xavier", "he"}, optional
        Weight initialization, see :func:`nbnp.initialize_parameters`.
    random_state : numpy.random.RandomState, optional
        Source of the random weights; default NumPy's global stream.

    Attributes
    ----------
    m : int
        Number of examples in ``input_shape``.
    params : dict
        ``"W"``: shape (n_out, n_in); ``"b"``: shape (n_out, 1).
    Z : numpy.ndarray, shape (n_out, m)
        Output of the last forward pass (zeros before the first).
    A_prev : numpy.ndarray, shape (n_in, m)
        Input of the last forward pass.
    dW, db, dA_prev : numpy.ndarray
        Gradients of the cost set by :meth:`backward`, shaped like
        ``W``, ``b`` and ``A_prev``.
    steps : set of str
        The steps taken since the last update, ``"forward"`` and
        ``"backward"``: :meth:`backward` needs a forward pass with the
        current parameters, and :meth:`update_params` needs gradients of
        them, so the same gradients are never applied twice
        (:class:`~nbnp.LayerStateError` otherwise).
    """

    def __init__(
        self,
        input_shape: tuple[int, int],
        n_out: int,
        ini_type: str = "plain",
        random_state: np.random.RandomState | None = None,
    ) -> None:
        n_in, self.m = _check_input_shape(input_shape)
        self.params = initialize_parameters(n_in, n_out, ini_type, random_state)
        self.Z = np.zeros((self.params["W"].shape[0], self.m))
        self.steps: set[str] = set()  # since the last update: _check_order

    @classmethod
    def from_params(cls, W: np.ndarray, b: np.ndarray | float = 0.0, m: int = 1) -> LinearLayer:
        """A layer with given weights and bias, for hand-worked examples.

        Parameters
        ----------
        W : array_like, shape (n_out, n_in)
            Weights.
        b : float or array_like, shape (n_out, 1), optional
            Bias; a scalar is broadcast to every neuron. Default 0.
        m : int, optional
            Number of examples the layer expects (sets the shape of ``Z``).

        Returns
        -------
        LinearLayer
        """
        W = as_matrix("W", W).copy()
        b = as_array("b", b)
        b = np.full((W.shape[0], 1), b) if b.ndim == 0 else b
        b = as_matrix("b", b, rows=W.shape[0]).copy()
        if b.shape[1] != 1:
            raise ValueError(f"b must have shape ({W.shape[0]}, 1), but received {b.shape}")
        m = check_positive_int("m", m)
        # A throwaway stream: the weights are replaced, and np.random.seed(48) must stay intact.
        layer = cls((W.shape[1], m), W.shape[0], random_state=np.random.RandomState(0))
        layer.params = {"W": W, "b": b}
        return layer

    def forward(self, A_prev: np.ndarray) -> np.ndarray:
        """Compute ``Z = W·A_prev + b``; keep ``A_prev`` for the backward pass.

        Parameters
        ----------
        A_prev : numpy.ndarray, shape (n_in, m)
            The data, or the activations of the layer below.

        Returns
        -------
        numpy.ndarray, shape (n_out, m)
            ``Z``, also stored as ``self.Z``.
        """
        A_prev = as_matrix("A_prev", A_prev, rows=_n_in(self), finite=False)
        self.A_prev = A_prev
        self.Z = np.dot(self.params["W"], A_prev) + self.params["b"]
        Z = _check_output(self)
        self.steps.add("forward")
        return Z

    def backward(
        self, upstream_grad: np.ndarray, input_grad: bool = True
    ) -> np.ndarray | None:
        """Compute ``dW``, ``db`` and ``dA_prev`` from ∂Cost/∂Z.

        Parameters
        ----------
        upstream_grad : numpy.ndarray, shape (n_out, m)
            ∂Cost/∂Z, the gradient arriving from the layer above.
        input_grad : bool, optional
            Whether to compute ``dA_prev``. Default True; False for a first
            layer, whose input is the data, which needs no gradient.

        Returns
        -------
        numpy.ndarray, shape (n_in, m), or None
            ``dA_prev``, the gradient for the layer below (or None).
        """
        upstream_grad = _check_backward(
            self, upstream_grad, "A_prev", self.Z.shape, finite=False
        )
        _check_order(self, "backward")
        self.dW = np.dot(upstream_grad, self.A_prev.T)
        self.db = upstream_grad.sum(axis=1, keepdims=True)
        self.dA_prev = None
        if check_flag("input_grad", input_grad):
            self.dA_prev = np.dot(self.params["W"].T, upstream_grad)
        dA_prev = _check_gradient(self, upstream_grad)
        self.steps.add("backward")
        return dA_prev

    def update_params(self, learning_rate: float = 0.1) -> None:
        """One step of gradient descent: W ← W − α·dW, b ← b − α·db.

        Parameters
        ----------
        learning_rate : float, optional
            α, finite and positive. Default 0.1, as in the article.
        """
        learning_rate = _check_update(self, learning_rate)
        _check_order(self, "update_params")
        W = self.params["W"] - learning_rate * self.dW
        b = self.params["b"] - learning_rate * self.db
        W, b = _check_step(self, W, b, learning_rate)
        self.params["W"], self.params["b"] = W, b
        self.steps.clear()


class SigmoidLayer:
    """Sigmoid node A = σ(Z), with its backward pass.

    Parameters
    ----------
    shape : tuple of int
        (n, m), the shape of ``Z``: n rows always, any m for predictions.

    Attributes
    ----------
    A : numpy.ndarray, shape (n, m)
        Output of the last forward pass (zeros before the first).
    Z : numpy.ndarray, shape (n, m)
        Input of the last forward pass.
    dZ : numpy.ndarray, shape (n, m)
        ∂Cost/∂Z, set by :meth:`backward`.
    """

    def __init__(self, shape: tuple[int, int]) -> None:
        shape = _check_input_shape(shape, "shape", "(n, m) like Z1.Z.shape")
        self.A = np.zeros(shape)

    def forward(self, Z: np.ndarray) -> np.ndarray:
        """Compute ``A = σ(Z)``, element by element.

        Parameters
        ----------
        Z : numpy.ndarray, shape (n, m)
            Output of the linear layer below (n rows, as declared).

        Returns
        -------
        numpy.ndarray, shape (n, m)
            ``A``, also stored as ``self.A``.
        """
        Z = as_matrix("Z", Z, rows=self.A.shape[0])
        self.Z = Z
        self.A = _sigmoid(Z)
        return self.A

    def backward(self, upstream_grad: np.ndarray) -> np.ndarray:
        """Compute ``dZ = upstream_grad ⊙ A ⊙ (1 − A)``.

        Parameters
        ----------
        upstream_grad : numpy.ndarray, shape (n, m)
            ∂Cost/∂A, the gradient arriving from the layer above.

        Returns
        -------
        numpy.ndarray, shape (n, m)
            ``dZ``, the gradient for the linear layer below.
        """
        upstream_grad = _check_backward(self, upstream_grad, "Z", self.A.shape)
        self.dZ = upstream_grad * self.A * (1 - self.A)
        return self.dZ
