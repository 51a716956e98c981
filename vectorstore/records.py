"""What the store holds: chunks with their document's metadata, and documents."""

from __future__ import annotations

from dataclasses import dataclass, field

SECTION_SEP = " > "


@dataclass(frozen=True)
class ChunkRecord:
    id: str
    text: str
    section: tuple[str, ...]
    page: int | None
    doc_id: str
    source: str
    title: str
    region: str | None
    year: int | None
    position: int = 0  # order within its document
    facts_json: str = field(default="", repr=False, compare=False)  # facts.facts_to_json

    def facts(self) -> list:
        """The chunk's facts (facts.Fact), parsed from ``facts_json`` on first use."""
        cached = self.__dict__.get("_facts")
        if cached is None:
            from facts.model import facts_from_json

            cached = facts_from_json(self.facts_json, self.text)
            object.__setattr__(self, "_facts", cached)
        return cached

    @property
    def section_path(self) -> str:
        return SECTION_SEP.join(self.section)

    @property
    def index_text(self) -> str:
        """What is embedded and keyword-indexed: the section path, then the text."""
        return f"{self.section_path}\n{self.text}" if self.section else self.text


@dataclass(frozen=True)
class DocumentRecord:
    doc_id: str
    source: str
    title: str
    region: str | None
    year: int | None
    sha256: str
    chunks: int
    ingested_at: str
    issuer: str | None = None  # the issuing body (杭州市余杭区人民政府, 司法部), when detected
    path: str = ""  # where it was ingested from (its identity with sha256); "" in old stores

    @property
    def key(self) -> str:
        """What makes two versions the same document: its source path (the bare file name
        for documents of stores written before paths were kept)."""
        return self.path or self.source


def chunk_id(doc_id: str, position: int) -> str:
    """A chunk's id: its document's id and its position, so ids alone tell the document."""
    return f"{doc_id}:{position:05d}"


def doc_id_of(chunk_id: str) -> str:
    return chunk_id.rpartition(":")[0]
