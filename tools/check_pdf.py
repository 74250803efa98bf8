"""Check the PDF that ``make pdf`` built (``_build/latex/book.pdf``); exit 1 listing every defect.

Usage: ``python tools/check_pdf.py _build/latex [--min-pages 100] [--phrase TEXT ...]``

* the PDF has at least ``--min-pages`` pages (``pdfinfo``);
* xelatex's final log names no missing glyph (``Missing character``: a font without ᵀ or ₁),
  no missing font face (an italic or bold that the installed fonts lack), no undefined
  reference or citation, and no LaTeX error;
* the text (``pdftotext``) has no ``??`` (what LaTeX prints for an unresolved reference) and
  contains each known phrase: the title, the article's notation with its subscripts and
  transposes, and numbers that the chapters compute;
* every figure of the chapters is in it: the PDF holds at least as many images (``pdfimages``)
  as the notebooks have PNG outputs in cells that are not removed, less the outputs that offer
  Markdown too, which the PDF prints instead (``_config.yml``: a graph's phone layout, whose
  Markdown shows nothing, nbnp.draw.graph.PhoneFigure).

Needs poppler-utils (``pdfinfo``, ``pdftotext``, ``pdfimages``). Prints the page count.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Phrases the PDF's text must contain: the title, notation whose glyphs need the right fonts
# (subscripts, ŷ, the transpose ᵀ), and values the chapters compute and print (chapter 7's
# cost at epoch 4600 at 12 significant digits).
PHRASES = [
    "Nothing but NumPy",
    "∂L/∂w₁",
    "ŷ",
    "ᵀ",
    "np.random.seed(48)",
    "0.00101830548865",
]

LOG_DEFECTS = {
    "missing glyph": re.compile(r"^Missing character: .*$", re.MULTILINE),
    "missing font face": re.compile(r"^LaTeX Font Warning: Font shape .* undefined$", re.MULTILINE),
    "undefined reference": re.compile(r"^LaTeX Warning: (?:Hyper r|R)eference .* undefined.*$", re.MULTILINE),
    "undefined citation": re.compile(r"^LaTeX Warning: Citation .* undefined.*$", re.MULTILINE),
    "undefined references": re.compile(r"^LaTeX Warning: There were undefined references\.$", re.MULTILINE),
    "LaTeX error": re.compile(r"^! .*$", re.MULTILINE),
}

REMOVED = {"remove-cell", "remove-output"}


def run(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def page_count(pdf: Path) -> int:
    match = re.search(r"^Pages:\s+(\d+)$", run("pdfinfo", str(pdf)), re.MULTILINE)
    if not match:
        raise SystemExit(f"pdfinfo printed no page count for {pdf}")
    return int(match.group(1))


def image_count(pdf: Path) -> int:
    """Images drawn in the PDF (their transparency masks are listed apart, as ``smask``)."""
    rows = run("pdfimages", "-list", str(pdf)).splitlines()[2:]
    return sum(1 for row in rows if row.split()[2] == "image")


def notebook_figures(book: Path) -> int:
    """PNG outputs of cells that the book shows (not tagged remove-cell / remove-output), less those
    that offer Markdown too (the PDF prints the Markdown: a graph's phone layout)."""
    count = 0
    for notebook in sorted(book.rglob("*.ipynb")):
        if ".ipynb_checkpoints" in notebook.parts:
            continue
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
            if REMOVED & set(cell.get("metadata", {}).get("tags", [])):
                continue
            data = [out.get("data", {}) for out in cell.get("outputs", [])]
            count += sum("image/png" in d and "text/markdown" not in d for d in data)
    return count


def problems(latex: Path, min_pages: int, phrases: list[str]) -> tuple[int, list[str]]:
    pdf, log = latex / "book.pdf", latex / "book.log"
    if not pdf.is_file() or not log.is_file():
        return 0, [f"no {pdf} or {log}: run `make pdf`"]
    found: list[str] = []
    pages = page_count(pdf)
    if pages < min_pages:
        found.append(f"{pages} pages, fewer than {min_pages}")
    log_text = log.read_text(encoding="utf-8", errors="replace")
    for what, pattern in LOG_DEFECTS.items():
        found += [f"{what} in {log.name}: {line}" for line in pattern.findall(log_text)[:10]]
    text = run("pdftotext", "-enc", "UTF-8", str(pdf), "-")
    unresolved = [line.strip() for line in text.splitlines() if "??" in line]
    found += [f"unresolved reference (??) in the text: {line!r}" for line in unresolved[:10]]
    flat = " ".join(text.split())
    found += [f"phrase not in the text: {phrase!r}" for phrase in phrases if phrase not in flat]
    images, figures = image_count(pdf), notebook_figures(ROOT / "book")
    if images < figures:
        found.append(f"{images} images in the PDF, but the notebooks show {figures} figures")
    return pages, found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("latex", type=Path, help="the LaTeX build folder (holds book.pdf and book.log)")
    parser.add_argument("--min-pages", type=int, default=100)
    parser.add_argument("--phrase", action="append", help="a phrase the text must contain (default: PHRASES)")
    args = parser.parse_args(argv)
    pages, found = problems(args.latex, args.min_pages, args.phrase or PHRASES)
    for problem in found:
        print(f"check_pdf: {problem}", file=sys.stderr)
    if not found:
        print(f"check_pdf: {args.latex / 'book.pdf'}: {pages} pages, no defect found")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
