"""Levels, places and premises that decide which figure answers: a part asked with its own stage ("其中省本级审结
了多少件") is of that stage; 本级 asked is not answered by a figure of 全省各级; a level asked after a false
premise ("比上年下降了，降到了多少件") is the level reached, the premise set right; a count said in 万 is the exact
count rounded; a plan asked of a year is never that year's result; a sentence opening on a district is not the
city's; a department's town asked after it is that town's or nothing."""

from __future__ import annotations

import pytest

from tests.conftest import first_line, reports_service

DEPT_2025 = """瀑江省司法厅2025年法治政府建设年度报告

一、公共法律服务

全年办理法律援助案件41236件，同比增长8.1%，为受援群众挽回经济损失3.12亿元。

二、行政复议

全省各级行政复议机构共收到行政复议申请18430件，受理16972件，同比增长9.6%，审结16201件，直接纠错率11.3%。其中省本级受理行政复议案件1208件，审结1139件。

三、政府立法

全年审查省政府规章草案9件，其中新制定省政府规章2件，分别为《瀑江省法律援助条例实施办法》《瀑江省行政复议听证规定》，修改5件、废止2件。

四、信访工作

全年登记初信初访事项7312件，一次性化解6742件，化解率92.2%，群众满意率达到95.2%。
"""

DEPT_2024 = """瀑江省司法厅2024年法治政府建设年度报告

一、公共法律服务

全年办理法律援助案件38145件，同比增长5.2%。

二、2025年工作安排

（一）力争全省办理法律援助案件4万件以上。
"""

GOVERNMENT_2025 = """瀑江省2025年法治政府建设情况报告

一、公共法律服务

全年办理法律援助案件4.12万件，公共法律服务热线服务群众超过150万人次。

二、政府立法

全年制定、修改、废止省政府规章9件，重点推进公共法律服务领域立法。

三、基层治理

3.瀒湖区推行“信访代办”和“一站式”接访，全年瀒湖区来访批次同比下降15.3%，初信初访化解率94.6%，化解信访积案14件。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("levels_and_premises"), {
        "瀑江省司法厅_2025.txt": DEPT_2025, "瀑江省司法厅_2024.txt": DEPT_2024, "瀑江省_2025.txt": GOVERNMENT_2025})


def test_a_parts_own_stage(service):
    history = [["瀑江省2025年全省受理行政复议案件多少件？", "16972件。"]]
    assert first_line(service.ask("其中省本级审结了多少件？", history)).startswith("1139件")


def test_own_level_asked_is_no_figure_of_all_levels(service):  # guard
    answer = service.ask("瀑江省2025年省本级行政复议的直接纠错率是多少？")
    assert not first_line(answer).startswith("11.3%")


def test_a_level_reached_after_a_false_premise(service):
    line = first_line(service.ask("瀑江省2025年法律援助案件比上年下降了，降到了多少件？"))
    assert line.startswith("41236件") and "并非下降" in line


def test_a_count_in_wan_is_the_exact_count_rounded(service):
    assert first_line(service.ask("瀑江省2025年办理了多少件法律援助案件？")).startswith("41236件")


def test_a_plan_of_a_year_is_not_its_result(service):
    answer = service.ask("瀑江省司法厅2025年计划把群众满意率提高到多少？")
    assert "95.2%" not in first_line(answer)


def test_a_sentence_opening_on_a_district_is_not_the_provinces(service):
    assert first_line(service.ask("2025年瀑江省初信初访化解率是多少？")).startswith("92.2%")


def test_a_part_named_after_a_comma_is_still_a_part(service):  # guard
    line = first_line(service.ask("瀑江省去年的复议案子里，最后双方谈和了结的有多少件？"))
    assert not line.startswith(("16972件", "18430件"))


def test_a_list_only_the_department_gives(service):
    line = first_line(service.ask("瀑江省2025年新制定了哪几部省政府规章？"))
    assert "法律援助条例实施办法" in line and "行政复议听证规定" in line
