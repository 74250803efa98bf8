"""Fill Jupyter Book's execution cache with all cores before the build (``make book``).

With ``execute_notebooks: cache`` Jupyter Book executes every notebook whose code changed,
one after the other, while it reads them. This script runs those notebooks first, side by
side (one process per core), into the very cache the build reads (``_build/.jupyter_cache``),
so the build then finds each of them cached. A notebook is cached only if it runs without
error: one that fails here is executed again by the build, which reports the error.

The cache matches a notebook by its code only, so first every cached execution made with
another nbnp (or NumPy, Matplotlib, Python) is dropped, as the build itself does
(``_ext/fresh_outputs.py``): after a change to nbnp every notebook runs again.

Usage: ``python tools/execute_in_parallel.py`` (the notebooks listed in ``_toc.yml``).
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import yaml
from jupyter_cache import get_cache
from jupyter_cache.executors import load_executor

from nbnp.article.toc import read_toc

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "_build" / ".jupyter_cache"


def toc_notebooks(root: Path = ROOT) -> list[Path]:
    """The notebooks of the book, in table-of-contents order (read by :mod:`nbnp.article.toc`)."""
    return read_toc(root / "_toc.yml").notebooks()


def execution_timeout(root: Path = ROOT) -> int:
    """The per-cell timeout of ``_config.yml`` (``execute.timeout``), as the build uses it."""
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8")) or {}
    return int((config.get("execute") or {}).get("timeout", 30))


def drop_executions_of_another_nbnp() -> None:
    """Empty the cache of executions made with another nbnp (``_ext/fresh_outputs.py``)."""
    sys.path.insert(0, str(ROOT / "_ext"))
    from fresh_outputs import drop_stale_executions, nbnp_fingerprint

    dropped = drop_stale_executions(CACHE, nbnp_fingerprint())
    if dropped is not None:
        print(f"execution cache: nbnp changed, {dropped} cached executions dropped")


def main() -> int:
    from mplconfig import use_inline_backend, use_writable_mplconfig  # tools/, beside this script

    use_writable_mplconfig()
    use_inline_backend()
    os.environ["NBNP_STRICT"] = "1"  # the built book never shows a disagreement with the article
    drop_executions_of_another_nbnp()
    notebooks = toc_notebooks()
    cache = get_cache(str(CACHE))
    wanted = {str(nb) for nb in notebooks}
    for record in cache.list_project_records():
        if record.uri not in wanted:  # renamed, removed or out of the book
            cache.remove_nb_from_project(record.pk)
    for notebook in notebooks:
        cache.add_nb_to_project(str(notebook))
    logger = logging.getLogger("execute_in_parallel")
    logger.setLevel(logging.WARNING)
    executor = load_executor("local-parallel", cache, logger=logger)
    result = executor.run_and_cache(timeout=execution_timeout())
    ran = len(result.succeeded) + len(result.excepted) + len(result.errored)
    print(
        f"execution cache: {len(notebooks)} notebooks, {ran} executed in parallel, "
        f"{len(result.succeeded)} cached, {len(result.errored) + len(result.excepted)} failed"
    )
    for uri in result.errored + result.excepted:
        print(f"  failed (the build will run it again and report why): {uri}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
