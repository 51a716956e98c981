"""Indicator charts: the values of an indicator over report years (bot.series), drawn and
tabled for the chat and its exports (ui.charts), over the 明湖区 2022 and 2023 samples
ingested with the cheap deterministic embedder."""

from __future__ import annotations

import re

import pytest

from bot.answer import Answer, Citation
from bot.series import Series, indicator_series, wants_series
from tests.conftest import SAMPLES, build_store


@pytest.fixture(scope="module")
def minghu(tmp_path_factory):
    """(service, chunks) of the 明湖区 2022 and 2023 reports (hash embedder)."""
    _, service = build_store(tmp_path_factory.mktemp("charts") / "store",
                             [SAMPLES / "明湖区_2022.txt", SAMPLES / "明湖区_2023.txt"],
                             embedding_model="hash")
    return service, service.store.snapshot().chunks


def _tokenize():
    from vectorstore.tokenizer import shared_tokenizer

    return shared_tokenizer()


def _series(minghu, question: str) -> tuple[Answer, Series | None]:
    service, chunks = minghu
    answer = service.ask(question, [], None)
    return answer, indicator_series(chunks, answer, question, _tokenize())


def test_law_firms_brought_in_over_two_years(minghu):
    answer, series = _series(minghu, "明湖区2022年和2023年引进律师事务所分别多少家")
    assert answer.found
    assert series is not None and series.indicator == "引进律师事务所" and series.unit == "家"
    # one value a year: not the 2022 plan "力争…6家以上", not the 2023 total of 39 firms
    assert [(p.year, p.value, p.display) for p in series.points] == [
        (2022, 5.0, "5家"), (2023, 8.0, "8家")]
    first, second = series.points
    assert first.region == second.region == "鹭洲市明湖区"
    assert "全年引进律师事务所5家" in first.citation.quote
    assert first.citation.title.startswith("鹭洲市明湖区2022年") and first.citation.year == 2022
    assert first.citation.section.endswith("3.集聚高端法律服务资源")
    assert "全年引进律师事务所8家" in second.citation.quote
    assert second.citation.section.endswith("3.持续引进法律服务机构")


def test_administrative_review_accepted_with_different_topics(minghu):
    _, series = _series(minghu, "明湖区历年行政复议受理多少件")
    assert series is not None and series.unit == "件"
    # 2022: "收到行政复议申请241件，受理204件"; 2023: "行政复议案件：收到申请263件，受理236件"
    # (not 186件 "受理并协调解决群众企业办事难题", not 审结)
    assert [(p.year, p.value) for p in series.points] == [(2022, 204.0), (2023, 236.0)]
    assert "受理204件" in series.points[0].citation.quote
    assert "受理236件" in series.points[1].citation.quote


def test_no_series_without_a_cited_figure_or_a_second_year(minghu):
    _, chunks = minghu
    assert indicator_series(chunks, Answer("没有找到。", found=False), "2030年有多少律师") is None
    lonely = Citation(1, "x.txt", "某报告", "鹭洲市明湖区", 2023, "一、", None,
                      "组织旁听庭审3次。", "组织全区领导干部旁听庭审3次。")
    # 旁听庭审 is in the 2023 report only: one point is no chart
    answer = Answer("3次。", found=True, citations=[lonely])
    assert indicator_series(chunks, answer, "旁听庭审几次", _tokenize()) is None


def test_which_questions_ask_for_a_series():
    assert wants_series("明湖区历年行政复议受理多少件")
    assert wants_series("律师事务所数量有什么变化")
    assert wants_series("2022年和2023年引进律师事务所多少家")
    assert not wants_series("2023年引进律师事务所多少家")


def test_series_round_trips_through_a_turn(minghu):
    _, series = _series(minghu, "明湖区2022年和2023年引进律师事务所分别多少家")
    assert Series.from_dict(series.to_dict()) == series
    assert Series.from_dict({"points": "x"}) is None


def test_chart_png_table_and_alt_text(minghu):
    from ui.charts import CHART_BASE, chart_figure, chart_html, render_png

    _, series = _series(minghu, "明湖区2022年和2023年引进律师事务所分别多少家")
    png = render_png(series)
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 5000
    fig = chart_figure(series)
    (line,) = fig.axes[0].lines
    assert list(line.get_xdata()) == [2022, 2023] and list(line.get_ydata()) == [5.0, 8.0]
    html = chart_html(series, open_=True)
    assert "<details class=\"fz-chart\" open>" in html and "查看历年数据" in html
    alt = re.search(r'alt="([^"]*)"', html).group(1)
    assert alt == "引进律师事务所历年数值折线图：鹭洲市明湖区2022年5家；鹭洲市明湖区2023年8家"
    assert html.count("<tr>") == 3 and html.count('<th scope="col">') == 4
    assert f"fz-cite-{CHART_BASE + 1}" in html and f"fz-cite-{CHART_BASE + 2}" in html
    assert "查看原文：出台《明湖区支持法律服务业发展十条措施》" in html  # the quote as the title
    assert "<details class=\"fz-chart\">" in chart_html(series, open_=False)


def test_bar_chart_for_regions_in_one_year():
    from ui.charts import chart_figure, kind

    def point(region: str, value: float):
        from bot.series import SeriesPoint

        c = Citation(0, "a.txt", f"{region}2023年报告", region, 2023, "一、", 2, "t", "q")
        return SeriesPoint(region, 2023, value, f"{value:g}家", "引进律师事务所", c)

    series = Series("引进律师事务所", "家", (point("鹭洲市明湖区", 8), point("杭州市余杭区", 9)))
    assert kind(series) == "bar"
    bars = chart_figure(series).axes[0].patches
    assert [b.get_height() for b in bars] == [8, 9]


def test_chat_turn_shows_the_chart_and_its_rows_open_their_source(minghu, tmp_path):
    from ui.chat import Chat, cited
    from ui.feedback import FeedbackLog

    service, _ = minghu
    chat = Chat(service, FeedbackLog(tmp_path / "feedback.jsonl"))
    question = "明湖区2022年和2023年引进律师事务所分别多少家"
    turn = chat.turn(question, service.ask(question, [], None))
    assert "fz-chart-img" in turn["html"] and "<details class=\"fz-chart\" open>" in turn["html"]
    row = cited([turn], "0:101:123")
    assert row["year"] == 2022 and "引进律师事务所5家" in row["quote"] and row["n"] is None
    assert cited([turn], "0:103") is None
    # a question about one year: the chart is there, folded behind 查看历年数据
    one = "2023年引进律师事务所多少家"
    folded = chat.turn(one, service.ask(one, [], None))
    assert "<details class=\"fz-chart\">" in folded["html"]


def test_chat_export_has_the_table_and_the_chart(minghu, tmp_path):
    from docx import Document

    from ui.chat import Chat
    from ui.conversations import chat_markdown, write_chat_docx
    from ui.feedback import FeedbackLog

    service, _ = minghu
    question = "明湖区历年行政复议受理多少件"
    turn = Chat(service, FeedbackLog(tmp_path / "feedback.jsonl")).turn(question, service.ask(question, [], None))
    md = chat_markdown([turn])
    assert "| 地区 | 年份 | 数值 | 出处 |" in md
    assert re.search(r"\| 鹭洲市明湖区 \| 2022年 \| 204件 \| 鹭洲市明湖区2022年.*\|", md)
    assert "| 鹭洲市明湖区 | 2023年 | 236件 |" in md
    doc = Document(str(write_chat_docx([turn], tmp_path / "对话.docx")))
    (table,) = doc.tables
    assert [c.text for c in table.rows[2].cells][:3] == ["鹭洲市明湖区", "2023年", "236件"]
    assert len(doc.inline_shapes) == 1  # the chart as a picture


def _record(doc: str, year: int, text: str, section: str = "一、主要数据"):
    from facts import chunk_facts, facts_to_json
    from vectorstore.records import ChunkRecord

    return ChunkRecord(id=f"{doc}-1", text=text, section=(section,), page=2, doc_id=doc,
                       source=f"{doc}.txt", title=f"鹭洲市明湖区{year}年法治政府建设年度报告",
                       region="鹭洲市明湖区", year=year,
                       facts_json=facts_to_json(chunk_facts(text, section), text))


def test_a_year_column_counts_for_its_year_and_the_years_own_report_is_preferred():
    row = "收到行政复议申请（件）｜2021年：198｜2022年：241｜2023年：263"
    table = _record("r2023", 2023, row)
    sentence = "全年共收到行政复议申请241件，受理204件。"
    report_2022 = _record("r2022", 2022, sentence, "（四）提升行政复议质效")
    quote = Citation.from_chunk(1, table, row)
    answer = Answer("263件。\n明湖区2023年：" + row + "[1]", found=True, citations=[quote])
    series = indicator_series([table, report_2022], answer, "明湖区历年收到行政复议申请多少件")
    assert series is not None and series.unit == "件"
    assert [(p.year, p.value) for p in series.points] == [(2021, 198), (2022, 241), (2023, 263)]
    assert [p.citation.title[6:11] for p in series.points] == ["2023年", "2022年", "2023年"]
    assert series.points[1].citation.quote == sentence  # 2022 from the 2022 report itself
    assert series.points[0].citation.quote == row and series.points[0].citation.page == 2
