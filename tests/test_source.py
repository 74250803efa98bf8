"""The listings of Part II (chapter 7's layers, initializer and cost; chapter 9's gradient checks),
pulled out of ``nbnp/`` by Sphinx: each directive is resolved with Sphinx's own reader, so a
renamed method, a moved marker or a listing grown past a screen fails here, not in the build.
"""

import re
from pathlib import Path

import nbformat
import pytest

pytest.importorskip("sphinx", reason="the book's extras (Sphinx) are not installed")
from sphinx.config import Config  # noqa: E402
from sphinx.directives.code import LiteralIncludeReader  # noqa: E402

PART2 = Path(__file__).resolve().parent.parent / "book" / "part2"
PACKAGE = Path(__file__).resolve().parent.parent / "nbnp"
DIRECTIVE = re.compile(r"```\{literalinclude\} (\S+)\n((?::[\w-]+:.*\n)*)```")
MAX_LINES = 40


def listings(notebook):
    """(path, options) of every literalinclude in the notebook's markdown cells."""
    nb = nbformat.read(PART2 / notebook, as_version=4)
    found = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for path, block in DIRECTIVE.findall(cell.source + "\n"):
                options = dict(re.findall(r":([\w-]+): ?(.*)", block))
                found.append(((PART2 / path).resolve(), options))
    return found


def read(path, options):
    options = {key: (int(value) if key == "dedent" else value) for key, value in options.items()}
    text, _ = LiteralIncludeReader(str(path), options, Config()).read()
    return text


CH7 = listings("07_modular_code.ipynb")
ALL = CH7 + listings("09_gradient_checking.ipynb")


@pytest.mark.parametrize(
    ("path", "options"), ALL, ids=lambda v: v.get("pyobject", "") if isinstance(v, dict) else ""
)
def test_every_listing_is_the_packages_own_and_fits_a_screen_of_80_columns(path, options):
    assert PACKAGE in path.parents, path  # the book shows nbnp's code, never a copy
    lines = read(path, options).rstrip("\n").splitlines()
    assert 3 <= len(lines) <= MAX_LINES, f"{options}: {len(lines)} lines"
    # the limit of the chapters' code cells (test_notebook_code.py): at 1280 px nothing wraps
    long = [f"{len(line)}: {line.strip()}" for line in lines if len(line) > 80]
    assert not long, f"{options}:\n" + "\n".join(long)


def test_chapter_7_shows_each_formula_of_the_layers_and_the_cost():
    shown = "\n".join(read(path, options) for path, options in CH7 if path.parent.name == "nbnp")
    for formula in (
        'self.Z = np.dot(self.params["W"], A_prev) + self.params["b"]',
        "self.dW = np.dot(upstream_grad, self.A_prev.T)",
        "self.db = np.sum(upstream_grad, axis=1, keepdims=True)",
        'np.dot(self.params["W"].T, upstream_grad)',
        'self.params["W"] - learning_rate * self.dW',
        "self.dZ = upstream_grad * self.A * (1 - self.A)",
        "cost = (1 / (2 * m)) * np.sum(np.square(Y - Y_hat))",
        "dY_hat = -1 / m * (Y - Y_hat)",
        "1 / (1 + np.exp(-",
    ):
        assert formula in shown, formula
    objects = {opts.get("pyobject", "").split(".")[0] for path, opts in CH7 if path.parent.name == "nbnp"}
    assert {"LinearLayer", "SigmoidLayer", "initialize_parameters", "compute_cost"} <= objects


def test_chapter_7_pastes_no_code_of_its_own():
    for cell in nbformat.read(PART2 / "07_modular_code.ipynb", as_version=4).cells:
        if {"skip-execution", "nbval-skip"} <= set(cell.metadata.get("tags", [])):
            continue  # a build-it exercise's stub, for the learner to fill in
        assert "def " not in cell.source or "literalinclude" in cell.source, cell.source[:80]
        assert "```python" not in cell.source, cell.source[:80]


