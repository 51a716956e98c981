"""The store contract, run against both the embedded store and a real Chroma server;
and two app processes sharing one server (the keyword index follows the version stamp)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.service import build_service
from ingest.pipeline import Ingestor
from tests.chroma_server import ChromaServer, chroma_server
from tests.conftest import ROOT, SAMPLES, TODAY, make_settings
from vectorstore.errors import EmbedderMismatch
from vectorstore.factory import open_store
from vectorstore.tokenizer import JiebaTokenizer

REPORT_2022 = SAMPLES / "明湖区_2022.txt"
REPORT_2023 = SAMPLES / "明湖区_2023.txt"
TOKENIZE = JiebaTokenizer()  # jieba's dictionary loads once for the module, not per store


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> ChromaServer:
    with chroma_server(tmp_path_factory.mktemp("chroma")) as s:
        yield s


@pytest.fixture(params=["embedded", "server"])
def settings(request, tmp_path):
    """Settings for an empty store in either mode (hash embedder)."""
    if request.param == "embedded":
        return make_settings(tmp_path / "store", embedding_model="hash")
    server: ChromaServer = request.getfixturevalue("server")
    server.reset()
    return make_settings(tmp_path / "unused", embedding_model="hash",
                         chroma_host=server.host, chroma_port=server.port)


@pytest.fixture
def store(settings):
    return open_store(settings, tokenize=TOKENIZE)


def _copy(src: Path, dst_dir: Path) -> Path:
    dst_dir.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(src, dst_dir / src.name))


def _consistent(store) -> None:
    """Chroma's rows and the keyword index hold exactly the served chunks, once each."""
    rows = store._collection.get(include=[])["ids"]  # noqa: SLF001
    assert len(rows) == len(set(rows))
    snap = store.snapshot()
    assert sorted(rows) == sorted(c.id for c in snap.chunks)
    assert len(snap.keyword.scores("法治")) == len(snap.chunks)
    assert sum(d.chunks for d in store.documents()) == len(rows)


# ---- the contract ----------------------------------------------------------------------

def test_ingest_and_idempotent_reingest(store, tmp_path):
    report = _copy(REPORT_2022, tmp_path / "in")
    ing = Ingestor(store)
    [first] = ing.ingest([report])
    assert first.status == "added" and first.chunks > 5
    assert store.count() == first.chunks
    [again] = ing.ingest([report])
    assert again.status == "unchanged"
    assert store.count() == first.chunks
    _consistent(store)


def test_changed_file_replaces_its_old_version(store, tmp_path):
    report = _copy(REPORT_2022, tmp_path / "in")
    ing = Ingestor(store)
    [first] = ing.ingest([report])
    report.write_text(report.read_text(encoding="utf-8") + "\n全年新增专职调解员12名。\n",
                      encoding="utf-8")
    [changed] = ing.ingest([report])
    assert changed.status == "updated"
    assert changed.document.doc_id != first.document.doc_id
    [doc] = store.documents()
    assert doc.doc_id == changed.document.doc_id
    assert store.count() == changed.chunks
    assert any("调解员12名" in c.text for c in store.chunks())
    _consistent(store)


def test_delete_document(store):
    Ingestor(store).ingest([REPORT_2022, REPORT_2023])
    assert len(store.documents()) == 2
    victim = next(d for d in store.documents() if d.year == 2022)
    store.delete_document(victim.doc_id)
    assert [d.year for d in store.documents()] == [2023]
    assert all(c.doc_id != victim.doc_id for c in store.chunks())
    _consistent(store)


def test_search_returns_chunks(settings, store):
    Ingestor(store).ingest([REPORT_2022, REPORT_2023])
    snap = store.snapshot()
    scores = snap.keyword.scores("走访企业")
    assert "走访企业" in snap.chunks[int(scores.argmax())].text
    hits = store.vector_search(store.embed_query("全年走访企业1563家"), k=3)
    assert hits and all(0 <= i < len(snap.chunks) for i, _ in hits)
    assert hits == sorted(hits, key=lambda h: -h[1])
    doc_2022 = next(d for d in store.documents() if d.year == 2022)
    scoped = store.vector_search(store.embed_query("走访企业"), k=5, doc_ids=[doc_2022.doc_id])
    assert scoped and all(snap.chunks[i].doc_id == doc_2022.doc_id for i, _ in scoped)
    answer = build_service(settings, store).ask("明湖区2023年走访了多少家企业？")
    assert answer.found and "1563家" in answer.text


def test_documents_listing(store):
    Ingestor(store).ingest([REPORT_2023, REPORT_2022])
    docs = store.documents()
    assert [(d.source, d.region, d.year) for d in docs] == [
        ("明湖区_2022.txt", "鹭洲市明湖区", 2022), ("明湖区_2023.txt", "鹭洲市明湖区", 2023)]
    assert all(d.title.endswith("法治政府建设年度报告") and len(d.sha256) == 64 for d in docs)
    assert sum(d.chunks for d in docs) == store.count()


def test_incomplete_document_is_never_served_and_is_cleaned_up(store):
    ing = Ingestor(store)
    [r] = ing.ingest([REPORT_2022])
    store._collection.delete(ids=[f"{r.document.doc_id}:00001"])  # noqa: SLF001
    store._bump()  # noqa: SLF001
    assert store.documents() == [] and store.chunks() == []
    [again] = ing.ingest([REPORT_2022])
    assert again.status == "added"
    _consistent(store)


def test_snapshot_saved_in_the_store_dir_and_reused(settings, tmp_path):
    """With a server too: each process keeps its snapshot in its own store directory, keyed
    by the collection; a second process opens it without reading the chunks back."""
    store = open_store(settings, tokenize=TOKENIZE)
    Ingestor(store).ingest([_copy(REPORT_2022, tmp_path / "in")])
    snap = store.snapshot()
    store.wait_saved()
    [saved] = (settings.store_dir / "snapshot").glob("*/*")
    assert saved.name == snap.version and saved.parent.name == str(store._collection.id)  # noqa: SLF001
    other = open_store(settings, tokenize=TOKENIZE)
    other._build = lambda version: pytest.fail("read every chunk again")  # noqa: SLF001
    assert [c.id for c in other.snapshot().chunks] == [c.id for c in snap.chunks]


def test_other_embedder_is_refused(settings):
    open_store(settings, tokenize=TOKENIZE)
    with pytest.raises(EmbedderMismatch, match="Re-ingest"):
        open_store(settings.model_copy(update={"embedding_model": "hash/64"}),
                   tokenize=TOKENIZE)


# ---- several processes on one server ---------------------------------------------------

def _env(server: ChromaServer, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FAZHI_")}
    env.update(FAZHI_CHROMA_HOST=server.host, FAZHI_CHROMA_PORT=str(server.port),
               FAZHI_EMBEDDING_MODEL="hash", FAZHI_TODAY=TODAY.isoformat(),
               PYTHONUNBUFFERED="1", **extra)
    return env


class Probe:
    """A long-lived process that opened the store once (see tests/store_probe.py)."""

    def __init__(self, env: dict[str, str]):
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.store_probe"], cwd=ROOT,
                                     env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     text=True, encoding="utf-8")
        assert json.loads(self.proc.stdout.readline()) == {"ready": True}

    def __call__(self, command: str):
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        return json.loads(self.proc.stdout.readline())

    def close(self) -> None:
        self.proc.stdin.write("quit\n")
        self.proc.stdin.close()
        self.proc.wait(timeout=10)


def _eventually(probe: Probe, command: str, ok, timeout: float = 10.0):
    deadline = time.monotonic() + timeout
    while True:
        got = probe(command)
        if ok(got) or time.monotonic() > deadline:
            return got
        time.sleep(0.2)


def test_second_process_sees_ingest_by_first_without_restart(server, tmp_path):
    server.reset()
    env = _env(server)
    ingest = [sys.executable, "-m", "ingest", "-q", "--store", str(tmp_path / "unused")]
    first = subprocess.run([*ingest, str(REPORT_2022)], cwd=ROOT, env=env, capture_output=True,
                           text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    b = Probe(env)
    try:
        assert b("docs") == ["明湖区_2022.txt"]
        assert b("keyword 涉外") is None  # only the 2023 report mentions it
        # Process A (the ingest CLI) adds a document; B learns of it through the stamp.
        second = subprocess.run([*ingest, str(REPORT_2023)], cwd=ROOT, env=env,
                                capture_output=True, text=True, timeout=120)
        assert second.returncode == 0, second.stderr
        docs = _eventually(b, "docs", lambda d: len(d) == 2)
        assert docs == ["明湖区_2022.txt", "明湖区_2023.txt"]
        assert "涉外" in (b("keyword 涉外") or "")
        answer = b("ask 明湖区2023年走访了多少家企业？")
        assert answer["found"] and "1563家" in answer["answer"]
        # A deletes through its own store object: B stops serving the document.
        a = open_store(make_settings(tmp_path / "unused", embedding_model="hash",
                                     chroma_host=server.host, chroma_port=server.port),
                       tokenize=TOKENIZE)
        a.delete_document(next(d.doc_id for d in a.documents() if d.year == 2022))
        assert _eventually(b, "docs", lambda d: len(d) == 1) == ["明湖区_2023.txt"]
    finally:
        b.close()


def test_two_store_objects_in_one_process_refresh(server, tmp_path):
    server.reset()
    s = make_settings(tmp_path / "unused", embedding_model="hash", chroma_host=server.host,
                      chroma_port=server.port)
    a, b = open_store(s, tokenize=TOKENIZE), open_store(s, tokenize=TOKENIZE)
    assert b.documents() == []
    Ingestor(a).ingest([REPORT_2023])
    time.sleep(1.1)  # the default refresh interval
    assert [d.source for d in b.documents()] == ["明湖区_2023.txt"]
    _consistent(b)
