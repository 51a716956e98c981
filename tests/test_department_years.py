"""A department asked of a year it has no report of: the refusal says the department has none (the
city has one); a why-changed question about a department takes its own report's stated change; a
question no report answers shows what they say nearest to it; "多少个夜市" names no place."""

import pytest

from tests.conftest import first_line, reports_service

CITY_2023 = """浉阳市2023年法治政府建设年度报告

一、化解矛盾纠纷

全市人民调解组织调处矛盾纠纷2.64万件，调解成功率97.9%。
"""

CITY_2025 = """浉阳市2025年法治政府建设年度报告

一、加强城市管理

推进城市更新，拆违腾出土地3.1万平方米，其中用于绿化和公共停车场1.8万平方米。
"""

JUSTICE_2024 = """浉阳市司法局2024年法治政府建设年度报告

一、人民调解

全市人民调解组织调处矛盾纠纷2.87万件，同比增长8.7%，调解成功率98.1%。
"""

URBAN_2025 = """浉阳市城市管理局2025年法治政府建设年度报告

一、严格规范执法

全年拆除违法建设412处、面积5.82万平方米，同比增长18.4%。

二、便民服务

设置摊贩疏导点36个，群众投诉举报同比下降12.6%。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("dept_years"), {
        "浉阳市_2023.txt": CITY_2023, "浉阳市_2025.txt": CITY_2025,
        "浉阳市司法局_2024.txt": JUSTICE_2024, "浉阳市城市管理局_2025.txt": URBAN_2025})


def test_the_refusal_names_the_department_not_the_city(service):
    answer = service.ask("浉阳市司法局2023年人民调解调处了多少件矛盾纠纷？")
    assert not answer.found, answer.text
    assert "没有浉阳市司法局2023年的报告" in answer.text, answer.text


def test_a_why_changed_question_about_a_department_takes_its_stated_change(service):
    answer = service.ask("浉阳市城管局2025年拆除违法建设的面积为什么比2024年少了？")
    first = first_line(answer)
    assert "18.4%" in first and "增长" in first and "3.1万" not in answer.text, answer.text


def test_a_question_the_reports_do_not_answer_shows_what_they_say(service):
    answer = service.ask("劳动争议调解成功率是多少？")  # every report in scope, none says it
    assert not answer.found and "97.9%" not in first_line(answer), answer.text
    assert "可能相关" in answer.text and "调解成功率" in answer.text, answer.text


def test_a_count_before_a_word_ending_in_shi_is_no_place(service):
    answer = service.ask("设置了多少个夜市摊点？")
    assert "多少个夜市的报告" not in answer.text, answer.text
