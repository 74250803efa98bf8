"""Matplotlib as the notebooks' kernels need it, for the kernels that tests and tools start.

**A writable configuration folder.**

Matplotlib keeps its font cache in its configuration folder (``MPLCONFIGDIR``, else
``~/.config/matplotlib``). When that folder cannot be written, Matplotlib makes a temporary one
and says so on stderr; when the font cache is missing, it builds one and says so too. Inside a
notebook either message is a stderr output that the stored notebook does not have, so nbval
fails and ``make outputs`` would store it. :func:`use_writable_mplconfig` points
``MPLCONFIGDIR`` (inherited by every kernel started afterwards) at a folder that can be
written, with its font cache built, before any kernel starts.

**The inline backend.** A kernel draws its figures into the notebook with IPython's inline
backend, unless ``MPLBACKEND`` names another (``Agg`` is a common setting for tests): then no
figure is shown and every figure cell differs from the stored one. :func:`use_inline_backend`
takes ``MPLBACKEND`` out of the environment the kernels inherit.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

#: The folder used when ``MPLCONFIGDIR`` is unset or unusable (``make clean`` removes it).
DEFAULT = Path(__file__).resolve().parents[1] / "_build" / "mplconfig"


def _writable(folder: Path) -> bool:
    """Whether ``folder`` exists (or can be made) and can be written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)


def use_writable_mplconfig(default: Path = DEFAULT) -> Path:
    """Set ``MPLCONFIGDIR`` to a writable folder with a font cache; return the folder.

    A writable ``MPLCONFIGDIR`` already set is kept (with its ``matplotlibrc``, if any);
    otherwise ``default`` is used, so a user's own ``~/.config/matplotlib`` never reaches the
    notebooks. The font cache is built here, in a subprocess, so that no kernel builds it.
    """
    current = os.environ.get("MPLCONFIGDIR", "")
    folder = Path(current) if current and _writable(Path(current)) else default
    if not _writable(folder):
        raise OSError(f"cannot create a writable Matplotlib configuration folder at {folder}")
    os.environ["MPLCONFIGDIR"] = str(folder)
    subprocess.run(
        [sys.executable, "-c", "import matplotlib.font_manager"],
        env=os.environ,
        capture_output=True,
        check=True,
    )
    return folder


def use_inline_backend() -> None:
    """Remove ``MPLBACKEND`` from the environment, so kernels draw figures inline."""
    os.environ.pop("MPLBACKEND", None)
