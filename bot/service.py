"""Question → Answer: scope by region/year, hybrid retrieval, extractive answer, honest refusal.

``QAService.ask`` is the one entry point the CLI, the UI and evaluation share;
``as_runnable()`` exposes it as a LangChain Runnable.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from bot.answer import Answer, Citation
from bot.coverage import describe
from bot.extractive import Evidence, ExtractiveAnswerer, Term
from bot.query import Question, analyze
from bot.retriever import Hit, HybridSearch
from vectorstore.records import ChunkRecord, DocumentRecord
from vectorstore.store import KnowledgeStore

if TYPE_CHECKING:  # LangChain's runnables and the LLM client load only when used
    from langchain_core.runnables import Runnable

    from bot.llm import LLMAnswerer, LLMRewriter

logger = logging.getLogger(__name__)

History = Sequence[Sequence[str]]
MAX_CITATIONS = 3
SUPPORT_TRIES = 4  # evidence sentences tried, best first, for one that supports an answer
SUPPORT_MARGIN = 0.8  # ... while their score is at least this share of the best one


@dataclass(frozen=True)
class Scope:
    doc_ids: frozenset[str] | None
    refusal: str | None = None  # the question asks for something the KB does not hold


class QAService:
    def __init__(self, store: KnowledgeStore, search: HybridSearch, answerer: ExtractiveAnswerer,
                 today: dt.date | None = None, passages: int = 8,
                 llm: LLMAnswerer | None = None, rewriter: LLMRewriter | None = None):
        self.store = store
        self.search = search
        self.answerer = answerer
        self.today = today
        self.passages = passages
        self.llm = llm
        self.rewriter = rewriter

    # ---- public ---------------------------------------------------------------------
    def ask(self, question: str, history: History | None = None,
            doc_ids: Sequence[str] | None = None) -> Answer:
        answer, q = self._extractive(question, history, doc_ids)
        if self._wants_llm(answer, q):
            answer = self.llm.answer(answer.question, answer)
        return answer

    def ask_stream(self, question: str, history: History | None = None,
               doc_ids: Sequence[str] | None = None) -> Iterator[tuple[str, Answer | None]]:
        """For the UI: (partial text, None) while an LLM streams, then one (final, Answer)."""
        answer, q = self._extractive(question, history, doc_ids)
        if self._wants_llm(answer, q):
            yield from self.llm.stream_answer(answer.question, answer)
        else:
            yield answer.text, answer

    def _extractive(self, question: str, history: History | None,
                    doc_ids: Sequence[str] | None) -> tuple[Answer, Question | None]:
        with self.store.pinned():  # one snapshot of the store for the whole question
            return self._extractive_pinned(question, history, doc_ids)

    def _extractive_pinned(self, question: str, history: History | None,
                           doc_ids: Sequence[str] | None) -> tuple[Answer, Question | None]:
        question = (question or "").strip()
        if not question:
            return Answer("请输入问题。", found=False), None
        docs = self.documents(doc_ids)
        standalone = self.standalone(question, history or [], docs)
        if not docs:
            return Answer("知识库中还没有报告，请先导入报告。", found=False,
                          question=standalone), None
        q = self.analyze(standalone, docs)
        answer = self._answer(q, docs)
        answer.question = standalone
        return answer, q

    def _wants_llm(self, answer: Answer, q: Question | None) -> bool:
        # Refusals stay deterministic; a computed difference can never verify against a passage.
        return (self.llm is not None and answer.found and q is not None
                and not (q.is_comparison and (len(q.years) >= 2 or len(q.regions) >= 2)))

    def as_runnable(self) -> Runnable:
        """{"question": str, "history": [[q, a], ...]} → Answer."""
        from langchain_core.runnables import RunnableLambda

        return RunnableLambda(lambda x: self.ask(x["question"], x.get("history"),
                                                 x.get("doc_ids")))

    def retrieve(self, question: str, k: int = 5) -> list[Hit]:
        """Passages for a (standalone) question within its scope, best first: hybrid
        retrieval, then reranked by their best supporting sentence."""
        with self.store.pinned():
            return self._retrieve(question, k)

    def _retrieve(self, question: str, k: int) -> list[Hit]:
        docs = self.documents()
        q = self.analyze(question, docs)
        scope = self.scope(q, docs)
        hits = self._hits(q, scope.doc_ids, max(k, self.passages))
        ranked: list[Hit] = []
        for ev in self.answerer.evidence(q, hits, self.answerer.terms(q)):
            if ev.hit not in ranked:
                ranked.append(ev.hit)
        ranked += [h for h in hits if h not in ranked]
        return ranked[:k]

    def documents(self, doc_ids: Sequence[str] | None = None) -> list[DocumentRecord]:
        docs = self.store.documents()
        return [d for d in docs if doc_ids is None or d.doc_id in doc_ids]

    def coverage_text(self) -> str:
        return describe(self.store.documents())

    # ---- steps ----------------------------------------------------------------------
    def standalone(self, question: str, history: History,
                   docs: list[DocumentRecord] | None = None) -> str:
        from bot.followup import rewrite
        from bot.query import region_aliases

        docs = self.documents() if docs is None else docs
        regions = dict.fromkeys(d.region for d in docs if d.region)
        known = [a for r in regions for a in region_aliases(r)]
        rule_based = rewrite(question, history, known)
        if self.rewriter is not None and history:
            return self.rewriter.rewrite(question, history, rule_based)
        return rule_based

    def analyze(self, text: str, docs: list[DocumentRecord]) -> Question:
        snap = self.store.snapshot()
        return analyze(text, docs, self._today(), corpus_has=lambda s: _corpus_has(snap, s))

    def scope(self, q: Question, docs: list[DocumentRecord]) -> Scope:
        what = describe(docs)
        if q.unknown_regions and not q.regions:
            names = "、".join(q.unknown_regions)
            return Scope(None, f"知识库中没有{names}的报告。目前收录的报告：{what}。")
        chosen = [d for d in docs if not q.regions or d.region in q.regions]
        if q.years:
            in_years = [d for d in chosen if d.year in q.years]
            if not in_years and q.about_plans:
                # next year's plans are in this year's report ("2025年打算…" → the 2024 report)
                in_years = [d for d in chosen if d.year is not None and d.year + 1 in q.years]
            if not in_years:
                asked = "、".join(f"{y}年" for y in q.years)
                where = "、".join(q.region_mentions) if q.regions else ""
                return Scope(None, f"知识库中没有{where}{asked}的报告。目前收录的报告：{what}。")
            chosen = in_years
        if len(chosen) == len(docs):
            return Scope(None)
        return Scope(frozenset(d.doc_id for d in chosen))

    def _answer(self, q: Question, docs: list[DocumentRecord]) -> Answer:
        scope = self.scope(q, docs)
        if scope.refusal:
            return Answer(scope.refusal, found=False)
        if not q.is_comparison:
            premised = self._premised(q, scope)
            if premised is not None:
                return premised
        if q.is_comparison and (len(q.years) >= 2 or len(q.regions) >= 2):
            from bot.compare import compare

            result = compare(self, q, docs)
            if result is not None:
                return result
        terms = self.answerer.terms(q)
        if not terms:
            return self._refuse(q, docs)
        evidence = self._supported(q, self._evidence(q, scope.doc_ids, terms), terms)
        if evidence:
            return self._compose(q, evidence, terms)
        if scope.doc_ids is not None:
            elsewhere = self._supported(q, self._evidence(q, None, terms), terms)
            if elsewhere:
                return self._elsewhere(q, elsewhere[0])
        return self._refuse(q, docs)

    def _premised(self, q: Question, scope: Scope) -> Answer | None:
        """A question built on a figure ("为什么跌到了90%以下？"): the figure the report gives,
        with the premise corrected when it does not hold; None when there is no such premise
        or the figure is not found (the question is then answered as it stands)."""
        from bot.premise import contradicts, find_claim

        claim = find_claim(q.normalized)
        if claim is None:
            return None
        # the same regions and years as the question, so the same (already checked) scope
        sub = replace(q, normalized=f"{claim.subject}是多少", kind="numeric", asks=1,
                      units=(claim.figure.unit,), vector_text=claim.subject)
        terms = self.answerer.terms(sub)
        if not terms:
            return None
        evidence = self._supported(sub, self._evidence(sub, scope.doc_ids, terms), terms)
        if not evidence:
            return None
        answer = self._compose(sub, evidence, terms)
        actual = self.answerer.asked_figure(sub, evidence[0], terms)
        if actual is not None and contradicts(claim, actual):
            answer = replace(answer, text=f"报告中的数字是{actual.text}，并非问题所说的“{claim.text}”。\n"
                                          + answer.text)
        return answer

    def _supported(self, q: Question, evidence: list[Evidence], terms: list[Term]) -> list[Evidence]:
        """The evidence from the best sentence that supports an answer: the best-scored one
        may miss the asked word ("审结1590件" outscoring "听证审理案件43件" for 听证会) while a
        close second has it. Empty when none of the close ones does."""
        if not evidence:
            return []
        floor = SUPPORT_MARGIN * evidence[0].score
        for i, ev in enumerate(evidence[:SUPPORT_TRIES]):
            if ev.score < floor:
                break
            if self.answerer.supported(q, ev, terms):
                return evidence[i:]
        return []

    def _hits(self, q: Question, doc_ids: frozenset[str] | None, k: int) -> list[Hit]:
        text = q.search_text
        if doc_ids is not None:
            # the scope already holds the named region and years: as keywords they would only
            # favour passages that repeat the place name over the ones about the question
            text = q.without_places(text, years=True)
        return self.search.search(text, k, doc_ids, vector_text=q.vector_text)

    def _evidence(self, q: Question, doc_ids: frozenset[str] | None,
                  terms: list[Term]) -> list[Evidence]:
        return self.answerer.evidence(q, self._hits(q, doc_ids, self.passages), terms)

    def _compose(self, q: Question, evidence: list[Evidence], terms: list[Term]) -> Answer:
        best = evidence[0]
        chosen = [best]
        for ev in evidence[1:]:
            if len(chosen) >= MAX_CITATIONS:
                break
            if ev.chunk.id in {c.chunk.id for c in chosen}:
                continue
            if ev.score >= 0.8 * best.score and self.answerer.supported(q, ev, terms):
                chosen.append(ev)
        citations = [Citation.from_chunk(i + 1, ev.chunk, ev.sentence.strip())
                     for i, ev in enumerate(chosen)]
        lead = self.answerer.lead(q, best, terms, self._section_text(best) if q.kind == "list" else "")
        lines = [f"{lead}。" if lead and not lead.endswith("。") else lead] if lead else []
        lines.append(f"{_where(best.chunk)}：{best.sentence.strip()}[1]")
        for c in citations[1:]:
            lines.append(f"{_where(c)}：{c.quote}[{c.n}]")
        return Answer("\n".join(lines), found=True, citations=citations)

    def _section_text(self, ev: Evidence, follow: int = 3) -> str:
        """The evidence's chunk and the chunks after it in the same section (chunks hold
        ~300 characters; "一是…五是…" may run on into the next ones)."""
        snap = self.store.snapshot()
        i, chunk = ev.hit.index, ev.chunk
        if i >= len(snap.chunks) or snap.chunks[i].id != chunk.id:
            return chunk.text  # the store changed since the search
        text = chunk.text
        for nxt in snap.chunks[i + 1:i + 1 + follow]:
            if nxt.doc_id != chunk.doc_id or nxt.section != chunk.section:
                break
            # chunks repeat the previous one's last sentences: skip what is already there
            cuts = [m.end() for m in re.finditer(r"[。；！？]", nxt.text)]
            skip = max((c for c in cuts if nxt.text[:c] in text), default=0)
            text += "\n" + nxt.text[skip:]
        return text

    def _elsewhere(self, q: Question, ev: Evidence) -> Answer:
        asked = "、".join(q.region_mentions) + "、".join(f"{y}年" for y in q.years)
        cite = Citation.from_chunk(1, ev.chunk, ev.sentence.strip())
        text = (f"{asked}的报告中没有找到这一内容。"
                f"{_where(ev.chunk)}的报告中有：{ev.sentence.strip()}[1]")
        return Answer(text, found=False, citations=[cite])

    def _refuse(self, q: Question, docs: list[DocumentRecord]) -> Answer:
        return Answer(f"报告中没有找到与“{q.text}”相关的内容，无法回答。"
                      f"目前收录的报告：{describe(docs)}。", found=False)

    def _today(self) -> dt.date:
        return self.today or dt.date.today()


def _where(c: ChunkRecord | Citation) -> str:
    """'余杭区2021年', or the report's title when it has no year."""
    return f"{_short_region(c.region)}{c.year}年" if c.year else (c.title or c.source)


def _short_region(region: str | None) -> str:
    if not region:
        return ""
    from bot.query import region_aliases

    # the most specific place with its suffix: 杭州市余杭区 → 余杭区, 江北市司法局 → 江北市
    places = [a for a in region_aliases(region)[1:] if re.search(r"[省市区县旗州镇乡道]$", a)]
    return min(places, key=len) if places else region


def _corpus_has(snap, text: str) -> bool:  # noqa: ANN001
    return any(text in c.text for c in snap.chunks)


def build_service(settings, store: KnowledgeStore | None = None) -> QAService:  # noqa: ANN001
    from vectorstore.factory import open_store

    store = store or open_store(settings)
    search = HybridSearch(store, settings.candidates, settings.rrf_k, settings.bm25_weight,
                          settings.vector_weight)

    def idf(token: str) -> float | None:
        keyword = store.snapshot().keyword
        return keyword.idf(token) if token in keyword else None

    answerer = ExtractiveAnswerer(store.tokenize, idf)
    llm = rewriter = None
    if settings.llm_base_url or settings.llm_model:
        from bot.llm import LLMAnswerer, LLMRewriter, build_chat_model

        chat = build_chat_model(settings)
        if chat is not None:
            llm, rewriter = LLMAnswerer(chat), LLMRewriter(chat)
    return QAService(store, search, answerer, today=settings.today, llm=llm, rewriter=rewriter)


__all__ = ["QAService", "build_service"]
