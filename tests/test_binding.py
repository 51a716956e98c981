"""Which facts may answer a rate question: the asked rate, never another rate of the passage."""

import re

import pytest

from bot.binding import asked_part, names_the_part
from bot.extractive import _same_rate
from facts import chunk_facts, sentence_facts
from vectorstore.tokenizer import shared_tokenizer


def _fact(text: str, display: str):
    return next(f for f in chunk_facts(text) if f.display == display)


@pytest.mark.parametrize("source, display, rates, ok", [
    ("审查发现问题并督促纠正3件，报备率、及时率、规范率均为100%。", "100%", ["纠错率"], False),
    ("行政复议纠错率（%）｜2024年：8.9｜2025年：7.6", "8.9%", ["纠错率"], True),
    ("全年调处矛盾纠纷3184件，调解成功3121件，调解成功率98.0%。", "98.0%", ["成功率"], True),
    ("全年调处矛盾纠纷3184件，调解成功率98.0%。", "98.0%", ["调解成功率"], True),
    ("信访事项按期办结率100%。", "100%", ["办结率"], True),
    ("信访事项按期办结率100%。", "100%", ["败诉率"], False),
])
def test_a_rate_question_binds_only_its_rate(source, display, rates, ok):
    assert _same_rate(_fact(source, display), rates) is ok


def test_a_figure_without_a_rate_word_is_not_ruled_out():
    share = next(f for f in sentence_facts("全市受理群众信访事项11870件，其中网上信访7642件，占64.4%。")
                 if f.display == "64.4%")
    assert "率" not in share.indicator
    assert _same_rate(share, ["纠错率"])  # no rate named: the indicator match decides, not this rule


def _words(text: str) -> list[str]:
    from vectorstore.tokenizer import shared_tokenizer

    return shared_tokenizer().words(text)


@pytest.mark.parametrize("asked, source, display, conflict", [
    # a sibling qualifier of the same head: another indicator
    (["行政复议", "综合", "纠错率"], "行政复议直接纠错率（%）｜2024年：8.7｜2025年：10.2", "10.2%", True),
    (["二审", "败诉率"], "全市一审行政诉讼案件败诉率为5.1%。", "5.1%", True),
    (["人民调解", "涉及", "金额"], "市政府合同审查涉及金额（亿元）：86.7", "86.7亿元", True),
    # the same qualifier, or none asked: no conflict
    (["行政复议", "直接", "纠错率"], "行政复议直接纠错率（%）｜2024年：8.7｜2025年：10.2", "10.2%", False),
    (["纠错率"], "行政复议直接纠错率（%）｜2024年：8.7｜2025年：10.2", "10.2%", False),
    (["行政诉讼", "败诉率"], "全市一审行政诉讼案件败诉率为5.1%。", "5.1%", False),
    # words of the question that are no qualifier of the head (not one phrase with it)
    (["重大行政决策", "收集", "公众", "意见"],
     "通过座谈会、网上征求意见等方式收集公众意见1200条，采纳38条。", "1200条", False),
])
def test_a_sibling_qualifier_rules_a_fact_out(asked, source, display, conflict):
    from bot.binding import qualifier_conflict

    fact = _fact(source, display)
    question = {("重大行政决策", "收集", "公众", "意见"): "重大行政决策收集了多少条公众意见"}.get(
        tuple(asked), "".join(asked) + "是多少")
    asked = [w for w in _words(question) if w in "".join(asked)]  # as the answerer sees them
    assert qualifier_conflict(asked, fact, _words, question) is conflict


def test_a_pronoun_qualifies_nothing():
    from bot.binding import qualifier_conflict

    # "这种举报投诉" names no other kind of 举报投诉 than the report's 劳动者举报投诉
    fact = _fact("主动检查用人单位1642户次，受理劳动者举报投诉案件836件，结案率99.4%。", "836件")
    question = "老板拖着不发工资，人社局一共接了多少这种举报投诉"
    asked = [w for w in _words(question) if w in ("老板", "这种", "举报", "投诉")]
    assert not qualifier_conflict(asked, fact, _words, question)
    other = "人社局一共接了多少农民工举报投诉"  # a kind named: the report's 劳动者 is another
    asked = [w for w in _words(other) if w in ("农民工", "举报", "投诉")]
    assert qualifier_conflict(asked, fact, _words, other)


def test_a_qualifier_the_sentence_gives_to_an_earlier_count_is_no_conflict():
    from bot.binding import qualifier_conflict
    from facts import sentence_facts

    # the 败诉率 after a count of 行政诉讼案件 is that count's rate, whatever its own qualifier
    sentence = "全市法院受理一审行政诉讼案件612件，行政机关败诉率为6.8%，行政机关负责人出庭应诉率为96.3%。"
    facts = sentence_facts(sentence)
    rate = next(f for f in facts if f.display == "6.8%")
    earlier = tuple(f.indicator for f in facts if f.start < rate.start)
    question = "行政诉讼败诉率多少"
    asked = [w for w in _words(question) if w not in ("多少",)]
    assert qualifier_conflict(asked, rate, _words, question)  # (alone the qualifiers differ)
    assert not qualifier_conflict(asked, rate, _words, question, earlier=earlier)
    # a short word of the earlier count (机关 of 公安机关) is no such qualifier
    sentence = "全市公安机关办理行政诉讼案件29件，主要负责人出庭应诉率为100%。"
    facts = sentence_facts(sentence)
    rate = next(f for f in facts if f.display == "100%")
    earlier = tuple(f.indicator for f in facts if f.start < rate.start)
    question = "行政机关负责人出庭应诉率是多少"
    asked = [w for w in _words(question) if w not in ("是", "多少")]
    assert qualifier_conflict(asked, rate, _words, question, earlier=earlier)


def test_a_synonym_of_the_question_is_no_conflict():
    from bot.binding import qualifier_conflict

    fact = _fact("全年“免申即享”兑现资金2.87亿元，惠及企业1.3万家。", "2.87亿元")
    assert qualifier_conflict(["补贴", "资金"], fact, _words, "补贴资金一共有多少")
    assert not qualifier_conflict(["补贴", "资金"], fact, _words, "补贴资金一共有多少", synonyms=("兑现",))


def test_a_row_of_a_breakdown_table_binds_less_than_the_total_nobody_split():
    from bot.binding import bind_score
    from bot.extractive import Term, coverage

    terms = [Term("调解成功率", 2.2)]
    row = _fact("婚姻家庭纠纷｜受理（件）：86｜调解成功（件）：84｜调解成功率：97.7%", "97.7%")
    total = _fact("全年受理矛盾纠纷294件，调解成功286件，调解成功率97.3%。", "97.3%")
    cov = lambda text: coverage(text, terms)  # noqa: E731
    assert bind_score(total, cov) > bind_score(row, cov)
    asked_row = [Term("调解成功率", 2.2), Term("婚姻家庭", 3.0)]
    cov_row = lambda text: coverage(text, asked_row)  # noqa: E731
    assert bind_score(row, cov_row) > bind_score(total, cov_row)


@pytest.mark.parametrize("flow", ["新接收社区矫正对象612名", "解除矫正587名", "新引进律师事务所4家"])
def test_a_flow_binds_less_when_a_stock_is_asked(flow):
    from bot.binding import bind_score
    from bot.extractive import Term, coverage

    fact = _fact(f"全年{flow}。", re.search(r"\d+[名家]", flow).group(0))
    cov = lambda text: coverage(text, [Term("社区矫正", 2.0), Term("律师事务所", 2.0)])  # noqa: E731
    assert bind_score(fact, cov, stock=True) < bind_score(fact, cov)


@pytest.mark.parametrize("question, stock", [
    ("how many law firms did the city have in 2025?", True),
    ("how many lawyers were there in 2024?", True),
    ("how many cases did the city handle in 2025?", False),
    ("全市律师事务所年底共有几家？", True),
])
def test_stock_questions_in_both_languages(question, stock):
    from bot.extractive import _STOCK

    assert bool(_STOCK.search(question)) is stock


def test_a_compound_whose_parts_all_stand_in_the_text_counts_nearly_whole():
    from bot.extractive import ALL_PARTS_CREDIT, Term, coverage

    term = Term("涉企检查", 2.0, parts=("涉企", "检查"))
    assert coverage("全年开展涉企行政检查3512次", [term]) == pytest.approx(ALL_PARTS_CREDIT)
    # one part of two: half credit, the head (the last part) weighing twice the modifier
    assert coverage("全年开展联合检查612次", [term]) == pytest.approx(1 / 3)
    assert coverage("全年涉企服务612次", [term]) == pytest.approx(1 / 6)


@pytest.mark.parametrize("question, terms, source, display, ok", [
    # the question asks a share without naming a rate word: what the rate measures must be asked
    ("一把手亲自上法庭的比例有多高", ["出庭应诉", "诉讼"], "行政诉讼败诉率为5.8%。", "5.8%", False),
    ("一把手亲自上法庭的比例有多高", ["出庭应诉", "诉讼"], "行政机关负责人出庭应诉率为96.4%。", "96.4%", True),
    ("在网上就能办的事占到多少了", [], "政务服务事项网上可办率从96.4%提升至99.2%。", "99.2%", True),
    ("网上信访占到多少", ["信访"], "全年受理信访事项1120件，其中网上信访486件，占43.4%。", "43.4%", True),
])
def test_a_rate_not_named_by_the_question_must_measure_what_it_asks(question, terms, source, display, ok):
    from bot.extractive import Term, _rate_asked

    assert _rate_asked(_fact(source, display), [Term(t, 2.0) for t in terms], question) is ok


def test_a_rare_synonym_does_not_make_its_group_the_key():
    from types import SimpleNamespace

    from bot.extractive import Term, key_groups

    q = SimpleNamespace(normalized="行政复议纠错了多少件")
    terms = [Term("行政复议", 2.26), Term("纠错", 2.09),
             Term("纠正", 2.89, group="纠错", expansion=True)]  # a rarer word of the table
    keys = key_groups(q, terms)
    assert [t.text for t in keys.rare] == ["行政复议"]  # the user's own rarest word is key


def test_the_words_before_a_pair_and_the_noun_the_clause_takes_up_say_what_is_counted():
    from bot.extractive import _words_before

    source = "修订轻微违法行为不予处罚清单，清单事项由98项增加至135项，全年对482家经营主体作出决定。"
    facts = chunk_facts(source)
    later = next(f for f in facts if f.display == "135项")
    assert later.role == "after"
    assert "不予处罚清单" in _words_before(later, facts)[0]  # the pair's words, and the clause before
    firms = next(f for f in facts if f.display == "482家")
    assert "清单" not in _words_before(firms, facts)[0]  # a clause about something else


@pytest.mark.parametrize("source, display, taken", [
    # a pair whose clause before names its head noun (事项) takes that clause's words
    ("对赋予乡镇（街道）的行政执法事项进行评估调整，赋权事项由58项调整至42项。", "42项", True),
    # not a figure that is one of several counted after a clause naming a topic
    ("全年组织企业环境信用评价，参评企业4120家，其中警示企业418家。", "4120家", False),
])
def test_a_pair_takes_up_the_clause_naming_its_head_noun(source, display, taken):
    from bot.extractive import _words_before

    facts = chunk_facts(source)
    fact = next(f for f in facts if f.display == display)
    assert (source.split("，")[0] in _words_before(fact, facts)[0]) is taken


@pytest.mark.parametrize("question, part", [
    ("鹤塘县2024年办理的法律援助案件中刑事案件有多少件？", (("刑事案件",),)),
    ("其中适用简易程序的有多少，占比多少", (("简易程序",),)),  # 适用 applies the procedure, names nothing
    ("汶溪县2025年行政复议案件中撤销了几件？", (("撤销",),)),
    ("2024年行政执法案卷评查中不合格案卷有多少卷？", (("合格",),)),
    ("审结的行政复议案件中维持、驳回、直接纠错的各有多少件？", (("维持",), ("驳回",), ("直接", "纠错"))),
    ("厅本级行政复议案件中撤销或确认违法的有多少件？", (("撤销",), ("确认", "违法"))),
    ("2025年人民调解案件中婚姻家庭纠纷有多少件？", (("婚姻家庭", "纠纷"),)),
    ("调解矛盾纠纷中婚姻家庭方面有多少件？", (("婚姻家庭",),)),  # 方面 frames the part, names nothing
    ("罚没款中安全生产领域的有多少", (("安全", "生产"),)),
    ("余杭区2021年集中评查了多少个行政执法案卷？", ()),  # 集中 is a word, not 中
    ("这个中心全年接待了多少群众？", ()),
    ("行政复议案件中，纠错率是多少", (("纠错率",),)),  # a comma after 中 changes nothing
    ("全年受理行政复议案件多少件", ()),
    # 里 is 中 only after a count of things, before the part's words: "执法人员里，手上有执法证的"
    # and "一年里" ask no part (session 13: 里 as 中 everywhere lost 4 right answers)
    ("查处的治安案件里赌博案件有多少起？", (("赌博",),)),  # (案件 is the whole's word)
    ("电信网络诈骗案件里跨境诈骗有多少起？", (("跨境",),)),
    ("执法人员里，手上有执法证的有多少？", ()),
    ("一年里办了多少件？", ()),
    # … or after any whole when a count is asked of a part its words single out (not a share)
    ("受理的出入境证件里，普通护照有多少本？", (("普通", "护照"),)),
    ("社区矫正对象里 缓刑的有多少", (("缓刑",),)),
    ("执法人员里，有执法证的占多少？", ()),
    ("办理的法律援助案件里，刑事案件占多少件？", (("刑事案件",),)),  # 占多少件: a count, not a share
    ("司法局2025年报告里全市有多少名人民调解员？", ()),  # a document, no whole of things
    ("年底还有多少人在社区里服刑？", ()),  # 在…里: where, no whole
])
def test_the_part_a_question_asks_of_a_whole(question, part):
    assert asked_part(question, shared_tokenizer().cut) == part


@pytest.mark.parametrize("display, part, ok", [
    ("683件", (("刑事案件",),), False),  # all 法律援助案件, not the 刑事 ones
    ("214件", (("农民工",),), True),
    ("214件", (("刑事案件",),), False),
    ("214件", (("农民工", "讨薪"),), True),
    ("214件", (("农民工", "工伤"),), False),  # every word of the part
    ("214件", (("刑事",), ("讨薪",)), True),  # any of the listed parts
])
def test_a_figure_of_the_whole_does_not_answer_for_a_part(display, part, ok):
    fact = _fact("全年办理法律援助案件683件，其中农民工讨薪案件214件，占比31.3%。", display)
    assert names_the_part(fact, part) is ok


def test_a_fact_without_the_rarest_asked_words_binds_less_than_one_with_them():
    from bot.binding import Binding, fact_words
    from bot.extractive import RARE_MISS, Term, _missing_rarest

    source = "全年办理行政处罚案件41.6万件，其中适用简易程序27.9万件、适用普通程序13.7万件。"
    facts = chunk_facts(source)
    terms = [Term("适用", 4.2), Term("普通", 4.2), Term("程序", 2.7), Term("办理", 1.7),
             Term("行政处罚", 3.1), Term("案件", 1.2)]
    bound = [Binding(f, 1.0) for f in facts]
    owns = [fact_words(f) for f in facts]
    scores = {b.fact.display: b.score for b in _missing_rarest(bound, owns, terms)}
    # 适用 and 普通 are the rarest, as rare as each other: they tell the facts apart together —
    # the whole names neither, 简易程序 only 适用, 普通程序 both (the one asked)
    assert scores == {"41.6万件": 1.0 - RARE_MISS, "27.9万件": 1.0 - RARE_MISS, "13.7万件": 1.0}
    # with 适用 alone the rarest, the parts both have it and only the whole loses
    terms[1] = Term("普通", 4.0)
    scores = {b.fact.display: b.score for b in _missing_rarest(bound, owns, terms)}
    assert scores == {"41.6万件": 1.0 - RARE_MISS, "27.9万件": 1.0, "13.7万件": 1.0}
    # the word before 多少 names what is counted: only facts naming it can carry a group (办理
    # is only the whole's here: "办理了多少件" asks the whole)
    anchored = _missing_rarest(bound, owns, terms, anchor="办理")
    assert {b.fact.display: b.score for b in anchored} == {
        "41.6万件": 1.0, "27.9万件": 1.0 - RARE_MISS, "13.7万件": 1.0 - RARE_MISS}


@pytest.mark.parametrize(("question", "before", "other"), [
    ("全市持有执法证件的行政执法人员有多少名", "坚持依法行政，全局持有执法证件的执法人员", True),  # a department's own
    ("局里一共有多少全系统的执法人员", "全市持证行政执法人员", True),
    ("全市持证执法人员有多少名", "全市持证行政执法人员", False),
    ("持证执法人员有多少名", "全局持有执法证件的执法人员", False),  # no whole asked: the scope decides
    ("全市持证执法人员有多少名", "截至年底，持证行政执法人员", False),
])
def test_a_whole_of_one_body_is_no_whole_of_the_place(question, before, other):
    from bot.extractive import _other_whole

    assert _other_whole(question, before) is other


@pytest.mark.parametrize("question, anchor", [
    ("受理了多少件行政复议申请", "受理"),
    ("生产安全事故死亡人数比上年多了多少", "死亡"),  # not 多, not the count 人数
    ("行政处罚案件比2024年少了多少件", "案件"),
    ("比上一年少了多少次", "少"),  # a bare change: the change is what it counts
    ("罚没款同比下降了多少", "下降"),
    ("食品抽检不合格率上升到了多少", "不合格率"),  # the level it went to
])
def test_the_word_before_the_ask_skips_the_comparison_and_the_count(question, anchor):
    from bot.extractive import ask_anchor

    assert ask_anchor(question, _words) == anchor


def test_a_verb_tagged_qualifier_of_a_compound_head_is_a_kind():
    from bot.binding import qualifier_conflict

    # 放射 is tagged a verb, 医疗卫生 one word of the segmenter's: still two kinds of 卫生案件
    fact = _fact("立案查处违法案件1487件，其中医疗卫生案件612件、公共场所卫生案件438件。", "612件")
    question = "查处的放射卫生案件有多少件"
    asked = [w for w in _words(question) if w in ("查处", "放射", "卫生", "案件")]
    assert qualifier_conflict(asked, fact, _words, question)
    same = "查处的医疗卫生案件有多少件"
    asked = [w for w in _words(same) if w in ("查处", "医疗卫生", "医疗", "卫生", "案件")]
    assert not qualifier_conflict(asked, fact, _words, same)


@pytest.mark.parametrize("row", ["“双随机、一公开”抽查（户次）｜2024年：1530｜2025年：1412｜增减（%）：-7.7",
                                 "抽查户次｜2024年：1530｜2025年：1412｜同比：-7.7%"])
def test_a_change_the_other_way_is_said_without_the_cells_sign(row):
    # "增长了百分之几" where the table's 增减 cell says -7.7: "下降7.7%（并非增长）", not "下降-7.7%"
    from bot.extractive import _against_asked

    change = next(f for f in chunk_facts(row, report_year=2025) if f.change)
    assert _against_asked("抽查户次增长了百分之几", change) == "下降7.7%（并非增长）"


@pytest.mark.parametrize("years, ok", [([2025, 2024], True), ([2025], True), ([2026, 2025], False)])
def test_a_stated_change_is_of_its_report_s_year(years, ok):
    # "今年比去年压减了多少" asked in 2026: the 2025 report's change on 2024 is another year's
    from bot.binding import admissible

    change = _fact("全年涉企行政检查由2024年的2014次减少至1386次，减少628次，同比下降31.2%。", "628次")
    assert change.change
    assert admissible(change, years, 2025, False, True, False) is ok


@pytest.mark.parametrize("question, fact_text, other", [
    ("破获了多少起电信网络诈骗案件", "电信网络诈骗案件发案", True),  # solved is not happened
    ("办结了多少件投诉", "受理拖欠工资投诉举报案件", True),
    ("受理了多少件", "立案查处劳动保障违法案件", False),  # taken in, either way
    ("破获了多少起刑事案件", "破获刑事案件", False),
    ("受理和办结了多少件", "受理", False),  # two stages asked: the words decide
    ("调解了多少件纠纷", "受理", False),  # no stage asked
    ("移送了多少件", "办结", True),
    ("受理行政复议申请中直接纠错了几件", "审结 直接纠错", False),  # the whole's stage is not asked
])
def test_a_count_of_one_stage_of_a_case_is_not_another_s(question, fact_text, other):
    from bot.binding import other_stage

    assert other_stage(question, fact_text) is other
