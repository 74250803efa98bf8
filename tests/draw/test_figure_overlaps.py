"""Every figure the book draws, measured: no text overlaps another, no arrow crosses a text,
every graph text stands by its own node or arrow and is at least 9 px tall on the page.

Each chapter with figures runs in a fresh kernel (as nbval runs it). After every
cell, a hook measures each open figure with matplotlib's renderer
(:func:`nbnp.draw.text_overlaps`, built on ``Text.get_window_extent``) and closes
it; the test fails if any figure has a problem, naming the notebook and cell.
:func:`nbnp.draw.place.misplaced_texts` checks that each value, local gradient and
gradient is nearer its own node (or backward arrow) than any other;
:func:`nbnp.draw.place.shown_text_sizes` computes the size of every text of a graph
figure as shown in the desktop column (:data:`DESKTOP_COLUMN_PX`), which must be at
least :data:`LEAST_TEXT_PX`.
The number of figures measured must equal the number of PNG outputs stored in
the notebook, so a figure the hook missed also fails.
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[2]

#: Width in CSS pixels at which a figure wider than the column is shown at a 1280 px wide
#: window (the column less a captioned figure's padding; full-width figures get more),
#: measured in Chromium: tests/test_browser.py::test_desktop_column_is_as_wide_as_the_figures_assume.
DESKTOP_COLUMN_PX = 672
#: Least size of a graph's text on the page at the desktop column width, CSS pixels.
LEAST_TEXT_PX = 9.0
BOOK = ROOT / "book"

#: Run in the kernel before the chapter's first cell: figures stay open (Agg) until
#: the hook below has measured them after the cell.
_HOOK = """
import json as _json, matplotlib as _mpl
_mpl.use("Agg")
import matplotlib.pyplot as _plt
from nbnp.draw.place import misplaced_texts as _misplaced, shown_text_sizes as _sizes
from nbnp.draw.place import text_overlaps as _overlaps
_FIGURE_REPORT = []
def _small(fig):
    return [f"the text {t!r} shows at {px:.1f} px (< {LEAST_PX}) in the {COLUMN_PX} px column"
            for t, px in _sizes(fig, COLUMN_PX) if px < LEAST_PX]
def _measure(result):
    for _num in _plt.get_fignums():
        _fig = _plt.figure(_num)
        _FIGURE_REPORT.append((result.info.raw_cell[:70], _overlaps(_fig) + _misplaced(_fig) + _small(_fig)))
    _plt.close("all")
get_ipython().events.register("post_run_cell", _measure)
"""


def _stored_pngs(nb: nbformat.NotebookNode) -> int:
    return sum(
        "image/png" in out.get("data", {})
        for cell in nb.cells
        if cell.cell_type == "code"
        for out in cell.get("outputs", [])
    )


def _chapters_with_figures() -> list[Path]:
    return [p for p in sorted(BOOK.rglob("*.ipynb")) if _stored_pngs(nbformat.read(p, as_version=4))]


def measure_notebook(path: Path) -> list[tuple[int, list[str]]]:
    """Run a notebook with the measuring hook; one (start of the cell's code, problems) per figure."""
    nb = nbformat.read(path, as_version=4)
    hook = f"COLUMN_PX, LEAST_PX = {DESKTOP_COLUMN_PX}, {LEAST_TEXT_PX}\n" + _HOOK
    nb.cells.insert(0, nbformat.v4.new_code_cell(hook))
    nb.cells.append(nbformat.v4.new_code_cell("print(_json.dumps(_FIGURE_REPORT))"))
    resources = {"metadata": {"path": str(path.parent)}}
    NotebookClient(nb, timeout=600, kernel_name="python3", resources=resources).execute()
    text = "".join(out.get("text", "") for out in nb.cells[-1].outputs if out.get("name") == "stdout")
    return [(cell, problems) for cell, problems in json.loads(text)]


@pytest.mark.slow
@pytest.mark.parametrize("path", _chapters_with_figures(), ids=lambda p: p.stem)
def test_no_text_overlaps_in_any_figure(path: Path) -> None:
    report = measure_notebook(path)
    assert len(report) == _stored_pngs(nbformat.read(path, as_version=4)), "a stored figure was not measured"
    bad = [f"{path.name}, cell {cell!r}: {p}" for cell, problems in report for p in problems]
    assert not bad, "\n".join(bad)
