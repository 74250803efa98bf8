"""The measurements behind Part I's chapters, built on nbnp's core (NumPy only).

* :mod:`nbnp.experiments.batch`: batch gradients the article's two ways, a
  per-example loop and the vectorized form, and how their time grows with m;
* :mod:`nbnp.experiments.descent`: gradient descent on a parabola;
* :mod:`nbnp.experiments.paths`: chapter 5's three equations, a gradient as the sum of its paths;
* :mod:`nbnp.experiments.separability`: the best accuracy a straight line reaches.
"""

from nbnp.experiments.batch import (
    GradientFn,
    growth_exponent,
    loop_gradients,
    per_example_gradients,
    time_gradients,
    vectorized_gradients,
)
from nbnp.experiments.descent import Parabola, descent_path
from nbnp.experiments.paths import sum_of_paths_pass
from nbnp.experiments.separability import best_linear_accuracy

__all__ = [
    "GradientFn",
    "Parabola",
    "best_linear_accuracy",
    "descent_path",
    "growth_exponent",
    "loop_gradients",
    "per_example_gradients",
    "sum_of_paths_pass",
    "time_gradients",
    "vectorized_gradients",
]
