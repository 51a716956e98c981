"""Places in a conversation and inside reports: the whole of the place containing the last one
("同一年全市…", "镇里呢"), a year only carried to a place with no report of it, a zone's 管委会, a
rate the report gives for a place inside it, a town it names in passing (small reports of their own)."""

import pytest

from tests.conftest import FIXTURES, build_store, first_line


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    files = [FIXTURES / "asked_parts" / "澄川县_2025.md"]
    return build_store(tmp_path_factory.mktemp("places"), files, embedding_model="hash")[1]


@pytest.fixture(scope="module")
def two_places(tmp_path_factory):
    files = [FIXTURES / "asked_parts" / name for name in ("澄川县_2024.md", "澄湖经济开发区_2025.md")]
    return build_store(tmp_path_factory.mktemp("places_two"), files, embedding_model="hash")[1]


def test_the_whole_of_the_place_containing_the_last_one_is_asked_with_a_year_before_it():
    from bot.conversation import _other_place

    known = ["澄州市", "澄州市澄川县", "澄川县"]
    assert _other_place("同一年全市一共培训了多少人次？", ["澄州市澄川县"], known) == \
        "同一年澄州市全市一共培训了多少人次？"
    assert _other_place("全市呢？", ["澄州市澄川县"], known) == "澄州市呢？"


def test_the_one_town_is_asked_by_its_level_after_its_county():
    from bot.conversation import _other_place

    known = ["澄州市澄川县", "澄川县", "澄溪镇"]
    assert _other_place("镇里呢？", ["澄州市澄川县"], known) == "澄溪镇呢？"
    # two towns: which one is not said
    assert _other_place("镇里呢？", ["澄州市澄川县"], [*known, "澄口镇"]) == "镇里呢？"


def test_a_year_only_carried_to_a_place_without_that_years_report_gives_way(two_places):
    # the zone has only its 2025 report: "2024" was the county's turn's, never said of the zone
    history = [["澄川县2024年收到多少件行政复议申请？", "431件。"]]
    answer = two_places.ask("那澄湖开发区管委会被申请行政复议的案件有多少件？", history=history)
    assert answer.found and "27件" in first_line(answer), answer.text


def test_a_year_said_again_stays(two_places):
    history = [["澄川县2024年收到多少件行政复议申请？", "431件。"]]
    answer = two_places.ask("那澄湖开发区同一年被申请行政复议的案件有多少件？", history=history)
    assert "27件" not in first_line(answer), answer.text


def test_a_zones_governing_body_is_the_zone_itself(two_places):
    # (the year carried, 2024, is given by the zone's 2025 report: "较上年的1032次")
    history = [["澄川县2024年开展涉企行政检查多少次？", "2315次。"]]
    answer = two_places.ask("那澄湖开发区管委会呢？", history=history)
    assert answer.found and "1032次" in first_line(answer), answer.text


@pytest.mark.parametrize(("question", "figure"), [
    # "部分乡镇…调解成功率仍然偏低，其中澄溪镇仅为61.2%": the town's rate, asked of the town
    ("澄溪镇2025年行政争议调解成功率是多少？", "61.2%"),
    ("澄口镇2025年案卷合格率是多少？", "86.5%"),
])
def test_a_rate_of_a_place_inside_the_report_answers_that_place(service, question, figure):
    answer = service.ask(question)
    assert answer.found and figure in first_line(answer), answer.text


@pytest.mark.parametrize(("question", "figure"), [
    ("澄川县2025年行政争议调解成功率是多少？", "61.2%"),
    ("澄川县2025年案卷合格率是多少？", "86.5%"),
])
def test_a_rate_of_a_place_inside_the_report_is_not_the_reports_own(service, question, figure):
    answer = service.ask(question)
    assert figure not in first_line(answer), answer.text


def test_a_town_named_in_passing_is_not_answered_by_the_county_total_beside_it(service):
    # the paragraph names 澄坪镇 for its 法律明白人 only: the county's 5792件 are no count of the town's
    answer = service.ask("澄坪镇2025年调解了多少件纠纷？")
    assert "5792件" not in first_line(answer), answer.text


def test_a_two_character_name_with_a_rare_first_character_is_a_place():
    from bot.query import names_a_place

    assert names_a_place("渼坪镇") and names_a_place("荛北镇")
    assert not names_a_place("向乡镇") and not names_a_place("各乡镇") and not names_a_place("送法下乡")


def test_a_place_named_in_passing_is_where_not_what_is_asked(service):
    # the only sentences naming 澄坪镇 count its 法律明白人 and its 信访事项: none its 法律援助案件 (the
    # county's 612件 are not the town's either)
    answer = service.ask("澄坪镇2025年办理了多少件法律援助案件？")
    assert not answer.found and "58件" not in first_line(answer) and "612件" not in first_line(answer), answer.text
