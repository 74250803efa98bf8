"""The article's two layers: a linear node and a sigmoid node of the computational graph.

Arrays are features × examples: ``A_prev`` has shape (n_in, m). ``forward``
returns the layer's output and ``backward`` the gradient for the layer below,
so a network is a loop over a list of layers (:func:`nbnp.train`). Explained
in chapter 8.
"""

from __future__ import annotations

import numpy as np

from nbnp.activations import sigmoid
from nbnp.checks import as_array, as_matrix, check_shape, check_update, check_upstream
from nbnp.initializers import initialize_parameters

__all__ = ["LinearLayer", "SigmoidLayer"]


class LinearLayer:
    """The linear node Z = W·A_prev + b, its gradients and its update. Explained in chapter 8.

    Parameters
    ----------
    input_shape : tuple of int
        (n_in, m), the shape of the data coming in. Later inputs may have
        another number of columns (a prediction on new data).
    n_out : int
        Neurons in the layer.
    ini_type : {"plain", "xavier", "he"}, optional
        How :func:`nbnp.initialize_parameters` scales the random weights.
    random_state : numpy.random.RandomState, optional
        Where the weights are drawn from; default NumPy's global stream.

    Attributes
    ----------
    params : dict
        ``"W"``, shape (n_out, n_in), and ``"b"``, shape (n_out, 1).
    Z : numpy.ndarray, shape (n_out, m)
        The output of the last forward pass (zeros before it).
    A_prev : numpy.ndarray, shape (n_in, m), or None
        The input of the last forward pass, until an update uses it up.
    dW, db, dA_prev : numpy.ndarray or None
        The gradients of the cost from :meth:`backward`, shaped like ``W``,
        ``b`` and ``A_prev``. An update uses up ``dW`` and ``db``.

    Raises
    ------
    TypeError, ValueError
        An argument that is not what its shape or type above says (the message
        names it and the fix); a learning rate that is not positive.
    LayerStateError
        ``backward`` before ``forward``, or ``update_params`` before ``backward``.
    """

    def __init__(self, input_shape: tuple[int, int], n_out: int,
                 ini_type: str = "plain",
                 random_state: np.random.RandomState | None = None) -> None:
        n_in, self.m = check_shape("input_shape", input_shape)
        self.params = initialize_parameters(n_in, n_out, ini_type, random_state)
        self.Z = np.zeros((self.params["W"].shape[0], self.m))
        self.A_prev = self.dW = self.db = self.dA_prev = None

    @classmethod
    def from_params(cls, W: np.ndarray, b: np.ndarray | float = 0.0, m: int = 1) -> LinearLayer:
        """A layer with weights ``W`` (n_out, n_in) and bias ``b``, a column (n_out, 1) or one number.

        For worked examples; ``m`` sizes the initial ``Z``. Explained in chapter 4.
        """
        if as_array("W", W).ndim == 1:
            raise ValueError("W must be 2-D, one row of weights per neuron: for one neuron write "
                             "[[0.1, 0.6]], or W.reshape(1, -1)")
        W = as_matrix("W", W).copy()
        b = as_array("b", b)
        column = f"one bias per neuron, a column of shape ({W.shape[0]}, 1), or one number"
        b = np.full((W.shape[0], 1), b) if b.ndim == 0 else as_matrix("b", b, W.shape[0], column)
        if b.shape[1] != 1:
            raise ValueError(f"b must be {column}, but received shape {b.shape}")
        layer = cls((W.shape[1], m), W.shape[0], random_state=np.random.RandomState(0))
        layer.params = {"W": W, "b": b.copy()}
        return layer

    def forward(self, A_prev: np.ndarray) -> np.ndarray:
        """Z = W·A_prev + b: A_prev, shape (n_in, m) → Z, shape (n_out, m)."""
        A_prev = as_matrix("A_prev", A_prev, rows=self.params["W"].shape[1])
        self.A_prev = A_prev
        self.Z = np.dot(self.params["W"], A_prev) + self.params["b"]
        return self.Z

    def backward(self, upstream_grad: np.ndarray) -> np.ndarray:
        """dW, db and dA_prev from upstream_grad = ∂Cost/∂Z, shape (n_out, m)."""
        upstream_grad = check_upstream(upstream_grad, self.Z, self.A_prev)
        self.dW = np.dot(upstream_grad, self.A_prev.T)
        self.db = np.sum(upstream_grad, axis=1, keepdims=True)
        self.dA_prev = np.dot(self.params["W"].T, upstream_grad)
        return self.dA_prev

    def update_params(self, learning_rate: float = 0.1) -> None:
        """One step of gradient descent; it uses up the pass (A_prev, dW, db)."""
        learning_rate = check_update(learning_rate, self.dW)
        self.params["W"] = self.params["W"] - learning_rate * self.dW
        self.params["b"] = self.params["b"] - learning_rate * self.db
        self.A_prev = self.dW = self.db = None


class SigmoidLayer:
    """The sigmoid node A = σ(Z), element by element, and its gradient. Explained in chapter 8.

    Parameters
    ----------
    shape : tuple of int
        (n, m), the shape of the ``Z`` coming in, for example ``Z1.Z.shape``.

    Attributes
    ----------
    A : numpy.ndarray, shape (n, m)
        The output of the last forward pass (zeros before it).
    Z : numpy.ndarray, shape (n, m), or None
        The input of the last forward pass.
    dZ : numpy.ndarray, shape (n, m), or None
        ∂Cost/∂Z from :meth:`backward`.

    Raises
    ------
    TypeError, ValueError
        A ``Z`` or ``upstream_grad`` of another shape, or not real numbers.
    LayerStateError
        ``backward`` before ``forward``.
    """

    def __init__(self, shape: tuple[int, int]) -> None:
        self.A = np.zeros(check_shape("shape", shape))
        self.Z = self.dZ = None

    def forward(self, Z: np.ndarray) -> np.ndarray:
        """A = σ(Z): Z, shape (n, m) → A, shape (n, m)."""
        self.Z = as_matrix("Z", Z, rows=self.A.shape[0])
        self.A = sigmoid(self.Z)
        return self.A

    def backward(self, upstream_grad: np.ndarray) -> np.ndarray:
        """dZ = upstream_grad ⊙ A ⊙ (1 − A), with upstream_grad = ∂Cost/∂A."""
        upstream_grad = check_upstream(upstream_grad, self.A, self.Z)
        self.dZ = upstream_grad * self.A * (1 - self.A)
        return self.dZ
