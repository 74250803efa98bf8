"""The API reference (book/appendix/api.md) has one ``automodule`` for every module and subpackage of nbnp.

Sphinx autodoc builds the page from them, so it shows exactly each module's ``__all__`` and
docstrings; a module left off the page would leave its names undocumented.
"""

import pkgutil
import re
from pathlib import Path

import nbnp

API_PAGE = Path(__file__).resolve().parent.parent / "book" / "appendix" / "api.md"
_WALK = list(pkgutil.walk_packages(nbnp.__path__, prefix="nbnp."))
#: Every module of nbnp, subpackages' modules included, as "layers", "draw.graph", ...
MODULES = sorted(info.name.removeprefix("nbnp.") for info in _WALK if not info.ispkg)
#: The subpackages: "article", "draw", "exercises", "experiments".
PACKAGES = sorted(info.name.removeprefix("nbnp.") for info in _WALK if info.ispkg)


def test_every_module_is_on_the_page_once_and_every_subpackage_with_its_docstring():
    page = API_PAGE.read_text(encoding="utf-8")
    modules = re.findall(r"^\.\. automodule:: nbnp\.([\w.]+)\n   :members:$", page, re.M)
    packages = re.findall(r"^\.\. automodule:: nbnp\.([\w.]+)\n(?!   :members:)", page, re.M)
    assert sorted(modules) == MODULES
    assert PACKAGES == ["article", "draw", "exercises", "experiments"]
    assert sorted(packages) == PACKAGES
