"""Topic brief: every passage on a topic, grouped by report → section in document order,
with the key figures of each passage and a citation for each.

A passage belongs to the brief only when the topic's words (or their synonyms, see
:func:`study.corpus.topic_terms`) occur in its text or its section path, so a brief on
行政复议 cites nothing that does not speak of 行政复议. Candidates are all passages of the
chosen reports: the filter is a plain substring test, so scanning them is both complete and
cheap (no embedding call), and the order is the reports' own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.answer import Citation
from study.corpus import (
    StudyError,
    chunk_sentences,
    mentions,
    select_documents,
    store_of,
    topic_terms,
)
from study.facts import Fact, key_facts
from vectorstore.records import SECTION_SEP, ChunkRecord, DocumentRecord

MAX_PASSAGES = 60
_SIGNATURE = re.compile(r"^(?:\S{2,30}(?:人民政府|委员会|办公室|司法局|领导小组)|"
                        r"\d{4}年\d{1,2}月\d{1,2}日|[二〇零一二三四五六七八九十]{4}年.{1,3}月.{1,4}日)$")


@dataclass(frozen=True)
class BriefPassage:
    chunk: ChunkRecord
    text: str  # as shown: the passage without text repeated from the passage before it
    facts: tuple[Fact, ...]
    citation: Citation  # n is the passage's number in the brief


@dataclass(frozen=True)
class BriefSection:
    heading: str  # the section path down to its second level; "" before the first heading
    passages: tuple[BriefPassage, ...]


@dataclass(frozen=True)
class BriefReport:
    document: DocumentRecord
    sections: tuple[BriefSection, ...]


@dataclass(frozen=True)
class Brief:
    topic: str
    terms: tuple[str, ...]  # the words a passage had to contain
    documents: tuple[DocumentRecord, ...]  # the reports searched
    reports: tuple[BriefReport, ...]  # the reports with passages on the topic
    omitted: int = 0  # passages left out beyond the maximum

    @property
    def passages(self) -> list[BriefPassage]:
        return [p for r in self.reports for s in r.sections for p in s.passages]


def build_brief(service_or_store, topic: str, reports: list[str] | None = None,  # noqa: ANN001
                years: list[int] | None = None, max_passages: int = MAX_PASSAGES) -> Brief:
    """The brief on ``topic`` from the chosen reports (all when none are named)."""
    topic = (topic or "").strip()
    if not topic:
        raise StudyError("请给出专题，例如“行政复议”“营商环境”“执法监督”。")
    store = store_of(service_or_store)
    documents = select_documents(store.documents(), reports, years)
    terms = topic_terms(topic)
    order = {d.doc_id: i for i, d in enumerate(documents)}
    chunks = sorted((c for c in store.chunks() if c.doc_id in order and mentions(c, terms)),
                    key=lambda c: (order[c.doc_id], c.position))
    omitted = 0
    if len(chunks) > max_passages:
        ranked = sorted(chunks, key=lambda c: -_weight(c, terms))[:max_passages]
        omitted = len(chunks) - len(ranked)
        keep = {c.id for c in ranked}
        chunks = [c for c in chunks if c.id in keep]

    out: list[BriefReport] = []
    n = 0
    for doc in documents:
        mine = [c for c in chunks if c.doc_id == doc.doc_id]
        if not mine:
            continue
        sections: list[tuple[str, list[BriefPassage]]] = []
        previous: ChunkRecord | None = None
        for chunk in mine:
            n += 1
            passage = _passage(n, chunk, previous, terms)
            previous = chunk
            heading = SECTION_SEP.join(chunk.section[:2])
            if not sections or sections[-1][0] != heading:
                sections.append((heading, []))
            sections[-1][1].append(passage)
        out.append(BriefReport(doc, tuple(BriefSection(h, tuple(ps)) for h, ps in sections)))
    return Brief(topic, terms, tuple(documents), tuple(out), omitted)


def _weight(chunk: ChunkRecord, terms: tuple[str, ...]) -> int:
    return sum(chunk.text.count(t) + 2 * (t in chunk.section_path) for t in terms)


def _passage(n: int, chunk: ChunkRecord, previous: ChunkRecord | None,
             terms: tuple[str, ...]) -> BriefPassage:
    lines = chunk.text.splitlines()
    while lines and _SIGNATURE.match(lines[-1].strip()):
        lines.pop()  # the report's closing signature and date, glued to its last passage
    text = "\n".join(lines).strip()
    if previous is not None and previous.position == chunk.position - 1:
        text = _without_overlap(text, previous.text)
    sentences = [s for s in chunk_sentences(chunk) if s.quote in text]
    # A passage filed under the topic is about it throughout; otherwise only the figures of
    # its sentences that name the topic are key figures.
    whole = any(t in chunk.section_path for t in terms)
    facts: list[Fact] = []
    seen: set[str] = set()
    for s in sentences:
        if not whole and not any(t in s.quote for t in terms):
            continue
        for fact in _row_facts(s.text):
            if str(fact) not in seen:
                seen.add(str(fact))
                facts.append(fact)
    quote = next((s.quote for s in sentences if any(t in s.quote for t in terms)), "")
    return BriefPassage(chunk, text or chunk.text, tuple(facts),
                        Citation.from_chunk(n, chunk, quote))


def _row_facts(line: str) -> list[Fact]:
    """Key facts of a sentence; in a table row ("行政复议案件：收到申请263件，受理236件") each
    label is prefixed with the row head ("行政复议案件·受理")."""
    found = key_facts(line)
    head, colon, _ = line.partition("：")
    if not colon or line.endswith(("。", "；", "！", "？")) or not 2 <= len(head) <= 12:
        return found
    return [f if not f.label or f.label.startswith(head) else replace(f, label=f"{head}·{f.label}")
            for f in found]


def _without_overlap(text: str, previous: str) -> str:
    """Drop the sentences a chunk repeats from the end of the chunk before it."""
    start = 0
    for s in (s.quote for s in _sentences_of(text)):
        i = text.find(s, start)
        if i < 0 or s not in previous:
            break
        start = i + len(s)
    return text[start:].strip() if start < len(text) else text


def _sentences_of(text: str):  # noqa: ANN202
    probe = ChunkRecord("", text, (), None, "", "", "", None, None)
    return chunk_sentences(probe)
