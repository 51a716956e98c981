"""A report's table with one ROW per month (月份 | 检查企业（家次） | 立案（件） | 罚款（万元）): a month asked
in English ("in September 2025") is that row, as 9月 is; "the Zhubei branch" is the bureau's 分局; a
follow-up naming a month ("其中11月份罚了多少？", "那12月单月呢？") asks the previous question of that month."""

from __future__ import annotations

import pytest

from tests.conftest import first_line, reports_service

MONTHS = [("1月", 201, 6, "38.5"), ("2月", 158, 4, "21.0"), ("3月", 245, 9, "52.3"), ("4月", 262, 8, "47.9"),
          ("5月", 270, 10, "61.2"), ("6月", 281, 9, "58.4"), ("7月", 266, 11, "66.0"), ("8月", 259, 10, "63.7"),
          ("9月", 347, 11, "96.3"), ("10月", 298, 9, "70.8"), ("11月", 336, 12, "77.6"), ("12月", 310, 13, "74.1")]
TABLE = "\n".join(f"| {m} | {a} | {b} | {c} |" for m, a, b, c in MONTHS)
REPORT = f"""# 澾江市生态环境局濐北分局2025年法治建设工作报告

## 一、严格规范公正文明执法

全年现场检查企业3433家次，立案查处环境违法案件112件，罚款727.8万元，同比增长18.6%。

表1 2025年分月执法情况

| 月份 | 检查企业（家次） | 立案（件） | 罚款（万元） |
| --- | --- | --- | --- |
{TABLE}
| 全年 | 3433 | 112 | 727.8 |

## 二、执法队伍建设

全年组织执法人员培训15期、846人次，同比增长24.4%。
"""


DISTRICT = ("澾江市濐北区2025年法治政府建设年度报告\n\n2025年，濐北区人民政府深入推进法治政府建设。\n\n"
            "一、严格规范公正文明执法\n\n全区各部门作出行政处罚决定5836件；区生态环境分局立案查处环境违法案件112件，"
            "罚款近730万元。\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("month_rows"),
                           {"澾江市生态环境局濐北分局_2025.md": REPORT, "濐北区_2025.txt": DISTRICT})


def test_a_month_asked_in_english_is_its_row(service):
    answer = service.ask("How much did the Zhubei branch impose in fines in September 2025?")
    assert first_line(answer).startswith("96.3万元"), answer.text


@pytest.mark.parametrize(("history", "question", "figure"), [
    ([["濐北分局2025年一共罚款多少？", "727.8万元。"]], "其中11月份罚了多少？", "77.6万元"),
    ([["濐北分局2025年一共立案多少件？", "112件。"]], "那12月单月呢？", "13件"),
])
def test_a_month_follow_up_is_the_question_of_that_month(service, history, question, figure):
    assert first_line(service.ask(question, history)).startswith(figure)


def test_a_branch_of_a_bureau_in_english(service):
    # "the Zhubei Branch of the Tajiang Ecology and Environment Bureau": 澾江生态环境局濐北分局, whose words
    # are whose report, not what is counted
    answer = service.ask("How many on-site inspections of enterprises did the Zhubei Branch of the Tajiang "
                         "Ecology and Environment Bureau carry out in 2025?")
    assert first_line(answer).startswith("3433家次"), answer.text


def test_a_target_said_missed_is_answered_with_the_figure(service):  # guard
    answer = service.ask("濐北分局2025年执法人员培训没完成800人次的目标吧？实际培训了多少人次？")
    assert "846人次" in first_line(answer), answer.text


def test_the_year_and_a_chinese_month(service):  # guard
    assert first_line(service.ask("濐北分局2025年罚款多少万元？")).startswith("727.8万元")
    assert first_line(service.ask("濐北分局2025年9月罚款多少万元？")).startswith("96.3万元")


def test_a_place_the_ask_names_is_not_said_again():
    from dataclasses import replace

    from bot.frame import ask_question, parse

    frame = parse("濐北分局2025年执法人员培训有多少人次？")
    ask = replace(frame.asks[0], text="濐北分局执法人员培训有多少人次")
    assert ask_question(replace(frame, regions=("濐北",)), ask) == "2025年濐北分局执法人员培训有多少人次？"


@pytest.mark.parametrize(("question", "figure"), [
    # a quarter, a half or a run of months no sentence states: the sum of its month rows, each cited
    ("濐北分局2025年第二季度一共罚款多少？", "167.5万元"),  # 47.9 + 61.2 + 58.4
    ("濐北分局2025年下半年立案多少件？", "66件"),  # 11 + 10 + 11 + 9 + 12 + 13
    ("濐北分局2025年1到3月检查企业多少家次？", "604家次"),  # 201 + 158 + 245
])
def test_a_run_of_months_is_the_sum_of_their_rows(service, question, figure):
    answer = service.ask(question)
    assert first_line(answer).startswith(figure), answer.text
    assert len(answer.citations) >= 3


def test_a_run_of_months_some_of_which_have_no_row_is_not_summed(tmp_path):  # guard
    without_june = REPORT.replace("| 6月 | 281 | 9 | 58.4 |\n", "")
    service = reports_service(tmp_path, {"澾江市生态环境局濐北分局_2025.md": without_june})
    assert not first_line(service.ask("濐北分局2025年第二季度一共罚款多少？")).startswith("109.1万元")
