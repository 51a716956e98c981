"""The bulk build of a large benchmark store (bench/bulk.py) writes exactly what the store
writes document by document: same Chroma rows (ids, texts, metadata with jieba tokens and
facts, hash vectors) and the same snapshot, which a start then opens from the saved files."""

from __future__ import annotations

import numpy as np
import pytest

from bench import bulk
from facts import chunk_facts, facts_to_json
from vectorstore.embeddings import HashEmbeddings
from vectorstore.store import KnowledgeStore, chroma_client
from vectorstore.tokenizer import shared_tokenizer

BASE, TOTAL = 70, 200  # the first sample report cut at 70 chunks, then copies 1 and 2


def _open(path) -> KnowledgeStore:  # noqa: ANN001
    return KnowledgeStore(chroma_client(path), HashEmbeddings(384), shared_tokenizer())


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("bulk")
    bulk_store = _open(root / "bulk")
    base = bulk.base_corpus(BASE, bulk_store.tokenize)
    info = bulk.write(bulk_store, base, TOTAL, group=60)  # several add_many calls
    one_by_one = _open(root / "one")
    for doc, chunks, _, _ in bulk.copies(base, TOTAL):
        one_by_one.add_document(doc, chunks)  # tokens and vectors computed by the store
    return root, base, info


def _rows(store: KnowledgeStore) -> dict:
    got = store._collection.get(include=["documents", "metadatas", "embeddings"])  # noqa: SLF001
    return {i: (d, m, np.asarray(e)) for i, d, m, e in zip(got["ids"], got["documents"],
                                                        got["metadatas"], got["embeddings"],
                                                        strict=True)}


def test_copies_are_new_documents_of_whole_chunks(built):
    _, base, info = built
    docs = list(bulk.copies(base, TOTAL))
    assert info["chunks"] == sum(len(c) for _, c, _, _ in docs) == TOTAL
    assert len({d.doc_id for d, _, _, _ in docs}) == len(docs) == info["documents"]
    assert len({(d.region, d.year) for d, _, _, _ in docs}) == len(docs)
    assert {k for _, _, k, _ in docs} == {0, 1, 2}
    copy = next(c for _, c, k, _ in docs if k == 2)
    assert copy[0].text == base.chunks[0].text + "\n（副本ac）"
    assert bulk.mark(1) == "（副本ab）" and bulk.mark(27) == "（副本bb）"


def test_chroma_rows_equal_those_written_document_by_document(built):
    root, _, _ = built
    a, b = _rows(_open(root / "bulk")), _rows(_open(root / "one"))
    assert a.keys() == b.keys() and len(a) == TOTAL
    for id_, (text, meta, vector) in a.items():
        text_b, meta_b, vector_b = b[id_]
        assert text == text_b
        assert meta == meta_b  # tokens, facts, document fields
        np.testing.assert_allclose(vector, vector_b, atol=1e-6)


def test_copied_facts_are_those_of_the_copied_text(built):
    _, base, _ = built
    for _, chunks, k, _ in bulk.copies(base, TOTAL):
        for c in chunks if k else []:
            assert facts_to_json(chunk_facts(c.text, c.section_path), c.text) == c.facts_json


def test_saved_snapshot_equals_the_one_built_from_chroma(built):
    root, _, _ = built
    bulk_store, one = _open(root / "bulk"), _open(root / "one")
    saved = bulk_store._cache_dir / bulk_store._current_version()  # noqa: SLF001
    assert (saved / "meta.json").exists()  # the first start opens it
    a, b = bulk_store.snapshot(), one.snapshot()
    assert [c.id for c in a.chunks] == [c.id for c in b.chunks]
    assert a.chunks == b.chunks
    assert [c.facts_json for c in a.chunks] == [c.facts_json for c in b.chunks]
    assert a.documents == b.documents
    assert _tokens(a) == _tokens(b)
    for query in ("律师事务所 引进", "行政复议", "副本ab 法治"):
        np.testing.assert_allclose(a.keyword.scores(query.split()),
                                   b.keyword.scores(query.split()), rtol=1e-5)


def _tokens(snap) -> list[dict[str, int]]:  # noqa: ANN001
    words = {i: t for t, i in snap.saved.vocab.items()}
    c = snap.saved.counts
    return [{words[int(t)]: int(f) for t, f in zip(c.tokens[c.indptr[i]:c.indptr[i + 1]],
                                                   c.tf[c.indptr[i]:c.indptr[i + 1]], strict=True)}
            for i in range(len(c))]
