"""A place the reports name only in passing (a neighbouring county, a partner city) has no
report of its own: the reporting place's figures are not its figures; a passage that names
it still answers what it says of it."""

import pytest

from tests.conftest import FIXTURES, build_store, first_line

HERE = FIXTURES / "passing_places"


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    files = sorted(HERE.iterdir())
    return build_store(tmp_path_factory.mktemp("passing_places"), files, embedding_model="hash")[1]


def test_the_reporting_countys_figure_answers_for_itself(service):
    answer = service.ask("浉阳县2025年县政府收到了多少件行政复议申请？")
    assert answer.found and "187件" in first_line(answer), answer.text


@pytest.mark.parametrize("q", ["浉川县2025年县政府收到了多少件行政复议申请？",
                               "2025年浉川县一审行政诉讼案件有多少件？"])
def test_a_place_named_in_passing_borrows_no_figure(service, q):
    answer = service.ask(q)
    assert not answer.found and "浉川县" in first_line(answer), answer.text
    assert "187件" not in first_line(answer) and "64件" not in first_line(answer), answer.text


def test_what_a_passage_says_of_that_place_still_answers(service):
    answer = service.ask("浉川县2025年和浉阳县联合开展跨界执法检查多少次？")
    assert answer.found and "12次" in first_line(answer), answer.text


def test_find_regions_tells_passing_places_apart():
    from bot.query import find_regions

    said = {"浉川县", "示范区"}.__contains__  # named in a report: a place, and a word that is none
    assert find_regions("浉川县收到多少件申请", [], said)[4] == ["浉川县"]
    assert find_regions("创建了多少个示范区", [], said)[4] == []
