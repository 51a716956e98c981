"""The default answerer: picks the supporting sentence(s) from retrieved passages. No LLM.

Every sentence of the retrieved passages is scored by how much of the question's key terms
(weighted by rarity) it and its section cover, plus the passage's retrieval rank. For
多少/几/比例 questions the answer leads with the figure whose clause best matches the
question and whose unit fits; for 有哪些 questions it gathers the listed items.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.figures import Figure, find_figures, unit_matches
from bot.query import Question, expected_units
from bot.retriever import Hit
from ingest.numerals import UNIT_CHARS, normalize_numerals
from ingest.sentences import split_sentences

# Words of the question that say what kind of answer is wanted, not what it is about.
QUESTION_WORDS = frozenset(
    "多少 几 几个 几家 几件 哪些 哪个 哪项 哪一 哪几 什么 是否 有没有 怎样 怎么 如何 是指 指 叫 "
    "名称 具体 分别 一共 总共 情况 主要 哪 谁 何 为何 为什么 多 少 了 吗 呢 么 是 有 请问 告诉 "
    "段时间 时间段 哪段 哪年 哪一年 何时 什么时候 时候 哪里 哪儿 "
    "what was which how many much is are the of for in did does do s".split())
UNSEEN_WEIGHT = 0.6  # a question word the reports never use (often colloquial)
_PLAN_MARKERS = re.compile(r"力争|计划|拟|将(?![^，。]*[已了])|以上(?:。|$)|不少于|确保|争取|目标")
_PLAN_SECTION = re.compile(r"安排|计划|打算|思路|下一步|工作重点|202\d年.*(?:工作|主要)")
_NAME_ASK = re.compile(r"什么|哪项|哪个|哪一|叫|名称|哪家|哪些|what|which", re.I)
_QUOTED = re.compile(r"[“「《\"]([^”」》\"]{2,40})[”」》\"]")
_ITEM_SPLIT = re.compile(r"[一二三四五六七八九十]是|[；;]")


@dataclass
class Term:
    text: str
    weight: float
    parts: tuple[str, ...] = ()  # sub-words that earn partial credit when the word is absent
    expansion: bool = False  # added from the synonym tables, not written by the user


@dataclass
class Evidence:
    hit: Hit
    rank: int  # rank of the hit among retrieved passages
    sentence: str
    score: float
    coverage: float
    figures: list[Figure] = field(default_factory=list)

    @property
    def chunk(self):  # noqa: ANN201
        return self.hit.chunk


def question_terms(question: Question, tokenize: Callable[[str], list[str]],
                   idf: Callable[[str], float | None],
                   words: Callable[[str], list[str]] | None = None) -> list[Term]:
    """Key terms of the question with weights: rarer words weigh more; expansions a little less."""
    drop = set(QUESTION_WORDS)
    for mention in question.region_mentions:
        drop.update(tokenize(mention))
        drop.add(mention)
    drop.update(str(y) for y in question.years)
    explained = set()
    for phrase in question.explained:
        explained.update(tokenize(phrase))
    terms: dict[str, float] = {}
    base = question.normalized
    for y in question.years:
        base = base.replace(f"{y}年", " ")
    for mention in question.region_mentions:
        base = base.replace(mention, " ")
    words = words or tokenize
    parts: dict[str, tuple[str, ...]] = {}
    for tok in words(base):
        if tok in drop or tok in explained or tok.isdigit() or tok in UNIT_CHARS:
            continue
        w = idf(tok)
        if w is None and len(tok) > 2:
            # a compound the index never saw whole: weigh it by its known parts
            known = [idf(p) for p in tokenize(tok) if p != tok and len(p) > 1]
            known = [k for k in known if k is not None]
            w = max(known) if known else None
        weight = UNSEEN_WEIGHT if w is None else w
        if len(tok) == 1:
            weight *= 0.3
        terms[tok] = max(terms.get(tok, 0.0), weight)
        parts[tok] = tuple(p for p in tokenize(tok) if p != tok and len(p) > 1)
    for phrase in question.expansions:
        for tok in words(phrase):
            if tok in drop or tok in terms:
                continue
            w = idf(tok)
            if w is None:
                continue
            terms[tok] = w * (0.3 if len(tok) == 1 else 0.8)
    return [Term(t, w, parts.get(t, ()), expansion=t not in parts) for t, w in terms.items()]


def coverage(text: str, terms: list[Term]) -> float:
    """Weighted share of the terms the text contains; half credit for a word's parts."""
    total = sum(t.weight for t in terms)
    if total <= 0:
        return 0.0
    norm = normalize_numerals(text).lower()
    got = 0.0
    for t in terms:
        if t.text in norm:
            got += t.weight
        elif t.parts:
            got += 0.5 * t.weight * sum(p in norm for p in t.parts) / len(t.parts)
    return got / total


def _sentences(text: str) -> list[str]:
    return [s for line in text.split("\n") for s in split_sentences(line) if s.strip()]


class ExtractiveAnswerer:
    def __init__(self, tokenize: Callable[[str], list[str]],
                 idf: Callable[[str], float | None], threshold: float = 0.4):
        self.tokenize = tokenize
        self.idf = idf
        self.threshold = threshold

    def terms(self, question: Question) -> list[Term]:
        return question_terms(question, self.tokenize, self.idf,
                              getattr(self.tokenize, "words", None))

    def evidence(self, question: Question, hits: list[Hit],
                 terms: list[Term] | None = None) -> list[Evidence]:
        """Candidate supporting sentences, best first."""
        terms = terms if terms is not None else self.terms(question)
        out: list[Evidence] = []
        for rank, hit in enumerate(hits):
            chunk = hit.chunk
            context = coverage(chunk.section_path + chunk.text, terms)
            section_cov = coverage(chunk.section_path, terms)
            plan_section = bool(_PLAN_SECTION.search(chunk.section_path))
            heading = chunk.section[-1] if chunk.section else ""
            for sentence in _sentences(chunk.text):
                # The section heading says what its sentences are about ("存在的问题和不足").
                cov = max(coverage(sentence, terms), 0.85 * coverage(heading + sentence, terms))
                score = 0.55 * cov + 0.2 * context + 0.1 * section_cov + 0.15 / (1 + rank)
                figures: list[Figure] = []
                if question.kind == "numeric":
                    figures = [f for f in find_figures(sentence)
                               if unit_matches(f, question.units)]
                    if not figures:
                        score *= 0.5
                if not question.about_plans and (plan_section or _PLAN_MARKERS.search(sentence)):
                    score *= 0.75
                out.append(Evidence(hit, rank, sentence, score, cov, figures))
        out.sort(key=lambda e: -e.score)
        return out

    def supported(self, question: Question, ev: Evidence,
                  terms: list[Term] | None = None) -> bool:
        """Enough of the question is in the sentence, including its most specific word."""
        if question.kind == "numeric" and not ev.figures:
            return False
        if ev.coverage < self.threshold:
            return False
        if ev.coverage >= 0.75 or not terms:
            return True
        own = [t for t in terms if not t.expansion and t.weight > UNSEEN_WEIGHT]
        if not own:
            return True
        # One of the two most specific words must be there: "听证审理了多少件" is not
        # answered by a sentence about 行政复议案件 in general.
        keys = sorted(own, key=lambda t: -t.weight)[:2]
        heading = ev.chunk.section[-1] if ev.chunk.section else ""
        return any(coverage(heading + ev.sentence, [k]) >= 0.5 for k in keys)

    # ---- what the answer leads with -------------------------------------------------
    def lead(self, question: Question, ev: Evidence, terms: list[Term]) -> str:
        if question.kind == "numeric":
            return "，".join(self.pick_figures(question, ev, terms))
        if question.kind == "list":
            items = list_items(ev.sentence, ev.chunk.text)
            if len(items) >= 2:
                return "；".join(items)
        if _NAME_ASK.search(question.normalized):
            name = quoted_name(ev.sentence, terms)
            if name:
                return name
        return ""

    def pick_figures(self, question: Question, ev: Evidence, terms: list[Term]) -> list[str]:
        parts = split_asks(question.normalized) if question.asks > 1 else [question.normalized]
        chosen: list[str] = []
        for part in parts:
            part_terms = [t for t in terms if t.text in normalize_numerals(part).lower()] or terms
            units = expected_units(part) or question.units
            best = best_figure(ev.sentence, ev.figures if units == question.units else
                               [f for f in find_figures(ev.sentence) if unit_matches(f, units)],
                               part_terms)
            if best and best.text not in chosen:
                chosen.append(best.text)
        return chosen or [ev.figures[0].text]


def clause_of(sentence: str, figure: Figure) -> str:
    start = max(sentence.rfind(p, 0, figure.start) for p in "，,；;：:。") + 1
    return sentence[start:figure.end]


def best_figure(sentence: str, figures: list[Figure], terms: list[Term]) -> Figure | None:
    if not figures:
        return None
    def score(f: Figure) -> float:
        clause = clause_of(sentence, f)
        return coverage(clause, terms) - 0.001 * f.start  # tie → the earlier one
    return max(figures, key=score)


def split_asks(question: str) -> list[str]:
    """'收集了多少条公众意见，采纳了多少条' → the two parts, each with its own 多少."""
    parts = [p for p in re.split(r"[，,、；;]|以及|和(?=[^，]*?(?:多少|几))", question) if p.strip()]
    asks = [p for p in parts if re.search(r"多少|几", p)]
    if len(asks) < 2:
        return [question]
    # Carry the shared topic (the text before the first ask) into every part.
    return asks


def quoted_name(sentence: str, terms: list[Term]) -> str:
    names = _QUOTED.findall(sentence)
    names = [n for n in names if not any(t.text == n for t in terms)]
    if not names:
        return ""
    return "“" + names[0] + "”"


def list_items(sentence: str, passage: str) -> list[str]:
    """Items of a list: 《…》 titles, 一是…二是… parts, or 、-separated quoted names."""
    titles = re.findall(r"《[^》]{2,60}》", sentence)
    if len(titles) >= 2:
        return titles
    if re.search(r"[一二三]是", sentence) or re.search(r"[一二三]是", passage):
        source = sentence if re.search(r"二是", sentence) else passage
        parts = [p.strip("，。；; ") for p in _ITEM_SPLIT.split(source)]
        return [p.split("，")[0] for p in parts if len(p) >= 4][:8]
    quoted = _QUOTED.findall(sentence)
    if len(quoted) >= 2:
        return ["“" + q + "”" for q in quoted]
    return []
