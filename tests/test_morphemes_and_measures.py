"""A colloquial word's rare morphemes; English measure nouns and everyday verbs.

- A question word the reports never use (讨回, 小摊, 摆摊) still shares its rare morpheme with the
  report's word (讨薪, 摊贩): the morpheme earns part credit. Common characters (回, 小, 地) do not —
  rarity is read off jieba's dictionary, not a list.
- A word no report uses whose thesaurus group holds a report word (躲开 → 避让; bot.thesaurus,
  the cnsyn package's near-synonym groups) is read as that word.
- "How many kilometres / batches / mu …": the measure noun is the unit asked (公里, 批次, 亩), not a
  word the sentence must contain; "build or upgrade", "sample and test", "take in", "food" are the
  reports' 新改建, 抽检, 接收, 食品; "amount" asks money; "total" is no word to find.
"""

import pytest

from bot.extractive import question_terms
from bot.query import Question
from tests.conftest import first_line, report_service
from vectorstore.tokenizer import shared_tokenizer

REPORT = """蒎溪县2025年法治政府建设年度报告

一、保障农民工合法权益

对农民工讨薪等案件开辟法律援助“绿色通道”，全年办理农民工法律援助案件186件，为农民工追回欠薪920万元。

二、规范城市管理

全年劝导规范占道经营行为9864起，设置便民摊点疏导点13处，容纳流动摊贩426户。

三、加强交通运输领域执法

全年完成农村公路新改建112.3公里，实施农村公路安全生命防护工程58公里，办理公路路政许可362件。

四、守护食品安全

全年完成食品安全监督抽检1860批次，抽检合格率98.1%，查处违法占用耕地案件23件，涉及土地146.5亩。

五、做好社区矫正

全年接收社区矫正对象124名，解除矫正107名，年末在册社区矫正对象259名。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return report_service(tmp_path_factory.mktemp("morphemes"), "蒎溪县_2025.txt", REPORT)


def test_rare_characters_are_the_meaningful_morphemes():
    rare = shared_tokenizer().rare_characters
    assert rare("小摊") == "摊" and rare("摆摊") == "摊" and rare("讨回") == "讨"
    assert rare("地方") == "" and rare("工钱") == ""  # common characters carry no part credit


def test_an_unseen_colloquial_word_gets_its_rare_morpheme_as_a_part():
    question = Question(text="去年帮农民工讨回了多少工钱", normalized="去年帮农民工讨回了多少工钱",
                        years=[2025], regions=[], kind="numeric", units=("元", "万元", "亿元"))
    tokenizer = shared_tokenizer()
    unseen = {"讨回", "工钱"}  # words no report uses; every other word is known

    def idf(word: str) -> float | None:
        return None if word in unseen else 3.0
    terms = {t.text: t for t in question_terms(question, tokenizer, idf, tokenizer.words)}
    assert terms["讨回"].parts == ("讨",)


@pytest.mark.parametrize("question, figure", [
    ("How many kilometres of rural roads did Paixi County build or upgrade in 2025?", "112.3"),
    ("How many batches of food did Paixi County sample and test in 2025?", "1860"),
    ("How many people under community corrections did Paixi County take in during 2025?", "124"),
    ("How many mu of land did the illegal land occupation cases in Paixi County involve in 2025?", "146.5"),
])
def test_english_measure_nouns_and_everyday_verbs(service, question, figure):
    answer = service.ask(question)
    assert answer.found and first_line(answer).startswith(figure), answer.text


@pytest.mark.parametrize("question, figure", [
    ("蒎溪县2025年帮农民工讨回了多少工钱？", "920万元"),
    ("蒎溪县2025年给小摊小贩划了多少处摆摊的点？", "13处"),
])
def test_a_colloquial_question_answered_through_its_morphemes(service, question, figure):
    answer = service.ask(question)
    assert answer.found and first_line(answer).startswith(figure), answer.text


GEOLOGY = """蒎溪县自然资源局2025年法治政府建设年度报告

一、防范化解重大风险

全年排查地质灾害隐患点312处，成功避让地质灾害27起，转移群众1460人。

二、严格土地执法

全年立案查处违法用地案件58件，罚没款642.5万元。
"""


@pytest.fixture(scope="module")
def geology(tmp_path_factory):
    return report_service(tmp_path_factory.mktemp("thesaurus"), "蒎溪县自然资源局_2025.txt", GEOLOGY)


def test_the_thesaurus_groups_near_synonyms():
    from bot.thesaurus import near_words

    assert "避让" in near_words("躲开") and "工资" in near_words("工钱") and "合格" in near_words("过关")
    assert near_words("不存在的词语") == ()


def test_the_thesaurus_gives_no_sibling_of_a_series():
    from bot.thesaurus import near_words

    # 一审 and 二审 stand in one group of the thesaurus, as 上半年 and 下半年 would: a series, no synonyms
    assert "一审" not in near_words("二审") and "二审" not in near_words("一审")
    assert "预审" in near_words("二审")  # (the rest of the group stays)


def test_a_word_no_report_uses_is_read_through_the_thesaurus(geology):
    answer = geology.ask("蒎溪县2025年山体滑坡这些险情，提前让人躲开的有几起？")
    assert answer.found and first_line(answer).startswith("27起"), answer.text


def test_an_english_amount_is_money():
    import datetime as dt

    from bot.frame import parse

    frame = parse("What was the total amount of fines and confiscations imposed by the district in 2025?", [],
                  dt.date(2026, 12, 2))
    assert frame.asks[0].units == ("元", "万元", "亿元")


def test_an_english_total_is_no_word_to_find():
    question = Question(text="What was the total number of petitions in 2025?", normalized="What was the total "
                        "number of petitions in 2025?", years=[2025], regions=[], kind="numeric",
                        synonyms=[("total", ("总数", "共")), ("petition", ("信访",))])
    tokenizer = shared_tokenizer()
    terms = [t.text for t in question_terms(question, tokenizer, lambda w: 3.0, tokenizer.words)]
    assert "信访" in terms and "总数" not in terms and "共" not in terms
