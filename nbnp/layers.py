"""The two layers of the article's computational graph: linear and sigmoid.

Arrays follow the article's orientation, features × examples: an input batch
``A_prev`` has shape (n_in, m), one column per example.
"""

from __future__ import annotations

import numpy as np

from nbnp.activations import _sigmoid
from nbnp.initializers import initialize_parameters
from nbnp.validation import as_array, as_matrix, check_learning_rate, check_positive_int

__all__ = ["LayerStateError", "LinearLayer", "SigmoidLayer"]


class LayerStateError(ValueError):
    """A layer method was called out of order (for example backward before forward)."""


def _check_upstream(layer: str, upstream_grad: object, shape: tuple[int, ...]) -> np.ndarray:
    """Validate an upstream gradient against the shape of the layer's output."""
    grad = as_matrix("upstream_grad", upstream_grad)
    if grad.shape != shape:
        raise ValueError(
            f"{layer}.backward: upstream_grad must have the shape of the layer's "
            f"output {shape}, but received shape {grad.shape}"
        )
    return grad


def _check_input_shape(
    input_shape: object, name: str = "input_shape", pair: str = "(n_in, m) such as X.shape"
) -> tuple[int, int]:
    """Validate a shape argument as a pair of two positive integers."""
    if not isinstance(input_shape, (tuple, list)) or len(input_shape) != 2:
        raise ValueError(f"{name} must be a pair {pair}, but received {input_shape!r}")
    n_in = check_positive_int(f"{name}[0]", input_shape[0])
    return n_in, check_positive_int(f"{name}[1]", input_shape[1])


class LinearLayer:
    """Linear node Z = W·A_prev + b, with its backward pass and update.

    Parameters
    ----------
    input_shape : tuple of int
        (n_in, m): the shape of the data or activations coming in.
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
        # A throwaway stream: the weights are replaced, and np.random.seed(48) must stay intact.
        layer = cls((W.shape[1], m), W.shape[0], random_state=np.random.RandomState(0))
        layer.params = {"W": W, "b": b}
        return layer

    def forward(self, A_prev: np.ndarray) -> np.ndarray:
        """Compute, store and return ``Z = W·A_prev + b``.

        Parameters
        ----------
        A_prev : numpy.ndarray, shape (n_in, m)
            Data or activations of the previous layer.

        Returns
        -------
        numpy.ndarray, shape (n_out, m)
            ``Z``.
        """
        return self._forward(as_matrix("A_prev", A_prev, rows=self.params["W"].shape[1]))

    def _forward(self, A_prev: np.ndarray) -> np.ndarray:
        """:meth:`forward` on a validated ``A_prev``; returns ``Z`` (the training loop's kernel)."""
        params = self.params
        self.A_prev = A_prev
        self.Z = Z = np.dot(params["W"], A_prev) + params["b"]
        return Z

    def backward(self, upstream_grad: np.ndarray) -> np.ndarray:
        """Set ``dW``, ``db`` and ``dA_prev`` from the gradient flowing into Z; return ``dA_prev``.

        Parameters
        ----------
        upstream_grad : numpy.ndarray, shape (n_out, m)
            ∂Cost/∂Z, the gradient arriving from the layer above.

        Returns
        -------
        numpy.ndarray, shape (n_in, m)
            ``dA_prev``, the gradient for the layer below.
        """
        if not hasattr(self, "A_prev"):
            raise LayerStateError(
                "LinearLayer.backward was called before forward: call forward(A_prev) first, "
                "so the layer holds the input A_prev that dW needs"
            )
        return self._backward(_check_upstream("LinearLayer", upstream_grad, self.Z.shape))

    def _backward(
        self, upstream_grad: np.ndarray, input_grad: bool = True, learning_rate: float | None = None
    ) -> np.ndarray | None:
        """:meth:`backward` on a validated gradient, then optionally the update (the training loop's kernel).

        Returns ``dA_prev``. ``np.add.reduce`` is what ``np.sum`` calls,
        without its Python wrapper (the same bits). With ``input_grad=False``
        the layer skips ``dA_prev``, which nothing reads for the first layer of
        a network. With a validated ``learning_rate`` it then takes the
        gradient step of :meth:`update_params`: the same bits as updating after
        the whole backward pass, since ``dA_prev`` already used the old ``W``
        and no other layer reads this one's parameters.
        """
        self.dW = dW = np.dot(upstream_grad, self.A_prev.T)
        self.db = db = np.add.reduce(upstream_grad, axis=1, keepdims=True)
        params = self.params
        dA_prev = None
        if input_grad:
            self.dA_prev = dA_prev = np.dot(params["W"].T, upstream_grad)
        if learning_rate is not None:
            params["W"] = params["W"] - learning_rate * dW
            params["b"] = params["b"] - learning_rate * db
        return dA_prev

    def update_params(self, learning_rate: float = 0.1) -> None:
        """One gradient-descent step: ``W -= α·dW``, ``b -= α·db``.

        Parameters
        ----------
        learning_rate : float, optional
            α, finite and positive. Default 0.1, as in the article.
        """
        if not hasattr(self, "dW"):
            raise LayerStateError(
                "LinearLayer.update_params was called before backward: call backward(upstream_grad) "
                "first, so the layer holds the gradients dW and db"
            )
        learning_rate = check_learning_rate(learning_rate)
        self.params["W"] = self.params["W"] - learning_rate * self.dW
        self.params["b"] = self.params["b"] - learning_rate * self.db


class SigmoidLayer:
    """Sigmoid node A = σ(Z), with its backward pass.

    Parameters
    ----------
    shape : tuple of int
        (n, m): the shape of the ``Z`` coming in from the linear layer.

    Attributes
    ----------
    A : numpy.ndarray, shape (n, m)
        Output of the last forward pass (zeros before the first).
    dZ : numpy.ndarray, shape (n, m)
        ∂Cost/∂Z, set by :meth:`backward`.
    """

    def __init__(self, shape: tuple[int, int]) -> None:
        self.A = np.zeros(_check_input_shape(shape, "shape", "(n, m) such as Z1.Z.shape"))

    def forward(self, Z: np.ndarray) -> np.ndarray:
        """Compute, store and return ``A = σ(Z)``.

        Parameters
        ----------
        Z : numpy.ndarray, shape (n, m)
            Output of the preceding linear layer.

        Returns
        -------
        numpy.ndarray, shape (n, m)
            ``A``.
        """
        self.A = _sigmoid(as_matrix("Z", Z))
        self._ready = True
        return self.A

    def _forward(self, Z: np.ndarray) -> np.ndarray:
        """:meth:`forward` on a validated ``Z``; returns ``A`` (the training loop's kernel).

        The article's formula, unguarded: :func:`nbnp.train` filters out the
        harmless overflow warning of ``np.exp`` (see :func:`nbnp.activations._sigmoid`)
        around the whole loop, which costs nothing until a warning is raised.
        """
        self.A = A = 1 / (1 + np.exp(-Z))
        self._ready = True
        return A

    def backward(self, upstream_grad: np.ndarray) -> np.ndarray:
        """Set and return ``dZ = upstream_grad · A · (1 − A)``.

        Parameters
        ----------
        upstream_grad : numpy.ndarray, shape (n, m)
            ∂Cost/∂A, the gradient arriving from above.

        Returns
        -------
        numpy.ndarray, shape (n, m)
            ``dZ``, the gradient for the linear layer below.
        """
        if not hasattr(self, "_ready"):
            raise LayerStateError(
                "SigmoidLayer.backward was called before forward: call forward(Z) first, "
                "so the layer holds the activations A that dZ needs"
            )
        return self._backward(_check_upstream("SigmoidLayer", upstream_grad, self.A.shape))

    def _backward(
        self, upstream_grad: np.ndarray, input_grad: bool = True, learning_rate: float | None = None
    ) -> np.ndarray:
        """:meth:`backward` on a validated gradient; returns ``dZ`` (the training loop's kernel).

        ``input_grad`` and ``learning_rate`` are accepted for symmetry with
        :class:`LinearLayer`: ``dZ`` is this layer's only gradient, so it is
        always computed, and the layer has no parameters to update.
        """
        A = self.A
        self.dZ = dZ = upstream_grad * A * (1 - A)
        return dZ
