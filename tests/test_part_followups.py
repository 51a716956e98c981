"""A follow-up asking a part of the previous answer's whole ("其中…", "里面…", "这当中…") is
counted as its whole is, whatever its own words say ("讨工钱" is no amount asked); a person
count of the part may be in 人次 as its whole's is."""

import pytest

from tests.conftest import FIXTURES, build_store, first_line

HERE = FIXTURES / "part_followups"


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    files = sorted(HERE.iterdir())
    return build_store(tmp_path_factory.mktemp("part_followups"), files, embedding_model="hash")[1]


CASES = [["浉阳县司法局2025年法律援助办了多少案子？", "1032件。"]]


@pytest.mark.parametrize("q", ["里面帮农民工讨工钱的有多少？", "这当中帮农民工讨工钱的有多少？",
                               "其中帮农民工讨工钱的有多少？"])
def test_a_part_of_a_count_is_counted(service, q):
    answer = service.ask(q, CASES)
    assert answer.found and "386件" in first_line(answer) and "2140万元" not in first_line(answer), answer.text


def test_money_said_is_money(service):
    answer = service.ask("其中为农民工追回了多少钱？", CASES)
    assert answer.found and "2140万元" in first_line(answer), answer.text


def test_people_counted_in_person_times(service):
    history = [*CASES, ["受援群众多少人次？", "6930人次。"]]
    answer = service.ask("其中农民工有多少？", history)
    assert answer.found and "1870人次" in first_line(answer), answer.text


def test_an_item_of_the_listed_whole_is_asked_alone(service):
    """"其中轻微免罚的有多少件" after "首违不罚和轻微免罚一共办了多少件": the count of that item."""
    history = [["浉阳县2025年首违不罚和轻微免罚一共办了多少件？", "3365件。"]]
    answer = service.ask("其中轻微免罚的有多少件？", history)
    assert answer.found and "2318件" in first_line(answer) and "1047件" not in first_line(answer), answer.text
    assert answer.question == "浉阳县2025年轻微免罚办了多少件？"
