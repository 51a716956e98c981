"""The snapshot side of a 1,000,000-chunk store without building one in Chroma (an hour on
this machine): a saved snapshot of a real benchmark store replicated to n chunks (new chunk
and document ids, every text made distinct), saved beside a scratch directory, then opened
in a fresh process as a start would: seconds to open, peak RSS, keyword scoring latency.

    python -m bench.worker bench.snapshot_scale:replicate '{"store_dir": ..., "n": 1000000, "out": ...}'
    python -m bench.worker bench.snapshot_scale:open_saved '{"out": ...}'

Chroma's own share at that size (its HNSW index is held in memory: 1M × 384 float32 plus
the graph, ~1.7 GB) comes on top; REPORT.md says so.
"""

from __future__ import annotations

import dataclasses
import resource
import time
from pathlib import Path

import numpy as np

IDENTITY = {"collection": "scale", "embedder": "hash/384"}
QUERIES = ["律师事务所 引进", "行政复议 纠错率", "法律援助 案件", "营商环境 法治化", "行政执法 公示"]


def replicate(store_dir: str, n: int, out: str) -> dict:
    from bench.stores import open_bench_store
    from vectorstore import snapshot_files
    from vectorstore.keyword import TermCounts
    from vectorstore.records import chunk_id
    from vectorstore.snapshot_files import Saved

    store = open_bench_store(Path(store_dir), "hash")
    base = store.snapshot().saved
    copies = -(-n // len(base.chunks))
    t = time.perf_counter()
    docs, chunks = [], []
    for k in range(copies):
        ids = {d.doc_id: f"{d.doc_id[:12]}{k:04x}" for d in base.documents}
        docs += [dataclasses.replace(d, doc_id=ids[d.doc_id]) for d in base.documents]
        chunks += [dataclasses.replace(c, id=chunk_id(ids[c.doc_id], c.position),
                                       doc_id=ids[c.doc_id], text=f"{c.text}{k}")
                   for c in base.chunks]
    counts = TermCounts.concat([base.counts] * copies)
    keep = len(chunks) - n  # cut the last copy's tail documents whole: keep whole documents
    if keep > 0:
        cut = {c.doc_id for c in chunks[-keep:]}
        rows = np.flatnonzero([c.doc_id not in cut for c in chunks])
        chunks = [chunks[i] for i in rows]
        docs = [d for d in docs if d.doc_id not in cut]
        counts = counts.take(rows)
    saved = store._assemble(Saved("scale", docs, chunks, counts, base.vocab)).saved  # noqa: SLF001
    built_s = time.perf_counter() - t
    t = time.perf_counter()
    snapshot_files.save(Path(out), saved, IDENTITY)
    return {"chunks": len(chunks), "documents": len(docs), "replicate_s": built_s,
            "save_s": time.perf_counter() - t,
            "bytes": sum(p.stat().st_size for p in Path(out).rglob("*") if p.is_file())}


def open_saved(out: str) -> dict:
    """Open the saved snapshot as a start does (files → chunks and keyword index)."""
    from vectorstore import snapshot_files
    from vectorstore.keyword import KeywordIndex
    from vectorstore.store import KnowledgeStore

    rss0 = _rss()
    t = time.perf_counter()
    saved = snapshot_files.load(Path(out), IDENTITY, "scale")
    read_s = time.perf_counter() - t
    store = KnowledgeStore.__new__(KnowledgeStore)  # no Chroma: only the snapshot side
    store.tokenize = str.split
    t = time.perf_counter()
    snap = store._assemble(saved)  # noqa: SLF001
    assemble_s = time.perf_counter() - t
    scores_ms = []
    for _ in range(4):
        for q in QUERIES:
            t = time.perf_counter()
            s = snap.keyword.scores(q.split())
            top = np.argpartition(-s, 30)[:30]
            scores_ms.append((time.perf_counter() - t) * 1000)
    assert isinstance(snap.keyword, KeywordIndex) and len(top) == 30
    return {"chunks": len(snap.chunks), "documents": len(snap.documents), "read_s": read_s,
            "assemble_s": assemble_s, "open_s": read_s + assemble_s,
            "bm25_ms_p50": float(np.percentile(scores_ms, 50)),
            "bm25_ms_p95": float(np.percentile(scores_ms, 95)),
            "rss_before_mb": rss0, "rss_open_mb": _rss(),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _rss() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20
