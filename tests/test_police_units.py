"""A city 公安局's report, its 交警支队's quarterly table and a 派出所's report (session 60):
- a report titled with its unit's whole chain ("…公安局…分局…派出所2025年…报告") is the unit's: not the city
  government's, so its 486起 never stands for the city's, and "…派出所2025年受理了多少起" finds it;
- a 其中 part of a kind the question does not name ("其中查处赌博、涉黄等治安案件2033起") yields to the total's table
  cell of the year (31331起), also as a side of "比上年减少了多少";
- a quarter's row answers by the column its head noun names (事故（起）for 交通事故, not 查处交通违法（万起）)."""

from __future__ import annotations

import pytest

from ingest.structure import find_issuer
from tests.conftest import first_line, reports_service

BUREAU = ("炂阳市公安局2025年法治政府建设年度报告\n\n一、执法办案\n\n"
          "全年全市公安机关刑事案件立案数同比下降8.2%，破获刑事案件8862起。"
          "查处治安案件同比增加126起，其中查处赌博、涉黄等治安案件2033起。\n\n表1 主要执法数据\n\n"
          "| 指标 | 2024年 | 2025年 | 增减幅度 |\n|---|---|---|---|\n"
          "| 查处治安案件（起） | 31205 | 31331 | 增加126起 |\n"
          "| 刑事案件立案（起） | 18642 | 17113 | 下降8.2% |\n")
BUREAU_2024 = ("炂阳市公安局2024年法治政府建设年度报告\n\n一、执法办案\n\n"
               "查处治安案件31205起，同比增长4.7%，其中查处赌博、涉黄等治安案件2196起。\n")
TRAFFIC = ("炂阳市公安局交通警察支队2025年法治政府建设年度报告\n\n一、道路交通管理\n\n"
           "全年全市发生道路交通事故1297起，同比下降6.4%。\n\n表1 2025年各季度交通执法和道路交通事故情况\n\n"
           "| 季度 | 查处交通违法（万起） | 非现场执法（万起） | 事故（起） |\n|---|---|---|---|\n"
           "| 第一季度 | 28.4 | 19.7 | 318 |\n| 第二季度 | 31.2 | 22.5 | 301 |\n"
           "| 第三季度 | 33.6 | 24.1 | 342 |\n| 第四季度 | 30.9 | 21.8 | 336 |\n| 全年 | 124.1 | 88.1 | 1297 |\n")
STATION = ("炂阳市公安局炂江分局炂塘派出所2025年法治建设工作报告\n\n"
           "炂塘派出所辖炂塘街道全域。现将有关情况报告如下。\n\n一、主要工作成效\n\n"
           "全年接报各类警情11236起，受理治安案件486起，查处452起，办结447起；刑事案件立案126起，同比下降9.4%。\n")


def test_a_title_naming_its_units_chain_is_the_units_report():
    assert find_issuer("炂阳市公安局炂江分局炂塘派出所2025年法治建设工作报告") == (
        "炂阳市公安局炂江分局炂塘派出所", "炂阳市")
    assert find_issuer("炂阳市公安局交通警察支队2025年法治政府建设年度报告")[0] == "炂阳市公安局交通警察支队"
    assert find_issuer("炂阳市交警支队2025年法治政府建设年度报告")[0] == "炂阳市交警支队"
    assert find_issuer("炂阳市公安局2025年法治政府建设年度报告")[0] == "炂阳市公安局"


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("police_units"), {
        "炂阳市公安局_2025.txt": BUREAU, "炂阳市公安局_2024.txt": BUREAU_2024,
        "炂阳市交警支队_2025.md": TRAFFIC, "炂塘派出所_2025.txt": STATION})


def test_the_stations_figures_are_its_own(service):
    answer = service.ask("炂塘派出所2025年受理了多少起治安案件？")
    assert answer.found and first_line(answer).startswith("486起"), answer.text


def test_a_part_of_an_unasked_kind_yields_to_the_total(service):
    answer = service.ask("炂阳市公安局2025年查处了多少起治安案件？")
    assert answer.found and first_line(answer).startswith("31331起"), answer.text
    change = service.ask("炂阳市2025年查处治安案件比上年减少了多少起？")
    line = first_line(change)
    assert "126起" in line and "2033" not in line and "486" not in line, change.text


def test_a_quarters_row_answers_by_its_head_nouns_column(service):
    answer = service.ask("炂阳市2025年第三季度发生了多少起交通事故？")
    assert answer.found and first_line(answer).startswith("342起"), answer.text
    enforcement = service.ask("炂阳市交警支队2025年第一季度非现场执法有多少起？")
    assert enforcement.found and first_line(enforcement).startswith("19.7万起"), enforcement.text
