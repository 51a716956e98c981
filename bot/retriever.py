"""Hybrid retrieval: BM25 over jieba tokens + vector search in Chroma, fused by reciprocal rank.

``HybridSearch`` is the plain-Python core; ``bot.lc_retriever.HybridRetriever`` wraps it as a
LangChain ``BaseRetriever`` for chains that want one (kept apart so the CLI starts fast).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import numpy as np

from vectorstore.records import ChunkRecord
from vectorstore.store import KnowledgeStore, Snapshot

KEEP_KEYWORD_LEADERS = 2  # the top BM25 chunks always among the hits


@dataclass(frozen=True)
class Hit:
    chunk: ChunkRecord
    index: int  # position in the store snapshot
    score: float  # fused RRF score
    bm25: float
    similarity: float  # cosine similarity, 0 when not among the vector candidates


class HybridSearch:
    def __init__(self, store: KnowledgeStore, candidates: int = 30, rrf_k: int = 60,
                 bm25_weight: float = 1.0, vector_weight: float = 1.0):
        self.store = store
        self.candidates = candidates
        self.rrf_k = rrf_k
        self.bm25_weight = bm25_weight
        self.vector_weight = vector_weight

    def search(self, text: str, k: int = 5, doc_ids: Collection[str] | None = None,
               vector_text: str | None = None, snapshot: Snapshot | None = None) -> list[Hit]:
        """The best k chunks; ``Hit.index`` refers to ``snapshot`` (default: the current one,
        taken once for the whole search)."""
        snap = snapshot if snapshot is not None else self.store.snapshot()
        if not snap.chunks:
            return []
        allowed = None
        if doc_ids is not None:
            allowed = snap.chunk_mask(doc_ids)
        bm25 = snap.keyword.scores(text)
        if allowed is not None:
            bm25 = np.where(allowed, bm25, 0.0)
        n = min(self.candidates, len(bm25))
        top = np.argpartition(-bm25, n - 1)[:n] if n else np.array([], dtype=int)
        keyword_ranked = [int(i) for i in top[np.argsort(-bm25[top])] if bm25[i] > 0]
        vector_ranked = self.store.vector_search(
            self.store.embed_query(vector_text or text), self.candidates, doc_ids, snapshot=snap)
        similarity = dict(vector_ranked)

        fused: dict[int, float] = {}
        for rank, i in enumerate(keyword_ranked):
            fused[i] = fused.get(i, 0.0) + self.bm25_weight / (self.rrf_k + rank + 1)
        for rank, (i, _) in enumerate(vector_ranked):
            fused[i] = fused.get(i, 0.0) + self.vector_weight / (self.rrf_k + rank + 1)
        order = sorted(fused, key=lambda i: -fused[i])
        best = order[:k]
        # The keyword leaders stay in even when the vector ranking does not back them (a
        # rare exact term, a quoted name): reciprocal-rank fusion alone lets two middling
        # ranks outvote a first place.
        # (all of them: one brought in must not push out another at the edge)
        leaders = keyword_ranked[:KEEP_KEYWORD_LEADERS]
        if any(i not in best for i in leaders) and k > len(leaders):
            best = [i for i in order if i not in leaders][:k - len(leaders)] + leaders
            best.sort(key=lambda i: -fused[i])
        return [Hit(snap.chunks[i], i, fused[i], float(bm25[i]), similarity.get(i, 0.0))
                for i in best]
