"""bot.service._corpus_has: whether some chunk's text holds a phrase (a region-like word of
a question that names no report). A large store answers from the keyword index's postings
instead of scanning every text; a small one scans."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from bot import service
from vectorstore.keyword import KeywordIndex
from vectorstore.tokenizer import shared_tokenizer

TEXTS = [
    "2023年，临川区行政复议案件纠错率为8.5%，较上年下降2个百分点。",
    "高新区管委会推行“综合查一次”联合执法，减少涉企检查频次。",
    "全年办理法律援助案件1200件，挽回经济损失3000万元。",
]


@pytest.fixture
def snap():
    tokenize = shared_tokenizer()
    keyword = KeywordIndex.from_tokens([tokenize(t) for t in TEXTS], tokenize)
    return SimpleNamespace(keyword=keyword, chunks=[SimpleNamespace(text=t) for t in TEXTS])


def test_postings_of_a_token(snap):
    assert snap.keyword.df("执法") == 1
    assert snap.keyword.chunks_with("执法").tolist() == [1]
    assert snap.keyword.chunks_with("不在索引里").tolist() == []
    assert snap.keyword.df("不在索引里") == 0


@pytest.mark.parametrize("large", [False, True])
def test_found_and_not_found(snap, monkeypatch, large):
    if large:  # the index path, as at 1M chunks
        monkeypatch.setattr(service, "_SCAN_ALL", 0)
    assert service._corpus_has(snap, "临川区")
    assert service._corpus_has(snap, "高新区")
    assert not service._corpus_has(snap, "朝阳区")
    assert not service._corpus_has(snap, "临川区高新区")  # every token indexed, no text holds it


def test_a_large_store_scans_when_only_common_tokens_are_indexed(snap, monkeypatch):
    monkeypatch.setattr(service, "_SCAN_ALL", 0)
    monkeypatch.setattr(service, "_POSTINGS", 0)  # every token too common for postings
    assert service._corpus_has(snap, "高新区")
    assert not service._corpus_has(snap, "新区管委会推行执法")


def test_a_large_store_takes_a_phrase_of_unindexed_tokens_as_absent(snap, monkeypatch):
    monkeypatch.setattr(service, "_SCAN_ALL", 0)
    snap.chunks = [SimpleNamespace(text=t + "鄞州区") for t in TEXTS]  # never indexed
    assert not service._corpus_has(snap, "鄞州区")
    monkeypatch.setattr(service, "_SCAN_ALL", 10)
    assert service._corpus_has(snap, "鄞州区")  # a small store: scanned whole
