"""Files → chunks → store. Idempotent: unchanged files are skipped by content hash,
changed files replace their previous version, a failing file never stops the others."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from ingest.blocks import Block
from ingest.build import Builder, Built, Job, build
from ingest.chunker import chunk_paragraphs
from ingest.errors import IngestError
from ingest.loaders import Loaded
from ingest.structure import DocInfo, doc_info, find_title, misread_place, paragraphs, signature_lines
from vectorstore.records import DocumentRecord
from vectorstore.store import KnowledgeStore
from vectorstore.tokenizer import shared_tokenizer
from zh.sentences import split_sentences

logger = logging.getLogger(__name__)

DUPLICATE_OVERLAP = 0.9


@dataclass
class FileResult:
    path: Path
    status: str  # added | updated | unchanged | duplicate | failed
    chunks: int = 0
    error: str | None = None
    document: DocumentRecord | None = None
    kind: str | None = None  # the type read from the content: pdf, docx, doc, ofd, image …
    pages: int | None = None
    ocr_pages: list[int] = field(default_factory=list)  # pages read by OCR
    unreadable_pages: list[int] = field(default_factory=list)  # pages left out: no text found
    info: DocInfo | None = None  # metadata detected in the document (before overrides)
    note: str | None = None  # a remark for the user, e.g. an upload stored under another name


@dataclass(frozen=True)
class Overrides:
    title: str | None = None
    region: str | None = None
    year: int | None = None


@dataclass
class Prepared:
    """A parsed document, ready to embed."""

    info: DocInfo  # what is stored: detected metadata with the overrides applied
    chunks: list = field(default_factory=list)
    detected: DocInfo | None = None  # what the document itself says


def supported_suffixes() -> frozenset[str]:
    from ingest.loaders import SUPPORTED_SUFFIXES

    return frozenset(SUPPORTED_SUFFIXES)


def document_suffixes() -> frozenset[str]:
    """Suffixes a folder ingest takes: readable ones and documents it must report unreadable."""
    from ingest.loaders import DOCUMENT_SUFFIXES

    return DOCUMENT_SUFFIXES


_NOT_REPORTS = ("readme", "license", "changelog", "licence")


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Expand folders recursively: readable documents, and documents of a kind that cannot be
    read (.xls, .rtf …) so that the summary names them; hidden files, README/LICENSE files
    and other files (.json, .csv …) are skipped (a file named explicitly is always taken)."""
    suffixes = document_suffixes()
    for path in paths:
        if path.is_dir():
            for p in sorted(path.rglob("*")):
                if (p.is_file() and p.suffix.lower() in suffixes
                        and not p.stem.lower().startswith(_NOT_REPORTS)
                        and not any(part.startswith(".") for part in p.relative_to(path).parts)):
                    yield p
        else:
            yield path


def prepare(blocks: list[Block], fallback_title: str, overrides: Overrides = Overrides(),
            size: int = 300, overlap: int = 1, ocr: bool = False) -> Prepared:
    """The document's metadata and chunks; ``ocr``: its text was read by OCR (a place the title
    misreads by a character is taken as the file's name writes it)."""
    detected = doc_info(blocks, fallback_title)
    if ocr:
        detected = misread_place(detected, fallback_title)
    info = replace(detected, title=overrides.title or detected.title,
                   region=overrides.region or detected.region,
                   year=overrides.year or detected.year)
    _, title_lines = find_title(blocks)
    body = blocks[: len(blocks) - signature_lines(blocks)]
    chunks = chunk_paragraphs(paragraphs(body, skip=title_lines), size, overlap)
    return Prepared(info, chunks, detected)


class Ingestor:
    def __init__(self, store: KnowledgeStore, chunk_size: int = 300, overlap: int = 1,
                 load: Callable[[Path], list[Block]] | None = None,
                 max_file_mb: float | None = None,
                 on_page: Callable[[Path, int, int], None] | None = None,
                 originals: Path | None = None, separate_process: bool = False):
        self.store = store
        # the app's uploads: files are read and chunked in a worker process (ingest.build)
        self._builder = Builder() if separate_process else None
        self.originals = originals  # when set, each stored file is copied to <doc_id><suffix>
        self.chunk_size = chunk_size
        self.overlap = overlap
        self.max_file_mb = max_file_mb  # larger files fail before they are read
        self._load = load  # a test's stand-in for load_document: path -> blocks
        self.on_page = on_page  # (file, pages done, pages) while a long file is read (OCR)

    def _load_document(self, path: Path) -> Loaded:
        from ingest.loaders import load_document

        if self._load is not None:
            return Loaded(self._load(path), "custom")
        on_page = self.on_page
        if on_page is None:
            return load_document(path, None)

        def progress(done: int, total: int) -> None:
            on_page(path, done, total)

        return load_document(path, progress)

    def ingest(self, paths: Iterable[Path], overrides: Overrides = Overrides(),
               on_file: Callable[[FileResult], None] | None = None,
               source_names: dict[Path, str] | None = None) -> list[FileResult]:
        removed = self.store.remove_incomplete()
        for doc in removed:
            logger.warning("Removed %s: its previous ingest was interrupted", doc.source)
        results = []
        for path in paths:
            name = (source_names or {}).get(path, path.name)
            result = self.ingest_file(path, overrides, source=name)
            results.append(result)
            if on_file:
                on_file(result)
        return results

    def ingest_file(self, path: Path, overrides: Overrides = Overrides(),
                    source: str | None = None) -> FileResult:
        """Ingest one file. A document is its source path and its content: the same path
        with new content replaces its previous version; another path with the same file
        name is another document (both kept); the same content from another path is a copy."""
        source = source or path.name
        loaded = None
        key = str(path.resolve())
        try:
            data = _read(path, self.max_file_mb)
            sha = hashlib.sha256(data).hexdigest()
            previous, same = self.store.find_document(key, source, sha)
            if previous is not None and previous.sha256 == sha and _same_overrides(previous, overrides):
                return FileResult(path, "unchanged", previous.chunks, document=previous)
            known_copy = self._known_duplicate(key, sha)
            if known_copy is not None:
                return FileResult(path, "unchanged", 0, error=f"same content as {_shown(known_copy)}",
                                  document=known_copy)
            if same is not None:
                self.store.record_duplicate(key, sha, same.doc_id)
                return FileResult(path, "duplicate", 0, error=f"same content as {_shown(same)}",
                                  document=same)
            built = self._build(Job(path, source, key, sha, overrides, self.chunk_size,
                                    self.overlap))
            loaded, prepared, doc = built.loaded, built.prepared, built.doc
            duplicate = self._duplicate_of(prepared, key)
            if duplicate is not None:
                self.store.record_duplicate(key, sha, duplicate.doc_id)
                return _result(path, "duplicate", 0, loaded, prepared, document=duplicate,
                               error=f"same content as {_shown(duplicate)}")
            self.store.add_document(doc, built.records, previous=previous.doc_id if previous else None,
                                    tokens=built.tokens)
            if self.originals is not None:
                _keep_original(data, self.originals / f"{doc.doc_id}{path.suffix.lower()}")
        except IngestError as e:  # the caller reports FileResult.error (CLI, UI): log quietly
            logger.info("%s", e)
            return _result(path, "failed", 0, loaded, None, error=str(e))
        except OSError as e:
            logger.info("%s: %s", path, e)
            return _result(path, "failed", 0, loaded, None,
                           error=f"{path.name}: {e.strerror or e}")
        return _result(path, "updated" if previous else "added", doc.chunks, loaded, prepared,
                       document=doc)

    def _build(self, job: Job) -> Built:
        if self._builder is not None and self._load is None and self.on_page is None \
                and self.store.tokenize is shared_tokenizer():
            return self._builder(job)
        return build(job, self._load_document)

    def close(self) -> None:
        """Stop the worker process, if one was started."""
        if self._builder is not None:
            self._builder.close()

    def _known_duplicate(self, key: str, sha: str) -> DocumentRecord | None:
        entry = self.store.duplicates().get(key)
        if not entry or entry.get("sha256") != sha:
            return None
        return next(iter(self.store.documents_of([entry.get("of", "")])), None)

    def _duplicate_of(self, prepared: Prepared, key: str) -> DocumentRecord | None:
        """A document from another path with (nearly) the same sentences: the same report in
        another format."""
        info = prepared.info
        mine = _sentence_set(c.text for c in prepared.chunks)
        if not mine:
            return None
        for doc, chunks in self.store.documents_like(info.region, info.year):
            theirs = _sentence_set(c.text for c in chunks)
            if doc.key != key and len(mine & theirs) >= DUPLICATE_OVERLAP * len(mine):
                return doc
        return None


def _result(path: Path, status: str, chunks: int, loaded: Loaded | None,
            prepared: Prepared | None, **kw) -> FileResult:
    result = FileResult(path, status, chunks, **kw)
    if loaded is not None:
        result.kind, result.pages = loaded.kind, loaded.pages
        result.ocr_pages = list(loaded.ocr_pages)
        result.unreadable_pages = list(loaded.unreadable_pages)
    if prepared is not None:
        result.info = prepared.detected
    return result


def _shown(doc: DocumentRecord) -> str:
    """How a document is named in messages: its file name (the path only in ``ingest list``)."""
    return doc.source


def _sentence_set(texts: Iterable[str]) -> set[str]:
    return {s.strip() for t in texts for line in t.split("\n") for s in split_sentences(line)
            if len(s.strip()) >= 8}


def _same_overrides(doc: DocumentRecord, overrides: Overrides) -> bool:
    return ((overrides.title is None or overrides.title == doc.title)
            and (overrides.region is None or overrides.region == doc.region)
            and (overrides.year is None or overrides.year == doc.year))


def _read(path: Path, max_mb: float | None = None) -> bytes:
    if not path.exists():
        raise IngestError(f"{path}: no such file")
    size = path.stat().st_size
    if max_mb is not None and size > max_mb * 2**20:
        raise IngestError(f"文件“{path.name}”有 {size / 2**20:.0f} MB，超过导入上限 {max_mb:g} MB，"
                          "未导入；请拆分文件，或提高上限（FAZHI_MAX_UPLOAD_MB，命令行 --max-file-mb）。")
    return path.read_bytes()


def _keep_original(data: bytes, target: Path) -> None:
    """A copy of an ingested file for viewing and download (its loss only costs the view)."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    except OSError as e:
        logger.warning("could not keep a copy of the original at %s: %s", target, e)
