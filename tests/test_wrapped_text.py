"""Plain text copied out of a PDF: lines hard-wrapped at the page's width are paragraphs again
(ingest/loaders/wrapped.py), so a sentence's figure and the phrase it measures meet."""

from pathlib import Path

import pytest

from facts.chunk import chunk_facts
from ingest.loaders.text import parse_text_bytes
from ingest.loaders.wrapped import display_width, unwrap, wrap_width

PARAGRAPHS = [
    "2025年，全县各级行政机关认真贯彻落实《法治政府建设实施纲要（2021—2025年）》，全年共收到行政复议申请"
    "87件，同比增长１２.３%，受理79件，审结75件，其中直接纠错8件，纠错率10.7%。",
    "全县法律援助机构全年办理法律援助案件964件，其中刑事法律援助案件312件、民事法律援助案件652件，为受援"
    "群众挽回经济损失1378万元，法律援助咨询满意率达到百分之九十八点六。",
    "深化“放管服”改革，县政务服务中心全年办件38.7万件，“一网通办”率由91.3%提高到98.7%，"
    "新增“跨省通办”事项42项，群众满意率99.3%。",
    "全县共有人民调解委员会286个，人民调解员1432名，全年排查化解矛盾纠纷5276件，调解成功率98.2%，"
    "其中村（社区）调委会调解纠纷4108件。",
]
HEADINGS = ["滦平县人民政府关于2025年法治政府建设情况的报告", "一、主要工作和成效", "二、存在的问题和不足"]


def _wrap(text: str, width: int) -> list[str]:
    return [text[i:i + width] for i in range(0, len(text), width)]


def _wrap_columns(text: str, columns: int) -> list[str]:
    """As a PDF viewer copies: full lines of the same display width, digits taking one column."""
    lines, line = [], ""
    for ch in text:
        if display_width(line + ch) > columns:
            lines.append(line)
            line = ""
        line += ch
    return [*lines, line] if line else lines


def _wrapped_report(wrap=_wrap, width: int = 30) -> list[str]:
    return [HEADINGS[0], HEADINGS[1], *wrap(PARAGRAPHS[0], width), *wrap(PARAGRAPHS[1], width), "— 2 —",
            *wrap(PARAGRAPHS[2], width), HEADINGS[2], *wrap(PARAGRAPHS[3], width)]


def _texts(lines: list[str]) -> list[str]:
    return [b.text for b in parse_text_bytes("\n".join(lines).encode("utf-8"), "report.txt")]


def test_lines_wrapped_at_a_character_count_are_paragraphs_again():
    assert wrap_width(_wrapped_report()) == (30, False)
    assert _texts(_wrapped_report()) == [HEADINGS[0], HEADINGS[1], *PARAGRAPHS[:3], HEADINGS[2], PARAGRAPHS[3]]


def test_lines_wrapped_at_a_display_width_are_paragraphs_again():
    lines = _wrapped_report(_wrap_columns, 56)
    assert len({len(ln) for ln in lines}) > 3  # digits are narrow: full lines hold more characters
    width, columns = wrap_width(lines)
    assert columns and 52 <= width <= 56
    assert _texts(lines) == [HEADINGS[0], HEADINGS[1], *PARAGRAPHS[:3], HEADINGS[2], PARAGRAPHS[3]]


def test_page_numbers_and_blank_lines_inside_a_paragraph_are_dropped():
    first = _wrap(PARAGRAPHS[0], 30)
    lines = [HEADINGS[1], *first[:2], "", "- 3 -", "", *first[2:], *_wrap(PARAGRAPHS[1], 30),
             "第4页", *_wrap(PARAGRAPHS[2], 30), "", *_wrap(PARAGRAPHS[3], 30)]
    assert _texts(lines) == [HEADINGS[1], *PARAGRAPHS]


def test_a_figure_split_by_the_wrap_is_bound_to_its_phrase():
    split = PARAGRAPHS[0].index("申请") + 2  # "…行政复议申请" | "87件…"
    head, rest = PARAGRAPHS[0][:split], PARAGRAPHS[0][split:]
    assert len(head) > 30
    lines = [HEADINGS[1], *_wrap(head, len(head) // 2 + 1), *_wrap(rest, len(head) // 2 + 1),
             *_wrap(PARAGRAPHS[1], len(head) // 2 + 1), *_wrap(PARAGRAPHS[3], len(head) // 2 + 1)]
    text = _texts(lines)[1]
    assert text == PARAGRAPHS[0]
    facts = {f.display: f.indicator for f in chunk_facts(text)}
    assert "行政复议申请" in facts["87件"]


def test_one_paragraph_a_line_is_left_alone():
    lines = [HEADINGS[0], HEADINGS[1], *PARAGRAPHS, HEADINGS[2], *PARAGRAPHS]
    assert wrap_width(lines) is None
    assert unwrap(lines) == lines
    # paragraphs of about the same length that end their sentences are no wrapping either
    same = [p[:60] + "。" for p in PARAGRAPHS * 3]
    assert wrap_width(same) is None


def test_a_list_of_short_items_and_a_tab_table_are_no_wrapping():
    items = [f"{i}.落实行政执法“三项制度”" for i in range(1, 9)]
    assert wrap_width(items) is None
    table = ["指标\t2024年\t2025年", "行政复议申请（件）\t72\t87", "法律援助案件（件）\t901\t964"]
    lines = [*_wrapped_report(), *table]
    texts = _texts(lines)
    assert texts[-2:] == ["行政复议申请（件）｜2024年：72｜2025年：87", "法律援助案件（件）｜2024年：901｜2025年：964"]


@pytest.mark.parametrize("name", ["杭州市余杭区2021年法治政府建设年度报告.txt"])
def test_the_bundled_report_is_not_wrapped(name):
    lines = (Path(__file__).parents[1] / "data" / name).read_text(encoding="utf-8").splitlines()
    assert wrap_width(lines) is None
