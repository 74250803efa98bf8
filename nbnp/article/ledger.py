"""The numbers ledger: every article number beside ours, as MyST Markdown tables.

The ledger page renders :func:`ledger_table` of :func:`nbnp.article.check_all`
in a cell whose Markdown output is parsed as MyST, so each row links to the
chapter that reproduces the number with a ``{doc}`` role. A chapter that is not
in ``_toc.yml`` yet is named but not linked, so the strict Sphinx build never
meets a broken reference.

:data:`NOT_RESULTS` lists the other numbers the article's text states (inputs
it sets, epoch labels, figure numbers) with why each is not a row;
``tests/article/test_ledger.py`` checks, against the article's text, that every
number in it is a row or listed there.
"""

from __future__ import annotations

from collections import Counter

from nbnp.article.compare import Comparison
from nbnp.article.toc import page_docname

__all__ = [
    "NOT_RESULTS",
    "chapter_link",
    "ledger_table",
    "not_results_table",
    "status_counts",
]

#: Numbers in the article's text that are not results, with the reason.
#:
#: :meta hide-value:
NOT_RESULTS: dict[str, str] = {
    "0.1": "input: the starting weight w₁ (also Part II's default α, a row)",
    "0.6": "input: the starting weight w₂",
    "0.2": "input: the starting weight of the feature cross x₃",
    "0.9": "input: one of the step sizes the article lists as possible learning rates",
    "5": "input: the large learning rate α = 5 of the learning-rate figures",
    "10": "input: the exponent of the tiny learning rate α = 5·10⁻¹⁰",
    "50": "input: the diverging learning rate α = 50",
    "48": "input: the random seed of the Part II run",
    "100": "input: the training loop prints and stores the cost every 100 epochs",
    "5000": "input: the number of epochs of every training run",
    "4600": "label: the epoch of a printed cost (the cost is a row)",
    "4700": "label: the epoch of a printed cost (the cost is a row)",
    "4800": "label: the epoch of a printed cost (the cost is a row)",
    "4900": "label: the epoch of a printed cost (the cost is a row)",
    "3000": "a reading of a figure: the OR cost curve 'flattens' after about 3000 epochs; "
    "no threshold defines it, chapter 4 plots the curve",
    "9": "figure number",
    "11": "figure number",
    "62": "figure number",
    "64": "figure number",
    "77": "figure number",
    "87": "figure number",
    "88": "figure number",
    "89": "figure number (Fig. 89 shows the wrong listing, see the errata)",
    "90": "figure number",
    "91": "figure number",
    "92": "figure number",
    "20": "date: the article's last update, May 20",
    "2020": "date: the article's last update, 2020",
}


def chapter_link(docname: str, present: set[str]) -> str:
    """A MyST link to ``docname`` if the book has it, else its name in code.

    Parameters
    ----------
    docname : str
        Document name from the book's root, ``"book/part1/01_single_neuron"``.
    present : set of str
        Document names in the table of contents (:func:`nbnp.article.toc.toc_docnames`).

    Returns
    -------
    str
        ``{doc}`/book/part1/01_single_neuron``` or ```book/part1/01_single_neuron` (not yet written)``.
    """
    if docname in present:
        return f"{{doc}}`/{docname}`"
    return f"`{docname}` (not yet written)"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _status(result: Comparison, present: set[str]) -> str:
    if result.status != "differs":
        return result.status
    errata = chapter_link(page_docname("errata"), present)
    return f"differs: {_cell(result.entry.erratum or '')}; see {errata}"


def ledger_table(results: dict[str, Comparison], present: set[str]) -> str:
    """The ledger in Markdown: one table per place in the article, one row per number.

    Parameters
    ----------
    results : dict
        Key → :class:`nbnp.article.Comparison`, from :func:`nbnp.article.check_all`.
    present : set of str
        Document names in the table of contents; other chapters are not linked.

    Returns
    -------
    str
        For each place where the article states numbers (in the article's order), a bold
        line naming it and a table with the columns: what, the article's value, ours,
        the chapter reproducing it, status.
    """
    groups: dict[str, list[Comparison]] = {}
    for result in results.values():
        groups.setdefault(result.entry.where, []).append(result)
    blocks = []
    for where, group in groups.items():
        lines = [
            f"**{_cell(where)}**",
            "",
            "| What | Article | Ours | Reproduced in | Status |",
            "|---|---|---|---|---|",
        ]
        for result in group:
            cells = [
                _cell(result.entry.what),
                f"`{result.entry.text}`",
                f"`{result.ours}`",
                chapter_link(result.entry.chapter, present),
                _status(result, present),
            ]
            lines.append("| " + " | ".join(cells) + " |")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def status_counts(results: dict[str, Comparison]) -> dict[str, int]:
    """How many rows have each status, most common first.

    Parameters
    ----------
    results : dict
        Key → :class:`nbnp.article.Comparison`.

    Returns
    -------
    dict
        Status → count.
    """
    return dict(Counter(result.status for result in results.values()).most_common())


def not_results_table() -> str:
    """:data:`NOT_RESULTS` as a Markdown table, sorted by value.

    Returns
    -------
    str
        Columns: the number as the article writes it, why it is not a row.
    """
    lines = ["| Number in the text | Why it is not a row |", "|---|---|"]
    for number in sorted(NOT_RESULTS, key=float):
        lines.append(f"| `{number}` | {_cell(NOT_RESULTS[number])} |")
    return "\n".join(lines)
