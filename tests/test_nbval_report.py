"""nbval failures name the notebook and the cell and show each changed line whole
(tools/nbval_report.py, hooked in by the root conftest.py); kernels get a writable Matplotlib
configuration folder and the inline backend (tools/mplconfig.py). tests/test_drift.py runs
both through nbval on a probe notebook."""

from __future__ import annotations

import os
import re
from pathlib import Path

import mplconfig
import nbval_report as report


def stream(text: str, name: str = "stdout") -> dict:
    return {"output_type": "stream", "name": name, "text": text}


SKIP = ("metadata", "output_type", "execution_count", "image/png")


def test_a_long_line_is_never_cut():
    long_line = "x" * 3000 + " 1"
    lines = report.describe_difference([stream(long_line + "\n")], [stream(long_line[:-1] + "2\n")], SKIP)
    assert f"    - {long_line}" in lines and f"    + {long_line[:-1]}2" in lines


def test_an_output_on_one_side_only_is_printed_in_full():
    warning = "Matplotlib created a temporary cache directory at /tmp/x\nbecause /nope is not writable\n"
    lines = report.describe_difference([stream("ok\n")], [stream("ok\n"), stream(warning, "stderr")], SKIP)
    assert lines[0].startswith("stderr: printed by this run, not stored")
    assert lines[1:] == ["    " + line for line in warning.splitlines()]
    lines = report.describe_difference([stream("ok\n"), stream("w\n", "stderr")], [stream("ok\n")], SKIP)
    assert lines[0].startswith("stderr: stored in the notebook, not printed") and lines[1:] == ["    w"]


def test_displayed_data_is_compared_by_mime_type_and_skipped_fields_are_left_out():
    def shown(text: str, png: str) -> dict:
        data = {"text/plain": text, "image/png": png}
        return {"output_type": "execute_result", "data": data, "metadata": {"w": 1}, "execution_count": 3}

    assert report.describe_difference([shown("a", "AAAA")], [shown("a", "BBBB")], SKIP) == []
    lines = report.describe_difference([shown("a", "AAAA")], [shown("b", "AAAA")], SKIP)
    assert lines[0].startswith("text/plain differs") and lines[-2:] == ["    - a", "    + b"]
    images = report.describe_difference([shown("a", "AAAA")], [shown("a", "BBBBBB")], ("metadata",))
    assert images[0].startswith("image/png differs") and "<6 characters" in images[2]  # a size, not bytes


def test_the_sanitizer_applies_to_both_sides():
    def sanitize(value: object) -> object:
        return re.sub(r"0x[0-9a-f]+", "ADDRESS", value) if isinstance(value, str) else value

    assert report.describe_difference([stream("at 0x1f\n")], [stream("at 0x2e\n")], SKIP, sanitize) == []


def test_mplbackend_is_kept_from_the_kernels(monkeypatch):
    monkeypatch.setenv("MPLBACKEND", "Agg")
    mplconfig.use_inline_backend()
    assert "MPLBACKEND" not in os.environ


def test_the_matplotlib_config_folder_is_writable_and_has_a_font_cache():
    folder = Path(os.environ["MPLCONFIGDIR"])
    assert folder.is_dir() and os.access(folder, os.W_OK)
    assert list(folder.glob("fontlist-*.json"))
