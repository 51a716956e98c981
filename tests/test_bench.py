"""The benchmark suite: its synthetic corpus, its import audit, and a tiny end-to-end run
(a smoke test: no timing is asserted)."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import numpy as np
import pytest

from bench import corpus
from bench.coldstart import import_audit
from tests.conftest import ROOT
from vectorstore.embeddings import HashEmbeddings


def test_corpus_has_exactly_n_chunks_with_unique_ids_and_complete_documents():
    docs = list(corpus.corpus(500))
    chunks = [c for _, cs in docs for c in cs]
    assert len(chunks) == 500
    assert len({c.id for c in chunks}) == 500
    assert len({d.source for d, _ in docs}) == len(docs)
    for doc, cs in docs:
        assert doc.chunks == len(cs)  # a cut-short last document says so: it is complete
        assert all(c.doc_id == doc.doc_id and c.region == doc.region for c in cs)


def test_corpus_starts_with_the_real_reports_unchanged():
    (doc, chunks), *_ = corpus.corpus(100)
    base = corpus.bases()[0]
    assert doc.region == "杭州市余杭区" and doc.year == 2021
    assert [c.text for c in chunks] == [c.text for c in base.prepared.chunks]


def test_rewriter_swaps_region_shifts_years_perturbs_only_figures():
    source, target = corpus.Region("鹭洲市", "明湖区"), corpus.Region("临澜市", "澄川区")
    rewrite = corpus.Rewriter(source, target, year_shift=-3, seed=1)
    out = rewrite("2022年，明湖区在鹭洲市考评中位列第3名，受理204件，明湖品牌，较2021年增长12.5%。")
    assert "2019年" in out and "2018年" in out
    assert "澄川区" in out and "临澜市" in out and "澄川品牌" in out
    assert "明湖" not in out and "鹭洲" not in out
    assert "第3名" in out  # small numbers (headings, ordinals) are kept
    assert "204件" not in out and re.search(r"受理\d+件", out)
    assert re.search(r"增长\d+\.\d%", out)


def test_questions_are_rewritten_for_documents_of_the_store():
    docs = corpus.plan(3000)
    qs = corpus.questions(docs, 60)
    assert len(qs) == 60
    regions = {d.region.district for d in docs} | {"明湖区", "余杭区"}
    mentioned = [q for q in qs if re.search(r"[\u4e00-\u9fa5]{2}区", q["q"])]
    assert mentioned and all(any(r in q["q"] for r in regions) for q in mentioned)
    assert any(q["history"] for q in qs)


def test_hash_vectors_equal_the_hash_embedder():
    texts = [c.index_text for _, cs in corpus.corpus(40) for c in cs] + ["", "法"]
    fast = corpus.hash_vectors(texts, 384)
    slow = HashEmbeddings(384).embed_array(texts)
    assert np.allclose(fast, slow, atol=1e-6)


def test_import_audit_names_heavy_modules_and_who_imported_them():
    importtime = "\n".join([
        "import time: self [us] | cumulative | imported package",
        "import time:       100 |        100 |       torch._C",
        "import time:      5000 |       5100 |     torch",
        "import time:        50 |       5150 |   sentence_transformers",
        "import time:        20 |       5170 | vectorstore.embeddings",
        "import time:       300 |        300 | numpy",
    ])
    audit = import_audit(importtime)
    assert audit["heavy_imports"]["torch"] == [
        "vectorstore.embeddings", "sentence_transformers", "torch", "torch._C"]
    assert "sentence_transformers" in audit["heavy_imports"]
    assert audit["top_packages"][0] == {"package": "torch", "s": 0.0051}


@pytest.mark.slow
def test_tiny_benchmark_run_writes_report_and_plots(tmp_path):
    out = tmp_path / "results"
    cmd = [sys.executable, "-m", "bench", "--quick", "--sizes", "300", "--questions", "6",
           "--rounds", "1", "--cold-runs", "1", "--out", str(out),
           "--workdir", str(tmp_path / "work")]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "pipeline =" in proc.stdout and "cold start" in proc.stdout
    report = (out / "REPORT.md").read_text(encoding="utf-8")
    for heading in ("## Targets", "## 1. Ingest throughput", "## 2. Answer latency",
                    "## 3. Growth with the store's size", "## 4. Cold start"):
        assert heading in report
    for png in ("latency.png", "ingest.png", "scale.png"):
        assert (out / png).read_bytes().startswith(b"\x89PNG")
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    (size,) = results["sizes"]
    assert size["n"] == 300 and size["latency"]["chunks"] == 300
    assert size["latency"]["questions"] == 6
    assert size["reopen"]["chunks"] == 300 and size["reopen"]["found"]  # from the saved snapshot
    assert size["reopen_after_add"]["chunks"] > 300  # refreshed with the added report
    assert results["cold_start"]["heavy_imports"] == {}
