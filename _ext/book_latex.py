"""Sphinx extension for the PDF (``make pdf``): print the cells that the HTML only collapses.

sphinx-jupyterbook-latex removes from the LaTeX output every cell tagged ``hide-cell``,
``hide-input`` or ``hide-output`` (its ``MystNbPostTransform``). In the HTML those cells are
collapsed, one click away; on paper nothing unfolds, so removing them would silently drop the
exercise solutions and their figures from the PDF. This extension unregisters that one transform
for LaTeX builds; the rest of sphinx-jupyterbook-latex stays. Cells tagged ``remove-*`` are
removed by myst-nb itself, in every format, as before.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx
from sphinx.builders.latex import LaTeXBuilder


def print_hidden_cells(app: Sphinx) -> None:
    """Drop sphinx-jupyterbook-latex's hiding post-transform (it adds it at ``builder-inited``)."""
    if not isinstance(app.builder, LaTeXBuilder):
        return
    from sphinx_jupyterbook_latex.transforms import MystNbPostTransform

    registry = app.registry
    registry.post_transforms = [t for t in registry.post_transforms if t is not MystNbPostTransform]


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", print_hidden_cells, priority=900)  # after sphinx-jupyterbook-latex (500)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
