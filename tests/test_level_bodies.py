"""One line of work at two levels: a province's 卫生健康委员会 and a city's, inside it. A question
names the body by its level ("省卫健委", "市政府"); a province-wide figure is not a city's sentence in
the province's report; a city the province's report lists ("居全省前三位，分别为…") is answered by
its item; a city with no report of the year, by the province department's report of that year."""

import pytest

from tests.conftest import first_line, reports_service

PROVINCE_2024 = """蓓江省卫生健康委员会2024年法治政府建设年度报告

一、主要工作

全省各级卫生健康行政部门和卫生监督机构全年开展卫生监督检查18.62万户次，查处行政处罚案件6418件，罚款1862.47万元。分市看，莉川市、澄阳市卫生监督检查户次居全省前两位，分别为3.52万户次、2.71万户次。

全年以省卫健委为被申请人的行政复议案件24件，以省卫健委为被告的一审行政诉讼案件14件。
"""

PROVINCE_2025 = """蓓江省卫生健康委员会2025年法治政府建设年度报告

一、主要工作

全省各级卫生健康行政部门和卫生监督机构全年开展卫生监督检查20.14万户次，同比增长8.2%；办理各类行政处罚案件7035件，同比增长9.6%。

分市看，莉川市、澄阳市、蓓南市卫生监督检查户次居全省前三位，分别为3.86万户次、2.97万户次、2.41万户次；莉川市查处行政处罚案件1247件、罚款386.52万元，均居全省首位；澄阳市、蓓南市查处行政处罚案件分别为986件、812件。

全省卫生健康系统“法律明白人”由1520名增加至1836名，其中莉川市186名、澄阳市172名。

全省医疗纠纷人民调解委员会受理医疗纠纷3104件，调解成功2806件，调解成功率90.4%，较上年提高1.7个百分点。
"""

CITY_2025 = """莉川市卫生健康委员会2025年法治政府建设年度报告

一、主要工作

全市各级卫生健康行政部门和卫生监督机构全年开展卫生监督检查3.86万户次，同比增长9.7%；查处行政处罚案件1247件，同比增长12.4%。

市医疗纠纷人民调解委员会全年受理医疗纠纷612件，调解成功563件，调解成功率92.0%。

委主要负责人认真履行推进法治建设第一责任人职责，全年组织集体学法4次。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("levels"), {
        "蓓江省卫生健康委员会_2024.md": PROVINCE_2024,
        "蓓江省卫生健康委员会_2025.md": PROVINCE_2025,
        "莉川市卫生健康委员会_2025.md": CITY_2025,
    })


@pytest.mark.parametrize("question, figure", [
    ("省卫健委2024年全省查处行政处罚案件多少件？", "6418件"),  # 省 + the body: the province's
    ("省卫健委2025年医疗纠纷调解成功率是多少？", "90.4%"),  # not the city's 92.0%
])
def test_the_province_and_its_body(service, question, figure):
    answer = service.ask(question)
    assert first_line(answer).startswith(figure), answer.text


def test_a_city_sentence_of_the_province_report_is_not_the_province(service):
    # "莉川市查处行政处罚案件1247件" says 查处 as the question does; it is the city's figure
    answer = service.ask("蓓江省2025年查处行政处罚案件多少件？")
    assert "1247" not in first_line(answer), answer.text
    assert not answer.found or first_line(answer).startswith("7035件"), answer.text


def test_a_city_listed_in_the_province_report(service):
    # "莉川市、澄阳市、蓓南市…居全省前三位，分别为…": 澄阳市 has no report, only its item
    answer = service.ask("2025年澄阳市卫生监督检查有多少户次？")
    assert first_line(answer).startswith("2.97万户次"), answer.text


def test_a_year_the_city_has_no_report_of(service):
    # 莉川市 reports for 2025 only: 2024 is its item in the province 卫健委's 2024 report
    answer = service.ask("2024年莉川市卫生监督检查多少户次？")
    assert first_line(answer).startswith("3.52万户次"), answer.text


@pytest.mark.parametrize("follow", ["那省卫健委呢？", "那全省呢？省卫健委的报告里是多少？"])
def test_follow_up_to_the_province(service, follow):
    history = [("莉川市卫健委2025年查处行政处罚案件多少件？", "1247件。")]
    answer = service.ask(follow, history)
    assert first_line(answer).startswith("7035件"), answer.text


def test_words_ending_in_a_level_are_no_place(service):
    # "群众不服省卫健委的决定": no place named 群众不服省 with no report
    answer = service.ask("2024年有多少件案子是群众不服省卫健委的决定、申请行政复议的？")
    assert "群众不服省" not in answer.text, answer.text


def test_an_item_after_another_places_item(service):
    # "其中莉川市186名、澄阳市172名": 172名's own item opens on 澄阳市, not on 莉川市 (which has a report)
    history = [("蓓江省卫健委2025年卫生健康系统有多少名“法律明白人”？", "1836名。")]
    answer = service.ask("其中澄阳市有多少名？", history)
    assert first_line(answer).startswith("172名"), answer.text


def test_a_later_item_of_a_list_of_places(service):
    answer = service.ask("2025年蓓南市查处行政处罚案件多少件？")
    assert first_line(answer).startswith("812件"), answer.text
