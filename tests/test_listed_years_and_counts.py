"""Answers from list sentences and pairs, end to end on a district and its bureau: a 分别 list
over a span of years gives each year its figure; a later item of a 新增 list is new too; the
value before a 由A压缩至B; a change asked in a count is never a percentage; "那整个…呢" after a
bureau asks the place's whole."""

import pytest

from tests.conftest import first_line, reports_service

GOVERNMENT = """萍川区人民政府2025年法治政府建设年度报告

一、公共法律服务
2023年至2025年，全区办理法律援助案件分别为286件、318件、352件，三年累计956件，年均增长10.9%。
全年培育“法律明白人”1240名，新增全国民主法治示范村（社区）3个、省级民主法治示范村（社区）九个。
二、优化营商环境
工程建设项目审批全流程由75个工作日压缩至40个工作日，企业开办实现一日办结。推行“综合查一次”，减少入企检查4100余次。
三、行政复议和执法
区政府全年收到行政复议申请347件，同比增长5.5%，受理312件，审结298件。
全区行政执法部门共办理行政处罚案件4286件，罚没款5127万元。
"""

BUREAU = """萍川区市场监督管理局2025年法治政府建设年度报告

一、严格规范公正文明执法
全年查办各类违法案件862件，罚没款1586.4万元，同比增长11.4%。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("listed"), {
        "萍川区_2025.txt": GOVERNMENT, "萍川区市场监督管理局_2025.txt": BUREAU})


@pytest.mark.parametrize(("question", "figure"), [
    ("萍川区2025年办理了多少件法律援助案件？", "352件"),
    ("萍川区2023年办理了多少件法律援助案件？", "286件"),
    ("How many legal aid cases did Pingchuan District handle in 2025?", "352件"),
])
def test_each_year_of_a_listed_span_has_its_own_figure(service, question, figure):
    answer = service.ask(question)
    assert answer.found and figure in first_line(answer), answer.text


def test_a_later_item_of_a_list_of_new_ones_is_new_too(service):
    answer = service.ask("萍川区2025年新增了几个省级民主法治示范村（社区）？")
    line = first_line(answer)
    assert answer.found and ("九个" in line or "9个" in line), answer.text


def test_before_the_reform_asks_the_earlier_value_of_a_pair(service):
    answer = service.ask("Before the reform, how many working days did construction project approval take "
                         "in Pingchuan District in 2025?")
    assert answer.found and "75个工作日" in first_line(answer), answer.text


def test_a_change_asked_in_a_count_is_no_percentage_nor_a_level(service):
    answer = service.ask("萍川区政府2025年收到的行政复议申请比2024年多了多少件？")
    line = first_line(answer)
    assert not answer.found, answer.text
    assert not any(x in line for x in ("5.5%", "347件", "312件")), answer.text


def test_the_whole_place_after_its_bureau_drops_the_bureau(service):
    answer = service.ask("那整个萍川区呢？", history=[
        ["萍川区市场监督管理局2025年罚没款是多少？", "萍川区市场监督管理局2025年罚没款1586.4万元，同比增长11.4%。"]])
    assert answer.found and "5127万元" in first_line(answer), answer.text


def test_a_count_of_what_was_cut_answers_how_many_fewer(service):
    answer = service.ask("萍川区2025年“综合查一次”减少了多少次入企检查？")
    assert answer.found and "4100余次" in first_line(answer), answer.text


def test_a_stated_yearly_average_is_no_difference_of_two_years(service):
    answer = service.ask("萍川区2023年到2025年法律援助案件年均增长多少？")
    assert answer.found and "10.9%" in first_line(answer), answer.text
