"""A rate asked in everyday words ("空气好的日子占多大比例") is the rate whose own name holds the
question's most specific word (空气 of 空气质量优良天数比率) — and still not another thing's rate
("上法庭的比例" is no 败诉率)."""

from __future__ import annotations

import pytest

from tests.conftest import report_service


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return report_service(tmp_path_factory.mktemp("rate"), "榉城市生态环境局_2025.txt",
                          "榉城市生态环境局2025年法治政府建设年度报告\n\n一、主要指标\n\n"
                          "空气质量优良天数比率（%）｜2024年：86.3｜2025年：88.9\n"
                          "生态环境行政处罚案件（件）｜2024年：412｜2025年：367\n\n二、行政应诉\n\n"
                          "全年办理行政诉讼案件46件，行政机关败诉率为4.3%。\n")


def test_a_rate_named_by_its_thing(service):
    answer = service.ask("榉城市生态环境局2025年空气好的日子占全年多大比例？")
    assert answer.found and "88.9%" in answer.text.split("\n")[0], answer.text


def test_another_things_rate_is_no_answer(service):
    answer = service.ask("榉城市生态环境局2025年领导上法庭的比例是多少？")
    assert "4.3%" not in answer.text.split("\n")[0], answer.text


def test_an_english_share_of_good_air_quality_days(service):
    answer = service.ask("What share of days had good air quality in Jucheng in 2025?")
    assert answer.found and "88.9%" in answer.text.split("\n")[0], answer.text
