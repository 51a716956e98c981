"""A change asked between two years is the later year's: with no report of that year, no report
states it — the 2025 report's change on 2024 is not "2026年比2025年" (asked as 今年比去年 in 2026)."""

import pytest

from tests.conftest import first_line, report_service

REPORT = """滏水新区2025年法治政府建设年度报告

一、优化法治化营商环境

全面推行“综合查一次”制度，全年涉企行政检查由2024年的2014次减少至1386次，减少628次，同比下降31.2%，其中跨部门联合检查412次。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return report_service(tmp_path_factory.mktemp("later"), "滏水新区_2025.txt", REPORT)


def test_a_change_of_a_year_no_report_states_is_refused(service):
    answer = service.ask("滏水新区2026年涉企检查次数比2025年压减了多少？")
    assert not answer.found and "628" not in first_line(answer) and "2026年" in first_line(answer), answer.text


def test_the_report_s_own_change_answers_its_year(service):
    answer = service.ask("滏水新区2025年涉企检查次数比2024年压减了多少？")
    assert answer.found and "628次" in first_line(answer), answer.text


def test_a_count_of_another_stage_does_not_answer(tmp_path):
    report = ("滏源县公安局2025年法治政府建设年度报告\n\n一、严格规范公正文明执法\n\n"
              "全县刑事案件发案1127起，同比下降9.8%；全年止付冻结涉诈资金2574万元。\n")
    service = report_service(tmp_path, "滏源县公安局_2025.txt", report)
    answer = service.ask("滏源县公安局2025年破获了多少起刑事案件？")
    assert "1127" not in first_line(answer), answer.text
    answer = service.ask("滏源县公安局2025年刑事案件发案多少起？")
    assert answer.found and first_line(answer).startswith("1127起"), answer.text
