"""Sphinx extension for the API reference: resolve ``nbnp.NAME`` to where NAME is documented.

The reference (book/appendix/api.md) documents every module of nbnp with its
public names, so an object is found as ``nbnp.<module>.NAME`` or
``nbnp.<subpackage>.<module>.NAME``. Docstrings often refer to a shorter path,
the package or subpackage that exports NAME (``nbnp.NAME``,
``nbnp.article.NAME``: how readers import it); this handler maps such a
reference to the module that defines NAME.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil

from docutils import nodes


@functools.lru_cache(maxsize=1)
def _homes() -> tuple[dict[str, str], frozenset[str]]:
    """``{"LinearLayer": "nbnp.layers", ...}`` for every name in a module's ``__all__``, and the packages."""
    import nbnp

    homes: dict[str, str] = {}
    packages = {"nbnp"}
    # The core's modules first: a name the book's machinery defines again (the exercise
    # solutions' LinearLayer) is found where the core defines it.
    infos = sorted(pkgutil.walk_packages(nbnp.__path__, prefix="nbnp."), key=lambda i: i.name.count("."))
    for info in infos:
        if info.ispkg:  # a package re-exports its modules' names; they are documented there
            packages.add(info.name)
            continue
        module = importlib.import_module(info.name)
        for name in getattr(module, "__all__", []):
            homes.setdefault(name, module.__name__)
    return homes, frozenset(packages)


def _resolve(app, env, node, contnode) -> nodes.Node | None:
    if node.get("refdomain") != "py":
        return None
    parts = node.get("reftarget", "").split(".")
    homes, packages = _homes()
    for i in range(1, len(parts)):
        if ".".join(parts[:i]) in packages and parts[i] in homes:
            new_target = ".".join([homes[parts[i]], *parts[i:]])
            domain = env.get_domain("py")
            return domain.resolve_xref(
                env, node.get("refdoc"), app.builder, node.get("reftype"), new_target, node, contnode
            )
    return None


def setup(app):
    app.connect("missing-reference", _resolve)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
