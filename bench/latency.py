"""Warm answer latency of one store: retrieval alone and full ``ask``, plus peak RSS.

Runs inside a worker process (bench.worker) so that the peak RSS is the query process's.
"""

from __future__ import annotations

import cProfile
import pstats
import resource
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent


def measure(store_dir: str, kind: str, questions: list[dict], warmup: int = 5,
            profile: bool = False, threads: int | None = None) -> dict:
    """Open the store, warm up, then time ``retrieve`` and ``ask`` on every question.

    Wall time is what the user waits; the CPU time of ``ask`` (all threads of this process)
    is also kept, as it moves much less than wall time when the machine is busy.
    """
    from bench.stores import open_bench_store
    from bot.service import build_service
    from settings import Settings

    rss_start = _rss_mb()
    t0 = time.perf_counter()
    store = open_bench_store(Path(store_dir), kind, threads)
    service = build_service(
        Settings(store_dir=Path(store_dir), embedding_model=kind, _env_file=None), store)
    rss_open = _rss_mb()
    store.snapshot()
    load_s = time.perf_counter() - t0
    rss_loaded = _rss_mb()
    for row in questions[:warmup]:
        service.retrieve(row["q"])
        service.ask(row["q"], row["history"])

    retrieve_ms, ask_ms, ask_cpu_ms, found = [], [], [], 0
    for row in questions:
        _forget_queries(store)
        t = time.perf_counter()
        service.retrieve(row["q"])
        retrieve_ms.append((time.perf_counter() - t) * 1000)
        _forget_queries(store)
        t, cpu = time.perf_counter(), time.process_time()
        answer = service.ask(row["q"], row["history"])
        ask_ms.append((time.perf_counter() - t) * 1000)
        ask_cpu_ms.append((time.process_time() - cpu) * 1000)
        found += answer.found
    result = {
        "chunks": store.count(), "documents": len(store.documents()), "embedder": kind,
        "questions": len(questions), "found": found, "load_s": load_s,
        "retrieve_ms": summary(retrieve_ms), "ask_ms": summary(ask_ms),
        "ask_cpu_ms": summary(ask_cpu_ms),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss_mb": {"imports": rss_start, "store_open": rss_open, "snapshot_loaded": rss_loaded,
                   "end": _rss_mb()},
    }
    if profile:
        result["profile"] = profile_asks(service, questions)
    store.wait_saved()  # the snapshot the next start opens
    return result


def reopen(store_dir: str, kind: str, question: str) -> dict:
    """A fresh process's start on an existing store: open it, take the snapshot (the saved
    one if current, else the saved one refreshed, else built from Chroma) and answer one
    question; seconds of each step and the peak RSS."""
    from bench.stores import open_bench_store
    from bot.service import build_service
    from settings import Settings

    store_dir_path = Path(store_dir)
    store = open_bench_store(store_dir_path, kind)
    store.tokenize("预热")  # jieba's dictionary: once per process, timed by the cold start
    t0 = time.perf_counter()
    store = open_bench_store(store_dir_path, kind)
    snap = store.snapshot()
    open_s = time.perf_counter() - t0
    service = build_service(
        Settings(store_dir=store_dir_path, embedding_model=kind, _env_file=None), store)
    t = time.perf_counter()
    answer = service.ask(question)
    first_ask_s = time.perf_counter() - t
    store.wait_saved()
    return {"chunks": len(snap.chunks), "open_s": open_s, "first_ask_s": first_ask_s,
            "found": answer.found,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _forget_queries(store) -> None:  # noqa: ANN001
    """Empty the store's query-vector cache, so that every timed call embeds its question as
    a user's new question would (ask after retrieve on the same text would otherwise hit it)."""
    cache = getattr(store, "_query_cache", None)
    if cache is not None:
        cache.clear()


def _rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20


def summary(ms: list[float]) -> dict:
    a = np.asarray(ms)
    return {"p50": float(np.percentile(a, 50)), "p95": float(np.percentile(a, 95)),
            "mean": float(a.mean()), "max": float(a.max())}


def profile_asks(service, questions: list[dict], top: int = 12) -> list[dict]:  # noqa: ANN001
    """cProfile over one pass of ``ask``: the functions with the most own time, per question."""
    prof = cProfile.Profile()
    for row in questions:
        _forget_queries(service.store)
        prof.enable()
        service.ask(row["q"], row["history"])
        prof.disable()
    stats = pstats.Stats(prof).stats  # {(file, line, func): (cc, nc, tt, ct, callers)}
    total = sum(tt for _, _, tt, _, _ in stats.values())
    rows = sorted(stats.items(), key=lambda kv: -kv[1][2])[:top]
    n = len(questions)
    return [{"function": _label(key), "calls_per_q": nc / n, "own_ms_per_q": tt * 1000 / n,
             "cum_ms_per_q": ct * 1000 / n, "own_share": tt / total}
            for key, (_, nc, tt, ct, _) in rows]


def _label(key: tuple[str, int, str]) -> str:
    file, line, func = key
    if file == "~":
        return func  # a builtin
    path = Path(file)
    try:
        path = path.relative_to(REPO)
    except ValueError:
        parts = path.parts
        start = parts.index("site-packages") + 1 if "site-packages" in parts else -2
        path = Path(*parts[start:])
    return f"{path}:{line}({func})"
