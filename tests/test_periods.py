"""Parts of a year: a table whose columns are quarters (第一季度｜…｜第四季度｜全年) answers a
question about one quarter from its cell, a follow-up "那第四季度呢？" asks the previous question
of that quarter, "第四季度比第一季度多…" compares the two cells, and the year's figure is never a
half-year's or a quarter's."""

import pytest

from bot.compare_bodies import period_questions
from tests.conftest import first_line, report_service

_PAGE = """<html><head><meta charset="utf-8"><title>茴州市市场监督管理局2025年法治政府建设年度报告</title></head><body>
<h1>茴州市市场监督管理局2025年法治政府建设年度报告</h1>
<p>2025年，茴州市市场监督管理局坚持依法行政，全年通过12315平台受理消费投诉5.62万件，同比增长6.1%，
为消费者挽回经济损失3410万元。</p>
<h2>一、主要指标</h2>
<table>
<tr><th>指标</th><th>第一季度</th><th>第二季度</th><th>第三季度</th><th>第四季度</th><th>全年</th></tr>
<tr><td>受理消费投诉（件）</td><td>12180</td><td>13420</td><td>14630</td><td>15970</td><td>56200</td></tr>
<tr><td>挽回消费者经济损失（万元）</td><td>760</td><td>815</td><td>880</td><td>955</td><td>3410</td></tr>
<tr><td>价格投诉举报（件）</td><td>512</td><td>486</td><td>603</td><td>471</td><td>2072</td></tr>
</table>
<h2>二、下一步工作</h2>
<p>力争2026年消费投诉按时办结率达到98%以上。</p>
</body></html>
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return report_service(tmp_path_factory.mktemp("periods"), "茴州市市场监督管理局_2025.html", _PAGE)


@pytest.mark.parametrize(("question", "figure"), [
    ("茴州市市场监管局2025年第三季度受理了多少件消费投诉？", "14630件"),
    ("茴州市市场监管局2025年第二季度挽回消费者经济损失多少万元？", "815万元"),
])
def test_a_quarter_from_its_column(service, question, figure):
    assert figure in first_line(service.ask(question))


def test_the_year_figure_is_no_half_year_figure(service):
    answer = service.ask("茴州市市场监管局2025年上半年受理了多少件消费投诉？")
    assert not answer.found
    assert "5.62万件" not in first_line(answer) and "56200" not in first_line(answer)


@pytest.mark.parametrize(("follow_up", "figures"), [("那第四季度呢？", ("15970件",)), ("第二季度呢？", ("13420件",)),
                                                     ("那全年呢？", ("5.62万件", "56200件"))])
def test_follow_up_names_another_quarter(service, follow_up, figures):
    history = [("茴州市市场监管局2025年第一季度受理消费投诉多少件？", "2025年第一季度受理消费投诉12180件。")]
    line = first_line(service.ask(follow_up, history))
    assert any(f in line for f in figures), line


def test_two_quarters_compared(service):
    answer = service.ask("茴州市市场监管局2025年第四季度比第一季度多受理了多少件消费投诉？")
    assert "3790件" in first_line(answer)  # 15970 − 12180


def test_periods_not_in_the_report_are_not_compared(service):
    answer = service.ask("茴州市市场监管局2025年上半年和下半年受理的消费投诉哪个多？")
    assert not answer.found


@pytest.mark.parametrize(("text", "sides"), [
    ("2025年第四季度比第一季度多受理了多少件消费投诉？", ("第四季度", "2025年第四季度受理了多少件消费投诉？",
                                                       "第一季度", "2025年第一季度受理了多少件消费投诉？")),
    ("第三季度比第二季度的挽回损失高多少万元？", ("第三季度", "第三季度的挽回损失多少万元？",
                                               "第二季度", "第二季度的挽回损失多少万元？")),
    ("2025年第一季度和第二季度分别受理了多少件？", None),  # two asks, no comparison
    ("2025年第一季度受理了多少件？", None),
])
def test_period_questions(text, sides):
    assert period_questions(text) == sides


# ---- a half-year report beside the year's: its figures are the half-year's ------------------------
HALF = """# 泷源县2025年上半年法治政府建设工作情况

## 一、上半年工作情况

全县共收到行政复议申请68件，受理61件，办结52件。开展行政执法检查1320次，作出行政处罚决定412件。各级调解组织调处矛盾纠纷1186件，调解成功率97.2%。

## 二、下半年工作打算

力争全年行政复议案件办结率达到95%以上，行政处罚决定网上公示率保持100%。
"""

YEAR = """# 泷源县2025年法治政府建设年度报告

## 一、主要成效

全年共收到行政复议申请142件，同比增长9.2%，受理130件，办结124件。全年开展行政执法检查2860次，作出行政处罚决定905件。各级调解组织调处矛盾纠纷2415件，调解成功率97.8%。
"""


@pytest.fixture(scope="module")
def half_year(tmp_path_factory):
    from tests.conftest import reports_service

    return reports_service(tmp_path_factory.mktemp("half"), {"泷源县_2025上半年.md": HALF, "泷源县_2025.md": YEAR})


@pytest.mark.parametrize(("question", "figure"), [
    ("泷源县2025年上半年作出了多少件行政处罚决定？", "412件"),  # no period in its sentence: its report's
    ("泷源县2025年1-6月开展执法检查多少次？", "1320次"),
    ("泷源县2025年上半年调解成功率是多少？", "97.2%"),
    ("泷源县2025年收到多少件行政复议申请？", "142件"),  # the year's, no "two values" with the half-year's
    ("泷源县2025年作出了多少件行政处罚决定？", "905件"),
])
def test_a_half_year_reports_figures_are_the_half_years(half_year, question, figure):
    answer = half_year.ask(question, [])
    assert first_line(answer).startswith(figure), answer.text


@pytest.mark.parametrize(("path", "title", "months"), [
    ("一、上半年工作情况", "泷源县2025年上半年法治政府建设工作情况", (1, 6)),
    ("二、下半年工作打算", "泷源县2025年上半年法治政府建设工作情况", (1, 6)),  # a plan's heading says no period
    ("一、主要成效", "泷源县2025年法治政府建设年度报告", None),
    ("一、主要成效", "泷源县2025年第三季度行政执法情况", (7, 9)),
    ("一、主要成效", "关于2025年法治政府建设情况的报告（2026年3月）", None),  # a month alone: a date
])
def test_the_period_a_passage_is_in(path, title, months):
    from bot.periods import context_period

    assert context_period(path, title) == months
