"""Sphinx extension for the PDF (``make pdf``): collapsed cells are printed; tables fit their numbers.

1. sphinx-jupyterbook-latex removes from the LaTeX output every cell tagged ``hide-cell``,
   ``hide-input`` or ``hide-output`` (its ``MystNbPostTransform``). In the HTML those cells are
   collapsed, one click away; on paper nothing unfolds, so removing them would silently drop the
   exercise solutions and their figures from the PDF. This extension unregisters that one
   transform for LaTeX builds; the rest of sphinx-jupyterbook-latex stays. Cells tagged
   ``remove-*`` are removed by myst-nb itself, in every format, as before.

2. Tables (the numbers ledger's) are set in ``\\footnotesize``, ragged right, with code never
   broken inside a word (``inlineliteralwraps=false``) and explicit column widths instead of
   tabulary's, which shares the width in proportion to each column's text and so squeezed a
   column of 20-digit numbers until they broke after the ``0.`` and ran into the next column.
   Here every column first gets its longest unbreakable word, measured with the fonts the PDF
   uses (DejaVu, through Matplotlib's font metrics, equal to XeTeX's): a number in code font is one
   word. What is left of the line is shared in proportion to how much more each column would
   take to set its longest cell on one line. (The ragged-right ``\\X`` column is defined in
   ``latex_elements.preamble``, ``_config.yml``.)
"""

from __future__ import annotations

from functools import cache
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.latex import LaTeXBuilder
from sphinx.transforms.post_transforms import SphinxPostTransform


def print_hidden_cells(app: Sphinx) -> None:
    """Drop sphinx-jupyterbook-latex's hiding post-transform (it adds it at ``builder-inited``)."""
    if not isinstance(app.builder, LaTeXBuilder):
        return
    from sphinx_jupyterbook_latex.transforms import MystNbPostTransform

    registry = app.registry
    registry.post_transforms = [t for t in registry.post_transforms if t is not MystNbPostTransform]


# ----------------------------------------------------------------------------------------- tables

LINE_WIDTH = 469.75  # pt: \linewidth of the jupyterBook class on its letter paper (book.log)
COLUMN_PAD = 13.0  # pt: 2 \tabcolsep, plus a rule
MARGIN = 1.06  # Matplotlib's widths equal XeTeX's; the margin keeps a word clear of the cell's edge
TABLE_SIZE = 8.0  # pt: \footnotesize of the 10 pt body
FAMILIES = {"body": "DejaVu Serif", "code": "DejaVu Sans Mono", "head": "DejaVu Sans"}  # _config.yml


@cache
def text_width(text: str, role: str) -> float:
    """Width in pt of ``text`` set on one line in the table's font for ``role``."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    font = FontProperties(family=FAMILIES[role], size=TABLE_SIZE)
    return TextToPath().get_text_width_height_descent(text, font, ismath=False)[0]


def cell_widths(entry: nodes.Element, role: str) -> tuple[float, float]:
    """(longest unbreakable word, whole cell on one line) of a table cell, in pt."""
    longest = line = 0.0
    for text in entry.findall(nodes.Text):
        in_code = any(isinstance(parent, nodes.literal) for parent in _ancestors(text, entry))
        words = str(text).split()
        font = "code" if in_code else role
        longest = max([longest, *(text_width(word, font) for word in words)])
        line += text_width(" ".join(words), font) + (text_width(" ", font) if line and words else 0.0)
    return longest, line


def _ancestors(node: nodes.Node, stop: nodes.Node) -> list[nodes.Node]:
    found = []
    while node is not None and node is not stop:
        node = node.parent
        found.append(node)
    return found


def column_widths(needs: list[float], lines: list[float], total: float = LINE_WIDTH) -> list[float]:
    """Each column its longest word, then the rest of ``total`` by what one-line cells would take."""
    base = [need * MARGIN + COLUMN_PAD for need in needs]
    natural = [max(line, need) * MARGIN + COLUMN_PAD for line, need in zip(lines, needs)]
    if sum(natural) <= total:  # everything fits on one line: widen in proportion
        return [width * total / sum(natural) for width in natural]
    if sum(base) >= total:  # not even the words fit: the best that can be done
        return base
    wish = [nat - b for nat, b in zip(natural, base)]
    spare = total - sum(base)
    return [b + spare * w / sum(wish) for b, w in zip(base, wish)]


class TableWidths(SphinxPostTransform):
    """LaTeX only: ``\\footnotesize`` tables with column widths that keep every number whole."""

    default_priority = 450
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        for table in list(self.document.findall(nodes.table)):
            tgroup = next(iter(table.findall(nodes.tgroup)), None)
            if tgroup is None:
                continue
            specs = [child for child in tgroup.children if isinstance(child, nodes.colspec)]
            needs, lines = [0.0] * len(specs), [0.0] * len(specs)
            for row in tgroup.findall(nodes.row):
                role = "head" if isinstance(row.parent, nodes.thead) else "body"
                for column, entry in enumerate(row.children[: len(specs)]):
                    need, line = cell_widths(entry, role)
                    needs[column], lines[column] = max(needs[column], need), max(lines[column], line)
            for spec, width in zip(specs, column_widths(needs, lines)):
                spec["colwidth"] = max(1, round(width * 10))
            if "colwidths-given" not in table["classes"]:
                table["classes"].append("colwidths-given")
            parent, index = table.parent, table.parent.index(table)
            parent.insert(index + 1, nodes.raw("", "\\endgroup\n", format="latex"))
            start = "\\begingroup\\footnotesize\\sphinxsetup{inlineliteralwraps=false}\n"
            parent.insert(index, nodes.raw("", start, format="latex"))


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", print_hidden_cells, priority=900)  # after sphinx-jupyterbook-latex (500)
    app.add_post_transform(TableWidths)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
