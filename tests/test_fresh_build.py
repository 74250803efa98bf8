"""The HTML book never shows outputs that nbnp no longer computes (``_ext/fresh_outputs.py``).

Jupyter Book's execution cache matches a notebook by its code only, and Sphinx reads a page
again only when its source changed: after a change to nbnp alone, ``make book`` used to
publish the old numbers. The slow test changes nbnp in a copy of the repository whose book is
one probe page (so that no chapter runs again) and builds it there, through ``make book`` and
through ``jupyter-book build`` alone.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
pytest.importorskip("jupyter_cache", reason="the book's tools are not installed (pip install -e '.[book]')")
sys.path.insert(0, str(ROOT / "_ext"))
import fresh_outputs  # noqa: E402

SKIP_COPY = shutil.ignore_patterns(".venv", ".git", "_build", "__pycache__", "*.egg-info",
                                   ".ipynb_checkpoints", "book", "tests", "benchmarks")
PROBE = "nbnp/fresh_build_probe.py"


def test_the_fingerprint_follows_every_file_of_the_package_and_nothing_else(tmp_path: Path) -> None:
    package = tmp_path / "nbnp"
    (package / "__pycache__").mkdir(parents=True)
    (package / "fmt.py").write_text("SIG = 12\n", encoding="utf-8")
    first = fresh_outputs.fingerprint([package])
    (package / "__pycache__" / "fmt.cpython-311.pyc").write_text("compiled", encoding="utf-8")
    assert fresh_outputs.fingerprint([package]) == first, "compiled caches do not count"
    (package / "fmt.py").write_text("SIG = 11\n", encoding="utf-8")
    assert fresh_outputs.fingerprint([package]) != first
    (package / "fmt.py").write_text("SIG = 12\n", encoding="utf-8")
    (package / "data.json").write_text("[1]", encoding="utf-8")
    assert fresh_outputs.fingerprint([package]) != first, "a new file counts"


def _probe_book(repo: Path) -> None:
    """The copy's book: a front page and one notebook that prints a value of nbnp's probe module."""
    config = yaml.safe_load((repo / "_config.yml").read_text(encoding="utf-8"))
    del config["sphinx"]["local_extensions"]["pdf_link"]  # the probe's front page has no PDF line
    (repo / "_config.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (repo / "_toc.yml").write_text("format: jb-book\nroot: book/intro\nchapters:\n  - file: book/probe\n",
                                   encoding="utf-8")
    (repo / "book").mkdir()
    (repo / "book" / "intro.md").write_text("# Probe\n", encoding="utf-8")
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                           "language": "python"}})
    code = "from nbnp.fresh_build_probe import VALUE\nprint(f'probe {VALUE}')"
    nb.cells = [nbformat.v4.new_markdown_cell("# The probe"), nbformat.v4.new_code_cell(code)]
    nbformat.write(nb, repo / "book" / "probe.ipynb")


def _build(command: list[str], repo: Path, value: str) -> str:
    (repo / PROBE).write_text(f"VALUE = {value!r}\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(repo)}  # the copy's nbnp, in the kernels too
    result = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    return (repo / "_build" / "html" / "book" / "probe.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_change_to_nbnp_reaches_the_html_through_make_book_and_jupyter_book(tmp_path: Path) -> None:
    repo = Path(shutil.copytree(ROOT, tmp_path / "repo", ignore=SKIP_COPY))
    _probe_book(repo)
    stamp = tmp_path / "venv-installed"  # make must not install the copy into this venv
    stamp.touch()
    venv = Path(sys.executable).parent.parent
    make_book = ["make", "book", f"VENV={venv}", f"STAMP={stamp}", "PYTHON=false"]
    build_step = [str(venv / "bin" / "jupyter-book"), "build", ".", "-W", "-n", "--keep-going"]
    assert "probe first" in _build(make_book, repo, "first")
    page = _build(make_book, repo, "second")
    assert "probe second" in page and "probe first" not in page, "make book showed a stale output"
    page = _build(build_step, repo, "third")
    assert "probe third" in page and "probe second" not in page, "jupyter-book build showed a stale output"
