"""The store's snapshot saved beside it, so that a start (or another process's change) does
not read every chunk back from Chroma: chunk texts and fields, documents, the vocabulary and
the keyword index's term counts (numpy files, memory-mapped on load).

A saved snapshot is a directory named for the collection's version stamp, under
``<root>/<collection id>/``; it is written to a temporary directory and renamed into place,
so a reader never sees half a snapshot, and two processes saving the same version at once
is harmless (the second rename fails, its copy is dropped). Older versions are pruned
after a save. The store uses a saved snapshot of its current version as it is and one of an
older version only as the base of an incremental refresh (see ``KnowledgeStore._refresh``),
never as the answer; a copy of another format, collection or embedder is ignored.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import shutil
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from vectorstore.keyword import TermCounts
from vectorstore.records import SECTION_SEP, ChunkRecord, DocumentRecord

logger = logging.getLogger(__name__)

FORMAT = 2
_BASE_FIELDS = ("id", "text", "section", "page", "doc_id", "source", "title", "region", "year",
                "position")
_ARRAYS = ("doc_of", "position", "page", "section_of", "text_end", "indptr", "tokens", "tf",
           "lengths")
_BM25 = ("bm25_data", "bm25_indices", "bm25_indptr")
_TEXT_BLOCK = 20_000  # chunk texts encoded and written at a time


@dataclass(frozen=True)
class Saved:
    """What a snapshot is rebuilt from."""

    version: str
    documents: list[DocumentRecord]
    chunks: list[ChunkRecord]
    counts: TermCounts  # rows in ``chunks`` order
    vocab: dict[str, int]
    # the BM25 weights of exactly these chunks, token-major (KeywordIndex.weights): saved so
    # that a start memory-maps them instead of computing them
    bm25: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None


def save(root: Path, saved: Saved, identity: dict) -> None:
    """Write ``saved`` as ``root/<version>``, then remove the other versions in ``root``.
    Failures (read-only or full disk) are logged, never raised: the snapshot is a cache."""
    final = root / saved.version
    if final.exists():
        if _compatible(final, identity):
            return
        try:  # written by another format (an older version of this program): replaced
            old = root / f".tmp-{uuid.uuid4().hex}"
            final.rename(old)
            shutil.rmtree(old, ignore_errors=True)
        except OSError:
            pass
    tmp = root / f".tmp-{uuid.uuid4().hex}"
    try:
        tmp.mkdir(parents=True)
        _write(tmp, saved, identity)
        try:
            tmp.rename(final)
        except OSError:  # another process saved the same version first
            shutil.rmtree(tmp, ignore_errors=True)
        for other in root.iterdir():
            if other.name != saved.version and (not other.name.startswith(".tmp-")
                                                or time.time() - other.stat().st_mtime > 3600):
                shutil.rmtree(other, ignore_errors=True)  # (a .tmp- of a killed save)
    except OSError as e:
        logger.warning("Could not save the snapshot in %s: %s", root, e)
        shutil.rmtree(tmp, ignore_errors=True)


class Saver:
    """Saves snapshots in a background thread, the newest only: a request never waits for
    the disk. The thread is not a daemon, so a short-lived process (``python -m bot ask``)
    finishes its save before it exits."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pending: tuple[Path, Saved, dict] | None = None
        self._thread: threading.Thread | None = None

    def submit(self, root: Path, saved: Saved, identity: dict) -> None:
        with self._lock:
            self._pending = (root, saved, identity)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="snapshot-saver")
                self._thread.start()

    def wait(self) -> None:
        thread = self._thread
        if thread is not None:
            thread.join()

    def _run(self) -> None:
        while True:
            with self._lock:
                job, self._pending = self._pending, None
                if job is None:
                    self._thread = None
                    return
            save(*job)


def load(root: Path, identity: dict, version: str) -> Saved | None:
    """The saved snapshot of ``version`` if there is one, else the newest other one (a base
    for an incremental refresh), else None. Anything unreadable is skipped."""
    if not root.is_dir():
        return None
    candidates = [root / version] if (root / version).is_dir() else []
    candidates += sorted((d for d in root.iterdir() if d.is_dir() and d.name != version
                          and not d.name.startswith(".tmp-")),
                         key=lambda d: d.stat().st_mtime, reverse=True)
    for directory in candidates:
        try:
            saved = _read(directory, identity)
        except (OSError, ValueError, KeyError, IndexError) as e:
            logger.info("Ignoring the saved snapshot %s: %s", directory, e)
            continue
        if saved is not None:
            return saved
    return None


def _compatible(directory: Path, identity: dict) -> bool:
    try:
        meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return meta.get("format") == FORMAT and all(meta.get(k) == v for k, v in identity.items())


def _write(directory: Path, saved: Saved, identity: dict) -> None:
    docs = saved.documents
    number = {d.doc_id: n for n, d in enumerate(docs)}
    chunks = saved.chunks
    sections: dict[str, int] = {}
    text_end = np.cumsum(np.fromiter((len(c.text) for c in chunks), np.int64, len(chunks)))
    extra = [f.name for f in dataclasses.fields(ChunkRecord) if f.name not in _BASE_FIELDS]
    arrays = {
        "doc_of": np.fromiter((number[c.doc_id] for c in chunks), np.int32, len(chunks)),
        "position": np.fromiter((c.position for c in chunks), np.int32, len(chunks)),
        "page": np.fromiter((-1 if c.page is None else c.page for c in chunks), np.int32,
                            len(chunks)),
        "section_of": np.fromiter((sections.setdefault(c.section_path, len(sections))
                                   for c in chunks), np.int32, len(chunks)),
        "text_end": text_end,
        "indptr": saved.counts.indptr, "tokens": saved.counts.tokens, "tf": saved.counts.tf,
        "lengths": saved.counts.lengths,
    }
    if saved.bm25 is not None:
        arrays.update(zip(_BM25, saved.bm25, strict=True))
    for name, array in arrays.items():
        np.save(directory / f"{name}.npy", np.asarray(array))
    with open(directory / "texts.bin", "wb") as f:  # text_end: character offsets
        for start in range(0, len(chunks), _TEXT_BLOCK):  # all at once: ~2 GB at 1M chunks
            f.write("".join(c.text for c in chunks[start:start + _TEXT_BLOCK]).encode())
    vocab = sorted(saved.vocab, key=saved.vocab.__getitem__)
    _dump(directory / "strings.json", {
        "ids": [c.id for c in chunks], "sections": list(sections), "vocab": vocab,
        "documents": [dataclasses.asdict(d) for d in docs],
        "extra": {name: [getattr(c, name) for c in chunks] for name in extra},
    })
    # written last: a directory without it is incomplete
    _dump(directory / "meta.json", {"format": FORMAT, "version": saved.version,
                                    "chunks": len(chunks), **identity})


def _read(directory: Path, identity: dict) -> Saved | None:
    meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
    if meta.get("format") != FORMAT or any(meta.get(k) != v for k, v in identity.items()):
        logger.info("Ignoring the saved snapshot %s: another format or collection", directory)
        return None
    a = {name: np.load(directory / f"{name}.npy", mmap_mode="r") for name in _ARRAYS}
    strings = json.loads((directory / "strings.json").read_text(encoding="utf-8"))
    docs = [DocumentRecord(**d) for d in strings["documents"]]
    n = int(meta["chunks"])
    if len(strings["ids"]) != n or len(a["doc_of"]) != n or len(a["indptr"]) != n + 1:
        raise ValueError("inconsistent sizes")
    sections = [tuple(s.split(SECTION_SEP)) if s else () for s in strings["sections"]]
    text = (directory / "texts.bin").read_bytes().decode()
    ends = a["text_end"].tolist()
    starts = [0, *ends[:-1]]
    if ends and ends[-1] != len(text):
        raise ValueError("texts do not match their offsets")
    extra = strings.get("extra", {})
    known = {f.name for f in dataclasses.fields(ChunkRecord)}
    extra = {k: v for k, v in extra.items() if k in known}
    chunks = []
    rows = zip(strings["ids"], a["doc_of"].tolist(), a["position"].tolist(),
               a["page"].tolist(), a["section_of"].tolist(), starts, ends, strict=True)
    for i, (id_, d, pos, page, sec, start, end) in enumerate(rows):
        doc = docs[d]
        more = {k: v[i] for k, v in extra.items()} if extra else {}
        chunks.append(ChunkRecord(
            id=id_, text=text[start:end], section=sections[sec],
            page=None if page < 0 else page, doc_id=doc.doc_id, source=doc.source,
            title=doc.title, region=doc.region, year=doc.year, position=pos, **more))
    counts = TermCounts(a["indptr"], a["tokens"], a["tf"], a["lengths"])
    vocab = {t: i for i, t in enumerate(strings["vocab"])}
    bm25 = None
    if all((directory / f"{name}.npy").exists() for name in _BM25):
        bm25 = tuple(np.load(directory / f"{name}.npy", mmap_mode="r") for name in _BM25)
        if len(bm25[2]) != len(vocab) + 1:
            bm25 = None
    return Saved(meta["version"], docs, chunks, counts, vocab, bm25)


def _dump(path: Path, data: dict) -> None:
    text = json.dumps(data, ensure_ascii=False)  # at once: json.dump streams slowly
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
