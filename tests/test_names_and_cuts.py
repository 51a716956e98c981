"""Names in questions read whole, and reports cut off mid-sentence.

- A bureau's full name holds a place ("澜州市生态环境局澜溪分局"): none of its words is left over as a
  thing asked; the head office of a vertical system before it ("国家税务总局澜州市税务局") is part of
  the name; a district with 城 in its name ("湄城区") is a place the reports do not cover.
- A question naming one of a 分别为 list's parts by its own word ("跟物业闹矛盾的纠纷") is answered with
  that part, not held back as a part the sentence does not give.
- A report that stops mid-sentence (a crawled page's opening) gives no figure for the words the cut
  took away: "…省人大代表建议712件、省政协提案" gives none for 政协提案.
"""

import pytest

from bot.frame import clause_units
from bot.query import Question
from tests.conftest import first_line, reports_service

BUREAU = """澜州市生态环境局澜溪分局2025年法治政府建设年度报告

一、严格生态环境执法

全年立案查处环境违法案件127件，同比下降9.9%，下达行政处罚决定书118件，罚没款1186.4万元；受理环境信访投诉856件，办结率100%。
"""

TAX = """澜州市税务局2024年法治政府建设年度报告

一、依法组织收入

全年组织税费收入412.7亿元，同比增长5.3%；办理出口退税42.3亿元。
"""

DISTRICT = """澜溪区2025年法治政府建设年度报告

一、化解矛盾纠纷

全区各级人民调解组织共调解矛盾纠纷4579件，同比增长8.7%，调解成功率96.1%，其中物业纠纷、婚姻家庭纠纷、劳动争议纠纷分别为1036件、874件、628件；全区法律援助机构办理法律援助案件1176件。
"""

# the opening of a page, cut where the crawler stopped
CUT = """澜江省2024年法治政府建设年度报告

一、自觉接受监督

全省国家工作人员学法用法考试参考率、合格率分别为99.8%、

二、办理建议提案

全年共办理省人大代表建议712件、省政协提案"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("names"), {
        "澜州市生态环境局澜溪分局_2025.txt": BUREAU, "澜州市税务局_2024.txt": TAX,
        "澜溪区_2025.txt": DISTRICT, "澜江省_2024.txt": CUT})


def test_a_place_inside_a_bureaus_name_leaves_no_word_of_the_name_behind():
    q = Question(text="", normalized="", region_mentions=["澜州市", "澜溪"],
                 issuer_mentions=["澜州市生态环境局澜溪分局", "生态环境局"])
    left = q.without_places("澜州市生态环境局澜溪分局2025年罚没款是多少")
    assert "分局" not in left and "罚没款" in left, left


def test_a_branch_bureau_named_in_full_is_answered(service):
    answer = service.ask("澜州市生态环境局澜溪分局2025年罚没款是多少？")
    assert answer.found and first_line(answer).startswith("1186.4万元"), answer.text


def test_the_head_office_before_a_local_tax_bureau_is_part_of_its_name(service):
    answer = service.ask("国家税务总局澜州市税务局2024年组织税费收入多少？")
    assert answer.found and first_line(answer).startswith("412.7亿元"), answer.text


def test_a_district_with_cheng_in_its_name_is_a_place_not_covered(service):
    answer = service.ask("湄城区2025年人民调解成功率是多少？")
    assert not answer.found and "96.1" not in answer.text.splitlines()[0], answer.text
    assert "湄城区" in answer.text


def test_a_part_named_by_the_questions_own_word_is_answered(service):
    answer = service.ask("澜溪区2025年小区业主跟物业闹矛盾的纠纷，人民调解了多少起？")
    assert answer.found and first_line(answer).startswith("1036件"), answer.text


@pytest.mark.parametrize("question, figure", [
    ("澜江省2024年办理了多少件省政协提案？", None),  # its figure is what the cut took away
    ("澜江省2024年办理了多少件省人大代表建议？", "712件"),
    ("澜江省2024年国家工作人员学法用法考试的合格率是多少？", None),  # past the one value left
    ("澜江省2024年国家工作人员学法用法考试的参考率是多少？", "99.8%"),
])
def test_a_report_cut_mid_sentence_gives_no_figure_for_what_was_cut(service, question, figure):
    answer = service.ask(question)
    if figure is None:
        assert not answer.found and "712" not in first_line(answer) and "99.8" not in first_line(answer), \
            answer.text
    else:
        assert answer.found and first_line(answer).startswith(figure), answer.text


@pytest.mark.parametrize("clause", ["给举报安全隐患的人发了多少奖金", "一共赔了多少赔偿金", "追缴了多少税款"])
def test_a_noun_of_money_asks_an_amount(clause):
    assert clause_units(clause, "number") == ("元", "万元", "亿元")


@pytest.mark.parametrize("question, place", [
    ("澜溪区2025年洹南街道调解了多少件矛盾纠纷？", "洹南街道"),  # 南: a quarter of the compass, in a name
    ("澜溪区2025年澜石村调解了多少件矛盾纠纷？", "澜石村"),  # a village the reports never mention
])
def test_a_street_or_village_the_reports_never_mention_gets_no_figure_of_its_district(service, question, place):
    answer = service.ask(question)
    assert not answer.found and "4579" not in first_line(answer) and place in answer.text, answer.text


CITY_MANAGEMENT = """澜溪区城市管理综合行政执法局2025年法治政府建设年度报告

一、严格规范执法

开展户外广告和招牌设施专项整治，拆除违规户外广告1264处，规范店招店牌3180块；坚持“控新拆旧”，全年拆除违法建设436处、面积5.82万平方米，同比增长18.4%。

查处占道经营、店外经营等市容违法行为2.34万起，设置临时疏导点17处。
"""


def test_the_everyday_name_of_a_bureau_says_whose_report_not_what_is_asked(tmp_path):
    service = reports_service(tmp_path, {"澜溪区城市管理综合行政执法局_2025.txt": CITY_MANAGEMENT,
                                         "澜溪区_2025.txt": DISTRICT})
    answer = service.ask("澜溪区城管2025年拆了多少处违章搭建？")
    assert answer.found and first_line(answer).startswith("436处"), answer.text
