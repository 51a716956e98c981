"""A place the knowledge base names only as an item of a prose list of places ("萍城区、萍北区、
莉阳区…分别为412件、268件、351件…") is answered by its item — never by the city's own figure
(市政府本级723件) or its total."""

import pytest

from tests.conftest import first_line, reports_service

CITY = """萍州市人民政府2024年法治政府建设年度报告

一、行政复议
全市共收到行政复议申请2416件，同比增长31.2%，其中市政府本级收到723件，各县（市、区）政府共收到1693件。各县（市、区）政府收到的行政复议申请中，萍城区、萍北区、莉阳区、莉川市分别为412件、268件、351件、662件。
二、法治宣传
全市在萍城区、萍北区开展“法治文化进万家”试点活动，举办法治讲座126场。
"""


COUNTY_CITY = """莉川市人民政府2025年法治政府建设年度报告

一、行政复议
市政府全年收到行政复议申请701件，同比增长5.9%，受理652件。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("listed_places"), {
        "萍州市_2024.txt": CITY, "莉川市_2025.txt": COUNTY_CITY})


@pytest.mark.parametrize("question", ["2024年莉阳区政府收到了多少件行政复议申请？",
                                      "2024年莉阳区收到了多少件行政复议申请？"])
def test_a_listed_place_is_answered_by_its_item(service, question):
    answer = service.ask(question)
    assert answer.found and "351件" in first_line(answer), answer.text


def test_the_city_itself_is_still_answered_by_its_own_figure(service):
    answer = service.ask("萍州市2024年全市共收到多少件行政复议申请？")
    assert answer.found and "2416件" in first_line(answer), answer.text


def test_a_listed_place_without_an_item_is_no_figure_of_the_city(service):
    answer = service.ask("2024年萍北区举办了多少场法治讲座？")
    assert "126场" not in first_line(answer), answer.text


def test_a_county_level_city_without_a_report_of_the_year_is_its_item_in_the_citys_list(service):
    # 莉川市 reports 2025 only; 萍州市's 2024 report lists it among its 县（市、区） — a city of the same
    # rank by name, its parent by the list
    answer = service.ask("2024年莉川市政府收到多少件行政复议申请？")
    assert answer.found and "662件" in first_line(answer), answer.text
