"""nbnp.article.ledger: the table, its links, and proof that every number of the article is accounted for."""

import re
from pathlib import Path

import pytest

from nbnp import ARTICLE
from nbnp.article import check_all
from nbnp.article import ledger as lg
from nbnp.article.compare import COMPANION

ROOT = Path(__file__).resolve().parents[2]
#: The article's text: CI and the developers have shared/ beside the clone.
ARTICLE_TEXT = ROOT.parent / "shared" / "seed" / "nothing-but-numpy.txt"
#: The companion notebooks' printed outputs, one "=== <notebook path>" block each, beside the clone.
COMPANION_TEXT = ROOT.parent / "companion_printed_outputs.txt"
COMPANION_ENTRIES = [entry for entry in ARTICLE.values() if entry.where.startswith(COMPANION)]


@pytest.fixture(scope="module")
def results():
    return check_all()


def test_ledger_table_has_one_row_per_article_number(results):
    rows = [line for line in lg.ledger_table(results, set()).splitlines() if line.startswith("| ")]
    rows = [row for row in rows if not row.startswith("| What |")]
    assert len(rows) == len(ARTICLE)
    assert all(row.count(" | ") == 4 for row in rows)
    places = list(dict.fromkeys(entry.where for entry in ARTICLE.values()))
    in_order = sorted(ARTICLE.values(), key=lambda entry: places.index(entry.where))  # stable
    for row, entry in zip(rows, in_order):
        assert f"`{entry.text}`" in row and entry.what in row


def test_ledger_rows_link_their_chapter_and_errata_when_present(results):
    present = {entry.chapter for entry in ARTICLE.values()} | {"book/appendix/errata"}
    table = lg.ledger_table(results, present)
    assert "not yet written" not in table and "not yet written" in lg.ledger_table(results, set())
    row = next(line for line in table.splitlines() if "`0.109`" in line)
    assert "differs: " in row and row.endswith("see {doc}`/book/appendix/errata` |")


def test_status_counts_add_up(results):
    counts = lg.status_counts(results)
    assert sum(counts.values()) == len(ARTICLE)
    assert counts["differs"] == sum(entry.erratum is not None for entry in ARTICLE.values())


def _article_numbers(text):
    """Numbers with a decimal point, and integers from 5 up (smaller ones are coordinates,
    subscripts, indices and sizes, the last covered by the shape rows)."""
    body = text.split("This blog would not have been possible")[0]
    found = set(re.findall(r"(?<![\d.])-?\d+(?:\.\d+)?", body))
    return {n for n in found if "." in n or abs(int(n)) >= 5}


@pytest.mark.skipif(not ARTICLE_TEXT.exists(), reason="the article's text is not beside this clone")
def test_every_number_the_article_states_is_a_row_or_explained():
    stated = _article_numbers(ARTICLE_TEXT.read_text(encoding="utf-8"))
    article = [entry for entry in ARTICLE.values() if not entry.where.startswith(COMPANION)]
    rows = {n for entry in article for n in re.findall(r"-?\d+(?:\.\d+)?", entry.text)}
    assert stated - rows - set(lg.NOT_RESULTS) == set()
    # and nothing is listed that the article does not state
    assert {n for n in rows if "." in n} <= stated
    assert set(lg.NOT_RESULTS) <= stated


def test_the_companion_runs_have_ledger_rows(results):
    table = lg.ledger_table(results, set())
    assert len(COMPANION_ENTRIES) >= 8
    for entry in COMPANION_ENTRIES:
        assert results[entry.key].status.startswith("agrees"), entry.key
        assert f"`{entry.text}`" in table
    wheres = {entry.where for entry in COMPANION_ENTRIES}
    assert any("feature_cross" in where for where in wheres) and any("2-5-3-1" in where for where in wheres)


def _companion_blocks(text):
    """Notebook name → its printed block."""
    blocks = re.split(r"^=== (.+)$", text, flags=re.MULTILINE)[1:]
    return {Path(name).stem: body for name, body in zip(blocks[::2], blocks[1::2])}


@pytest.mark.skipif(not COMPANION_TEXT.exists(), reason="the companion's outputs are not beside this clone")
def test_every_companion_value_is_printed_by_its_notebook():
    blocks = _companion_blocks(COMPANION_TEXT.read_text(encoding="utf-8"))
    for entry in COMPANION_ENTRIES:
        notebook = next(name for name in blocks if name in entry.where)
        block = blocks[notebook]
        if "cost at epoch" in entry.what:
            epoch = re.search(r"epoch (\d+)", entry.what).group(1)
            assert f"Cost at epoch#{epoch}: {entry.text}\n" in block, entry.key
        elif "accuracy" in entry.what:
            assert f"accuracy of the model is: {entry.text}%" in block, entry.key
        else:
            printed = re.search(r"predicted outputs:\s*\[\[([^\]]*)\]\]", block).group(1).split()
            ours = [int(v) for v in re.findall(r"\d", entry.text)]
            assert [int(float(v)) for v in printed] == ours, entry.key
