"""How much does nbnp's API cost over plain NumPy? (``make bench``)

Times the article's run, a 2-3-1 sigmoid network trained on XOR for 5000
epochs (seed 48, xavier, learning rate 1), several ways, in one process:

* ``fused NumPy``: the reference (ratio 1.00). The article's formulas in its
  order, written directly with arrays, no classes and no checks, using the
  same NumPy calls as nbnp's kernels (``np.add.reduce``, which ``np.sum``
  wraps; ``Y - A2`` once). The cheapest way to compute the same bits.
* ``fused, np.sum``: the same loop with the article's formulas literally
  (``np.sum`` and its Python wrapper, ``Y - A2`` twice).
* ``nbnp.train``: :func:`nbnp.train` on layers built by
  :meth:`nbnp.LinearLayer.from_params`.
* ``nbnp loop``: the article's explicit loop (``Z1.forward(X)``,
  ``A1.forward(Z1.Z)``, ...) over nbnp's layers, every call validated.
* ``article classes``: the article's own classes, copied verbatim (no
  validation), in the same loop.

Repetitions are interleaved (each round runs every variant once, in a rotating
order) so that a slow patch of a shared machine hits all variants alike. Each
run is timed in CPU time of this process (``time.process_time``), which other
processes' load disturbs far less than wall time (``--clock wall`` for that).
The report gives the median per variant and its ratio to the fused loop's
median. Every variant must produce the same costs to the last bit, or the
script stops.

This is a measurement, not a test: the numbers depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import nbnp  # noqa: E402

EPOCHS = 5000
LEARNING_RATE = 1.0
RECORD_EVERY = 100


def _initial_params() -> list[np.ndarray]:
    """W1, b1, W2, b2 drawn exactly as the article draws them (seed 48, xavier)."""
    X, _ = nbnp.xor_gate()
    np.random.seed(48)
    layers = nbnp.build_network(X.shape, [3, 1], "xavier")
    return [layers[0].params["W"], layers[0].params["b"], layers[2].params["W"], layers[2].params["b"]]


def run_fused(X: np.ndarray, Y: np.ndarray, params: list[np.ndarray], epochs: int) -> list[float]:
    """The reference: the article's formulas in its order, with the same NumPy calls as nbnp's kernels.

    Sums call ``np.add.reduce``, which is what ``np.sum`` calls without its
    Python wrapper, and ``Y - A2`` is computed once: the same bits as the
    article's formulas, the cheapest way to write them.
    """
    W1, b1, W2, b2 = params
    lr = LEARNING_RATE
    m = Y.shape[1]
    add = np.add.reduce
    costs = []
    for epoch in range(epochs):
        Z1 = np.dot(W1, X) + b1
        A1 = 1 / (1 + np.exp(-Z1))
        Z2 = np.dot(W2, A1) + b2
        A2 = 1 / (1 + np.exp(-Z2))
        error = Y - A2
        cost = (1 / (2 * m)) * add(np.square(error), axis=None)
        dA2 = -1 / m * error
        if epoch % RECORD_EVERY == 0:
            costs.append(float(cost))
        dZ2 = dA2 * A2 * (1 - A2)
        dW2 = np.dot(dZ2, A1.T)
        db2 = add(dZ2, axis=1, keepdims=True)
        dA1 = np.dot(W2.T, dZ2)
        dZ1 = dA1 * A1 * (1 - A1)
        dW1 = np.dot(dZ1, X.T)
        db1 = add(dZ1, axis=1, keepdims=True)
        W2 = W2 - lr * dW2
        b2 = b2 - lr * db2
        W1 = W1 - lr * dW1
        b1 = b1 - lr * db1
    return costs


def run_fused_np_sum(X: np.ndarray, Y: np.ndarray, params: list[np.ndarray], epochs: int) -> list[float]:
    """The article's formulas written literally: ``np.sum``, ``Y - A2`` twice."""
    W1, b1, W2, b2 = params
    lr = LEARNING_RATE
    m = Y.shape[1]
    costs = []
    for epoch in range(epochs):
        Z1 = np.dot(W1, X) + b1
        A1 = 1 / (1 + np.exp(-Z1))
        Z2 = np.dot(W2, A1) + b2
        A2 = 1 / (1 + np.exp(-Z2))
        cost = (1 / (2 * m)) * np.sum(np.square(Y - A2))
        dA2 = -1 / m * (Y - A2)
        if epoch % RECORD_EVERY == 0:
            costs.append(float(cost))
        dZ2 = dA2 * A2 * (1 - A2)
        dW2 = np.dot(dZ2, A1.T)
        db2 = np.sum(dZ2, axis=1, keepdims=True)
        dA1 = np.dot(W2.T, dZ2)
        dZ1 = dA1 * A1 * (1 - A1)
        dW1 = np.dot(dZ1, X.T)
        db1 = np.sum(dZ1, axis=1, keepdims=True)
        W2 = W2 - lr * dW2
        b2 = b2 - lr * db2
        W1 = W1 - lr * dW1
        b1 = b1 - lr * db1
    return costs


def _nbnp_network(X: np.ndarray, params: list[np.ndarray]) -> list[nbnp.LinearLayer | nbnp.SigmoidLayer]:
    Z1 = nbnp.LinearLayer.from_params(params[0], params[1], m=X.shape[1])
    Z2 = nbnp.LinearLayer.from_params(params[2], params[3], m=X.shape[1])
    return [Z1, nbnp.SigmoidLayer(Z1.Z.shape), Z2, nbnp.SigmoidLayer(Z2.Z.shape)]


def run_nbnp_train(X: np.ndarray, Y: np.ndarray, params: list[np.ndarray], epochs: int) -> list[float]:
    """nbnp.train, the package's training loop."""
    layers = _nbnp_network(X, params)
    return nbnp.train(layers, X, Y, LEARNING_RATE, epochs, record_every=RECORD_EVERY).costs


def _article_loop(X, Y, Z1, A1, Z2, A2, compute_cost, epochs: int) -> list[float]:
    """The article's training loop (Fig. 92), for any layer classes."""
    costs = []
    for epoch in range(epochs):
        Z1.forward(X)
        A1.forward(Z1.Z)
        Z2.forward(A1.A)
        A2.forward(Z2.Z)
        cost, dA2 = compute_cost(Y=Y, Y_hat=A2.A)
        if epoch % RECORD_EVERY == 0:
            costs.append(float(cost))
        A2.backward(dA2)
        Z2.backward(A2.dZ)
        A1.backward(Z2.dA_prev)
        Z1.backward(A1.dZ)
        Z2.update_params(learning_rate=LEARNING_RATE)
        Z1.update_params(learning_rate=LEARNING_RATE)
    return costs


def run_nbnp_loop(X: np.ndarray, Y: np.ndarray, params: list[np.ndarray], epochs: int) -> list[float]:
    """The article's explicit loop over nbnp's layers."""
    Z1, A1, Z2, A2 = _nbnp_network(X, params)
    return _article_loop(X, Y, Z1, A1, Z2, A2, nbnp.compute_cost, epochs)


# --- the article's own code, verbatim but for the constructor taking given parameters ---


class ArticleLinearLayer:
    def __init__(self, W, b):
        self.params = {"W": W, "b": b}

    def forward(self, A_prev):
        self.A_prev = A_prev
        self.Z = np.dot(self.params["W"], self.A_prev) + self.params["b"]

    def backward(self, upstream_grad):
        self.dW = np.dot(upstream_grad, self.A_prev.T)
        self.db = np.sum(upstream_grad, axis=1, keepdims=True)
        self.dA_prev = np.dot(self.params["W"].T, upstream_grad)

    def update_params(self, learning_rate=0.1):
        self.params["W"] = self.params["W"] - learning_rate * self.dW
        self.params["b"] = self.params["b"] - learning_rate * self.db


class ArticleSigmoidLayer:
    def __init__(self, shape):
        self.A = np.zeros(shape)

    def forward(self, Z):
        self.A = 1 / (1 + np.exp(-Z))

    def backward(self, upstream_grad):
        self.dZ = upstream_grad * self.A * (1 - self.A)


def article_compute_cost(Y, Y_hat):
    m = Y.shape[1]
    cost = (1 / (2 * m)) * np.sum(np.square(Y - Y_hat))
    cost = np.squeeze(cost)
    dY_hat = -1 / m * (Y - Y_hat)
    return cost, dY_hat


def run_article(X: np.ndarray, Y: np.ndarray, params: list[np.ndarray], epochs: int) -> list[float]:
    """The article's own classes and loop (no validation)."""
    W1, b1, W2, b2 = params
    Z1, Z2 = ArticleLinearLayer(W1, b1), ArticleLinearLayer(W2, b2)
    A1, A2 = ArticleSigmoidLayer((3, X.shape[1])), ArticleSigmoidLayer((1, X.shape[1]))
    return _article_loop(X, Y, Z1, A1, Z2, A2, article_compute_cost, epochs)


VARIANTS: dict[str, Callable[..., list[float]]] = {
    "fused NumPy": run_fused,
    "fused, np.sum": run_fused_np_sum,
    "nbnp.train": run_nbnp_train,
    "nbnp loop": run_nbnp_loop,
    "article classes": run_article,
}


def measure(reps: int, epochs: int, clock: Callable[[], float] = time.process_time) -> dict[str, list[float]]:
    """Seconds per run of each variant, ``reps`` interleaved rounds."""
    X, Y = nbnp.xor_gate()
    params = _initial_params()
    names = list(VARIANTS)
    reference = run_fused(X, Y, [p.copy() for p in params], epochs)
    for name in names:  # warm-up, and every variant must compute the same bits
        costs = VARIANTS[name](X, Y, [p.copy() for p in params], epochs)
        if costs != reference:
            raise RuntimeError(f"{name} computed different costs from the fused loop")
    times: dict[str, list[float]] = {name: [] for name in names}
    for rep in range(reps):
        order = names[rep % len(names) :] + names[: rep % len(names)]
        for name in order:
            run_params = [p.copy() for p in params]
            gc.collect()
            start = clock()
            VARIANTS[name](X, Y, run_params, epochs)
            times[name].append(clock() - start)
    return times


def report(times: dict[str, list[float]], epochs: int, clock: str = "cpu") -> str:
    """Median time per run, per epoch, and ratio to the fused loop."""
    base = statistics.median(times["fused NumPy"])
    lines = [
        f"2-3-1 sigmoid network on XOR, {epochs} epochs, {len(times['fused NumPy'])} interleaved runs each",
        f"numpy {np.__version__}, python {sys.version.split()[0]}, {clock} time, medians",
        f"{'variant':<18}{'median s/run':>14}{'µs/epoch':>10}{'ratio':>8}",
    ]
    for name, ts in times.items():
        med = statistics.median(ts)
        lines.append(f"{name:<18}{med:>14.4f}{med / epochs * 1e6:>10.2f}{med / base:>7.2f}×")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=15, help="interleaved rounds (default 15)")
    parser.add_argument("--epochs", type=int, default=EPOCHS, help=f"epochs per run (default {EPOCHS})")
    parser.add_argument("--clock", choices=["cpu", "wall"], default="cpu", help="what to time (default cpu)")
    args = parser.parse_args(argv)
    clock = time.process_time if args.clock == "cpu" else time.perf_counter
    print(report(measure(args.reps, args.epochs, clock), args.epochs, args.clock))


if __name__ == "__main__":
    main()
