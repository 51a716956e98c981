"""A file → its document and chunk records: read, chunk, facts, keyword tokens. Pure work
that touches no store, so the app runs it in a separate process (``Builder``): an upload's
Python work then never holds the GIL that every question being answered needs (issue #15;
in-process, a 1 MB upload doubled chat latency)."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import multiprocessing
import multiprocessing.connection
import os
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING

from facts import chunk_facts, facts_to_json
from ingest.errors import IngestError
from ingest.loaders import Loaded
from vectorstore.records import ChunkRecord, DocumentRecord, chunk_id

if TYPE_CHECKING:
    from ingest.pipeline import Overrides, Prepared

logger = logging.getLogger(__name__)


@dataclass
class Built:
    loaded: Loaded  # from a worker process without its blocks (only what results report)
    prepared: Prepared
    doc: DocumentRecord
    records: list[ChunkRecord]
    tokens: list[list[str]] | None = None  # each record's keyword tokens, when computed here


@dataclass(frozen=True)
class Job:
    path: Path
    source: str
    key: str  # the document's identity: its resolved path
    sha: str
    overrides: Overrides
    chunk_size: int
    overlap: int


def build(job: Job, load: Callable[[Path], Loaded] | None = None,
          with_tokens: bool = False) -> Built:
    """Read and chunk the file; records carry their facts; ``with_tokens``: also each
    record's tokens by the process's shared tokenizer (the store's default)."""
    from ingest.loaders import load_document
    from ingest.pipeline import prepare

    loaded = load(job.path) if load is not None else load_document(job.path, None)
    prepared = prepare(loaded.blocks, Path(job.source).stem, job.overrides, job.chunk_size,
                       job.overlap, ocr=bool(loaded.ocr_pages))
    if not prepared.chunks:
        raise IngestError(f"{job.path.name}: no text found")
    info = prepared.info
    # the same file with other metadata (overrides) is another version of the document
    doc_id = hashlib.sha256(f"{job.key}\0{job.sha}\0{info.title}\0{info.region}\0{info.year}"
                            .encode()).hexdigest()[:16]
    doc = DocumentRecord(doc_id=doc_id, source=job.source, title=info.title, region=info.region,
                         year=info.year, sha256=job.sha, chunks=len(prepared.chunks),
                         ingested_at=dt.datetime.now().isoformat(timespec="seconds"),
                         issuer=info.issuer, path=job.key)
    records = [ChunkRecord(id=chunk_id(doc_id, i), text=c.text, section=c.section,
                           page=c.page, doc_id=doc_id, source=job.source, title=info.title,
                           region=info.region, year=info.year, position=i,
                           facts_json=_facts_json(c.text, c.section))
               for i, c in enumerate(prepared.chunks)]
    tokens = None
    if with_tokens:
        from vectorstore.tokenizer import shared_tokenizer

        tokenize = shared_tokenizer()
        tokens = [tokenize(r.index_text) for r in records]
    return Built(loaded, prepared, doc, records, tokens)


def _build_in_worker(job: Job) -> Built:
    built = build(job, with_tokens=True)
    built.loaded = replace(built.loaded, blocks=[])  # not needed back; not worth the pickling
    return built


def _exit_with_parent() -> None:
    """In the worker: exit as soon as the app does, however it ended (a killed app never
    shuts its pool down, and the worker would wait for work forever)."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _facts_json(text: str, section: tuple[str, ...]) -> str:
    """The chunk's facts as stored (docs/FACTS.md); a failure costs the facts, not the file."""
    try:
        return facts_to_json(chunk_facts(text, " > ".join(section)), text)
    except Exception:  # noqa: BLE001 - extraction is best effort, the text is still served
        logger.exception("fact extraction failed on a chunk of %d characters", len(text))
        return ""


class Builder:
    """Runs ``build`` in one long-lived worker process (spawned on first use: ~1 s to import
    the loaders and jieba there). A worker that dies (killed, out of memory) is replaced; a
    file that kills two workers fails, alone."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def __call__(self, job: Job) -> Built:
        """Build in the worker; a worker found dead (killed while idle, or by this file) is
        replaced and the file tried once more: a file that kills it twice fails."""
        for attempt in (1, 2):
            pool = self._pool_now()
            try:
                return pool.submit(_build_in_worker, job).result()
            except BrokenProcessPool as e:
                self._drop(pool)
                if attempt == 2:
                    raise IngestError(f"读取“{job.path.name}”的进程意外退出（文件可能过大或已损坏），"
                                      "未导入；请检查文件后重试。") from e
                logger.warning("the ingest worker died; retrying %s in a new one", job.path.name)
        raise AssertionError("unreachable")

    def _pool_now(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(1, mp_context=get_context("spawn"),
                                                 initializer=_exit_with_parent)
            return self._pool

    def _drop(self, pool: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._pool is pool:
                self._pool = None
        pool.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
