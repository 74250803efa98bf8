"""The build never publishes outputs computed by another nbnp (loaded through ``_config.yml``).

Jupyter Book executes the notebooks through an execution cache (jupyter-cache,
``_build/.jupyter_cache``) that matches a notebook by its code cells only, and Sphinx reads a
page again only when its source file changed. After a change to nbnp alone, both would keep
the old outputs, and the HTML would show numbers that nbnp no longer computes.

So the outputs are tied to a fingerprint of what computed them (:func:`nbnp_fingerprint`: the
files of the nbnp package the kernels import, and the versions of Python, NumPy and
Matplotlib), kept beside the cache in ``nbnp-fingerprint.txt``. When it changes:

* every cached execution is dropped (:func:`drop_stale_executions`), so each notebook runs
  again; ``tools/execute_in_parallel.py`` does the same before it fills the cache;
* the fingerprint is a Sphinx configuration value that asks for a new environment, so Sphinx
  reads every page again instead of reusing the pages it read with the old outputs.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import platform
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

LOGGER = logging.getLogger(__name__)
#: The file, in the execution cache's folder, that names the fingerprint of its executions.
FINGERPRINT_FILE = "nbnp-fingerprint.txt"
#: Distributions whose version is part of the fingerprint.
DISTRIBUTIONS = ("numpy", "matplotlib")


def nbnp_fingerprint() -> str:
    """:func:`fingerprint` of the ``nbnp`` package that ``import nbnp`` finds."""
    spec = importlib.util.find_spec("nbnp")
    return fingerprint([Path(folder) for folder in (spec.submodule_search_locations or [])] if spec else [])


def fingerprint(folders: list[Path]) -> str:
    """A SHA-256 of everything that decides what the notebooks print.

    Parameters
    ----------
    folders : list of pathlib.Path
        The package's folders: every file in them counts (relative path and contents),
        ``__pycache__`` left out.

    Returns
    -------
    str
        64 hexadecimal digits, which also cover the versions of Python, NumPy and Matplotlib.
    """
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(f"{path.relative_to(folder).as_posix()}\0".encode())
                digest.update(path.read_bytes() + b"\0")
    versions = [f"python {platform.python_version()}"]
    versions += [f"{name} {importlib.metadata.version(name)}" for name in DISTRIBUTIONS]
    digest.update("\n".join(versions).encode())
    return digest.hexdigest()


def drop_stale_executions(cache_path: Path, fingerprint: str) -> int | None:
    """Drop every cached execution unless it was made under ``fingerprint``.

    Parameters
    ----------
    cache_path : pathlib.Path
        The jupyter-cache folder (created if missing).
    fingerprint : str
        :func:`nbnp_fingerprint` now.

    Returns
    -------
    int or None
        How many cached executions were dropped; ``None`` if the fingerprint is unchanged.
    """
    from jupyter_cache import get_cache

    stamp = cache_path / FINGERPRINT_FILE
    if stamp.is_file() and stamp.read_text(encoding="utf-8").strip() == fingerprint:
        return None
    cache = get_cache(str(cache_path))
    records = cache.list_cache_records()
    for record in records:
        cache.remove_cache(record.pk)
    stamp.write_text(fingerprint + "\n", encoding="utf-8")
    return len(records)


def _on_config_inited(app: Sphinx, config: Config) -> None:
    config.nbnp_fingerprint = nbnp_fingerprint()
    if config.nb_execution_mode != "cache":
        return
    cache_path = Path(config.nb_execution_cache_path or Path(app.outdir).parent / ".jupyter_cache")
    dropped = drop_stale_executions(cache_path.resolve(), config.nbnp_fingerprint)
    if dropped is not None:
        LOGGER.info("nbnp changed: %d cached notebook executions dropped, all run again", dropped)


def setup(app: Sphinx) -> dict[str, Any]:
    # "env": a new value makes Sphinx read every page again (myst-nb then asks the cache).
    app.add_config_value("nbnp_fingerprint", "", "env", types=[str])
    app.connect("config-inited", _on_config_inited, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
