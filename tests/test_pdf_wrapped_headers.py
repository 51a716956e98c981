"""Column headers of PDF tables that wrap inside their cells, printed above an unruled header
row, or spanning two header rows, still label every cell (ingest.loaders.pdf); loading a
chromium PDF does not flood the log with pdfminer's font warnings.

tests/fixtures/pdf_wrapped/wrapped_headers.pdf is printed by chromium from HTML
(make_pdfs.py there); the tests read the committed PDF and never run chromium.  The other
PDFs are written by tests/pdf_tables.py.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from ingest.loaders.pdf import load_pdf
from tests.pdf_tables import _text, paragraph_ops, table_ops, write_pdf

FIXTURES = Path(__file__).parent / "fixtures" / "pdf_wrapped"
WRAPPED = FIXTURES / "wrapped_headers.pdf"
LABELLED = [
    "萼城区｜行政复议案件（件）：412｜行政诉讼案件（件）：236｜法律援助案件（件）：1126",
    "蕊溪县｜行政复议案件（件）：268｜行政诉讼案件（件）：141｜法律援助案件（件）：784",
    "萼山县｜行政复议案件（件）：197｜行政诉讼案件（件）：118｜法律援助案件（件）：652",
]
BODY_ROWS = [["萼城区", "412", "236", "1126"], ["蕊溪县", "268", "141", "784"]]


def _texts(path: Path) -> list[str]:
    return [b.text for b in load_pdf(path)]


def _after(texts: list[str], caption: str, count: int = 3) -> list[str]:
    start = texts.index(caption) + 1
    return texts[start:start + count]


def test_chromium_table_with_wrapped_headers_keeps_them() -> None:
    texts = _texts(WRAPPED)
    assert _after(texts, "表1 各县（区）案件情况") == LABELLED


def test_header_row_printed_above_the_ruled_body_labels_every_cell() -> None:
    """The rules are drawn for the body cells only: the ruled grid starts at the first data
    row.  Before, the header came out as loose lines ("县行政复议案…", "（区）件（件）…") and
    the rows bare ("萼城区｜412｜236｜1126")."""
    texts = _texts(WRAPPED)
    assert _after(texts, "表2 各县（区）案件情况（表头无框线）") == LABELLED
    assert not [t for t in texts if "（件）件" in t or t.startswith("县行政")]


def test_two_row_header_with_cells_spanning_both_rows() -> None:
    """"法律援助案件（件）" spans both header rows: its slot in the second row is covered from
    above, not merged with "行政诉讼" on its left (which it was given before)."""
    assert _after(_texts(WRAPPED), "表3 各县（区）案件情况（两行表头）") == [
        "萼城区｜行政争议案件（件）行政复议：412｜行政争议案件（件）行政诉讼：236｜法律援助案件（件）：1126",
        "蕊溪县｜行政争议案件（件）行政复议：268｜行政争议案件（件）行政诉讼：141｜法律援助案件（件）：784",
        "萼山县｜行政争议案件（件）行政复议：197｜行政争议案件（件）行政诉讼：118｜法律援助案件（件）：652",
    ]


def _unruled_header_page(above: list[str]) -> list[str]:
    intro, _ = paragraph_ops(["全市各县区行政复议、行政诉讼和法律援助案件情况见下表。"], 800)
    table, bottom = table_ops(BODY_ROWS, 700, left=60, col_w=95, row_h=22, size=9)
    outro, _ = paragraph_ops(["法律援助覆盖面持续扩大。"], bottom - 10)
    return intro + above + table + outro


def test_unruled_header_cells_wrapping_over_two_lines(tmp_path: Path) -> None:
    """Header cells written in columns above the ruled body, each wrapped over two lines, a
    short one ("县区") centred between them."""
    above = [
        _text(64, 710, "县区", 9),
        _text(159, 716, "行政复议案件", 9), _text(159, 704, "（件）", 9),
        _text(254, 716, "行政诉讼案件", 9), _text(254, 704, "（件）", 9),
        _text(349, 716, "法律援助案件", 9), _text(349, 704, "（件）", 9),
    ]
    path = write_pdf(tmp_path / "unruled.pdf", [_unruled_header_page(above)])
    assert _texts(path) == [
        "全市各县区行政复议、行政诉讼和法律援助案件情况见下表。",
        "萼城区｜行政复议案件（件）：412｜行政诉讼案件（件）：236｜法律援助案件（件）：1126",
        "蕊溪县｜行政复议案件（件）：268｜行政诉讼案件（件）：141｜法律援助案件（件）：784",
        "法律援助覆盖面持续扩大。",
    ]


@pytest.mark.parametrize("above, kept", [
    # a caption centred over the table runs across the column rules: not a header row
    ([_text(170, 704, "表1 各县区案件数量统计表格", 12)], "表1 各县区案件数量统计表格"),
    # a unit note above the last column is one label, not a header row
    ([_text(380, 704, "单位：件", 9)], "单位：件"),
])
def test_text_above_a_headerless_table_stays_text(tmp_path: Path, above: list[str], kept: str) -> None:
    path = write_pdf(tmp_path / "headerless.pdf", [_unruled_header_page(above)])
    texts = _texts(path)
    assert kept in texts
    assert [t for t in texts if "｜" in t] == ["萼城区｜412｜236｜1126", "蕊溪县｜268｜141｜784"]


@pytest.fixture
def pdfminer_logger() -> Iterator[logging.Logger]:
    """The "pdfminer" logger as a fresh process has it (NOTSET), restored afterwards."""
    logger = logging.getLogger("pdfminer")
    level = logger.level
    logger.setLevel(logging.NOTSET)
    yield logger
    logger.setLevel(level)


def test_loading_a_chromium_pdf_logs_no_pdfminer_warnings(
    pdfminer_logger: logging.Logger, caplog: pytest.LogCaptureFixture
) -> None:
    """pdfminer warns "Could not get FontBBox from font descriptor …" for each font of this
    PDF (chromium's embedded CFF fonts) while pdfplumber looks for tables."""
    with caplog.at_level(logging.DEBUG):
        load_pdf(WRAPPED)
    noisy = [r for r in caplog.records if r.name.startswith("pdfminer") and r.levelno >= logging.WARNING]
    assert noisy == []
    assert pdfminer_logger.level == logging.ERROR


def test_a_pdfminer_level_set_to_critical_is_kept(pdfminer_logger: logging.Logger) -> None:
    pdfminer_logger.setLevel(logging.CRITICAL)
    load_pdf(WRAPPED)
    assert pdfminer_logger.level == logging.CRITICAL
