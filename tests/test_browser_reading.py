"""Reading the built book: nothing scrolls sideways, on a desktop (1280 px) or a phone (390 px).

Every page of ``_build/html`` is opened in headless Debian Chromium (the fixtures and the
offline page loading of ``tests/test_browser.py``) at two viewport widths:

* 1280 px: the page itself never scrolls sideways, no code or output block (``pre``) is
  wider than its box, and no display equation is wider than the text column;
* 390 px (a phone): the page itself never scrolls sideways. A table or an equation too wide
  for a phone may scroll inside its own box (``_static/book.css``), never the page.

Skips locally when Chromium or the build is missing, fails in CI (as ``tests/test_browser.py``).
"""

from __future__ import annotations

from typing import Any

import pytest
from test_browser import PAGES, browser, site, visit  # noqa: F401 (pytest fixtures)

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

PAGE_OVERFLOW = """() => {
  const root = document.scrollingElement;
  return root.scrollWidth - root.clientWidth;
}"""

WIDE_BLOCKS = """() => [...document.querySelectorAll('.bd-content pre')]
  .filter(e => e.scrollWidth > e.clientWidth + 1)
  .map(e => e.textContent.trim().slice(0, 60))"""

WIDE_EQUATIONS = """() => {
  const column = document.querySelector('.bd-content article') || document.querySelector('.bd-content');
  const right = column.getBoundingClientRect().right;
  return [...document.querySelectorAll('mjx-container[display="true"]')]
    .filter(e => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > right + 1)
    .map(e => (e.getAttribute('aria-label') || e.textContent).slice(0, 60));
}"""


def opened(visit: Any, page: str, viewport: dict[str, int]) -> Any:  # noqa: F811
    tab = visit().open(page)
    tab.set_viewport_size(viewport)
    tab.wait_for_timeout(50)  # one layout pass at the new width
    return tab


@pytest.mark.parametrize("page", PAGES)
def test_nothing_scrolls_sideways_at_1280_px(page: str, visit: Any) -> None:  # noqa: F811
    tab = opened(visit, page, DESKTOP)
    assert tab.evaluate(PAGE_OVERFLOW) <= 1, f"{page}: the page scrolls sideways at 1280 px"
    assert tab.evaluate(WIDE_BLOCKS) == [], f"{page}: code or output blocks scroll sideways"
    assert tab.evaluate(WIDE_EQUATIONS) == [], f"{page}: display equations wider than the column"


@pytest.mark.parametrize("page", PAGES)
def test_nothing_scrolls_the_page_sideways_on_a_phone(page: str, visit: Any) -> None:  # noqa: F811
    tab = opened(visit, page, PHONE)
    assert tab.evaluate(PAGE_OVERFLOW) <= 1, f"{page}: the page scrolls sideways at 390 px"
