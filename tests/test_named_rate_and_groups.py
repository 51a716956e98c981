"""A rate named by its own verb, asked as a follow-up, is of the thing asked about (not of the
previous verb's count); a place a report names only as one of a group ("X、Y等六个区县…") or as the
partner of a joint action ("与相邻的X镇联合…") is not what the figure after it is about."""

import pytest

from tests.conftest import first_line, reports_service

PROVINCE_2024 = """滏江省2024年法治政府建设情况报告

一、行政复议

全省各级行政复议机关新收行政复议案件1.2万件，同比增长21.4%，审结1.1万件，办结率91.7%，纠错率10.3%，调解成功率18.6%。
"""

CITY_2025 = """滏州市2025年法治政府建设年度报告

一、化解矛盾纠纷

滏湖区、滏川区等六个区县建成“一站式”矛盾纠纷调处化解中心，全年受理群众诉求1.3万件，化解率96.1%。
澧源县与相邻的澧塘镇建立边界矛盾纠纷联调机制，联合调处纠纷11件。
其中滏南区受理群众诉求2100件，化解率97.3%。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("rate_groups"), {
        "滏江省_2024.txt": PROVINCE_2024, "滏州市_2025.txt": CITY_2025})


@pytest.mark.parametrize("follow, gold, not_gold", [
    ("纠错率呢？", "10.3%", "21.4%"),
    ("那办结率呢？", "91.7%", "10.3%"),
])
def test_a_named_rate_after_a_count_is_the_rate_of_the_same_thing(service, follow, gold, not_gold):
    history = [["滏江省2024年全省行政复议新收了多少案件？", "1.2万件。"]]
    answer = service.ask(follow, history)
    assert gold in first_line(answer) and not_gold not in first_line(answer), (answer.question, answer.text)


@pytest.mark.parametrize("follow", ["比例呢？", "成功率呢？"])
def test_a_rate_naming_no_verb_of_its_own_keeps_the_previous_verb(service, follow):
    # "比例", "成功率": a share or the success of what the previous turn counted
    history = [["滏江省2024年全省行政复议调解了多少案件？", "…"]]
    assert "调解" in service.ask(follow, history).question


@pytest.mark.parametrize("question", [
    "滏川区2025年受理了多少件群众诉求？",  # one of "滏湖区、滏川区等六个区县"
    "澧塘镇2025年调处了多少件矛盾纠纷？",  # the partner of 澧源县's joint mediation
])
def test_a_place_named_in_a_group_or_a_pair_is_not_answered_with_the_groups_figure(service, question):
    answer = service.ask(question)
    assert not answer.found and "1.3万" not in first_line(answer) and "11件" not in first_line(answer), answer.text


def test_a_place_named_on_its_own_is_answered(service):
    answer = service.ask("滏南区2025年受理了多少件群众诉求？")
    assert answer.found and "2100件" in first_line(answer), answer.text
