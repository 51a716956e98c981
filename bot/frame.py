"""Question frames: what a question asks, about which places and years, parsed once.

A :class:`Frame` holds the slots of one question — its asks (each an indicator, a kind and the
units that answer it), regions, years, plan vs achieved, a premise, the language — and the
standalone Chinese text they render to. :func:`parse` reads a question standing alone;
:func:`follow` reads a follow-up against the previous turn's frame: the follow-up's slots
replace the previous ones, the slots it does not state are inherited:

* "那2024年呢？" / "前年呢？" / "石湾呢？"      → the year / region replaced;
* "那执业律师呢？" / "那罚没金额呢？"           → the indicator replaced, region and year kept;
* "比例呢？" / "占比呢" / "成功率呢？"          → a rate of the same thing (count → rate);
* "审结了多少？" / "那撤销的呢？" / "它纠错了几件" → the predicate swapped;
* "它/这个…" with a quoted name in the previous turn → that name;
* "这种调解室…" / "这个中心…"                 → the noun the previous turn named ("品牌调解室");
* "增长了多少？" / "比上一年多了多少？" / "和2022年比呢？" → a comparison of the previous
  figure's year with the one named (the year before when none is);
* "那2025年受理了多少？办结率呢？"             → each ask merged in turn, joined as one question;
* "具体有哪些措施？"                           → the topic kept, what is asked replaced;
* other new topics ("出具了多少份法律意见书？") inherit the region and year.

:func:`conversation` computes the frames of a whole history once each, in order: N turns cost
N merges (two parses each: the turn as typed, then the merged text).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from zh.dates import (
    CONTEXT_RELATIVE,
    TODAY_RELATIVE,
    YEAR_WORD_RE,
    absolute_years,
    expand_short_years,
    replace_relative,
)
from zh.numerals import normalize_numerals
from zh.places import find_places, is_admin_word
from zh.words import (
    ASK_UNIT_RE,
    CHANGE_ASK,
    COMPARE_TO_YEAR,
    COMPARE_WORDS,
    DEMONSTRATIVE,
    GENERIC_NOUNS,
    LEAD_WORDS,
    MEASURE,
    MONEY_WORDS,
    NAME_ASK,
    PERCENT_WORDS,
    PLAN_WORDS,
    QUOTED_NAME,
    RATIO_WORDS,
    TAIL_WORDS,
    UNIT_FAMILIES,
    WHOLE_PROVINCE,
    YES_NO,
)

KINDS = ("number", "rate", "list", "description", "name", "yesno", "comparison")

_LIST = re.compile(r"哪些|哪几(?![届次年名])|有什么(?:举措|措施|做法|问题|不足|成效|亮点)|包括什么|"
                   r"具体(?:有|是)(?!多少|几)|列举|what are|which (?:measures|steps)|\blist\b", re.I)
_RATE = re.compile(r"比例|比率|占比|百分比|百分之几|百分之多少|[\u4e00-\u9fa5]率|\brate\b|percentage", re.I)
_NUMBER = re.compile(r"多少|几|how many|how much|number of|amount", re.I)
_REGION_RE = re.compile(r"[\u4e00-\u9fa5]{2,8}?(?:自治区|自治州|省|市|区|县|旗)")
_ORDINAL = re.compile(r"第几([届次批名位轮期个项])")
_CLAUSE_SPLIT = re.compile(r"[，,？?；;。]")
_JOINED_ASKS = re.compile(r"、|以及|和(?=[^，]*?(?:多少|几))")
_ASK_NUMBER = re.compile(r"多少|几")
_BARE_ASK = re.compile(rf"(?:具体|到底|究竟|大概|大约)?(?:是|有|为)?(?:多少|几)(?:{MEASURE})?(?:呢)?")
# An ask clause: [head][predicate][了][有/共…][多少|几][measure][tail]
_NUMBER_CLAUSE = re.compile(
    rf"^(?P<head>.*?)(?P<pred>[\u4e00-\u9fa5]{{2}})?(?P<le>了|过)?(?P<fill>一共有|总共有|共有|一共|总共|共|有|是|为|达)?"
    rf"(?P<ask>多少|几)(?P<measure>{MEASURE})?(?P<tail>.*)$")
# Two characters ending so are a noun, not a verb: "案件", "律师", "金额".
_NOUNISH = re.compile(r"[件案人员师数量额率书室所品物业题策务金款费户家位名项次条份类种]$")
_NOT_PREDICATE = frozenset("一共 总共 共计 累计 全年 大约 目前 现在 全区 全市 全县 全省 当年".split())
_SHARE_WORD = re.compile(r"^(?:比例|占比|比率|百分比|率)$")
_PRONOUN_LEAD = re.compile(r"^(?:它们|它|其|这个|该项|这项)")
_VERB_ASK = re.compile(rf"^(?P<pred>[\u4e00-\u9fa5]{{2}})(?:了|过|的)?(?:(?P<ask>多少|几)(?P<measure>{MEASURE})?)?$")
_ASKING = re.compile(r"什么|怎么|如何|怎样|为什么|情况|哪|吗|呢|how|what|why", re.I)
_ASKING_WORD = re.compile(r"多少|几|哪|什么|吗|如何|怎么|怎样|是否|有没有|为什么")
# What a follow-up may ask instead of the previous question's ask.
_ASK = re.compile(r"(?:有)?多少[\u4e00-\u9fa5]?|几[个家件名项次人份条所位场批期]|有哪些|哪些|"
                  r"是什么|什么|是多少|比例|占比|比率|百分比")
# A follow-up that asks only what kind of answer it wants ("具体有哪些措施？"), and that ask at
# the end of a question.
_ASK_ONLY_WORDS = (r"(?:具体|主要|分别)?(?:有哪些|是哪些|哪些|包括哪些|有什么|是什么)"
                   r"(?:措施|举措|做法|内容|情况|方面|成效|事项)?(?:是多少|多少|呢)?$")
_ASK_ONLY = re.compile("^" + _ASK_ONLY_WORDS)
_ASK_ONLY_TAIL = re.compile(_ASK_ONLY_WORDS)
_TO_LEVEL = re.compile(r"(?:增加|增长|提高|提升|下降|降低|减少|上升|降|涨)(?:到|至)")  # asks the level
_MODIFIER = r"[^\s，,。？?！!、：:；;“”《》\"有是的了在和与及等个么什哪]"
_EN_PLACE = re.compile(r"\b([A-Z][a-z]+(?:\s+(?:County|District|City|Province|Municipality))?)(?:'s)?\b")
_EN_NOT_PLACE = frozenset("How What Which When Where Who Why Did Does Do Is Are Was Were The In And Of For "
                          "List Please Tell Give".split())
_ENGLISH = re.compile(r"[A-Za-z]{2,}")
_CJK = re.compile(r"[\u4e00-\u9fa5]")


@dataclass(frozen=True)
class Ask:
    """One thing a question asks for."""

    text: str  # the clause without its region and year words: "受理了多少件行政复议申请"
    kind: str  # number | rate | list | description | name | yesno
    indicator: str  # what is measured: "受理行政复议申请", "纠错率"
    units: tuple[str, ...] = ()  # units that answer it ("件", "宗", …), "%" for a rate
    predicate: str = ""  # the verb before 多少: "受理"


@dataclass(frozen=True)
class Frame:
    """The slots of one question. ``text`` is the standalone question they render to."""

    text: str
    typed: str = ""  # what the user wrote
    lang: str = "zh"
    years: tuple[int, ...] = ()
    regions: tuple[str, ...] = ()  # the words naming places (known regions or place names)
    unknown_places: tuple[str, ...] = ()  # places named that the knowledge base does not hold
    asks: tuple[Ask, ...] = ()
    comparison: bool = False
    plan: bool = False
    premise: str = ""  # the figure the question asserts ("跌到了90%以下"), if any
    named: str = ""  # a quoted name it is about: "“企航通”企业服务平台"
    resolved: str = ""  # ``text`` with relative years written as years
    notes: tuple[str, ...] = field(default=(), compare=False)  # how a follow-up was merged
    # The frame the next turn continues, when it is not this one: after "那澄阳市呢？2023年呢？"
    # (two questions in one turn) the last of them.
    context: Frame | None = field(default=None, compare=False, repr=False)

    @property
    def kind(self) -> str:
        if self.comparison:
            return "comparison"
        return self.asks[0].kind if self.asks else "description"

    @property
    def indicator(self) -> str:
        return self.asks[0].indicator if self.asks else ""

    @property
    def answer_kind(self) -> str:
        """What the answer leads with: numeric (a figure: number or rate), list, or
        descriptive (a description, a name, yes or no)."""
        kind = self.asks[0].kind if self.asks else "description"
        return {"number": "numeric", "rate": "numeric", "list": "list"}.get(kind, "descriptive")

    @property
    def figure_asks(self) -> tuple[Ask, ...]:
        """The asks a figure answers (numbers and rates)."""
        return tuple(a for a in self.asks if a.kind in ("number", "rate"))

    @property
    def units(self) -> tuple[str, ...]:
        return self.asks[0].units if self.asks else ()


# ---- one question ------------------------------------------------------------------------------
def normalize(text: str, today: dt.date | None) -> str:
    text = normalize_numerals(text.strip())
    return expand_short_years(text, today) if today is not None else text


def resolve_relative(text: str, today: dt.date | None, base_year: int | None = None) -> str:
    """Relative year words written as years: 去年/前年/今年 from today; 上一年/次年/同年 (and
    上年/明年) from ``base_year`` (the conversation's year), or from the year the question
    names beside them ("2023年比上年", "2023年和上一年"), or else from today."""
    years = absolute_years(text)
    anchor = base_year
    if anchor is None and years and re.search(r"比|较|和|与|跟|同比|相比", text):
        anchor = years[0]
    base = anchor if anchor is not None else (today.year if today else None)
    if base is not None:
        text = replace_relative(text, base, CONTEXT_RELATIVE)
    if today is not None:
        text = replace_relative(text, today.year, TODAY_RELATIVE)
    return re.sub(r"((?:19|20)\d{2})年年", r"\1年", text)


def find_region_words(text: str, known: Sequence[str]) -> tuple[list[str], list[str]]:
    """(words naming places, those of them the knowledge base does not hold). Known aliases
    first, longest first; then place names of the gazetteer ("深圳" without 市); admin words
    ("多少个县", "全区", "各街道") are never places."""
    rest = YEAR_WORD_RE.sub(" ", text)
    found: list[str] = []
    for alias in sorted(known, key=len, reverse=True):
        if alias and alias in rest and not any(alias in f for f in found):  # "白沙" after 白沙市
            found.append(alias)
            rest = rest.replace(alias, " ")
    unknown: list[str] = []
    for m in find_places(rest, bare=True):
        if not is_admin_word(m.text) and len(m.text) >= 2:
            unknown.append(m.text)
            rest = rest.replace(m.text, " ")
    if not found and not unknown:
        for m in _REGION_RE.findall(rest):
            cut = max((x.end() for x in re.finditer(r"[全本各该我你他此某这那每的年底在了和与及是对]", m)),
                      default=0)
            m = m[cut:]
            if len(m) >= 3 and not is_admin_word(m):
                unknown.append(m)
    return found + unknown, unknown


def ask_kind(clause: str) -> str:
    if _ORDINAL.search(clause):
        return "number"
    if _LIST.search(clause):
        return "list"
    if NAME_ASK.search(clause) and not _NUMBER.search(clause):
        return "name"
    if _RATE.search(clause) and not ASK_UNIT_RE.search(clause):
        return "rate"
    if _NUMBER.search(clause):
        return "number"
    if YES_NO.search(clause):
        return "yesno"
    return "description"


def clause_units(clause: str, kind: str) -> tuple[str, ...]:
    """The units that answer an ask: "第几届" → 第届; a rate or "多少个百分点" → %; the
    measure word's family ("多少件" → 件, 宗, 起, 例); money words → 元, 万元, 亿元; a share
    asked with no measure word ("诉求有多少，比例呢") → %."""
    ordinal = _ORDINAL.search(clause)
    if ordinal:
        return ("第" + ordinal.group(1),)
    if kind == "rate" or re.search(r"(?:多少|几)个?百分点|百分之多少", clause):
        return ("%",)
    if kind != "number":
        return ()
    asked = ASK_UNIT_RE.findall(clause)
    units: list[str] = []
    for u in asked:
        units.extend(UNIT_FAMILIES.get(u, (u,)))
    if MONEY_WORDS.search(clause):
        units.extend(UNIT_FAMILIES["元"])
    if not asked and PERCENT_WORDS.search(clause):
        units.append("%")
    return tuple(dict.fromkeys(units))


def split_number_clause(clause: str) -> dict[str, str] | None:
    """The parts of '行政复议受理了多少件': head 行政复议, pred 受理, le 了, ask 多少, measure 件."""
    m = _NUMBER_CLAUSE.match(clause)
    if not m:
        return None
    parts = {k: v or "" for k, v in m.groupdict().items()}
    pred = parts["pred"]
    if pred and (pred in _NOT_PREDICATE or _NOUNISH.search(pred) or not parts["head"] and not parts["le"]
                 and not parts["tail"] and parts["fill"]):
        parts["head"] += pred
        parts["pred"] = ""
    return parts


def _indicator(clause: str, kind: str) -> str:
    text = re.sub(r"(?:具体)?(?:有|是|为|达)?(?:多少|几)(?:" + MEASURE + r")?|是什么|有哪些|哪些|叫什么|什么|吗|呢|"
                  r"是否|有没有|请问|分别|具体|相差|^[和与及、]", " ", clause)
    text = re.sub(r"[了的]\s", " ", text + " ")
    return re.sub(r"\s+", "", text)


def _clauses(core: str) -> list[str]:
    """The clauses of a question; one that asks twice ("几家律师事务所、多少执业律师",
    "维持了多少件、撤销了多少件") split at its 、/以及/和."""
    out: list[str] = []
    for clause in (c.strip() for c in _CLAUSE_SPLIT.split(core)):
        pieces = [p for p in _JOINED_ASKS.split(clause) if p.strip()]
        if sum(bool(_ASK_NUMBER.search(p)) for p in pieces) >= 2:
            out.extend(pieces)
        elif clause:
            out.append(clause)
    return out


def _asks(core: str) -> tuple[Ask, ...]:
    clauses = _clauses(core)
    asks: list[Ask] = []
    context = ""
    for clause in clauses:
        kind = ask_kind(clause)
        if asks and _BARE_ASK.fullmatch(clause):
            continue  # "…纠错率已经突破15%了，具体是多少？": the same ask again
        asked = kind in ("number", "list", "yesno") or _ASKING.search(clause)
        if not asked and clause is not clauses[-1]:
            # "2022年澄阳市法律援助，办理了多少件？" / "出庭应诉率已经做到100%了，靠什么办法？":
            # the topic of the next ask, not an ask
            context += clause
            continue
        text = clause
        if context and kind in ("number", "rate"):  # "纠错率已经超过10%了，具体是多少": a rate
            text = context + clause
            kind = ask_kind(text)
        context = ""
        parts = split_number_clause(text) if kind == "number" else None
        asks.append(Ask(text, kind, _indicator(text, kind), clause_units(text, kind),
                        parts["pred"] if parts else ""))
    if not asks and clauses:
        text = "".join(clauses)
        asks.append(Ask(text, "description", _indicator(text, "description")))
    return tuple(asks)


def _english(text: str) -> bool:
    return len(_ENGLISH.findall(text)) >= 2 and len(_CJK.findall(text)) < 4


def parse(text: str, known: Sequence[str] = (), today: dt.date | None = None,
          base_year: int | None = None, typed: str | None = None) -> Frame:
    """The frame of a question standing alone (``base_year``: the year the conversation is
    about, for 上一年/次年/同年)."""
    from bot.premise import find_claim

    norm = normalize(text, today)
    resolved = resolve_relative(norm, today, base_year)
    years = tuple(dict.fromkeys(absolute_years(resolved)))
    regions, unknown = find_region_words(resolved, known)
    lang = "en" if _english(norm) else "zh"
    if lang == "en":  # "Wenxi County", "Chengyang's": place names as written
        regions += [m for m in _EN_PLACE.findall(norm) if m.split()[0] not in _EN_NOT_PLACE]
    core = YEAR_WORD_RE.sub("", resolved)
    for r in regions:
        core = core.replace(r, "")
    core = re.sub(r"^[，,、\s的]+", "", core)
    asks = _asks(core) if lang == "zh" else _english_asks(norm)
    claim = find_claim(norm) if lang == "zh" else None
    if len(years) == 1 and "同比" in norm:  # "2025年…同比变化了多少": with the year before
        years += (years[0] - 1,)
    # "比全省平均高多少": the province is a second place, unless it is the one named
    places = len(regions) + bool(WHOLE_PROVINCE.search(norm) and not any(r.endswith("省") for r in regions))
    comparison = bool(COMPARE_WORDS.search(norm)) and (len(years) != 1 or places >= 2) \
        or bool(COMPARE_TO_YEAR.search(norm))
    named = named_thing(norm, asks[0].predicate if asks else "")
    return Frame(text=text.strip(), typed=(typed if typed is not None else text).strip(), lang=lang,
                 years=years, regions=tuple(regions), unknown_places=tuple(unknown), asks=asks,
                 comparison=comparison, plan=bool(PLAN_WORDS.search(norm)),
                 premise=claim.text if claim else "", named=named,
                 resolved=resolved)


def _english_asks(text: str) -> tuple[Ask, ...]:
    """English asks: one per question sentence or 'and'-joined question ('How many … and
    what was the rate …?')."""
    parts = [p.strip() for p in re.split(r"[?？;]|,?\s+and\s+(?=(?:what|how|which|did|is|are|was)\b)",
                                         text, flags=re.I) if p and p.strip()]
    asks = []
    for p in parts:
        if not re.search(r"\b(?:what|how|which|did|does|is|are|was|were|list|when|who)\b", p, re.I):
            continue
        kind = ask_kind(p)
        asks.append(Ask(p, kind, p, clause_units(p, kind)))
    return tuple(asks) or (Ask(text, ask_kind(text), text),)


def ask_question(frame: Frame, ask: Ask, region_words: Sequence[str] = ()) -> str:
    """One ask of a multi-part question as a question of its own, with the places and
    years of the whole: ('澄阳市2025年一审行政诉讼案件审结多少件，败诉率多少？', 败诉率多少)
    → '澄阳市2025年一审行政诉讼案件败诉率多少？'."""
    regions = list(region_words) or list(frame.regions)
    if frame.lang == "en":
        text = ask.text
        if frame.asks and ask is not frame.asks[0]:  # "…and what was the success rate": of what
            topic = re.search(r"(?:how many|how much|what (?:was|is|were|are) the)\s+(.+?)"
                              r"(?=\s+(?:did|does|do|was|were|is|are|in|of|for)\b|$)",
                              frame.asks[0].text, flags=re.I)
            if topic and topic.group(1).lower() not in text.lower():
                text += " of " + topic.group(1)
        where = " ".join([r for r in regions if r not in text]
                         + [str(y) for y in frame.years if str(y) not in text])
        return f"{text} {where}".strip() + "?"
    text = ask.text
    first = frame.asks[0].text if frame.asks else ""
    if ask is not frame.asks[0] and ask.kind == "rate" and _SHARE_WORD.match(ask.indicator):
        # "…审结多少件，比例是多少": the share of the first ask's thing
        text = _rate_ask(frame.asks[0], ask.indicator)
    elif ask is not frame.asks[0] and first:
        parts = split_number_clause(first) if frame.asks[0].kind == "number" else None
        head = parts["head"] if parts else ""
        if head and head not in text:
            text = head + text  # "一审行政诉讼案件" + "败诉率多少"
    return "".join(regions) + "".join(f"{y}年" for y in frame.years) + text + "？"


# ---- follow-ups --------------------------------------------------------------------------------
def _strip(text: str) -> str:
    return TAIL_WORDS.sub("", LEAD_WORDS.sub("", text.strip()))


def _with_slots(prev: Frame, years: Sequence[int], regions: Sequence[str]) -> str:
    """The previous question's resolved text with its year and region words replaced."""
    text = _strip(prev.resolved or prev.text)
    if years:
        old = YEAR_WORD_RE.findall(text)
        new = f"{years[0]}年"
        if old:
            text = text.replace(old[0], new, 1)
            for extra in old[1:]:
                text = text.replace(extra, "", 1)
        else:
            text = new + text
    if regions:
        if prev.regions and prev.regions[0] in text:
            text = text.replace(prev.regions[0], regions[0], 1)
        else:
            text = regions[0] + text
        if regions[0][-1] in "省市区县":  # "云溪县…全县" → "江北市…全市"
            text = re.sub(r"全[省市区县]", "全" + regions[0][-1], text)
    return text


def _prefix(prev: Frame, years: Sequence[int], regions: Sequence[str]) -> str:
    """Where and when the follow-up asks: the previous question's opening up to its year, with
    the slots replaced ("岭西省生态环境部门2025年" keeps the body between place and year)."""
    text = _with_slots(prev, years, regions)
    m = YEAR_WORD_RE.search(text)
    if m and prev.regions and text.startswith((list(regions) or list(prev.regions))[0]) and m.start() <= 12:
        return text[:m.end()]
    regions = list(regions) or list(prev.regions[:1])
    years = list(years) or list(prev.years[:1])
    return "".join(regions) + "".join(f"{y}年" for y in years[:1])


def _rate_ask(prev_ask: Ask, word: str) -> str:
    base = prev_ask.text
    parts = split_number_clause(base) if prev_ask.kind == "number" else None
    if parts:  # the 了 stays: it marks the predicate ("出庭应诉了…比例" is 出庭应诉率)
        base = parts["head"] + parts["pred"] + parts["le"] + parts["tail"]
    elif prev_ask.kind == "rate":
        base = re.sub(r"[\u4e00-\u9fa5]{0,4}率.*$|比例.*$|占比.*$", "", base)
    else:
        base = prev_ask.indicator
    base = re.sub(r"^(?:具体)?(?:有|共)", "", base).rstrip("了的")
    return f"{base}{word}是多少"


def _swap(prev_ask: Ask, pred: str, ask: str = "", measure: str = "") -> str | None:
    parts = split_number_clause(prev_ask.text) if prev_ask.kind == "number" else None
    if not parts or not parts["pred"]:
        return None
    head = parts["head"]
    if parts["le"] and re.fullmatch(r"[\u4e00-\u9fa5]{2}", head):
        head = ""  # "立案查处了多少件": a two-verb predicate goes whole
    if measure and parts["measure"] and measure not in UNIT_FAMILIES.get(parts["measure"], (parts["measure"],)):
        # "覆盖了多少人" after "开展了多少场普法讲座": the thing counted before is the topic now
        return head + parts["tail"] + pred + parts["le"] + parts["fill"] + (ask or parts["ask"]) + measure
    return (head + pred + parts["le"] + parts["fill"] + (ask or parts["ask"])
            + (measure or parts["measure"]) + parts["tail"])


def _replace_indicator(prev_ask: Ask, word: str) -> str:
    parts = split_number_clause(prev_ask.text) if prev_ask.kind == "number" else None
    if parts and parts["pred"] and parts["head"] and not parts["tail"] and len(word) <= 4 \
            and not _NOUNISH.search(word):
        # "行政复议受理了多少件" + "仲裁" → "仲裁受理了多少件"
        return word + parts["pred"] + parts["le"] + parts["fill"] + parts["ask"] + parts["measure"]
    if re.search(r"率|比例|占比|额|金额|资金|经费|数$", word) or prev_ask.kind == "rate":
        return f"{word}是多少"
    if prev_ask.kind == "list":
        return f"{word}有哪些"
    if prev_ask.kind in ("description", "name"):
        return f"{word}情况如何" if prev_ask.kind == "description" else f"{word}叫什么"
    return f"{word}有多少"


def follow(prev: Frame, answer: str, question: str, known: Sequence[str] = (),
           today: dt.date | None = None, earlier: Sequence[Frame] = ()) -> Frame:
    """The frame of ``question`` asked after ``prev`` (whose answer was ``answer``);
    ``earlier``: the frames before ``prev``, most recent last (for "具体有哪些事项？", the
    turn that was about 事项)."""
    prev = prev.context or prev
    base_year = prev.years[0] if prev.years else None
    cur = parse(question, known, today, base_year)
    text, context = _merge(prev, answer, cur, earlier), None
    if text is None:  # several follow-ups in one turn
        text, context = _each_ask(prev, answer, cur, earlier, known, today)
    merged = parse(text, known, today, typed=question)
    return replace(merged, notes=("merged",), named=merged.named or prev.named, context=context)


def _merge(prev: Frame, answer: str, cur: Frame, earlier: Sequence[Frame] = ()) -> str | None:
    """The standalone text of the follow-up ``cur`` asked after ``prev``: its slots replace
    the previous ones, the slots it does not state are inherited; None for several
    follow-ups in one turn that are to be merged one by one (:func:`_each_ask`)."""
    if cur.lang == "en" or prev.lang == "en":
        return _merge_english(prev, cur)
    rest = _strip(YEAR_WORD_RE.sub("", cur.resolved))
    for r in cur.regions:
        rest = rest.replace(r, "")
    rest = rest.strip("，,、 的到在")
    years, regions = list(cur.years), list(cur.regions)
    if not rest:  # "那2024年呢？" / "前年呢？" / "石湾呢？" / "那呢？"
        return _with_slots(prev, years, regions) + "？"
    change = _as_change(prev, cur, rest)
    if change:  # "比上一年多了多少？" / "增长了多少？" / "到2023年增加了多少个？"
        return change
    if len([p for p in re.split(r"[？?]", cur.resolved) if p.strip("，, 的到呢")]) > 1:
        # "那2023年审结了多少？纠错率呢？" / "那澄阳市呢？2023年呢？"
        pieces = [p.strip("，, 的到") for p in re.split(r"[？?]", rest) if p.strip("，, 的到")]
        return (_more_asks(prev, years, regions, pieces) if len(pieces) > 1 else "") or None
    if cur.comparison or cur.premise or len(cur.asks) > 1 or re.search(r"[，,；;]", rest):
        return _carry(prev, cur)  # a question of its own: it inherits the place and year
    if prev.comparison:
        return _compare_other(prev, regions, rest) or _carry(prev, cur)
    prev_ask = prev.asks[0] if prev.asks else Ask(_strip(prev.text), "description", prev.indicator)
    opening = _prefix(prev, years, regions)
    body = YEAR_WORD_RE.sub("", opening)
    for r in [*regions, *prev.regions[:1]]:
        body = body.replace(r, "", 1) if body.startswith(r) else body

    def at(clause: str) -> str:  # the clause after the opening, its body said once
        return opening + (clause[len(body):] if body and clause.startswith(body) else clause)

    own = _lead_free(cur.resolved)  # the follow-up's own words, for a question of its own
    demonstrative = DEMONSTRATIVE.search(rest)
    if demonstrative:  # "这种调解室…" / "这个中心…": the noun the previous turn named
        context = f"{prev.text} {answer}"
        own = DEMONSTRATIVE.sub(lambda m: _resolve_noun(m, context), own)
    pronoun = _PRONOUN_LEAD.match(rest)
    if pronoun:
        named = named_thing(answer) or prev.named
        rest = rest[pronoun.end():]
        if named:  # "它归集了多少条…" after an answer about “企航通”企业服务平台
            tail = rest
            for k in range(min(4, len(tail)), 0, -1):  # "这个平台…": the noun is in the name
                if named.endswith(tail[:k]):
                    tail = tail[k:]
                    break
            if re.search(r"[到至](?:19|20)\d{2}年", cur.resolved):  # "这个到2023年增加到…": the year stays
                return _carry(prev, cur, _PRONOUN_LEAD.sub(named, _lead_free(cur.resolved), count=1))
            if not _ASKING_WORD.search(tail):
                return _carry(prev, cur, named + tail)
            return at(named + tail) + "？"
    verb = _VERB_ASK.fullmatch(rest)
    marked = re.search(r"[了的过]呢?[？?。！!\s]*$", cur.typed)  # "那撤销的呢？"
    if verb and (verb.group("ask") or marked or pronoun):
        swapped = _swap(prev_ask, verb.group("pred"), verb.group("ask") or "", verb.group("measure") or "")
        if swapped:  # "审结了多少？" / "那撤销的呢？" / "它纠错了几件"
            return at(swapped) + "？"
        return _carry(prev, cur, own)
    if pronoun or demonstrative:
        return _carry(prev, cur, own)
    if _SHARE_WORD.match(rest) or re.fullmatch(r"[\u4e00-\u9fa5]{1,4}率", rest) and "率" not in prev_ask.indicator:
        return at(_rate_ask(prev_ask, rest)) + "？"  # "比例呢？" / "成功率呢？"
    if _ASK_ONLY.match(rest):  # "具体有哪些？" / "具体有哪些措施？": the topic kept, the ask changed
        return _ask_only(prev, earlier, years, regions, rest)
    if _ASKING_WORD.search(rest) or GENERIC_NOUNS.search(rest) \
            or not re.fullmatch(r"[\u4e00-\u9fa5“”]{2,12}", rest):
        return _carry(prev, cur, own)  # a question of its own: it inherits the place and year
    return at(_replace_indicator(prev_ask, rest)) + "？"  # "那执业律师呢？"


def _lead_free(text: str) -> str:
    return LEAD_WORDS.sub("", text.strip())


def _carry(prev: Frame, cur: Frame, text: str | None = None) -> str:
    """A follow-up with a topic of its own, with the place and year of the conversation when
    it names none: "出具了多少份法律意见书？" → "明湖区2022年出具了多少份法律意见书？"."""
    text = re.sub(r"[？?。！!\s]+$", "", _lead_free(cur.resolved) if text is None else text)
    region = "" if cur.regions else "".join(prev.regions[:1])
    year = "" if cur.years else "".join(f"{y}年" for y in prev.years[:1])
    lead = next((r for r in cur.regions if text.startswith(r)), "")
    return lead + region + year + text[len(lead):] + "？"


def _as_change(prev: Frame, cur: Frame, rest: str) -> str:
    """'到2024年增加了多少个？' / '比上年多了多少？' / '增长了多少？' after a question about one
    year's figure → the same question as a comparison of that year with the new one (the year
    before when none is named); '到2023年增加到多少个了？' asks the level in that year."""
    base = _strip(prev.resolved or prev.text)
    old = YEAR_WORD_RE.findall(base)
    if not old or cur.regions or not re.search(r"多少|几", base):
        return ""
    words = re.sub(r"到|至|比较|比|和|与|跟|同|相比|较|对比|呢|一共|总共|共", " ", rest)
    first = int(old[0][:4])
    new = next((y for y in cur.years if y != first), None)
    sum_only = re.fullmatch(r"这?[两2]年(?:加起来|合计|一共|总共|共计)", rest)
    # a change and nothing of its own ("增长了多少？", not "增加了多少家企业？")
    change_only = bool(CHANGE_ASK.search(words)) and not CHANGE_ASK.sub(" ", _ASK.sub(" ", words)).strip("，, ？?了个")
    if prev.comparison:  # the same comparison again, or with another year ("和2020年比呢？")
        if new is not None and len(old) >= 2 and (change_only or not words.strip()):
            return base.replace(old[1], f"{new}年", 1) + "？"
        return base + "？" if (sum_only or change_only) and not cur.years else ""
    if sum_only:  # "两年加起来呢？"
        return base.replace(old[0], f"{first - 1}年和{first}年一共", 1) + "？"
    if not words.strip() and new is not None:  # "和2022年比呢？": the two years compared
        return base.replace(old[0], f"{max(first, new)}年比{min(first, new)}年", 1) + "？"
    if not change_only:
        return ""
    if _TO_LEVEL.search(cur.resolved):
        return base.replace(old[0], f"{cur.years[0]}年", 1) + "？" if cur.years else ""
    new = first - 1 if new is None else new  # "增长了多少？": from the year before
    text = base.replace(old[0], f"{max(first, new)}年比{min(first, new)}年", 1)
    ratio = RATIO_WORDS.search(rest)
    if ratio:  # "增长率呢？" / "增幅呢？": the ratio of the change
        return _ASK.sub("", text).rstrip("，, 的了") + ratio.group(0) + "是多少？"
    return text + "？"


def _more_asks(prev: Frame, years: Sequence[int], regions: Sequence[str], pieces: list[str]) -> str:
    """'那2023年审结了多少？纠错率呢？': the previous question re-asked with the new slots, plus
    the asks it does not already make; '' when every piece is new (a question of its own)."""
    base = _with_slots(prev, years, regions)
    extra = [p for p in pieces if not _restates(p, base)]
    if len(extra) == len(pieces):
        return ""
    tails = [p if _ASKING_WORD.search(p) else p + "是多少" for p in extra]
    return "，".join([base, *tails]) + "？"


def _each_ask(prev: Frame, answer: str, cur: Frame, earlier: Sequence[Frame], known: Sequence[str],
              today: dt.date | None) -> tuple[str, Frame]:
    """'那2025年受理了多少？办结率呢？' / '那澄阳市呢？2023年呢？': each question of the turn
    merged in turn (the first with the previous turn, the next with the first), joined as
    the asks of one question; and the last of them, which the next turn continues."""
    frames: list[Frame] = []
    frame = prev
    for part in re.split(r"[？?]", cur.resolved):
        if part.strip("，, 的到呢"):
            frame = follow(frame, answer, part, known, today, earlier)
            frames.append(frame)
    texts = [frames[0].text.rstrip("？?")]
    for f in frames[1:]:
        text = f.text
        if (f.years, f.regions) == (frames[0].years, frames[0].regions):  # said once
            for r in f.regions:
                text = text.removeprefix(r)
            text = re.sub(rf"^(?:{YEAR_WORD_RE.pattern})+", "", text)
        texts.append(text.rstrip("？?"))
    return "，".join(texts) + "？", frames[-1]


def _restates(piece: str, base: str) -> bool:
    """The piece asks nothing the base question does not: '审结了多少' against '…审结多少…'."""
    words = re.findall(r"[\u4e00-\u9fa5A-Za-z]{2,}", _ASK.sub(" ", re.sub(r"了|的|呢|是", " ", piece)))
    return bool(words) and all(w in base for w in words)


def _ask_only(prev: Frame, earlier: Sequence[Frame], years: Sequence[int], regions: Sequence[str],
              rest: str) -> str:
    """'具体有哪些？' / '具体有哪些措施？': the topic of the turn about that kind of thing (the
    previous one unless an earlier one names the noun), what is asked replaced."""
    base = prev
    for noun in GENERIC_NOUNS.findall(rest):
        if noun not in prev.text:
            base = next((f for f in reversed(earlier[-8:]) if noun in f.text), prev)
            break
    text = _with_slots(base, years, regions) if years or regions else _strip(base.resolved or base.text)
    text = _ASK_ONLY_TAIL.sub("", text)  # asked again: "…具体有哪些措施" is not kept twice
    stem = re.sub(r"(?:办|做|干|搞|开展)得$", "", _ASK.sub("", text).rstrip("，, 的了"))
    tail = rest if re.search(r"哪些|什么|多少$", rest) else rest + "是多少"
    return f"{stem}{tail}？"


def _compare_other(prev: Frame, regions: Sequence[str], rest: str) -> str:
    """'那执业律师呢？' after '澄阳市2025年法律援助案件比2024年多了多少件？': the same
    comparison of another indicator; '' when the rest is no bare indicator."""
    if not re.fullmatch(r"[\u4e00-\u9fa5“”]{2,12}", rest) or _ASKING_WORD.search(rest) or len(prev.years) < 2:
        return ""
    change = re.search(r"(?:多|少|增加|减少|增长|下降|提高|降低|上升|变化|相差|差)了?(?:多少|几)",
                       prev.text)
    where = "".join(regions or prev.regions)
    return f"{where}{prev.years[0]}年{rest}比{prev.years[1]}年{change.group(0) if change else '变化了多少'}？"


def _resolve_noun(m: re.Match[str], context: str) -> str:
    """'这种调解室…' → '品牌调解室…' when the context names a word ending in 调解室; the words
    as they stand when it names none."""
    noun = m.group(1)
    for n in range(len(noun), 1, -1):
        head = noun[:n]
        found = [c.strip("“”") for c in re.findall(rf"{_MODIFIER}{{1,6}}{re.escape(head)}", context)]
        if found:
            return max(found, key=len) + noun[n:]
    return m.group(0)


def _merge_english(prev: Frame, cur: Frame) -> str:
    """'And in 2023?' / 'What about 青川县?': the previous question with the slot replaced;
    an English question with a topic of its own keeps it, with the place and year carried."""
    rest = re.sub(r"\b(?:and|what|how|about|in|for|the|year|then)\b|(?:19|20)\d{2}年?|[?？.,\s]", "",
                  cur.typed, flags=re.I)
    for r in cur.regions:
        rest = rest.replace(r, "")
    years, regions = list(cur.years), list(cur.regions)
    if not rest and (years or regions):
        if prev.lang == "zh":
            return _with_slots(prev, years, regions) + "？"
        text = prev.text
        for old, new in zip(prev.years[:1], years[:1], strict=False):
            text = text.replace(str(old), str(new))
        if regions and prev.regions and prev.regions[0] in text:
            text = text.replace(prev.regions[0], regions[0])
        elif regions:
            text = text.rstrip("?？ ") + f" in {regions[0]}?"
        return text
    text = re.sub(r"[？?。！!\s]+$", "", cur.typed)
    slots = [r for r in prev.regions[:1] if not regions] + [str(y) for y in prev.years[:1] if not years]
    return f"{text} ({', '.join(slots)})?" if slots and cur.lang == "en" else \
        (_carry(prev, cur) if cur.lang == "zh" else text + "?")


def named_thing(text: str, predicate: str = "") -> str:
    """The quoted name a text is about, with the nouns after it: '推出了“企航通”企业服务平台。'
    → '“企航通”企业服务平台'; cut before the question's predicate ('“法治体检进企业”走访…')."""
    m = QUOTED_NAME.search(text)
    if not m:
        return ""
    quote, _, after = m.group(0).partition("”")
    after = re.split(r"[，。,；\d]|有|是|共|达|为|等|已|了|多少|几|在|的", after)[0]
    if predicate and predicate in after:
        after = after[:after.index(predicate)]
    return f"{quote}”{after}"


def conversation(history: Sequence[Sequence[str]], question: str, known: Sequence[str] = (),
                 today: dt.date | None = None) -> list[Frame]:
    """The frames of every turn of ``history`` and of ``question``, each computed once, in
    order (N turns, N merges)."""
    frames: list[Frame] = []
    for i, turn in enumerate([*history, [question]]):
        q = turn[0] if turn else ""
        if not frames:
            frames.append(parse(q, known, today))
            continue
        prev_turn = history[i - 1]
        answer = prev_turn[1] if len(prev_turn) > 1 else ""
        frames.append(follow(frames[-1], answer, q, known, today, earlier=frames[:-1]))
    return frames
