"""The word table (bot/synonyms.txt): everyday phrases of a citizen's question searched as the
terms the reports use — read right, and answering the part a colloquial question describes."""

from __future__ import annotations

import re

import pytest

from bot.lexicon import expand, synonyms
from tests.conftest import report_service

RATIO_ONLY = re.compile(r"^(?:几成|比例|占比|百分之几|占多少)$")


def test_the_table_has_one_row_per_phrase_and_no_bare_ratio_word():
    phrases = [p for p, _ in synonyms()]
    assert len(phrases) == len(set(phrases))
    assert all(len(p) >= 2 and terms for p, terms in synonyms())
    assert not [p for p in phrases if RATIO_ONLY.match(p)]


@pytest.mark.parametrize(("question", "phrase", "term"), [
    ("打电话只是问问事的有多少件", "问问事", "咨询"),
    ("派出所查处打人的案子有多少起", "打人", "殴打他人"),
    ("群众给政府打的分是多少", "打的分", "得分"),
    ("查到骗医保的有几件", "骗医保", "欺诈骗保"),
    ("警察查了多少起喝酒后开车的", "喝酒后开车", "酒后驾驶"),  # 后 between the words
    ("其中喝醉了开车的有多少", "喝醉了开车", "醉酒驾驶"),
    ("直接让关门的有多少家", "让关门", "关停"),
    ("去年发布了多少篇政策解读", "发布了", "公开"),                   # published: disclosed
    ("代表们发现手续上有毛病的有多少卷", "毛病", "瑕疵"),             # 程序瑕疵 of 执法案卷
    ("在外省直接结算的有多少人次", "外省", "跨省"),                   # 跨省异地就医直接结算
    ("全县有多少人交了医保", "交了医保", "参保"),
])
def test_a_citizens_phrase_is_searched_as_the_reports_term(question, phrase, term):
    found = dict(expand(question))
    assert term in found.get(phrase, ()), found


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return report_service(tmp_path_factory.mktemp("lexicon"), "澧水县_2025.txt",
                          "澧水县2025年法治政府建设年度报告\n\n一、化解矛盾纠纷\n\n"
                          "县12345政务服务便民热线全年受理群众诉求18.6万件，其中咨询类9.3万件、求助类4.8万件、"
                          "投诉举报类3.2万件，办结率为99.3%。\n\n二、维护社会治安\n\n"
                          "全县公安机关查处治安案件2930起，其中殴打他人案件612起、赌博案件158起。\n\n"
                          "三、群众评价\n\n全县法治政府建设群众满意度测评得分92.3分，满意率96.1%。\n")


@pytest.mark.parametrize(("question", "headline"), [
    ("澧水县2025年打热线只是问问事的有多少件？", "9.3万件"),     # the part, not the 18.6万件 total
    ("澧水县2025年警察查处打人的案子有多少起？", "612起"),      # not the 2930起 of all cases
    ("澧水县2025年老百姓给政府打的分是多少？", "92.3分"),        # not the 96.1% rate
])
def test_a_colloquial_part_is_answered_with_its_own_figure(service, question, headline):
    answer = service.ask(question)
    assert answer.found and answer.text.startswith(headline), answer.text
