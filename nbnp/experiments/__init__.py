"""The measurements behind Part I's chapters, built on nbnp's core (NumPy only).

* :mod:`nbnp.experiments.descent`: gradient descent on a parabola;
* :mod:`nbnp.experiments.interactive`: the numbers behind the interactive figures of chapters 1 and 3;
* :mod:`nbnp.experiments.paths`: chapter 5's three equations, a gradient as the sum of its paths.
"""

from nbnp.experiments.descent import Parabola, descent_path
from nbnp.experiments.paths import sum_of_paths_pass

__all__ = ["Parabola", "descent_path", "sum_of_paths_pass"]
