"""Tables as real reports print them: a 类别 cell spanning several rows beside each row's own name
under 指标（单位）; a breakdown whose rows all share the table's subject word ("…卫生"), whose 合计
row answers the whole; a difference shown in 万 when one year's figure is written so."""

import pytest

from tests.conftest import first_line, reports_service

CITY_HTML = """<html><head><meta charset="utf-8"><title>澄阳市2025年法治政府建设年度报告</title></head><body>
<h1>澄阳市2025年法治政府建设年度报告</h1>
<h2>一、主要指标完成情况</h2>
<p>全市法治政府建设主要指标完成情况见下表。</p>
<table>
<tr><th rowspan="2">类别</th><th rowspan="2">指标（单位）</th><th colspan="2">完成情况</th>
<th rowspan="2">同比</th></tr>
<tr><th>2024年</th><th>2025年</th></tr>
<tr><td rowspan="2">行政复议</td><td>收到行政复议申请（件）</td><td>2864</td><td>3105</td><td>增长8.4%</td></tr>
<tr><td>万人行政复议申请数（件）</td><td>3.1</td><td>3.3</td><td>增加0.2件</td></tr>
<tr><td rowspan="2">行政诉讼</td><td>一审行政诉讼收案（件）</td><td>1246</td><td>1187</td><td>下降4.7%</td></tr>
<tr><td>行政诉讼败诉率（%）</td><td>7.9</td><td>4.4</td><td>下降3.5个百分点</td></tr>
</table>
<h2>二、存在的问题和不足</h2>
<p>一是基层法治力量仍较薄弱；二是行政复议案件持续增长。</p>
</body></html>
"""

PROVINCE_2024 = """蓓江省卫生健康委员会2024年法治政府建设年度报告

一、卫生监督执法

全省全年开展卫生监督检查18.62万户次，罚款1862.47万元。
"""

PROVINCE_2025 = """蓓江省卫生健康委员会2025年法治政府建设年度报告

一、卫生监督执法

全省卫生健康系统全年处罚有力、监管有序，分专业情况见表1。

表1 2025年分专业卫生监督执法情况

| 专业 | 监督检查（户次） | 行政处罚案件（件） | 罚款（万元） |
| --- | --- | --- | --- |
| 医疗卫生 | 45600 | 2618 | 986.40 |
| 公共场所卫生 | 66200 | 1958 | 312.75 |
| 学校卫生 | 16100 | 342 | 21.40 |
| 职业卫生 | 14800 | 603 | 368.92 |
| 放射卫生 | 6900 | 216 | 87.35 |
| 中医药 | 8300 | 214 | 52.16 |
| 合计 | 157500 | 5951 | 1828.98 |
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("breakdown"), {
        "澄阳市_2025.html": CITY_HTML,  # (an HTML page is a text file too)
        "蓓江省卫生健康委员会_2024.md": PROVINCE_2024,
        "蓓江省卫生健康委员会_2025.md": PROVINCE_2025,
    })


@pytest.mark.parametrize("question, figure", [
    ("澄阳市2025年万人行政复议申请数是多少？", "3.3件"),  # the row's name is under 指标（单位）, not 行政复议
    ("澄阳市2025年一审行政诉讼收案多少件？", "1187件"),
    ("澄阳市2024年行政诉讼败诉率是多少？", "7.9%"),  # a year column of the 2025 report
])
def test_a_row_named_under_its_category(service, question, figure):
    answer = service.ask(question)
    assert first_line(answer).startswith(figure), answer.text


def test_the_total_row_answers_the_whole_when_every_row_shares_the_subject(service):
    # "卫生" is in most rows' labels: the question names no row, the 合计 row answers
    answer = service.ask("蓓江省2025年卫生执法罚款总额是多少？")
    assert first_line(answer).startswith("1828.98万元"), answer.text


def test_a_row_named_by_its_own_word_still_answers(service):
    answer = service.ask("蓓江省2025年职业卫生罚款多少万元？")
    assert first_line(answer).startswith("368.92万元"), answer.text


def test_a_difference_in_wan_when_one_side_writes_wan(service):
    answer = service.ask("蓓江省2025年卫生监督检查户次比2024年少了多少？")
    assert "2.87万户次" in first_line(answer), answer.text
