"""Assessment results: a rank said ("位列全市第三") or held in a table's 排名 cell answers "排第几"; a
score column ("考核得分") counts in 分; "哪个区县排第一" is the row of that rank; "还有几个没整改完" is the
rest (其余3个), not the problems found; a site page's breadcrumb and a party committee's office name
no report's place (small reports of their own)."""

import datetime as dt

import pytest

from bot.figures import find_figures
from bot.frame import clause_units
from facts.table import table_row_facts
from tests.conftest import first_line, reports_service

NOTICE = """<html><head><meta charset="utf-8"><title>栎州市2025年度法治政府建设考核结果通报</title></head><body>
<div>首页 > 通知公告</div>
<h1>栎州市2025年度法治政府建设考核结果通报</h1>
<p>发布时间：2026-02-10 字号：大 中 小 打印本页</p>
<p>根据《栎州市法治政府建设考核办法》，市委全面依法治市委员会办公室组织开展了2025年度法治政府建设考核，现将结果通报如下。</p>
<table>
<tr><th>单位</th><th>考核得分</th><th>等次</th><th>排名</th></tr>
<tr><td>栎东区</td><td>93.8</td><td>优秀</td><td>3</td></tr>
<tr><td>栎西区</td><td>96.2</td><td>优秀</td><td>1</td></tr>
<tr><td>栎南县</td><td>88.5</td><td>良好</td><td>5</td></tr>
<tr><td>栎北县</td><td>95.1</td><td>优秀</td><td>2</td></tr>
<tr><td>栎川县</td><td>90.4</td><td>良好</td><td>4</td></tr>
</table>
<p>栎西区、栎北县因行政复议规范化建设成效突出各加2分；栎南县因行政机关负责人出庭应诉率未达标扣1.5分。</p>
</body></html>
"""

DISTRICT = """栎东区2025年法治政府建设年度报告

2025年，栎东区深入贯彻习近平法治思想，法治政府建设年度考核得分93.8分，位列全市第三，等次为优秀。

一、法治督察整改情况
针对市法治督察反馈的问题，区政府逐项制定整改措施。市法治督察反馈问题18个，已整改完成15个，整改率83.3%，其余3个正在整改中。

二、主要成效
全年办理行政复议案件215件，纠错率9.3%。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("ranks"), {"栎州市_2025.html": NOTICE, "栎东区_2025.txt": DISTRICT})


@pytest.mark.parametrize(("clause", "units"), [
    ("栎东区在全市排第几", ("第名",)),
    ("栎北县考核排名第几", ("第名",)),
    ("栎西区的名次是多少", ("第名",)),
    ("What place did Libei County rank", ("第名",)),
    ("What was Lixi District's score", ("分",)),
    ("第几届", ("第届",)),
])
def test_a_rank_asked_is_answered_in_ranks(clause, units):
    from bot.frame import ask_kind

    assert clause_units(clause, ask_kind(clause)) == units


def test_a_rank_is_found_as_said_and_in_a_rank_cell():
    assert [f.text for f in find_figures("考核得分93.8分，位列全市第三，等次为优秀", ("第名",))] == ["第三"]
    assert [f.text for f in find_figures("栎北县｜考核得分：95.1｜排名：2", ("第名",))] == ["第2名"]
    assert find_figures("考核得分93.8分", ("第名",)) == []


def test_a_score_or_rate_column_gives_its_bare_cells_their_unit():
    facts = table_row_facts("栎北县｜考核得分：95.1｜等次：优秀｜排名：2｜纠错率：8.3")
    assert [(f.display, f.column) for f in facts] == [("95.1分", "考核得分"), ("2", "排名"), ("8.3%", "纠错率")]


@pytest.mark.parametrize(("question", "figure"), [
    ("栎东区2025年法治政府建设考核在全市排第几？", "第三"),
    ("栎北县2025年考核排名第几？", "第2名"),
    ("栎北县2025年考核得分是多少？", "95.1分"),
    ("What was Lixi District's score in the 2025 assessment?", "96.2分"),
    ("栎东区2025年考核得了多少分？", "93.8分"),
    ("2025年考核哪个区县排第一？", "栎西区"),
    ("2025年考核排名第二的是哪个县？", "栎北县"),
    ("Which district or county ranked first in the 2025 assessment?", "栎西区"),
    ("2025年考核得分最高的是哪个区县？", "栎西区"),
    ("栎东区市法治督察反馈的问题还有几个没整改完？", "3个"),
    ("栎东区市法治督察反馈了多少个问题？", "18个"),
])
def test_assessment_results_are_answered(service, question, figure):
    assert figure in first_line(service.ask(question))


def test_a_breadcrumb_and_a_committee_office_name_no_place(service):
    notice = next(d for d in service.documents() if d.title.endswith("通报"))
    assert (notice.title, notice.region) == ("栎州市2025年度法治政府建设考核结果通报", "栎州市")


@pytest.mark.parametrize("question", [
    "溽州市市场监管局2025年度法治政府建设考核得分是多少？", "考核得分多少", "群众满意度测评得分为多少？",
    "What was its score in the assessment?"])
def test_a_score_asked_in_chinese_counts_in_points(question):
    # (so "等九家单位被评为优秀" is no answer to a score: 九家 is counted in 家)
    from bot.frame import parse

    assert [a.units for a in parse(question, ["溽州市"], dt.date(2026, 12, 4)).asks] == [("分",)]
