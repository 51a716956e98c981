"""Sentence-aware chunking within sections.

Chunks never cross a section, never cut a sentence unless that one sentence is longer than
the limit, and overlap by whole sentences. Paragraph breaks inside a chunk are kept as "\\n".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby

from facts.table import CELL_SEP, is_table_title
from ingest.structure import Paragraph
from zh.sentences import split_clauses, split_sentences


@dataclass(frozen=True)
class TextChunk:
    text: str
    section: tuple[str, ...]
    page: int | None


@dataclass(frozen=True)
class _Unit:
    text: str
    para: int
    page: int | None


def _split_long(sentence: str, limit: int) -> list[str]:
    """Split an over-long sentence at clause marks, then hard-cut as a last resort."""
    pieces: list[str] = []
    current = ""
    for clause in split_clauses(sentence):
        while len(clause) > limit:
            if current:
                pieces.append(current)
                current = ""
            pieces.append(clause[:limit])
            clause = clause[limit:]
        if current and len(current) + len(clause) > limit:
            pieces.append(current)
            current = ""
        current += clause
    if current:
        pieces.append(current)
    return pieces


def _units(paragraphs: list[Paragraph], limit: int) -> list[_Unit]:
    units: list[_Unit] = []
    for i, para in enumerate(paragraphs):
        for sentence in split_sentences(para.text):
            pieces = [sentence] if len(sentence) <= limit else _split_long(sentence, limit)
            units.extend(_Unit(p, i, para.page) for p in pieces)
    return units


def _join(units: list[_Unit]) -> str:
    out = []
    for prev, unit in zip([None, *units], units, strict=False):
        if prev is not None and prev.para != unit.para:
            out.append("\n")
        out.append(unit.text)
    return "".join(out)


def _table_title(units: list[_Unit], start: int) -> str:
    """The title line of the table a chunk starting at ``units[start]`` goes on with ("" when the
    chunk does not start inside a table, or the line above the table is a sentence): a table cut
    across chunks keeps saying what its rows are of, as a printed table's 续表 does."""
    if start == 0 or CELL_SEP not in units[start].text or CELL_SEP not in units[start - 1].text:
        return ""
    at = start - 1
    while at >= 0 and CELL_SEP in units[at].text:
        at -= 1
    line = units[at].text.strip() if at >= 0 else ""
    return line if is_table_title(line) else ""


def chunk_section(paragraphs: list[Paragraph], size: int = 300, overlap: int = 1) -> list[TextChunk]:
    """Pack one section's sentences into chunks of about ``size`` characters."""
    units = _units(paragraphs, size)
    section = paragraphs[0].section if paragraphs else ()
    chunks: list[TextChunk] = []
    start = 0
    while start < len(units):
        end = start
        length = 0
        while end < len(units) and (end == start or length + len(units[end].text) <= size):
            length += len(units[end].text)
            end += 1
        title = _table_title(units, start)
        text = _join(units[start:end])
        chunks.append(TextChunk(f"{title}\n{text}" if title else text, section, units[start].page))
        if end >= len(units):
            break
        # Overlap by whole sentences, but always move forward.
        start = max(end - overlap, start + 1)
    return chunks


def chunk_paragraphs(paragraphs: Iterable[Paragraph], size: int = 300,
                     overlap: int = 1) -> list[TextChunk]:
    """Chunk a document's paragraphs, section by section, in document order."""
    chunks: list[TextChunk] = []
    for _, group in groupby(paragraphs, key=lambda p: p.section):
        chunks.extend(chunk_section(list(group), size, overlap))
    return chunks
