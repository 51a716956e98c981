"""Tables and periods as everyday questions say them: a city's row of a province's table counted in cases
("法律援助（件）" is what prose calls 法律援助案件, also asked in English); a quarter column asked as its
months ("4到6月份" is 二季度); "截至2025年" says when, no word to find; a government's formal name (县人民政府)
is the 县政府 its report says; a department's report of a year its place's government has none of is that
place's; a town said again as "镇内" is still the town."""

from __future__ import annotations

import pytest

from tests.conftest import first_line, reports_service

PROVINCE = """# 瀑江省司法厅2025年法治政府建设年度报告

## 一、公共法律服务

全年办理法律援助案件41236件，同比增长8.1%。全省基层立法联系点由21个增加至29个。

表1 2025年瀑江省各设区的市公共法律服务主要数据

| 市 | 法律援助（件） | 人民调解（件） |
| --- | --- | --- |
| 瀑州市 | 15872 | 80211 |
| 瀒阳市 | 13507 | 66934 |
| 瀑川市 | 11857 | 52630 |
| 全省 | 41236 | 199775 |
"""

BUREAU_2025 = """# 瀒阳市信访局2025年法治政府建设年度报告

## 一、依法分类处理信访诉求

全年全市信访系统收到群众来信2846件，受理信访事项13208件，办结12877件。

表1 2025年信访事项分季度办结情况

| 类别 | 一季度 | 二季度 | 三季度 | 四季度 | 全年 |
| --- | --- | --- | --- | --- | --- |
| 来信（件） | 702 | 741 | 689 | 714 | 2846 |
| 办结（件） | 3011 | 3390 | 3275 | 3201 | 12877 |
"""

BUREAU_2024 = """瀒阳市信访局2024年法治政府建设年度报告

一、依法分类处理信访诉求

全年全市信访系统收到群众来信2713件，接待群众来访1862批次，受理信访事项12650件。
"""

CITY_2025 = """瀒阳市2025年法治政府建设情况报告

一、行政复议

市政府全年收到行政复议申请318件，受理297件，办结281件，纠错率9.1%。

二、诉求办理

全市信访渠道和12345政务服务便民热线全年共受理群众诉求38.6万件，按期办结率99.1%。

三、优化税费服务

在瀒口镇试点设立“税费服务驿站”，全年为镇内纳税人办理涉税咨询468件，瀒口镇新增减税降费3210万元。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("rows_and_periods"), {
        "瀑江省司法厅_2025.md": PROVINCE, "瀒阳市信访局_2025.md": BUREAU_2025,
        "瀒阳市信访局_2024.txt": BUREAU_2024, "瀒阳市_2025.txt": CITY_2025})


@pytest.mark.parametrize(("question", "figure"), [
    ("2025年瀑川市办理了多少件法律援助案件？", "11857件"),
    ("How many legal aid cases did Puzhou City handle in 2025?", "15872件"),
    ("2025年4到6月份，瀒阳全市信访事项办结了多少件？", "3390件"),
    ("截至2025年，瀑江省一共有多少个基层立法联系点？", "29个"),
    ("瀒阳市人民政府2025年受理了多少件行政复议案件？", "297件"),
    ("瀒阳市2024年收到的群众来信多少件？", "2713件"),
    # (a department's field said with its business, "信访系统收到群众来信", is no narrower kind of what is asked)
    ("瀒阳市2025年收到的群众来信多少件？", "2846件"),
    # (a field's word, 信访渠道, names no department asked: the city's own report says it)
    ("2025年瀒阳市信访渠道和12345热线合并统计的按期办结率是多少？", "99.1%"),
    ("瀒口镇“税费服务驿站”2025年办理了多少件涉税咨询？", "468件"),
])
def test_asked_as_people_ask(service, question, figure):
    assert first_line(service.ask(question)).startswith(figure)


def test_a_month_run_that_is_no_quarter_is_not_one(service):  # guard
    line = first_line(service.ask("2025年5到7月，瀒阳全市信访事项办结了多少件？"))
    assert not line.startswith(("3390件", "3275件", "12877件"))
