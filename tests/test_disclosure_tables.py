"""The national template of a 政府信息公开工作年度报告 as a government site serves it: a corner cell merged
over three label columns and three header rows, row labels in levels ("三、本年度办理结果" over
"（三）不予公开" over "1.属于国家秘密"), a row of figures with no label column, and no unit anywhere —
its whole numbers count what its row or its section's title names (申请: 件)."""

import pytest

from facts import chunk_facts
from facts.table import counted_unit, table_row_facts
from ingest.loaders import load_blocks
from ingest.loaders.html_loader import _grid
from ingest.loaders.tables import render_table
from tests.conftest import FIXTURES, build_store, first_line

PAGE = FIXTURES / "disclosure" / "瀌水县人民政府_2025.html"


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("disclosure"), [PAGE], embedding_model="hash")[1]


@pytest.fixture(scope="module")
def lines():
    return [b.text for b in load_blocks(PAGE)]


def test_a_corner_merged_both_ways_keeps_the_columns_below_in_place():
    # (text, colspan, rowspan): the corner covers three columns of three rows
    rows = _grid([[("角", "3", "3"), ("申请人情况", "3", None)],
                  [("自然人", None, "2"), ("法人或其他组织", None, None), ("总计", None, "2")],
                  [("商业企业", None, None)],
                  [("一、本年新收", "3", None), ("118", None, None), ("30", None, None), ("163", None, None)]])
    assert rows[1] == ["角", None, None, "自然人", "法人或其他组织", "总计"]
    assert rows[2] == ["角", None, None, "自然人", "商业企业", "总计"]


def test_row_labels_in_levels_are_joined_and_carried_down(lines):
    assert any(t.startswith("一、本年新收政府信息公开申请数量｜申请人情况自然人：118｜") for t in lines)
    assert any(t.startswith("三、本年度办理结果（二）部分公开") for t in lines)
    level3 = "三、本年度办理结果（三）不予公开2.其他法律行政法规禁止公开｜申请人情况自然人：2｜"
    assert any(t.startswith(level3) for t in lines)
    assert any(t.startswith("四、结转下年度继续办理｜申请人情况自然人：13｜") for t in lines)  # not 总计's level
    assert not any("勾稽关系" in t for t in lines)  # the corner labels no value


def test_a_corner_naming_the_row_labels_keeps_them_as_a_column():
    # (not a note like the template's 勾稽关系: "被申请人（被告）" says what the second level is)
    rows = _grid([[("被申请人（被告）", "2", "2"), ("行政复议", "2", None)],
                  [("新收", None, None), ("审结", None, None)],
                  [("区人民政府", "2", None), ("46", None, None), ("44", None, None)],
                  [("区级部门", None, "2"), ("区城市管理局", None, None), ("71", None, None), ("69", None, None)],
                  [("其他部门", None, None), ("45", None, None), ("42", None, None)]])
    assert render_table(rows) == [
        "区人民政府｜行政复议新收：46｜行政复议审结：44",
        "区级部门｜被申请人（被告）：区城市管理局｜行政复议新收：71｜行政复议审结：69",
        "区级部门｜被申请人（被告）：其他部门｜行政复议新收：45｜行政复议审结：42"]


def test_outline_numbered_levels_under_a_named_corner_are_joined():
    """The template's corner may read "本机关情况" (no note): levels numbered as an outline (三、 / （五） /
    2.) are one row label still, and an item "2.重复申请" is a label, not the value 2."""
    # (text, colspan, rowspan)
    rows = _grid([[("本机关情况", "3", "2"), ("申请人情况", "2", None)],
                  [("自然人", None, None), ("总计（件）", None, None)],
                  [("一、本年新收政府信息公开申请数量", "3", None), ("118", None, None), ("163", None, None)],
                  [("三、本年度办理结果", None, "3"), ("（一）予以公开", "2", None), ("61", None, None),
                   ("84", None, None)],
                  [("（五）不予处理", None, "2"), ("1.信访举报投诉类申请", None, None), ("5", None, None),
                   ("5", None, None)],
                  [("2.重复申请", None, None), ("3", None, None), ("3", None, None)]])
    assert render_table(rows) == [
        "一、本年新收政府信息公开申请数量｜申请人情况自然人：118｜申请人情况总计（件）：163",
        "三、本年度办理结果（一）予以公开｜申请人情况自然人：61｜申请人情况总计（件）：84",
        "三、本年度办理结果（五）不予处理1.信访举报投诉类申请｜申请人情况自然人：5｜申请人情况总计（件）：5",
        "三、本年度办理结果（五）不予处理2.重复申请｜申请人情况自然人：3｜申请人情况总计（件）：3"]


def test_a_row_of_figures_without_a_label_column_keeps_its_first_value(lines):
    row = next(t for t in lines if "行政复议结果维持" in t)
    assert row.startswith("行政复议结果维持：3｜行政复议结果纠正：1｜")
    assert "行政诉讼复议后起诉总计：1" in row


def test_only_a_numbering_column_is_dropped():
    numbered = render_table([["序", "事项", "件数"], ["1", "受理", "12"], ["2", "审结", "10"]])
    assert numbered == ["受理｜件数：12", "审结｜件数：10"]
    # a lone row's first value under its header is no 序号
    assert render_table([["结果维持", "结果纠正", "总计"], ["3", "1", "5"]]) == ["结果维持：3｜结果纠正：1｜总计：5"]


@pytest.mark.parametrize(("name", "unit"), [
    ("一、本年新收政府信息公开申请数量", "件"),
    ("三、收到和处理政府信息公开申请情况", "件"),
    ("四、政府信息公开行政复议、行政诉讼情况", "件"),
    ("执法人员", "名"),
    ("三、本年度办理结果（一）予以公开", ""),
    ("二、主动公开政府信息情况", ""),
])
def test_what_a_title_counts(name, unit):
    assert counted_unit(name) == unit


def test_bare_whole_numbers_take_the_unit_of_what_is_counted():
    row = "三、本年度办理结果（一）予以公开｜申请人情况自然人：61｜申请人情况总计：83"
    assert {f.text: f.unit for f in table_row_facts(row)} == {"61": "", "83": ""}
    assert {f.text: f.unit for f in table_row_facts(row, counted_hint="件")} == {"61": "件", "83": "件"}
    # the section's title says it when the table's title line is in another chunk
    assert {f.unit for f in chunk_facts(row, "三、收到和处理政府信息公开申请情况", 2025)} == {"件"}
    # a decimal is no count; a header's own unit wins
    assert table_row_facts("甲｜比例：2.5", counted_hint="件")[0].unit == ""
    assert table_row_facts("行政规范性文件｜本年制发件数：12")[0].unit == "件"


@pytest.mark.parametrize(("question", "figure"), [
    ("瀌水县2025年新收政府信息公开申请多少件？", "163件"),  # the row's 总计, not its 自然人 column
    ("瀌水县2025年政府信息公开申请予以公开多少件？", "83件"),
    ("瀌水县2025年结转下年度继续办理的申请有多少件？", "16件"),
    ("瀌水县2025年商业企业新收申请多少件？", "30件"),  # a column named: that column
    ("瀌水县2025年新收的申请中自然人申请多少件？", "118件"),
    ("瀌水县2025年信息公开行政复议结果纠正几件？", "1件"),
    ("瀌水县2025年制发行政规范性文件多少件？", "12件"),
])
def test_disclosure_questions(service, question, figure):
    assert figure in first_line(service.ask(question, []))


def test_a_total_column_with_its_unit_is_the_rows_total():
    """"申请人情况总计（件）" is the total column as "总计" is: 自然人 beside it is a part, not the row."""
    from bot.extractive import _beside_total

    row = "四、结转下年度继续办理｜申请人情况自然人：8｜申请人情况法人或其他组织其他：3｜申请人情况总计（件）：11"
    facts = table_row_facts(row, "", "")
    assert {f.text: _beside_total(f, facts) for f in facts} == {"8": "自然人", "3": "法人或其他组织其他", "11": ""}
