"""A table whose unit stands only in a caption line above it ("单位：件"): its bare cells are
counted in that unit when a question binds them — the headline says "806件", not "806"."""

import pytest

from tests.conftest import first_line, reports_service

REPORT = """濛川市人民政府2025年法治政府建设年度报告

一、主要工作
全市行政争议化解主要数据如下表。

表1 2024—2025年濛川市行政争议化解主要数据

单位：件

| 指标 | 2024年 | 2025年 | 同比 |
| --- | --- | --- | --- |
| 行政复议案件收案数 | 1109 | 1268 | 增长14.3% |
| 一审行政诉讼案件收案数 | 806 | 742 | 下降7.9% |
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("caption_unit"), {"濛川市_2025.md": REPORT})


@pytest.mark.parametrize("question, expected", [
    ("濛川市2025年一审行政诉讼案件收案数是多少？", "742件"),
    ("濛川市2024年一审行政诉讼案件收案数是多少？", "806件"),  # another year's column of the table
])
def test_a_caption_unit_counts_the_bare_cells(service, question, expected):
    answer = service.ask(question)
    assert answer.found and expected in first_line(answer), answer.text


def test_a_change_compared_from_the_captioned_table_keeps_the_unit(service):
    answer = service.ask("濛川市2025年一审行政诉讼案件收案数比上年多了多少？")
    line = first_line(answer)
    assert "64件" in line and "806件" in line and "742件" in line, answer.text
