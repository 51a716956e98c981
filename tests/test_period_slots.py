"""A figure's period and its span of years: the part of a year a figure is of (a quarter, a half, a
run of months, a month) and a figure summed over years (累计, 以来, 近三年) are slots of the fact and
of the question; a rounded figure said aloud stands for the exact one a report states."""

import pytest

from bot.periods import asked_period, english_period, period_before
from bot.service import rounds_to
from ingest.structure import find_issuer
from tests.conftest import first_line, reports_service

BUREAU = """栎川区市场监督管理局2025年法治政府建设年度报告

一、主要工作成效

2025年，全局共受理消费投诉举报6120件，同比增长8.2%，办结5987件。分时段看，上半年受理投诉举报2815件，办结2704件，为消费者挽回经济损失126.4万元；1—11月受理投诉举报5544件，办结5390件。

8月，开展“夏季食品安全”专项整治，当月检查经营主体1320户次，立案查处食品案件74件。

全年立案查处各类违法案件1482件，罚没款936.5万元。立案案件中，食品、药品、特种设备类案件分别为412件、236件、98件。

二、分季度情况

| 指标 | 第一季度 | 第二季度 | 第三季度 | 第四季度 | 全年合计 |
| --- | --- | --- | --- | --- | --- |
| 受理投诉举报（件） | 1302 | 1513 | 1795 | 1510 | 6120 |

三、累计成效

“十四五”以来累计查处违法案件6830件。推行轻微违法免罚清单，近三年累计适用免罚清单办理案件912件，2025年办理案件347件。
"""

TRANSCRIPT = """栎川区2025年法治政府建设新闻发布会实录

主持人：请区司法局局长介绍情况。

发言人：去年全区收到行政复议申请1200多件，行政机关负责人出庭应诉率保持在99%以上。
"""

REPORT = """栎川区2025年法治政府建设年度报告

一、主要成效

2025年，全区各级行政复议机构共收到行政复议申请1236件，同比增长11.4%。全区行政机关负责人出庭应诉率99.4%。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("periods"), {
        "栎川区市场监督管理局_2025.md": BUREAU, "栎川区发布会_2025.txt": TRANSCRIPT, "栎川区_2025.txt": REPORT})


@pytest.mark.parametrize(("text", "months"), [
    ("2025年1—11月受理了多少件", (1, 11)),
    ("1至11月受理了多少件", (1, 11)),
    ("前11个月受理了多少件", (1, 11)),
    ("截至11月底受理了多少件", (1, 11)),
    ("上半年受理了多少件", (1, 6)),
    ("下半年受理了多少件", (7, 12)),
    ("第三季度受理了多少件", (7, 9)),
    ("2024年第2季度受理了多少件", (4, 6)),
    ("一季度受理了多少件", (1, 3)),
    ("前三季度受理了多少件", (1, 9)),
    ("2025年10月立案多少件", (10, 10)),
    ("十月份立案多少件", (10, 10)),
    # no part of a year: a date, a span of months, the year itself, a hotline's number
    ("2025年3月1日起施行的办法有多少条", None),
    ("办理时限压缩至3个月以内的事项有多少项", None),
    ("全年合计受理多少件", None),
    ("12345热线工单多少件", None),
])
def test_the_part_of_the_year_a_question_asks(text, months):
    assert asked_period(text) == months


@pytest.mark.parametrize(("text", "months"), [
    ("How many complaints were accepted in the third quarter of 2025?", (7, 9)),
    ("How many in the first half of 2025?", (1, 6)),
    ("How many from January to November 2025?", (1, 11)),
    ("How many in the first eleven months?", (1, 11)),
    ("How many cases were opened in October 2025?", (10, 10)),
    ("How many cases were opened in 2025?", None),
])
def test_the_part_of_the_year_an_english_question_asks(text, months):
    assert english_period(text) == months


def test_a_figure_is_of_the_period_said_last_before_it():
    sentence = "分时段看，上半年受理2815件，办结2704件；1—11月受理5544件，办结5390件。"
    assert [period_before(sentence, sentence.index(x)) for x in ("2815", "2704", "5544", "5390")] == \
        [(1, 6), (1, 6), (1, 11), (1, 11)]
    row = "受理投诉举报（件）｜第一季度：1302｜第三季度：1795｜全年合计：6120"
    assert [period_before(row, row.index(x)) for x in ("1302", "1795", "6120")] == [(1, 3), (7, 9), None]


@pytest.mark.parametrize(("question", "figure"), [
    ("栎川区市场监管局2025年1—11月受理投诉举报多少件？", "5544件"),
    ("栎川区市场监管局2025年上半年办结投诉举报多少件？", "2704件"),
    ("栎川区市场监管局2025年第三季度受理投诉举报多少件？", "1795件"),
    ("How many consumer complaints and reports did the Lichuan District market regulation bureau accept "
     "in the third quarter of 2025?", "1795件"),
    ("栎川区市场监管局2025年受理消费投诉举报多少件？", "6120件"),  # the year's, not a part's
])
def test_a_period_asked_is_answered_by_that_periods_figure(service, question, figure):
    assert figure in first_line(service.ask(question))


@pytest.mark.parametrize("question", [
    "栎川区市场监管局2025年10月受理消费投诉举报多少件？",  # no month's figure is given
    "栎川区市场监管局2025年第三季度立案查处违法案件多少件？",  # the quarters are of complaints only
])
def test_a_period_the_report_gives_no_figure_for_is_not_answered(service, question):
    answer = service.ask(question)
    assert not answer.found, answer.text


@pytest.mark.parametrize(("question", "figure"), [
    ("栎川区市场监管局这几年一共适用免罚清单办理了多少件案件？", "912件"),
    ("栎川区市场监管局“十四五”以来查处了多少件违法案件？", "6830件"),
    ("栎川区市场监管局2025年适用免罚清单办理了多少件案件？", "347件"),
])
def test_a_figure_summed_over_years_is_asked_by_its_span(service, question, figure):
    assert figure in first_line(service.ask(question))


@pytest.mark.parametrize(("exact", "rounded", "approx", "ok"), [
    (3126, 3100, "多", True), (3126, 3000, "余", True), (3226, 3100, "多", False),
    (99.2, 99, "以上", True), (98.9, 99, "以上", False),
    (1886, 1900, "近", True), (1906, 1900, "近", False),
    (29.9, 30, "约", True),
])
def test_an_exact_figure_is_what_a_rounded_one_says(exact, rounded, approx, ok):
    assert rounds_to(exact, rounded, approx) is ok


def test_the_report_s_exact_figure_leads_over_the_rounded_one_said_aloud(service):
    answer = service.ask("栎川区2025年收到行政复议申请多少件？")
    assert "1236件" in first_line(answer), answer.text


def test_a_government_s_officer_reporting_is_of_its_place():
    assert find_issuer("沩水县人民政府县长2025年度述法报告") == ("沩水县人民政府", "沩水县")
    assert find_issuer("白沙市人民政府关于2023年法治政府建设情况的报告") == ("白沙市人民政府", "白沙市")
