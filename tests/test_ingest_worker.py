"""Issue #15: the app reads and chunks uploads in a worker process (ingest/build.py), so an
upload's Python work never holds the GIL its questions need, and writes to Chroma in small
batches with pauses (one Chroma add holds the GIL throughout). What the worker stores must be
what an in-process ingest stores; a failing or dying worker fails one file, never the app."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from ingest.build import Builder, Job
from ingest.pipeline import Ingestor, Overrides
from tests.big_report import write_report
from tests.conftest import ROOT, SAMPLES, make_settings
from vectorstore.factory import open_store
from vectorstore.store import COLLECTION, chroma_client

REPORT = SAMPLES / "明湖区_2023.txt"


def _stored(store) -> list[tuple]:
    got = store._collection.get(include=["documents", "metadatas"])  # noqa: SLF001
    rows = []
    for text, meta in zip(got["documents"], got["metadatas"], strict=True):
        meta = {k: v for k, v in meta.items() if k != "ingested_at"}
        rows.append((meta["position"], text, sorted(meta.items())))
    return sorted(rows)


def test_worker_stores_exactly_what_an_in_process_ingest_stores(tmp_path):
    stores = [open_store(make_settings(tmp_path / name, embedding_model="hash"))
              for name in ("here", "worker")]
    here = Ingestor(stores[0]).ingest([REPORT])
    worker = Ingestor(stores[1], separate_process=True)
    try:
        there = worker.ingest([REPORT])
    finally:
        worker.close()
    assert [r.status for r in here] == [r.status for r in there] == ["added"]
    assert here[0].document.doc_id == there[0].document.doc_id
    assert (here[0].kind, here[0].info) == (there[0].kind, there[0].info)
    a, b = _stored(stores[0]), _stored(stores[1])
    assert len(a) == here[0].chunks > 5 and a == b
    assert any("facts" in dict(meta) for _, _, meta in b)  # facts and tokens came back
    assert all(dict(meta)["tokens"] for _, _, meta in b)


def test_a_file_the_worker_cannot_read_fails_alone(tmp_path):
    blank = tmp_path / "空白_2024.txt"
    blank.write_text("\u3000\n \n", encoding="utf-8")
    store = open_store(make_settings(tmp_path / "store", embedding_model="hash"))
    ing = Ingestor(store, separate_process=True)
    try:
        failed, added = ing.ingest([blank, REPORT])
    finally:
        ing.close()
    assert failed.status == "failed" and "没有提取到任何文字" in failed.error
    assert added.status == "added" and [d.source for d in store.documents()] == [REPORT.name]


def test_a_worker_that_died_while_idle_is_replaced(tmp_path):
    builder = Builder()
    job = Job(REPORT, REPORT.name, str(REPORT), "0" * 64, Overrides(), 300, 1)
    try:
        first = builder(job)
        (worker,) = builder._pool._processes.values()  # noqa: SLF001
        os.kill(worker.pid, signal.SIGKILL)
        worker.join(10)
        again = builder(job)
    finally:
        builder.close()
    assert [r.text for r in again.records] == [r.text for r in first.records]
    assert again.tokens is not None and len(again.tokens) == len(again.records)


_KILLED_APP = """
import os, signal, sys
from pathlib import Path
from ingest.build import Builder, Job
from ingest.pipeline import Overrides
if __name__ == "__main__":
    report = Path(sys.argv[1])
    builder = Builder()
    builder(Job(report, report.name, str(report), "0" * 64, Overrides(), 300, 1))
    (worker,) = builder._pool._processes.values()
    print(worker.pid, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
"""


def test_the_worker_exits_when_the_app_is_killed(tmp_path):
    script = tmp_path / "app_like.py"
    script.write_text(_KILLED_APP, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(REPORT)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == -signal.SIGKILL, done.stderr
    pid = int(done.stdout.split()[0])
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _alive(pid):
        time.sleep(0.1)
    assert not _alive(pid), f"worker {pid} outlived the killed app"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie (exited, not yet reaped by init) counts as gone
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def test_a_store_made_before_the_sync_setting_gets_it_on_its_first_upload(tmp_path):
    settings = make_settings(tmp_path / "store", embedding_model="hash")
    client = chroma_client(settings.store_dir)
    client.create_collection(COLLECTION, embedding_function=None, metadata={"embedder": "hash/384"},
                             configuration={"hnsw": {"space": "cosine"}})
    assert client.get_collection(COLLECTION).configuration["hnsw"]["sync_threshold"] == 1000
    del client
    store = open_store(settings)
    [added] = Ingestor(store).ingest([REPORT])
    assert added.status == "added"
    assert store._collection.configuration["hnsw"]["sync_threshold"] == 128  # noqa: SLF001


@pytest.mark.parametrize("live", [False, True])
def test_live_writes_pause_between_small_batches(tmp_path, monkeypatch, live):
    store = open_store(make_settings(tmp_path / "store", embedding_model="hash"))
    calls: list[int] = []
    pauses: list[float] = []
    add = store._collection.add  # noqa: SLF001
    monkeypatch.setattr(store._collection, "add",  # noqa: SLF001
                        lambda **kw: (calls.append(len(kw["ids"])), add(**kw)))
    real_sleep = time.sleep
    monkeypatch.setattr("vectorstore.store.time.sleep",
                        lambda s: (pauses.append(s), real_sleep(s)))
    report = write_report(tmp_path / "云溪区_2024.txt", 60_000)
    if live:
        Ingestor(store).ingest([report])
    else:
        from ingest.build import build

        built = build(Job(report, report.name, str(report), "0" * 64, Overrides(), 300, 1))
        store.add_many([(built.doc, r) for r in built.records],
                       store.embed_passages([r.index_text for r in built.records]))
    n = store.count()
    assert n > 64
    if live:
        assert max(calls) == 64 and len(pauses) == len(calls) - 1 and min(pauses) > 0
    else:
        assert calls == [n] and pauses == []
