"""A why-changed question whose direction is wrong is corrected from the change the report
states ("同比增长17.4%"), and one whose direction holds gets the stated change."""

import pytest

from bot.why_changed import premise_direction
from tests.conftest import build_store

REPORT = """澄阳市2025年法治政府建设年度报告

一、主要工作
（一）加强行政复议工作
全市各级行政复议机构全年受理行政复议案件1627件，同比增长17.4%，审结1579件。
全年办理法律援助案件5218件，同比下降3.2%。
全市执业律师由1860名增加到2102名，同比增长13.0%。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    folder = tmp_path_factory.mktemp("why")
    report = folder / "澄阳市_2025.txt"
    report.write_text(REPORT, encoding="utf-8")
    return build_store(folder / "store", [report], embedding_model="hash")[1]


@pytest.mark.parametrize("question, up", [
    ("澄阳市2025年行政复议案件为什么比上年减少了？", False),
    ("2025年败诉率为什么上升了", True),
    ("信访量为什么比2023年涨了这么多？", True),
    ("澄阳市2025年受理了多少件行政复议案件？", None),
])
def test_the_direction_a_why_question_takes_for_granted(question, up):
    assert premise_direction(question) is up


def test_a_fall_that_was_a_rise_is_corrected(service):
    answer = service.ask("澄阳市2025年行政复议案件为什么比上年减少了？")
    first = answer.text.split("\n", 1)[0]
    assert answer.found and "1627件" in first and "增长17.4%" in first and "减少" in first, answer.text


def test_a_rise_that_was_a_rise_gets_the_stated_change(service):
    answer = service.ask("澄阳市2025年法律援助案件为什么比上年减少了？")
    assert answer.found and answer.text.startswith("3.2%"), answer.text


def test_a_fall_that_was_a_rise_of_a_pair_names_both_values(service):
    answer = service.ask("澄阳市2025年执业律师为什么比上年减少了？")
    first = answer.text.split("\n", 1)[0]
    assert answer.found and "由1860名增加到2102名" in first and "增长13.0%" in first, answer.text
