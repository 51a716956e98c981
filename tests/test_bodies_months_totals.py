"""An arbitration committee's, an education bureau's and a market regulator's reports (session 60):
- a department's report speaks for its body in every sentence: "经审查受理8642件" of the 劳动人事争议仲裁委员会's
  report answers "劳动人事争议仲裁机构…受理了多少件", and its "较2024年的8009件" the year with no report;
- "比上年下降了多少" of a year whose year before has no report: never a table row's figure for a side (the 人事争议
  row, its label inside the body's name);
- a row label inside the body's name (人事争议 of 劳动人事争议仲裁委员会) names no row: the 合计 row answers;
- a month table in two half-year blocks (指标｜1月…6月｜上半年, then 指标｜7月…12月｜全年) keeps each block's
  months: "10月" and "1季度" are column labels, not values;
- a figure of a kind the question does not name ("立案查处不合格食品相关案件64件") yields to the same count of
  every kind ("全年立案查处各类违法案件386件");
- a breakdown's rows that a stated total sums (one school's 2件 of 合计 14件) are no rival of that total for the
  confidence gate;
- "多少家欠农民工钱…的企业" counts 家: a measure word the tokenizer glues to the next word is still one."""

from __future__ import annotations

import pytest

from bot.frame import clause_units
from ingest.loaders.tables import is_figure, render_table
from tests.conftest import first_line, reports_service

ARB_2025 = ("炂阳市劳动人事争议仲裁委员会2025年法治政府建设年度报告\n\n一、案件办理\n\n"
            "全年全市各级仲裁机构共收到仲裁申请9215件，经审查受理8642件，较2024年的8009件增长7.9%，不予受理573件；"
            "审结8317件，结案率96.2%。\n\n表1 2025年案件类型\n\n"
            "| 案件类型 | 受理（件） | 调解结案（件） |\n|---|---|---|\n"
            "| 劳动报酬 | 3875 | 2451 |\n| 社会保险 | 754 | 392 |\n| 人事争议 | 127 | 58 |\n"
            "| 其他 | 3886 | 2005 |\n| 合计 | 8642 | 4906 |\n")
ARB_2023 = ("炂阳市劳动人事争议仲裁委员会2023年法治政府建设年度报告\n\n一、案件办理\n\n"
            "全年全市各级仲裁机构共收到仲裁申请7921件，受理7436件，审结7109件。\n")
EDUCATION = ("炂源县教育局2025年法治政府建设年度报告\n\n一、校园安全\n\n"
             "处置学生欺凌事件14件，较上年的19件下降26.3%，全部在规定时限内调查处置并开展家校沟通。\n\n"
             "表1 2025年各校法治教育情况\n\n"
             "| 学校 | 法治课（课时） | 学生欺凌事件处置（件） |\n|---|---|---|\n"
             "| 炂源县第一中学 | 612 | 3 |\n| 炂源县第二中学 | 536 | 2 |\n| 炂源县实验小学 | 486 | 0 |\n"
             "| 炂源县职业中专 | 418 | 4 |\n| 炂桥镇中心学校 | 352 | 5 |\n| 合计 | 2404 | 14 |\n")
MARKET = ("炂源县市场监督管理局2025年法治政府建设年度报告\n\n一、食品安全\n\n"
          "检出不合格样品72批次，不合格率2.54%，立案查处不合格食品相关案件64件。\n\n"
          "二、行政执法\n\n全年立案查处各类违法案件386件，结案352件，罚没款1268.4万元。\n\n表1 2025年分月执法情况\n\n"
          "| 指标 | 1月 | 2月 | 3月 | 4月 | 5月 | 6月 | 上半年 |\n|---|---|---|---|---|---|---|---|\n"
          "| 食品抽检（批次） | 186 | 142 | 215 | 238 | 251 | 264 | 1296 |\n"
          "| 立案（件） | 21 | 15 | 28 | 32 | 30 | 36 | 162 |\n"
          "| 指标 | 7月 | 8月 | 9月 | 10月 | 11月 | 12月 | 全年 |\n"
          "| 食品抽检（批次） | 242 | 236 | 258 | 270 | 281 | 247 | 2830 |\n"
          "| 立案（件） | 34 | 29 | 38 | 41 | 37 | 45 | 386 |\n")
LABOUR = ("炂阳市人力资源和社会保障局2025年法治政府建设年度报告\n\n一、欠薪治理\n\n"
          "加大失信惩戒和刑事打击力度，将27家拖欠农民工工资情节严重的用人单位列入失信联合惩戒对象名单，"
          "向公安机关移送涉嫌拒不支付劳动报酬犯罪案件19件。\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("bodies_months"), {
        "炂阳市劳动人事争议仲裁委员会_2025.txt": ARB_2025, "炂阳市劳动人事争议仲裁委员会_2023.txt": ARB_2023,
        "炂源县教育局_2025.txt": EDUCATION, "炂源县市场监督管理局_2025.txt": MARKET,
        "炂阳市人力资源和社会保障局_2025.txt": LABOUR})


def test_a_departments_sentence_speaks_for_its_body(service):
    answer = service.ask("炂阳市劳动人事争议仲裁机构2024年受理了多少件案件？")
    assert answer.found and first_line(answer).startswith("8009件"), answer.text
    assert "2025年报告中2024年的数据" in first_line(answer), answer.text
    follow = service.ask("那2024年呢？", [("炂阳市2025年劳动人事争议仲裁机构受理了多少件案件？", "8642件。")])
    assert follow.found and first_line(follow).startswith("8009件"), follow.text


def test_a_change_against_a_year_with_no_report_never_takes_a_rows_figure(service):
    # (the body's name says 人事争议 inside it: the table's 人事争议 row is never the year's 127件 of a side)
    answer = service.ask("炂阳市2025年劳动人事争议仲裁受理的案件比上年下降了多少？")
    assert "127件" not in answer.text, answer.text
    assert not answer.found or "7.9%" in first_line(answer), answer.text


def test_a_row_label_inside_the_bodys_name_names_no_row(service):
    answer = service.ask("炂阳市劳动人事争议仲裁委员会2025年调解结案的案件有多少件？")
    assert answer.found and first_line(answer).startswith("4906件"), answer.text


def test_month_columns_in_two_half_year_blocks():
    assert not is_figure("10月") and not is_figure("1-6月") and not is_figure("1季度") and is_figure("10件")
    rows = [["指标", "1月", "2月", "上半年"], ["立案（件）", "21", "15", "162"],
            ["指标", "7月", "8月", "全年"], ["立案（件）", "34", "29", "386"]]
    assert render_table(rows) == ["立案（件）｜1月：21｜2月：15｜上半年：162",
                                  "立案（件）｜7月：34｜8月：29｜全年：386"]


def test_a_month_of_the_second_block_is_answered(service):
    answer = service.ask("炂源县市场监管局2025年10月立案了多少件？")
    assert answer.found and first_line(answer).startswith("41件"), answer.text
    food = service.ask("炂源县市场监管局2025年3月食品抽检了多少批次？")
    assert food.found and first_line(food).startswith("215批次"), food.text


def test_a_kind_unasked_yields_to_the_count_of_every_kind(service):
    answer = service.ask("炂源县市场监管局2025年立案查处了多少件案件？")
    assert answer.found and first_line(answer).startswith("386件"), answer.text
    kind = service.ask("炂源县市场监管局2025年立案查处不合格食品相关案件多少件？")  # the kind asked: its own
    assert kind.found and first_line(kind).startswith("64件"), kind.text


def test_the_rows_a_total_sums_are_no_rival_of_it(service):
    answer = service.ask("炂源县2025年学生欺凌事件比上年增加了，全年处置了多少件？")
    assert answer.found and first_line(answer).startswith("14件"), answer.text


def test_a_measure_word_glued_to_the_next_word_is_still_counted(service):
    assert "家" in clause_units("去年把多少家欠农民工钱不还的老赖企业拉进了黑名单", "number")
    assert "家" not in clause_units("有多少家庭申请了法律援助", "number")
    answer = service.ask("炂阳市人社局去年把多少家欠农民工钱不还的老赖企业拉进了黑名单？")
    assert answer.found and first_line(answer).startswith("27家"), answer.text
