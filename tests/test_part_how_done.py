"""A part asked by how it was done, and a pair's start of year.

- "行政复议案件里，调解结案的有多少件": 调解 says how the cases were closed; a sentence of 审结164件 and
  its parts 维持/纠错 gives no count of cases closed by mediation (it had answered 164件).
- "年初的存量" of "存量违法建设由23.6万平方米下降至16.8万平方米" is the pair's earlier value.
"""

import pytest

from tests.conftest import first_line, report_service

REPORT = """洹源县2025年法治政府建设年度报告

一、化解行政争议

全县共收到行政复议申请186件，受理171件，审结164件，其中维持112件、纠错21件，直接纠错率为12.8%。

全县一审行政诉讼案件97件，行政机关负责人出庭应诉率为98.9%。

二、治理违法建设

坚持“控新拆旧”，全年拆除违法建设436处，存量违法建设由23.6万平方米下降至16.8万平方米。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return report_service(tmp_path_factory.mktemp("how_done"), "洹源县_2025.txt", REPORT)


def test_a_part_closed_by_a_way_the_sentence_never_names_is_not_answered(service):
    answer = service.ask("洹源县2025年的行政复议案件里，调解结案的有多少件？")
    assert not answer.found and "164" not in first_line(answer), answer.text


def test_a_part_the_sentence_names_is_answered(service):
    answer = service.ask("洹源县2025年的行政复议案件里，维持的有多少件？")
    assert answer.found and first_line(answer).startswith("112件"), answer.text


@pytest.mark.parametrize("question, figure", [
    ("洹源县2025年年初存量违法建设有多少？", "23.6万平方米"),
    ("洹源县2025年底存量违法建设还有多少？", "16.8万平方米"),
])
def test_the_start_of_the_year_is_the_pairs_earlier_value(service, question, figure):
    answer = service.ask(question)
    assert answer.found and first_line(answer).startswith(figure), answer.text
