"""The HTML book never shows outputs that nbnp no longer computes (``_ext/fresh_outputs.py``):
Jupyter Book's cache matches a notebook by its code only, so after a change to nbnp alone
``make book`` used to publish the old numbers. The slow test changes nbnp in a probe copy.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

pytest.importorskip("jupyter_cache", reason="the book's tools are not installed (pip install -e '.[book]')")
import fresh_outputs  # noqa: E402

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


def _build(command: list[str], repo: Path, value: str) -> str:
    """The probe's page after nbnp's probe module was given ``value`` and ``command`` built the book."""
    (repo / PROBE).write_text(f"VALUE = {value!r}\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(repo)}  # the copy's nbnp, in the kernels too
    result = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    return (repo / "_build" / "html" / "book" / "probe.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_change_to_nbnp_reaches_the_html_through_make_book_and_jupyter_book(tmp_path: Path, probe_book):
    code = "from nbnp.fresh_build_probe import VALUE\nprint(f'probe {VALUE}')"
    repo = probe_book([nbformat.v4.new_markdown_cell("# The probe"), nbformat.v4.new_code_cell(code)])
    stamp = tmp_path / "installed"  # make installs nothing: not the copy into this venv, nor npm's packages
    stamp.touch()
    venv = Path(sys.executable).parent.parent
    make_book = ["make", "book", f"VENV={venv}", f"STAMP={stamp}", f"NODE_STAMP={stamp}", "PYTHON=false"]
    jupyter_book = [str(venv / "bin" / "jupyter-book"), "build", ".", "-W", "-n", "--keep-going"]
    assert "probe first" in _build(jupyter_book, repo, "first")  # a build, its execution cached
    page = _build(make_book, repo, "second")
    assert "probe second" in page and "probe first" not in page, "make book showed a stale output"
    page = _build(jupyter_book, repo, "third")
    assert "probe third" in page and "probe second" not in page, "jupyter-book build showed a stale output"
