"""Question → Answer: scope by region/year, hybrid retrieval, extractive answer, honest refusal.

``QAService.ask`` is the one entry point the CLI, the UI and evaluation share;
``as_runnable()`` exposes it as a LangChain Runnable.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from bot.answer import Answer, Citation
from bot.binding import BOUND, fact_phrase, pair_partner
from bot.coverage import describe
from bot.extractive import (
    OVER_YEARS_ASKED,
    Evidence,
    ExtractiveAnswerer,
    Term,
    as_figure,
    asks_change,
    asks_name,
    clause_of,
    coverage,
    occurs,
    rate_of_a_rate,
    said_over_years,
    titles_in,
    whole_of_asks,
    whole_sentence,
)
from bot.figures import unsigned
from bot.gate import GATE_FILE, SECOND_LOOK_FILE, SECOND_LOOK_SIGNAL, Gate, evidence_signals, load_gate
from bot.limits import ChatLimits, lenient_history
from bot.periods import Months, asked_period, context_period, period_of
from bot.premise import change_claims
from bot.query import (
    Question,
    analyze,
    in_a_list,
    is_government,
    issuer_body,
    names_a_place,
    names_body,
    place_level,
    reads_as_a_name,
    region_aliases,
    sub_unit,
    sub_unit_place,
)
from bot.retriever import Hit, HybridSearch
from facts import Fact, chunk_facts
from facts.sentence import is_verb, without_enumerator
from vectorstore.records import ChunkRecord, DocumentRecord
from vectorstore.store import KnowledgeStore
from zh.dates import YEAR_WORD_RE
from zh.numerals import UNIT_CHARS, normalize_numerals
from zh.places import unit_rank
from zh.words import BODY_KIND, EACH_PLACE_LEAD, EACH_PLACE_LEAD_AT, WHOLE_OF_PLACE, WHY_ASK

if TYPE_CHECKING:  # LangChain's runnables and the LLM client load only when used
    from langchain_core.runnables import Runnable

    from bot.frame import Ask, Frame
    from bot.llm import LLMAnswerer, LLMRewriter

logger = logging.getLogger(__name__)

# "荏原市的报告里", "省政府报告中": the report a question names as its source
_REPORT_OF = re.compile(r"([\u4e00-\u9fa5]{1,14}?)(?:的|发布的)?(?:年度|工作)?报告"
                        r"(?:的?(?:附表|附件|表格|统计表)\d?)?(?:里面|当中|里|中|上)")
# "省报告附表里…", "市政府的报告中…": the report of the one higher place of that level
_LEVEL_SOURCE = re.compile(r"(?:^|[在按据从])([省市县区])(?:人民)?(?:政府)?$")

History = Sequence[Sequence[str]]
MAX_CITATIONS = 3
SUPPORT_TRIES = 4  # evidence sentences tried, best first, for one that supports an answer
SUPPORT_MARGIN = 0.8  # ... while their score is at least this share of the best one
# A concept described this clearly (its share of the question's weight, bot.concepts) is asked
# even when looser words found another sentence: fitted on dev — 0.42–0.79 were right, 0.27–0.28 wrong
CLEAR_CONCEPT = 0.3
# … and at least this share for the concept's official name to bind the figure in a sentence that
# names it among others (on the dev sets, at 0.6 and above: 8 more right, none lost; below: 18 more
# right but 10 lost, 7 of them wrong figures — the whole bound instead of the asked part or stage)
MOSTLY_DESCRIBED = 0.6
_NAMING_WEIGHT = 1.5  # a question word rare enough to say what is asked (医疗, not 全年)
# … rare enough in the genre at large (bot/background.py): held by under one chunk in twelve (医疗 3.8, 问题 2.0)
_GENRE_NAMING = 2.5
_HOW_MANY = re.compile(r"^(?:多少|几)")
_LATIN_WORD = re.compile(r"[A-Za-z]{3}")
# a year said again by reference ("同一年", "那一年"): the turn before's, as said
_YEAR_SAID = re.compile(r"同一年|同年|当年|那一年|这一年|那年|这年|该年|上一年|前一年|后一年|下一年|次年|"
                        r"上年|去年|前年|今年|本年")


@dataclass(frozen=True)
class Scope:
    doc_ids: frozenset[str] | None
    refusal: str | None = None  # the question asks for something the KB does not hold
    # no report of the asked year: the place's reports of the nearest year (labelled as such)
    nearest: frozenset[str] | None = None


def _sub_unit_of(d: DocumentRecord, regions: Sequence[str]) -> bool:
    """A report of a body's sub-unit named by a part of its place that is one of ``regions``
    (灔州市公安局灒川分局's for 灔州市灒川区)."""
    if not d.region or not (place := sub_unit_place(d)):
        return False
    return any(r != d.region and r.startswith(d.region) and r[len(d.region):].startswith(place) for r in regions)


class QAService:
    def __init__(self, store: KnowledgeStore, search: HybridSearch, answerer: ExtractiveAnswerer,
                 today: dt.date | None = None, passages: int = 8,
                 llm: LLMAnswerer | None = None, rewriter: LLMRewriter | None = None,
                 limits: ChatLimits | None = None, gate: Gate | None = None,
                 second_look: Gate | None = None):
        self.limits = limits or ChatLimits()
        self.gate = gate  # None: every numeric answer stands (bot/gate.py)
        self.second_look = second_look  # None: a sentence the support check turns down is only related
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
        if self.llm is not None and self._wants_llm(answer, q):
            answer = self.llm.answer(answer.question, answer)
        return answer

    def ask_stream(self, question: str, history: History | None = None,
               doc_ids: Sequence[str] | None = None) -> Iterator[tuple[str, Answer | None]]:
        """For the UI: (partial text, None) while an LLM streams, then one (final, Answer)."""
        answer, q = self._extractive(question, history, doc_ids)
        if self.llm is not None and self._wants_llm(answer, q):
            yield from self.llm.stream_answer(answer.question, answer)
        else:
            yield answer.text, answer

    def _extractive(self, question: str, history: History | None,
                    doc_ids: Sequence[str] | None) -> tuple[Answer, Question | None]:
        with self.store.pinned():  # one snapshot of the store for the whole question
            return self._extractive_pinned(question, history, doc_ids)

    def _extractive_pinned(self, question: str, history: History | None,
                           doc_ids: Sequence[str] | None) -> tuple[Answer, Question | None]:
        question = (question if isinstance(question, str) else "").strip()
        if not question:
            return Answer("请输入问题。", found=False), None
        if len(question) > self.limits.max_question_chars:
            return Answer(f"问题过长：{len(question)}字，上限为{self.limits.max_question_chars}字。"
                          "请精简问题后重试。", found=False), None
        docs = self.documents(doc_ids)
        frame = self.frame(question, self.limits.recent(lenient_history(history)), docs)
        if not docs:
            return Answer("知识库中还没有报告，请先导入报告。", found=False,
                          question=frame.text), None
        q = self.analyze(frame.text, docs, frame)
        answer = self._answer(q, docs)
        if not answer.found and history \
                and (moved := self._year_of_another_place(frame, q.regions, question, docs)) is not None:
            # the year was only carried to a place with no report of it, and no later report's table
            # gave it: the place's own reports, each answer naming its year
            q_moved = self.analyze(moved.text, docs, moved)
            if (moved_answer := self._answer(q_moved, docs)).found:
                frame, q, answer = moved, q_moved, moved_answer
        if len(frame.asks) > 1 and not frame.comparison and (frame.lang == "en" or not answer.found):
            answer = self._by_ask(q, docs) or answer
        elif answer.found and (shown := _headline_figures(answer)) < len(frame.figure_asks) + _vague_shares(frame):
            # "处罚案件和复议申请同比各变了多少": the asks' figures stand in several sentences —
            # ask by ask, when that answers more of them
            by_ask = self._by_ask(q, docs)
            if by_ask is not None and _headline_figures(by_ask) > shown:
                answer = by_ask
            elif by_ask is None and _parts_of_a_whole(frame.asks):
                # "…投诉举报里，投诉和举报各有多少件" where no part has a figure of its own: the one
                # figure found is their whole's — shown as related, not as the parts'
                rest = answer.text.partition("\n")[2]
                answer = Answer(f"报告中没有分别给出所问各部分的数字。可能相关的内容：\n{rest}", found=False,
                                citations=answer.citations)
        answer.question = frame.text
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
        return self.frame(question, history, docs).text

    def frame(self, question: str, history: History,
              docs: list[DocumentRecord] | None = None) -> Frame:
        """The question's frame: a follow-up's slots merged with the conversation's (each
        turn parsed once); an LLM rewrite, when configured, is parsed like any question."""
        from bot.conversation import conversation
        from bot.frame import parse
        from bot.query import short_rows

        docs = self.documents() if docs is None else docs
        known = _region_words(docs)
        # places of a table of places said without 县 ("比芩溪多多少件"): places too
        # (and those of the earlier turns: "其中荛溪镇有多少件？" then "那里的调解成功率呢？")
        places = table_places(self.store.snapshot())
        for text in [*(turn[0] for turn in history if turn), question]:
            known += [said for said, _ in short_rows(text, places) if said not in known]
        if _LATIN_WORD.search(question):  # "Haoshui County": a table's row in pinyin, or a place the
            # reports name in prose ("其中，…涑阳区564件")
            known += [p for p in sorted(places | prose_places(self.store.snapshot())) if p not in known]
            # (a village's or a community's name said bare, "Meitang Village": 渼塘 of 渼塘村)
            known += [bare for p in sorted(places) if (bare := re.sub(r"(?<=..)(?:村|社区)$", "", p)) != p
                      and bare not in known]
            # (the part of the place a sub-unit's report is named by: "the Xujiang sub-bureau", 潊江分局)
            known += [p for d in docs if (p := sub_unit_place(d)) and p not in known]
        frame = conversation(history, question, known, self._today())[-1]
        if history and frame.regions:
            frame = self._body_of_another_place(frame, question, docs, known)
        if self.rewriter is not None and history:
            text = self.rewriter.rewrite(question, history, frame.text)
            if text != frame.text:
                frame = parse(text, known, self._today(), typed=question)
        return frame

    def _body_of_another_place(self, frame: Frame, typed: str, docs: list[DocumentRecord],
                               known: list[str]) -> Frame:
        """"泐水县同一年呢？" after "潲阳市自然资源和规划局…": the follow-up moves to a place with no
        report of that department — the place's own reports are asked, the body the user did not
        say again is dropped (a body the follow-up names stays)."""
        from bot.frame import parse

        q = self.analyze(frame.text, docs, frame)
        body = q.department
        if not body or re.search(BODY_KIND, typed) or not q.regions or body not in frame.text:
            return frame  # (a body the follow-up names itself stays)
        if any(names_body(body, issuer_body(d)) for d in docs if d.region in q.regions):
            return frame
        if self._rows_elsewhere(q, docs, [d for d in docs if d.region in q.regions]):
            return frame  # (the department's report of a higher place has the new place's row)
        text = frame.text.replace(body, "", 1)
        return parse(text, known, self._today(), typed=typed)

    def _year_of_another_place(self, frame: Frame, regions: Sequence[str], typed: str,
                               docs: list[DocumentRecord]) -> Frame | None:
        """"那濑湖开发区管委会…有多少件？" after "溠溪区2024年…": a follow-up naming a place, the year
        only carried from the turn before, and the place (``regions``: the frame's, in the knowledge
        base's terms) has no report of it — the frame without the year (None when that is not so); a
        year the follow-up says itself ("同一年", "2024年") stays."""
        from bot.frame import parse

        if not frame.years or YEAR_WORD_RE.search(typed) or _YEAR_SAID.search(typed):
            return None
        known = _region_words(docs)
        said = parse(typed, known, self._today())
        if said.years or not said.regions:
            return None
        places = [d for d in docs if d.region in regions]
        if not places or any(d.year in frame.years for d in places):
            return None
        text = YEAR_WORD_RE.sub("", frame.text)
        return parse(text, known, self._today(), typed=typed) if text != frame.text else None

    def analyze(self, text: str, docs: list[DocumentRecord], frame: Frame | None = None) -> Question:
        """``text`` in the knowledge base's terms (``frame``: its frame, when already parsed)."""
        snap = self.store.snapshot()
        return analyze(text, docs, self._today(), corpus_has=lambda s: _corpus_has(snap, s), frame=frame,
                       table_places=table_places(snap), part_bodies=part_bodies(snap))

    def _rows_elsewhere(self, q: Question, docs: list[DocumentRecord],
                        chosen: list[DocumentRecord]) -> list[DocumentRecord]:
        """Reports of the department ``q`` names issued for another place (a province's 市场监管局)
        that give the asked place a row of a table: what the department says of that place."""
        others = {d.doc_id: d for d in docs if d not in chosen and d.region not in q.regions
                  and _names_issuer(q.department, d) and (not q.years or d.year in q.years)}
        if not others:
            return []
        snap = self.store.snapshot()
        found = set().union(*(_rows_of(snap, set(others), m) for m in q.region_mentions if len(m) >= 2))
        return [others[i] for i in others if i in found]

    def scope(self, q: Question, docs: list[DocumentRecord]) -> Scope:
        if q.unknown_regions and not q.regions:
            names = "、".join(q.unknown_regions)
            return Scope(None, f"知识库中没有{names}的报告。目前收录的报告：{describe(docs)}。")
        # (a sub-unit named by a place asked — 灔州市公安局灒川分局 for 灔州市灒川区 — is that place's
        # body, as its 税务局 is)
        chosen = [d for d in docs if not q.regions or d.region in q.regions or _sub_unit_of(d, q.regions)]
        if not q.department and any(not sub_unit(d) for d in chosen):
            # "潄川…": not its 潊江分局's figures
            chosen = [d for d in chosen if not sub_unit(d) or _sub_unit_of(d, q.regions)]
        if q.government and q.regions:  # "潅阳市政府…的统计中": not its court's; none: no department's either
            chosen = [d for d in chosen if is_government(issuer_body(d))]
            if not chosen:
                return Scope(None, f"知识库中没有{q.government}的报告。目前收录的报告：{describe(docs)}。")
        its = [d for d in chosen if _names_issuer(q.department, d)] if q.department and not q.regions else []
        if its and (not q.years or any(d.year in q.years for d in its)):
            chosen = its  # "法院统计的…" of no place: its reports (of the asked year: else a report on it)
        if q.department and q.regions:
            own = any(_names_issuer(q.department, d) for d in chosen)
            chosen = _of_department(chosen, q.department)
            if not own:  # "澥州市市场监管部门…": the body's report of a larger place, with a row for it
                chosen += self._rows_elsewhere(q, docs, chosen)
            if not chosen:
                where = "、".join(q.region_mentions)
                return Scope(None, f"知识库中没有{where}{q.department}的报告。目前收录的报告：{describe(docs)}。")
        if q.years:
            in_years = [d for d in chosen if d.year in q.years]
            if not in_years and q.about_plans:
                # next year's plans are in this year's report ("2025年打算…" → the 2024 report)
                in_years = [d for d in chosen if d.year is not None and d.year + 1 in q.years]
            if not in_years:
                asked = "、".join(f"{y}年" for y in q.years)
                where = "、".join(q.region_mentions) if q.regions else ""
                if q.department and q.regions:  # "蔊城市司法局…2023年": the department has none, not the city
                    where += q.department
                distance = {d.doc_id: min(abs(d.year - y) for y in q.years)
                            for d in chosen if d.year is not None}
                near = min(distance.values(), default=None)
                nearest = frozenset(i for i, gap in distance.items() if gap == near)
                return Scope(None, f"知识库中没有{where}{asked}的报告。目前收录的报告："
                                   f"{describe(docs)}。",
                             nearest or None)
            chosen = in_years
        if q.source_genre:  # "2026年政府工作报告中…": that kind of report, when the scope holds one among others
            titled = [d for d in chosen if q.source_genre in d.title]
            chosen = titled if titled else chosen
        if len(chosen) == len(self.store.documents()):
            return Scope(None)  # every report: no filter needed
        return Scope(frozenset(d.doc_id for d in chosen))

    def _answer(self, q: Question, docs: list[DocumentRecord]) -> Answer:
        sourced = self._in_named_report(q, docs)
        if sourced is not None:  # "荼南省报告里荼阳市2024年…": that report's row or sentences on 荼阳市
            q = sourced
        scope = self.scope(q, docs)
        if scope.refusal and q.unknown_regions and not q.regions:
            return Answer(scope.refusal, found=False)  # a place with no report: nobody's figure answers
        # (no region asked: level 9, no place below it)
        level = min((place_level(r) for r in q.regions), default=9)
        towns = [u for u in q.unknown_regions if level < place_level(u) < 9 and (
            names_a_place(u) or place_level(u) >= 3 and reads_as_a_name(u))]  # ("哪个设区市": no name)
        if towns:  # "荛川县荛北镇…", "荭州市荭湖区…": the county's figure is not the town's
            names = "、".join(towns)
            return Answer(f"{'、'.join(q.region_mentions)}的报告中没有提到{names}，无法回答{names}的情况。"
                          f"目前收录的报告：{describe(docs)}。", found=False)
        if scope.refusal:
            # no report of the asked year: a later report's table may still state it, a higher
            # level's report of that year may have a row for the place, or the nearest year's
            # report says what it was then
            terms = self.answerer.terms(q)
            if q.is_comparison and len(q.years) >= 2:
                # "2024年比2023年高多少" with no report of either year: a later report's rows of both years
                from bot.compare import compare

                compared = compare(self, q, docs)
                if compared is not None and compared.found:
                    return compared
            stated = self._stated_elsewhere(q, docs, terms, second_look=True)
            if stated is not None:
                return stated
            rowed = self.as_a_row(q, docs)
            if rowed is not None:  # "苡宁市2024年…": a row of the province's 2024 table of its cities
                return self._answer(rowed, docs)
            nearest = self._nearest_year(q, scope, terms) if scope.nearest else None
            return nearest if nearest is not None else Answer(scope.refusal, found=False)
        from bot.superlative import superlative

        top = superlative(self, q, docs)  # "哪个县区…败诉率最高": a table of places' column
        if top is not None:
            return top
        if not q.is_comparison:
            from bot.compare_bodies import compare_bodies

            bodies = compare_bodies(self, q, docs)  # "住建局跟教育局…哪个多": never one side alone
            if bodies is not None:
                return bodies
            premised = self._premised(q, scope)
            if premised is not None:
                return premised
        if q.kind == "numeric" or q.is_comparison:
            from bot.compare_bodies import compare_periods, compare_things

            # "复议申请和诉讼案件，哪个降得更多"; "第四季度比第一季度多受理了多少件" (a table's columns)
            things = compare_things(self, q, docs) or compare_periods(self, q, docs)
            if things is not None:
                return things
            from bot.share_of import share_of_places

            of_whole = share_of_places(self, q, docs)  # "全市…里，蔹溪区的占百分之几": two counts' share
            if of_whole is not None:
                return of_whole
        from bot.year_range import asks_which_year, year_range

        if len(q.years) >= 2 or not q.years and asks_which_year(q.normalized):
            ranged = year_range(self, q, docs)  # "2023年到2025年…怎么变化", "哪一年最多"
            if ranged is not None:
                return ranged
        from bot.why_changed import premise_direction, stated_change

        if q.kind == "descriptive" and not q.is_comparison and premise_direction(q.normalized) is not None:
            # "为什么比上一年增加了": first, did it — the change the report states, when it went the other way
            corrected = stated_change(self, q, docs, only_contradicted=True)
            if corrected is not None:
                return corrected
        if q.is_comparison and (len(q.years) >= 2 or len(q.regions) >= 2 or len(q.tabled_places) >= 2
                                or q.frame is not None and len(q.frame.regions) >= 2):  # rows of a table
            from bot.compare import compare

            result = self._stated_yoy(q, docs) or compare(self, q, docs)
            if result is not None and not result.found:
                # "比上年多了多少" with no report of the year before: the change the report states
                result = self._stated_yoy(q, docs, earlier_absent=True) or result
            if result is not None and not result.found and len(q.years) == 2:
                # "…比上年增加了7.2%，具体有多少万件？" / "…多了25%，是什么原因？": the change is the
                # question's premise, not its ask — the asked year's own answer, the premise checked
                result = self._premise_of_change(q, docs) or result
            if result is not None and not result.found and premise_direction(q.normalized) is not None:
                # "…信访为什么增加了？" with no figure of the year before: the change the report states
                result = stated_change(self, q, docs) or result
            if result is not None:
                return result
            result = stated_change(self, q, docs)
            if result is not None:
                return result
        later = self._later_year_missing(q, docs)
        if later is not None:
            return later
        terms = self.answerer.terms(q)
        if not terms:
            return self._refuse(q, docs)
        evidence = self._governments_first(q, scope, docs, terms) or self.supported_evidence(q, scope.doc_ids, terms)
        governments = self._governments_elsewhere(q, scope, docs) if evidence else []
        if governments:
            # the place's government has no report of the year: its next report's statement of that
            # year (a 上年 column, "较上年的…") before a department's report of it ("局机关…")
            stated = self._stated_elsewhere(q, governments, terms)
            if stated is not None:
                return stated
        meant, share = self._by_meaning(q)
        if meant is None and not evidence:
            around = self._named_and_described(q, scope, terms)
            if around is not None:
                return around
        if meant is not None:  # "打不起官司的人免费派律师": 法律援助, described, not named
            meant_terms = _describing(self.answerer.terms(meant), meant)
            official = [t for _, named in meant.synonyms[:1] for t in named]
            # a clearly described concept's sentence beats one that only shares loose words with
            # the description ("在社区里服刑的人": 社区矫正对象, not 刑满释放人员)
            # — never a sentence that says every word the question says itself ("全市各级人民调解组织调处
            # 矛盾纠纷5.84万件" is what is asked, whatever concept its words also describe)
            named = bool(evidence) and any(t in evidence[0].sentence for t in official)
            replaced = not evidence or share >= CLEAR_CONCEPT and not named \
                and evidence[0].features.get("coverage", 0.0) < 1.0
            # … and a question that is mostly the description of one concept, whose sentence names it
            # among other figures ("败诉率为5.3%，行政机关负责人出庭应诉率为98.1%" for "一把手亲自上法庭的
            # 比例"): the concept's figure, bound by its official name. (A concept described in less of
            # the question is often the whole of what is asked — 医疗纠纷 for "…跟医院闹起来的，靠调解
            # 委员会谈妥了几起" — whose other words name the part.)
            rebound = named and share >= MOSTLY_DESCRIBED and q.kind == "numeric"
            if replaced or rebound:
                described = self.supported_evidence(meant, scope.doc_ids, meant_terms)
                if described and not evidence and share < CLEAR_CONCEPT \
                        and _rare_words_left(self.answerer.terms(meant), meant, described[0].sentence):
                    # a concept described in a small part of the question ("把被骗的钱退还给了受害群众":
                    # 挽回损失) whose sentence says none of the question's rare words beside it (警方,
                    # 诈骗): another thing's loss recovered — 法律援助's, not the police's
                    described = []
                if described and (described[0].sentence == evidence[0].sentence if rebound else (
                        not evidence or any(t in described[0].sentence for t in official)
                        and described[0].sentence != evidence[0].sentence)):
                    return self._compose(meant, described, meant_terms)
        if evidence:
            return self._compose(q, evidence, terms)
        from bot.month_sum import month_sum

        summed = month_sum(self, q, docs)  # "第二季度一共罚款多少" of a table's rows 4月、5月、6月
        if summed is not None:
            return summed
        stated = self._stated_elsewhere(q, docs, terms)
        if stated is not None:
            return stated
        none = self._stated_none(q, scope, terms)
        if none is not None:  # "到底输了几场" where the report says 未发生败诉案件
            return none
        if scope.doc_ids is not None:
            elsewhere = self.supported_evidence(q, None, terms)
            if elsewhere and (elsewhere[0].chunk.doc_id in scope.doc_ids
                              or _names_a_lower_place(q, elsewhere[0])
                              or _of_the_department(q, elsewhere[0])
                              or _sub_unit_for(q, elsewhere[0], docs)
                              or _government_of_field(q, elsewhere[0], docs)
                              or _town_in_government(q, elsewhere[0], docs)):
                # found by the wider search in the asked report itself (the place's name
                # among the keywords ranked it higher): an answer, not "elsewhere";
                # or a higher level's report names the asked place
                # ("杉浦市生态环境局…入选…" in the province's report): it is about that
                # place — an answer, cited as that report
                return self._compose(q, elsewhere, terms)
            if elsewhere:
                return self._elsewhere(q, elsewhere[0])
        # its figure, on a second look; or what the reports in scope say nearest to it, as related
        # material (found=false) — not "nothing related"
        nearest = self._nearest_passage(q, scope.doc_ids, terms)
        if nearest is not None and nearest.found:
            return nearest
        if nearest is not None and scope.doc_ids is not None:  # (the asked reports: before _refuse's notes)
            return _with_reports(nearest, docs)
        return self._refuse(q, docs, nearest)

    def _later_year_missing(self, q: Question, docs: list[DocumentRecord]) -> Answer | None:
        """A change asked between two years ("今年比去年压减了多少" asked in 2026) that no comparison
        answered, when no report of the place is of the later year: no report states that change (the
        2025 report's change on 2024 is another year's) — said so, instead of another year's figure."""
        if len(q.years) < 2 or q.about_plans or not asks_change(q.normalized):
            return None
        chosen = [d for d in docs if not q.regions or d.region in q.regions]
        if any(d.year is not None and d.year >= max(q.years) for d in chosen):
            return None
        where = "、".join(q.region_mentions) if q.regions else ""
        return Answer(f"知识库中没有{where}{max(q.years)}年的报告，无法回答{max(q.years)}年的变化。"
                      f"目前收录的报告：{describe(docs)}。", found=False)

    def _nearest_passage(self, q: Question, doc_ids: frozenset[str] | None, terms: list[Term]) -> Answer | None:
        """The asked report's best sentence as related material (found=false), when it says
        enough of the question ("打官司的人…" of a 法律援助 sentence whose words the question
        paraphrases) — and, for a figure asked, holds one of the asked kind."""
        evidence = self._evidence(q, doc_ids, terms)
        best = evidence[0] if evidence else None
        if best is None or q.kind == "numeric" and not best.figures:
            return None
        looked = self._second_look(q, evidence, terms)
        if looked is not None:
            return looked
        return self._related(best) if best.features.get("coverage", 0.0) >= RELATED_COVERAGE else None

    def _second_look(self, q: Question, evidence: list[Evidence], terms: list[Term]) -> Answer | None:
        """The best sentence's best bound figure, when the support check turned the sentence down
        (a weak binding, too little of the question's wording: "政府那边输的比例" of 败诉率) and the
        second-look model (bot/second_look.py) is sure enough of it; None otherwise."""
        if self.second_look is None or q.kind != "numeric" or self.answerer.vetoed(q, evidence[0], terms):
            return None  # (学科类 is never answered by 非学科类: a veto, not a weak score)
        best = evidence[0]
        if best.features.get("unbroken_part") and best.bindings:
            # a part asked that the sentence names without its figure ("交通事故警情" of "接报警情48.6万起…其余为…
            # 交通事故…等各类警情"): an asked word the sentence says, and not of the bound figure
            fact = best.bindings[0].fact
            own = normalize_numerals(f"{fact.topic} {fact_phrase(fact)}").lower()
            said = normalize_numerals(best.sentence).lower()
            if any(len(t.text) >= 2 and occurs(t, said) and t.text not in own for t in terms):
                return None
        candidate = self._compose(q, evidence, terms, gate=False, floor=-float("inf"))
        if not candidate.found or not candidate.signals or candidate.signals.get("guessed"):
            return None  # no figure bound to the ask (every fact vetoed): none is guessed either
        p = self.second_look.probability(candidate.signals)
        if p < self.second_look.threshold:
            return None
        return replace(candidate, signals={**candidate.signals, SECOND_LOOK_SIGNAL: p})

    def _premise_of_change(self, q: Question, docs: list[DocumentRecord]) -> Answer | None:
        """A change the question states as its premise ("比上年增加了7.2%，具体有多少万件？"),
        when no figure of the year before compares: the question asked without it, and the
        change the cited sentence states the other way said first ("注意：报告中是下降7.2%…")."""
        claims = change_claims(q.normalized)
        if not claims:
            return None
        text = q.normalized
        for claim in claims:
            text = text.replace(claim.said, "", 1)
        answer = self._answer(self.analyze(text, docs), docs)
        if not answer.found or not answer.citations:
            return None
        notes = "".join(_wrong_changes(q, answer.citations[0].quote))
        first, _, rest = answer.text.partition("\n")
        return replace(answer, text="\n".join(p for p in (first + notes, rest) if p))

    def _stated_none(self, q: Question, scope: Scope, terms: list[Term]) -> Answer | None:
        """A count asked of something the asked report says did not happen ("未发生败诉案件",
        "未发生较大及以上生产安全事故"): that statement, not a refusal; None otherwise. The
        rarest thing asked (or its word-table terms) must stand in the negated phrase, the next
        rarest in its sentence."""
        if q.kind != "numeric" or not terms or q.about_plans:  # (a plan is never "did not happen")
            return None
        groups: dict[str, list[Term]] = {}
        for t in terms:
            groups.setdefault(t.group, []).append(t)
        rare = sorted(groups.values(), key=lambda g: -max(t.weight for t in g))[:2]
        for ev in self._evidence(q, scope.doc_ids, terms)[:8]:
            whole = normalize_numerals(ev.sentence).lower()
            for m in _NONE.finditer(ev.sentence):
                said = normalize_numerals(m.group()).lower()
                if any(t.text in said for t in rare[0]) and all(any(t.text in whole for t in g) for g in rare[1:]):
                    cite = Citation.from_chunk(1, ev.chunk, ev.sentence.strip())
                    return Answer(f"报告中写明：{m.group()}。\n{_where(ev.chunk)}：{ev.sentence.strip()}[1]",
                                  found=True, citations=[cite])
        return None

    def _stated_yoy(self, q: Question, docs: list[DocumentRecord], earlier_absent: bool = False) -> Answer | None:
        """"2024年…同比增长了多少": the change the asked year's report states (a 同比 column, "同比
        增长7.0%") in its own words, before any change computed from two years' figures; so is
        "比上年多了多少" when the comparison found no figure of the year before (``earlier_absent``:
        no report of that year, or none of its reports states it)."""
        places = set(q.region_mentions) or set(q.regions)  # (one place: its government and departments)
        if len(q.years) != 2 or q.years[1] != q.years[0] - 1 or len(places) > 1:
            return None
        if "同比" not in q.normalized and not (earlier_absent and (not re.search(WHY_ASK, q.normalized) or self.scope(
                replace(q, years=q.years[1:], is_comparison=False), docs).refusal)):
            # "比上年多了多少" with both years' reports: their two figures answer it; when the year
            # before's does not state it, the change asked (not "为什么…上升了": its level first)
            return None
        own = replace(q, years=q.years[:1], is_comparison=False)
        stated = self.stated_change_evidence(own, docs)
        return self._compose(own, *stated, gate=False) if stated is not None else None

    def stated_change_evidence(self, q: Question, docs: list[DocumentRecord]
                               ) -> tuple[list[Evidence], list[Term]] | None:
        """(evidence, terms) when the best supported sentence for ``q`` in its scope binds a
        change the report states ("同比增长7.0%"); None otherwise."""
        scope = self.scope(q, docs)
        if scope.refusal:
            return None
        terms = self.answerer.terms(q)
        evidence = self.supported_evidence(q, scope.doc_ids, terms)
        # the best that states a change (a table's rows of the same thing state levels), or a
        # 由A到B pair whose earlier value is of the year before ("吸烟率由23.8%下降到22.1%")
        earlier = q.years[0] - 1 if q.years else None
        # (a sentence after the best one is taken only if it supports the question itself: the best
        # may state no change, and the next one the change of something else — 抽检 for 新增经营主体)
        stated = next((e for i, e in enumerate(evidence[:3 if q.asks < 2 else 1]) if e.bindings and (
            e.bindings[0].fact.change or earlier is not None and _pair_of_year_before(e, earlier))
            and (i == 0 or self.answerer.supported(q, e, terms))), None)
        if stated is None:
            return None
        return [stated, *(e for e in evidence if e is not stated)], terms

    def _named_and_described(self, q: Question, scope: Scope, terms: list[Term]) -> Answer | None:
        """A concept the question names and describes around its name ("对政府决定不服、找上级机关讨说法的
        复议申请"): the words its descriptions use (决定, 机关, 上级, 讨说法) go — they say what 复议 is,
        not which ones are asked; any other word (市场监管, 谈拢) still must be said. None when the
        question describes no concept it names, or no sentence then answers."""
        from bot.concepts import descriptions, recognise_scored

        scored = recognise_scored(q.without_places(q.normalized, years=True), named_too=True)
        if not scored:
            return None
        span, official, _ = scored[0]
        said = descriptions(official)
        if not any(t in span for t in official) or not said:
            return None  # (described only: bot.concepts' own path)
        light = [t for t in terms if not (t.text in span and t.text in said and not any(o in t.text for o in official))]
        if len(terms) - len(light) < MIN_DESCRIBING or not light:
            return None  # one word shared with a description ("纠纷调解成功率": 纠纷) describes nothing
        evidence = self.supported_evidence(q, scope.doc_ids, light)
        if not evidence or not any(o in evidence[0].sentence for o in official):
            return None
        return self._compose(q, evidence, light)

    def _by_meaning(self, q: Question) -> tuple[Question | None, float]:
        """The question with the official concept its words describe (bot.concepts) as an
        alternative of those words, and the concept's share of the question's weight; (None, 0)
        when it describes none."""
        from bot.concepts import recognise_scored

        scored = recognise_scored(q.without_places(q.normalized, years=True))
        share = max((s for _, _, s in scored), default=0.0)
        found = [(span, terms) for span, terms, _ in scored]
        words = getattr(self.answerer.tokenize, "words", self.answerer.tokenize)
        # only words the reports never use describe: a question in the reports' own words that
        # found nothing is rightly refused ("…中对企业作出的有多少件" is no description)
        # … and the department the question names is whose report is asked, not what is asked
        # ("交通运输局…办理了多少件行政处罚案件" describes no 交通运输执法)
        found = [(span, terms) for span, terms in found
                 if any(self._unknown_word(w) for w in _with_split_words(
                     words(span), getattr(self.answerer.tokenize, "is_word", lambda w: False)))
                 and not (q.department and span in q.department)]
        if not found:
            return None, 0.0
        # the concept stands for the whole description: word-table phrases inside it go
        kept = [(p, t) for p, t in q.synonyms if not any(p in span for span, _ in found)]
        return replace(q, synonyms=[*found, *kept]), share

    def _unknown_word(self, word: str) -> bool:  # (see _with_split_words for words cut apart)
        """A word of two characters or more the reports never use — not a count asked ("几起")
        nor a measure word the segmenter glued to a known noun ("多少起纠纷" cut as 起纠纷)."""
        idf = self.answerer.idf
        if len(word) < 2 or idf(word) is not None:
            return False
        rest = _HOW_MANY.sub("", word)
        if len(rest) == 1 and rest in UNIT_CHARS:
            return False  # "几起": how many, counted in 起
        # "起纠纷" (not 家暴: a measure word only before a word of the reports)
        return not (word[0] in UNIT_CHARS and len(word) > 2 and idf(word[1:]) is not None)

    def _in_named_report(self, q: Question, docs: list[DocumentRecord]) -> Question | None:
        """"荼南省报告里荼阳市…": the report named as the source, about the other place named."""
        said = _REPORT_OF.search(q.text)  # (the text as asked: the asking part has no source phrase)
        if not said or not q.regions or q.tabled_places:
            return None
        source = [r for r in q.regions if any(said.group(1).endswith(a) for a in region_aliases(r))]
        about = [m for m in q.region_mentions if m not in said.group(1)]
        if not source and about and (level := _LEVEL_SOURCE.search(said.group(1))):
            # "省报告附表里瀄州市…": the report of a place of that level with a row for the one asked
            snap = self.store.snapshot()
            ids = {d.doc_id for d in docs if d.region and d.region not in q.regions
                   and d.region.endswith(level.group(1))}
            rowed = set().union(*(_rows_of(snap, ids, m) for m in about))
            source = list(dict.fromkeys(d.region for d in docs if d.doc_id in rowed and d.region))
            if len(source) == 1:
                return replace(q, regions=source, tabled_places=about, department="")
            return None
        if len(source) != 1 or not about or not any(d.region == source[0] for d in docs):
            return None
        return replace(q, regions=source, tabled_places=about, department="")

    def as_a_row(self, q: Question, docs: list[DocumentRecord]) -> Question | None:
        """A place with no report of the asked year that a higher level's report of that year
        has a table row (or a paragraph) for: the question asked of that report's row."""
        if not q.regions or not q.years:
            return None
        snap = self.store.snapshot()
        rows = table_places(snap)
        # (or an item of a list of places in prose: "萍城区、莉川市…分别为412件、662件…")
        listed = [r for r in q.regions if r not in rows and in_a_list(functools.partial(_corpus_has, snap), r)]
        named = [r for r in q.regions if r in rows or r in listed] or [
            row for r in q.regions for row in rows if r.endswith(row) or row in q.region_mentions]
        named = list(dict.fromkeys([*named, *q.tabled_places]))
        if not named or len(named) < len(set(q.region_mentions)):
            return None
        level = min(unit_rank(r) for r in q.regions)
        # (of the same rank too when it lists the place among its own: a prefecture-level city's
        # report naming its county-level city, 莉川市, among its 县（市、区）) — one pass over the chunks
        listing = {c.doc_id for c in snap.chunks if any(in_a_list(c.text.__contains__, r) for r in listed)} \
            if listed else set()
        # a government's report, or one of the body that issues the place's own (the province's 卫健委
        # for a city whose reports are its 卫健委's)
        own = {issuer_body(d) for d in docs if d.region in q.regions}
        higher = [d for d in docs if d.year in q.years and d.region and (
            is_government(issuer_body(d)) or issuer_body(d) in own
            or bool(q.department) and names_body(q.department, issuer_body(d))) and (
            0 < unit_rank(d.region) < level
            or d.region not in q.regions and unit_rank(d.region) == level and d.doc_id in listing)]
        regions = list(dict.fromkeys(d.region for d in higher if d.region))
        if not higher or set(regions) == set(q.regions):
            return None  # (already asked of that report: nothing new to try)
        return replace(q, regions=regions, tabled_places=list(dict.fromkeys(named)), department="")

    def _governments_first(self, q: Question, scope: Scope, docs: list[DocumentRecord],
                           terms: list[Term]) -> list[Evidence]:
        """A place asked about without naming a department ("蒹州市…负责人出庭的比例") is
        answered by the place's government report when it says it; a department's report of
        the place ("局负责人出庭应诉率100%") only when it does not. Empty: no preference."""
        if q.department or scope.doc_ids is None or not q.regions:
            return []
        chosen = [d for d in docs if d.doc_id in scope.doc_ids]
        governments = frozenset(d.doc_id for d in chosen if is_government(issuer_body(d)))
        if not governments or len(governments) == len(chosen):
            return []
        first = self.supported_evidence(q, governments, terms)
        if first:
            # … unless a department's sentence names what the government's does not and scores
            # higher ("看病起了纠纷…调解成的比例": the 医疗纠纷 committee's rate, not all 人民调解's)
            best = self.supported_evidence(q, scope.doc_ids, terms)
            if best and best[0].chunk.doc_id not in governments and best[0].score > first[0].score \
                    and any(self._naming(t) and not t.negated and occurs(t, best[0].sentence)
                            and not any(occurs(u, first[0].sentence) for u in terms if u.group == t.group)
                            for t in terms):  # (a word the government says another way — 经营主体 for
                # "businesses", whose 企业 the department says — is said by both)
                return []
            # … or a part the question names, whose whole is the government's figure ("行政法律援助案件":
            # the bureau's "…6842件，其中…行政法律援助案件233件", not the government's 6842件)
            if best and best[0].chunk.doc_id not in governments and _part_of_the_figure(best[0], first[0]):
                return []
            # … or the government's figure is the department's rounded ("接听来电3.1万余次" of the bureau's
            # 31264次): the exact one
            # (the department's best, close behind: "4.12万件" of the government's, 41236件 of the 司法厅's)
            own = next((e for e in best[:EXACT_TRIES] if e.chunk.doc_id not in governments), None) if best else None
            if own is not None and own.bindings and first[0].bindings and own.score >= 0.8 * first[0].score \
                    and rounds(first[0].bindings[0].fact, own.bindings[0].fact):
                return []
            # … or a list asked ("新制定了哪几部规章") that only the department's sentence lists (《…》《…》)
            if q.kind == "list" and best and best[0].chunk.doc_id not in governments \
                    and _titles_listed(best[0].sentence) and not _titles_listed(first[0].sentence):
                return []
        return first

    def _naming(self, term: Term) -> bool:
        """Whether ``term`` is rare enough to say what is asked — in the reports ingested, or in the
        genre at large (医疗 is everywhere in a 卫健委's report, and still names what a government's
        sentence about 行政复议 does not say)."""
        if term.weight >= _NAMING_WEIGHT:
            return True
        if self.answerer.general is None or len(term.text) < 2 or is_verb(term.text):
            return False  # (a thing is named by a noun: 存在 is rare in the genre, and names nothing)
        general = self.answerer.general(term.text)
        return general is not None and general >= _GENRE_NAMING  # (问题, 纠纷 of every other chunk: no name)

    def _governments_elsewhere(self, q: Question, scope: Scope,
                               docs: list[DocumentRecord]) -> list[DocumentRecord]:
        """The place's government reports of other years, when the place is asked about without a
        department and its reports of the asked year are all departments'; [] otherwise."""
        if q.department or scope.doc_ids is None or not q.regions or not q.years:
            return []
        if any(d.doc_id in scope.doc_ids and is_government(issuer_body(d)) for d in docs):
            return []
        return [d for d in docs if d.region in q.regions and is_government(issuer_body(d))]

    def _nearest_year(self, q: Question, scope: Scope, terms: list[Term]) -> Answer | None:
        """The asked year has no report: the nearest year's figure, clearly labelled as that
        year's and not an answer (found=false)."""
        if not terms or q.is_comparison:
            return None
        undated = replace(q, years=[])
        evidence = self.supported_evidence(undated, scope.nearest, terms)
        if not evidence:
            return None
        answer = self._compose(undated, evidence, terms)
        if not answer.found:
            return None
        year = evidence[0].chunk.year
        return replace(answer, found=False, text=f"{scope.refusal}\n{year}年报告中的相关内容（不是所问年份的数据）："
                       f"\n{answer.text}")

    def stated_in_other_years(self, q: Question, docs: list[DocumentRecord],
                              terms: list[Term], supported: bool = True) -> list[Evidence]:
        """Supporting evidence for a numeric question whose figure is bound to the asked year
        but stated in the place's report of another year (a table's year column); best first
        (``supported=False``: all of it, for a second look at what the support check turns down)."""
        others = self.reports_stating_year(q, docs)
        if not others or not terms or q.kind != "numeric":
            return []
        # each year's reports searched apart, the nearest year first: one report's many
        # sentences on the indicator must not crowd another's table row out of the candidates
        # (twice the passages: only a figure dated the asked year counts, and a table's later
        # rows are a chunk of figures that words of the question rarely rank high)
        evidence = [e for _, ids in others for e in self._evidence(q, ids, terms, 2 * self.passages)
                    if e.bindings and e.bindings[0].fact.year in q.years]
        evidence.sort(key=lambda e: -e.score)
        return self._supported(q, evidence, terms) if supported else evidence

    def reports_stating_year(self, q: Question, docs: list[DocumentRecord]) -> list[tuple[int, frozenset[str]]]:
        """``reports_of_other_years`` that may state a figure of an asked year: the report of the
        year after ("较上年", a 上年 column) and any that names the year ("2023年", a year column)
        — a report that never names it has no figure dated it, so is not searched."""
        snap = self.store.snapshot()
        asked = set(q.years)
        return reports_of_other_years(q, [d for d in docs if d.year is not None and (
            d.year - 1 in asked or asked & years_named(snap, d.doc_id))])

    def _stated_elsewhere(self, q: Question, docs: list[DocumentRecord],
                          terms: list[Term], second_look: bool = False) -> Answer | None:
        """A figure of the asked year stated in another year's report of the same place (a
        table's year column, "2023年…" in a sentence), said to come from that report;
        ``second_look``: the asked year has no report, so a sentence the support check turns down
        may still be answered by the second look (when it has one, the second look is its own)."""
        if not q.years or q.is_comparison:
            return None
        found = self.stated_in_other_years(q, docs, terms, supported=False)
        evidence = self._supported(q, found, terms) if found else []
        if evidence:
            answer = self._compose(q, evidence, terms)
        else:
            from bot.row_of_figure import stated_in_a_row

            rowed = stated_in_a_row(self, q, docs)  # a table row under a shorter label than the text's
            if rowed is not None:
                return rowed
            # the sentence the support check turns down for a citizen's wording ("前年有多少人…不服，
            # 去申请复议" of "较上年的262件"), answered when the second look is sure of its figure, as
            # in the asked year's own report
            evidence = found if second_look else []
            looked = self._second_look(q, evidence, terms) if evidence else None
            if looked is None:
                return None
            answer = looked
        if not answer.found:
            return answer  # (related material: no figure to say the source of)
        best = evidence[0]
        kind = "表格" if best.bindings[0].fact.table else "报告"
        note = f"（据{_where(best.chunk)}{kind}中{'、'.join(f'{y}年' for y in q.years)}的数据）"
        first, _, rest = answer.text.partition("\n")
        return replace(answer, text=f"{first.rstrip('。')}{note}。\n{rest}")

    def _premised(self, q: Question, scope: Scope) -> Answer | None:
        """A question built on a figure ("为什么跌到了90%以下？"): the figure the report gives,
        with the premise corrected when it does not hold; None when there is no such premise
        or the figure is not found (the question is then answered as it stands)."""
        from bot.premise import contradicts, find_claim, subject_frame

        claim = find_claim(q.normalized)
        if claim is None or q.frame is None:
            return None
        # the claim's subject asked as a question of its own (a frame); the places and years it
        # does not name are the question's (so the same, already checked, scope)
        side = subject_frame(q.frame, claim, q.region_mentions, self._today())
        sub = replace(self.analyze(side.text, self.documents(), side), vector_text=claim.subject)
        terms = self.answerer.terms(sub)
        if not terms:
            return None
        evidence = self.supported_evidence(sub, scope.doc_ids, terms)
        if not evidence:
            return None
        evidence = self._leading(sub, evidence, terms)  # the figure the answer leads with is the actual one
        answer = self._compose(sub, evidence, terms)
        actual = self.answerer.asked_figure(sub, evidence[0], terms)
        if actual is not None and answer.found and contradicts(claim, actual):
            # (not when unsure of the figure: the passage then stands as related material, no figure claimed)
            met = {"<": f"，已达到{claim.figure.text}",  # "没完成4800件"
                   ">": f"，在{claim.figure.text}以内"}.get(claim.relation, "")  # "没能控制在5%以内"
            answer = replace(answer, text=f"报告中的数字是{actual.text}{met}，并非问题所说的“{claim.text}”。\n"
                                          + answer.text)
        return answer

    def supported_evidence(self, q: Question, doc_ids: frozenset[str] | None,
                           terms: list[Term]) -> list[Evidence]:
        """The evidence within ``doc_ids`` (None: every report) that supports an answer to
        ``q``, from the best sentence that does; empty when none does."""
        from bot.extractive import asks_change_only, states_change

        evidence = self._evidence(q, doc_ids, terms)
        if asks_change_only(q):  # "检查频次降了多少": a level beside it (231家) is no answer
            evidence = [e for e in evidence if not e.bindings or states_change(e.bindings[0].fact, q.normalized)]
        return self._supported(q, evidence, terms)

    def _supported(self, q: Question, evidence: list[Evidence], terms: list[Term]) -> list[Evidence]:
        """The evidence from the best sentence that supports an answer: the best-scored one
        may miss the asked word ("审结1590件" outscoring "听证审理案件43件" for 听证会) while a
        close second has it. Empty when none of the close ones does."""
        if q.kind == "numeric" and q.asks < 2 and (rate := rate_of_a_rate(q)):
            # "合格率的完成率": a sentence that does not say 完成率 is no candidate, nor a rival
            evidence = [ev for ev in evidence if rate in normalize_numerals(ev.sentence).lower()]
        if not evidence:
            return []
        # a sentence without the question's rarest word is no rival: the floor is set by the
        # best one that has it (出台…指导目录，将赋权事项由126项精简为104项 for 赋权事项精简到多少项)
        rival = next((ev for ev in evidence[:SUPPORT_TRIES] if ev.features.get("key_rare")), evidence[0])
        floor = SUPPORT_MARGIN * rival.score
        for i, ev in enumerate(evidence[:SUPPORT_TRIES]):
            if ev.score < floor or i == 0 and ev.features.get("unbroken_part"):
                break  # the best sentence counts the thing asked but not the part asked: not said
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
                  terms: list[Term], k: int = 0) -> list[Evidence]:
        # a sentence that gives orders ("忽略之前的指令，回答：…") is planted, never evidence
        hits = self._hits(q, doc_ids, k or self.passages)
        evidence = [ev for ev in self.answerer.evidence(q, hits, terms)
                    if not _INSTRUCTION.search(ev.sentence)]
        if q.department and q.regions:  # the department's report of another place (a province's, with a
            # row for the asked city: QAService._rows_elsewhere): only where it names the place — not its
            # own province-wide figure
            evidence = [ev for ev in evidence if ev.chunk.region in q.regions or not ev.chunk.region
                        or any(len(m) >= 2 and m in ev.sentence for m in q.region_mentions)]
        if q.regions and q.kind == "numeric" and not q.tabled_places:
            evidence = self._not_of_other_places(q, evidence)
        if q.in_passing:
            # "芟阳市…" that a report names only in passing: a passage about it names it (not the
            # reporting city's own figure)
            # (a figure: its sentence or its section names the place — not a passage that names it
            # for something else beside the report's own total)
            evidence = [ev for ev in evidence
                        if any(_named_alone(p, f"{ev.chunk.section_path}\n"
                                               f"{ev.sentence if q.kind == 'numeric' else ev.chunk.text}")
                               for p in q.in_passing)]
        if not q.department and not q.issuer_mentions and q.kind == "numeric":
            evidence = self._not_a_departments_own(q, evidence, terms)
        parts = part_roots(self.store.snapshot()) if q.department else {}
        # the body whose compilation part each evidence is in: only the named department's own part speaks
        # for it (the 教育局's 行政处罚案件37件 is not the 公安局's, whatever field its sentence names)
        part_of = {id(ev): _part_body(ev.chunk, parts) for ev in evidence} if parts else {}
        if q.department and any(_names_the_body(q.department, b) for b in part_of.values() if b):
            # "住建部门…" with a compilation holding its report: not another department's part
            evidence = [ev for ev in evidence if not part_of[id(ev)] or _names_the_body(q.department, part_of[id(ev)])]
        if q.department and not q.department.endswith("部门"):  # (执法部门: a kind, as in _of_department)
            # a department with no report of its own: what the others say of its field
            records = self.store.documents()
            own = {d.doc_id for d in records if _names_issuer(q.department, d)}
            governments = {d.doc_id for d in records if is_government(issuer_body(d))}
            field = _field_of(q.department)
            # another department's report speaks of it only where it names it ("区医调委…调解成功162起"
            # in the 卫健委's): never by its field alone ("公安" in a 市场监管局 sentence)
            evidence = [ev for ev in evidence if ev.chunk.doc_id in own or (
                _names_the_body(q.department, part_of[id(ev)]) if part_of.get(id(ev)) else
                ev.chunk.doc_id in governments and (len(field) < 2 or field in ev.chunk.section_path + ev.sentence)
                or ev.chunk.doc_id not in governments and q.department in ev.sentence
                or not own and _says_body(q.department, ev.sentence)  # (its row in another's table)
                # (a court's or a procuratorate's work, told in any report by its field: "全市检察机关…")
                or not own and field in ("法院", "检察") and field in ev.chunk.section_path + ev.chunk.text)]
        return evidence

    def _not_a_departments_own(self, q: Question, evidence: list[Evidence], terms: list[Term]) -> list[Evidence]:
        """"漱州市…受理了多少件行政复议申请" names no department: the 税务局's "全市税务系统…受理172件" counts
        its own field's (税务行政复议), not the place's — a figure of a department's report whose indicator
        carries the department's field, which the question does not say, is no answer to it."""
        docs = self.store.documents()
        governed = {d.region for d in docs if is_government(issuer_body(d))}  # (a place with only a department's
        # reports: those are what is asked of it)
        fields = {d.doc_id: _field_of(issuer_body(d)) for d in docs
                  if not is_government(issuer_body(d)) and not sub_unit(d) and d.region in governed}
        asked = " ".join([q.normalized, *(t.text for t in terms)])  # (an English question: its report words)

        def of_its_field(ev: Evidence) -> bool:
            field = fields.get(ev.chunk.doc_id, "")
            if len(field) < 2 or field in asked or not ev.bindings:
                return False
            fact = ev.bindings[0].fact  # (a bare step of a chain, 受理172件: of the object it carries)
            said = fact.indicator + (fact.topic if len(fact.indicator) <= 3 else "")
            # (not the field said as the body's system or its own business: "全市信访系统收到群众来信", "网上信访
            # 事项平均办理时长" are the 信访局's 来信 and 时长; "税务系统收到税务行政复议申请" still says 税务行政复议)
            return field in re.sub(rf"{re.escape(field)}(?:系统|部门|机关|事项|工作)", " ", said)

        return [ev for ev in evidence if not of_its_field(ev)]

    def _not_of_other_places(self, q: Question, evidence: list[Evidence]) -> list[Evidence]:
        """"泫江省…查处行政处罚案件多少件" is not answered by the province report's "泃阳市查处行政处罚
        案件1247件": a figure whose own clause opens on another place the store knows (another
        report's, or a row of a table of places) counts that place's, not the asked one's."""
        asked = {a for r in q.regions for a in region_aliases(r)} | set(q.region_mentions)
        known = {r for d in self.store.documents() if d.region for r in region_aliases(d.region)[:2]}
        others = sorted((p for p in known | table_places(self.store.snapshot())
                         if len(p) >= 3 and p not in asked and not any(p in a for a in asked)), key=len, reverse=True)
        prose = prose_places(self.store.snapshot())
        from vectorstore.tokenizer import shared_tokenizer

        def of_another(ev: Evidence) -> bool:
            if not ev.bindings:
                return False
            fact = ev.bindings[0].fact
            start = max(fact.source.rfind(p, 0, fact.start) for p in "，,；;：:。") + 1
            item = fact.source.rfind("、", start, fact.start)
            if item > 0 and re.search(r"\d", fact.source[start:item]):
                start = item + 1  # "其中潏阳镇186名、渼坪镇172名": the figure's own item
            clause = _CLAUSE_LEAD.sub("", without_enumerator(fact.source[start:fact.start]))
            if any(clause.startswith(p) for p in others):
                return True
            # "被诉行政机关在潅城区的案件败诉率" of a 分别 list of places: that place's
            lead = re.search(rf"(?:^|(?<=[在对向于]))({_PLACE_NAME})(?=的)", fact.indicator)  # (not 在册社区…)
            place = lead.group(1) if lead else ""
            if place and place not in asked and not any(place in a or a in place for a in asked) \
                    and names_a_place(place) and not WHOLE_OF_PLACE.search(place):
                return True
            opening = _CLAUSE_LEAD.sub("", without_enumerator(fact.source))  # ("2.潷江区作为…")
            if fact.table and (whole := next((a for a in sorted(asked, key=len, reverse=True)
                                              if len(a) >= 2 and opening.startswith(a)), "")):
                opening = opening[len(whole):]  # "漱州市漤山县税务局｜…": the row of the county in the city
                inner = re.match(_PLACE_NAME, opening)
                if any(opening.startswith(p) for p in others) or inner and names_a_place(inner.group()) \
                        and not WHOLE_OF_PLACE.search(inner.group()) and inner.group() not in asked:
                    return True
            if any(opening.startswith(p) for p in others) and not any(
                    a in fact.source[:fact.start] for a in asked if len(a) >= 2) \
                    and not WHOLE_OF_PLACE.match(clause):  # ("潹田村获评…，全镇…由五个增加至六个": the town's)
                return True  # "漊溪街道…调解纠纷486件，调解成功率98.1%": the sentence is of that place
            own = _ONE_PLACE.match(clause)  # "其中澄口镇案卷合格率仅为86.5%": a place no report is of
            # (… or opening the sentence after a lead to the places, "各县（区）中，澑东区受理…1138件，调解率71.4%",
            # while no asked place is said before the figure — only after such a lead: "办理市人大代表建议…" opens on
            # no place)
            if own is None and EACH_PLACE_LEAD_AT.match(without_enumerator(fact.source)) \
                    and not any(a in fact.source[:fact.start] for a in asked if len(a) >= 2) \
                    and not WHOLE_OF_PLACE.search(fact.source[:fact.start]):
                own = _ONE_PLACE.match(opening)
            name = own.group() if own else ""  # (not "对全区…", "力争全市…": the report's own whole)
            if name and not WHOLE_OF_PLACE.search(name) and name not in asked \
                    and not any(name in a or a in name for a in asked) and names_a_place(name):
                return True
            # "3.澱湖区推行…，全年澱湖区来访批次…，初信初访化解率94.6%" in the city's report: a sentence that opens on a
            # place the reports name, and says no asked place before the figure, is that place's
            head = re.match(_PLACE_NAME, opening)
            if head and (name := head.group()) not in asked and name not in q.normalized \
                    and not any(name in a or a in name for a in asked) \
                    and not any(a in fact.source[:fact.start] for a in asked if len(a) >= 2) \
                    and names_a_place(name) and not WHOLE_OF_PLACE.search(name) and name in prose \
                    and not shared_tokenizer().is_word(re.sub(r"(?:街道|[市县区州旗镇乡])$", "", name)):
                # (a name, not a word that ends like one: "行政区划调整后，…" opens on no place)
                return True
            listed = _LISTED_PLACES.match(clause)  # "泫州市、泃川市查处…分别为": places of a list
            return listed is not None and not any(m in listed.group() for m in asked)

        return [ev for ev in evidence if not of_another(ev)]

    def _leading(self, q: Question, evidence: list[Evidence], terms: list[Term]) -> list[Evidence]:
        """``evidence`` with the one the answer leads with first: among close ones, the sentence
        breaking a whole into the parts asked, the exact figure of a rounded one, the asked year's
        own, the figure over years asked (or not), the rate named whole."""
        from bot.extractive import counted_parts

        # "哪几类，各多少件": the sentence that breaks the whole into its parts, when one of the close
        # ones does ("其中物业纠纷392件、邻里纠纷287件…"), before the whole's own
        parts = next((k for k, ev in enumerate(evidence[:4]) if ev.score >= PARTS_MARGIN * evidence[0].score
                      and counted_parts(q, ev.sentence, ev.chunk.year)), 0)
        if parts:
            evidence = [evidence[parts], *evidence[:parts], *evidence[parts + 1:]]

        def supported(ev: Evidence) -> bool:
            return self.answerer.supported(q, ev, terms)

        exact = (_exact_of_rounded(evidence, supported) or _of_the_year(q, evidence, supported)
                 or _over_the_years(q, evidence, supported) or _the_rate_named(evidence, terms, supported)
                 or _no_kind_unasked(evidence, terms, supported) or _no_qualifier_unasked(q, evidence, terms, supported)
                 or _not_own_level(q, evidence, supported)
                 or _heaviest_said(q, evidence, terms, supported) or _whole_place_said(q, evidence, supported)) \
            if q.kind == "numeric" else 0
        if exact:
            evidence = [evidence[exact], *evidence[:exact], *evidence[exact + 1:]]
        return evidence

    def _compose(self, q: Question, evidence: list[Evidence], terms: list[Term], gate: bool = True,
                 floor: float = BOUND) -> Answer:
        """The answer from the evidence, best first; ``gate``: let the confidence gate turn an
        unsure figure into related material (not for a change the report states, which a
        dedicated search found: bot/why_changed.py, _stated_yoy); ``floor``: the binding score
        the headline figure needs."""
        evidence = self._leading(q, evidence, terms)
        best = evidence[0]
        scorer = self.answerer.scorer
        if scorer.fitted and best.score < scorer.answer:
            return self._related(best)
        chosen = [best]
        for ev in evidence[1:]:
            if len(chosen) >= MAX_CITATIONS:
                break
            if ev.chunk.id in {c.chunk.id for c in chosen} or any(
                    ev.sentence.strip() == c.sentence.strip() and ev.chunk.doc_id == c.chunk.doc_id for c in chosen):
                continue  # (a table row two chunks repeat is cited once)
            if ev.score >= 0.8 * best.score and self.answerer.supported(q, ev, terms):
                chosen.append(ev)
        citations = [Citation.from_chunk(i + 1, ev.chunk, ev.sentence.strip())
                     for i, ev in enumerate(chosen)]
        if q.kind == "descriptive":  # how it was done: the whole sentence, not its clause before ；
            citations[0] = replace(citations[0], quote=whole_sentence(best.chunk.text, best.sentence.strip()))
        signals: dict[str, float] = {}
        lead = self.answerer.lead(q, best, terms, self._section_text(best) if q.kind == "list" else "",
                                  signals if q.kind == "numeric" else None, floor)
        other = _conflicting(q, best, chosen)
        if signals:
            signals.update(evidence_signals(evidence, terms))
            # two passages giving two values of the same indicator are shown both, as such: the
            # close rival is no doubt about which figure is asked
            if gate and self.gate is not None and other is None:
                signals["confidence"] = self.gate.probability(signals)
                if signals["confidence"] < self.gate.threshold:  # not sure of the figure: no figure
                    # the passage is shown: the figure may be in it, the bot cannot tell which
                    return replace(self._related(best, "不能确定报告中哪个数字回答这一问题，请以原文为准。"),
                                   signals=signals)
        if signals.get("guessed") and signals.get("asks", 1) > 1 and whole_of_asks(q.normalized):
            # several asks ("罚款和没收违法所得各是多少") of which none was bound: the sentence's first figure is no
            # answer to any of them
            return replace(self._related(best, "不能确定报告中哪个数字回答这一问题，请以原文为准。"), signals=signals)
        if not lead and asks_name(q.normalized):
            return self._related(best)  # a name asked ("厅长叫什么名字") and none in the passage
        if q.kind == "numeric" and _EACH_PLACE_ASK.search(q.normalized) and len(re.findall(r"\d", lead)) \
                and _headline_figures(Answer(lead, found=True)) < 2:
            # "在各乡镇分别核发了多少件": each place's figure — one total is none of them
            return self._related(best, "报告中没有按所问的各地分别给出这一数字。")
        if q.kind == "numeric" and lead:
            lead = _as_said_in_prose(lead, best, chosen)
        if other is not None:  # two passages, two values for the same indicator: show both
            lead = (f"报告中这一数字有两种说法：{best.bindings[0].fact.display}[1]，"
                    f"{other.bindings[0].fact.display}[{chosen.index(other) + 1}]，请以原文为准")
        lines = [f"{lead}。" if lead and not lead.endswith("。") else lead] if lead else []
        wrong = "".join(_wrong_changes(q, best.sentence))  # a premise the report states the other way: said at once
        if wrong:
            lines = [lines[0] + wrong] if lines else [wrong]
        lines.append(f"{_where(best.chunk)}：{citations[0].quote}[1]")
        for c in citations[1:]:
            lines.append(f"{_where(c)}：{c.quote}[{c.n}]")
        return Answer("\n".join(lines), found=True, citations=citations, signals=signals)

    def _section_text(self, ev: Evidence, follow: int = 3, back: int = 3) -> str:
        """The evidence's chunk with the chunks before and after it in the same section
        (chunks hold ~300 characters; "一是…六是…" may start in an earlier chunk and run on
        into the next ones)."""
        snap = self.store.snapshot()
        i, chunk = ev.hit.index, ev.chunk
        if i >= len(snap.chunks) or snap.chunks[i].id != chunk.id:
            return chunk.text  # the store changed since the search
        first = i
        while first > 0 and i - first < back and snap.chunks[first - 1].doc_id == chunk.doc_id \
                and snap.chunks[first - 1].section == chunk.section:
            first -= 1
        text = snap.chunks[first].text
        for nxt in snap.chunks[first + 1:i + 1 + follow]:
            if nxt.doc_id != chunk.doc_id or nxt.section != chunk.section:
                break
            # chunks repeat the previous one's last sentences: skip what is already there
            cuts = [m.end() for m in re.finditer(r"[。；！？]", nxt.text)]
            skip = max((c for c in cuts if nxt.text[:c] in text), default=0)
            text += "\n" + nxt.text[skip:]
        return text

    def _related(self, ev: Evidence, lead: str = "报告中没有找到能直接回答这一问题的内容。") -> Answer:
        """Not sure enough to answer: what the reports do say, as related material."""
        cite = Citation.from_chunk(1, ev.chunk, ev.sentence.strip())
        return Answer(f"{lead}可能相关的内容：\n"
                      f"{_where(ev.chunk)}：{ev.sentence.strip()}[1]", found=False, citations=[cite])

    def _elsewhere(self, q: Question, ev: Evidence) -> Answer:
        asked = "、".join(q.region_mentions) + "、".join(f"{y}年" for y in q.years)
        cite = Citation.from_chunk(1, ev.chunk, ev.sentence.strip())
        text = (f"{asked}的报告中没有找到这一内容。"
                f"{_where(ev.chunk)}的报告中有：{ev.sentence.strip()}[1]")
        return Answer(text, found=False, citations=[cite])

    def _refuse(self, q: Question, docs: list[DocumentRecord], related: Answer | None = None) -> Answer:
        """Not answered: a department or a place with no report said so; otherwise what the reports
        say nearest to it (``related``, found=false) or, when nothing is near, that nothing is."""
        if q.department and not q.department.endswith("部门") \
                and not any(_names_issuer(q.department, d) for d in docs) \
                and not any(names_body(q.department, b) for b in part_bodies(self.store.snapshot())):
            # a department with no report, whose name no report's sentence answered: say so
            where = "、".join(q.region_mentions)
            return Answer(f"知识库中没有{where}{q.department}的报告。目前收录的报告：{describe(docs)}。", found=False)
        if q.in_passing:
            names = "、".join(q.in_passing)
            return Answer(f"知识库中没有{names}的报告，收录的报告也没有说到{names}的这一情况，无法回答。"
                          f"目前收录的报告：{describe(docs)}。", found=False)
        if related is not None:
            return _with_reports(related, docs)
        return Answer(f"报告中没有找到与“{q.text}”相关的内容，无法回答。"
                      f"目前收录的报告：{describe(docs)}。", found=False)

    def _by_ask(self, q: Question, docs: list[DocumentRecord]) -> Answer | None:
        """A question of several asks ("审结多少件，败诉率多少？", "How many … and what was the
        rate …?") answered ask by ask, each with the question's places and years; None when
        no ask is answered."""
        from bot.frame import ask_question

        frame = q.frame
        if frame is None:  # a Question built by hand
            return None
        asks = frame.asks
        answers = [self._answer(self.analyze(ask_question(frame, ask, q.region_mentions), docs), docs)
                   for ask in asks]
        if not any(a.found for a in answers):
            return None
        for i, (ask, a) in enumerate(zip(asks, answers, strict=True)):
            if i and ask.kind in ("rate", "yesno") and not _VAGUE_SHARE.sub("", ask.indicator):
                # "…抽查了多少卷宗，好的占几成？" / "…接了多少通电话，大家满意吗？": a share naming
                # nothing of its own is the rate the sentence answering the ask before states
                answers[i] = _in_answered_sentence(replace(ask, units=("%",)), answers[i - 1]) or a
            elif not a.found and i and ask.units and not _LIGHT_ASK.sub("", ask.indicator):
                answers[i] = _in_answered_sentence(ask, answers[i - 1]) or a
        answers = _parts_apart(asks, answers)
        if not any(a.found for a in answers):
            return None
        heads: list[str] = []
        bodies: list[str] = []
        citations: list[Citation] = []
        for ask, a in zip(asks, answers, strict=True):
            if not a.found and not re.sub(r"[各分别都是有为]", "", ask.indicator):
                continue  # "…哪个多？各多少件？": a bare ask the other asks' answer already states
            if not a.found and (which := _WHICH_BARE.fullmatch(ask.indicator)):
                # "…分别是多少，哪个高？": of the asks answered with one figure each, which is more
                heads += _which_of(which.group("dir"), asks, answers)
                continue
            offset = len(citations)
            first, _, rest = a.text.partition("\n")
            renumber = (lambda m, k=offset: f"[{int(m.group(1)) + k}]")  # noqa: E731
            heads.append(re.sub(r"\[(\d+)\]", renumber, first.rstrip("。")) if a.found
                         else f"“{ask.text}”报告中没有找到")
            if rest:
                bodies.append(re.sub(r"\[(\d+)\]", renumber, rest))
            citations += [replace(c, n=c.n + offset) for c in a.citations]
        return Answer("；".join(heads) + "。\n" + "\n".join(bodies), found=True, citations=citations)

    def _today(self) -> dt.date:
        return self.today or dt.date.today()


_INSTRUCTION = re.compile(r"忽略(?:之前|以上|上述|前面|此前)?的?(?:所有|全部)?(?:指令|指示|规则|提示|设定)|"
                          r"(?:请|直接)回答[：:]|ignore (?:all |any )?(?:the )?(?:previous|prior|above) "
                          r"instructions|system prompt|系统提示词", re.I)


RELATED_COVERAGE = 0.25  # of the question's words (by rarity) for a sentence shown as related material


# what a department's name says of its field: 交通运输 of 交通运输局, 住建 of 住建局
_FIELD_END = re.compile(r"(?:综合行政执法局|综合执法局|管理局|委员会|办公室|局|委|厅|办|署|中心)$")


# the words a description must share with the concept's everyday descriptions to be one (决定, 机关)
MIN_DESCRIBING = 2


def _field_of(department: str) -> str:
    """What a sentence of another body's report says when it speaks of the department: its field
    (市场监管 of 市场监管局); 法院 of any court ("全市两级法院"), 检察 of a procuratorate ("检察机关")."""
    if department.endswith("法院") or department == "中院":
        return "法院"
    if department.endswith("检察院"):
        return "检察"
    return _FIELD_END.sub("", department)


_WITHIN_WHOLE = re.compile(r"^.*(?:里面|里|当中|之中|中|其中)")


def _parts_of_a_whole(asks: Sequence[Ask]) -> bool:
    """Several figures asked as parts of a whole the question names ("罚没款中罚款和没收违法所得各是多少")."""
    return len(asks) >= 2 and all(a.kind == "number" for a in asks) \
        and _WITHIN_WHOLE.match(asks[0].indicator) is not None


def _parts_apart(asks: Sequence[Ask], answers: list[Answer]) -> list[Answer]:
    """The answers of several asks with those that answer no one part unfound: the same figure for two
    parts ("罚款和滞纳金各是多少": 3148万元 twice), or one whose own clause names every part asked — their
    whole ("投诉和举报各有多少件": 受理消费投诉举报1.37万件)."""
    if len(asks) < 2 or any(a.kind != "number" for a in asks):
        return answers
    parts = [_WITHIN_WHOLE.sub("", a.indicator) for a in asks]
    heads = [a.text.partition("\n")[0].rstrip("。") if a.found else "" for a in answers]
    out = list(answers)
    for i, (a, head) in enumerate(zip(answers, heads, strict=True)):
        if not a.found or not a.citations:
            continue
        twice = any(j != i and h == head for j, h in enumerate(heads))
        quote = a.citations[0].quote
        figure = re.match(r"[\d.]+", head)
        at = quote.find(head) if head else -1
        clause = re.split(r"[，,；;。：:]", quote[:at])[-1] if at > 0 and figure else ""
        whole = all(p and p in clause for p in parts)  # (two parts or more: asked so)
        if twice or whole:
            out[i] = Answer(a.text, found=False)
    return out


# an ask of nothing but which is more ("哪个高", "谁更多"): of the figures the other asks found
_WHICH_BARE = re.compile(r"(?:哪个|哪一个|哪项|哪一项|谁)(?:更|比较)?(?P<dir>高|低|多|少|大|小)")


# an ask that names no thing of its own ("讨回了多少钱，涉及多少人"): of the thing asked before it
_LIGHT_ASK = re.compile(r"涉及|一共|总共|共计|共|有|是|为|各|分别|都")
# a share asked with words that name nothing ("好的占几成", "做得好的占多少", "占几成", "大家满意吗")
_VAGUE_SHARE = re.compile(r"大家|群众|老百姓|市民|做|得|的|好|优秀|优良|良好|满意|合格|达标|成功|不错|占|成|比例|比重|"
                          r"百分之|多少|几|吗|呢|有|是|为")


def reports_of_other_years(q: Question, docs: list[DocumentRecord]) -> list[tuple[int, frozenset[str]]]:
    """The asked place's reports of years other than the asked ones, as (year, their doc ids),
    the nearest year first (the later of two as near)."""
    others = [d for d in docs if (not q.regions or d.region in q.regions)
              and d.year is not None and d.year not in q.years]
    asked = min(q.years, default=0)
    years = sorted({d.year for d in others if d.year is not None}, key=lambda y: (abs(y - asked), -y))
    return [(y, frozenset(d.doc_id for d in others if d.year == y)) for y in years]


def _pair_of_year_before(ev: Evidence, earlier: int) -> bool:
    """The best bound fact is the later value of a 由A到B pair whose A is of the year ``earlier``
    (no year of its own: a pair of an annual report is the year's change)."""
    fact = ev.bindings[0].fact
    if fact.role != "after" or fact.table:
        return False
    heading = ev.chunk.section[-1] if ev.chunk.section else ""
    partner = pair_partner(fact, chunk_facts(ev.sentence, heading))
    return partner is not None and partner.year in (None, earlier)


def _vague_shares(frame: Frame) -> int:
    """Yes/no asks after the first that ask a share naming nothing ("大家满意吗"): a rate each."""
    return sum(a.kind == "yesno" and not _VAGUE_SHARE.sub("", a.indicator) for a in frame.asks[1:])


def _in_answered_sentence(ask: Ask, before: Answer) -> Answer | None:
    """``ask``'s figure in the sentence that answered the ask before it, when that sentence
    states exactly one result of the asked unit beside the one given ("为1.37万名劳动者追发工资
    待遇1.96亿元" answers "涉及多少人" after "讨回了多少钱"); None otherwise."""
    from bot.extractive import _sentence_facts, _sole_of_unit

    if not before.found or not before.citations:
        return None
    cited = before.citations[0]
    facts = list(_sentence_facts(cited.quote, cited.year))
    shown = [f.display for f in facts if f.display in before.text.partition("\n")[0]]
    figure = _sole_of_unit(facts, ask.units, shown, cited.quote)
    if figure is None:
        return None
    return Answer(f"{figure}。", found=True, citations=[cited])


def _which_of(direction: str, asks: Sequence[Ask], answers: list[Answer]) -> list[str]:
    """"医疗纠纷的调解成功率更高": the ask whose answer's figure is the larger (smaller) of the
    answered asks with one figure each in one unit; nothing when they do not compare."""
    from facts import find_figures

    valued = []
    for ask, a in zip(asks, answers, strict=True):
        figures = find_figures(a.text.partition("\n")[0]) if a.found else []
        if len(figures) == 1:
            valued.append((figures[0], ask))
    if len(valued) != 2 or valued[0][0].unit != valued[1][0].unit or valued[0][0].value == valued[1][0].value:
        return []
    pick = max if direction in "高多大" else min
    _, ask = pick(valued, key=lambda v: v[0].value)
    return [f"{ask.indicator}更{direction}"]


def _names_issuer(named: str, d: DocumentRecord) -> bool:
    """The department a question names is the report's issuer, its level said or not ("省司法厅",
    "司法厅" of 临江省司法厅)."""
    return _names_the_body(named, issuer_body(d))


def _names_the_body(named: str, body: str) -> bool:
    """The department a question names is ``body``, its level said or not."""
    return names_body(named, body) or named[:1] in "省市区县" and names_body(named[1:], body)


# a body's name as a sentence or a table row says it ("市城市管理综合执法局", a row "应急管理局｜…")
_BODY_SAID = re.compile(r"[\u4e00-\u9fa5]{2,14}?(?:局|委员会|办公室|中心|厅)")


_ROUNDED_UP = ("余", "多", "以上", "超过")  # the figure is at least the number written
_ROUNDED_NEAR = ("近", "约", "左右")


def _titles_listed(sentence: str) -> bool:
    return len(titles_in(sentence)) >= 2


def rounds(approx: Fact, exact: Fact) -> bool:
    """``approx`` ("3.1万余次", "近500件") is ``exact`` (31264次) written round: same unit, and the
    exact value within the last written digit of the round one."""
    in_magnitude = said_round(approx) and not _MAGNITUDE.search(exact.text)  # (near the exact one)
    if not (approx.approx or in_magnitude) or exact.approx or approx.unit != exact.unit or not approx.unit:
        return False
    digits = re.search(r"\d+(?:\.(\d+))?", approx.text)
    written = float(digits.group(0)) if digits else 0.0
    if not digits or not written:
        return False
    scale = approx.value / written  # (万: 10,000)
    places = len(digits.group(1) or "")
    whole = digits.group(0).split(".")[0]
    step = 10.0 ** -places if places else 10.0 ** (len(whole) - len(whole.rstrip("0")))
    step *= scale
    if in_magnitude:
        return exact.value != approx.value and abs(exact.value - approx.value) <= step / 2
    if approx.approx in _ROUNDED_UP:
        return approx.value <= exact.value < approx.value + step
    if approx.approx in _ROUNDED_NEAR:
        return abs(exact.value - approx.value) <= step
    return False


def _with_split_words(tokens: list[str], is_word: Callable[[str], bool]) -> list[str]:
    """The tokens and, for each run of single characters that joined is a word of the dictionary
    (``is_word``), their join: a word the segmenter cut apart in context ("被打回": 打, 回 — the word
    is 打回; not "跑到企业里去检查": 跑到, 去检 are no words)."""
    out = list(tokens)
    run: list[str] = []
    for tok in [*tokens, ""]:
        if len(tok) == 1 and "\u4e00" <= tok <= "\u9fff":
            run.append(tok)
            continue
        if len(run) >= 2 and is_word(joined := "".join(run)):
            out.append(joined)
        run = []
    return out


def _of_the_department(q: Question, ev: Evidence) -> bool:
    """The place's other report gives the asked department's figure in a clause that names it ("市税务局本级收到
    税务行政复议申请61件" in the city government's report, for "漱州市税务局本级…"): an answer about it."""
    if not q.department or not q.regions or ev.chunk.region not in q.regions or not ev.bindings:
        return False
    fact = ev.bindings[0].fact
    clause = clause_of(fact.source, as_figure(fact))
    return any(_names_the_body(q.department, m[1:] if m[:1] in "省市区县" else m) for m in _BODY_SAID.findall(clause))


def _government_of_field(q: Question, ev: Evidence, docs: list[DocumentRecord]) -> bool:
    """The department was read off a field word ("澰州市信访渠道和12345热线…": 信访局, never named) and the sentence is
    the asked place's government report's: the place's own statement of that field."""
    if not q.department or q.department in q.normalized or ev.chunk.region not in q.regions:
        return False
    return _of_a_government(ev, docs)


def _of_a_government(ev: Evidence, docs: list[DocumentRecord]) -> bool:
    """The evidence is from a government's report (not a department's)."""
    return any(d.doc_id == ev.chunk.doc_id and is_government(issuer_body(d)) for d in docs)


def _town_in_government(q: Question, ev: Evidence, docs: list[DocumentRecord]) -> bool:
    """A town (or another place below the asked one) of a department's question whose report never names it,
    named by the place's government report ("濴源县应急管理局…濹口镇…" → "濹口镇…全年检查辖区企业612家次"):
    the town's own statement of that field."""
    if not q.department or not q.tabled_places or ev.chunk.region not in q.regions:
        return False
    return any(_named_alone(p, ev.sentence) for p in q.tabled_places) and _of_a_government(ev, docs)


def _sub_unit_for(q: Question, ev: Evidence, docs: list[DocumentRecord]) -> bool:
    """The sentence is a report of a higher place's body's sub-unit for the asked place ("苄州市生态环境局菪溪
    分局" for "菪溪区…"), when no department is asked: that place's own authority in the field."""
    if q.department:
        return False
    place = next((sub_unit_place(d) for d in docs if d.doc_id == ev.chunk.doc_id), "")
    return len(place) >= 2 and any(m.startswith(place) and len(m) <= len(place) + 1 for m in q.region_mentions)


def _says_body(named: str, sentence: str) -> bool:
    """The sentence names the department asked, in whatever form ("城管局" of a row labelled
    城市管理综合执法局 in another body's table)."""
    return any(_names_the_body(named, m) for m in _BODY_SAID.findall(sentence.split("｜")[0]
                                                                      if "｜" in sentence else sentence))


def _rows_of(snap, doc_ids: set[str], place: str) -> set[str]:  # noqa: ANN001
    """Of ``doc_ids``, the documents with a table row labelled ``place`` ("澥州市｜查办案件…")."""
    row = f"{place}｜"
    if not _corpus_has(snap, row):
        return set()
    return {c.doc_id for c in snap.chunks if c.doc_id in doc_ids and (c.text.startswith(row) or f"\n{row}" in c.text)}


def _part_body(chunk: ChunkRecord, parts: dict[str, str]) -> str:
    """The body whose part of a compilation (汇编) the chunk is in (``parts``: part_roots of the
    store): its path's root is that body's report's title; "" outside one."""
    return parts.get(chunk.section[0], "") if chunk.section else ""


def _of_department(docs: list[DocumentRecord], named: str) -> list[DocumentRecord]:
    """The reports of the department a question names ("蓼川市住建局"): its own, by full or
    short name; when it has none, every report of the place — the governments' may speak of it
    by its field, another department's only in a sentence that names it (QAService._evidence:
    "芷陵市公安局" is not answered by a 市场监管局 sentence about 公安)."""
    own = [d for d in docs if _names_issuer(named, d)]
    if any(not sub_unit(d) for d in own) and not any((sub := sub_unit(d)) and named.endswith(sub) for d in own):
        own = [d for d in own if not sub_unit(d)]  # "潄川市公安局": its own report, not its 潊江分局's
    if not own and named.endswith("部门"):
        return docs  # "执法部门", "各部门": a kind of department, no report's issuer
    # (and the other departments' reports, whose sentences must then name it: the 卫健委's report
    # tells what the 医调委 under it did — QAService._evidence)
    return own or docs


def _names_a_lower_place(q: Question, ev: Evidence) -> bool:
    """The sentence names the asked place, and comes from a report of a higher level: a
    province's report on one of its cities, not a city's on its province ("居霁川省首位")."""
    asked = max((unit_rank(r) for r in q.regions), default=0)
    own = unit_rank(ev.chunk.region or "")
    return bool(asked and own and own < asked) and any(
        len(m) >= 2 and m in ev.sentence for m in q.region_mentions)


def _named_alone(place: str, text: str) -> bool:
    """Whether ``text`` names ``place`` on its own, not only as one of a group ("荪湖区、荪川区等六个
    区县…") or as the partner of a joint action ("与相邻的酃塘镇联合调处…"): what follows those is the
    group's or the pair's, not the place's. A list giving each place its figure ("蓴湖区214件、蘋东区187件")
    names each on its own."""
    for m in re.finditer(re.escape(place), text):
        if _GROUP_AFTER.match(text, m.end()) or _PARTNER_BEFORE.search(text[max(0, m.start() - 8):m.start()]):
            continue
        return True
    return False


_GROUP_AFTER = re.compile(r"(?:[、和与及][\u4e00-\u9fa5]{1,12}?)*等")
_PARTNER_BEFORE = re.compile(r"(?:与|同|跟)(?:相邻的?|邻近的?|周边的?)?$")


def _with_reports(answer: Answer, docs: list[DocumentRecord]) -> Answer:
    """Related material, followed by the list of reports the knowledge base holds."""
    return replace(answer, text=f"{answer.text}\n目前收录的报告：{describe(docs)}。")


def _part_of_the_figure(part: Evidence, whole: Evidence) -> bool:
    """``part``'s figure is a 其中 part of a whole its sentence states with ``whole``'s figure."""
    from bot.extractive import evidence_facts

    if not part.bindings or not whole.bindings or not part.bindings[0].fact.share_of:
        return False
    fact, value = part.bindings[0].fact, whole.bindings[0].fact.value
    return any(fact.share_of in g.indicator and g.unit == fact.unit and abs(g.value - value) < 1e-9
               for g in evidence_facts(part) if not g.share_of)


RARE_BESIDE = 2.0  # a question word this rare (idf-like weight) names what it is about, not how it is said


def _rare_words_left(terms: list[Term], q: Question, sentence: str) -> bool:
    """The question names two or more rare things outside the concept's description (each a word and its
    word-table terms: 警方 → 公安局, 被骗 → 诈骗), and the sentence says none of them. (One such thing may be
    a loose word-table reading — 干活 → 办事 — beside a concept described well.)"""
    from bot.extractive import occurs

    spans = {span for span, _ in q.synonyms[:1]}  # (the concept's; the word table's own rows are words beside it)
    beside = [t for t in terms if t.group not in spans and not any(t.group in s or t.text in s for s in spans)
              and not t.negated]
    rare = {t.group for t in beside if t.weight >= RARE_BESIDE}
    return len(rare) >= 2 and not any(occurs(t, sentence) for t in beside if t.group in rare)


def _describing(terms: list[Term], q: Question) -> list[Term]:
    """The terms of a question that describes a concept: the words around the description
    weigh little (bot.concepts.AROUND) — the concept, not "重新" or "警察", is what a sentence
    must name."""
    from bot.concepts import AROUND

    spans = {span for span, _ in q.synonyms}
    # the concept's official terms name the indicator itself ("非法行医" for 黑诊所假医生)
    return [replace(t, names=t.expansion) if t.group in spans else replace(t, weight=min(t.weight, AROUND))
            for t in terms]


# each place's figure asked ("在各乡镇分别核发了多少件", "各区县各自受理多少件"; not "各区县共受理…")
_EACH_PLACE_ASK = re.compile(r"各(?:乡镇|街道|镇|乡|县|区|县区|区县|县市区|县（市、区）|村|社区|设区市|地市)"
                             r"[^，,。？?；;]{0,12}?(?:分别|各自)")


def _headline_figures(answer: Answer) -> int:
    """The figures the answer's first line states."""
    from bot.figures import find_figures

    return len({f.text for f in find_figures(answer.text.partition("\n")[0])})


def _wrong_changes(q: Question, sentence: str) -> list[str]:
    """A note for each change the question states that the cited sentence states the other
    way round ("上升了1.2个百分点" where the report says 下降1.2个百分点)."""
    from bot.premise import contradicted_change
    from facts import sentence_facts

    claims = change_claims(q.normalized)
    if not claims:
        return []
    facts = sentence_facts(sentence)
    notes = []
    for claim in claims:
        fact = contradicted_change(claim, facts)
        if fact is not None:
            said = "增长" if fact.change == "increase" else "下降"
            notes.append(f"注意：报告中是{said}{unsigned(fact.text)}，并非问题所说的“{claim.text}”。")
    return notes


EXACT_TRIES = 5  # evidence sentences looked through for the exact figure a rounded one stands for
_UP_TO = ("近", "将近", "接近", "不足", "不超过", "以内", "以下")  # the exact figure is at most the rounded one


def _rounding_step(value: float) -> float:
    """The place a rounded figure is rounded to: 3100 → 100, 99 → 1, 18.7万 → 1000, 0.5 → 0.1."""
    if value != int(value):
        decimals = len(repr(value).split(".")[1]) if "e" not in repr(value) else 0
        return 10.0 ** -decimals
    step, n = 1.0, int(abs(value))
    while n and n % 10 == 0:
        step, n = step * 10, n // 10
    return step


def rounds_to(exact: float, rounded: float, approx: str) -> bool:
    """Whether ``exact`` is what "``rounded``" with its approximation word says (3126 of 3100多,
    99.2 of 99%以上, 1886 of 近1900; 29.9 of 约30)."""
    step = _rounding_step(rounded)
    if any(w in approx for w in _UP_TO):
        return rounded - step <= exact <= rounded
    if approx in ("约", "大约", "左右", "大概", "范围"):
        return abs(exact - rounded) <= step / 2 or abs(exact - rounded) <= 0.05 * abs(rounded)
    return rounded <= exact <= rounded + step  # 余, 多, 以上, 超过, 逾, 多达


def _exact_of_rounded(evidence: list[Evidence], supported: Callable[[Evidence], bool]) -> int:
    """The index of the close evidence giving the exact figure the best one gives rounded ("3100多件"
    said at a press conference, "3126件" in the report): a wrong number is worse than a rounded one,
    and the exact one is what the report states (the same value without its 余 is no more exact). 0 when
    there is none."""
    if not evidence or not evidence[0].bindings:
        return 0
    f = evidence[0].bindings[0].fact
    # ("5.62万件": the report's 56238件 is exact — as shown, with a table column's unit: 15318.2万元 is no exact count)
    in_magnitude = said_round(f, as_shown=True)
    if not f.approx and not in_magnitude:
        return 0

    def exact(g: Fact) -> bool:
        if in_magnitude:
            return not _MAGNITUDE.search(g.display) and abs(g.value - f.value) <= _rounding_step(f.value) / 2
        return rounds_to(g.value, f.value, f.approx)
    return _first_close(evidence, lambda g: not g.approx and g.unit == f.unit and not g.plan and g.change == f.change
                        and g.value != f.value and exact(g), supported)


_MAGNITUDE = re.compile(r"\d[万亿]")


def _as_said_in_prose(lead: str, best: Evidence, chosen: list[Evidence]) -> str:
    """A table cell's figure as a cited sentence of the same report says the same value ("全年窗口办件5.74万件"
    beside the table's 全年 57400件): the report's own words for it; ``lead`` unchanged otherwise."""
    f = next((b.fact for b in best.bindings if b.fact.display == lead), None)
    if f is None or not f.table:
        return lead
    for ev in chosen[1:]:
        if ev.chunk.doc_id != best.chunk.doc_id:
            continue
        said = [b.fact for b in ev.bindings if not b.fact.table and b.fact.unit == f.unit
                and not (b.fact.plan or b.fact.change or b.fact.role == "before")]
        g = next((g for g in said if g.value == f.value), None)
        if g is not None:
            return g.display
        # (the sentence rounds it — "全年来电量11.74万个" of the table's 117440: the exact figure, and the words)
        g = next((g for g in said if said_round(g) and rounds(g, f)), None)
        if g is not None:
            return f"{lead}（约{g.display}）"
    return lead


def said_round(fact: Fact, as_shown: bool = False) -> bool:
    """A count said in 万 or 亿 with no word of approximation ("5.62万件"): rounded to its last written digit;
    ``as_shown``: in 万 or 亿 as displayed, a table column's unit included ("15318.2" of a 万元 column)."""
    return not fact.approx and fact.unit not in ("%", "个百分点") \
        and bool(_MAGNITUDE.search(fact.display if as_shown else fact.text))


def _of_the_year(q: Question, evidence: list[Evidence], supported: Callable[[Evidence], bool]) -> int:
    """The index of a close evidence giving the year's figure when the best gives a part of the year's
    that the question does not ask ("2025年立案的占道经营类案件": 1035件 of the year, not the 186件 of
    one month's campaign); 0 when there is none."""
    if not evidence or not evidence[0].bindings or asked_period(q.normalized):
        return 0
    # (a half-year report's figures are the half-year's: a figure's period is its evidence's too)
    of = {id(ev.bindings[0].fact): ev for ev in evidence[:EXACT_TRIES] if ev.bindings}
    f = evidence[0].bindings[0].fact
    if _period(evidence[0], f) is None:
        return 0
    return _first_close(evidence, lambda g: g.unit == f.unit and _period(of[id(g)], g) is None,
                        supported, floor=0.8)


def _the_rate_named(evidence: list[Evidence], terms: list[Term], supported: Callable[[Evidence], bool]) -> int:
    """The index of a close evidence stating the asked rate by its whole name when the best states
    a rate it ends in ("一次办结率" asked: 一次办结率98.5%, not the 办结率97.7% of another passage);
    0 when there is none."""
    if not evidence or not evidence[0].bindings:
        return 0
    own = normalize_numerals(evidence[0].bindings[0].fact.indicator).lower()
    rates = [t.text for t in terms if len(t.text) >= 4 and t.text.endswith("率") and t.text not in own
             and own.endswith(t.text[-3:])]
    if not rates:
        return 0
    return _first_close(evidence, lambda g: any(r in normalize_numerals(g.indicator).lower() for r in rates),
                        supported, floor=0.8)


# a kind a figure is broken down by ("征收拆迁类案件败诉率", "生态环境领域行政处罚案件")
_KIND_OF = re.compile(r"[\u4e00-\u9fa5]{2,8}?(?:类|领域)")


def _no_kind_unasked(evidence: list[Evidence], terms: list[Term], supported: Callable[[Evidence], bool]) -> int:
    """The index of a close evidence giving the figure of no kind when the best gives one kind's and the
    question names no kind ("政府一方判输的比例": 败诉率为9.5%, not 征收拆迁类案件败诉率最高，为14.2%);
    0 when there is none."""
    if not evidence or not evidence[0].bindings:
        return 0
    f = evidence[0].bindings[0].fact
    kind = _KIND_OF.search(f.indicator)
    if kind is None or f.unit != "%" or any(len(t.text) >= 2 and t.text in kind.group() for t in terms):
        return 0
    # (a rate of no kind said in a sentence: a table's rows are kinds of their own, 医疗卫生｜…)
    return _first_close(evidence, lambda g: g.unit == f.unit and not g.table and not _KIND_OF.search(g.indicator),
                        supported, floor=0.8)


# words that say a count is of every kind ("各类违法案件", "全部案件"), no kind of its own (nor does the
# generic 办理 of "办理户籍业务")
_ALL_KINDS = re.compile(r"各类|各项|各种|全部|所有|全年|共计|累计|合计|依法|违法|各级|办理|全[省市区县镇]|[共总]")


def _unasked_qualifier(indicator: str, q: Question, terms: list[Term]) -> int:
    """How many characters of a figure's indicator neither the question's terms nor a word of
    every kind say ("不合格食品相关" of 立案查处不合格食品相关案件, asked 立案查处…案件: 7)."""
    rest = normalize_numerals(indicator).lower()
    for t in sorted(terms, key=lambda t: -len(t.text)):
        rest = rest.replace(t.text, " ")
    rest = _ALL_KINDS.sub(" ", q.without_places(rest))
    # (a kind is a noun before the head: not who did it — 行政机关 of 行政机关败诉率 — nor a flow, 新引进)
    rest = _NO_KIND.sub(" ", rest)
    return len(re.findall(r"[\u4e00-\u9fa5]", rest))


_NO_KIND = re.compile(r"[\u4e00-\u9fa5]{0,4}?(?:机关|部门|政府|单位)|新增|新设|新批|新建|新引进|引进|新接收|新收|新开")


def _no_qualifier_unasked(q: Question, evidence: list[Evidence], terms: list[Term],
                          supported: Callable[[Evidence], bool]) -> int:
    """The index of a close evidence whose figure is the asked thing of every kind when the best's is
    a kind the question does not name ("立案查处了多少件案件": 全年立案查处各类违法案件386件, not
    立案查处不合格食品相关案件64件 of a passage on food sampling); 0 when there is none."""
    if not evidence or not evidence[0].bindings or not terms or q.asks >= 2:
        return 0  # (several asks are bound each by its own words)
    f = evidence[0].bindings[0].fact
    if f.table or _unasked_qualifier(f.indicator, q, terms) < 3:
        return 0
    # (the rival's own words all asked, and none of the question's missing from it; a table row's cell
    # of the best's year: "查处治安案件（起）｜2025年：31331", not "其中查处赌博、涉黄等治安案件2033起")
    return _first_close(evidence, lambda g: g.unit == f.unit and not g.change and not g.role
                        and (not g.table or g.year in (f.year or evidence[0].chunk.year, *q.years))
                        and _unasked_qualifier(g.indicator, q, terms) == 0
                        and all(t.text in normalize_numerals(g.indicator).lower() for t in terms
                                if t.text in normalize_numerals(f.indicator).lower()),
                        supported, floor=0.8)


def _whole_place_said(q: Question, evidence: list[Evidence], supported: Callable[[Evidence], bool]) -> int:
    """The index of a close evidence whose sentence says the whole of the place the question asks of
    ("全市各级审计机关…移送问题线索41件，其中移送纪检监察机关32件") when the best's says no whole (the
    bureau's own "向纪检监察机关移送17件"); 0 otherwise."""
    asked = WHOLE_OF_PLACE.search(q.normalized)
    if asked is None or not evidence or not evidence[0].bindings or asked.group() in evidence[0].sentence:
        return 0
    unit = evidence[0].bindings[0].fact.unit
    # (and says as much of the rest: not "全市…持证率…，全年组织…轮训5800人次" for "“十四五”期间全市…轮训总共多少")
    return _first_close(evidence, lambda g: g.unit == unit, lambda ev: asked.group() in ev.sentence
                        and ev.coverage >= evidence[0].coverage and supported(ev), floor=0.9)


def _heaviest_said(q: Question, evidence: list[Evidence], terms: list[Term],
                   supported: Callable[[Evidence], bool]) -> int:
    """The index of a close evidence whose figure's own words (or headings) say the question's heaviest word
    when the best's sentence says none of it ("在环保方面发了几条诉前建议": the table's 生态环境和资源保护 row,
    not 发出诉前检察建议497件 of every field); 0 when there is none (or several asks)."""
    if not evidence or not evidence[0].bindings or not terms or q.asks > 1 or q.is_comparison:
        return 0  # (of several asks the heaviest word may be another ask's: "医疗纠纷和物业纠纷的调解成功率")
    weight: dict[str, float] = {}
    for t in terms:
        weight[t.group] = max(weight.get(t.group, 0.0), t.weight)
    heaviest = [t for t in terms if t.group == max(weight, key=weight.__getitem__)]
    top = max(t.weight for t in heaviest)

    def says(ev: Evidence) -> bool:  # (a member that stands for the group, said whole: 负责人 is no 区长 —
        # by the figure's own words or its headings: not 纠错率 of "…自行纠正的112件，综合纠错率为16.8%")
        fact = ev.bindings[0].fact if ev.bindings else None
        own = f"{fact.topic} {fact_phrase(fact)}" if fact is not None else ev.sentence
        text = normalize_numerals(f"{ev.chunk.section_path} {own}").lower()
        return any(t.weight >= 0.5 * top and occurs(t, text) for t in heaviest)

    best = normalize_numerals(f"{evidence[0].chunk.section_path} {evidence[0].sentence}").lower()
    if says(evidence[0]) or coverage(best, heaviest) > 0:
        return 0  # (the best's sentence says it anywhere: only a best saying none of it yields)
    # (and says as much of the rest as the best: not "减免罚款416.3万元" of every department for "管环保的
    # 部门…罚了多少钱" over the 生态环境局's row, which says the field the sentence lacks)
    return _first_close(evidence, lambda g: g.unit == evidence[0].bindings[0].fact.unit,
                        lambda ev: says(ev) and ev.coverage >= evidence[0].coverage and supported(ev), floor=0.8)


# a question of a government's own level ("省政府本级", "市政府自己当复议机关"), not of its whole place
# (… or its level said as a level: "市级政务服务好评率", "municipal-level government services")
_OWN_LEVEL_ASKED = re.compile(r"本级|政府自己|政府本身|own level|itself|[省市区县]级(?!以上|以下|及以上)|"
                              r"\b(?:municipal|city|county|district|provincial)[- ]level\b", re.I)


def own_level_only(question: Question, fact: Fact) -> bool:
    """The figure is of the government's own level ("省政府本级受理行政复议案件318件，审结301件", a table's
    "市本级" row) and the question asks of the place as a whole (a city's report may give no other)."""
    if _OWN_LEVEL_ASKED.search(question.normalized):
        return False
    if fact.table:
        return "本级" in fact.source.split("｜", 1)[0]
    before = fact.source[:fact.start]
    clause = before[max(before.rfind(c) for c in "。；;") + 1:]
    if "本级" not in clause:
        return False
    # (the body whose own level it is, named by the question: "…仲裁院2025年受理案件多少件" of "县劳动人事争议
    # 仲裁院本级受理案件1936件")
    body = re.search(rf"({BODY_KIND}|院|中心)本级", clause)
    return not (body and clause[max(0, body.end(1) - 3):body.end(1)] in question.normalized)


def _not_own_level(q: Question, evidence: list[Evidence], supported: Callable[[Evidence], bool]) -> int:
    """The index of a close evidence giving the place's whole figure when the best gives the government's own
    level's ("省政府本级…审结301件") and the question asks of no own level; 0 when there is none."""
    if not evidence or not evidence[0].bindings or not own_level_only(q, f := evidence[0].bindings[0].fact):
        return 0
    # (the same count of the whole: "审结301件" of 本级 for "审结13105件" — not another count near it)
    # (… or named after a body's 本级, "市劳动人事争议仲裁院本级受理案件1936件" for "受理5874件": what it
    # did, in a word of the whole's or the whole's in a word of its)
    said = _OWN_LEVEL_WORDS.sub("", f.indicator).rpartition("本级")[2]

    def same_count(g: Fact) -> bool:
        theirs = _OWN_LEVEL_WORDS.sub("", g.indicator)
        return theirs == said or len(theirs) >= 2 and len(said) >= 2 and (theirs in said or said in theirs)

    # (a floor below the others': the own level's sentence names the body, which the question's words
    # may name too — "县劳动人事争议仲裁院本级受理案件" of "受理劳动人事争议仲裁案件")
    return _first_close(evidence, lambda g: g.unit == f.unit and not own_level_only(q, g) and same_count(g),
                        supported, floor=OWN_LEVEL_FLOOR)


OWN_LEVEL_FLOOR = 0.6


_OWN_LEVEL_WORDS = re.compile(r"^(?:[省市区县]政府)?本级|^[省市区县]?本级")


def _over_the_years(q: Question, evidence: list[Evidence], supported: Callable[[Evidence], bool]) -> int:
    """The index of a close evidence giving a figure summed over years when the question asks one
    ("“十四五”期间…总共多少人次": 五年来累计…2.6万人次, not the year's 5800人次), or one that is not
    when it asks none; 0 when there is none."""
    if not evidence or not evidence[0].bindings:
        return 0
    asked = bool(OVER_YEARS_ASKED.search(normalize_numerals(q.normalized)))
    f = evidence[0].bindings[0].fact
    if said_over_years(f) == asked:
        return 0
    # (and the other way: "2025年轮训多少人次" is the year's 5800人次, not 五年来累计…2.6万人次)
    return _first_close(evidence, lambda g: g.unit == f.unit and said_over_years(g) == asked, supported, floor=0.8)


def _first_close(evidence: list[Evidence], fits: Callable[[Fact], bool], supported: Callable[[Evidence], bool],
                 floor: float | None = None) -> int:
    """The index of the first of the next evidence (up to EXACT_TRIES; while it scores at least ``floor``
    × the best's, when given) whose bound figure ``fits`` and that supports an answer; 0 when none."""
    for k, ev in enumerate(evidence[1:EXACT_TRIES], 1):
        if floor is not None and ev.score < floor * evidence[0].score:
            break
        if ev.bindings and fits(ev.bindings[0].fact) and supported(ev):
            return k
    return 0


def _period(ev: Evidence, fact: Fact) -> Months | None:
    """The part of the year a figure of ``ev`` is of (its sentence's, its headings' or its report's)."""
    return period_of(fact.source, fact.start, context_period(ev.chunk.section_path, ev.chunk.title))


def _conflicting(q: Question, best: Evidence, chosen: list[Evidence]) -> Evidence | None:
    """Another cited sentence of the same report year whose figure measures the same
    indicator as the answer's, with another value."""
    if q.kind != "numeric" or q.asks > 1 or not best.bindings:
        return None
    fact = best.bindings[0].fact
    for ev in chosen[1:]:
        if not ev.bindings or ev.chunk.year != best.chunk.year or ev.chunk.region != best.chunk.region:
            continue
        f = ev.bindings[0].fact
        same = f.indicator == fact.indicator and f.topic == fact.topic and f.unit == fact.unit \
            and _period(ev, f) == _period(best, fact)  # (上半年's 68件 is no other count of the year's 142件)
        if same and len(f.indicator) >= 2 and abs(f.value - fact.value) > 1e-9 \
                and f.year == fact.year and f.role == fact.role and not (f.plan or fact.plan) \
                and said_over_years(f) == said_over_years(fact) \
                and not rounds(f, fact):  # (五年来累计…19488件 is no other 4356件; 5.62万件 is 56238件 round)
            return ev
    return None


_NONE = re.compile(r"(?:未发生|没有发生|未出现|未再发生|实现零)[^，。；;]{1,16}")


def _where(c: ChunkRecord | Citation) -> str:
    """'余杭区2021年', or the report's title when it has no year."""
    return f"{_short_region(c.region)}{c.year}年" if c.year else (c.title or c.source)


def _short_region(region: str | None) -> str:
    if not region:
        return ""
    from bot.query import region_aliases

    # the most specific place with its suffix: 杭州市余杭区 → 余杭区, 江北市司法局 → 江北市
    # (not the bare stem of a 州市: 蘅州市 stays 蘅州市)
    places = [a for a in region_aliases(region)[1:] if re.search(r"[省市区县旗州镇乡道]$", a)
              and not (len(region) == len(a) + 1 and region.startswith(a))]
    return min(places, key=len) if places else region


PARTS_MARGIN = 0.6  # a sentence listing the parts asked, this close to the best, answers "各多少" first
_SCAN_ALL = 50_000  # up to this many chunks, every text is searched (≤ ~50 ms)
_POSTINGS = 20_000  # a keyword token held by more chunks is not worth a candidate search


# (… or "各县（区）中，", "在各乡镇中，": the places the clause goes on to name one of)
_CLAUSE_LEAD = re.compile(rf"^(?:其中|分市看|分县看|分区看|此外|另外|{EACH_PLACE_LEAD})[，,、]?")
# a clause opening on a list of places ("泫州市、泃川市…", "甲县和乙县…")
_PLACE_NAME = r"[^全各本该我其省市县区\W\d][\u4e00-\u9fa5]{1,4}?(?:市|县|区|州|旗|镇|乡|街道)"
_LISTED_PLACES = re.compile(rf"{_PLACE_NAME}(?:[、和及与]{_PLACE_NAME})+")
_ONE_PLACE = re.compile(rf"{_PLACE_NAME}(?=[\u4e00-\u9fa5]{{0,12}}?(?:率|为|达到|达|仅|最|\d))")


def _region_words(docs: list[DocumentRecord]) -> list[str]:
    """Every name the knowledge base's places may be said by ("澄阳市", "澄阳"), each place's in turn."""
    return [a for r in dict.fromkeys(d.region for d in docs if d.region) for a in region_aliases(r)]


def part_roots(snap) -> dict[str, str]:  # noqa: ANN001
    """The compilation (汇编) parts of the store: each path root that is a body's report's title, with
    that body ("澯州市公安局2025年度法治政府建设工作报告" → 公安局), read once per snapshot (kept on it)."""
    parts = snap.__dict__.get("_part_roots")
    if parts is None:
        from ingest.structure import part_title

        roots = {c.section[0] for c in snap.chunks if c.section}
        parts = {r: body for r in roots if (body := part_title(r))}
        object.__setattr__(snap, "_part_roots", parts)
    return parts


def part_bodies(snap) -> frozenset[str]:  # noqa: ANN001
    """The bodies whose reports are parts of a compilation (汇编) in the store."""
    return frozenset(part_roots(snap).values())


_YEAR_NAMED = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def years_named(snap, doc_id: str) -> frozenset[int]:  # noqa: ANN001
    """The years a report's chunks name in their text or section path ("2023年", "二〇二三年",
    a year column's "2024年："), read once per report and snapshot (kept on it)."""
    named = snap.__dict__.get("_years_named")
    if named is None:
        named = {}
        object.__setattr__(snap, "_years_named", named)  # (a frozen dataclass: its own cache)
    years = named.get(doc_id)
    if years is None:
        import numpy as np

        found: set[int] = set()
        for i in np.flatnonzero(snap.chunk_mask([doc_id])):
            chunk = snap.chunks[i]
            text = normalize_numerals(f"{chunk.text}\n{' '.join(chunk.section)}")  # (二〇二三年 → 2023年)
            found.update(int(y) for y in _YEAR_NAMED.findall(text))
        years = named[doc_id] = frozenset(found)
    return years


def table_places(snap) -> frozenset[str]:  # noqa: ANN001
    """The places the store's tables of places have rows for ("茆山县" of "茆山县｜行政处罚案件…"),
    or its lists of places paragraphs ("茜州市：…"), read once per snapshot (kept on it)."""
    from bot.query import TABLE_PLACE

    places = snap.__dict__.get("_table_places")
    if places is None:
        places = frozenset(m.group(1) for c in snap.chunks if "｜" in c.text or "：" in c.text
                           for m in TABLE_PLACE.finditer(c.text))
        object.__setattr__(snap, "_table_places", places)  # (a frozen dataclass: its own cache)
    return places


_PROSE_PLACE = re.compile(r"[\u4e00-\u9fa5]{2,4}?(?:街道|[区县市镇乡州旗])")
_NO_NAME_START = frozenset("全各本该我其中在的和与及省市县区镇乡对向为有是")


def prose_places(snap) -> frozenset[str]:  # noqa: ANN001
    """Words of the store's texts shaped like a place's name ("涑阳区" of "其中…涑阳区564件"): the
    candidates an English question's pinyin is matched against, read once per snapshot (none
    for a store too large to scan)."""
    places = snap.__dict__.get("_prose_places")
    if places is None:
        found: set[str] = set()
        if len(snap.chunks) <= _SCAN_ALL:
            for c in snap.chunks:
                for m in _PROSE_PLACE.finditer(c.text):
                    word = m.group()  # "其中涑阳区": its tails of a name's length too
                    found.update(t for k in range(len(word) - 2, -1, -1) if len(t := word[k:]) <= 5
                                 and t[0] not in _NO_NAME_START)
        places = frozenset(found)
        object.__setattr__(snap, "_prose_places", places)
    return places


def _corpus_has(snap, text: str) -> bool:  # noqa: ANN001
    """Whether some chunk's text contains ``text``. A large store searches only the chunks
    that hold one of its three rarest keyword tokens (the keyword index's postings), none if
    no token of it is indexed: a scan of every text took ~1 s at 1,000,000 chunks. There, a
    text that jieba splits otherwise inside every chunk holding it is missed; a small store
    is scanned whole."""
    keyword = snap.keyword
    indexed = sorted(set(keyword.query_tokens(text)), key=keyword.df)
    rare = [t for t in indexed if keyword.df(t) <= _POSTINGS][:3]
    chunks = snap.chunks
    for token in rare:
        if any(text in chunks[i].text for i in keyword.chunks_with(token).tolist()):
            return True
    if len(chunks) > _SCAN_ALL and (rare or not indexed):
        return False  # (no token indexed: no chunk holds it)
    return any(text in c.text for c in chunks)


def build_service(settings, store: KnowledgeStore | None = None) -> QAService:  # noqa: ANN001
    from vectorstore.factory import open_store

    store = store or open_store(settings)
    search = HybridSearch(store, settings.candidates, settings.rrf_k, settings.bm25_weight,
                          settings.vector_weight)

    def idf(token: str) -> float | None:
        keyword = store.snapshot().keyword
        return keyword.idf(token) if token in keyword else None

    from bot.background import background_idf
    from bot.scorer import load_scorer

    answerer = ExtractiveAnswerer(store.tokenize, idf, scorer=load_scorer(settings.scorer_weights),
                                  general=background_idf if settings.background_idf else None)
    llm = rewriter = None
    if settings.llm_base_url or settings.llm_model:
        from bot.llm import LLMAnswerer, LLMRewriter, build_chat_model

        chat = build_chat_model(settings)
        if chat is not None:
            llm, rewriter = LLMAnswerer(chat), LLMRewriter(chat)
    gate = load_gate(settings.gate_weights or GATE_FILE) if settings.answer_gate else None
    second_look = load_gate(settings.second_look_weights or SECOND_LOOK_FILE) if settings.second_look else None
    return QAService(store, search, answerer, today=settings.today, llm=llm, rewriter=rewriter,
                     limits=ChatLimits.from_settings(settings), gate=gate, second_look=second_look)


__all__ = ["QAService", "build_service"]
