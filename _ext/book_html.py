"""Small Sphinx fixes for the book's HTML (loaded through ``_config.yml``'s ``local_extensions``).

1. **No duplicated inline scripts.** Sphinx keeps the extensions' inline ``<script>`` bodies
   twice when they are registered after the builder started (``filename`` is ``None`` in one
   copy and ``""`` in the other, so its de-duplication misses them). sphinx-thebe's
   ``const THEBE_JS_URL = ...`` then appears twice on every page of a stock Jupyter Book 1.0.4
   and the second declaration throws ``SyntaxError: Identifier 'THEBE_JS_URL' has already been
   declared``. We drop the second copy of every identical script just before each page renders.

2. **Reader buttons follow ``repository.url``.** Launch buttons (Binder, Colab, JupyterHub) and
   the repository/issues buttons need the repository's address. When ``repository.url`` in
   ``_config.yml`` is empty, sphinx-book-theme would fail on them, so we switch them off; once a
   URL is set, they all appear (see ``book/running.md``).
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

REPOSITORY_BUTTONS = ("use_repository_button", "use_issues_button")


def drop_duplicate_scripts(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Keep only the first of several identical ``<script>`` entries of a page."""
    seen: set[tuple[str, tuple[tuple[str, str], ...]]] = set()
    unique = []
    for script in context.get("script_files", []):
        key = (str(script.filename or ""), tuple(sorted(script.attributes.items())))
        if key not in seen:
            seen.add(key)
            unique.append(script)
    context["script_files"] = unique


def reader_buttons(app: Sphinx, config: Config) -> None:
    """Show launch and repository buttons exactly when the repository's URL is known."""
    options = config.html_theme_options
    if options.get("repository_url"):
        for button in REPOSITORY_BUTTONS:
            options[button] = True
    else:
        options.pop("launch_buttons", None)
        for button in (*REPOSITORY_BUTTONS, "use_edit_page_button", "use_source_button"):
            options[button] = False


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("config-inited", reader_buttons, priority=100)
    app.connect("html-page-context", drop_duplicate_scripts, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
