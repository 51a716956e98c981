"""Small readings of a report's figures and a question's units: a 由A至B pair with an adverb before its verb
("由10个工作日进一步压缩至5个工作日": 5 is now); money named by a noun in 款 ("多少赔偿款"); a count named
by its measure of visits ("直接结算人次是多少"); a body's 本级 figure is no answer for the whole."""

from __future__ import annotations

import pytest

from bot.frame import parse
from facts.sentence import sentence_facts
from tests.conftest import first_line, reports_service

REPORT = ("澽平县医疗保障局2025年法治建设工作报告\n\n一、医保经办\n\n"
          "医保经办事项平均办理时限由10个工作日进一步压缩至5个工作日，“跨省通办”事项由9项增加至14项。\n\n"
          "二、基金监管\n\n全年检查定点医药机构214家，处理违规机构63家，追回医保基金835.6万元；"
          "落实药品集中带量采购416个品种，节约医保资金2136万元。\n\n"
          "三、生态环境损害赔偿\n\n全年开展生态环境损害赔偿磋商6件，落实赔偿金186.5万元，建成修复基地1个。\n\n"
          "四、劳动人事争议仲裁\n\n全县各级劳动人事争议仲裁机构共收到仲裁申请6318件，受理5874件，审结5702件。"
          "其中，县劳动人事争议仲裁院本级受理案件1936件。\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("pairs_units"), {"澽平县医疗保障局_2025.txt": REPORT})


def test_an_adverb_before_the_pairs_verb():
    facts = sentence_facts("医保经办事项平均办理时限由10个工作日进一步压缩至5个工作日。")
    assert [(f.text, f.role) for f in facts] == [("10个工作日", "before"), ("5个工作日", "after")]


def test_the_time_it_takes_now(service):
    assert first_line(service.ask("在澽平县医保局办个医保手续，2025年一般要等几个工作日？")).startswith("5个工作日")


@pytest.mark.parametrize(("question", "units"), [
    ("前年一共谈下来多少赔偿款？", ("元", "万元", "亿元")),
    ("澽平县2025年异地就医直接结算人次是多少？", ("人次", "人")),
])
def test_units_named_by_the_noun(question, units):
    assert parse(question).asks[0].units == units


@pytest.mark.parametrize("question", ["一共修改了多少条款？", "2025年发放了多少笔个人住房贷款？"])
def test_no_money_asked_of_clauses_or_loans_counted(question):  # a guard for 条款; 贷款 counted in 笔
    assert "元" not in parse(question).asks[0].units


def test_money_named_in_kuan(service):
    assert first_line(service.ask("澽平县2025年生态环境损害赔偿一共谈下来多少赔偿款？")).startswith("186.5万元")


def test_a_bodys_own_level_is_no_answer_for_the_whole(service):
    # "其中，县劳动人事争议仲裁院本级受理案件1936件" is the body's own, not all the county's 5874件
    assert not first_line(service.ask("澽平县2025年受理劳动人事争议仲裁案件多少件？")).startswith("1936件")


def test_the_body_named_is_its_own_level(service):  # guard
    assert first_line(service.ask("澽平县劳动人事争议仲裁院2025年受理案件多少件？")).startswith("1936件")


def test_money_asked_in_english_is_no_word_to_find(service):
    # "how much … money": the amount asked, not 资金 (节约医保资金2136万元)
    answer = service.ask("How much medical insurance fund money did Yuping County recover in 2025?")
    assert first_line(answer).startswith("835.6万元"), answer.text


@pytest.mark.parametrize(("question", "own_level_asked"), [
    ("澽平县2025年政务服务好评率是多少？", False),
    ("澽平县2025年县级政务服务好评率是多少？", True),
    ("What was the positive-review rate for Yuping's county-level government services in 2025?", True),
    ("澽平县县级以上文明单位有多少家？", False),
])
def test_a_level_said_asks_the_own_level(question, own_level_asked):
    from types import SimpleNamespace

    from bot.service import own_level_only

    fact = sentence_facts("县本级全年收到“好差评”评价41.8万次，好评率99.93%。")[-1]
    assert own_level_only(SimpleNamespace(normalized=question), fact) is not own_level_asked
