"""The knowledge base: chunks in a Chroma collection (embedded or server) plus a BM25 index.

Chroma is the single source of truth: every chunk's metadata carries its document's
metadata, its jieba tokens and the document's chunk count, so any process can rebuild the
keyword index and the document list from the collection alone, and a document whose
chunks are not all present (an ingest killed half-way) is recognised and cleaned up.
A version stamp in the collection metadata tells other processes to refresh.
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

from vectorstore.errors import EmbedderMismatch, StoreError, StoreUnavailable
from vectorstore.keyword import KeywordIndex, Vocabulary
from vectorstore.records import SECTION_SEP, ChunkRecord, DocumentRecord, doc_id_of

logger = logging.getLogger(__name__)

COLLECTION = "fazhi_chunks"
_TOKEN_SEP = " "
_PAGE_SIZE = 2000
_WRITE_BATCH = 2000  # chunks per Chroma add (capped by the client's max batch size)
_QUERY_CACHE = 256
# Scoped vector search (see KnowledgeStore.vector_search), from timings at 100k chunks:
_EXACT_SCOPE = 1000  # fetching and ranking this many vectors exactly: ~45 ms
_OVERFETCH = 3  # fetch 3 x k x (all chunks / scope chunks) unfiltered hits ...
_MAX_FETCH = 5000  # ... if that is at most 5000 (~35 ms)
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
    doc_of: np.ndarray  # every chunk's document as a number (its index in doc_numbers)
    doc_numbers: dict[str, int]

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
                 collection: str = COLLECTION, refresh_seconds: float = 1.0):
        self.embeddings = embeddings
        self.tokenize = tokenize
        self._client = client
        self._refresh_seconds = refresh_seconds
        self._lock = threading.RLock()
        self._snapshot: Snapshot | None = None
        self._checked_at = 0.0
        self._query_cache: dict[str, np.ndarray] = {}
        self._written: set[str] = set()  # version stamps this object wrote
        self._client_stale = False  # the embedded client missed another process's writes
        name = getattr(embeddings, "name", type(embeddings).__name__)
        with self._guard():
            self._collection = client.get_or_create_collection(
                collection,
                metadata={"embedder": name, "version": _new_version(), "layout": _LAYOUT},
                configuration={"hnsw": {"space": "cosine"}},
                embedding_function=None,
            )
        built_with = (self._collection.metadata or {}).get("embedder")
        if built_with != name:
            raise EmbedderMismatch(
                f"This knowledge base was built with the embedder {built_with!r}, but "
                f"{name!r} is configured. Re-ingest into a new store directory "
                "(or delete the old one), or set FAZHI_EMBEDDING_MODEL back."
            )

    # ---- writing -------------------------------------------------------------------
    def add_document(self, doc: DocumentRecord, chunks: Sequence[ChunkRecord],
                     vectors: np.ndarray | None = None) -> None:
        """Add a document's chunks, then remove the other versions of the same document
        (same source path; see ``DocumentRecord.key``)."""
        if vectors is None:
            vectors = self.embed_passages([c.index_text for c in chunks])
        self._write([(doc, c) for c in chunks], vectors)
        for old in self._versions_of(doc):
            if old.doc_id != doc.doc_id:
                self._delete(old.doc_id)
        self._bump()

    def add_many(self, rows: Sequence[tuple[DocumentRecord, ChunkRecord]], vectors: np.ndarray,
                 tokens: Sequence[list[str]] | None = None) -> None:
        """Bulk load the chunks of many new documents (building a large store): written in
        large batches with one version bump, ``tokens`` if already computed. Unlike
        ``add_document`` it does not look for older versions of the same sources."""
        self._write(rows, vectors, tokens)
        self._bump()

    def _write(self, rows: Sequence[tuple[DocumentRecord, ChunkRecord]], vectors: np.ndarray,
               tokens: Sequence[list[str]] | None = None) -> None:
        """Write chunks; every document's first chunk (position 0) goes last. A document is
        listed (``_listed``) only once its first chunk is there, so a write killed half-way
        leaves unlisted chunks, never a listed incomplete document."""
        order = sorted(range(len(rows)), key=lambda i: rows[i][1].position == 0)
        batch = max(1, min(_max_batch(self._client), _WRITE_BATCH))
        with self._guard():
            for start in range(0, len(order), batch):
                part = order[start:start + batch]
                self._collection.add(
                    ids=[rows[i][1].id for i in part],
                    embeddings=np.asarray(vectors)[part],
                    documents=[rows[i][1].text for i in part],
                    metadatas=[self._metadata(*rows[i], tokens[i] if tokens is not None else None)
                               for i in part],
                )

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
        """Delete what an interrupted ingest left, in time proportional to the number of
        documents (not chunks): old versions of replaced files (killed before deleting them).
        Chunks of a write killed before its first chunk are unlisted, never served, and are
        overwritten when the same file is ingested again.

        ``thorough`` (and once for a store written before first chunks went last: no
        ``layout`` stamp) reads every chunk id to find documents missing chunks and unlisted
        chunks, and deletes them (~5 s at 100k chunks)."""
        if thorough or self._fresh_metadata().get("layout") != _LAYOUT:
            return self._remove_incomplete_by_counting()
        listed = self._listed()
        served = {d.doc_id for d in _complete([(d, d.chunks) for d in listed])}
        broken = [d for d in listed if d.doc_id not in served]
        for d in broken:
            self._delete(d.doc_id)
        if broken:
            self._bump()
        return broken

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

    def _listed(self, where: dict | None = None) -> list[DocumentRecord]:
        """The documents whose first chunk is present (read fresh from Chroma), one row each."""
        first: dict = {"position": 0}
        where = first if where is None else {"$and": [first, where]}
        return [d for d, _ in _documents_from(
            meta for got in self._pages(["metadatas"], where) for meta in got["metadatas"])]

    def _versions_of(self, doc: DocumentRecord) -> list[DocumentRecord]:
        """Every listed version of this document: same path, or (stores written before paths
        were kept) a document without a path under the same file name."""
        found = self._listed({"path": doc.path}) if doc.path else []
        found += [d for d in self._listed({"source": doc.source})
                  if not d.path and d.doc_id not in {f.doc_id for f in found}]
        return found

    def _describe(self, doc_id: str) -> DocumentRecord:
        """The document of any one of its chunks (for a document missing its first chunk)."""
        with self._guard():
            got = self._collection.get(where={"doc_id": doc_id}, limit=1, include=["metadatas"])
        return _documents_from(got["metadatas"])[0][0]

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        if hasattr(self.embeddings, "embed_array"):
            return self.embeddings.embed_array(texts)
        return np.asarray(self.embeddings.embed_documents(texts), dtype=np.float32)

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
    def snapshot(self) -> Snapshot:
        """The current chunks and keyword index, reloaded when another writer changed them
        (checked at most every ``refresh_seconds``). Immutable: a request takes it once."""
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
        t0 = time.perf_counter()
        # Convert page by page so the raw metadata (with its token strings) is not all held:
        # each chunk's tokens become an int32 array of ids in one vocabulary, and the strings
        # every chunk of a document repeats (doc id, source, title, section) are shared.
        chunks: list[ChunkRecord] = []
        token_ids: list[np.ndarray] = []
        vocab = Vocabulary()
        shared: dict[str, str] = {}
        doc_metas: dict[str, dict] = {}
        present: dict[str, int] = {}
        for id_, text, meta in self._rows():
            token_ids.append(vocab.ids(meta.pop("tokens", "").split(_TOKEN_SEP)))
            chunks.append(_chunk_from(id_, text, meta, shared))
            doc_id = chunks[-1].doc_id
            present[doc_id] = present.get(doc_id, 0) + 1
            doc_metas.setdefault(doc_id, meta)
        docs = _complete(_documents_from(doc_metas.values(), present))
        del doc_metas, shared
        complete = {d.doc_id for d in docs}
        order = sorted((i for i, c in enumerate(chunks) if c.doc_id in complete),
                       key=lambda i: (chunks[i].source, chunks[i].position))
        chunks = [chunks[i] for i in order]
        keyword = KeywordIndex([token_ids[i] for i in order], vocab, self.tokenize)
        del token_ids
        logger.info("Loaded %d chunks of %d documents in %.2fs", len(chunks), len(docs),
                    time.perf_counter() - t0)
        numbers = {d.doc_id: n for n, d in enumerate(docs)}
        return Snapshot(version, chunks, {c.id: i for i, c in enumerate(chunks)}, keyword,
                         sorted(docs, key=lambda d: (d.region or "", d.year or 0, d.source)),
                         np.fromiter((numbers[c.doc_id] for c in chunks), dtype=np.int32,
                                     count=len(chunks)), numbers)

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

    def find_document(self, path: str, source: str) -> DocumentRecord | None:
        """The served version of the document ingested from ``path`` (``source`` its file
        name, for stores written before paths were kept), read fresh from Chroma; its chunks
        are counted, so a damaged document is not taken for an unchanged one."""
        versions = _complete([(d, self._present(d.doc_id)) for d in
                              self._versions_of(_probe(path=path, source=source))])
        return versions[0] if versions else None

    def _present(self, doc_id: str) -> int:
        """How many chunks of this document are in Chroma."""
        return sum(len(got["ids"]) for got in self._pages([], {"doc_id": doc_id}))

    def find_content(self, sha256: str) -> DocumentRecord | None:
        """A served document with exactly this content (file hash), from any path."""
        for doc in self._listed({"sha256": sha256}):
            if doc in _complete([(d, d.chunks) for d in self._versions_of(doc)]):
                return doc
        return None

    def documents_of(self, doc_ids: Iterable[str]) -> list[DocumentRecord]:
        """These documents (when listed), read fresh from Chroma."""
        ids = sorted(set(doc_ids))
        if not ids:
            return []
        return self._listed({"doc_id": ids[0]} if len(ids) == 1 else {"doc_id": {"$in": ids}})

    def chunks_like(self, region: str | None, year: int | None) -> Iterable[ChunkRecord]:
        """Chunks of documents with this region and year, read fresh from Chroma (used to spot
        the same report ingested again in another format, without loading the whole store)."""
        filters: list[dict] = [{k: v} for k, v in (("region", region), ("year", year)) if v is not None]
        where: dict | None = None if not filters else filters[0] if len(filters) == 1 else {"$and": filters}
        for id_, text, meta in self._rows(where):
            if meta.get("region") == region and meta.get("year") == year:
                yield _chunk_from(id_, text, meta)

    def chunks(self) -> list[ChunkRecord]:
        return self.snapshot().chunks

    def embed_query(self, text: str) -> np.ndarray:
        """The query vector; recent ones are cached (follow-ups and comparisons repeat them)."""
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
        with self._guard():
            got = self._collection.get(ids=[snap.chunks[i].id for i in scope],
                                       include=["embeddings"])
        found = [(snap.index_of.get(id_), v) for id_, v in zip(got["ids"], got["embeddings"],
                                                               strict=True)]
        found = [(i, v) for i, v in found if i is not None]
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
    ``key``: source path) only the
    newest (an ingest killed between adding a changed file and deleting its old version
    leaves both; a later row is a later write, so it wins a tie on ingested_at)."""
    newest: dict[str, DocumentRecord] = {}
    for doc, present in counts:
        if present == doc.chunks and doc.ingested_at >= newest.get(doc.key, doc).ingested_at:
            newest[doc.key] = doc
    return list(newest.values())
