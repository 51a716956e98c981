""""哪个县…多", "两个县…相差多少" over a knowledge base with two counties' reports: the two
counties compared — never one county's figure alone, nor "no report of 哪个县"."""

from __future__ import annotations

import pytest

from bot.conversation import _places_counted
from tests.conftest import reports_service

KNOWN = ["檩阳市檩川县", "檩川县", "檩川", "檩阳市枥宁县", "枥宁县", "枥宁", "檩阳市"]


@pytest.mark.parametrize(("question", "expected"), [
    ("2025年哪个县的持证执法人员多？", "2025年檩川县和枥宁县哪个的持证执法人员多？"),
    ("2025年两个县的败诉率相差多少个百分点？", "2025年檩川县和枥宁县的败诉率相差多少个百分点？"),
    ("两县的法律援助案件一共多少件？", "檩川县和枥宁县的法律援助案件一共多少件？"),
])
def test_counted_places_become_the_two_counties(question, expected):
    assert _places_counted(question, KNOWN) == expected


@pytest.mark.parametrize("question", [
    "檩川县2025年哪个乡镇的调解案件最多？",  # a place of another kind: the county's table
    "檩川县和哪个县比较？",  # a county named already
    "哪个区的败诉率最高？",  # no two districts
    "哪个县区的败诉率最高？",  # 县区: a table of places
])
def test_other_questions_are_left_alone(question):
    assert _places_counted(question, KNOWN) == question


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    folder = tmp_path_factory.mktemp("counties")
    texts = {
        "檩阳市檩川县_2025.txt": "檩川县2025年法治政府建设年度报告\n\n一、行政执法\n\n"
                            "全县持证行政执法人员增至1096名，行政诉讼败诉率为4.6%。\n",
        "檩阳市枥宁县_2025.txt": "枥宁县2025年法治政府建设年度报告\n\n一、行政执法\n\n"
                            "全县持证行政执法人员931名，行政诉讼败诉率为5.5%。\n",
    }
    return reports_service(folder, texts)


@pytest.mark.parametrize(("question", "figures"), [
    ("2025年哪个县的持证行政执法人员多？多多少名？", ["檩川县", "165名"]),
    ("2025年两个县的行政诉讼败诉率相差多少个百分点？", ["0.9个百分点"]),
])
def test_the_two_counties_are_compared(service, question, figures):
    answer = service.ask(question)
    first = answer.text.split("\n")[0]
    assert answer.found and all(f in first for f in figures), answer.text
