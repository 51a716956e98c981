"""A breakdown table's category rows that a question cannot tell apart: its total row (合计)
answers "一共收案多少件", not the first category's; a row the question names still answers."""

import pytest

from tests.conftest import first_line, report_service

REPORT = """滏州市2025年法治政府建设年度报告

一、行政复议

全市共收到行政复议申请2036件，依法受理1814件，受理后审结1613件。受理案件按类别统计如下。

| 类别 | 收案（件） | 结案（件） | 结案率（%） |
| --- | --- | --- | --- |
| 公安类 | 612 | 587 | 95.9 |
| 自然资源类 | 348 | 329 | 94.5 |
| 市场监管类 | 297 | 288 | 97.0 |
| 人力资源社会保障类 | 186 | 181 | 97.3 |
| 住房城乡建设类 | 154 | 143 | 92.9 |
| 政府信息公开类 | 129 | 85 | 65.9 |
| 其他 | 88 | 85 | 96.6 |
| 合计 | 1814 | 1613 | 88.9 |
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return report_service(tmp_path_factory.mktemp("total"), "滏州市_2025.md", REPORT)


@pytest.mark.parametrize("question, total", [
    ("滏州市2025年行政复议一共收案多少件？", "1814件"),
    ("滏州市2025年行政复议收案多少件？", "1814件"),
    ("滏州市2025年行政复议一共结案多少件？", "1613件"),
])
def test_the_total_row_answers_a_total(service, question, total):
    answer = service.ask(question)
    first = first_line(answer)
    assert not any(part in first for part in ("88件", "612件", "587件")), answer.text
    assert not answer.found or first.startswith(total), answer.text


def test_a_named_row_still_answers(service):
    answer = service.ask("滏州市2025年市场监管类行政复议结案多少件？")
    assert answer.found and first_line(answer).startswith("288件"), answer.text
