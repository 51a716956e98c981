"""The user's own words stay when a word-table phrase stands for them ("几个律师" → 执业律师: the
report's "聘请5名律师" still says 律师), and a colloquial word among general Chinese's most frequent
("事情", "觉得") brings no thesaurus stand-ins that weigh down the question (事务, 业务, 专职)."""

import pytest

from tests.conftest import FIXTURES, build_store, first_line
from vectorstore.tokenizer import shared_tokenizer


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    files = [FIXTURES / "colloquial" / "沄岭乡_2025.md"]
    return build_store(tmp_path_factory.mktemp("colloquial"), files, embedding_model="hash")[1]


@pytest.mark.parametrize(("question", "gold"), [
    ("沄岭乡请了几个律师给村里当法律顾问？", "5名"),  # not 1个 (社区), counted in 个 as asked
    ("沄岭乡有几名律师给村里当法律顾问？", "5名"),
    ("沄岭乡给社区请了几个律师？", "5名"),  # the noun counted (律师), not the noun before the ask (社区)
    ("沄岭乡打12345反映事情的人，最后觉得满意的占多少？", "95.8%"),
    ("沄岭乡全年调解的纠纷里邻居之间闹矛盾的有多少件？", "153件"),
    # English: "government bodies" are 行政机关, and "against" is a preposition, no word to find
    ("What was the loss rate in administrative lawsuits against Yunling Township government bodies in 2025?", "8.3%"),
])
def test_colloquial_questions_are_answered_with_the_asked_figure(service, question, gold):
    answer = service.ask(question)
    assert answer.found and gold in first_line(answer), answer.text


def test_a_question_about_something_the_report_never_counts_is_refused(service):
    answer = service.ask("沄岭乡请了几个会计给村里管账？")
    assert not answer.found or "5名" not in first_line(answer), answer.text


@pytest.mark.parametrize(("word", "common"), [
    ("事情", True), ("觉得", True), ("东西", True),
    ("工钱", False), ("摆摊", False), ("律师", False), ("老百姓", False),
])
def test_the_most_frequent_words_of_general_chinese(word, common):
    assert shared_tokenizer().common_word(word) is common


def _terms(text: str, unseen: set[str]) -> dict:
    from bot.extractive import question_terms
    from bot.lexicon import expand
    from bot.query import Question

    question = Question(text=text, normalized=text, years=[2025], regions=[], kind="numeric",
                        units=("个",), synonyms=expand(text))
    tokenizer = shared_tokenizer()

    def idf(word: str) -> float | None:
        return None if word in unseen else 3.0
    return {t.text: t for t in question_terms(question, tokenizer, idf, tokenizer.words)}


def test_a_word_table_phrase_keeps_the_users_own_word_when_the_reports_use_it():
    terms = _terms("请了几个律师给村里当法律顾问", unseen={"几个律师"})
    assert "律师" in terms and terms["律师"].group == terms["执业律师"].group


def test_a_most_frequent_word_brings_no_thesaurus_stand_ins():
    terms = _terms("打12345反映事情的人满意的占多少", unseen={"事情"})
    assert {t.group for t in terms.values()} & {"事情"} == {"事情"}
    assert all(t.text == "事情" for t in terms.values() if t.group == "事情")
    # an uncommon colloquial word still brings them (工钱 → 工资)
    assert any(t.group == "工钱" and t.expansion for t in _terms("讨回了多少工钱", unseen={"工钱"}).values())


@pytest.mark.parametrize(("question", "anchor"), [
    ("给社区请了几个律师", "律师"),  # a noun before the ask: the noun counted after it
    ("村里有几个法律明白人", "法律明白人"),  # (jieba cuts it in two)
    ("对证明事项开展了多少件事后核查", "事后核查"),  # (a time word and a verbal noun)
    ("受理了多少件行政复议申请", "受理"),  # a verb before the ask stays the anchor
    ("人民调解成功了多少件纠纷", "成功"),  # so does an adjective (the predicate)
    ("去年新开了多少家公司", "新开"),  # and a word with a verb in it
    ("去年有多少家企业上了黑名单", "企业"),  # a time word says nothing of what is counted
    ("社区有多少个", "社区"),  # nothing counted after the ask
    ("领导们学法律学了几回", "学"),  # the segmenter's 学了 is the verb 学, as 查 of "查了几次"
])
def test_the_anchor_of_a_count(question, anchor):
    from bot.extractive import ask_anchor

    assert ask_anchor(question, shared_tokenizer().words) == anchor


def test_most_of_several_word_table_phrases_stand_for_the_rarest():
    # "做生意犯了点小错、最后没被罚款的": three colloquial phrases; the sentence says two of them in the
    # reports' words (轻微违法, 不予处罚) but not the rarest (经营主体): the asked thing is said
    from bot.extractive import Term, key_groups, keys_present
    from bot.frame import parse

    terms = [Term("犯", 0.2), Term("经营主体", 3.0, group="做生意", expansion=True),
             Term("市场主体", 3.0, group="做生意", expansion=True),
             Term("轻微违法", 2.3, group="小错", expansion=True),
             Term("不予处罚", 2.3, group="没被罚", expansion=True)]
    question = parse("沄岭乡做生意犯了点小错、最后没被罚款的案子有多少件？", ["沄岭乡"])
    keys = key_groups(question, terms)
    assert keys_present(keys, "全年对轻微违法行为依法不予处罚案件38件")[3]
    assert not keys_present(keys, "全年查处轻微违法行为38件")[3]  # one of three: not enough
    two = key_groups(question, terms[:4])  # two phrases: the rarest itself must be there, as before
    assert not keys_present(two, "全年对轻微违法行为依法不予处罚案件38件")[3]


@pytest.mark.parametrize(("question", "phrase", "not_phrase"), [
    # 告上法庭 is the phrase (words 告上|法庭); 把政府告 would cut 告上 and leave 上法庭 (出庭) asked
    ("老百姓把政府告上法庭、政府输官司的比例是多少？", "告上法庭", "上法庭"),
    # (its end on a boundary is enough: jieba joins 人告 of "被人告上法庭")
    ("区住建局去年被人告上法庭的有几件？", "告上法庭", "上法庭"),
    # (and two keys that both end on one keep the table's order: 检查企业, not 执法检查, of 执法|检查|企业)
    ("应急执法检查企业多少家次？", "检查企业", "执法检查"),
    # (only among keys as long: the longer 跟物业闹 goes before 闹矛盾, a word of its own)
    ("业主跟物业闹矛盾找人调解，去年调解了多少件？", "跟物业闹", "闹矛盾"),
])
def test_a_word_table_phrase_on_the_questions_word_boundaries_goes_first(question, phrase, not_phrase):
    from bot.lexicon import expand

    said = [key for key, _ in expand(question)]
    assert phrase in said and not_phrase not in said, said


@pytest.mark.parametrize("question", ["去年被市场监管局罚走的钱一共有多少？", "市场监管局罚的钱一共有多少？"])
def test_money_fined_said_plainly(question):
    from bot.lexicon import expand

    assert any("罚没款" in terms for _, terms in expand(question)), expand(question)
