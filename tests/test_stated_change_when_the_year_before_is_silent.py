""""比上年多了多少" when the year before has a report that does not state the figure: the change
the asked year's report states (同比…), its direction checked against the question's premise."""

import pytest

from tests.conftest import first_line, reports_service

Y2024 = """萍川区人民政府2024年法治政府建设年度报告

一、行政执法
全年办理行政处罚案件1520件，罚没款860万元。
"""

Y2025 = """萍川区人民政府2025年法治政府建设年度报告

一、交通运输
全年受理巡游出租汽车投诉3926件，同比下降18.3%，办结率100%。
二、安全生产
全年发生各类生产安全事故412起、死亡367人，同比分别下降12.4%、9.6%。
三、行政复议
区政府全年收到行政复议申请87件，审结76件，纠错率11.4%，同比下降2.3个百分点。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("silent_year"), {
        "萍川区_2024.txt": Y2024, "萍川区_2025.txt": Y2025})


@pytest.mark.parametrize(("question", "said"), [
    ("萍川区2025年出租车投诉比上年多了，多了百分之几？", "18.3%"),
    ("萍川区2025年生产安全事故死亡人数比上年增加了多少？", "9.6%"),
])
def test_the_stated_change_answers_and_corrects_the_premise(service, question, said):
    answer = service.ask(question)
    line = first_line(answer)
    assert answer.found and said in line and "下降" in line, answer.text


def test_a_why_question_leads_with_the_level_and_corrects_the_premise(service):
    answer = service.ask("萍川区2025年行政复议纠错率为什么比2024年还上升了2.3个百分点？")
    assert first_line(answer).startswith("11.4%") and "下降" in answer.text, answer.text


def test_a_why_question_with_no_report_of_the_year_before(tmp_path):
    # "…为什么增加了？" of a town with only this year's report, which says 同比下降: the premise is wrong
    town = """萍川区莉溪镇2025年法治政府建设年度报告

一、信访工作
坚持镇村干部轮流接访，全年受理群众来信来访108件次，同比下降12.2%，按期办结率100%。
对重复信访事项实行“一事一专班”，化解信访积案4件。
"""
    service = reports_service(tmp_path, {"莉溪镇_2025.txt": town, "萍川区_2025.txt": Y2025})
    for question in ("莉溪镇去年信访为什么增加了？", "莉溪镇去年信访比前年增加了一倍，主要原因是什么？"):
        answer = service.ask(question)
        line = first_line(answer)
        assert answer.found and "12.2%" in line and "下降" in line, answer.text
