"""Figures of what all of them went through ("经初审符合条件的43件全部转交县法律援助中心办理"), and a level
after a verb, which says where something was sent — no place: "转到县法律援助中心的有多少件？" after a
town's question stays with the town."""

from __future__ import annotations

import pytest

from tests.conftest import first_line, reports_service

TOWN = ("澲溪镇司法所2025年工作总结\n\n一、法律援助\n\n"
        "镇公共法律服务工作站全年受理法律援助申请46件，同比增长12.2%，经初审符合条件的43件全部转交县法律援助中心办理，"
        "其中涉及农民工追索劳动报酬的19件。\n\n"
        "二、人民调解\n\n全镇排查矛盾纠纷215件，调解成功208件，调解成功率96.7%。\n")
COUNTY = ("澵源县司法局2025年法治建设工作报告\n\n一、公共法律服务\n\n"
          "县法律援助中心全年受理法律援助案件1286件，同比增长7.4%，其中各乡镇司法所转交312件。\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("sent_on"),
                           {"澲溪镇司法所_2025.txt": TOWN, "澵源县司法局_2025.txt": COUNTY})


def test_all_of_them_sent_on(service):
    answer = service.ask("澲溪镇2025年转交县法律援助中心的有多少件？")
    assert first_line(answer).startswith("43件"), answer.text


def test_a_level_after_a_verb_is_no_place(service):
    history = [["澲溪镇2025年受理了多少件法律援助申请？", "46件。\n镇公共法律服务工作站全年受理法律援助申请46件"]]
    answer = service.ask("转到县法律援助中心的有多少件？", history)
    assert first_line(answer).startswith("43件"), answer.text


def test_the_applications_taken_in(service):  # guard
    assert first_line(service.ask("澲溪镇2025年受理了多少件法律援助申请？")).startswith("46件")
