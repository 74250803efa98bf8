"""Tests of nbnp/__init__.py: the public names, and an import that stays light."""

from __future__ import annotations

import subprocess
import sys

import pytest

import nbnp


@pytest.mark.parametrize("name", nbnp.__all__)
def test_every_public_name_resolves(name):
    assert getattr(nbnp, name) is not None


def test_the_book_machinery_is_reached_through_nbnp():
    from nbnp.article.fmt import fmt

    assert nbnp.fmt is fmt
    assert nbnp.draw.__name__ == "nbnp.draw"


def test_an_unknown_name_is_an_attribute_error_naming_it():
    with pytest.raises(AttributeError, match="no_such_name"):
        nbnp.no_such_name  # noqa: B018


def test_importing_nbnp_does_not_import_matplotlib():
    # A fresh interpreter: in this one, other tests may have imported matplotlib already.
    probe = "import sys, nbnp; nbnp.train; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
