"""A sentence that lacks the question's rarest word does not set how close a sentence that has
it must score to be the answer."""

import pytest

from tests.conftest import FIXTURES, build_store

REPORT = FIXTURES / "qsets" / "qa14" / "澜江省_2024.txt"  # a dev set's report: real idf


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("floor"), [REPORT], embedding_model="hash")[1]


def test_the_sentence_with_the_rarest_words_answers(service):
    answer = service.ask("2024年澜江省乡镇（街道）综合行政执法的赋权事项精简到了多少项？")
    assert answer.found and answer.text.startswith("104项"), answer.text


def test_without_them_nothing_is_answered(service):
    answer = service.ask("2024年澜江省乡镇（街道）综合行政执法的听证事项取消了多少项？")
    assert not answer.text.startswith(("87项", "104项", "126项")), answer.text
