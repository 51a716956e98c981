"""Three-line tables (三线表: a rule above the header row, one under it, one under the last
row, no vertical rules) load like ruled tables: one paragraph per row, each cell with its
column label (ingest.loaders.pdf, three-line tables).  Paragraphs between rules stay text.

tests/fixtures/pdf_three_line/*.pdf are printed by chromium from HTML (make_pdfs.py there);
the tests read the committed PDFs and never run chromium.  The other PDFs are written by
tests/pdf_tables.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.loaders.pdf import load_pdf
from tests.pdf_tables import _text, paragraph_ops, write_pdf

FIXTURES = Path(__file__).parent / "fixtures" / "pdf_three_line"
TABLES = FIXTURES / "three_line_tables.pdf"
PROSE = FIXTURES / "prose_rules.pdf"


def _texts(path: Path) -> list[str]:
    return [b.text for b in load_pdf(path)]


def test_chromium_three_line_tables_label_every_cell() -> None:
    """Before, the header came out as loose lines ("县行政复议案行政诉讼案法律援助案",
    "（区）件（件）件（件）件（件）") and the rows bare ("萼城区 412 236 1208")."""
    assert _texts(TABLES) == [
        "2025年，全市依法有效化解社会矛盾纠纷，各县（区）行政复议、行政诉讼和法律援助案件情况如下。",
        "表1 各县（区）案件情况",
        "萼城区｜行政复议案件（件）：412｜行政诉讼案件（件）：236｜法律援助案件（件）：1208",
        "蕊溪县｜行政复议案件（件）：268｜行政诉讼案件（件）：141｜法律援助案件（件）：784",
        "萼山县｜行政复议案件（件）：197｜行政诉讼案件（件）：118｜法律援助案件（件）：652",
        "行政复议主渠道作用进一步发挥，行政诉讼案件数量与上年基本持平。",
        "表2 法治政府建设主要指标",
        "行政复议纠错率（%）｜2024年：12.8｜2025年：17.1｜同比：+4.3",
        "行政机关负责人出庭应诉率（%）｜2024年：86.3｜2025年：100｜同比：+13.7",
        "行政诉讼一审收案数（件）｜2024年：74｜2025年：61｜同比：-13",
        "法律顾问覆盖率（%）｜2024年：100｜2025年：100｜同比：持平",
        "法律顾问实现全覆盖，行政机关负责人出庭应诉率持续提高。",
    ]


def test_chromium_prose_with_an_underlined_heading_and_a_rule_stays_text() -> None:
    assert _texts(PROSE) == [
        "一、主要举措和成效",
        "2025年，全市坚持以习近平法治思想为指导，统筹推进依法行政各项工作，法治政府建设取得新进展。"
        "全年市政府常务会议专题学法6次，组织全市行政执法人员参加培训1200人次。",
        "深化“放管服”改革，全面承接上级下放的行政许可事项23项，取消各类证明事项14项，"
        "“一件事一次办”集成服务事项拓展至36个，全年累计办件2.13万件。",
        "全市行政复议案件412件，行政诉讼案件236件，法律援助案件1208件，行政机关负责人出庭应诉率100%。",
    ]


LEFT, RIGHT = 60, 460
HEADER = ["指标", "2024年", "2025年", "同比"]
ROWS = [
    ["行政复议案件（件）", "86", "112", "+26"],
    ["行政复议纠错率（%）", "12.8", "17.1", "+4.3"],
    ["负责人出庭应诉率（%）", "86.3", "100", "+13.7"],
]
COLUMNS = [64, 250, 320, 390]


def _rule(y: float, width: float = 1.0, left: float = LEFT, right: float = RIGHT) -> str:
    return f"{width} w {left} {y} m {right} {y} l S"


def _row(y: float, cells: list[str], size: float = 10) -> list[str]:
    return [_text(x, y, cell, size) for x, cell in zip(COLUMNS, cells, strict=True) if cell]


def _table_page(rows: list[list[str]], header: list[list[str]] | None = None) -> list[str]:
    """Intro paragraph, a three-line table drawn with path operators, a closing paragraph."""
    header = header if header is not None else [HEADER]
    intro, _ = paragraph_ops(["全市法治政府建设主要指标完成情况见下表。"], 800)
    ops = [*intro, _rule(760, 1.5)]
    y = 760 - 16
    for line in header:
        ops += _row(y, line)
        y -= 14
    ops.append(_rule(y + 8, 0.75))
    y -= 10
    for row in rows:
        ops += _row(y, row)
        y -= 20
    ops.append(_rule(y + 12, 1.5))
    outro, _ = paragraph_ops(["各项指标均完成年度目标。"], y)
    return ops + outro


def test_three_line_table_with_year_columns(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "years.pdf", [_table_page(ROWS)])
    assert _texts(path) == [
        "全市法治政府建设主要指标完成情况见下表。",
        "行政复议案件（件）｜2024年：86｜2025年：112｜同比：+26",
        "行政复议纠错率（%）｜2024年：12.8｜2025年：17.1｜同比：+4.3",
        "负责人出庭应诉率（%）｜2024年：86.3｜2025年：100｜同比：+13.7",
        "各项指标均完成年度目标。",
    ]


def test_header_wrapping_over_two_lines_is_joined_per_column(tmp_path: Path) -> None:
    header = [["县（区）", "行政复议", "行政诉讼", "法律援助"], ["", "案件（件）", "案件（件）", "案件（件）"]]
    rows = [["萼城区", "412", "236", "1208"], ["蕊溪县", "268", "141", "784"]]
    path = write_pdf(tmp_path / "wrapped.pdf", [_table_page(rows, header)])
    assert _texts(path)[1:3] == [
        "萼城区｜行政复议案件（件）：412｜行政诉讼案件（件）：236｜法律援助案件（件）：1208",
        "蕊溪县｜行政复议案件（件）：268｜行政诉讼案件（件）：141｜法律援助案件（件）：784",
    ]


def test_a_body_row_with_one_cell_leaves_the_table_as_text(tmp_path: Path) -> None:
    """Conservative: a body line with text in a single column (a wrapped cell, a section row)
    is not understood, so the lines are read as before."""
    ops = _table_page([*ROWS[:2], ["（不含调解结案）", "", "", ""], ROWS[2]])
    texts = _texts(write_pdf(tmp_path / "odd.pdf", [ops]))
    unruled = [op for op in ops if not op.endswith(" l S")]
    assert texts == _texts(write_pdf(tmp_path / "unruled.pdf", [unruled]))
    assert not [t for t in texts if "｜" in t]


PROSE_LINES = [
    "2025年，全市坚持以习近平法治思想为指导，统筹推进依法行政各项工作，法治政",
    "府建设取得新进展。全年市政府常务会议专题学法6次，组织全市行政执法人员参加",
    "培训1200人次。",
]
MORE_LINES = [
    "全市行政复议案件 412 件，行政诉讼案件 236 件，法律援助案件 1208 件，行政机",
    "关负责人出庭应诉率 100%。法治督察发现问题 35 个，已全部整改到位。",
]


def _prose_page(rules: bool) -> list[str]:
    """A heading underlined by a rule, a paragraph, a rule across the text, another paragraph,
    a closing rule — three rules of the same width with text between them."""
    ops = [_text(LEFT, 790, "一、主要举措和成效", 14)]
    body, y = paragraph_ops(PROSE_LINES, 780)
    more, end = paragraph_ops(MORE_LINES, y - 10)
    ops += body + more
    if rules:
        ops += [_rule(784, 0.75), _rule(y - 2, 0.75), _rule(end + 12, 0.75)]
    return ops


@pytest.mark.parametrize("count", [1, 2, 3])
def test_prose_between_rules_loads_as_without_them(tmp_path: Path, count: int) -> None:
    plain = _texts(write_pdf(tmp_path / "plain.pdf", [_prose_page(False)]))
    ruled_ops = _prose_page(True)
    ruled_ops = ruled_ops[: len(ruled_ops) - 3 + count]
    ruled = _texts(write_pdf(tmp_path / "ruled.pdf", [ruled_ops]))
    assert ruled == plain
    assert not [t for t in ruled if "｜" in t]


def test_a_single_rule_under_a_heading_stays_text(tmp_path: Path) -> None:
    ops = [_text(LEFT, 790, "表1 各县区案件情况", 12), _rule(784, 0.75)]
    lines = [["萼城区", "412", "236", "1208"], ["蕊溪县", "268", "141", "784"]]
    for n, row in enumerate(lines):
        ops += _row(760 - 20 * n, row)
    texts = _texts(write_pdf(tmp_path / "one_rule.pdf", [ops]))
    assert not [t for t in texts if "｜" in t]


def test_chromium_three_line_table_with_labels_wider_than_their_figures() -> None:
    """Every header label on one line and wider than the figures under it: the middle of the
    figures' gap fell inside "行政复议受理（件）", the header did not fit the columns and the table
    came out as one run of text ("设区市行政复议受理（件）…萼州市 6215 3180 …")."""
    texts = _texts(FIXTURES / "wide_header.pdf")
    assert texts[2] == ("萼州市｜行政复议受理（件）：6215｜行政诉讼一审（件）：3180｜法律援助案件（件）：17640｜"
                        "人民调解案件（件）：118200｜负责人出庭应诉率（%）：99.3")
    assert texts[5].startswith("合计｜行政复议受理（件）：15215｜")
    assert len(texts) == 7
