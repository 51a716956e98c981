"""English questions: the domain's single words translate (bot/glossary_en.txt), and the relative
"which" of "the rate at which…" asks no name."""

import pytest

from bot.frame import ask_kind
from bot.lexicon import expand
from tests.conftest import first_line, reports_service

REPORT = """滏阳市2025年法治政府建设年度报告

一、法律服务

全市办理法律援助案件6015件，受援群众6870人次，其中农民工1946人次。

二、行政应诉

全市一审行政诉讼案件收案1192件，行政机关败诉率为4.9%，负责人出庭应诉率为99.2%。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("english_words"), {"滏阳市_2025.txt": REPORT})


def test_the_relative_which_asks_no_name(service):
    question = "What was the rate at which administrative organs lost first-instance lawsuits in Fuyang City in 2025?"
    assert ask_kind(question) == "rate"
    answer = service.ask(question)
    assert "4.9%" in first_line(answer) and "99.2%" not in first_line(answer), answer.text


@pytest.mark.parametrize("question", ["Which district handled the most legal aid cases?",
                                      "In which county was the loss rate highest?"])
def test_which_at_the_start_still_asks_a_name(question):
    assert ask_kind(question) == "name"


@pytest.mark.parametrize("said, terms", [
    ("administrative organs", {"行政", "机关"}),
    ("cases the government lose", {"败诉"}),  # an irregular verb's base form beside "lost"
    ("wages paid to migrant workers", {"农民工"}),
])
def test_single_domain_words_translate(said, terms):
    found = {t for _, alternatives in expand(said) for t in alternatives}
    assert terms <= found, expand(said)


TOWN = """汾溪县漕桥镇2025年法治政府建设年度报告

一、综合行政执法

承接县级部门下放行政执法事项一百二十六项，其中农业农村领域31项、自然资源领域23项。全年办理行政处罚案件47件。

镇政府重大行政决策事项目录确定事项11项，组织听证会6场，收集公众意见340余条。

全镇共排查重大事故隐患3项，已全部整改销号；排查一般事故隐患152项，整改150项。

二、法治宣传

以“法律进村”为载体，全年开展普法宣讲三十五场，覆盖群众4200余人次；组织执法人员培训4期。全镇“法律明白人”由上年的41名增加至63名，每村不少于7名。
"""


@pytest.fixture(scope="module")
def town(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("english_town"), {"漕桥镇_2025.txt": TOWN})


@pytest.mark.parametrize("question, figure", [
    # "sessions" is the measure asked (场), "hold" a light verb: neither is a word the sentence must say
    ("How many legal education sessions did Caoqiao Town hold in 2025?", "35场"),
    # powers a town takes over from the county: 承接…下放行政执法事项
    ("How many law enforcement powers did Caoqiao Town take over from county departments in 2025?", "126项"),
    # the English only glosses the reports' own term given in brackets
    ("How many legal understanders (法律明白人) did Caoqiao Town have at the end of 2025?", "63名"),
    ("How many 'legally literate villagers' (法律明白人) did Caoqiao Town have in 2025?", "63名"),
    # counted as the Chinese noun is (名): not the 培训4期 that "trained" also says
    ("How many 'legally literate villagers' (法律明白人) has Caoqiao Town trained?", "63名"),
    # hearings are held in 场: not the 11项 of the same sentence
    ("How many public hearings did Caoqiao Town hold on major decisions in 2025?", "6场"),
    # ordinary hazards are not the major ones (bot/contrasts.txt)
    ("How many ordinary accident hazards did Caoqiao Town find in 2025?", "152项"),
])
def test_a_towns_english_questions(town, question, figure):
    answer = town.ask(question)
    assert figure in first_line(answer).replace("三十五场", "35场").replace("一百二十六项", "126项"), answer.text


def test_an_english_gloss_of_a_chinese_term_stands_as_the_term():
    from bot.english import glossed

    assert glossed("How many legal understanders (法律明白人) did it have?") == "How many “法律明白人” did it have?"
    assert glossed("How many 'legal-savvy villagers' （法律明白人） are there?") == "How many “法律明白人” are there?"
    # a place in brackets is the place names' business
    assert glossed("How much did Bishan city (荸山市) recover?") == "How much did Bishan city (荸山市) recover?"
