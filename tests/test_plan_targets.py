"""A year's work points (工作要点: targets only) beside the five-year review: a target asked is the
plan's figure, in Chinese or English ("what is its 2026 target for …"); an achieved figure of the
planned year is not given; the review's year is still answered from the review."""

import pytest

from tests.conftest import FIXTURES, first_line, reports_service

PLAN = """# 栎山市2026年法治政府建设工作要点

为深入推进法治政府建设，现提出2026年工作要点如下。

## 一、主要目标
2026年，力争行政机关负责人出庭应诉率保持100%，行政复议纠错率控制在12%以内，法律援助案件办理数量不低于4000件，确保新提拔领导干部法治理论考试合格率达到100%。

## 二、重点任务
1.完善重大行政决策程序，年内制定市政府重大行政决策事项目录，目录事项不少于10项。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    review = (FIXTURES / "review_years" / "栎山市_2025.md").read_text(encoding="utf-8")
    return reports_service(tmp_path_factory.mktemp("plan_targets"), {"栎山市_2025.md": review, "栎山市_2026.md": PLAN})


@pytest.mark.parametrize(("question", "figure"), [
    ("栎山市2026年法律援助案件计划办多少件？", "4000件"),
    ("What is Lishan's 2026 target for legal aid cases?", "4000件"),
    ("栎山市2025年负责人出庭应诉率是多少？", "99.3%"),
])
def test_a_target_and_an_achieved_figure_are_told_apart(service, question, figure):
    assert figure in first_line(service.ask(question))


def test_an_achieved_figure_of_the_planned_year_is_not_given(service):
    assert not service.ask("栎山市2026年出庭应诉率实际达到了多少？").found


def test_a_target_asked_in_english_asks_a_number():
    from bot.frame import ask_kind

    assert ask_kind("What is Lishan's 2026 target for legal aid cases?") == "number"
    assert ask_kind("What targets did Lishan set for 2026?") != "number"


def test_a_figure_said_as_the_target_met_is_no_achieved_figure(tmp_path):
    text = ("# 栎东区2024年法治政府建设年度报告\n\n## 一、行政应诉\n全区一审行政诉讼案件收案126件，败诉7件。"
            "年初确定的行政机关负责人出庭应诉率95%以上的目标如期实现，全年出庭应诉率达到96.8%。\n")
    service = reports_service(tmp_path, {"栎东区_2024.md": text})
    assert first_line(service.ask("栎东区2024年负责人出庭应诉率是多少？", [])).startswith("96.8%")
    # the false premise ("没能实现") is answered with the achieved figure, not the target's 95%以上
    premise = first_line(service.ask("栎东区2024年没能实现负责人出庭应诉率95%以上的目标，实际出庭应诉率只有多少？", []))
    assert "96.8%" in premise and not premise.startswith("报告中的数字是95%")
