"""A provincial report's table of cities (one row per 地级市): each city's figures answer for
that city, two cities are compared row by row, and a rate the table does not give is not
another rate's."""

import pytest

from tests.conftest import build_store

_PROVINCE = ("澧江省市场监督管理局2025年法治政府建设年度报告\n\n"
             "2025年，澧江省市场监督管理局坚持依法监管。\n\n一、严格规范公正文明执法\n\n"
             "全省市场监管部门共立案查处各类违法案件1.94万件，同比增长4.7%；罚没款2.56亿元，同比下降3.2%；"
             "向公安机关移送涉嫌犯罪案件124件。\n\n"
             "表1 2025年各设区市市场监管执法情况\n\n"
             "| 设区市 | 立案数（件） | 罚没款（万元） | 移送司法机关（件） |\n"
             "| --- | --- | --- | --- |\n"
             "| 澧城市 | 5862 | 9735.6 | 48 |\n"
             "| 荻宁市 | 3417 | 4128.3 | 21 |\n"
             "| 荻安市 | 2983 | 3560.9 | 17 |\n"
             "| 合计 | 19400 | 25600 | 124 |\n\n"
             "二、优化营商环境\n\n发放个人住房贷款6218笔，个人住房贷款率为87.6%。\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    folder = tmp_path_factory.mktemp("province")
    path = folder / "澧江省市场监督管理局_2025.md"
    path.write_text(_PROVINCE, encoding="utf-8")
    return build_store(folder / "store", [path], embedding_model="hash")[1]


def _first(answer) -> str:  # noqa: ANN001
    return answer.text.split("\n", 1)[0]


def test_a_city_row_answers_for_that_city(service):
    answer = service.ask("荻宁市2025年市场监管的罚没款是多少？")
    assert _first(answer).startswith("4128.3万元"), answer.text


@pytest.mark.parametrize(("question", "lead"), [
    ("荻宁市和荻安市2025年市场监管立案数差多少件？", "荻宁市比荻安市多434件"),
    ("荻安市2025年市场监管罚没款比澧城市少多少？", "荻安市比澧城市少6174.7万元"),
])
def test_two_cities_of_the_table_are_compared(service, question, lead):
    answer = service.ask(question)
    assert answer.found and _first(answer).startswith(lead), answer.text


def test_the_departments_field_named_as_a_kind_of_department(service):
    # "市场监管部门" is whose report it is, no word to find; 罚没 asks money
    answer = service.ask("澧江省市场监管部门2025年罚没款总共多少")
    assert _first(answer).startswith("2.56亿元"), answer.text


def test_a_change_asked_in_percent_the_other_way_round(service):
    answer = service.ask("澧江省市场监管2025年罚没款同比增长了百分之几？")
    assert _first(answer).startswith("下降3.2%（并非增长）"), answer.text


def test_a_rate_the_report_does_not_give_is_not_another_rate(service):
    answer = service.ask("澧江省2025年个人住房贷款逾期率是多少")
    assert "87.6%" not in _first(answer), answer.text
    assert service.ask("澧江省2025年个人住房贷款率是多少").text.startswith("87.6%")
