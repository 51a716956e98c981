"""BM25 keyword index over pre-tokenised chunks: a sparse matrix, no per-query loops.

Chunks arrive as arrays of int32 token ids with one shared vocabulary, not as lists of
strings: at 100k chunks that is ~35 MB instead of ~1.3 GB of ``str`` objects (and CPython
keeps freed string arenas, so a transient list of strings would stay resident).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

EMPTY = ""  # a chunk without tokens gets this one (as bm25s does), so every chunk has a row
_BLOCK = 4_000_000  # entries of the weight computation at a time


class Vocabulary:
    """Token → id, growing as chunks are added; ``ids`` converts one chunk's tokens."""

    def __init__(self) -> None:
        self.ids_of: dict[str, int] = {EMPTY: 0}

    def ids(self, tokens: Sequence[str]) -> np.ndarray:
        ids_of = self.ids_of
        for t in set(tokens).difference(ids_of):
            ids_of[t] = len(ids_of)
        if not tokens:
            return np.zeros(1, dtype=np.int32)
        return np.fromiter(map(ids_of.__getitem__, tokens), dtype=np.int32, count=len(tokens))

    def __len__(self) -> int:
        return len(self.ids_of)


@dataclass(frozen=True)
class TermCounts:
    """Each chunk's distinct tokens and their counts, as CSR rows (chunk i: entries
    indptr[i]:indptr[i + 1]), and its length in tokens: what BM25 is computed from, kept
    (and persisted) so that chunks can be added and dropped without re-tokenising."""

    indptr: np.ndarray  # int64, chunks + 1
    tokens: np.ndarray  # int32 token ids
    tf: np.ndarray  # int32 counts
    lengths: np.ndarray  # int32 tokens per chunk

    @classmethod
    def of(cls, chunk_ids: Sequence[np.ndarray], width: int) -> TermCounts:
        chunk, token, tf = _term_counts(chunk_ids, width)
        n = len(chunk_ids)
        indptr = np.concatenate([[0], np.cumsum(np.bincount(chunk, minlength=n))]).astype(np.int64)
        lengths = np.fromiter(map(len, chunk_ids), dtype=np.int32, count=n)
        return cls(indptr, token, tf, lengths)

    def __len__(self) -> int:
        return len(self.lengths)

    def take(self, rows: np.ndarray, block: int = 50_000) -> TermCounts:
        """These chunks' rows, in this order; gathered ``block`` rows at a time, so the
        temporary index arrays stay small (all at once: ~3 GB at 1M chunks)."""
        rows = np.asarray(rows, dtype=np.int64)
        indptr_in = np.asarray(self.indptr)
        starts = indptr_in[rows]
        sizes = indptr_in[rows + 1] - starts
        indptr = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
        tokens_in, tf_in = np.asarray(self.tokens), np.asarray(self.tf)
        tokens = np.empty(indptr[-1], dtype=tokens_in.dtype)
        tf = np.empty(indptr[-1], dtype=tf_in.dtype)
        for b in range(0, len(rows), block):
            lo, hi = indptr[b], indptr[min(b + block, len(rows))]
            s, z = starts[b:b + block], sizes[b:b + block]
            at = np.repeat(s - indptr[b:b + len(s)], z) + np.arange(lo, hi, dtype=np.int64)
            tokens[lo:hi] = tokens_in[at]
            tf[lo:hi] = tf_in[at]
        return TermCounts(indptr, tokens, tf, np.asarray(self.lengths)[rows])

    @staticmethod
    def concat(parts: Sequence[TermCounts]) -> TermCounts:
        offsets = np.cumsum([0] + [p.indptr[-1] for p in parts[:-1]])
        indptr = np.concatenate([[0]] + [p.indptr[1:] + o for p, o in zip(parts, offsets,
                                                                           strict=True)])
        return TermCounts(indptr.astype(np.int64),
                          np.concatenate([np.asarray(p.tokens) for p in parts]).astype(np.int32),
                          np.concatenate([np.asarray(p.tf) for p in parts]).astype(np.int32),
                          np.concatenate([np.asarray(p.lengths) for p in parts]).astype(np.int32))


class KeywordIndex:
    """BM25 (the Lucene variant, bm25s's default: k1 1.5, b 0.75) as a sparse chunk × token
    matrix of precomputed weights; a query's scores are the sum of its tokens' columns.

    Built with whole-array numpy operations (no per-chunk Python loop): ~2 s at 100k chunks,
    where ``bm25s.BM25.index`` takes ~9 s on the same ids. tests/test_keyword.py checks
    the scores equal bm25s's."""

    K1 = 1.5
    B = 0.75

    def __init__(self, chunk_ids: Sequence[np.ndarray], vocab: Vocabulary,
                 tokenize: Callable[[str], list[str]]):
        """``chunk_ids``: each chunk's token ids from ``vocab`` (see ``from_tokens``)."""
        self._build(TermCounts.of(chunk_ids, len(vocab)), vocab.ids_of, tokenize)

    @classmethod
    def from_counts(cls, counts: TermCounts, vocab: dict[str, int],
                    tokenize: Callable[[str], list[str]],
                    weights: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
                    ) -> KeywordIndex:
        """The index of these counts; ``weights`` (from ``weights`` of an index of the
        same counts, e.g. memory-mapped from a saved snapshot) are used as they are."""
        index = cls.__new__(cls)
        if weights is None:
            index._build(counts, vocab, tokenize)
            return index
        from scipy.sparse import csc_matrix

        data, indices, indptr = weights
        index._tokenize = tokenize
        index.counts = counts
        index._size = n = len(counts)
        index._vocab = vocab
        index._df = np.diff(indptr)
        index._matrix = csc_matrix((data, indices, indptr), shape=(n, len(vocab)), copy=False)
        return index

    @property
    def weights(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The BM25 weights as (data, chunk indices, token indptr) arrays."""
        m = self._matrix
        return m.data, m.indices, m.indptr

    def _build(self, counts: TermCounts, vocab: dict[str, int],
               tokenize: Callable[[str], list[str]]) -> None:
        from scipy.sparse import csc_matrix

        self._tokenize = tokenize
        self.counts = counts
        self._size = n = len(counts)
        self._vocab = vocab
        width = len(vocab)
        lengths = np.asarray(counts.lengths, dtype=np.float32)
        token = np.asarray(counts.tokens)
        self._df = np.bincount(token, minlength=width)
        idf = _idf(n, self._df).astype(np.float32)
        per_chunk = self.K1 * (1 - self.B + self.B * lengths / (lengths.mean() if n else 1))
        # weights = idf[token] * tf / (tf + norm), in place and a block at a time: at 1M
        # chunks each temporary array of all entries is ~360 MB
        weights = np.array(counts.tf, dtype=np.float32)  # a copy, changed in place
        norm = np.repeat(per_chunk, np.diff(counts.indptr))
        norm += weights
        for lo in range(0, len(weights), _BLOCK):
            hi = lo + _BLOCK
            weights[lo:hi] *= idf[token[lo:hi]]
            weights[lo:hi] /= norm[lo:hi]
        del norm
        # the transpose of the chunk x token CSR matrix is a token x chunk CSC one: its
        # transpose again (no copy) is the chunk x token matrix in CSC form, column slicing fast
        by_token = csc_matrix((weights, token, counts.indptr), shape=(width, n))
        self._matrix = by_token.tocsr().T.tocsc(copy=False)

    @classmethod
    def from_tokens(cls, corpus_tokens: Iterable[Sequence[str]],
                    tokenize: Callable[[str], list[str]]) -> KeywordIndex:
        vocab = Vocabulary()
        return cls([vocab.ids(tokens) for tokens in corpus_tokens], vocab, tokenize)

    def __len__(self) -> int:
        return self._size

    def idf(self, token: str) -> float:
        """BM25-style inverse document frequency; unseen tokens get the highest weight."""
        i = self._vocab.get(token)
        return float(_idf(self._size, int(self._df[i]) if i is not None else 0))

    def __contains__(self, token: str) -> bool:
        i = self._vocab.get(token)
        return i is not None and self._df[i] > 0

    def df(self, token: str) -> int:
        """How many chunks hold the token."""
        i = self._vocab.get(token)
        return 0 if i is None else int(self._df[i])

    def chunks_with(self, token: str) -> np.ndarray:
        """The chunks (corpus order) that hold the token: its column of the matrix."""
        i = self._vocab.get(token)
        if i is None:
            return np.zeros(0, dtype=np.int64)
        m = self._matrix
        return np.asarray(m.indices[m.indptr[i]:m.indptr[i + 1]])

    def query_tokens(self, query: str) -> list[str]:
        return [t for t in self._tokenize(query) if t in self]

    def scores(self, query: str | list[str]) -> np.ndarray:
        """BM25 score of every chunk, in corpus order (a repeated query token counts again)."""
        tokens = self.query_tokens(query) if isinstance(query, str) else [
            t for t in query if t in self]
        if not self._size or not tokens:
            return np.zeros(self._size, dtype=np.float32)
        columns = self._matrix[:, [self._vocab[t] for t in tokens]]
        return np.asarray(columns.sum(axis=1), dtype=np.float32).ravel()


def _idf(n: int, df):  # noqa: ANN001, ANN202 - an int or an array of them, alike
    """Lucene's BM25 inverse document frequency: log(1 + (n - df + 0.5) / (df + 0.5))."""
    return np.log1p((n - df + 0.5) / (df + 0.5))


def _term_counts(chunk_ids: Sequence[np.ndarray], width: int,
                 block: int = 5000) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(chunk, token, count) of every distinct token of every chunk, sorted by chunk then
    token; computed a block of chunks at a time to keep the temporary arrays small."""
    parts = []
    for start in range(0, len(chunk_ids), block):
        ids = chunk_ids[start:start + block]
        lengths = np.fromiter(map(len, ids), dtype=np.int64, count=len(ids))
        rows = np.repeat(np.arange(start, start + len(ids), dtype=np.int64), lengths)
        pairs, tf = np.unique(rows * width + np.concatenate(ids), return_counts=True)
        chunk, token = np.divmod(pairs, width)
        parts.append((chunk.astype(np.int32), token.astype(np.int32), tf.astype(np.int32)))
    if not parts:
        return np.zeros(0, np.int32), np.zeros(0, np.int32), np.zeros(0, np.int32)
    chunks, tokens, tfs = zip(*parts, strict=True)
    return np.concatenate(chunks), np.concatenate(tokens), np.concatenate(tfs)
