"""A year stated only in a table whose row label is shorter than the report's sentence ("止付资金
（亿元）" beside "全年止付涉诈资金45.2亿元"): the row with the sentence's value in the report's year
column is the same indicator, so its earlier column answers a comparison with that year."""

import pytest

from tests.conftest import first_line, reports_service

REPORT = """# 葭江省公安厅2025年法治政府建设年度报告

## 一、依法打击治理电信网络诈骗

全年止付涉诈资金45.2亿元，向群众返还被骗资金8.93亿元，同比分别增长17.1%和38.0%。

## 二、主要指标

| 指标 | 2024年 | 2025年 | 同比 |
| --- | --- | --- | --- |
| 电信网络诈骗案件（起） | 6120 | 5230 | -14.5% |
| 止付资金（亿元） | 38.6 | 45.2 | +17.1% |
| 返还资金（亿元） | 6.47 | 8.93 | +38.0% |
"""

OLDER = """葭江省自然资源厅2024年法治政府建设年度报告

一、依法查处违法用地

全年立案查处违法用地案件1874件，罚没款3.42亿元。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("row_of_figure"),
                           {"葭江省公安厅_2025.md": REPORT, "葭江省自然资源厅_2024.txt": OLDER})



def test_the_earlier_year_from_the_row_of_the_sentence_figure(service):
    answer = service.ask("葭江省公安机关2025年止付涉诈资金比2024年多了多少亿元？")
    assert answer.found and "6.6亿元" in first_line(answer), answer.text


def test_a_row_of_another_value_does_not_answer(service):
    # 8.93亿元 is the 返还资金 row's 2025 value, not 止付资金's
    answer = service.ask("葭江省公安机关2025年返还被骗资金比2024年多了多少亿元？")
    assert "6.6亿元" not in first_line(answer), answer.text
    if answer.found:
        assert "2.46亿元" in first_line(answer), answer.text


def test_the_earlier_year_asked_alone(service):
    answer = service.ask("葭江省公安机关2024年止付涉诈资金是多少亿元？")
    assert answer.found and first_line(answer).startswith("38.6亿元"), answer.text
    assert "2025年表格" in first_line(answer), answer.text


def test_a_follow_up_for_the_year_before(service):
    answer = service.ask("上一年呢？", history=[["葭江省公安机关2025年止付涉诈资金多少？", "45.2亿元"]])
    assert answer.found and first_line(answer).startswith("38.6亿元"), answer.text


PENALTIES = """# 葭川市生态环境局2025年法治政府建设年度报告

## 一、严格规范公正文明执法

全市各级生态环境部门共作出行政处罚决定3418件，同比下降8.6%，罚没款2173.6万元。

## 二、主要指标

| 指标 | 2024年 | 2025年 | 同比 |
| --- | --- | --- | --- |
| 行政处罚案件（件） | 3740 | 3418 | -8.6% |
| 罚没款（万元） | 2530.2 | 2173.6 | -14.1% |
"""


def test_a_row_counting_the_decisions_as_cases(tmp_path):
    # "行政处罚案件（件）" counts what the sentence calls 行政处罚决定: the row names them as cases
    service = reports_service(tmp_path, {"葭川市生态环境局_2025.md": PENALTIES})
    answer = service.ask("葭川市生态环境局2024年作出了多少件行政处罚决定？")
    assert answer.found and first_line(answer).startswith("3740件"), answer.text
