"""English questions on a prefecture and its county: British spellings of a glossary word
(law-popularisation), "bilingual", "went from how many to how many" (a 由A增加至B pair asked
whole), "the prefecture" said alone (its whole, as 全州), and "what target did … set" (a 力争
sentence)."""

import pytest

from tests.conftest import first_line, reports_service

PREFECTURE = """蓓江藏族羌族自治州司法局2025年法治政府建设年度报告

一、人民调解
全州建立人民调解委员会1386个，有人民调解员5420名，全年调解纠纷1.42万件，调解成功率98.2%。
二、2026年工作安排
加强人民调解工作，新培养双语人民调解员200名以上。
"""

COUNTY = """蓓水县人民政府2025年法治政府建设年度报告

一、法治宣传
编印藏汉双语普法挂图2.1万份，双语普法活动由146场增加至173场，覆盖群众3.8万人次。
二、公共法律服务
全年办理法律援助案件352件。
三、2026年工作安排
提升公共法律服务可及性，力争全年办理法律援助案件380件以上。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("english_pairs"), {
        "蓓江州司法局_2025.txt": PREFECTURE, "蓓水县_2025.txt": COUNTY})


def test_from_how_many_to_how_many_gives_both_values(service):
    answer = service.ask("In 2025, Beishui County's bilingual law-popularisation events went "
                         "from how many to how many?")
    line = first_line(answer)
    assert answer.found and "146场" in line and "173场" in line, answer.text


def test_the_prefecture_said_alone_is_its_whole(service):
    answer = service.ask("According to the Beijiang Prefecture Justice Bureau, how many people's mediators "
                         "did the prefecture have in 2025?")
    assert answer.found and "5420名" in first_line(answer), answer.text


def test_a_target_set_is_the_plans_figure(service):
    answer = service.ask("What target did Beishui County set for the number of legal aid cases in 2026?")
    assert answer.found and "380件" in first_line(answer), answer.text


@pytest.mark.parametrize("spelled", ["law-popularisation", "law popularization"])
def test_british_and_american_spellings_are_one_word(spelled):
    from bot.english import english_form

    assert english_form(spelled).lower() == "law popularization"
