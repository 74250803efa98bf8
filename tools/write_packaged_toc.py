"""Copy ``_toc.yml`` into the package as ``nbnp/article/book_toc.yml``.

An installed nbnp (a wheel, Binder, Colab) has no ``_toc.yml`` beside it, yet the numbers
ledger still links each row to its chapter: :func:`nbnp.article.toc.book_toc` reads this copy
there. ``tests/article/test_toc.py`` fails when the copy and ``_toc.yml`` differ: run
``python tools/write_packaged_toc.py`` after editing ``_toc.yml``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "_toc.yml"
TARGET = ROOT / "nbnp" / "article" / "book_toc.yml"


def main() -> int:
    shutil.copyfile(SOURCE, TARGET)
    print(f"copied {SOURCE.relative_to(ROOT)} to {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
