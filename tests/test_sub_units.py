"""A body's sub-unit for a part of its place (公安局濘江分局) reports on its own: a question naming the
sub-unit ("濘江分局…", "the Ningjiang police sub-bureau") is answered from its report, and a question of
the city or of the city's bureau is not answered with the sub-unit's figures. A place named once at
the head of a run of clauses is said of each of its figures; a total asked is not the few a clause
singles out."""

import pytest

from tests.conftest import first_line, reports_service

BUREAU = """# 濘川市公安局2025年法治公安建设工作报告

## 一、执法办案

全年全市公安机关受理刑事案件1.86万起，立案1.12万起。全年受理行政案件6.42万起，查处5.97万起。

| 警情类别 | 2024年 | 2025年 | 同比 |
|---|---|---|---|
| 交通警情（起） | 61275 | 63942 | +4.4% |
| 刑事警情（起） | 18652 | 16437 | -11.9% |
"""

SUB_BUREAU = """# 濘川市公安局濘江分局2025年法治公安建设工作报告

## 一、执法办案

全年辖区共接报各类警情4.34万起，同比增长2.8%，其中刑事警情由上年的2564起下降至2318起，同比下降9.6%。
全年受理刑事案件3416起，立案1942起。全年受理行政案件8763起，查处8125起，其中涉赌、涉黄、涉毒行政案件分别为263起、118起、186起。全年收到群众执法投诉78件，受理74件，办结74件。
全年开展执法质量考评4次，评查案卷536卷，对存在执法过错的三名民警追究责任。

| 警情类别 | 2024年 | 2025年 | 同比 |
|---|---|---|---|
| 交通警情（起） | 10236 | 10874 | +6.2% |
"""

CITY = """# 濘川市2025年法治政府建设年度报告

## 一、矛盾纠纷化解

全市各级人民调解组织全年调处矛盾纠纷6842件，同比增长4.6%，调解成功率98.1%。其中瀇口镇调处矛盾纠纷612件，调解成功率99.2%，居全市首位。

## 二、行政复议

组织开展“打击非法采砂”等专项行动，立案查处水事违法案件214件，其中非法采砂案件37件、违法占用河道案件62件。
执法检查组随机抽查市、县两级行政复议案卷210卷，发现案卷不规范问题37个，其中证据收集不完整的15个、送达程序不规范的12个、复议决定书说理不充分的10个。
"""


@pytest.fixture(scope="module")
def police(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("police"), {
        "濘川市公安局_2025.md": BUREAU, "濘川市公安局濘江分局_2025.md": SUB_BUREAU, "濘川市_2025.md": CITY})


@pytest.mark.parametrize("question, figure", [
    ("濘江分局2025年受理了多少起刑事案件？", "3416起"),
    ("濘川市公安局濘江分局2025年受理了多少起刑事案件？", "3416起"),
    ("濘江分局2025年交通警情多少起？", "10874起"),
    ("濘川市公安局2025年交通警情多少起？", "63942起"),
    ("濘川市2025年交通警情多少起？", "63942起"),
    ("How many complaints about police law enforcement did the Ningjiang police sub-bureau receive in 2025?", "78件"),
    ("How many traffic-related police incidents were reported in Ningchuan in 2025?", "63942起"),
])
def test_a_sub_unit_answers_for_itself_and_only_itself(police, question, figure):
    line = first_line(police.ask(question))
    assert figure in line, line


def test_the_bureau_is_not_its_sub_bureau(police):
    # the city bureau's own report gives no count of complaints: the sub-bureau's 78件 is not its
    answer = police.ask("濘川市公安局2025年收到群众执法投诉多少件？")
    assert not answer.found or "78件" not in first_line(answer), answer.text


def test_a_place_said_at_the_head_of_its_clauses(police):
    line = first_line(police.ask("瀇口镇2025年人民调解成功率是多少？"))
    assert "99.2%" in line, line


def test_a_total_is_not_the_few_a_clause_singles_out(police):
    # "对存在执法过错的三名民警追究责任" counts those held to account, not the sub-bureau's officers
    answer = police.ask("濘江分局一共有多少名民警？")
    assert "3名" not in first_line(answer) and "三名" not in first_line(answer), answer.text


@pytest.mark.parametrize("question, history, figure", [
    ("其中查处了多少起？", [["濘江分局2025年受理了多少起行政案件？", "8763起。"]], "8125起"),
    ("濘江分局2025年查处的涉毒行政案件有多少起？", [], "186起"),
    # (复议 is the whole's earlier clause's word: it sets no part apart)
    ("濘川市这回翻看复议卷宗，一共挑出了多少个问题？", [], "37个"),
    # (a campaign named in a clause without a figure names the part: 非法采砂 of 其中非法采砂案件)
    ("濘川市2025年立案查处的非法采砂案件有多少件？", [], "37件"),
])
def test_parts_no_word_sets_apart_yield_to_their_whole(police, question, history, figure):
    # "其中涉赌、涉黄、涉毒行政案件分别为…" are parts of the 8125起 查处: asked of none of them, the whole
    line = first_line(police.ask(question, history))
    assert figure in line, line


@pytest.mark.parametrize("body, name", [
    ("公安局潊江分局", "潊江分局"), ("市场监督管理局西湖分局", "西湖分局"), ("司法局城关司法所", "城关司法所"),
    ("公安局交通警察支队", ""), ("税务局稽查局", ""), ("公安局", ""), ("市场监督管理局", ""),
])
def test_a_sub_unit_is_one_for_a_part_of_the_place(body, name):
    from bot.query import _sub_unit_name

    assert _sub_unit_name(body) == name


def test_a_stated_year_on_year_change_before_one_worked_out(police):
    # 辖区 says where, as the place does; "同比下降了多少" is the report's own 9.6%, not 2564 − 2318
    line = first_line(police.ask("濘江分局辖区2025年刑事警情同比下降了多少？"))
    assert line.startswith("9.6%"), line
