"""An item of a list of a whole's parts ("在作出处罚决定的案件中，涉及大气、水…的分别为173件、126件")
answers its part, not the whole: a question naming no part takes the whole's own figure. (A part
asked of such a list is not tested here: the list's shared head noun is not yet distributed to every
item when the items are joined by 、 alone — "大气、水、固体废物污染" binds 污染 to the last item.)"""

import pytest

from tests.conftest import first_line, reports_service

REPORT = """栎溪市生态环境局2025年法治政府建设年度报告

一、严格执法
在作出处罚决定的案件中，涉及大气、水和固体废物污染的分别为173件、126件、98件。全年立案查处环境违法案件486件，作出行政处罚决定452件，罚没款3218.6万元。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("listed_parts"), {"栎溪市生态环境局_2025.txt": REPORT})


@pytest.mark.parametrize(("question", "figure"), [
    ("栎溪市生态环境局2025年作出了多少件处罚决定？", "452件"),
    ("How many penalty decisions did the Lixi ecology and environment bureau issue in 2025?", "452件"),
])
def test_a_listed_part_answers_only_its_part(service, question, figure):
    assert figure in first_line(service.ask(question))


def test_an_item_of_a_parts_list_is_unnamed_unless_a_term_names_it():
    from bot.extractive import Term, _listed_part_unnamed
    from facts.sentence import sentence_facts

    facts = sentence_facts("在作出处罚决定的案件中，涉及大气、水和固体废物污染的分别为173件、126件、98件。")
    first = next(f for f in facts if f.text == "173件")
    assert first.topic == "作出处罚决定的案件"
    assert _listed_part_unnamed(first, [Term("处罚决定", 1.0)])
    assert not _listed_part_unnamed(first, [Term("处罚决定", 1.0), Term("大气", 1.0)])
    whole = sentence_facts("全年作出行政处罚决定452件。")[0]
    assert not _listed_part_unnamed(whole, [Term("处罚决定", 1.0)])
