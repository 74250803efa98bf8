"""tools/check_pdf.py: what it counts as a defect of the PDF build."""

from __future__ import annotations

from pathlib import Path

import check_pdf
import nbformat

LOG = """\
Missing character: There is no ᵀ (U+1D40) in font [FreeMono]/OT:script=latn;language=dflt;!
LaTeX Warning: Reference `book/part1/01_single_neuron:fig-x' on page 3 undefined on input line 9.
LaTeX Warning: Hyper reference `book/appendix/api:nbnp.fmt' on page 7 undefined on input line 2.
LaTeX Warning: Citation `khan2019' on page 1 undefined on input line 4.
LaTeX Warning: There were undefined references.
! Undefined control sequence.
LaTeX Font Warning: Font shape `TU/DejaVuSerif(0)/m/it' undefined
LaTeX Warning: Label(s) may have changed. Rerun to get cross-references right.
Output written on book.pdf (120 pages).
Overfull \\hbox (1.2pt too wide) in paragraph at lines 5--6
"""


def test_each_kind_of_log_defect_is_found_once_and_nothing_else() -> None:
    found = {what: pattern.findall(LOG) for what, pattern in check_pdf.LOG_DEFECTS.items()}
    assert {what: len(lines) for what, lines in found.items()} == {
        "missing glyph": 1,
        "missing font face": 1,
        "undefined reference": 2,
        "undefined citation": 1,
        "undefined references": 1,
        "LaTeX error": 1,
    }


def test_figures_counted_are_those_the_book_shows(tmp_path: Path) -> None:
    shown = nbformat.v4.new_code_cell("plot()")
    figure = nbformat.v4.new_output("display_data", data={"image/png": "AA==", "text/plain": "fig"})
    phone = nbformat.v4.new_output("display_data", data={"image/png": "AA==", "text/markdown": "<!-- -->"})
    shown.outputs = [figure, phone, figure]  # the PDF prints a phone layout's Markdown, not its PNG
    removed = nbformat.v4.new_code_cell("plot()", metadata={"tags": ["remove-output"]})
    removed.outputs = [nbformat.v4.new_output("display_data", data={"image/png": "AA=="})]
    text = nbformat.v4.new_code_cell("print(1)")
    text.outputs = [nbformat.v4.new_output("stream", name="stdout", text="1\n")]
    (tmp_path / "part").mkdir()
    nbformat.write(nbformat.v4.new_notebook(cells=[shown, removed, text]), tmp_path / "part" / "a.ipynb")
    assert check_pdf.notebook_figures(tmp_path) == 2


def test_a_missing_build_is_reported(tmp_path: Path) -> None:
    pages, found = check_pdf.problems(tmp_path, 100, ["x"])
    assert pages == 0 and found and "make pdf" in found[0]
