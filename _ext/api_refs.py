"""Sphinx extension for the API reference: resolve ``nbnp.NAME`` to where NAME is documented.

The reference (book/appendix/api.md) documents every module of nbnp with its
public names, so an object is found as ``nbnp.<module>.NAME``. Docstrings
often refer to the shorter public path ``nbnp.NAME`` (how readers import it);
this handler maps such a reference to the module that defines NAME.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil

from docutils import nodes


@functools.lru_cache(maxsize=1)
def _home_modules() -> dict[str, str]:
    """``{"LinearLayer": "nbnp.layers", ...}`` for every name in a module's ``__all__``."""
    import nbnp

    homes: dict[str, str] = {}
    for info in pkgutil.iter_modules(nbnp.__path__):
        module = importlib.import_module(f"nbnp.{info.name}")
        for name in getattr(module, "__all__", []):
            homes.setdefault(name, module.__name__)
    return homes


def _resolve(app, env, node, contnode) -> nodes.Node | None:
    if node.get("refdomain") != "py":
        return None
    target = node.get("reftarget", "")
    parts = target.split(".")
    if len(parts) < 2 or parts[0] != "nbnp":
        return None
    home = _home_modules().get(parts[1])
    if home is None:
        return None
    new_target = ".".join([home, *parts[1:]])
    domain = env.get_domain("py")
    return domain.resolve_xref(
        env, node.get("refdoc"), app.builder, node.get("reftype"), new_target, node, contnode
    )


def setup(app):
    app.connect("missing-reference", _resolve)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
