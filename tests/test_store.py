"""Knowledge store and ingestion: idempotency, replacement, deletion, interrupted ingests."""

import shutil
import subprocess
import sys

import pytest

from ingest.pipeline import Ingestor, Overrides
from tests.conftest import ROOT, SAMPLES, SEED_REPORT, make_settings
from vectorstore.errors import EmbedderMismatch
from vectorstore.factory import open_store


@pytest.fixture
def store(hash_settings):
    return open_store(hash_settings)


def test_ingest_is_idempotent_and_replaces_changed_files(store, tmp_path):
    report = tmp_path / "明湖区_2022.txt"
    shutil.copy(SAMPLES / "明湖区_2022.txt", report)
    ing = Ingestor(store)
    [first] = ing.ingest([report])
    assert first.status == "added" and first.chunks > 5
    [again] = ing.ingest([report])
    assert again.status == "unchanged"
    report.write_text(report.read_text(encoding="utf-8") + "\n新增一段：全年新增调解员12名。\n",
                      encoding="utf-8")
    [changed] = ing.ingest([report])
    assert changed.status == "updated"
    docs = store.documents()
    assert len(docs) == 1 and docs[0].doc_id == changed.document.doc_id
    assert store.count() == changed.chunks  # the old version's chunks are gone
    assert any("调解员12名" in c.text for c in store.chunks())


def test_chunk_metadata_for_seed_report(store):
    Ingestor(store).ingest([SEED_REPORT])
    [chunk] = [c for c in store.chunks() if "引进律师事务所9家" in c.text]
    assert (chunk.year, chunk.region) == (2021, "杭州市余杭区")
    assert chunk.section_path == ("一、主要举措和成效 > （四）积极保障经济社会发展，优化法治化营商环境 > "
                                  "3.开展系列为企为民专项法律服务行动")
    assert chunk.title == "杭州市余杭区2021年法治政府建设年度报告"


def test_overrides_win(store):
    [r] = Ingestor(store).ingest([SAMPLES / "明湖区_2023.txt"], Overrides(region="测试区", year=2020))
    assert (r.document.region, r.document.year) == ("测试区", 2020)


def test_failed_file_does_not_stop_others(store, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    odd = tmp_path / "table.xlsx"
    odd.write_bytes(b"PK")
    results = Ingestor(store).ingest([bad, odd, SAMPLES / "明湖区_2023.txt"])
    assert [r.status for r in results] == ["failed", "failed", "added"]
    assert all(r.error for r in results[:2])
    assert ".docx" in results[1].error  # says which types are supported


def test_same_report_in_another_format_is_recognised(store):
    ing = Ingestor(store)
    ing.ingest([SAMPLES / "明湖区_2023.txt"])
    [dup] = ing.ingest([SAMPLES / "明湖区_2023.docx"])
    assert dup.status == "duplicate" and "明湖区_2023.txt" in dup.error
    [again] = ing.ingest([SAMPLES / "明湖区_2023.docx"])
    assert again.status == "unchanged"
    assert len(store.documents()) == 1


def test_delete_document(store):
    ing = Ingestor(store)
    ing.ingest([SAMPLES / "明湖区_2022.txt", SAMPLES / "明湖区_2023.txt"])
    doc = store.documents()[0]
    store.delete_document(doc.doc_id)
    assert [d.doc_id for d in store.documents()] != [doc.doc_id]
    assert all(c.doc_id != doc.doc_id for c in store.chunks())
    assert len(store.documents()) == 1


def test_interrupted_ingest_is_cleaned_up(store):
    ing = Ingestor(store)
    [r] = ing.ingest([SAMPLES / "明湖区_2022.txt"])
    # Simulate a crash half-way through adding a document: some chunks missing.
    victim = store.chunks()[:3]
    store._collection.delete(ids=[c.id for c in victim])  # noqa: SLF001
    store._bump()  # noqa: SLF001
    assert store.documents() == []  # an incomplete document is never served
    [again] = ing.ingest([SAMPLES / "明湖区_2022.txt"])
    assert again.status == "added"
    assert store.count() == again.chunks


def test_write_killed_before_the_first_chunk_is_never_served(store):
    ing = Ingestor(store)
    ing.ingest([SAMPLES / "明湖区_2022.txt", SAMPLES / "明湖区_2023.txt"])
    first = next(c for c in store.chunks() if c.source == "明湖区_2022.txt")
    assert first.position == 0
    store._collection.delete(ids=[first.id])  # noqa: SLF001 - the first chunk is written last
    store._bump()  # noqa: SLF001
    assert [d.source for d in store.documents()] == ["明湖区_2023.txt"]
    assert store.remove_incomplete() == []  # unlisted: nothing to name, nothing served
    removed = store.remove_incomplete(thorough=True)  # the unlisted chunks are deleted
    assert [d.source for d in removed] == ["明湖区_2022.txt"]
    assert store.count() == sum(d.chunks for d in store.documents())


def test_write_killed_before_the_old_version_was_deleted(store, tmp_path):
    report = tmp_path / "明湖区_2022.txt"
    shutil.copy(SAMPLES / "明湖区_2022.txt", report)
    ing = Ingestor(store)
    [old] = ing.ingest([report])
    report.write_text(report.read_text(encoding="utf-8") + "\n新增一段：全年新增调解员12名。\n",
                      encoding="utf-8")
    real_delete = store._delete  # noqa: SLF001
    store._delete = lambda doc_id: None  # killed before the old version was deleted
    [new] = ing.ingest([report])
    store._delete = real_delete
    assert [d.doc_id for d in store.documents()] == [new.document.doc_id]  # newest served
    assert store.count() == old.chunks + new.chunks
    [again] = ing.ingest([report])  # the file once more: the old version is deleted
    assert again.status == "unchanged"
    assert store.count() == new.chunks
    assert [d.doc_id for d in store.documents()] == [new.document.doc_id]
    assert [d.doc_id for d in store.remove_incomplete(thorough=True)] == []


@pytest.mark.parametrize("missing", ["first", "middle"])
def test_remove_incomplete_in_a_store_of_the_old_layout(store, missing):
    ing = Ingestor(store)
    ing.ingest([SAMPLES / "明湖区_2022.txt", SAMPLES / "明湖区_2023.txt"])
    meta = store._fresh_metadata()  # noqa: SLF001 - a store written before the layout stamp
    del meta["layout"]
    store._collection.modify(metadata=meta)  # noqa: SLF001
    chunks = [c for c in store.chunks() if c.source == "明湖区_2022.txt"]
    victim = chunks[0] if missing == "first" else chunks[len(chunks) // 2]
    store._collection.delete(ids=[victim.id])  # noqa: SLF001 - what a crash leaves
    removed = store.remove_incomplete()
    assert [d.source for d in removed] == ["明湖区_2022.txt"]
    assert store.count() == sum(d.chunks for d in store.documents())
    assert [d.source for d in store.documents()] == ["明湖区_2023.txt"]
    assert store._fresh_metadata()["layout"] == 2  # noqa: SLF001 - checked once
    assert store.remove_incomplete() == []


def test_add_many_writes_several_documents_at_once(store, tmp_path):
    other = open_store(make_settings(tmp_path / "other", embedding_model="hash"))
    Ingestor(other).ingest([SAMPLES / "明湖区_2022.txt", SAMPLES / "明湖区_2023.txt"])
    rows = [(next(d for d in other.documents() if d.doc_id == c.doc_id), c) for c in other.chunks()]
    store.add_many(rows, store.embed_passages([c.index_text for _, c in rows]))
    assert sorted(d.source for d in store.documents()) == ["明湖区_2022.txt", "明湖区_2023.txt"]
    assert [c.id for c in store.chunks()] == [c.id for c in other.chunks()]
    scores = store.snapshot().keyword.scores("律师事务所")
    assert scores.max() > 0


def test_scoped_vector_search_ways_agree(store, monkeypatch):
    """Exact ranking of a small scope, over-fetching unfiltered hits for a large one and
    Chroma's filtered query give the same top k."""
    import vectorstore.store as store_module

    Ingestor(store).ingest([SAMPLES / "明湖区_2022.txt", SAMPLES / "明湖区_2023.txt"])
    doc = store.documents()[0]
    query = store.embed_query("全年走访企业多少家")
    exact = store.vector_search(query, k=5, doc_ids=[doc.doc_id])
    monkeypatch.setattr(store_module, "_EXACT_SCOPE", 0)
    overfetched = store.vector_search(query, k=5, doc_ids=[doc.doc_id])
    monkeypatch.setattr(store_module, "_MAX_FETCH", 0)
    filtered = store.vector_search(query, k=5, doc_ids=[doc.doc_id])
    assert len(exact) == 5
    for other in (overfetched, filtered):
        assert [i for i, _ in exact] == [i for i, _ in other]
        assert [s for _, s in exact] == pytest.approx([s for _, s in other], abs=1e-4)
    assert all(store.chunks()[i].doc_id == doc.doc_id for i, _ in exact)
    assert store.vector_search(query, k=5, doc_ids=[]) == []
    assert store.vector_search(query, k=5, doc_ids=["no-such-document"]) == []


def test_embedder_mismatch_says_reingest(hash_settings):
    open_store(hash_settings)
    other = hash_settings.model_copy(update={"embedding_model": "hash/64"})
    with pytest.raises(EmbedderMismatch, match="Re-ingest"):
        open_store(other)


def test_keyword_index_normalises_numerals(store):
    Ingestor(store).ingest([SEED_REPORT])
    snap = store.snapshot()
    scores = snap.keyword.scores("引进律师事务所九家")
    best = snap.chunks[int(scores.argmax())]
    assert "引进律师事务所9家" in best.text


def test_ingest_cli_twice(tmp_path):
    store_dir = tmp_path / "s"
    cmd = [sys.executable, "-m", "ingest", str(SAMPLES), "--store", str(store_dir), "-q",
           "--embedding-model", "hash"]
    first = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert first.returncode == 0, first.stderr
    assert "5 files: 2 added, 3 duplicate" in first.stdout  # 2023 in four formats: one kept
    second = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert second.returncode == 0
    assert "5 files: 5 unchanged" in second.stdout


def test_ingest_cli_exit_code_on_failure(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    good = tmp_path / "明湖区_2022.txt"
    shutil.copy(SAMPLES / "明湖区_2022.txt", good)
    r = subprocess.run([sys.executable, "-m", "ingest", str(bad), str(good), "--store",
                        str(tmp_path / "s"), "-q", "--embedding-model", "hash"],
                       capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert r.returncode == 1
    assert "1 added" in r.stdout and "1 failed" in r.stdout
    assert r.stderr.count("bad.docx") == 1, r.stderr  # reported once, not logged as well


def test_settings_store_dir_from_env(tmp_path, monkeypatch):
    monkeypatch.setenv("FAZHI_STORE_DIR", str(tmp_path / "x"))
    from settings import Settings

    assert Settings(_env_file=None).store_dir == tmp_path / "x"
    assert make_settings(tmp_path / "y").store_dir == tmp_path / "y"


def test_a_scope_searched_again_ranks_its_kept_vectors(store, monkeypatch):
    """One answer searches the same reports several times: the second exact search of a scope
    fetches no vectors again (they are kept with the snapshot) and ranks the same; a store
    written since has a new snapshot, which fetches its own."""
    Ingestor(store).ingest([SAMPLES / "明湖区_2022.txt"])
    doc = store.documents()[0]
    query = store.embed_query("全年走访企业多少家")
    first = store.vector_search(query, k=5, doc_ids=[doc.doc_id])
    fetched = []
    real_get = store._collection.get
    monkeypatch.setattr(store._collection, "get", lambda *a, **k: fetched.append(k) or real_get(*a, **k))
    again = store.vector_search(query, k=5, doc_ids=[doc.doc_id])
    assert again == first and fetched == []
    Ingestor(store).ingest([SAMPLES / "明湖区_2023.txt"])
    fetched.clear()
    assert store.vector_search(query, k=5, doc_ids=[doc.doc_id]) == first
    # a new snapshot's own fetch of the scope's vectors (besides reading the new chunks)
    assert [k.get("include") for k in fetched].count(["embeddings"]) == 1
