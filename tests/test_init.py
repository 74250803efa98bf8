"""Tests of nbnp/__init__.py: every public name as ``nbnp.<name>``, the machinery's loaded on first use.

``nbnp.__getattr__`` runs once per lazy name (it then stores the name in the
module), so these tests call it directly, as Python does on a missing attribute.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import pytest

import nbnp

SUBPACKAGES = ("article", "draw", "experiments")


def test_every_public_name_works_as_nbnp_name():
    for name in nbnp.__all__:
        assert getattr(nbnp, name) is not None, name


@pytest.mark.parametrize("name", sorted(nbnp._LAZY))
def test_a_lazy_name_is_its_subpackages_object_and_is_kept_after_first_use(name):
    module = nbnp._LAZY[name]
    assert name in importlib.import_module(module).__all__
    value = nbnp.__getattr__(name)
    assert value is getattr(importlib.import_module(module), name)
    assert vars(nbnp)[name] is value
    assert name in nbnp.__all__


@pytest.mark.parametrize("sub", SUBPACKAGES)
def test_a_subpackage_is_an_attribute(sub):
    assert nbnp.__getattr__(sub) is importlib.import_module(f"nbnp.{sub}")
    assert vars(nbnp)[sub] is importlib.import_module(f"nbnp.{sub}")


def test_an_unknown_name_is_an_attribute_error_saying_so():
    with pytest.raises(AttributeError, match=r"^module 'nbnp' has no attribute 'no_such_name'$"):
        nbnp.__getattr__("no_such_name")
    with pytest.raises(AttributeError, match=r"^module 'nbnp' has no attribute 'no_such_name'$"):
        nbnp.no_such_name  # noqa: B018
    assert "no_such_name" not in vars(nbnp)


def test_dir_lists_the_modules_names_the_public_ones_and_the_subpackages():
    assert nbnp.__dir__() == sorted(set(vars(nbnp)) | set(nbnp.__all__) | set(SUBPACKAGES))


def test_dir_lists_the_public_names_and_subpackages_before_any_is_loaded():
    # A fresh interpreter: here the machinery is already loaded, so dir() would list it anyway.
    probe = "import json, nbnp; print(json.dumps(dir(nbnp)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    listed = json.loads(out.stdout)
    assert listed == sorted(listed)
    assert set(nbnp.__all__) | set(SUBPACKAGES) | {"__getattr__", "_LAZY"} <= set(listed)
    assert "matplotlib" not in listed and "draw_graph" in listed
