"""BM25 keyword index over pre-tokenised chunks (bm25s: sparse matrices, no per-query loops)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

import numpy as np


class KeywordIndex:
    def __init__(self, corpus_tokens: Sequence[Sequence[str]], tokenize: Callable[[str], list[str]]):
        import bm25s

        logging.getLogger("bm25s").setLevel(logging.WARNING)

        self._tokenize = tokenize
        self._size = len(corpus_tokens)
        self._df: dict[str, int] = {}
        for tokens in corpus_tokens:
            for t in set(tokens):
                self._df[t] = self._df.get(t, 0) + 1
        self._bm25 = bm25s.BM25()
        if self._size:
            # bm25s needs at least one token per document
            self._bm25.index([list(t) or [""] for t in corpus_tokens], show_progress=False)
            self._vocab = self._bm25.vocab_dict
        else:
            self._vocab = {}

    def __len__(self) -> int:
        return self._size

    def idf(self, token: str) -> float:
        """BM25-style inverse document frequency; unseen tokens get the highest weight."""
        n = self._size
        df = self._df.get(token, 0)
        return float(np.log(1.0 + (n - df + 0.5) / (df + 0.5)))

    def __contains__(self, token: str) -> bool:
        return token in self._df

    def query_tokens(self, query: str) -> list[str]:
        return [t for t in self._tokenize(query) if t in self._vocab]

    def scores(self, query: str | list[str]) -> np.ndarray:
        """BM25 score of every chunk, in corpus order."""
        tokens = self.query_tokens(query) if isinstance(query, str) else [
            t for t in query if t in self._vocab]
        if not self._size or not tokens:
            return np.zeros(self._size, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(tokens), dtype=np.float32)
