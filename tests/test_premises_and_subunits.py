"""A district's police 分局, tax bureau and government, a city's 司法局 (session 57):
- a sub-unit named by a district (灎州市公安局灎河分局) is that district's body: "灎河区警方…" reaches its report;
- a change stated without a figure before a level is asked ("…同比上升了，一共受理了多少起", "…比上年少了，是多少起")
  is a premise: the level is the answer, the year before is not asked;
- a target said missed after its figure ("…6500件以上的目标没完成") or with the thing after it ("没有完成帮助400户
  企业信用修复的目标") is a premise checked against the report;
- a change asked of a thing the question names with 新增 is never another indicator's stated change, nor its level;
- a part asked of a whole whose sentence only lists it among the ways summed ("通过撤销、变更…等方式纠错23件") is
  not given;
- the government's report first even when it says the asked thing another way (经营主体 for "businesses");
- a concept described in a small part of the question is no answer when its sentence says none of the question's
  rare words beside it;
- the ask's own clause's verb, in the word table's report words, picks the figure ("听进去、用上的意见" → 采纳);
- units: 多少个犯罪嫌疑人 (名), 多少被骗的钱 (元), 出了几次庭 (件); "村里社区" is no place name;
- "tax and fee revenue" is 税费收入, "tax bureau" 税务局 (not 税收, whose 税收收入 is a part);
- English: calls, registered (在册), tax and fee revenue, got through."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.extractive import _asked_clauses, asks_change, states_change
from bot.frame import parse
from bot.premise import find_claim
from bot.query import names_a_place
from facts import Fact
from tests.conftest import first_line, reports_service

TODAY = dt.date(2026, 12, 4)

POLICE = ("灎州市公安局灎河分局2025年法治政府建设年度报告\n\n一、依法打击违法犯罪\n\n"
          "1.全年共受理刑事案件2864起，同比下降6.8%，破获1937起，抓获犯罪嫌疑人1046名；"
          "受理治安案件5126起，查处4873起。\n\n"
          "2.深入开展打击治理电信网络诈骗犯罪专项行动，全年受理电信网络诈骗案件588起，破获358起，"
          "返还群众被骗资金2130万元。\n\n"
          "3.与区税务局建立税警协作机制，全年受理税务机关移送涉税犯罪案件11起，查处9起。\n")
TAX = ("灎州市灎河区税务局2025年法治政府建设年度报告\n\n一、优化税费服务\n\n"
       "全年组织各项税费收入86.4亿元，同比增长2.7%，其中税收收入71.9亿元、社会保险费和非税收入14.5亿元。"
       "12366纳税缴费服务热线全年接听来电8.7万次，接通率为95.2%。\n\n"
       "二、税务行政复议\n\n全年收到税务行政复议申请26件，受理22件，审结21件。\n")
DISTRICT = ("灎州市灎河区2025年法治政府建设年度报告\n\n一、依法行政\n\n"
            "1.区政府统一行使行政复议职责，全年收到行政复议申请687件，受理612件，审结574件，"
            "其中通过撤销、变更、确认违法等方式纠错41件，纠错率7.1%。\n\n"
            "2.全年办理法律援助案件915件，为受援人挽回经济损失1380万元。\n\n"
            "3.全区政务服务事项“一网通办”率达到98.7%，新增经营主体1.26万户，增速高于全市平均水平；"
            "全年完成食品安全抽检3420批次，同比增长7.3%。\n\n"
            "4.深化信用修复部门协同机制，全年帮助1028户经营主体完成信用修复，其中市场监管领域431户。\n\n"
            "5.区政府重大行政决策事项全部履行公众参与程序，共收集公众意见412条，采纳97条。\n")
CITY = ("灎州市2025年法治政府建设年度报告\n\n一、依法行政\n\n全市收到行政复议申请2316件，受理2104件。\n")
MARKET = ("灎州市灎河区市场监督管理局2025年法治政府建设年度报告\n\n一、信用监管\n\n"
          "全年帮助431户企业完成信用修复，同比增长18.4%，其中移出经营异常名录338户。\n")


@pytest.fixture(scope="module")
def district(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("premises_district"), {
        "灎河区公安分局_2025.txt": POLICE, "灎河区税务局_2025.txt": TAX, "灎河区_2025.txt": DISTRICT,
        "灎河区市场监督管理局_2025.txt": MARKET, "灎州市_2025.txt": CITY})


@pytest.mark.parametrize("question, lead", [
    # the 分局 of the district's name is the district's police
    ("灎河区警方2025年抓获了多少个犯罪嫌疑人？", "1046名"),
    ("灎河区2025年公安机关破获电信网络诈骗案件多少起？", "358起"),  # (guard)
    # a change stated (wrongly) before the level asked: the level
    ("灎河分局2025年刑事案件受理数同比上升了，一共受理了多少起？", "2864起"),  # (guard here; qa187 failed)
    ("灎河分局2025年受理税务机关移送的涉税犯罪案件比上年少了，是多少起？", "11起"),
    # the government's report first, its 经营主体 being the "businesses" asked
    # (guard: the government's first, its 经营主体 being the "businesses" the bureau calls 企业)
    ("How many businesses in Yanhe District completed credit repair in 2025?", "1028户"),
    # the ask's own clause's verb (用上 → 采纳), not the clause before it (征求意见 → 公众意见)
    ("灎河区2025年搞大决策向群众征求意见，最后真正听进去、用上的意见有多少条？", "97条"),
    ("In 2025, what share of calls to the 12366 tax hotline in Yanhe District got through?", "95.2%"),
    # (guard: "tax bureau" is 税务局 and 税务 — the bureau's 税务行政复议, not the government's 行政复议)
    ("How many administrative reconsideration applications did the Yanhe District tax bureau accept in 2025?",
     "22件"),
])
def test_district_bodies_and_premises(district, question, lead):
    answer = district.ask(question)
    assert answer.found and lead in first_line(answer), answer.text


@pytest.mark.parametrize("question, never", [
    # 新增经营主体's change is never said: not 抽检's 7.3%, nor its level 1.26万户
    ("灎河区2025年新增经营主体同比增长了多少？", ("7.3%", "1.26万户")),
    # 撤销 is only listed among the ways the 41件 were corrected
    ("灎河区2025年行政复议纠错的案件中，被撤销的有多少件？", ("41件",)),
    # 挽回经济损失 of legal aid is no money the police gave back
    ("灎河区警方2025年把多少被骗的钱退还给了受害群众？", ("1380万元",)),
    # "tax and fee revenue" is 税费收入, not its part 税收收入 that "tax" alone would name
    ("How much tax and fee revenue did the Yanhe District tax bureau collect in 2025?", ("71.9亿元",)),
])
def test_unsaid_is_not_answered_with_another_figure(district, question, never):
    answer = district.ask(question)
    assert not any(f in first_line(answer) for f in never), answer.text
    assert "没有提到村里社区" not in answer.text


JUSTICE = ("瀧阳市司法局2025年法治政府建设年度报告\n\n一、公共法律服务\n\n"
           "1.全市九家公证机构全年办理公证事项5.43万件，同比增长9.3%，其中涉外公证1.18万件，远程视频公证2360件。\n\n"
           "2.全市办理法律援助案件6872件，同比增长8.3%。\n\n"
           "3.开展“法律明白人”培养工程，培养“法律明白人”1.68万名。\n\n"
           "4.年末全市在册社区矫正对象2187名，全年新接收社区矫正对象1356名。\n\n"
           "表1 2025年12348热线分月服务情况\n月份｜来电量（个）｜解答咨询（件）\n"
           "1月｜9540｜9012\n2月｜8731｜8320\n3月｜10206｜9588\n")
JUSTICE_2024 = ("瀧阳市司法局2024年法治政府建设年度报告\n\n一、公共法律服务\n\n"
                "全市办理法律援助案件6345件。\n\n二、2025年工作打算\n\n力争2025年全市办理法律援助案件6500件以上。\n")


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("premises_city"), {
        "瀧阳市司法局_2025.txt": JUSTICE, "瀧阳市司法局_2024.txt": JUSTICE_2024})


@pytest.mark.parametrize("question, lead", [
    ("瀧阳市2025年公证业务量同比下滑了，全年只办了多少件公证？", "5.43万件"),
    ("瀧阳市司法局2024年定下的2025年法律援助6500件以上的目标没完成，实际只办了多少件？", "6872件"),
    ("去年在瀧阳办出国、海外要用的公证材料的，一共有多少件？", "1.18万件"),
    ("How many calls did the Longyang 12348 hotline receive in March 2025?", "10206个"),
    ("How many people were registered under community correction in Longyang at the end of 2025?",
     "2187名"),  # (guard)
])
def test_city_premises_words_and_tables(city, question, lead):
    answer = city.ask(question)
    assert answer.found and lead in first_line(answer), answer.text


def test_village_words_are_no_town_the_reports_do_not_name(city):
    assert "没有提到村里社区" not in city.ask("瀧阳去年在村里社区培养了多少名法律明白人？").text


def test_a_target_said_missed_after_its_figure_or_around_its_thing_is_a_premise():
    claim = find_claim("瀧阳市司法局2024年定下的2025年法律援助6500件以上的目标没完成，实际只办了多少件？")
    assert claim is not None and claim.relation == "<" and claim.figure.text == "6500件"
    assert claim.subject == "瀧阳市司法局2025年法律援助"
    claim = find_claim("灎河区市场监管局2025年没有完成帮助400户企业信用修复的目标，实际只完成了多少户？")
    assert claim is not None and claim.relation == "<" and claim.subject == "灎河区市场监管局2025年帮助企业信用修复"


def test_a_change_said_before_a_level_asked_is_no_comparison():
    frame = parse("灎河分局2025年受理税务机关移送的涉税犯罪案件比上年少了，是多少起？", [], TODAY)
    assert not frame.comparison and frame.years == (2025,)
    frame = parse("灎河区2025年罚没金额比上年下降了，降到了多少？", [], TODAY)
    assert frame.years == (2025,)
    frame = parse("灎河分局2025年刑事案件受理数同比上升了，一共受理了多少起？", [], TODAY)
    assert frame.years == (2025,)
    # (guard) the change asked after all
    assert parse("灎河分局2025年刑事案件受理数同比上升了多少？", [], TODAY).years == (2025, 2024)
    assert _asked_clauses("刑事案件受理数同比上升了，一共受理了多少起") == "刑事案件受理数，一共受理了多少起"


@pytest.mark.parametrize("question, unit", [
    ("灎河分局去年一共抓了多少个犯罪嫌疑人？", "名"),
    ("灎河警方去年把多少被骗的钱退还给了受害群众？", "万元"),
    ("区长去年亲自坐上被告席出了几次庭？", "件"),
])
def test_units_of_what_is_counted(question, unit):
    assert unit in parse(question, [], TODAY).asks[0].units


def test_a_court_hearing_asked_is_counted_in_sessions_only():  # guard
    assert "件" not in parse("开了几次庭审？", [], TODAY).asks[0].units


def test_a_level_with_a_word_of_locality_is_no_place_name():
    assert not names_a_place("村里社区") and not names_a_place("城里街道")
    assert names_a_place("湖滨社区")  # (guard)


def test_a_thing_named_with_its_change_verb_is_a_level():
    fact = Fact(value=12600.0, text="1.26万户", unit="户", indicator="新增经营主体", topic="",
                source="新增经营主体1.26万户", start=6, end=12)
    assert not states_change(fact, "灎河区2025年新增经营主体同比增长了多少？")
    assert states_change(fact)  # (guard) a count of what was added, when the question does not say 新增
    # 新增 and 减税 side by side ask no 增减 (the change): "新增减税降费及退税缓费共计多少"
    assert not asks_change("国家税务总局某市税务局2025年新增减税降费及退税缓费共计多少？")
    assert asks_change("罚没款增减了多少？")  # (guard)
