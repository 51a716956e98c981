"""Quizzes from the reports' own sentences, with answer keys and citations — no LLM.

Four kinds of item:

- ``blank``     填空题: a figure's digits are blanked, its unit stays ("引进律师事务所____家").
- ``choice``    选择题: the same stem with four options; the three distractors are other
                figures of the same unit from the corpus, the nearest in size.
- ``truefalse`` 判断题: the sentence as written (正确), with one figure swapped for another
                value of its unit, or attributed to another year of the same region whose
                report does not contain its figures (错误).
- ``match``     配对题: measures (sentences) to pair with the section headings they sit under.

Which figures may be blanked is decided by :func:`study.facts.blankable`. Every item cites
the passage its sentence comes from; the quote is verbatim in the passage. The same seed and
the same knowledge base always give the same quiz: candidates are sorted before
``random.Random(seed)`` draws from them.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.answer import Citation
from bot.figures import Figure
from study.corpus import (
    Sentence,
    StudyError,
    context_label,
    corpus_sentences,
    is_complete,
    is_heading,
    mentions,
    select_documents,
    short_region,
    store_of,
    topic_terms,
    trim_numbering,
)
from study.facts import (
    Fact,
    blankable,
    closeness,
    is_approximate,
    split_figure,
    usable_figures,
)
from vectorstore.records import ChunkRecord, DocumentRecord
from zh.dates import YEAR_WORD_RE, years_written
from zh.numerals import normalize_numerals
from zh.words import DEPENDENT_OPENINGS, PLAN_SECTION

KINDS = ("blank", "choice", "truefalse", "match")
KIND_NAMES = {"blank": "填空题", "choice": "选择题", "truefalse": "判断题", "match": "配对题"}
KIND_ALIASES = {"fill": "blank", "tf": "truefalse", "judge": "truefalse", "mc": "choice",
                "matching": "match", "填空": "blank", "选择": "choice", "判断": "truefalse",
                "配对": "match", **{name: kind for kind, name in KIND_NAMES.items()}}
BLANK = "____"
LETTERS = "ABCDEFGH"
MIN_SENTENCE, MAX_SENTENCE = 12, 160
MIN_MEASURE, MAX_MEASURE = 12, 70
_ACTION_START = re.compile(
    r"^(?:全年|全区|在)?(?:推行|推进|推动|开展|建立|建成|组织|落实|深化|加强|健全|完善|制定|出台|"
    r"印发|实施|强化|举办|聘请|新增|新建|召开|设立|打造|发布|修订|办理|审查|开辟|培育|组建|"
    r"梳理|探索|构建|规范|提供|发放)")


@dataclass(frozen=True)
class QuizItem:
    kind: str
    stem: str  # the question as printed
    answer: str  # the key as printed: "9家", "B. 9家", "错误", "1—C；2—A；3—B"
    citations: tuple[Citation, ...]  # match: one per measure, in the order of ``prompts``
    options: tuple[str, ...] = ()  # choice: the four values; match: the section headings
    prompts: tuple[str, ...] = ()  # match: the measures to pair
    solution: str = ""  # blank/choice/truefalse: the figure as the report writes it
    note: str = ""  # truefalse: what the report really says


@dataclass(frozen=True)
class Quiz:
    items: tuple[QuizItem, ...]
    seed: int
    kinds: tuple[str, ...]
    documents: tuple[DocumentRecord, ...]
    topic: str | None = None


def parse_kinds(text: str | Iterable[str] | None) -> tuple[str, ...]:
    """'blank,choice' → ('blank', 'choice'); unknown names raise StudyError."""
    if text is None:
        return KINDS
    parts = re.split(r"[\s,，、]+", text) if isinstance(text, str) else list(text)
    kinds = []
    for part in (p.strip().lower() for p in parts):
        if not part:
            continue
        kind = KIND_ALIASES.get(part, part)
        if kind not in KINDS:
            raise StudyError(f"未知题型“{part}”。可选：{', '.join(KINDS)}。")
        kinds.append(kind)
    return tuple(dict.fromkeys(kinds)) or KINDS


# ---- building ----------------------------------------------------------------------------
@dataclass(frozen=True)
class _Target:
    sentence: Sentence
    fact: Fact


class _Corpus:
    """Sentences in scope, figure targets, distractor pools and the other years' texts."""

    def __init__(self, chunks: Sequence[ChunkRecord], documents: Sequence[DocumentRecord],
                 terms: tuple[str, ...]):
        in_scope = {d.doc_id for d in documents}
        self.all_sentences = corpus_sentences(chunks)
        self.sentences = [s for s in self.all_sentences if s.chunk.doc_id in in_scope
                          and (not terms or mentions(s.chunk, terms))]
        self.targets = [
            _Target(s, fact) for s in self.sentences if _quizzable(s)
            for fact in blankable(s.text)]
        self.pool: dict[str, list[Figure]] = {}
        seen: set[tuple[str, float]] = set()
        for s in self.all_sentences:
            for fig in usable_figures(s.text):
                digits, suffix = split_figure(fig)
                if is_approximate(fig) or (suffix, float(digits)) in seen:
                    continue
                seen.add((suffix, float(digits)))
                self.pool.setdefault(suffix, []).append(fig)
        for figures in self.pool.values():
            figures.sort(key=lambda f: (float(split_figure(f)[0]), f.text))
        texts: dict[str, list[str]] = {}
        self.where: dict[str, tuple[str | None, int | None]] = {}
        for c in chunks:
            texts.setdefault(c.doc_id, []).append(c.text)
            self.where[c.doc_id] = (c.region, c.year)
        # each report's text with numerals normalised (九家 → 9家), to check a figure is absent
        self.normalized = {k: normalize_numerals("\n".join(v)) for k, v in texts.items()}
        self.documents = list(documents)
        self.matched: dict[str, int] = {}  # matching items made per report

    def others(self, target: _Target, sentence_text: str, k: int) -> list[Figure]:
        """Up to k values of the target's unit nearest in size, none equal to the answer or
        already in the sentence."""
        fig = target.fact.figure
        digits, suffix = split_figure(fig)
        candidates = [f for f in self.pool.get(suffix, [])
                      if float(split_figure(f)[0]) != float(digits)
                      and not _has_value(sentence_text, f)]
        candidates.sort(key=lambda f: (closeness(f, fig), float(split_figure(f)[0]), f.text))
        return candidates[:k]


def build_quiz(service_or_store, n: int = 10, kinds: Iterable[str] | str | None = None,  # noqa: ANN001
               seed: int | None = None, topic: str | None = None,
               reports: list[str] | None = None, years: list[int] | None = None) -> Quiz:
    """A quiz of up to ``n`` items of the given kinds, cycling through them."""
    if n < 1:
        raise StudyError("题目数量至少为1。")
    kinds = parse_kinds(kinds)
    if seed is None:
        seed = random.SystemRandom().randrange(1, 1_000_000)
    store = store_of(service_or_store)
    documents = select_documents(store.documents(), reports, years)
    topic = (topic or "").strip() or None
    terms = topic_terms(topic) if topic else ()
    corpus = _Corpus(store.chunks(), documents, terms)
    rng = random.Random(seed)

    makers = {"blank": _blank, "choice": _choice, "truefalse": _truefalse, "match": _match}
    pools = {kind: list(corpus.targets) for kind in kinds if kind != "match"}
    used: set[tuple[str, str]] = set()
    picked: list[QuizItem] = []
    active = list(kinds)
    turn = 0
    while len(picked) < n and active:
        kind = active[turn % len(active)]
        item = (_match(corpus, rng, used) if kind == "match"
                else _draw(pools[kind], makers[kind], corpus, rng, used))
        if item is None:
            active.remove(kind)
            continue
        picked.append(item)
        turn += 1
    items = tuple(sorted(picked, key=lambda it: KINDS.index(it.kind)))
    return Quiz(items, seed, kinds, tuple(documents), topic)


def _draw(pool: list[_Target], make, corpus: _Corpus, rng: random.Random,  # noqa: ANN001
          used: set[tuple[str, str]]) -> QuizItem | None:
    """Take random targets from the pool until one makes an item (None when exhausted)."""
    while pool:
        target = pool.pop(rng.randrange(len(pool)))
        key = _key(target.sentence)
        if key in used:
            continue
        item = make(target, corpus, rng)
        if item is not None:
            used.add(key)
            return item
    return None


def _key(s: Sentence) -> tuple[str, str]:
    return (s.chunk.doc_id, s.quote)


def _quizzable(s: Sentence) -> bool:
    return (is_complete(s.text) and MIN_SENTENCE <= len(s.text) <= MAX_SENTENCE
            and not s.text.startswith(DEPENDENT_OPENINGS))


def _has_value(text: str, fig: Figure) -> bool:
    """The sentence already shows this value of this unit (as a whole figure, not a part)."""
    return re.search(rf"(?<![\d.]){re.escape(fig.text)}", text) is not None


def _is_plan(s: Sentence) -> bool:
    """The sentence is from a part about next year's plans (四、2024年法治政府建设主要安排)."""
    top = s.chunk.section[0] if s.chunk.section else ""
    return bool(PLAN_SECTION.search(top)) or any(y != s.chunk.year for y in years_written(top))


def _in_context(s: Sentence, body: str, year: int | None = None) -> str:
    """'2021年余杭区：' + the sentence; the year is not repeated when the sentence opens with it.
    A plan is introduced by its report and part, so it is not read as that year's result."""
    region = short_region(s.chunk.region)
    if year is None and _is_plan(s) and s.chunk.year:
        return f"{region}{s.chunk.year}年报告“{trim_numbering(s.chunk.section[0])}”：{body}"
    year = year if year is not None else s.chunk.year
    if year and body.startswith(f"{year}年"):
        return f"{region}：{body}" if region else body
    label = f"{year}年{region}" if year else context_label(s.chunk)
    return f"{label}：{body}"


def _with_blank(s: Sentence, fig: Figure) -> str:
    digits, suffix = split_figure(fig)
    return s.text[:fig.start] + BLANK + suffix + s.text[fig.end:]


def _cite(s: Sentence, n: int = 1) -> Citation:
    return Citation.from_chunk(n, s.chunk, s.quote)


def _blank(target: _Target, corpus: _Corpus, rng: random.Random) -> QuizItem:
    s, fig = target.sentence, target.fact.figure
    return QuizItem("blank", _in_context(s, _with_blank(s, fig)), fig.text, (_cite(s),),
                    solution=fig.text)


def _choice(target: _Target, corpus: _Corpus, rng: random.Random) -> QuizItem | None:
    s, fig = target.sentence, target.fact.figure
    near = corpus.others(target, s.text, 4)
    if len(near) < 3:
        return None
    options = sorted([fig, *rng.sample(near, 3)],
                     key=lambda f: (float(split_figure(f)[0]), f.text))
    texts = tuple(f.text for f in options)
    letter = LETTERS[texts.index(fig.text)]
    return QuizItem("choice", _in_context(s, _with_blank(s, fig)), f"{letter}. {fig.text}",
                    (_cite(s),), options=texts, solution=fig.text)


def _truefalse(target: _Target, corpus: _Corpus, rng: random.Random) -> QuizItem | None:
    s, fact = target.sentence, target.fact
    fig = fact.figure
    ways = ["true"]
    # a bound ("90%以上") or an end of a change ("由4%提高至5%") is not swapped: the result
    # could still be true, or read as nonsense
    in_change = s.text[fig.start - 1:fig.start] == "由" or s.text[:fig.start].endswith("至")
    swap = (corpus.others(target, s.text, 3)
            if fact.value == fig.text and not in_change else [])
    if swap:
        ways.append("figure")
    other_years = _other_years(s, corpus)
    if other_years:
        ways.append("year")
    way = "true" if len(ways) == 1 or rng.random() < 0.4 else rng.choice(ways[1:])
    original = _in_context(s, s.text)
    if way == "true":
        return QuizItem("truefalse", original, "正确", (_cite(s),), solution=fig.text)
    if way == "figure":
        wrong = rng.choice(swap)
        stem = _in_context(s, s.text[:fig.start] + wrong.text + s.text[fig.end:])
        return QuizItem("truefalse", stem, "错误", (_cite(s),), solution=fig.text,
                        note=f"报告原文为“{fig.text}”，不是“{wrong.text}”。")
    year = rng.choice(other_years)
    return QuizItem("truefalse", _in_context(s, s.text, year), "错误", (_cite(s),),
                    solution=fig.text,
                    note=f"这是{s.chunk.year}年报告中的内容，{year}年报告中没有这些数据。")


def _other_years(s: Sentence, corpus: _Corpus) -> list[int]:
    """Years of other reports of the same region whose text has none of the sentence's
    figures, so that moving the sentence to that year makes it certainly false."""
    region, year = s.chunk.region, s.chunk.year
    if YEAR_WORD_RE.search(s.text) or _is_plan(s) or not region or not year:
        return []
    figures = usable_figures(s.text)
    years = set()
    for doc_id, text in corpus.normalized.items():
        other_region, other_year = corpus.where[doc_id]
        if other_region != region or other_year in (None, year):
            continue
        if not any(_has_value(text, f) for f in figures):
            years.add(other_year)
    return sorted(y for y in years if y is not None)


def _match(corpus: _Corpus, rng: random.Random, used: set[tuple[str, str]],
           size: int = 4) -> QuizItem | None:
    """Pair measures with the headings (second level) they sit under, within one report."""
    groups = []
    for doc in corpus.documents:
        sections: dict[str, dict[str, list[Sentence]]] = {}
        for s in corpus.sentences:
            section = s.chunk.section
            if (s.chunk.doc_id != doc.doc_id or len(section) < 2 or _key(s) in used
                    or not _measure(s)):
                continue
            sections.setdefault(section[0], {}).setdefault(section[1], []).append(s)
        if not sections:
            continue
        top, headings = max(sections.items(), key=lambda kv: len(kv[1]))  # first on ties
        if len(headings) >= 3:
            groups.append((doc, top, headings))
    if not groups:
        return None
    # spread matching items over the reports: draw among the least used ones
    fewest = min(corpus.matched.get(doc.doc_id, 0) for doc, _, _ in groups)
    groups = [g for g in groups if corpus.matched.get(g[0].doc_id, 0) == fewest]
    doc, top, headings = groups[rng.randrange(len(groups))]
    corpus.matched[doc.doc_id] = fewest + 1
    chosen = rng.sample(sorted(headings, key=lambda h: headings[h][0].key),
                        min(size, len(headings)))
    measures = [rng.choice(headings[h]) for h in chosen]
    letters = list(chosen)
    while letters == chosen:  # never print the answer in order (1—A；2—B；…)
        rng.shuffle(letters)
    for s in measures:
        used.add(_key(s))
    first = measures[0]
    stem = (f"{context_label(first.chunk)}：将下列举措与其在报告“{trim_numbering(top)}”"
            "部分中所属的章节配对。")
    answer = "；".join(f"{i}—{LETTERS[letters.index(h)]}" for i, h in enumerate(chosen, 1))
    return QuizItem("match", stem, answer,
                    tuple(_cite(s, i) for i, s in enumerate(measures, 1)),
                    options=tuple(trim_numbering(h) for h in letters),
                    prompts=tuple(s.text for s in measures))


def _measure(s: Sentence) -> bool:
    """A sentence that states one measure on its own: complete, not a heading, short, and
    either the passage's first sentence after its heading or opening with an action
    ("推行…", "全年开展…") — not one that leans on the sentence before ("场景列入…")."""
    if (not is_complete(s.text) or is_heading(s)
            or not MIN_MEASURE <= len(s.text) <= MAX_MEASURE
            or s.text.startswith(DEPENDENT_OPENINGS)):
        return False
    first = s.index == 0 or (s.index == 1 and s.chunk.section
                             and s.chunk.text.startswith(s.chunk.section[-1]))
    return bool(first or _ACTION_START.match(s.text))
