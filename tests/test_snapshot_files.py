"""The snapshot saved beside the store: used when current, refreshed (not rebuilt) when a
change was made since, ignored when it belongs to another collection or is damaged, and
always equal to a fresh build from Chroma (property test over adds and removes)."""

from __future__ import annotations

import datetime as dt
import hashlib

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vectorstore.embeddings import HashEmbeddings
from vectorstore.records import ChunkRecord, DocumentRecord, chunk_id
from vectorstore.store import KnowledgeStore, Snapshot, chroma_client

WORDS = ("律师事务所 行政复议 调解员 法律援助 公证 合法性审查 执法 普法 信访 营商环境 "
         "规范性文件 听证 仲裁 诉讼 复议纠错 社区矫正").split()
QUERIES = ["律师事务所 公证", "行政复议 复议纠错", "法律援助", "营商环境 执法 普法", "不存在的词"]


def report(n: int, version: int = 0) -> tuple[DocumentRecord, list[ChunkRecord]]:
    """A small synthetic report: region n, its chunks made of the domain words above."""
    region, path = f"第{n}区", f"/reports/第{n}区/2022年报告.txt"
    sha = hashlib.sha256(f"{n}/{version}".encode()).hexdigest()
    doc_id = sha[:16]
    size = 2 + (n * 7 + version) % 4
    texts = [" ".join(WORDS[(n * 3 + i * 5 + j + version) % len(WORDS)] for j in range(3 + i))
             for i in range(size)]
    doc = DocumentRecord(doc_id=doc_id, source="2022年报告.txt", title=f"{region}2022年报告",
                         region=region, year=2022, sha256=sha, chunks=size,
                         ingested_at=dt.datetime(2026, 1, 1, 0, 0, version).isoformat(), path=path)
    chunks = [ChunkRecord(id=chunk_id(doc_id, i), text=t, section=(f"{i % 2 + 1}、工作",),
                          page=i if i % 3 else None, doc_id=doc_id, source=doc.source,
                          title=doc.title, region=region, year=2022, position=i)
              for i, t in enumerate(texts)]
    return doc, chunks


def open_at(path, **kw) -> KnowledgeStore:
    return KnowledgeStore(chroma_client(path), HashEmbeddings(384), str.split,
                          refresh_seconds=0, **kw)


def fresh(store: KnowledgeStore) -> Snapshot:
    """What a build from every chunk in Chroma gives."""
    version = store._current_version()  # noqa: SLF001
    return store._assemble(store._build(version))  # noqa: SLF001


def assert_same(a: Snapshot, b: Snapshot) -> None:
    assert a.version == b.version
    assert a.chunks == b.chunks
    assert a.documents == b.documents
    assert np.array_equal(a.doc_of, b.doc_of) and a.doc_numbers == b.doc_numbers
    assert len(a.keyword) == len(b.keyword)
    for q in QUERIES:
        np.testing.assert_allclose(a.keyword.scores(q), b.keyword.scores(q), rtol=1e-5)
    for w in [*WORDS, "不存在的词"]:
        assert (w in a.keyword) == (w in b.keyword)
        assert a.keyword.idf(w) == pytest.approx(b.keyword.idf(w), rel=1e-6)


def test_saved_snapshot_is_used_when_current(tmp_path, monkeypatch):
    store = open_at(tmp_path)
    for n in range(3):
        store.add_document(*report(n))
    built = store.snapshot()
    store.wait_saved()  # saved in the background
    saved = list((tmp_path / "snapshot").glob("*/*"))
    assert [p.name for p in saved] == [built.version]

    def no_reading(*_args, **_kw):
        raise AssertionError("read from Chroma although a current snapshot was saved")

    monkeypatch.setattr(KnowledgeStore, "_build", no_reading)
    monkeypatch.setattr(KnowledgeStore, "_refresh", no_reading)
    assert_same(open_at(tmp_path).snapshot(), built)


def test_stale_snapshot_is_refreshed_not_rebuilt(tmp_path, monkeypatch):
    store = open_at(tmp_path)
    for n in range(3):
        store.add_document(*report(n))
    store.snapshot()
    store.wait_saved()
    other = open_at(tmp_path)  # e.g. python -m ingest in another process
    other.add_document(*report(3))
    other.delete_document(report(0)[0].doc_id)
    monkeypatch.setattr(KnowledgeStore, "_build", lambda *a, **k: pytest.fail("rebuilt"))
    opened = open_at(tmp_path)
    reopened = opened.snapshot()
    opened.wait_saved()
    monkeypatch.undo()
    assert sorted(d.region for d in reopened.documents) == ["第1区", "第2区", "第3区"]
    assert_same(reopened, fresh(store))
    assert [p.name for p in (tmp_path / "snapshot").glob("*/*")] == [reopened.version]


def test_saved_snapshot_of_another_collection_or_damaged_is_ignored(tmp_path):
    store = open_at(tmp_path)
    store.add_document(*report(1))
    snap = store.snapshot()
    store.wait_saved()
    [saved] = (tmp_path / "snapshot").glob("*/*")
    (saved / "strings.json").write_text("{", encoding="utf-8")  # damaged
    assert_same(open_at(tmp_path).snapshot(), snap)
    # a store recreated in the same directory is another collection: its own snapshots
    store._client.delete_collection(store._collection.name)  # noqa: SLF001
    again = open_at(tmp_path)
    assert again.snapshot().chunks == []


ops = st.lists(st.tuples(st.sampled_from(["add", "change", "remove"]), st.integers(0, 5)),
               min_size=1, max_size=6)


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=ops)
def test_refreshed_and_saved_snapshots_equal_a_fresh_build(tmp_path_factory, ops):
    path = tmp_path_factory.mktemp("prop")
    store = open_at(path)
    versions: dict[int, int] = {}
    store.add_document(*report(0))
    store.snapshot()
    for op, n in ops:
        if op == "remove" and n in versions:
            store.delete_document(report(n, versions.pop(n))[0].doc_id)
        elif op == "change" and n in versions:
            versions[n] += 1
            store.add_document(*report(n, versions[n]))  # replaces the previous version
        elif op in ("add", "change"):
            versions[n] = versions.get(n, 0)
            store.add_document(*report(n, versions[n]))
        current = store.snapshot()  # refreshed from the previous one
        assert_same(current, fresh(store))
    store.wait_saved()
    assert_same(open_at(path).snapshot(), fresh(store))  # as saved on disk


def test_saved_snapshot_of_another_format_is_replaced(tmp_path, monkeypatch):
    """A copy of the current version written by another program version is not used, and
    is replaced by one this version can read (not left to be ignored on every start)."""
    import json

    store = open_at(tmp_path)
    store.add_document(*report(2))
    snap = store.snapshot()
    store.wait_saved()
    [saved] = (tmp_path / "snapshot").glob("*/*")
    meta = json.loads((saved / "meta.json").read_text(encoding="utf-8"))
    meta["format"] = -1
    (saved / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    again = open_at(tmp_path)
    assert_same(again.snapshot(), snap)  # built from Chroma
    again.wait_saved()
    monkeypatch.setattr(KnowledgeStore, "_build", lambda *a, **k: pytest.fail("built again"))
    assert_same(open_at(tmp_path).snapshot(), snap)
