"""The top BM25 chunks are always among the hits: bringing one in never pushes the other out."""

from types import SimpleNamespace

import numpy as np

from bot.retriever import KEEP_KEYWORD_LEADERS, HybridSearch


class _Store:
    """Ten chunks; BM25 favours 0 then 1, the vectors rank 2…8 and neither of them: fused, 0 is eighth
    and 1 ninth."""

    def __init__(self) -> None:
        bm25 = np.array([14.0, 3.4, 3.3, 2.7, 2.0, 1.0, 0.9, 0.8, 0.7, 0.6])
        self._snap = SimpleNamespace(chunks=[f"chunk{i}" for i in range(10)],
                                     keyword=SimpleNamespace(scores=lambda text: bm25))

    def snapshot(self):  # noqa: ANN201
        return self._snap

    def embed_query(self, text: str) -> str:
        return text

    def vector_search(self, vector, k, doc_ids, snapshot):  # noqa: ANN001, ANN201
        return [(i, 0.9 - 0.01 * i) for i in (2, 3, 4, 5, 6, 7, 8)][:k]


def test_every_keyword_leader_stays_among_the_hits():
    hits = HybridSearch(_Store()).search("机动车保有量", k=8)
    assert KEEP_KEYWORD_LEADERS == 2
    assert len(hits) == 8 and {0, 1} <= {h.index for h in hits}
