"""Figures of one kind are no answer for another: a legal-aid count is no 行政复议 one (bot/contrasts.txt);
"没开罚单" is not answered by the 行政处罚 cases; "有多少名
网格员" not by the one who won an award; an English "legal aid applications" not by 行政复议申请; a
province's report named by its level ("省报告附表里") is where the city's row is read."""

import pytest

from tests.conftest import first_line, reports_service

CITY = """# 濌川市2025年法治政府建设年度报告

## 一、公共法律服务

全年全市各级法律援助机构共收到法律援助申请13265件，受理12486件，较上年的11497件增长8.6%，办结11927件。

## 二、行政复议

全市各级行政复议机构共收到行政复议申请2218件，受理1967件，受理量同比增长9.4%，审结1873件。

## 三、包容审慎监管

全系统办理行政处罚案件8637件，罚没金额9826.4万元。全系统适用“首违不罚”“轻微违法不罚”清单办理案件1152件，不予处罚金额624.8万元，其中首违不罚781件、轻微违法不罚371件。

## 四、平安建设

全年全市公安机关接报警情48.6万起，同比下降5.3%，其中刑事警情1.92万起、治安警情6.38万起，其余为群众求助、交通事故、纠纷等各类警情。

## 五、基层治理

全市网格员由1860名增加至2030名，其中专职网格员720名；12名网格员获评省级优秀网格员。
"""

PROVINCE = """# 濍南省2025年法治政府建设年度报告

## 一、行政复议

全省各级行政复议机构共受理行政复议案件1.58万件，纠错率11.2%。

附件：各设区市主要指标

| 设区市 | 行政复议收案（件） | 纠错率（%） |
|---|---|---|
| 濌川市 | 2873 | 10.8 |
| 濍平市 | 2214 | 13.5 |
"""


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("city"), {"濌川市_2025.md": CITY})


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("both"), {"濌川市_2025.md": CITY, "濍南省_2025.md": PROVINCE})


def test_one_systems_count_is_no_answer_for_another(city):
    # asked of legal aid: the 行政复议 sentence's "受理量同比增长9.4%" is no legal-aid figure
    line = first_line(city.ask("濌川市2025年受理的法律援助案件同比增长了多少？"))
    assert "8.6%" in line and "9.4%" not in line, line


def test_not_penalised_is_not_answered_by_the_penalties(city):
    line = first_line(city.ask("濌川市去年有多少起案子因为情节很轻，最后没开罚单？"))
    assert "8637件" not in line, line


def test_how_many_there_are_is_not_how_many_did_something(city):
    line = first_line(city.ask("濌川市2025年有多少名网格员？"))
    assert line.startswith("2030名"), line


def test_an_english_kind_of_the_counted_noun_must_be_said(city):
    line = first_line(city.ask("How many legal aid applications did Tachuan City receive in 2025?"))
    assert "2218件" not in line, line


def test_a_report_named_by_its_level(both):
    line = first_line(both.ask("省报告附表里濌川市2025年的行政复议收案是多少件？"))
    assert line.startswith("2873件"), line


def test_a_part_its_whole_only_names_has_no_figure(city):
    # 交通事故 is named among the rest of the 警情, with no figure of its own: 48.6万起 counts them all
    line = first_line(city.ask("濌川市2025年交通事故警情有多少起？"))
    assert "48.6万起" not in line, line


@pytest.mark.parametrize("question, history, figure", [
    ("濌川市2025年轻微违法不罚的案件有多少件？", [], "371件"),
    ("其中轻微违法不罚有多少件？", [["濌川市2025年适用两张清单办了多少案件？", "1152件。"]], "371件"),
    ("其中首违不罚的呢？", [["濌川市2025年适用两张清单办了多少案件？", "1152件。"]], "781件"),
])
def test_a_part_is_told_from_its_sibling_by_its_own_name(city, question, history, figure):
    # both parts carry their whole's name (适用“首违不罚”“轻微违法不罚”清单办理案件), which names
    # both kinds; the word tables make 首违不罚 one with 轻微违法不罚: the part's own name tells them apart
    line = first_line(city.ask(question, history))
    assert figure in line, line
