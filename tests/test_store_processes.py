"""A running app's store and another process: reports added or removed by ``python -m ingest``
are picked up by the open store (embedded Chroma) without errors; one snapshot per search."""

import shutil
import subprocess
import sys
import threading

import numpy as np
import pytest

from bot.service import build_service
from ingest.pipeline import Ingestor
from tests.conftest import ROOT, SAMPLES, SEED_REPORT
from vectorstore.errors import StoreError
from vectorstore.factory import open_store

QUESTION = "明湖区2022年收集公众意见多少条"


def _cli(*args, store_dir):
    r = subprocess.run([sys.executable, "-m", "ingest", *map(str, args), "--store",
                        str(store_dir), "--embedding-model", "hash"],
                       capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert r.returncode == 0, r.stderr
    return r


@pytest.fixture
def running(hash_settings):
    """(settings, store, service) as a running app holds them, the seed report ingested."""
    store = open_store(hash_settings)
    Ingestor(store).ingest([SEED_REPORT])
    store._refresh_seconds = 0  # noqa: SLF001 - look at the version stamp on every request
    service = build_service(hash_settings, store)
    assert service.ask("2021年律师事务所引进多少家").text.startswith("9家")
    return hash_settings, store, service


def test_report_ingested_by_another_process_is_answered(running, tmp_path):
    settings, store, service = running
    report = tmp_path / "明湖区_2022.txt"
    shutil.copy(SAMPLES / "明湖区_2022.txt", report)
    assert not service.ask(QUESTION).found  # no 明湖区 report yet
    _cli(report, "-q", store_dir=settings.store_dir)
    answer = service.ask(QUESTION)  # scoped to the new report: its vectors fetched by id
    assert answer.found and answer.text.startswith("143条"), answer.text
    assert answer.citations[0].source == "明湖区_2022.txt"
    [doc] = [d for d in store.documents() if d.source == "明湖区_2022.txt"]
    query = store.embed_query("收集公众意见")
    hits = store.vector_search(query, 5, [doc.doc_id])
    assert len(hits) == 5 and all(store.chunks()[i].doc_id == doc.doc_id for i, _ in hits)

    _cli("remove", report, store_dir=settings.store_dir)
    gone = service.ask(QUESTION)
    assert not gone.found and "明湖区" in gone.text  # says the knowledge base has no such report
    assert service.ask("2021年律师事务所引进多少家").text.startswith("9家")


def test_one_snapshot_per_search(running, tmp_path):
    """Indices returned for a snapshot refer to that snapshot, even after the store changed."""
    settings, store, service = running
    before = store.snapshot()
    query = store.embed_query("律师事务所")
    Ingestor(store).ingest([SAMPLES / "明湖区_2022.txt"])  # sorted before the seed report
    after = store.snapshot()
    assert after is not before and len(after.chunks) > len(before.chunks)
    hits = store.vector_search(query, 5, snapshot=before)
    assert all(i < len(before.chunks) for i, _ in hits)
    ids = {before.chunks[i].id for i, _ in hits}
    assert ids <= {c.id for c in before.chunks if c.source == SEED_REPORT.name}
    hits = service.search.search("律师事务所引进", 5, snapshot=before)
    assert hits and all(before.chunks[h.index] == h.chunk for h in hits)
    with pytest.raises(AttributeError):
        before.chunks = []  # immutable


def test_store_errors_name_their_cause():
    from chromadb.errors import InternalError

    from vectorstore.store import _internal_message

    assert "不可写" in _internal_message(InternalError("attempt to write a readonly database"))
    assert "磁盘已满" in _internal_message(InternalError("database or disk is full"))
    other = _internal_message(InternalError("something else"))
    assert "磁盘" not in other and "重启" in other
    assert issubclass(StoreError, Exception) and np is not None


def test_pinned_snapshot_holds_for_a_whole_request(running):
    settings, store, service = running
    with store.pinned() as snap:
        Ingestor(store).ingest([SAMPLES / "明湖区_2022.txt"])  # a change during the request
        assert store.snapshot() is snap and store.documents() == snap.documents
        with store.pinned() as inner:
            assert inner is snap
        other: list = []
        t = threading.Thread(target=lambda: other.append(store.snapshot()))
        t.start()
        t.join()
        assert other[0] is not snap and len(other[0].documents) == 2  # only this thread pinned
    assert len(store.documents()) == 2


def test_answer_during_an_upload_sees_one_version(running, monkeypatch):
    """An upload lands right after a question first reads the store: every later read of
    that question (documents, analysis, search, answer) still sees the version it started
    with, and it answers without errors."""
    settings, store, service = running
    real = store.snapshot
    seen = []

    def snapshot_then_upload():
        snap = real()
        seen.append(snap)
        if len(seen) == 1:  # the report sorted before the seed report: every index shifts
            Ingestor(store).ingest([SAMPLES / "明湖区_2022.txt"])
        return snap

    monkeypatch.setattr(store, "snapshot", snapshot_then_upload)
    answer = service.ask("2021年律师事务所引进多少家")
    assert answer.text.startswith("9家"), answer.text
    assert answer.citations[0].source == SEED_REPORT.name
    assert len(seen) > 2 and all(s is seen[0] for s in seen)  # one version for the question
    assert len(real().documents) == 2
