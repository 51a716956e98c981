"""Question frames: what a question asks, about which places and years, parsed once.

A :class:`Frame` holds the slots of one question — its asks (each an indicator, a kind and the
units that answer it), regions, years, comparison, plan vs achieved, a premise, the language —
and the standalone Chinese text they render to. :func:`parse` reads a question standing alone;
:func:`ask_question` renders one ask of a multi-part question as a question of its own.
Follow-ups are merged with the previous turn's frame in ``bot.conversation``; ``bot.query``
reads what is asked from the frame.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from zh.dates import (
    CONTEXT_RELATIVE,
    TODAY_RELATIVE,
    YEAR_WORD_RE,
    absolute_years,
    expand_short_years,
    replace_relative,
    replace_year_spans,
)
from zh.numerals import normalize_numerals
from zh.places import find_places, is_admin_word
from zh.words import (
    ASK_UNIT_RE,
    ASKING_CLAUSE,
    COMPARE_TO_YEAR,
    COMPARE_WORDS,
    COUNT_OF_MEASURE,
    EACH_ONE,
    EN_COUNTED_UNITS,
    MEASURE,
    MEASURE_ASKS,
    MONEY_WORDS,
    MORE_OR_LESS,
    NAME_ASK,
    PERCENT_WORDS,
    PLAN_WORDS,
    QUOTED_NAME,
    RESULT_ASKED,
    SUM_WORDS,
    UNIT_FAMILIES,
    WHICH_MORE,
    WHOLE_PROVINCE,
    WHY_CHANGED,
    YES_NO,
    noun_units,
)

KINDS = ("number", "rate", "list", "description", "name", "yesno", "comparison")

_LIST = re.compile(r"哪些|哪几(?![届次年名])|有什么(?:举措|措施|做法|问题|不足|成效|亮点)|包括什么|"
                   r"具体(?:有|是)(?!多少|几)|列举|what are|which (?:measures|steps)|\blist\b", re.I)
_RATE = re.compile(r"比例|比率|占比|百分比|百分之几|百分之多少|[\u4e00-\u9fa5]率|\brate\b|percentage|"
                   r"\b(?:what|which) (?:share|proportion|fraction)\b", re.I)
# "那几个村子", "这几年", "几乎" ask nothing
_NUMBER = re.compile(r"多少|(?<![那这])几(?!乎)|how many|how much|how large|how big|number of|amount|\bscore\b|"
                     r"\btarget (?:for|of)\b", re.I)  # "what is its 2026 target for legal aid cases"
_REGION_RE = re.compile(r"[\u4e00-\u9fa5]{2,8}?(?:自治区|自治州|省|市|区|县|旗)")
_ORDINAL = re.compile(r"第几([届次批名位轮期个项])")
# a rank asked ("在全市排第几", "排名第几", "名次是多少", "what place/rank"): answered by 第N(名/位)
_RANK_ASK = re.compile(r"排(?:名|在)?(?:全[省市区县州])?(?:第几|老几)|位(?:列|居)(?:全[省市区县州])?第几|名次|"
                       r"排名(?:是|为)?(?:多少|几)|"
                       r"第几(?=[？?。，,呢]|$)|\branked?\b|\bwhat (?:place|position)\b", re.I)
_SHARE_ASK = re.compile(r"占(?:到|了)?(?:多少|几成)(?!\s*[个件家名人项次亩万元])|几成")
_CLAUSE_SPLIT = re.compile(r"[，,？?；;。]")
_JOINED_ASKS = re.compile(r"、|以及|和(?=[^，]*?(?:多少|几))")
_ASK_NUMBER = re.compile(r"多少|(?<![那这])几(?!乎)|面积多大|多久|多长时间")
_BARE_ASK = re.compile(rf"(?:具体|到底|究竟|大概|大约)?(?:是|有|为)?(?:多少|几)(?:{MEASURE})?(?:呢)?")
# An ask clause: [head][predicate][了][有/共…][多少|几][measure][tail]
_NUMBER_CLAUSE = re.compile(
    rf"^(?P<head>.*?)(?P<pred>[\u4e00-\u9fa5]{{2}})?(?P<le>了|过)?(?P<fill>一共有|总共有|共有|一共|总共|共|有|是|为|达)?"
    rf"(?P<ask>多少|几)(?P<measure>{MEASURE})?(?P<tail>.*)$")
# Two characters ending so are a noun, not a verb: "案件", "律师", "金额".
NOUNISH = re.compile(r"[件案人员师数量额率书室所品物业题策务金款费户家位名项次条份类种]$")
_NOT_PREDICATE = frozenset("一共 总共 共计 累计 全年 大约 目前 现在 全区 全市 全县 全省 当年".split())
SHARE_WORD = re.compile(r"^(?:比例|占比|比率|百分比|率)$")
_EN_PLACE = re.compile(r"\b([A-Z][a-z]+(?:\s+(?:County|District|City|Province|Municipality))?)(?:'s)?\b")
_EN_NOT_PLACE = frozenset("How What Which When Where Who Why Did Does Do Is Are Was Were The In And Of For "
                          "List Please Tell Give".split())
_ENGLISH = re.compile(r"[A-Za-z]{2,}")
# a count asked of a thing it names ("how many enterprises were visited"), not of the first
# ask's ("how many were accepted")
_EN_OWN_TOPIC = re.compile(r"\s*(?:and\s+)?how\s+(?:many|much)\s+(?!(?:were|was|did|do|does|are|is|have|has|of)\b)"
                           r"[A-Za-z]", re.I)
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
_MONTH_FEN = re.compile(r"(?<=\d)月份")  # "11月份": the month, as the reports' 11月


def normalize(text: str, today: dt.date | None) -> str:
    text = _MONTH_FEN.sub("月", normalize_numerals(text.strip()))
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
        text = replace_year_spans(replace_relative(text, base, CONTEXT_RELATIVE), base)
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
    for place, joined in _place_names(rest):
        # beside a place already found, only one joined to it ("荇州市和葭宁市", "…比蓠南市")
        if not found and not unknown or joined:
            unknown.append(place)
    return found + unknown, unknown


def _place_names(text: str) -> list[tuple[str, bool]]:
    """The words of ``text`` that read as place names ("浞阳区"), each with whether a word joins it
    to what is before it (和, 与, 比 …): (name, joined)."""
    from facts.sentence import is_verb

    out = []
    for m in _REGION_RE.findall(text):
        cuts = [x for x in re.finditer(r"[全本各该我你他此某这那每的年底在了和与及跟同比较是对到往至给]", m)]
        cut = max((x.end() for x in cuts), default=0)
        place = m[cut:].removeprefix("其中")  # "其中省政府本级呢": the part of a whole, no place
        # (a verb before a level is where something goes, no place: "转交县法律援助中心", "移送县公安局")
        if len(place) >= 3 and not is_admin_word(place) and not (len(place) == 3 and is_verb(place[:2])):
            out.append((place, bool(cuts) and cuts[-1].group() in "和与及跟同比较" and len(place) <= 5))
    return out


def named_places(text: str) -> list[str]:
    """Every word of ``text`` that reads as a place name, beside a known place or not: a
    follow-up's place may stand for one of them ("…中，浞阳区有多少件？" then "那浞河县呢？")."""
    return [place for place, _ in _place_names(YEAR_WORD_RE.sub(" ", text))]


def ask_kind(clause: str) -> str:
    if _ORDINAL.search(clause) or _RANK_ASK.search(clause):
        return "number"
    if _LIST.search(clause):
        return "list"
    if _SHARE_ASK.search(clause):  # "有执法证的占多少", "输了几成": a share
        return "rate"
    if WHICH_MORE.search(clause) or MORE_OR_LESS.search(clause):  # "成功率哪个高", "比2024年多还是少":
        return "rate" if _RATE.search(clause) else "number"  # two figures compared, not a name asked
    if NAME_ASK.search(clause) and not _NUMBER.search(clause):
        return "name"
    if _RATE.search(clause) and not ASK_UNIT_RE.search(clause):
        return "rate"
    if _NUMBER.search(clause) or any(p.search(clause) for p, _ in MEASURE_ASKS):  # "面积多大": a number
        return "number"
    if YES_NO.search(clause):
        return "yesno"
    return "description"


# a score asked: points ("考核得分是多少", "评分为多少", "what was its score")
_SCORE_ASK = re.compile(r"\bscore\b|(?:得分|评分|分数|总分)(?:是|为|有)?(?:多少|几)", re.I)


# "降了几个点", "平均被砍掉了几个点": points of a rate (colloquial 个百分点) — not "设了几个点" (sites)
_POINTS_OF_CHANGE = re.compile(r"(?:降|减|砍|压|涨|升|提|增|高|低|多|少)[\u4e00-\u9fa5]{0,2}?了?"
                               r"(?:多少|几)个?点(?![位子儿])")


def clause_units(clause: str, kind: str) -> tuple[str, ...]:
    """The units that answer an ask: "第几届" → 第届; a rate or "多少个百分点" → %; the
    measure word's family ("多少件" → 件, 宗, 起, 例); money words → 元, 万元, 亿元; a share
    asked with no measure word ("诉求有多少，比例呢") → %."""
    ordinal = _ORDINAL.search(clause)
    if ordinal:
        return ("第" + ordinal.group(1),)
    if _RANK_ASK.search(clause):
        return ("第名",)
    if kind == "rate" or re.search(r"(?:多少|几)个?百分点|百分之多少", clause) or _POINTS_OF_CHANGE.search(clause):
        return ("%",)
    if kind != "number":
        return ()
    if _SCORE_ASK.search(clause):
        return ("分",)  # "what was its score in the assessment", "考核得分是多少": points
    of_those = _EN_HOW_MANY_OF.search(clause)
    english = of_those or _EN_HOW_MANY_DID.search(clause) or _EN_HOW_MANY.search(clause)
    first = _EN_HOW_MANY_FIRST.search(clause)
    if first and not of_those and (  # "how many people died in…": people, not died
            en_units := next((u for p, u in EN_COUNTED_UNITS if p.match(first.group(1))), ())):
        return en_units
    if english:  # "how many … cases were closed": counted in 件, not a share of them
        en_units = next((u for p, u in EN_COUNTED_UNITS if p.match(english.group(1))), ())
        if not en_units:  # "how many safety hazards": counted as the glossary's Chinese noun is (隐患: 处)
            from bot.lexicon import expand

            phrase = clause[english.start(0):english.end(1)].lower().removeprefix("how many").strip()
            en_units = next((found for _, said in expand(phrase) for zh in said if (found := noun_units(zh))), ())
        if en_units:
            return en_units
    glossed = _EN_HOW_MANY_ZH.search(clause)
    if glossed and (zh_units := noun_units(glossed.group(1))):
        return zh_units  # "How many “法律明白人” has … trained?": counted as the Chinese noun is (名)
    asked = [m.group(1) for m in ASK_UNIT_RE.finditer(clause)
             if len(m.group(1)) > 1 or not _starts_a_word(clause, m.start(1))]
    units: list[str] = []
    for u in asked:
        if u == "个":
            units.extend(_counted_units(clause))
        units.extend(UNIT_FAMILIES.get(u, (u,)))
        if u not in ("个", "对"):  # "几场官司": what is counted says its units too (官司 → 件); 对 counts couples
            units.extend(_noun_after(clause, u))
    if not asked:  # "…的案子有多少": what the bare 多少 counts says the units
        bare = re.search(r"(?:有|是)?(?:多少|几)", clause)
        # (less a sum word before the ask: "低保钱一共有多少" counts 钱)
        units.extend(noun_units(_SUM_BEFORE.sub("", _TRAILING.sub("", clause[:bare.start()])) if bare else ""))
        more = None if bare else MORE_OR_LESS.search(clause)
        if more:  # "查处的欠薪案件比多了还是少了": the noun before the comparison is counted
            units.extend(noun_units(re.sub(r"(?:比|较|跟|和|与)$", "", _TRAILING.sub("", clause[:more.start()]))))
        if bare and not units:  # "培养了多少懂法的带头村民": the noun after 多少 is counted
            after = _TRAILING.sub("", re.split(r"[，,；;。？?]", clause[bare.end():])[0])
            units.extend(noun_units(after))
            if not units and after:  # … or the word right after it ("帮多少农民工讨回了欠薪": 农民工)
                units.extend(_first_word_units(after))
        # "事故起数是多少": counted in 起; "办件量是多少", "案件量": in 件
        counted = COUNT_OF_MEASURE.search(clause) or _VOLUME_OF.search(clause) or _TIMES_NAMED.search(clause)
        if counted and not units:
            units.extend(UNIT_FAMILIES.get(counted.group(1), (counted.group(1),)))
    people = next((m for m in ASK_UNIT_RE.finditer(clause) if m.group(1) in _PERSONS), None)
    if people is not None and _PERSONS_ACT.search(clause, people.end()):
        units.extend(noun_units("申请"))  # "有多少人…去申请复议": each one's application, in 件
    if not asked and not units:  # "面积多大", "要多久": the units of the measurement asked
        units.extend(next((u for p, u in MEASURE_ASKS if p.search(clause)), ()))
    # a money word asks money unless the clause counts something else outright ("有多少家没
    # 罚款": 家, the 罚款 is what they were spared); "多少罚款" still asks it
    # ("多少被骗的钱": the money after what describes it)
    money_asked = _MONEY_ASKED.search(clause) is not None
    if MONEY_WORDS.search(clause) and (not asked and not units or money_asked) or not units and money_asked:
        if not asked and money_asked:
            units.clear()  # "罚了企业多少钱": the money, not the 企业 it was taken from (家)
        units.extend(UNIT_FAMILIES["元"])
    if not asked and PERCENT_WORDS.search(clause):
        units.append("%")
    most = _MOST_OF.search(clause) if not asked and not units else None
    if most:  # "哪个区县…的案子最多": what is ranked is counted as its noun is (案子: 件)
        units.extend(noun_units(_TRAILING.sub("", clause[:most.start()])))
    return tuple(dict.fromkeys(units))


# the noun an English "how many" counts: the last word before the verb or preposition that ends its phrase
_EN_HOW_MANY = re.compile(r"\bhow many\s+(?:[a-z'-]+\s+){0,5}?([a-z'-]+)"
                          r"(?=\s+(?:did|do|does|were|was|are|is|have|has|had|"
                          r"in|of|at|for|under|from|by|with|on|and|got|received?)\b|\s*[?,.]|\s*$)", re.I)
# … the last word before the verb when one follows within a few words ("how many river and lake chiefs did")
_EN_HOW_MANY_DID = re.compile(r"\bhow many\s+(?:(?!(?:of|in|at|for|under|from|by|with|on)\b)[a-z'-]+\s+){0,5}?"
                              r"((?!(?:of|in|at|for|under|from|by|with|on)\b)[a-z'-]+)"
                              r"(?=\s+(?:did|do|does|were|was|are|is|have|has|had)\b)", re.I)
# "how many of those were criminal cases": the part counted as its noun is, at the clause's end
_EN_HOW_MANY_OF = re.compile(r"\bhow many of (?:those|them|these|which)\s+(?:were|was|are|is|had|have)\s+"
                             r"(?:[a-z'-]+\s+){0,4}?([a-z'-]+)(?=\s*[?,.]|\s*$)", re.I)
# (the noun right after it, a verb next: "how many people died")
_EN_HOW_MANY_FIRST = re.compile(r"\bhow many\s+([a-z'-]+)"
                                r"(?=\s+(?:did|do|does|were|was|are|is|have|has|had|"
                                r"(?!(?:related|based|owned|funded|licensed|registered|involved|specialized|"
                                r"designated|certified|qualified|listed)\b)[a-z]+ed)\b)", re.I)
_EN_HOW_MANY_ZH = re.compile(r"\bhow many\s+[“\"'‘]?([\u4e00-\u9fff]{2,12})", re.I)
_MONEY_ASKED = re.compile(r"(?:多少|几)(?:[\u4e00-\u9fa5]{1,4}的)?"  # ("多少被骗的钱")
                          r"(?:钱|资金|经费|金额|罚款|万元|元|亿元|工资|工钱|薪水|薪酬|钱款|赔偿金|赔款|税款)")
_TRAILING = re.compile(r"[呢哩啊呀吗了？?。！!\s]+$")
# a change stated, not asked, before a comma ("…同比下滑了，全年只办了多少件"); said against the year
# before (比上年, 同比) it may be bare 多/少 ("比上年少了，是多少起")
CHANGE_PREMISE = re.compile(r"(?:(?:(?:比|较)(?:上年|去年|上一年|前一年|(?:19|20)\d{2}年)|同比|环比)"
                            r"(?:还|又|反而|却|都|也)?(?:有所)?(?:下降|减少|降低|下滑|回落|增长|增加|提高|上升|提升|上涨|多|少)|"
                            r"(?:还|又|反而|却|都|也)?(?:有所)?(?:下降|减少|降低|下滑|回落|增长|增加|提高|上升|提升|上涨))"
                            r"了(?=[，,])")
# the ask clause asks a change after all ("…下降了，同比降了多少", "…多了，多了多少")
_CHANGE_IN_ASK = re.compile(r"同比|环比|比上年|较上年|比去年|增长|增加|减少|下降|提高|降低|上升|下滑|多了|少了|"
                            r"[增减降涨升跌]了?(?:多少|几)|变化|幅度|增幅|降幅")
_SUM_BEFORE = re.compile(rf"(?:{SUM_WORDS.pattern}|共|总|还)$")


_YEAR_SAID = re.compile(r"(?:19|20)\d{2}年")


def without_change_premise(text: str) -> str:
    """``text`` without the changes it states before asking a level ("…同比上升了，一共受理了多少起" →
    "…，一共受理了多少起"); itself when it states none, or asks a change after all ("…多了，多了百分之几")."""
    said = list(CHANGE_PREMISE.finditer(text))
    if not said or any(_YEAR_SAID.search(m.group(0)) for m in said):
        return text  # (none; or "比2023年少了，2024年是多少": both years' figures — a table's row — say how it went)
    rest = CHANGE_PREMISE.sub("，", text)
    return rest if rest != text and not _CHANGE_IN_ASK.search(rest) else text


def states_premise(text: str) -> bool:
    """The question states a change before asking a level (:func:`without_change_premise` takes it out)."""
    return without_change_premise(text) != text


def _starts_a_word(clause: str, at: int) -> bool:
    """The measure character after 多少 begins a word instead ("多少户籍业务", "多少家庭",
    "多少项目"): no measure asked."""
    from vectorstore.tokenizer import shared_tokenizer

    if clause[at] not in _WORD_STARTERS:  # 批次, 次庭, 件次: the measure word itself
        return False
    # what follows the character: a word of its own ("家律所": 律所, "户群众": 群众) makes it a
    # measure; a lone character ("户籍业务": 籍, "家庭": 庭, "项目": 目) makes it a word's first
    tokenizer = shared_tokenizer()
    word = (tokenizer.cut(clause[at:at + 6]) or [""])[0]
    rest = (tokenizer.cut(clause[at + 1:at + 7]) or [""])[0]
    # (a word of the dictionary: "家欠" of "多少家欠农民工钱…的企业" is two words the cut glued)
    return len(word) > 1 and len(rest) == 1 and re.fullmatch(r"[\u4e00-\u9fa5]", rest) is not None \
        and tokenizer.is_word(word)


# measure characters that often begin a word: 户籍, 家庭, 项目, 部门, 处罚, 起诉, 期间, 条例, 名单, 人员, 类型,
# 分局
_WORD_STARTERS = frozenset("户家项部处起期条名人类分")


def _counted_units(clause: str) -> tuple[str, ...]:
    """The units of what "多少个" counts: the noun after it ("多少个案子" → 件…), or, when
    nothing follows, the noun a clause before it ends on ("…的热心人，一共有多少个" → 名…)."""
    m = re.search(r"(?:多少|几)个", clause)
    if not m:
        return ()
    after = _TRAILING.sub("", re.split(r"[，,；;。？?]", clause[m.end():])[0])
    # (less a sum or a verb of being before the ask: "…的人一共有多少个" counts 人; a space typed
    # in chat is a pause like a comma: "邻居吵架闹矛盾的 帮着调解了多少个" counts 矛盾)
    before = [re.sub(r"(?:一共|总共|共计|合计|累计|总计|共|目前|现在)?(?:有|是|为)?$", "", s)
              for s in re.split(r"[，,；;、\s]+", clause[:m.start()]) if s][-2:]
    # "…打官司输了几个": the noun before the verb that the ask follows
    # "几个案子交给警察处理了": the noun right after it
    # "多少个能接案子的律师": the head of a phrase with 的 is its last noun (律师, not 案子)
    # "几个刚出狱的人被帮着申请了救助": the noun right after the last 的, the predicate after it
    # "多少个农民工把欠的工钱要回来": a noun right after it, not itself the first of an "X的Y",
    # is what is counted, whatever 的 comes later
    if after and (first := _counted_first_word(after)):
        return first
    head = [after] if "的" in after else []
    tail = after.rsplit("的", 1)[1] if "的" in after else ""
    head += [tail[:n] for n in range(min(4, len(tail)), 0, -1)]
    nouns = head + [after[:n] for n in range(min(4, len(after)), 0, -1)] if after else [n for seg in reversed(before)
                                   for n in (seg, re.sub(r"[\u4e00-\u9fa5]了?$", "", seg),
                                             re.sub(r"[\u4e00-\u9fa5]{2}了?$", "", seg))]
    return next((units for noun in nouns if (units := noun_units(noun))), ())


def _counted_first_word(text: str) -> tuple[str, ...]:
    """The units of ``text``'s first word when it is a counted noun not followed by 的."""
    from vectorstore.tokenizer import shared_tokenizer

    words = shared_tokenizer().cut(text)
    if len(words) < 2 or words[1] == "的":
        return ()
    units = noun_units(words[0])
    if not units and len(words) == 2 and re.fullmatch(r"[\u4e00-\u9fa5]+", words[1]):
        # "多少个犯罪嫌疑人": the one noun the tokenizer cut in two (犯罪|嫌疑人) ends the question
        units = noun_units(words[0] + words[1])
    return units


def _noun_after(clause: str, measure: str) -> tuple[str, ...]:
    """The units of the noun right after "几<measure>" ("几场官司" → 件, 起, 宗, 例)."""
    m = re.search(rf"(?:多少|几){measure}", clause)
    after = _TRAILING.sub("", re.split(r"[，,；;。？?]", clause[m.end():])[0]) if m else ""
    if _COURT_SESSION.match(after):  # "出了几次庭": appearances in court are counted as the cases (出庭应诉…3件)
        return noun_units("官司")
    return _first_word_units(after) if after else ()


_COURT_SESSION = re.compile(r"庭(?!审)")


def _first_word_units(text: str) -> tuple[str, ...]:
    """The units of the first word of ``text`` — jieba's word, not a prefix (律师事务所 is no 事);
    a one-character verb cut off its noun is read with the next ("打工人": 打|工人; not 个|人)."""
    from facts.sentence import is_verb
    from vectorstore.tokenizer import shared_tokenizer

    words = shared_tokenizer().cut(text)
    units = noun_units(words[0])
    if not units and len(words) > 1 and words[1] == "的" and is_verb(words[0]):
        return noun_units("人")  # "多少打工的", "多少上访的": the ones who do it, people
    if not units and len(words[0]) == 1 and is_verb(words[0]) and len(words) > 1 \
            and re.fullmatch(r"[\u4e00-\u9fa5]+", words[1]):
        units = noun_units(words[0] + words[1])
    if not units and len(words) > 1 and words[1] != "的":
        # "几条诉前建议": a modifier (诉前) before the noun that says the units — the phrase's head
        units = noun_units(re.split("的", text, maxsplit=1)[0])
    return units


def split_number_clause(clause: str) -> dict[str, str] | None:
    """The parts of '行政复议受理了多少件': head 行政复议, pred 受理, le 了, ask 多少, measure 件."""
    m = _NUMBER_CLAUSE.match(clause)
    if not m:
        return None
    parts = {k: v or "" for k, v in m.groupdict().items()}
    pred = parts["pred"]
    from facts.sentence import is_report_verb

    # (a report's verb ending as nouns do is still the verb: 立案, 备案)
    if pred and (pred in _NOT_PREDICATE or NOUNISH.search(pred) and not is_report_verb(pred)
                 or not parts["head"] and not parts["le"]
                 and not parts["tail"] and parts["fill"]):
        parts["head"] += pred
        parts["pred"] = ""
    return parts


def _indicator(clause: str, kind: str) -> str:
    text = re.sub(r"(?:具体)?(?:有|是|为|达)?(?:多少|几)(?:" + MEASURE + r")?|多大|多久|多长时间|是什么|有哪些|"
                  r"哪些|叫什么|什么|吗|呢|是否|有没有|请问|分别|具体|相差|^[和与及、]", " ", clause)
    text = re.sub(r"[了的]\s", " ", text + " ")
    return re.sub(r"\s+", "", text)


_COUNTED_ASK = re.compile(rf"(?:多少|几)(?:{MEASURE})")


def _two_asks(clause: str) -> list[str]:
    """"为多少名农民工追回了多少工资": two asks without a joiner, cut after the noun the first
    one counts (农民工); the clause whole otherwise."""
    asks = list(_ASK_NUMBER.finditer(clause))
    first = _COUNTED_ASK.match(clause, asks[0].start()) if len(asks) == 2 else None
    if first is None:
        return [clause]
    from facts.sentence import starts_with_verb
    from vectorstore.tokenizer import shared_tokenizer

    between = clause[first.end():asks[1].start()]
    if starts_with_verb(between):  # "帮多少人要回了多少钱": the measure (人) is the noun counted
        return [clause[:first.end()], clause[first.end():]]
    words = shared_tokenizer().cut(between)
    if len(words) < 2 or not re.fullmatch(r"[\u4e00-\u9fa5]{2,}", words[0]):
        return [clause]
    cut = first.end() + len(words[0])
    return [clause[:cut], clause[cut:]]


def _clauses(core: str) -> list[str]:
    """The clauses of a question; one that asks twice ("几家律师事务所、多少执业律师",
    "维持了多少件、撤销了多少件") split at its 、/以及/和."""
    out: list[str] = []
    for clause in (c.strip() for c in _CLAUSE_SPLIT.split(core)):
        pieces = [p for p in _JOINED_ASKS.split(clause) if p.strip()]
        if len(pieces) == 1:
            pieces = _two_asks(clause)
        if sum(bool(_ASK_NUMBER.search(p)) for p in pieces) >= 2:
            out.extend(pieces)
        elif shared := _SHARED_HEAD.search(clause):
            # "医疗纠纷和物业纠纷的调解成功率分别是多少": the head said once, of each item
            out.extend(f"{item}的{shared.group('head')}{shared.group('ask')}"
                       for item in re.split("和|与|及|、", shared.group("items")))
        elif each := _EACH.search(clause):
            out.extend(_each_asks(clause, each))
        elif clause:
            out.append(clause)
    return out


# "医疗纠纷和物业纠纷的调解成功率分别是多少": two things, one indicator said after the second
_ITEM = r"(?:(?![和与及、的])[\u4e00-\u9fa5]){2,8}"
_SHARED_HEAD = re.compile(rf"(?:^|(?<=[的中里，,]))(?P<items>{_ITEM}(?:(?:和|与|及|、){_ITEM})+)的"
                          r"(?P<head>[\u4e00-\u9fa5]{1,10}?(?:率|比例|比重|金额|标准))(?:分别|各自|各)(?P<ask>(?:是|为|有)?(?:多少|几)[\u4e00-\u9fa5]?)")
# a figure the clause states ("已经超过10%了", "达到九成"), not a number in a name (12345热线)
_STATED_FIGURE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?\s*(?:%|％|个百分点|成|件|人|家|万|亿|元)|"
                            r"[一二三四五六七八九十]成")
# "收案、结案、纠错各多少件", "维持、驳回、直接纠错的各有多少件": one ask per listed item
# ("…的和…的各占多少", "建议、提案各办了多少件": a verb between 各 and the ask)
_EACH = re.compile(rf"(?P<list>[^，,]+(?:、|和|及)[^，,]+?)的?各(?:自)?(?P<verb>有|是|为|占|[\u4e00-\u9fa5]{{1,2}}了)?"
                   rf"(?P<ask>(?:多少|几)(?:{MEASURE})?)")


def list_parts(text: str) -> list[str]:
    """The items of a list phrase, split at 、 and at 和/及/与 the segmenter reads as words (not the
    及 of 涉及, the 和 of 调解和解)."""
    from vectorstore.tokenizer import shared_tokenizer

    parts, current = [], ""
    for word in shared_tokenizer().cut(text):
        if word in ("、", "和", "及", "与"):
            parts.append(current)
            current = ""
        else:
            current += word
    return [p for p in [*parts, current] if p]


def _each_asks(clause: str, m: re.Match[str]) -> list[str]:
    listed = m.group("list")
    # "处罚案件和复议申请同比各变了多少": what follows the last item is said of every item
    shared = re.search(r"(?:同比|环比|较上年|比上年|分别)$", listed)
    if shared:
        listed = listed[:shared.start()]
    items = [i for i in list_parts(listed) if i.strip()]  # (not the 及 of 涉及)
    if len(items) < 2:
        return [clause]
    # the first item may carry the topic: "审结的行政复议案件中维持" → 维持 (cut after 中/的/里)
    first, rest = items[0], [i.rstrip("的") for i in items[1:]]
    cut = max(first.rfind(c) for c in "中的里")
    head = first[cut + 1:] if 0 <= cut < len(first) - 1 else first
    verb = (shared.group(0) if shared else "") + (m.group("verb") or "").strip("有是为")
    return [f"{item}{verb}{m.group('ask')}" for item in [head, *rest]]


# a table named by what it shows ("主要指标完成情况表中，…"): where to look, no ask of 情况
_TABLE_NAME = re.compile(r"情况(?:统计|汇总|一览)?表")

# a clause that carries on the ask before it with what its subject did: "去申请复议", "又告到法院"
_GOING_ON = re.compile(r"(?:去|来|又|再|还|就|便|才|而|并|跑去|跑到|找)[\u4e00-\u9fa5]")
# what people asked for by a count of persons did, counted by the report as cases ("多少人…去申请复议":
# 申请 counted in 件): the acts of COUNTED_NOUN_UNITS a person does
_PERSONS_ACT = re.compile(r"申请|复议|起诉|诉讼|投诉|举报|信访|上访|告状|告[到上了]|打官司")
_PERSONS = frozenset({"人", "名", "位"})

# "几个部门一起去查了几次": several, doing something together — no ask when one follows
_SEVERAL = re.compile(r"(?<![多少])几(?=(?:个|家)?[\u4e00-\u9fa5]{1,4}?(?:一起|一块儿?|联合|共同|一道))")


def _ask(text: str, kind: str) -> Ask:
    """The ask a clause makes: what it asks of, its units and (a number asked) its predicate."""
    parts = split_number_clause(text) if kind == "number" else None
    return Ask(text, kind, _indicator(text, kind), clause_units(text, kind), parts["pred"] if parts else "")


def _asks(core: str) -> tuple[Ask, ...]:
    clauses = _clauses(_SEVERAL.sub(lambda m: "多" if re.search(r"几|多少", core[m.end():]) else m.group(0), core))
    asks: list[Ask] = []
    context = ""
    for clause in clauses:
        kind = ask_kind(clause)
        if asks and _BARE_ASK.fullmatch(clause):
            continue  # "…纠错率已经突破15%了，具体是多少？": the same ask again
        # a rate asked outright ("持证率是多少，比上年提高了多少") is an ask of its own; one that
        # states a figure ("纠错率已经超过10%了，具体是多少") is the premise of the next
        asked = kind in ("number", "list", "yesno") or ASKING_CLAUSE.search(_TABLE_NAME.sub("", clause)) or (
            kind == "rate" and _ASK_NUMBER.search(clause) and not _STATED_FIGURE.search(clause))
        if not asked and clause is clauses[-1] and asks and asks[-1].kind == "number" \
                and _GOING_ON.match(clause) and not _ASK_NUMBER.search(clause):
            # "有多少人对处理决定不服，去申请复议": the ask goes on (what they did), no ask of its own
            asks[-1] = _ask(f"{asks[-1].text}，{clause}", "number")
            continue
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
        asks.append(_ask(text, kind))
    if not asks and clauses:
        text = "".join(clauses)
        asks.append(Ask(text, "description", _indicator(text, "description")))
    if len(asks) > 1 and asks[0].kind == "yesno" and any(a.kind in ("number", "rate") for a in asks):
        # "外地看病能直接报吗？…直接结算的有多少人次": the figure asked after answers the yes or no (a quote of
        # the best sentence, as a yes or no is answered, would lead with whatever figures it holds)
        asks = [a for a in asks if a.kind != "yesno"]
    return tuple(asks)


# Chinese names inside an English question ("… did 青岚市市场监督管理局 register"): places and
# issuing bodies, which do not make it a Chinese question
_CJK_NAME = re.compile(r"[\u4e00-\u9fa5]{2,}?(?:自治区|自治州|自治县|街道|省|市|区|县|旗|镇|乡|局|厅|所|"
                       r"委员会|人民政府)(?![\u4e00-\u9fa5])")


def _english(text: str, known: Sequence[str] = ()) -> bool:
    """Written in English: two English words or more, and fewer than four Chinese characters
    besides the names of places and bodies and terms glossed in brackets (a question of four
    English words or more)."""
    words = len(_ENGLISH.findall(text))
    if words < 2:
        return False
    if len(_CJK.findall(text)) < 4:
        return True
    if words < 4:
        return False
    # (and a Chinese term glossed in brackets or quotes: "one-stop online processing (一网通办)")
    rest = _CJK_GLOSS.sub(" ", _CJK_NAME.sub(" ", text))
    for alias in sorted(known, key=len, reverse=True):
        rest = rest.replace(alias, " ")
    return len(_CJK.findall(rest)) < 4


_CJK_GLOSS = re.compile(r"[（(“\"'‘「][\u4e00-\u9fa5\s·、]+[)）”\"'’」]")


# a volume named by its measure word ("办件量", "案件量"): counted in that measure
_VOLUME_OF = re.compile(r"(件|次|人次)量")
# … or by a measure of visits it ends on ("异地就医直接结算人次是多少", "检查企业家次降到了多少")
_TIMES_NAMED = re.compile(r"(人次|户次|家次|件次|车次)(?=[^，,；;。？?]{0,8}(?:多少|几))")

def _asks_plan(norm: str, lang: str) -> bool:
    """A plan or target asked — not a result asked of one ("没完成1000件的目标，实际只办了多少件")."""
    if lang == "en":
        return bool(PLAN_WORDS.search(norm) or _EN_PLAN.search(norm))
    return bool(PLAN_WORDS.search(norm)) and not RESULT_ASKED.search(norm)


# a plan or target asked in English ("What is Fenze's 2026 target for…", "aims to reach")
_EN_PLAN = re.compile(r"\b(?:targets?|targeted|goals?|aim(?:s|ed)? (?:to|for|at)|plans? (?:to|for)|planned|"
                      r"next year)\b", re.I)


_MOST_OF = re.compile(r"最(?:多|少)")
_STATED_AVERAGE = re.compile(r"年均|平均每年|每年平均|\b(?:average annual|annual average|annualized)\b", re.I)


_TO_LEVEL_ASK = re.compile(r"(?:增加|增长|提高|提升|上升|下降|减少|降低|回落|[降减增涨跌升])(?:到|至)了?(?:多少|几)")


def parse(text: str, known: Sequence[str] = (), today: dt.date | None = None,
          base_year: int | None = None, typed: str | None = None) -> Frame:
    """The frame of a question standing alone (``base_year``: the year the conversation is
    about, for 上一年/次年/同年)."""
    from bot.english import localize
    from bot.premise import find_claim

    typed = text if typed is None else typed
    norm = normalize(text, today)
    lang = "en" if _english(norm, known) else "zh"
    if lang == "en":  # "Hetang County" → 鹤塘县, "market regulation bureau" → 市场监督管理局
        text, norm = localize(text, known), localize(norm, known)
    resolved = resolve_relative(norm, today, base_year)
    years = tuple(dict.fromkeys(absolute_years(resolved)))
    regions, unknown = find_region_words(resolved, known)
    if lang == "en":  # "Wenxi County", "Chengyang's": place names as written
        regions += [m for m in _EN_PLACE.findall(norm) if m.split()[0] not in _EN_NOT_PLACE]
    core = YEAR_WORD_RE.sub("", resolved)
    for r in regions:
        core = core.replace(r, "")
    core = re.sub(r"^[，,、\s的]+", "", core)
    asks = _asks(core) if lang == "zh" else _english_asks(norm)
    claim = find_claim(norm) if lang == "zh" else None
    # a change stated before a level is asked ("…受理数同比上升了，一共受理了多少起"): a premise checked
    # against what the report states, not a comparison asked — nor is the year before asked
    # (a figure asked: "…减少了，主要是什么原因？" asks why it changed, the change its subject)
    judged = without_change_premise(norm) if any(a.kind in ("number", "rate") for a in asks) else norm
    if len(years) == 1 and "同比" in judged:  # "2025年…同比变化了多少": with the year before
        years += (years[0] - 1,)
    why_changed = len(years) == 1 and not claim and bool(WHY_CHANGED.search(norm))
    if why_changed:  # "2025年败诉率为什么上升了？": its premise is checked against the year before
        years += (years[0] - 1,)
    # "比全省平均高多少": the province is a second place, unless it is the one named
    places = len(regions) + bool(WHOLE_PROVINCE.search(norm) and not any(r.endswith("省") for r in regions))
    # a sum word alone ("一共请了多少位") asks one total; a sum over years or places compares
    compared = [m.group(0) for m in COMPARE_WORDS.finditer(judged)
                if not (SUM_WORDS.fullmatch(m.group(0)) and not years and places < 2)]
    comparison = bool(compared) and (len(years) != 1 or places >= 2) \
        or bool(COMPARE_TO_YEAR.search(judged)) or why_changed \
        or bool(WHICH_MORE.search(norm)) and (len(years) >= 2 or places >= 2) \
        or (len(years) >= 2 or places >= 2) and bool(EACH_ONE.search(norm))  # "23年和24年分别有多少": both
    if _STATED_AVERAGE.search(norm):
        comparison = False  # "2023年到2025年年均增长多少": the average the report states, no difference
    if comparison and _TO_LEVEL_ASK.search(norm):
        # "2025年…比2024年减少了，降到了多少件": the level reached is asked, the change is a premise (checked
        # against what the report states): the year it is compared with is not asked
        against = {int(y) for y in re.findall(r"(?:比|较)((?:19|20)\d{2})年", resolved)}
        if (kept := tuple(y for y in years if y not in against)) and len(kept) < len(years):
            years, comparison = kept, False
    if judged != norm and not comparison:
        # (the premise's year compared with — "比上年下降了，" resolved to 比2024年 — is not asked either)
        against = {int(y) for y in re.findall(r"(?:比|较)((?:19|20)\d{2})年", resolved)}
        years = tuple(y for y in years if y not in against) or years
    named = named_thing(norm, asks[0].predicate if asks else "")
    return Frame(text=text.strip(), typed=typed.strip(), lang=lang,
                 years=years, regions=tuple(regions), unknown_places=tuple(unknown), asks=asks,
                 comparison=comparison, plan=_asks_plan(norm, lang),
                 premise=claim.text if claim else "", named=named,
                 resolved=resolved)


_EN_BACK_REFERENCE = re.compile(r"(?:what|how (?:many|much|high|low))(?:\s+(?:was|is|were|are|did it reach))?"
                                r"(?:\s+(?:it|that|this|they|its (?:figure|rate|value|number)))?", re.I)


_EN_ASK_SPLIT = re.compile(r"[?？;]|,?\s+and\s+(?=(?:(?:with|at|by|to)\s+)?(?:what|how|which|did|is|are|was)\b)",
                           re.I)


def _english_asks(text: str) -> tuple[Ask, ...]:
    """English asks: one per question sentence or 'and'-joined question ('How many … and
    what was the rate …?', '…, and with what success rate?')."""
    parts = [p.strip() for p in _EN_ASK_SPLIT.split(text) if p and p.strip()]
    asks: list[Ask] = []
    for p in parts:
        if not re.search(r"\b(?:what|how|which|did|does|is|are|was|were|list|when|who)\b", p, re.I):
            continue
        if asks and _EN_BACK_REFERENCE.fullmatch(p):
            continue  # "Which district had the highest rate, and what was it?": the same ask
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
            own = _EN_OWN_TOPIC.match(text)  # "and how many enterprises were visited": its own
            if topic and topic.group(1).lower() not in text.lower() and not own:
                text += " of " + topic.group(1)
        where = " ".join([r for r in regions if r not in text]
                         + [str(y) for y in frame.years if str(y) not in text])
        return f"{text} {where}".strip() + "?"
    text = ask.text
    first = frame.asks[0].text if frame.asks else ""
    if ask is not frame.asks[0] and ask.kind == "rate" and SHARE_WORD.match(ask.indicator):
        # "…审结多少件，比例是多少": the share of the first ask's thing
        text = rate_question(frame.asks[0], ask.indicator)
    elif ask is not frame.asks[0] and first:
        parts = split_number_clause(first) if frame.asks[0].kind == "number" else None
        head = parts["head"] if parts else ""
        # (asks listed with one predicate each name their own thing: "处罚案件、复议申请同比各变了多少")
        parallel = len(os.path.commonprefix([first[::-1], text[::-1]])) >= 3
        if head and head not in text and not parallel:
            text = head + text  # "一审行政诉讼案件" + "败诉率多少"
    # (a place the ask already names is not said again: "澙北分局执法人员培训…" of region 澙北)
    return "".join(r for r in regions if r not in text) + "".join(f"{y}年" for y in frame.years) + text + "？"


def rate_question(prev_ask: Ask, word: str) -> str:
    """'比例' of '行政复议受理了多少件' → '行政复议受理了比例是多少': a share of the ask's thing."""
    base = prev_ask.text
    parts = split_number_clause(base) if prev_ask.kind == "number" else None
    from facts.sentence import is_verb

    if parts and (parts["head"] or parts["tail"]) and word.endswith("率") and len(word) >= 3 and is_verb(word[:-1]):
        # "纠错率呢" after "行政复议新收了多少案件": a rate named by its own verb (纠错) is of the
        # thing asked about (行政复议), not of the previous verb's count (新收); "成功率" names no
        # verb of its own: the 调解 asked before succeeded
        base = parts["head"] or parts["tail"]
    elif parts:  # the 了 stays: it marks the predicate ("出庭应诉了…比例" is 出庭应诉率)
        base = parts["head"] + parts["pred"] + parts["le"] + parts["tail"]
    elif prev_ask.kind == "rate":
        base = re.sub(r"[\u4e00-\u9fa5]{0,4}率.*$|比例.*$|占比.*$", "", base)
    else:
        base = prev_ask.indicator
    base = re.sub(r"^(?:具体)?(?:有|共)", "", base).rstrip("了的")
    return f"{base}{word}是多少"


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
