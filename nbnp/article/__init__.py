"""The article's values, our reproduction of each, and the ledger that sets them side by side.

* :mod:`nbnp.article.registry`: :class:`nbnp.article.ArticleValue` and the
  registry (:data:`nbnp.ARTICLE`, :data:`nbnp.article.REPRODUCERS`) that
  :func:`nbnp.article.article_value` fills;
* :mod:`nbnp.article.values`: every number the article states, each declared
  above the function that recomputes ours;
* :mod:`nbnp.article.runs`: the article's worked runs those functions read;
* :mod:`nbnp.article.compare`: :func:`nbnp.compare`, :func:`nbnp.show`,
  :func:`nbnp.article.check_all`, and :func:`nbnp.article_says`, the article's
  value found by its description;
* :mod:`nbnp.article.ledger`: the numbers ledger as Markdown tables;
* :mod:`nbnp.article.toc`: the project's one reader of ``_toc.yml``.
"""

from nbnp.article import values as _values  # noqa: F401  (declares every value: fills the registry)
from nbnp.article.compare import ArticleMismatch, Comparison, check_all, compare, show
from nbnp.article.registry import ARTICLE, REPRODUCERS, ArticleValue, article_says, article_value, reproduce

__all__ = [
    "ARTICLE",
    "REPRODUCERS",
    "ArticleMismatch",
    "ArticleValue",
    "Comparison",
    "article_says",
    "article_value",
    "check_all",
    "compare",
    "reproduce",
    "show",
]
