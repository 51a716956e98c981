"""A town's 法律明白人, a district's 律师事务所, a city hospital's targets, a bureau's 不动产登记 (session 59):
- a part asked after its ask ("“法律明白人”中有多少名是党员") is a part even where the tokenizer glues 中有 and 名是 —
  a sentence that never names it gives no figure (not the whole's 87名);
- a level a change went to ("减少到了多少家") is a stock: the 总数 reached, not the year's newcomers (新引进九家);
- "那目标定的是多少？" after a rate asks that rate's target; a year's own target is never its report's plan for
  the years after ("下一步…力争…98.5%以上");
- a list before 分别 whose items end in a word the last item says too ("一般登记、抵押登记平均办理时间") gives
  each item the last item's tail (一般登记平均办理时间), not only its final noun;
- a field's body said generically as who did it ("生态环境部门立案多少件") is no word a bureau's own table row must
  say."""

from __future__ import annotations

import pytest

from facts.sentence import sentence_facts
from tests.conftest import first_line, reports_service

TOWN = ("灨州市灪溪镇2025年法治政府建设年度报告\n\n一、普法宣传\n\n"
        "实施“法律明白人”培养工程，全年培育“法律明白人”八十七名，开展法治讲座48场，覆盖群众6200余人次。\n")
DISTRICT = ("灨州市灨湖区2025年法治政府建设年度报告\n\n一、法律服务\n\n"
            "全年新引进律师事务所九家，其中涉外律师事务所2家，全区律师事务所总数达到47家，执业律师总数达到812名。\n")
HOSPITAL = ("灨州市人民医院2025年法治建设工作报告\n\n一、依法执业\n\n"
            "全年点评门诊处方12.4万张，处方合格率98.7%。\n\n二、指标完成情况\n\n"
            "| 指标 | 目标 | 实际 |\n|---|---|---|\n"
            "| 患者满意度 | ≥95% | 96.2% |\n| 处方合格率 | ≥98% | 98.7% |\n\n"
            "三、下一步工作打算\n\n（一）深化处方前置审核，力争处方合格率保持在98.5%以上。\n")
BUREAU = ("灨州市自然资源和规划局2025年法治政府建设年度报告\n\n一、不动产登记\n\n"
          "一般登记、抵押登记平均办理时间分别压缩至3个工作日、1个工作日；全年办理不动产登记业务19.8万件。\n")
ENVIRONMENT = ("灨州市生态环境局2025年法治政府建设年度报告\n\n一、环境执法\n\n"
               "全年全市生态环境系统立案312件，生态环境损害赔偿磋商达成协议24件，生态环境信访投诉办结率100%。"
               "修订生态环境行政处罚自由裁量基准，开展生态环境法治宣传活动36场，生态环境执法人员持证率100%。\n\n"
               "表1 2025年分月执法情况\n\n"
               "| 月份 | 现场检查（家次） | 立案（件） |\n|---|---|---|\n| 7月 | 1003 | 36 |\n| 8月 | 984 | 33 |\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("parts_levels"), {
        "灪溪镇_2025.txt": TOWN, "灨湖区_2025.txt": DISTRICT, "灨州市人民医院_2025.txt": HOSPITAL,
        "灨州市自然资源和规划局_2025.txt": BUREAU, "灨州市生态环境局_2025.txt": ENVIRONMENT})


def test_a_part_the_sentence_never_names_gets_no_figure(service):
    answer = service.ask("灪溪镇2025年培育的“法律明白人”中有多少名是党员？")
    assert not answer.found and "八十七名" not in first_line(answer), answer.text
    whole = service.ask("灪溪镇2025年培育了多少名“法律明白人”？")  # the whole is still answered
    assert whole.found and first_line(whole).startswith("八十七名"), whole.text


def test_a_level_a_change_went_to_is_the_total_reached(service):
    answer = service.ask("灨湖区的律师事务所2025年减少到了多少家？")
    assert answer.found and first_line(answer).startswith("47家"), answer.text


def test_a_follow_up_asking_the_target_asks_the_previous_rates_target(service):
    answer = service.ask("那目标定的是多少？", [("灨州市人民医院2025年处方合格率是多少？", "98.7%。")])
    assert answer.found and "98%" in first_line(answer), answer.text
    assert "98.5%" not in first_line(answer) and "95%" not in first_line(answer), answer.text


def test_a_years_own_target_is_not_its_reports_plan_for_later(service):
    answer = service.ask("灨州市人民医院2025年处方合格率的目标是多少？")
    assert answer.found and "98%" in first_line(answer) and "98.5%" not in first_line(answer), answer.text


@pytest.mark.parametrize(("sentence", "pairs"), [
    ("一般登记、抵押登记平均办理时间分别压缩至3个工作日、1个工作日",
     [("一般登记平均办理时间", "3个工作日"), ("抵押登记平均办理时间", "1个工作日")]),
    ("首次登记、转移登记办理时限分别压缩至2个工作日、3个工作日",
     [("首次登记办理时限", "2个工作日"), ("转移登记办理时限", "3个工作日")]),
    # (unchanged: the shared head noun, and a chain of stages)
    ("行政复议、行政诉讼案件分别为120件、45件", [("行政复议案件", "120件"), ("行政诉讼案件", "45件")]),
    ("刑事、民事法律援助案件分别为30件、40件", [("刑事法律援助案件", "30件"), ("民事法律援助案件", "40件")]),
])
def test_each_listed_item_keeps_the_tail_the_last_one_says(sentence, pairs):
    assert [(f.indicator, f.text) for f in sentence_facts(sentence)] == pairs


def test_the_listed_items_figure_answers(service):
    answer = service.ask("灨州市2025年一般登记平均要几个工作日？")
    assert answer.found and first_line(answer).startswith("3个工作日"), answer.text



@pytest.mark.parametrize(("question", "doer", "kept"), [
    ("灨州市2025年8月生态环境部门立案多少件？", "部门", "立案"),
    ("灨州市环保执法队伍2025年一共上门查了多少家次企业？", "队伍", "企业"),
])
def test_a_body_said_as_who_did_it_is_no_word_to_find(service, question, doer, kept):
    docs = service.documents(None)
    frame = service.frame(question, [], docs)
    words = [t.text for t in service.answerer.terms(service.analyze(frame.text, docs, frame))]
    assert doer not in words and kept in words, words


@pytest.mark.parametrize("question", [
    "灨州市2025年有多少个执法部门？",  # the bodies counted
    "灨州市市场监管局2025年跟别的部门搭伙一起上门查企业的抽查任务有几项？",  # others it worked with
    "灨州市2025年会同有关部门开展联合检查多少次？",
    "灨州市县长2025年亲自带队下去检查各部门依法办事情况，查了几趟？",  # the bodies checked
    "灨州市2025年几个部门一起去企业抽查，搞了多少次？",  # several bodies together
    "灨州市2025年所有执法部门加起来办了多少件行政处罚案件？",  # every body of a field
])
def test_a_body_counted_or_worked_with_is_still_a_word_to_find(service, question):
    docs = service.documents(None)
    frame = service.frame(question, [], docs)
    assert "部门" in [t.text for t in service.answerer.terms(service.analyze(frame.text, docs, frame))]
