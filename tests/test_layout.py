"""The package's layout: a NumPy-only core, and the book's machinery in subpackages loaded on use.

* every public name of ``nbnp`` resolves, the machinery's on first use (``nbnp.__getattr__``);
* ``import nbnp`` and ``import nbnp.layers`` import neither matplotlib nor the
  machinery nor the exercise checker (checked in a fresh interpreter);
* only ``nbnp.draw`` imports matplotlib, and no core module imports a subpackage.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import nbnp

PACKAGE = Path(nbnp.__file__).resolve().parent
SUBPACKAGES = ("article", "draw", "experiments")
MODULES = sorted(PACKAGE.rglob("*.py"))
CORE = sorted(p for p in PACKAGE.glob("*.py") if p.name != "__init__.py")


def _imported(path: Path) -> set[str]:
    """Every module a file imports, absolute and dotted (``matplotlib.pyplot``, ``nbnp.fmt``)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _loaded_after(statement: str) -> dict[str, bool]:
    """Which of matplotlib and nbnp's subpackages a fresh interpreter has loaded after ``statement``."""
    probe = (
        f"{statement}\nimport json, sys\n"
        "print(json.dumps({name: name in sys.modules for name in "
        "['matplotlib', 'nbnp.article', 'nbnp.draw', 'nbnp.experiments', 'nbnp.exercises']}))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


NOTHING = dict.fromkeys(["matplotlib", "nbnp.article", "nbnp.draw", "nbnp.experiments", "nbnp.exercises"],
                        False)


@pytest.mark.parametrize("name", nbnp.__all__)
def test_every_public_name_resolves(name):
    assert getattr(nbnp, name) is not None


def test_a_subpackage_is_an_attribute_and_an_unknown_name_an_attribute_error_naming_it():
    assert nbnp.draw.__name__ == "nbnp.draw"
    with pytest.raises(AttributeError, match="no_such_name"):
        nbnp.no_such_name  # noqa: B018


@pytest.mark.parametrize(
    "statement", ["import nbnp.layers", "import nbnp", "from nbnp import train, xor_gate"]
)
def test_importing_the_core_loads_neither_matplotlib_nor_the_machinery(statement):
    assert _loaded_after(statement) == NOTHING


def test_the_machinery_loads_on_first_use_and_only_drawing_brings_matplotlib():
    assert _loaded_after("import nbnp; nbnp.show") == {**NOTHING, "nbnp.article": True}
    assert _loaded_after("import nbnp; nbnp.descent_path") == {**NOTHING, "nbnp.experiments": True}
    assert _loaded_after("import nbnp; nbnp.check_exercise") == {**NOTHING, "nbnp.exercises": True}
    # drawing prints numbers by the book's policy, nbnp.article.fmt
    drawn = {**NOTHING, "matplotlib": True, "nbnp.draw": True, "nbnp.article": True}
    assert _loaded_after("import nbnp; nbnp.plot_data") == drawn


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_only_the_draw_subpackage_imports_matplotlib(path):
    uses = any(name.split(".")[0] == "matplotlib" for name in _imported(path))
    assert not uses or path.parent.name == "draw", path


@pytest.mark.skipif(not hasattr(sys, "stdlib_module_names"), reason="needs Python 3.10's list of the stdlib")
@pytest.mark.parametrize("path", CORE, ids=lambda p: p.name)
def test_the_core_imports_numpy_and_itself_only(path):
    for name in _imported(path):
        top = name.split(".")[0]
        assert top in {"numpy", "nbnp", "__future__"} or top in sys.stdlib_module_names, (path.name, name)
        assert not any(name.startswith(f"nbnp.{sub}") for sub in SUBPACKAGES), (path.name, name)
