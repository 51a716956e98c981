"""Answers that lead with the figure bound to what is asked (a small report of its own)."""

import pytest

from tests.conftest import FIXTURES, build_store


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    files = [FIXTURES / "binding" / "青石县_2025.txt"]
    return build_store(tmp_path_factory.mktemp("binding"), files, embedding_model="hash")[1]


def _first(answer) -> str:  # noqa: ANN001
    return answer.text.split("\n", 1)[0]


def test_the_level_after_a_change_answers_a_stock_question_not_a_part_of_another_whole(service):
    answer = service.ask("青石县2025年底执业律师有多少名？")
    assert answer.found and "566名" in _first(answer), answer.text


def test_a_sibling_rate_is_no_answer(service):
    answer = service.ask("青石县2025年行政复议综合纠错率是多少？")
    assert "9.4%" not in _first(answer), answer.text
    assert not answer.found


def test_two_asks_with_a_chinese_percent_both_lead(service):
    answer = service.ask("青石县2025年受理了多少件来信来访事项？按期办结率是多少？")
    first = _first(answer)
    assert "265件" in first and ("百分之百" in first or "100%" in first), answer.text


def test_a_colloquial_question_is_answered_when_the_word_table_names_the_indicator(service):
    # "上门查企业" is 涉企检查 in the reports' words (bot/synonyms.txt); the sentence has none of
    # the question's own words
    answer = service.ask("青石县去年政府上门查企业一共查了多少回")
    assert answer.found and "1260次" in _first(answer), answer.text


def test_a_change_asked_of_a_count_is_answered_by_the_stated_percent_when_the_year_before_is_missing(service):
    answer = service.ask("跟上一年比变化了多少？", history=[["青石县2025年受理了多少件来信来访事项？", "265件"]])
    assert answer.found and "6.3%" in _first(answer), answer.text



def test_the_asked_measure_word_binds_its_figure(tmp_path):
    # "多少个…案卷": 99个 in a long sentence about a 评查组 binds weakly by its words alone;
    # the measure word asked (个, not only its family 家/项/所/处) is evidence too
    from tests.conftest import SEED_REPORT

    service = build_store(tmp_path, [SEED_REPORT], embedding_model="hash")[1]
    answer = service.ask("余杭区2021年集中评查了多少个行政执法案卷？")
    assert _first(answer).startswith("99个"), answer.text


def test_a_part_with_a_qualifier_nobody_asked_is_not_the_total(tmp_path):
    # "共有多少家律师事务所": 39家 (the total), not 其中涉外律师事务所1家
    from tests.conftest import SAMPLES

    service = build_store(tmp_path, [SAMPLES / "明湖区_2023.txt"], embedding_model="hash")[1]
    answer = service.ask("明湖区2023年共有多少家律师事务所")
    assert _first(answer).startswith("39家"), answer.text
    answer = service.ask("明湖区2023年有多少家涉外律师事务所？")
    assert _first(answer).startswith("1家"), answer.text
