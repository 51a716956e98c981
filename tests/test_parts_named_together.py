"""Several 其中 parts named at once ("假种子假化肥假农药的查了多少起") ask their whole, not the last
part named; one part named still answers with its own figure; and "多少个农民工…工钱" counts the
workers, not the money."""

import pytest

from tests.conftest import first_line, report_service

REPORT = """滏源县农业农村局2025年法治政府建设年度报告

一、加强农业综合执法

（一）农资打假

全年查办农资违法案件41件，罚没款38.6万元，其中种子案件17件、肥料案件13件、农药案件11件；向公安机关移送涉嫌犯罪案件2件。

（二）护薪行动

会同县人社部门为3126名农民工追回被拖欠工资11863.4万元，其中工程建设领域追回8920.7万元。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return report_service(tmp_path_factory.mktemp("parts"), "滏源县农业农村局_2025.txt", REPORT)


@pytest.mark.parametrize("question", [
    "卖假种子假农药的，滏源县农业农村局2025年一共查了多少件？",
    "滏源县农业农村局2025年种子、肥料和农药方面的违法案件查了多少件？",
])
def test_several_parts_named_ask_their_whole(service, question):
    answer = service.ask(question)
    first = first_line(answer)
    assert "11件" not in first and "17件" not in first, answer.text
    assert not answer.found or first.startswith("41件"), answer.text


def test_one_part_named_is_its_own_figure(service):
    answer = service.ask("滏源县农业农村局2025年查办的农药案件有多少件？")
    assert answer.found and first_line(answer).startswith("11件"), answer.text


def test_each_part_asked_is_not_the_whole(service):
    answer = service.ask("滏源县农业农村局2025年种子案件和农药案件分别有多少件？")
    assert "41件" not in first_line(answer), answer.text


def test_how_many_workers_counts_people_not_money(service):
    answer = service.ask("滏源县2025年帮多少个农民工把欠的工钱要回来了？")
    first = first_line(answer)
    assert "万元" not in first, answer.text
    assert not answer.found or first.startswith("3126名"), answer.text


def test_a_two_character_kind_said_before_the_whole_s_name_asks_its_part(tmp_path):
    report = ("滏阳市司法局2024年法治政府建设年度报告\n\n一、公共法律服务\n\n"
              "全年办理法律援助案件3126件，同比增长9.7%，其中刑事法律援助案件1480件、民事法律援助案件1538件、"
              "行政法律援助案件108件，为受援人挽回经济损失6840万元。\n\n"
              "二、行政执法监督\n\n全年办理行政复议案件412件，行政诉讼一审案件96件，行政机关负责人出庭应诉率100%。"
              "开展行政执法案卷评查，评查行政处罚案卷320卷、行政许可案卷180卷。\n\n"
              "三、行政决策\n\n审查重大行政决策事项23件，行政规范性文件41件，行政合同156件。\n")
    service = report_service(tmp_path, "滏阳市司法局_2024.txt", report)
    answer = service.ask("滏阳市司法局2024年办了多少件行政法律援助案件？")
    assert answer.found and first_line(answer).startswith("108件"), answer.text
    answer = service.ask("滏阳市司法局2024年办了多少件法律援助案件？")
    assert answer.found and first_line(answer).startswith("3126件"), answer.text
