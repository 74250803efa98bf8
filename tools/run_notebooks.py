"""Execute notebooks in place and store their outputs (``make outputs``).

Usage: ``python tools/run_notebooks.py [PATH ...]`` where each PATH is a
notebook or a folder searched recursively. Each notebook runs in its own
folder with a fresh kernel, exactly as nbval will rerun it. Execution
timestamps are dropped so that two runs store byte-identical files.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient


def notebooks(paths: list[str]) -> list[Path]:
    found: list[Path] = []
    for path in map(Path, paths or ["book"]):
        found += sorted(path.rglob("*.ipynb")) if path.is_dir() else [path]
    return [nb for nb in found if ".ipynb_checkpoints" not in nb.parts and "_build" not in nb.parts]


def run(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    nb.metadata.pop("widgets", None)
    nbformat.write(nb, path)


if __name__ == "__main__":
    for nb_path in notebooks(sys.argv[1:]):
        print(f"executing {nb_path}", flush=True)
        run(nb_path)
