"""What study materials are made from: the reports in scope, topic matching, clean sentences."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.lexicon import expand, synonyms
from vectorstore.records import ChunkRecord, DocumentRecord
from zh.sentences import split_sentences


class StudyError(Exception):
    """A request study materials cannot be made for (the message says what to change)."""


def store_of(service_or_store):  # noqa: ANN001, ANN201
    """The KnowledgeStore behind a QAService, or the store itself."""
    return getattr(service_or_store, "store", service_or_store)


# ---- scope -----------------------------------------------------------------------------
def select_documents(documents: Sequence[DocumentRecord], reports: Iterable[str] | None = None,
                     years: Iterable[int] | None = None) -> list[DocumentRecord]:
    """Documents named by ``reports`` (file name, file name without extension, title, or a
    part of either) and of ``years``, in reading order (year, region, source).
    Raises StudyError when a name or year matches nothing."""
    docs = sorted(documents, key=lambda d: (d.year or 0, d.region or "", d.source))
    names = [r.strip() for r in reports or [] if r and r.strip()]
    if names:
        chosen = []
        for name in names:
            hits = [d for d in docs if _names_document(name, d)]
            if not hits:
                raise StudyError(f"没有找到报告“{name}”。知识库中的报告："
                                 + "；".join(d.source for d in docs))
            chosen.extend(hits)
        docs = [d for d in docs if d in chosen]
    wanted = sorted(set(years or []))
    if wanted:
        docs_in_years = [d for d in docs if d.year in wanted]
        if not docs_in_years:
            have = "、".join(sorted({f"{d.year}年" for d in docs if d.year}))
            raise StudyError(f"没有{'、'.join(f'{y}年' for y in wanted)}的报告。"
                             f"可选年份：{have or '无'}。")
        docs = docs_in_years
    return docs


def _names_document(name: str, doc: DocumentRecord) -> bool:
    stem = doc.source.rsplit(".", 1)[0]
    if name in (doc.source, stem, doc.title):
        return True
    return len(name) >= 2 and (name in doc.source or name in (doc.title or ""))


def short_region(region: str | None) -> str:
    """'杭州市余杭区' → '余杭区' (the most specific unit), as people say it."""
    if not region:
        return ""
    from bot.query import region_aliases

    aliases = region_aliases(region)
    return aliases[1] if len(aliases) > 1 else region


def context_label(chunk: ChunkRecord) -> str:
    """'2021年余杭区' — where and when a statement comes from."""
    year = f"{chunk.year}年" if chunk.year else ""
    return f"{year}{short_region(chunk.region)}" or (chunk.title or chunk.source)


# ---- topics ----------------------------------------------------------------------------
_TOPIC_SPLIT = re.compile(r"[\s,，、;；/|]+")


def topic_terms(topic: str) -> tuple[str, ...]:
    """The words whose presence makes a passage about ``topic``: the topic's own words, what
    the synonym table expands them to (复议 → 行政复议), and the table's short forms of the topic
    (行政复议 → 复议). Short forms are only taken when they are part of the topic, so that
    "合同=合法性审查" does not make every contract passage a 合法性审查 passage."""
    words = [w for w in _TOPIC_SPLIT.split(topic or "") if w]
    terms: list[str] = []
    for word in words:
        terms.append(word)
        for _phrase, added in expand(word):
            terms.extend(added)
        terms.extend(key for key, values in synonyms()
                     if word in values and key in word and len(key) >= 2)
    return tuple(dict.fromkeys(terms))


def mentions(chunk: ChunkRecord, terms: Sequence[str]) -> bool:
    """The passage text or its section path contains one of the terms."""
    return any(t in chunk.text or t in chunk.section_path for t in terms)


# ---- sentences -------------------------------------------------------------------------
_NUMBERING = re.compile(
    r"^\s*(?:\d{1,2}\s*[.．、](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[)）]|"
    r"[一二三四五六七八九十]{1,3}[、.．]|[一二三四五六七八九十]{1,3}是)\s*")
_END = "。！？；!?;"
_PAIRS = (("“", "”"), ("《", "》"), ("（", "）"), ("(", ")"), ("「", "」"), ("【", "】"))


@dataclass(frozen=True)
class Sentence:
    """A sentence of a passage: ``quote`` is verbatim in ``chunk.text``; ``text`` is the form
    shown to readers (list numbering such as "3." or "二是" trimmed, a closing ；made 。)."""

    text: str
    quote: str
    chunk: ChunkRecord
    index: int  # order within the chunk

    @property
    def key(self) -> tuple:
        """Reading order across the corpus."""
        c = self.chunk
        return (c.year or 0, c.region or "", c.source, c.position, self.index)


def trim_numbering(sentence: str) -> str:
    """'3.强化合法性审查。' → '强化合法性审查。'; '二是坚持学法用法。' → '坚持学法用法。'"""
    return _NUMBERING.sub("", sentence, count=1).strip()


def is_complete(text: str) -> bool:
    """Ends like a sentence and every quote, title mark and bracket is closed."""
    return bool(text) and text[-1] in _END and balanced(text)


def balanced(text: str) -> bool:
    return all(text.count(a) == text.count(b) for a, b in _PAIRS)


def is_heading(sentence: Sentence) -> bool:
    """The sentence is the heading of its own passage ("1.健全重大行政决策机制。")."""
    section = sentence.chunk.section
    return bool(section) and sentence.quote.strip().rstrip(_END) == section[-1].strip()


def chunk_sentences(chunk: ChunkRecord) -> list[Sentence]:
    """The passage's sentences line by line (table rows and signatures stay separate)."""
    out: list[Sentence] = []
    for line in chunk.text.splitlines():
        for raw in split_sentences(line):
            quote = raw.strip()
            if not quote:
                continue
            text = trim_numbering(quote)
            if text.endswith(("；", ";")):
                text = text[:-1] + "。"
            out.append(Sentence(text, quote, chunk, len(out)))
    return out


def corpus_sentences(chunks: Iterable[ChunkRecord]) -> list[Sentence]:
    """All sentences in reading order, each once: a sentence repeated by chunk overlap is
    kept in the first passage it appears in."""
    seen: set[tuple[str, str]] = set()
    out: list[Sentence] = []
    for chunk in sorted(chunks, key=lambda c: (c.year or 0, c.region or "", c.source,
                                                c.position)):
        for s in chunk_sentences(chunk):
            if (chunk.doc_id, s.quote) in seen:
                continue
            seen.add((chunk.doc_id, s.quote))
            out.append(s)
    return out


def in_quotes(text: str, pos: int) -> bool:
    """Position ``pos`` lies inside “…” or 《…》 (a name, slogan or title, not a statistic)."""
    before = text[:pos]
    return before.count("“") > before.count("”") or before.count("《") > before.count("》")
