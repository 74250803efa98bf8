"""What does nbnp's plain, checked code cost over the same math fused into one loop? (``make bench``)

Two sizes, each in one process with interleaved repetitions:

* ``article``: the article's run, a 2-3-1 sigmoid network on XOR (m = 4),
  5000 epochs, seed 48, xavier, learning rate 1. Python overhead dominates.
  Compared with the reference: the article's explicit loop over nbnp's public
  methods (``Z1.forward(X)``, ``A1.forward(Z1.Z)``, ..., every call checked),
  and, for information, :func:`nbnp.train` and the fused loop with ``np.sum``.
* ``large``: 64 features, m = 20,000 examples, 256 hidden units, one output,
  10 epochs. Arithmetic dominates. Compared with the reference:
  :func:`nbnp.train` (kept within 1.10× in CPU time and 1.25× in peak memory)
  and the explicit loop, in CPU time and in peak memory (``tracemalloc``,
  which sees NumPy's array buffers).

The reference, ``fused NumPy``, is the same math written straight into one
loop: no classes, no checks, every array computed once, the cheapest NumPy
calls (``ndarray.sum``, the same reduction as ``np.sum`` without its Python
wrapper; ``Y - Y_hat`` once). It does the work the compared variant cannot
avoid and nothing more: the cost every epoch (``compute_cost`` returns it
with the gradient, and :func:`nbnp.train` checks it every epoch), and the
first layer's ``dA_prev``, which the article's ``Z1.backward`` computes and
so do nbnp's layers. Every variant must produce the same costs to the last
bit, or the script stops.

Repetitions are interleaved (each round runs every variant once, in a
rotating order), so a slow patch of a shared machine hits all variants alike.
Each run is timed in CPU time of this process (``time.process_time``, all
threads), which other processes' load disturbs far less than wall time
(``--clock wall`` for that). The report gives medians and their ratios to
the reference. This is a measurement, not a test: the numbers depend on the
machine and its load.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import nbnp  # noqa: E402

LEARNING_RATE = 1.0
RECORD_EVERY = 100


@dataclass
class Problem:
    """Data, initial parameters (W1, b1, W2, b2) and number of epochs of one benchmark size."""

    name: str
    X: np.ndarray
    Y: np.ndarray
    params: list[np.ndarray]
    epochs: int
    final_cost: bool  # whether the compared variants compute the cost after the last update


def article_problem(epochs: int = 5000) -> Problem:
    """The article's run: XOR, 2-3-1, weights drawn as the article draws them (seed 48, xavier)."""
    X, Y = nbnp.xor_gate()
    np.random.seed(48)
    layers = nbnp.build_network(X.shape, [3, 1], "xavier")
    params = [layers[0].params["W"], layers[0].params["b"], layers[2].params["W"], layers[2].params["b"]]
    return Problem("article", X, Y, params, epochs, final_cost=False)


def large_problem(epochs: int = 10, n_x: int = 64, m: int = 20_000, hidden: int = 256) -> Problem:
    """Random data labelled by a random teacher network; xavier weights (seeded, reproducible)."""
    rng = np.random.RandomState(7)
    X = rng.randn(n_x, m)
    teacher = np.tanh(rng.randn(8, n_x) @ X / np.sqrt(n_x))
    Y = (rng.randn(1, 8) @ teacher > 0).astype(float)
    W1, W2 = rng.randn(hidden, n_x) / np.sqrt(n_x), rng.randn(1, hidden) / np.sqrt(hidden)
    return Problem("large", X, Y, [W1, np.zeros((hidden, 1)), W2, np.zeros((1, 1))], epochs, final_cost=True)


# --- the variants: each takes (problem, fresh copies of the parameters), returns the costs ---


def run_fused(
    p: Problem, params: list[np.ndarray], total: Callable = np.ndarray.sum, input_grad: bool = True
) -> list[float]:
    """The reference: the article's formulas one per line, each array named as in the article.

    ``input_grad`` says whether the first layer's ``dA_prev`` (here ``dA0``,
    the gradient for the data) is computed, as the article's loop does.
    """
    X, Y = p.X, p.Y
    W1, b1, W2, b2 = params
    m = Y.shape[1]
    costs = []
    for epoch in range(p.epochs):
        Z1 = np.dot(W1, X) + b1
        A1 = 1 / (1 + np.exp(-Z1))
        Z2 = np.dot(W2, A1) + b2
        A2 = 1 / (1 + np.exp(-Z2))
        error = Y - A2
        cost = (1 / (2 * m)) * total(np.square(error))
        if epoch % RECORD_EVERY == 0:
            costs.append(float(cost))
        dA2 = -1 / m * error
        dZ2 = dA2 * A2 * (1 - A2)
        dW2 = np.dot(dZ2, A1.T)
        db2 = total(dZ2, axis=1, keepdims=True)
        dA1 = np.dot(W2.T, dZ2)
        dZ1 = dA1 * A1 * (1 - A1)
        dW1 = np.dot(dZ1, X.T)
        db1 = total(dZ1, axis=1, keepdims=True)
        if input_grad:
            dA0 = np.dot(W1.T, dZ1)  # noqa: F841 (computed, as the article's Z1.backward does, and unused)
        W2 = W2 - LEARNING_RATE * dW2
        b2 = b2 - LEARNING_RATE * db2
        W1 = W1 - LEARNING_RATE * dW1
        b1 = b1 - LEARNING_RATE * db1
    if p.final_cost:
        A2 = 1 / (1 + np.exp(-(np.dot(W2, 1 / (1 + np.exp(-(np.dot(W1, X) + b1)))) + b2)))
        costs.append(float((1 / (2 * m)) * total(np.square(Y - A2))))
    return costs


def run_fused_np_sum(p: Problem, params: list[np.ndarray]) -> list[float]:
    """The reference with ``np.sum``, as the article writes its sums (information only)."""
    return run_fused(p, params, total=np.sum)


def run_fused_nested(p: Problem, params: list[np.ndarray]) -> list[float]:
    """The reference nested, without ``dA0``, so that NumPy reuses temporaries' buffers (information only).

    Without names, ``Z1``, ``dA1`` and the like are temporaries that NumPy
    may overwrite in place (its "temporary elision"), which saves memory and
    allocations; the article's attributes (``Z``, ``dA_prev``, ...) keep them.
    """
    X, Y = p.X, p.Y
    W1, b1, W2, b2 = params
    m = Y.shape[1]
    costs = []
    for epoch in range(p.epochs):
        A1 = 1 / (1 + np.exp(-(np.dot(W1, X) + b1)))
        A2 = 1 / (1 + np.exp(-(np.dot(W2, A1) + b2)))
        error = Y - A2
        cost = (1 / (2 * m)) * np.square(error).sum()
        if epoch % RECORD_EVERY == 0:
            costs.append(float(cost))
        dZ2 = -1 / m * error * A2 * (1 - A2)
        dZ1 = np.dot(W2.T, dZ2) * A1 * (1 - A1)
        W2, b2 = W2 - LEARNING_RATE * np.dot(dZ2, A1.T), b2 - LEARNING_RATE * dZ2.sum(axis=1, keepdims=True)
        W1, b1 = W1 - LEARNING_RATE * np.dot(dZ1, X.T), b1 - LEARNING_RATE * dZ1.sum(axis=1, keepdims=True)
    if p.final_cost:
        A2 = 1 / (1 + np.exp(-(np.dot(W2, 1 / (1 + np.exp(-(np.dot(W1, X) + b1)))) + b2)))
        costs.append(float((1 / (2 * m)) * np.square(Y - A2).sum()))
    return costs


def _nbnp_layers(p: Problem, params: list[np.ndarray]) -> list:
    m = p.X.shape[1]
    Z1 = nbnp.LinearLayer.from_params(params[0], params[1], m=m)
    Z2 = nbnp.LinearLayer.from_params(params[2], params[3], m=m)
    return [Z1, nbnp.SigmoidLayer(Z1.Z.shape), Z2, nbnp.SigmoidLayer(Z2.Z.shape)]


def run_nbnp_train(p: Problem, params: list[np.ndarray]) -> list[float]:
    """:func:`nbnp.train`, the package's training loop."""
    history = nbnp.train(_nbnp_layers(p, params), p.X, p.Y, LEARNING_RATE, p.epochs, RECORD_EVERY)
    return history.costs + ([history.final_cost] if p.final_cost else [])


def run_nbnp_loop(p: Problem, params: list[np.ndarray]) -> list[float]:
    """The article's explicit training loop, calling nbnp's public methods."""
    Z1, A1, Z2, A2 = _nbnp_layers(p, params)
    X, Y = p.X, p.Y
    costs = []
    for epoch in range(p.epochs):
        Z1.forward(X)
        A1.forward(Z1.Z)
        Z2.forward(A1.A)
        A2.forward(Z2.Z)
        cost, dA2 = nbnp.compute_cost(Y=Y, Y_hat=A2.A)
        if epoch % RECORD_EVERY == 0:
            costs.append(cost)
        A2.backward(dA2)
        Z2.backward(A2.dZ)
        A1.backward(Z2.dA_prev)
        Z1.backward(A1.dZ)
        Z2.update_params(learning_rate=LEARNING_RATE)
        Z1.update_params(learning_rate=LEARNING_RATE)
    if p.final_cost:
        costs.append(nbnp.compute_cost(Y, A2.forward(Z2.forward(A1.forward(Z1.forward(X)))))[0])
    return costs


Variant = Callable[[Problem, list], list]

#: Per size: how to make the problem, and each variant with the variant it is compared with
#: (None for the size's reference).
SIZES: dict[str, tuple[Callable[[], Problem], dict[str, tuple[Variant, str | None]]]] = {
    "article": (
        article_problem,
        {
            "fused NumPy": (run_fused, None),
            "nbnp explicit loop": (run_nbnp_loop, "fused NumPy"),
            "nbnp.train": (run_nbnp_train, "fused NumPy"),
            "fused, np.sum": (run_fused_np_sum, "fused NumPy"),
        },
    ),
    "large": (
        large_problem,
        {
            "fused NumPy": (run_fused, None),
            "nbnp.train": (run_nbnp_train, "fused NumPy"),
            "nbnp explicit loop": (run_nbnp_loop, "fused NumPy"),
            "fused, nested": (run_fused_nested, "fused NumPy"),
        },
    ),
}


def _fresh(p: Problem) -> list[np.ndarray]:
    return [a.copy() for a in p.params]


def check_same_bits(p: Problem, variants: dict[str, Variant]) -> None:
    """Every variant must compute the reference's costs to the last bit (also a warm-up)."""
    reference = run_fused(p, _fresh(p))
    for name, run in variants.items():
        if run(p, _fresh(p)) != reference:
            raise RuntimeError(f"{name} computed different costs from the fused loop ({p.name} size)")


def measure_time(p: Problem, variants: dict[str, Variant], reps: int, clock: Callable[[], float]):
    """Seconds per run of each variant, ``reps`` interleaved rounds."""
    names = list(variants)
    times: dict[str, list[float]] = {name: [] for name in names}
    for rep in range(reps):
        for name in names[rep % len(names) :] + names[: rep % len(names)]:
            params = _fresh(p)
            gc.collect()
            start = clock()
            variants[name](p, params)
            times[name].append(clock() - start)
    return times


def measure_peak_memory(p: Problem, run: Variant) -> int:
    """Peak bytes allocated during one run, beyond the data and initial parameters."""
    params = _fresh(p)
    gc.collect()
    tracemalloc.start()
    run(p, params)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def report(
    p: Problem,
    times: dict[str, list[float]],
    memory: dict[str, int],
    compared: dict[str, str | None],
    clock: str,
) -> str:
    """Medians and ratios to the variant each is compared with, one line per variant."""
    reps = len(next(iter(times.values())))
    lines = [
        f"{p.name}: X {p.X.shape}, W1 {p.params[0].shape}, {p.epochs} epochs; "
        f"{reps} interleaved runs each, {clock} time, medians",
        f"  {'variant':<20}{'s/run':>10}{'ms/epoch':>10}{'time ratio':>12}"
        + (f"{'peak MB':>10}{'mem ratio':>11}" if memory else "")
        + "  compared with",
    ]
    for name, ts in times.items():
        med, ref = statistics.median(ts), compared[name] or name
        ratio = med / statistics.median(times[ref])
        line = f"  {name:<20}{med:>10.4f}{med / p.epochs * 1e3:>10.4f}{ratio:>11.2f}×"
        if name in memory:
            line += f"{memory[name] / 1e6:>10.1f}{memory[name] / memory[ref]:>10.2f}×"
        lines.append(line + (f"  {ref}" if compared[name] else "  (reference)"))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=["article", "large", "both"], default="both")
    parser.add_argument("--reps", type=int, help="interleaved rounds (default 21 article, 7 large)")
    parser.add_argument("--clock", choices=["cpu", "wall"], default="cpu", help="what to time (default cpu)")
    args = parser.parse_args(argv)
    clock = time.process_time if args.clock == "cpu" else time.perf_counter
    print(f"numpy {np.__version__}, python {sys.version.split()[0]}")
    for size in ["article", "large"] if args.size == "both" else [args.size]:
        make_problem, table = SIZES[size]
        variants = {name: run for name, (run, _) in table.items()}
        compared = {name: ref for name, (_, ref) in table.items()}
        p = make_problem()
        check_same_bits(p, variants)
        memory = {}
        if size == "large":  # at the article's size every array is a few bytes
            memory = {name: measure_peak_memory(p, run) for name, run in variants.items()}
        times = measure_time(p, variants, args.reps or (21 if size == "article" else 7), clock)
        print(report(p, times, memory, compared, args.clock), flush=True)


if __name__ == "__main__":
    main()
