"""Places as questions name them: a city's row in its province's table when the city has no
report of the asked year; a report named as the source ("芫南省报告里芫阳市…"); a development
zone said short (芫川经开区); a 城市管理局 whose 城市 is no place; 辆次 as a measure."""

import pytest

from tests.conftest import FIXTURES, build_store, first_line

HERE = FIXTURES / "places_named"


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    files = sorted(HERE.iterdir())
    return build_store(tmp_path_factory.mktemp("places_named"), files, embedding_model="hash")[1]


def test_a_city_without_a_report_of_the_year_is_its_row_in_the_provinces_table(service):
    answer = service.ask("芫阳市2024年法律援助案件有多少件？")  # 芫阳市 reports 2025 only
    assert answer.found and "14860件" in first_line(answer), answer.text
    answer = service.ask("2024年芫阳市和芫西市的行政复议收案数相差多少件？")
    assert "1335件" in first_line(answer), answer.text


def test_a_report_named_as_the_source_answers_for_the_place_it_names(service):
    answer = service.ask("芫南省报告里芫宁市2024年法律援助案件有多少件？")
    assert answer.found and "7415件" in first_line(answer), answer.text  # not the province's 6.12万件


@pytest.mark.parametrize("said", ["芫川经开区", "芫川开发区", "芫川经济技术开发区"])
def test_a_development_zone_said_short(service, said):
    answer = service.ask(f"{said}2025年工业项目审批平均要多少个工作日？")
    assert answer.found and "26个工作日" in first_line(answer), answer.text


def test_a_city_management_bureau_is_the_citys(service):
    regions = {d.region for d in service.documents()}
    assert "芫阳市" in regions and not any(r.endswith("城市") for r in regions), regions
    answer = service.ask("芫阳市城市管理局2025年查处渣土运输违法车辆多少辆次？")
    assert answer.found and "317辆次" in first_line(answer), answer.text


@pytest.mark.parametrize("q", ["芫南省2024年哪个设区市行政诉讼败诉率最高？",
                               "芫南省2024年行政诉讼败诉率最高的是哪个设区市？"])
def test_which_place_ranks_first_either_way_round(service, q):
    answer = service.ask(q)
    assert answer.found and first_line(answer).startswith("芫西市，6.8%"), answer.text


def test_a_development_zone_said_bare_is_the_knowledge_bases_one_zone(service):
    answer = service.ask("经开区2025年工业项目审批平均要多少个工作日？")
    assert answer.found and "26个工作日" in first_line(answer), answer.text


def test_a_bare_zone_after_a_word_is_the_knowledge_bases_one_zone(service):
    # "企业到经开区…": the zone said bare after a verb, not a place named "企业到经开区"
    answer = service.ask("企业到经开区办项目，2025年工业项目审批平均要多少个工作日？")
    assert answer.found and "26个工作日" in first_line(answer), answer.text


@pytest.mark.parametrize(("named", "zone"), [
    ("企业到经开区", "经开区"), ("去高新区", "高新区"), ("芜湖经开区", ""), ("经开区", ""),
])
def test_a_bare_zone_after_a_word(named, zone):
    from bot.query import _bare_zone_after_word

    assert _bare_zone_after_word(named) == zone
