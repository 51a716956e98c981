"""A court's white paper (中级人民法院 行政审判白皮书) beside the government's report: the court, named in full
or as 中院 / 法院, is a body whose report answers for it — its 败诉率 and 出庭应诉率 counted over the cases it
heard, not the government's own figures for the cases it was a party to."""

import pytest

from tests.conftest import first_line, reports_service

COURT = """# 泷州市中级人民法院2025年度行政审判白皮书

## 一、行政案件基本情况

2025年，全市两级法院共受理一审行政案件1286件，同比增长8.3%，审结1214件，结案率94.4%。

全市法院审结的一审行政案件中，行政机关败诉136件，败诉率11.2%，较上年下降1.4个百分点。行政机关负责人出庭应诉1098件次，出庭应诉率90.4%。

## 二、主要做法

全年向行政机关发送司法建议23份，回复率100%。
"""

CITY = """# 泷州市2025年法治政府建设年度报告

## 一、主要成效

（一）规范行政应诉。全年全市各级行政机关作为被告的一审行政诉讼案件1102件，败诉98件，败诉率8.9%；行政机关负责人出庭应诉率达到98.6%。市中级人民法院向市政府发出司法建议2份，均按期回复。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("court"),
                           {"泷州市中级人民法院_2025.md": COURT, "泷州市_2025.md": CITY})


@pytest.mark.parametrize(("question", "body"), [
    ("泷州中院白皮书里行政机关败诉率是多少？", "中院"),
    ("泷州市法院2025年发了多少份司法建议？", "法院"),
    ("泷州市人民检察院2025年办理了多少件行政检察监督案件？", "人民检察院"),
    ("泷州市中级人民法院2025年受理了多少件一审行政案件？", "中级人民法院"),
])
def test_a_court_is_a_body_the_question_names(question, body):
    from bot.query import department_named

    assert department_named(question, ["泷州市", "泷州"]) == body


@pytest.mark.parametrize(("named", "body", "same"), [
    ("中院", "中级人民法院", True),
    ("法院", "中级人民法院", True),
    ("检察院", "人民检察院", True),
    ("法院", "人民检察院", False),
    ("法院", "人民政府", False),
])
def test_short_names_of_courts(named, body, same):
    from bot.query import names_body

    assert names_body(named, body) is same


@pytest.mark.parametrize(("question", "figure"), [
    ("泷州中院白皮书里行政机关败诉率是多少？", "11.2%"),
    ("泷州市法院2025年发了多少份司法建议？", "23份"),
    ("泷州市中院2025年行政机关负责人出庭应诉率是多少？", "90.4%"),
])
def test_the_court_answers_for_itself(service, question, figure):
    answer = service.ask(question, [])
    assert figure in first_line(answer), answer.text
