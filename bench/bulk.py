"""A large benchmark store built in minutes: ``python -m bench --sizes 1000000:hash --bulk``.

Building a store chunk by chunk as bench/stores.py does takes 1–2 h at 1,000,000 chunks on
this machine: jieba on every chunk (~2 ms) and Chroma's ``add`` (1.7–3.5 ms a chunk). This
builds the same kind of store from the corpus of the first ``BASE`` chunks (bench.corpus:
tokens computed once, by the store's own tokenizer) and copies of it. Copy k of a document
is a new document (a region and year of the synthetic pool that no other document has, its
own source, id and title) whose chunks are the original's, each text followed by one line
"（副本<letters>）". The line has no digits and starts after a line break, so

- the chunk's facts are the original's (their spans are offsets into the text, unchanged);
- its jieba tokens are the original's followed by the line's (jieba never joins across a
  line break; checked on the first chunks of every copy while building);
- its hash vector is the original's signed bigram counts plus those of the added characters
  (integer counts: exactly what the embedder computes), then normalised.

The chunks go to Chroma in batches of 5,000 through ``KnowledgeStore.add_many`` (metadata
exactly as the store writes it), and the snapshot is saved beside the store from the same
records (``KnowledgeStore.save_loaded_snapshot``) instead of being read back from 1M Chroma
rows at the first start. tests/test_bench_bulk.py checks that a store built this way equals
one built document by document through ``KnowledgeStore.add_document``: ids, texts,
metadata, vectors and snapshot.

What differs from a corpus of 1M independent reports: a copy's text still names the region
and year of its original (its metadata names its own), and copies of one chunk share all
their words but the last line, so keyword statistics are those of the 100k corpus repeated.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

import numpy as np

from bench.corpus import YEARS, Rewriter, corpus, hash_counts, normalized, parse_region, synthetic_regions
from vectorstore.embeddings import E5_DIM
from vectorstore.keyword import Vocabulary
from vectorstore.records import ChunkRecord, DocumentRecord, chunk_id

logger = logging.getLogger(__name__)

BASE = 100_000  # chunks of the corpus that is copied
GROUP = 50_000  # chunks per add_many call (one version bump each)
_CHECKED = 50  # chunks of each copy whose tokens are computed by jieba and compared


@dataclass(frozen=True)
class Base:
    """The corpus copied: its documents, every chunk's tokens and hash bigram counts."""

    docs: list[tuple[DocumentRecord, list[ChunkRecord]]]
    chunks: list[ChunkRecord]  # chunk by chunk, in document order
    tokens: list[list[str]]  # of each chunk
    counts: np.ndarray  # hash_counts of each chunk's index text


def mark(k: int) -> str:
    """The line added to the chunks of copy k ≥ 1: letters only (no digits, no numerals)."""
    letters = ""
    while True:
        k, r = divmod(k, 26)
        letters = chr(ord("a") + r) + letters
        if not k:
            break
    return f"（副本{letters:a>2}）"


def base_corpus(n_chunks: int, tokenize, dim: int = E5_DIM, workers: int = 1) -> Base:  # noqa: ANN001
    """bench.corpus of n_chunks with the tokens (``tokenize``, or its equal in ``workers``
    processes) and hash counts of every chunk."""
    docs = list(corpus(n_chunks))
    flat = [c for _, chunks in docs for c in chunks]
    texts = [c.index_text for c in flat]
    if workers > 1:
        from bench.stores import _tokens

        with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
            tokens = list(pool.map(_tokens, texts, chunksize=200))
    else:
        tokens = [tokenize(t) for t in texts]
    return Base(docs, flat, tokens, hash_counts(texts, dim))


def copies(base: Base, n_chunks: int
           ) -> Iterator[tuple[DocumentRecord, list[ChunkRecord], int, int]]:
    """n_chunks chunks: the base documents, then copy 1, 2, … of them (the last document
    cut short, saying so in its count). Yields (document, chunks, copy number, index of its
    first chunk in the base)."""
    used = {(d.region, d.year) for d, _ in base.docs}
    pool = ((r, y) for r in synthetic_regions() for y in YEARS if (r.full, y) not in used)
    left, k = n_chunks, 0
    while left > 0:
        first = 0
        for doc, chunks in base.docs:
            if left <= 0:
                return
            part = chunks[:left]
            if k == 0:
                record, out = (doc if len(part) == len(chunks) else
                               _replace_count(doc, len(part))), part
            else:
                try:
                    region, year = next(pool)
                except StopIteration:
                    raise ValueError(f"{n_chunks} chunks need more (region, year) pairs than "
                                     "bench.corpus has") from None
                record, out = _copy(doc, part, k, region, year)
            yield record, out, k, first
            left -= len(part)
            first += len(chunks)
        k += 1


def _replace_count(doc: DocumentRecord, chunks: int) -> DocumentRecord:
    from dataclasses import replace

    return replace(doc, chunks=chunks)


def _copy(doc: DocumentRecord, chunks: list[ChunkRecord], k: int, region, year: int  # noqa: ANN001
          ) -> tuple[DocumentRecord, list[ChunkRecord]]:
    source = f"{region.full}{year}年法治政府建设年度报告.txt"
    sha = hashlib.sha256(source.encode()).hexdigest()
    doc_id = sha[:16]
    title = Rewriter(parse_region(doc.region or ""), region, year - (doc.year or year), None)(doc.title)
    record = DocumentRecord(doc_id=doc_id, source=source, title=title, region=region.full,
                            year=year, sha256=sha, chunks=len(chunks), ingested_at=doc.ingested_at,
                            issuer=doc.issuer, path=doc.path)
    line = "\n" + mark(k)
    return record, [ChunkRecord(id=chunk_id(doc_id, c.position), text=c.text + line,
                                section=c.section, page=c.page, doc_id=doc_id, source=source,
                                title=title, region=region.full, year=year, position=c.position,
                                facts_json=c.facts_json) for c in chunks]


def write(store, base: Base, n_chunks: int, group: int = GROUP) -> dict:  # noqa: ANN001
    """Write n_chunks chunks (``copies``) into ``store`` and save its snapshot; timings."""
    tokenize = store.tokenize
    vocab = Vocabulary()
    base_ids = [vocab.ids(t) for t in base.tokens]
    documents: list[DocumentRecord] = []
    all_chunks: list[ChunkRecord] = []
    token_ids: list[np.ndarray] = []
    rows: list[tuple[DocumentRecord, ChunkRecord]] = []
    tokens: list[list[str]] = []
    vectors: list[np.ndarray] = []
    extra: dict[int, tuple[list[str], np.ndarray]] = {}  # copy → the line's tokens and ids
    timings = {"records_s": 0.0, "add_s": 0.0, "snapshot_s": 0.0, "checked_tokens": 0}

    def flush() -> None:
        t = time.perf_counter()
        store.add_many(rows, normalized(np.vstack(vectors)), tokens)
        timings["add_s"] += time.perf_counter() - t
        logger.info("bulk: %d chunks written (%.0f s in Chroma's add)", len(all_chunks),
                    timings["add_s"])
        rows.clear()
        tokens.clear()
        vectors.clear()

    t = time.perf_counter()
    for doc, chunks, k, first in copies(base, n_chunks):
        at = np.arange(first, first + len(chunks))
        counts = base.counts[at].copy()
        if k == 0:
            doc_tokens = [base.tokens[i] for i in at]
            doc_ids = [base_ids[i] for i in at]
        else:
            if k not in extra:
                line_tokens = tokenize(mark(k))
                extra[k] = (line_tokens, vocab.ids(line_tokens))
            line_tokens, line_ids = extra[k]
            doc_tokens = [base.tokens[i] + line_tokens for i in at]
            doc_ids = [np.concatenate([base_ids[i], line_ids]) if base.tokens[i] else line_ids
                       for i in at]
            if timings["checked_tokens"] < _CHECKED * k:
                for c, toks in zip(chunks, doc_tokens, strict=True):
                    if tokenize(c.index_text) != toks:
                        raise AssertionError(f"copy tokens differ from jieba's for {c.id}")
                timings["checked_tokens"] += len(chunks)
            originals = [base.chunks[i].index_text for i in at]
            counts += hash_counts([o[-1:] + "\n" + mark(k) for o in originals], counts.shape[1])
            for j, original in enumerate(originals):
                if len(original) < 2:  # too short for the sum above: counted whole
                    counts[j] = hash_counts([chunks[j].index_text], counts.shape[1])[0]
        documents.append(doc)
        all_chunks += chunks
        token_ids += doc_ids
        rows.extend((doc, c) for c in chunks)
        tokens.extend(doc_tokens)
        vectors.append(counts)
        if len(rows) >= group:
            flush()
    if rows:
        flush()
    timings["records_s"] = time.perf_counter() - t - timings["add_s"]
    t = time.perf_counter()
    store.save_loaded_snapshot(documents, all_chunks, token_ids, vocab)
    timings["snapshot_s"] = time.perf_counter() - t
    return {"chunks": len(all_chunks), "documents": len(documents), **timings}


def build_store(store_dir: str | Path, n_chunks: int, kind: str = "hash",
                base_chunks: int = BASE) -> dict:
    """Build the store of n_chunks (copies of the first ``base_chunks``); build timings.
    Runs in a worker process (bench.worker), like bench.stores.build_store."""
    if kind != "hash":
        raise ValueError("the bulk build copies hash vectors: use the hash embedder")
    from bench.stores import open_bench_store

    t0 = time.perf_counter()
    store = open_bench_store(Path(store_dir), kind)
    if store.count():
        raise ValueError(f"{store_dir} is not empty")
    t = time.perf_counter()
    base = base_corpus(min(n_chunks, base_chunks), store.tokenize, workers=os.cpu_count() or 1)
    base_s = time.perf_counter() - t
    logger.info("bulk: base corpus of %d chunks in %.0f s", len(base.tokens), base_s)
    result = write(store, base, n_chunks)
    result.update(base_s=base_s, total_s=time.perf_counter() - t0, count=store.count())
    logger.info("built %s: %s", store_dir, result)
    return result
