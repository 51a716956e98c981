"""The default answerer: picks the supporting sentence(s) from retrieved passages. No LLM.

Every sentence of the retrieved passages is scored by how much of the question's key terms
(weighted by rarity) it and its section cover, plus the passage's retrieval rank. For
多少/几/比例 questions the answer leads with the figure whose clause best matches the
question and whose unit fits; for 有哪些 questions it gathers the listed items.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from itertools import pairwise

from bot.binding import (
    BOUND,
    Binding,
    admissible,
    asked_part,
    bind_score,
    fact_phrase,
    fact_words,
    names_the_part,
    other_part_asked,
    other_stage,
    pair_partner,
    part_and_whole,
    qualifier_conflict,
    relative_clause,
    set_as_target,
)
from bot.dictionary_en import chinese_words
from bot.english import DOING_VERBS, LIGHT_VERBS, SCOPE_WORDS, english_form, function_words
from bot.figures import Figure, display_unit, find_figures, format_amount, unit_matches, unsigned
from bot.frame import CHANGE_PREMISE, list_parts, states_premise
from bot.lexicon import contrasts, english_key, implied_kinds, singular, whole_when_unnamed
from bot.periods import Months, asked_period, context_period, part_of_year_said, period_of, periods_named
from bot.query import Question
from bot.retriever import Hit
from bot.scorer import FEATURES, Scorer
from bot.thesaurus import near_words
from facts import Fact, chunk_facts, is_table_row
from facts.figures import find_figures as find_facts_figures
from facts.sentence import (
    is_report_verb,
    is_verb,
    names_a_kind,
    pos_words,
    starts_with_verb,
    verbs,
    without_enumerator,
)
from facts.table import is_table_title, row_heads, row_label, unit_of_caption
from zh.dates import TODAY_RELATIVE
from zh.numerals import UNIT_CHARS, normalize_numerals
from zh.sentences import split_sentences
from zh.words import (
    AREA_UNITS,
    AREA_WORDS,
    ASK_WORDS,
    CASE_STAGES,
    COUNT_OF_MEASURE,
    DOWN_WORDS,
    EACH_ONE,
    EACH_PLACE_LEAD,
    EACH_PLACE_LEAD_AT,
    EN_MEASURE_WORD,
    FRAMING_WORDS,
    MEASURE,
    QUESTION_WORDS,
    SUM_WORDS,
    UP_WORDS,
    WHOLE_OF_BODY,
    WHOLE_OF_PLACE,
)
from zh.words import FILLERS as _FILLERS
from zh.words import NAME_ASK as _NAME_ASK
from zh.words import QUOTED as _QUOTED

UNSEEN_WEIGHT = 0.6  # a question word the reports never use (often colloquial)
# a verb of general Chinese's everyday vocabulary (−log p in jieba's dictionary below this: 安排 8.9,
# 处理 8.6, 帮助 8.8; not 检查 9.3, 投诉 10.0, 受理 10.8) weighs this share of its rarity in the reports
EVERYDAY_RARITY = 9.0
EVERYDAY_WEIGHT = 0.5
THESAURUS_WEIGHT = 0.8  # a thesaurus near-synonym of such a word, of its own weight (as a word-table row's)
# an English word no glossary line translates: what it names is not understood, so a sentence
# matching only the translated words is no answer ("110 emergency reports" + police → 公安 alone)
UNSEEN_ENGLISH = 2.0
MAX_RENDERINGS = 6  # the reports' words a dictionary glosses an English word with, at most
# a word-table member this much rarer than the group's rarest stands for the whole phrase;
# a more general one (矛盾纠纷 of 邻居 → 邻里 矛盾纠纷) only for what it says itself
MEMBER_SPECIFIC = 0.7
KEY_CLOSE = 0.8  # words this close to the rarest one's weight may be the asked one
ALL_PARTS_CREDIT = 0.8  # a compound whose every part is in the text
PHRASE_BONUS = 0.1  # for a sentence with the question's adjacent words still adjacent
_INDICATOR_PHRASE = re.compile(r"比例|率")  # a word-table phrase that names a rate
NAMED_FIGURE_COVERAGE = 0.25  # ... is enough with this much of the question around it
_PLAN_MARKERS = re.compile(r"力争|计划|拟|将(?![^，。]*[已了])|以上(?:。|$)|不少于|确保|争取|目标")
# a target said met, exceeded or reached: no plan of the sentence ("如期实现上年确定的“…98%以上”目标")
_TARGET_MET = re.compile(r"(?:完成|实现|达到|达成|超过|高于|超出)了?[^，。；]{0,24}?目标(?:任务)?")
_PLAN_SECTION = re.compile(r"安排|计划|打算|思路|下一步|工作重点|重点工作|努力方向|工作目标")
# A question about a total held ("一共有几家", "年底共有") vs a sentence about a change in it.
_STOCK = re.compile(r"一共有|总共有|共有|总数|总量|年底|截至|现有|目前有|现在还|目前还|仍在|还在|在册|达到多少|"
                    r"全区共|全市共|全县共|"
                    r"\b(?:did|does|do) \w+(?: \w+)* have\b|\bhow many \w+(?: \w+)* (?:are|were) there\b|"
                    r"\bin total\b|\btotal number\b", re.I)
_FLOW = re.compile(r"注销|撤销|吊销|取缔|新增|新设|新批|新建|新创建|创建|新命名|新认定|新培育|引进|减少|增加|办理|查处|"
                   r"整治")
# "…示范村有多少个" with no year said: how many there are, not how many came in a year
_HAVE_ASK = re.compile(r"有(?:多少|几)")


def _scoped_coverage(text: str, scope: str, terms: list[Term]) -> float:
    """``coverage`` of a fact's words with the whole place its sentence says it of (全市)."""
    return coverage(f"{text} {scope}", terms)


_WHOLE_PLACE_WORD = re.compile(r"全(?:省|市|区|县|州|镇|乡|街道)")


def _asks_stock(question: Question, text: str) -> bool:
    """A total held is asked: a stock word ("一共有", "截至"), or "有多少" of no year and no
    flow ("淰川市的省级示范村有多少个": how many there are, not 2025年新创建的5个)."""
    return bool(_STOCK.search(text)) or (not question.years and bool(_HAVE_ASK.search(text))
                                         and not _FLOW.search(text) and not _NEW_ASK.search(text)
                                         and not _EVENT_UNITS.intersection(question.units))


# what happens is counted in these (cases, times): "没罚的有多少件" counts events of a year, never a stock
_EVENT_UNITS = frozenset({"件", "起", "宗", "例", "次", "场", "人次", "件次", "场次"})
_LABEL_ROW = re.compile(r"[^：:，。；]{2,20}[：:]\s*[^：:，。；]{1,20}")


_PERSON_ASK = re.compile(r"叫什么名字|名字是|是谁|姓名|哪位|(?:^|[,;?]\s*)who\b|who (?:is|was) (?:the|in charge)", re.I)


# a person's name asked by their post ("办事处主任叫什么名字", "局长是谁")
_TITLE_NAME_ASK = re.compile(r"(?:主任|书记|局长|厅长|市长|区长|县长|镇长|乡长|负责人|院长|部长|主席|队长|所长|处长|"
                             r"科长|领导|一把手)[的]?(?:叫什么|名字|是谁|姓名|是哪位)")


def asks_a_things_name(question: str) -> bool:
    """The question asks what something is called ("品牌调解室叫什么名字"), which a quoted name
    answers — not a person's name by their post ("主任叫什么名字": never "“三重一大”")."""
    return bool(_NAME_ASK.search(question)) and not _TITLE_NAME_ASK.search(question)


# an organisation asked for by which one it is ("是和哪家企业签的", "哪家律所的"): only its name answers
_ORGANISATION_ASK = re.compile(r"哪家|哪(?:个|一)(?:企业|公司|单位|机构|律所|律师事务所)|"
                               r"\bwhich (?:company|companies|firm|enterprise|law firm)\b", re.I)


def asks_name(question: str) -> bool:
    """The question asks for a person's name ("厅长叫什么名字") or an organisation's ("哪家律所"),
    which only a name answers."""
    return bool(_PERSON_ASK.search(question) or _ORGANISATION_ASK.search(question))


def is_plan_section(section_path: str, year: int | None) -> bool:
    """A section about what comes next: named so, or about a year after the report's own."""
    if _PLAN_SECTION.search(section_path):
        return True
    return year is not None and any(int(y) > year for y in re.findall(r"((?:19|20)\d{2})年", section_path))


@dataclass
class Term:
    text: str
    weight: float
    parts: tuple[str, ...] = ()  # sub-words that earn partial credit when the word is absent
    group: str = ""  # terms of one group are alternatives (a phrase and its synonyms)
    expansion: bool = False  # added from the word tables, not written by the user
    names: bool = False  # an official name of the asked indicator (a concept described: bot.concepts)
    negated: bool = False  # the question says 非 before it ("非学科类"): 非学科类 is then the thing
    # an English word a general dictionary renders only in words the reports never use
    # ("beehive" → 蜂箱): a thing they do not speak of
    foreign: bool = False

    def __post_init__(self) -> None:
        self.group = self.group or self.text


def _binding_signals(signals: dict[str, float], bound: list[Binding], units: tuple[str, ...]) -> None:
    """How clearly the first ask's figure is bound: its score, the margin over the best
    binding of another value, how many the sentence offers, whether a unit was asked."""
    top = bound[0] if bound else None
    others = [b.score for b in bound[1:] if top and b.fact.display != top.fact.display]
    signals["bound"] = top.score if top else 0.0
    signals["bound_margin"] = min(top.score - others[0], 1.0) if top and others else 1.0
    signals["bound_rivals"] = float(len(others))
    signals["unit_asked"] = float(bool(units))


@dataclass
class Evidence:
    hit: Hit
    rank: int  # rank of the hit among retrieved passages
    sentence: str
    score: float
    coverage: float
    figures: list[Figure] = field(default_factory=list)
    bindings: list[Binding] = field(default_factory=list)  # the sentence's facts, best bound first
    features: dict[str, float] = field(default_factory=dict)  # named, see bot/scorer.py

    @property
    def chunk(self):  # noqa: ANN201
        return self.hit.chunk


# the new ones asked ("新开了多少家律师事务所")
_NEW_ASK = re.compile(r"新开|新设|新增|新建|新批|新成立|新来|新招|新引进|新发展|新选聘|新聘|新聘任|新录用|"
                      r"新认定|新命名")
# a clause holding a number at a time ("全市现有专职仲裁员86名、兼职仲裁员127名"): no count of the new ones
_HELD_SAID = re.compile(r"现有|共有|总数|总量|拥有|在册|累计")
_EACH_PLACE = re.compile(r"各(?:级|乡镇|街道|镇|乡|县|区|县区|区县|县市区|地|市|设区市|村|社区|村社区)")
_AMOUNT_WORD = re.compile(r"金额|数额|总额")
_EN_AMOUNT = re.compile(r"money|amount|sum|total amount")
_WITHIN_STATED = re.compile(r"[\u4e00-\u9fa5]{0,12}?(?:当中|之中|中|里)")
_PLANNED = re.compile(r"计划|目标|打算|力争|定下")  # a plan said as one (not 安排, which is also "arrange")
_ALL_LEVELS = re.compile(r"全(?:省|市|区|县)|各级")  # a figure of the whole place, all its levels
_CASE_COLUMN = re.compile(r"[（(](?:件|起)[)）]")


def cases_said(row: str) -> str:
    """A table row with its columns counted in cases said as cases ("法律援助（件）：18426" → "法律援助案件：18426"):
    what a report's prose calls 法律援助案件."""
    return _CASE_COLUMN.sub("案件", row)


_WITHIN_MARK = re.compile(r"(?:当中|之中|中|里)(?:面)?[，,]?")
_SPLIT_VERB = re.compile(rf"([\u4e00-\u9fa5])(?<![有是为共达])(?:了|过)?好?(?:几|多少)(?:{MEASURE})"
                         r"([\u4e00-\u9fa5])(?![\u4e00-\u9fa5])")
# an English ordinal ("the fourth session of the 17th …"): no report word (its glossary phrases are read first)
_EN_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth",
                         re.I)
_ASK_TOKEN = re.compile(rf"(?:好|哪)?(?:几|多少)(?:{MEASURE})?")  # "几场", "好几场", "哪几个": the ask, no content
# a target asked by name ("定的目标是多少件", "目标值是多少", "what target"): only a figure set as one answers
_TARGET_ASKED = re.compile(r"目标(?:值|数)?(?:是|为|定为|定在)?(?:多少|几)|\btarget\b", re.I)
_PLAN_COLUMN = re.compile(r"目标|计划")
_YEAR_END_SAID = re.compile(r"年底|年末")
_AREA_FIGURE = re.compile(rf"\d(?:万|亿)?(?:{'|'.join(AREA_UNITS)})")
_HOW_MUCH = re.compile(r"有?多(?:高|大|长|久|远|快|重)|百分之(?:几|多少)|(?:几|多少)个百分点|\bhow (?:large|big)\b",
                       re.I)
# what a change is measured against: "比上年", "较2024年", a bare "比" (its year already taken out)
_THAN = r"(?:比|较)(?:上年|去年|上一年|前一年|(?:19|20)\d{2}年)?"
_CHANGE_ASKED = re.compile(rf"(?:同比|环比|{_THAN})?"
                           r"(?:增长|增加|减少|下降|提高|降低|上升|提升|回落|(?<![新净])[降涨减增])(?:了|得|到了?|至)?"
                           r"(?=多少|几|百分之几|百分之多少)")
_PER_10K_SAID = re.compile(r"(?:平均)?每(?:一|1)?万个?(?:人|老百姓|群众|居民|市民|常住人口)(?!次)")
_TO_LEVEL_ASKED = re.compile(r"(?:[降减增涨升]|提高|提升|下降|减少|增加|增长|上升)(?:到|至)了?(?:多少|几)")
_DIRECTION_SAID = re.compile(r"(?:同比|环比|比上年|较上年|比去年|较去年)?(?:又|再|还|也|继续|进一步)?"
                             r"(?:明显|大幅|有所)?(?:下降|减少|增长|增加|上升|提高|降低|回落|下滑)了?")
# the volume of a line of work asked in its unit ("公证业务量", "工作量"): no word a sentence says
_VOLUME_WORD = re.compile(r"业务量|工作量")
_YEAR_BEFORE = re.compile(r"(?:比|较)(?:上年|去年|上一年|前一年|上年度)(?:同期)?")
# "比上年多了多少": what it is compared with is no word to find (多/少 stay: 减少 says them)
_COMPARED_TO = re.compile(rf"{_THAN}(?=[多少]了?(?:多少|几|百分之))")


def question_terms(question: Question, tokenize: Callable[[str], list[str]],
                   idf: Callable[[str], float | None],
                   words: Callable[[str], list[str]] | None = None) -> list[Term]:
    """Key terms of the question, weighted by rarity. A colloquial phrase from the word
    tables becomes one group whose members (the phrase, its report terms) are alternatives."""
    words = words or tokenize
    drop = set(QUESTION_WORDS) | {str(y) for y in question.years}
    # (English in the glossary's one spelling: "one-stop" is the row "one stop")
    base = english_form(question.without_places(question.normalized, years=True))
    if question.synonyms and re.search(r"[A-Za-z]{3}", base):
        base = singular(base.lower())  # the glossary's keys are matched in the singular (bot.lexicon)
    for phrase, _ in question.synonyms:  # (an English key with its ending: "exercise" of "exercised")
        said = english_key(phrase.lower()) if phrase[:1].isascii() and phrase[:1].isalnum() else \
            re.compile(re.escape(phrase), re.I)
        base = said.sub(" ", base)
    if question.kind == "numeric":  # "罚没款同比增长了多少": the change asked is no content word
        if _CHANGE_ASKED.search(base):  # "比上一年每人每月提高了多少元": what it is compared with, apart
            base = _YEAR_BEFORE.sub(" ", base)
        if _TO_LEVEL_ASKED.search(base):  # "…户次同比下降了，降到了多少": the direction said is the
            base = _DIRECTION_SAID.sub(" ", base)  # premise, the level asked is what is counted
        # … and a change stated before the ask ("社保经办业务量下降了，全年办了多少件"): checked against the
        # report's (bot.service._wrong_changes), no word its sentence must say
        if states_premise(question.normalized):
            base = CHANGE_PREMISE.sub(" ", base)
        base = _COMPARED_TO.sub(" ", _CHANGE_ASKED.sub(" ", base))
        base = COUNT_OF_MEASURE.sub(" ", base)  # "事故起数": the unit asked, no word to find
        base = _VOLUME_WORD.sub(" ", base)  # "公证业务量…多少件": how much of it, said by the unit asked
        if "元" in question.units:  # "罚款金额是多少": 金额 is the money asked, not a word to find
            base = _AMOUNT_WORD.sub(" ", base)
        base = EN_MEASURE_WORD.sub(" ", base)  # "how many kilometres": the unit asked, no word to find
    base = _HOW_MUCH.sub(" ", base)
    base = _PER_10K_SAID.sub("每万人", base)  # "平均每一万个老百姓": the reports' 每万人
    base = part_of_year_said(base)  # "4到6月份": the 二季度 a table's column names
    base = base.replace("人民政府", "政府")  # (a government's formal name; its reports say 县政府, 市政府)
    # A quoted name (“行政执法监督码”) is one term, its words only partial credit.
    quoted = list(dict.fromkeys(q.lower() for q in _QUOTED.findall(base) if q.strip()))
    for phrase in quoted:
        base = base.replace(phrase, " ")

    def known_parts(tok: str) -> list[tuple[float, str]]:
        return [(k, p) for p in tokenize(tok) if p != tok and len(p) > 1 and (k := idf(p)) is not None]

    def weight_of(tok: str) -> float | None:
        w = idf(tok)
        if w is None and len(tok) > 2:
            # a compound the index never saw whole: weigh it by its known parts
            known = known_parts(tok)
            w = max(known)[0] if known else None
        return w

    rare_characters = getattr(tokenize, "rare_characters", None)
    common_word = getattr(tokenize, "common_word", None)
    general_rarity = getattr(tokenize, "rarity", None)

    @functools.cache
    def doing() -> frozenset[str]:
        """The words saying what is counted, everyday verbs or not: the verb of the ask and the word
        just before it ("完成信用修复多少件", "处理了多少起"), and one joined to an action the reports
        name (联合检查, 完成修复: a phrase of their own). Read only when an everyday verb is asked."""
        asked_text = question.without_places(question.normalized)
        anchor = ask_anchor(asked_text, words) if question.kind == "numeric" else ""
        said = {anchor, *predicate_words(asked_text, words)} if anchor else set()
        toks = words(asked_text)
        return frozenset(said | {tok for tok, nxt in zip(toks, toks[1:], strict=False)
                                 if anchor and nxt == anchor or is_report_verb(nxt)
                                 or idf(nxt) is not None and pos_words(nxt) == ((nxt, "vn"),)})

    def parts_of(tok: str) -> tuple[str, ...]:
        if idf(tok) is None and rare_characters and len(tok) >= 2 and not tok.isascii() \
                and not known_parts(tok) and (rare := rare_characters(tok)) and len(rare) < len(tok):
            # a colloquial word the reports never use: its rare morphemes earn part credit in
            # the reports' words that share them (小摊, 摆摊 → 摊贩, 摊点; 讨回 → 讨薪)
            return tuple(rare)
        if idf(tok) is None and len(tok) > 2 and (known := known_parts(tok)):
            # a known word plus one character the index never saw together ("追回来"): the word
            # stands for it ("追回"), not the complement the reports never need ("回来");
            # "道路交通事故" is no 事故 of any kind
            weight, part = max(known)
            if len(tok) - len(part) == 1:
                return (part,)
        return tuple(p for p in tokenize(tok) if p != tok and len(p) > 1)

    terms: dict[str, Term] = {}
    base_words = words(base)
    for i, tok in enumerate(base_words):
        if tok in DOER_NOUNS and _doer_said(base_words, i, drop, base):
            continue  # "环保执法队伍上门查了多少家次", "生态环境部门立案多少件": who did it, as a body says of itself
        # a number is no content word, unless the reports use it as a name (热线 12366, 12345)
        number = tok.isdigit() and not (len(tok) >= 5 and idf(tok) is not None)
        if tok in drop or number or tok in UNIT_CHARS or tok in terms or _ASK_TOKEN.fullmatch(tok) \
                or _EN_ORDINAL.fullmatch(tok) \
                or tok in FRAMING_WORDS or tok in AREA_WORDS or _EACH_PLACE.fullmatch(tok) \
                or tok.isascii() and (tok.lower() in function_words() or tok.lower() in SCOPE_WORDS
                                      or tok.lower() in LIGHT_VERBS):
            continue  # "生态环境领域的": the field is named by its other words; "各乡镇": a scope
        w = weight_of(tok)
        unseen = UNSEEN_ENGLISH if tok.isascii() and tok.isalpha() and len(tok) > 2 else UNSEEN_WEIGHT
        weight = (unseen if w is None else w) * (0.3 if len(tok) == 1 else 1.0)
        if w is not None and general_rarity and len(tok) > 1 and not tok.isascii() \
                and general_rarity(tok) < EVERYDAY_RARITY and is_verb(tok) and tok not in doing():
            # a verb general Chinese uses every day (安排, 处理, 帮助) says less of what is asked than
            # its rarity in the reports makes it seem: a citizen's "由司法局安排" names no indicator
            # (a noun stays: 城市 of 城市管理领域 names the part asked)
            weight *= EVERYDAY_WEIGHT
        terms[tok] = Term(tok, weight, parts_of(tok))
        if w is None and unseen == UNSEEN_ENGLISH:
            # an English word the glossary lacks: the Chinese words a general dictionary glosses
            # with it, as far as the reports use them (collect → 收集, 征集; bot.dictionary_en) —
            # too many, and it is too general a word to say which (end, post)
            glosses = chinese_words(tok.lower())
            used = [(near, k) for near in glosses if (k := idf(near)) is not None]
            if glosses and not used and len(glosses) <= MAX_RENDERINGS:
                terms[tok] = replace(terms[tok], foreign=True)
            rendered = [(near, k) for near, k in used if near not in terms and near not in drop]
            if len(rendered) <= MAX_RENDERINGS:
                for near, k in rendered:
                    terms[near] = Term(near, min(weight * THESAURUS_WEIGHT, k), group=tok, expansion=True)
        if w is None and not tok.isascii() and not (common_word and common_word(tok)):
            # a word the reports never use: its thesaurus near-synonyms the reports do use stand
            # for it (工钱 → 工资, 过关 → 合格, 躲开 → 避让; bot.thesaurus) — unless it is one of
            # general Chinese's most frequent words, which names nothing (事情: 事务, 业务, 专职)
            for near in near_words(tok):
                if near not in terms and near not in drop and (k := idf(near)) is not None:
                    terms[near] = Term(near, k * THESAURUS_WEIGHT, group=tok, expansion=True)
    for m in _SPLIT_VERB.finditer(base):
        # a verb and its object split by the ask ("学了几回法", "罚了多少款"): the reports write
        # them as one word (学法, 罚款) — when they do: an alternative of the object the user
        # wrote, which stays what the question's key words are weighed by ("办了多少件事": 事, not
        # the rarer 办事 that 办件量 lacks)
        word = m.group(1) + m.group(2)
        if word not in terms and m.group(2) not in UNIT_CHARS and (w := idf(word)) is not None:
            obj = terms.get(m.group(2))
            terms[word] = Term(word, w, group=obj.group, expansion=True) if obj else Term(word, w)
    for phrase in quoted:
        inner = [t for t in words(phrase) if t not in drop and len(t) > 1]
        known = [w for w in map(weight_of, inner) if w is not None]
        terms[phrase] = Term(phrase, (max(known) if known else UNSEEN_WEIGHT) + 1.0,
                             tuple(t for t in inner if t != phrase))
    for phrase, alternatives in question.synonyms:
        if len(ASK_WORDS.sub("", phrase)) <= 1 or question.kind == "numeric" and EN_MEASURE_WORD.fullmatch(phrase):
            continue  # "多少钱" → 资金 万元, "batches" → 批次: only what kind of figure is asked (the units say it)
        if phrase.lower() in drop:
            continue  # "total" → 总数: question scaffolding, whatever a word table makes of it
        if "元" in question.units and _EN_AMOUNT.fullmatch(phrase.lower()):
            continue  # "how much … money": the money asked (its units say it), no word to find (资金)
        # the user's own words stay: the phrase, and its word less the ask ("几个律师" → 律师, which
        # "聘请5名律师" says although the table's term is 执业律师)
        own = _ASKED_COUNT.sub("", phrase.lower())
        members = [phrase.lower(), *(t.lower() for t in alternatives)]
        listed = phrase.lower() in members[1:]  # the word table says the phrase is report wording
        if own != phrase.lower() and len(own) >= 2 and own not in members:
            members.insert(1, own)
        for tok in dict.fromkeys(members):
            if tok in drop or tok in terms:
                continue
            # the user's own phrase counts only if the reports use it verbatim (or the table says so)
            w = idf(tok) if tok in (phrase.lower(), own) and not listed else weight_of(tok)
            if w is None:
                continue
            # an English phrase's glossary term is one of the reports' wordings of it: its words
            # earn part credit in another ("on-time completion rate" → 按期办结率, said 按时办结率)
            parts = parts_of(tok) if phrase.isascii() and tok != phrase.lower() else ()
            scale = 0.3 if len(tok) == 1 else DOING_VERB_WEIGHT if phrase.lower() in DOING_VERBS else 0.8
            terms[tok] = Term(tok, w * scale, parts, group=phrase, expansion=tok != phrase.lower())
    asked = normalize_numerals(question.normalized).lower()

    def negated(word: str) -> bool:
        return bool(_NEGATED.search(asked)) and re.search(
            rf"(?:{NEGATION}|[不没无免][\u4e00-\u9fa5]{{0,3}}){re.escape(word)}", asked) is not None
    # a word-table term of a negated word is negated too ("不予处罚": 行政处罚 for 处罚)
    return [replace(t, negated=True) if negated(t.text) or t.expansion and negated(t.group.lower()) else t
            for t in terms.values()]


# an ask for a count and its measure word ("几个", "多少名"): what is left of a word-table phrase
# without it is the user's own word for the thing counted
_ASKED_COUNT = re.compile(rf"(?:多少|几)[{UNIT_CHARS}]?")


_RESTRICTION = re.compile(r"涉及([\u4e00-\u9fa5]{2,8}?)的")


def _restriction_missing(question: Question, ev: Evidence, terms: list[Term]) -> bool:
    """The question restricts what it counts ("涉及X的…") and the sentence says nothing of X."""
    restrictions = _RESTRICTION.findall(normalize_numerals(question.normalized).lower())
    if not restrictions:
        return False
    heading = ev.chunk.section[-1] if ev.chunk.section else ""
    text = normalize_numerals(heading + ev.sentence).lower()
    for said in restrictions:
        named = [t for t in terms if t.text in said or t.group in said]
        if named and not any(occurs(t, text) for t in named):
            return True
    return False


def _heading_of(ev: Evidence) -> str:
    """The evidence's section heading ('' for a sentence weighed on its own, without a passage)."""
    return ev.chunk.section[-1] if ev.hit is not None and ev.chunk.section else ""


def kind_conflict(question: Question, ev: Evidence) -> bool:
    """The question asks one kind of a set that exclude each other (bot/contrasts.txt: 一审 / 二审,
    食品 / 药品, 本级 / 全市 …) and the sentence, read whole with its heading, answers of another:
    it names another kind of the set and not the asked one ("一审收案…；败诉率5.9%" is of 一审 cases
    throughout); or, for a figure asked, it names no kind of a set one of whose kinds is meant when
    none is named (~ in the file) while another is asked ("二审…败诉率", "市本级收到…963件；受理881件"
    names 本级 in its first clause); or it names no kind of a set whose unnamed kinds are counted all
    together (= in the file: "办理法律援助案件968件" is no figure of 民事 ones). Other sets are not
    read so: "兼职的法治副校长", "公安机关…止付" name no kind and are still the asked one."""
    asked_kinds = _asked_kinds(without_bodies(question, question.without_places(question.normalized)))
    if not asked_kinds:
        return False
    text = _heading_of(ev) + (whole_sentence(ev.chunk.text, ev.sentence) if ev.hit is not None else ev.sentence)
    if is_table_row(ev.sentence) and ev.bindings:  # a row's other columns measure other things: its label
        # and the cell answered ("萏阳市｜行政复议受理…｜败诉率（%）：4.8" is no 行政复议 败诉率)
        fact = ev.bindings[0].fact
        text = f"{_heading_of(ev)}{row_label(ev.sentence)} {fact.column}"
    if _names_another_kind(text, asked_kinds):
        return True
    implied, wholes = implied_kinds(), whole_when_unnamed()
    return question.kind == "numeric" and any(
        (any(k in implied for k in kinds) and not any(k in implied for k in asked) or kinds in wholes)
        and not any(s in text for k in kinds for s in k) for kinds, asked in asked_kinds)


_Kinds = tuple[tuple[str, ...], ...]  # a contrast set: its kinds, each with its spellings


def without_bodies(question: Question, text: str) -> str:
    """``text`` without the bodies the question names as whose report: "信访局自己…当被告的官司" asks no kind
    信访, nor "公安局…" one of 公安."""
    bodies = {normalize_numerals(b).lower() for b in (*question.issuer_mentions, question.department) if b}
    for body in sorted(bodies, key=len, reverse=True):
        text = text.replace(body, " ")
    return text


def _asked_kinds(text: str) -> list[tuple[_Kinds, list[tuple[str, ...]]]]:
    """Of each contrast set (bot/contrasts.txt) the text names some but not all kinds of: (the set,
    the kinds named)."""
    out = []
    for kinds in contrasts():
        asked = [k for k in kinds if any(s in text for s in k)]
        if asked and len(asked) < len(kinds):
            out.append((kinds, asked))
    return out


def _names_another_kind(words: str, asked_kinds: list[tuple[_Kinds, list[tuple[str, ...]]]]) -> bool:
    """``words`` (a fact's own, or a sentence with its heading) name another kind of a set and none
    of the kinds asked."""
    return any(not any(s in words for k in asked for s in k)
               and any(s in words for k in kinds if k not in asked for s in k) for kinds, asked in asked_kinds)


# … not a kind named: "这类纠纷", "哪几类", "各类", "五类案件", "一类司法所", "分类", "之类"
_NOT_A_KIND = frozenset("这那哪几各此该同每一二三四五六七八九十两分之归门种大人好完")


def kind_missing(question: Question, ev: Evidence, cut: Callable[[str], list[str]]) -> bool:
    """The question counts one kind of a thing ("冒充客服类的有多少起", "核与辐射类案件罚款多少")
    and neither the sentence nor its heading names that kind: its figure is the whole's."""
    asked = normalize_numerals(question.without_places(question.normalized)).lower()
    if "类" not in asked:
        return False
    text = normalize_numerals(_heading_of(ev) + ev.sentence).lower()
    tokens = cut(asked)
    for i, token in enumerate(tokens):
        kind = tokens[i - 1] if token == "类" and i else token[:-1] if token.endswith("类") else ""
        if len(kind) >= 2 and _CJK_WORD.fullmatch(kind) and kind[-1] not in _NOT_A_KIND \
                and kind not in text:
            return True
    return False


_CJK_WORD = re.compile(r"[\u4e00-\u9fa5]+")


NEGATION = "非"  # 非学科类, 非现场执法, 非税收入: the word after it names the other kind
# … and 不予处罚案件 is no 处罚案件 (免予处罚, 不予受理: what was not done)
_NEGATIONS = (NEGATION, "不予", "免予")
_NEGATED = re.compile(r"[非不没无免]")  # the question negates too: "不用人到现场" is 非现场


def _plainly_in(word: str, text: str) -> bool:
    """``word`` is in ``text`` somewhere not right after 非/不予/免予."""
    at = text.find(word)
    while at >= 0:
        if not any(text.endswith(n, 0, at) for n in _NEGATIONS):
            return True
        at = text.find(word, at + 1)
    return False


def occurs(term: Term, text: str) -> bool:
    """``term`` is in ``text`` (normalised) as itself: "学科类" is not in "非学科类培训机构",
    "处罚" not in "不予处罚案件", unless the question negates it too."""
    if term.text not in text:
        return False
    if term.negated or len(term.text) < 2 or term.text.startswith(_NEGATIONS):
        return True
    return _plainly_in(term.text, text)


_WHOLE_END = tuple("。；;！!？?…”」』）)")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_RESPECTIVELY = re.compile(r"([^，,；;。]*)分别(?:为|是|达到?)")


def _cut_off(ev: Evidence, terms: list[Term]) -> bool:
    """The report stops mid-sentence (a crawled page's opening: "…共办理省人大代表建议712件、省政协
    提案") and the question's word stands only where the cut took the figure away: after the
    sentence's last figure, or among the names of a 分别为 list past the values left
    ("参考率、合格率分别为99.8%、")."""
    sentence = ev.sentence.rstrip()
    if not sentence or sentence.endswith(_WHOLE_END) or is_table_row(sentence) \
            or not ev.chunk.text.rstrip().endswith(sentence):
        return False
    text = normalize_numerals(sentence).lower()
    numbers = list(_NUMBER.finditer(text))
    if not numbers:
        return False
    head, tail = text[:numbers[-1].end()], text[numbers[-1].end():]
    words = [t.text for t in terms if len(t.text) >= 2 and not t.expansion]
    if any(w in tail and w not in head for w in words):
        return True
    listed = list(_RESPECTIVELY.finditer(head))
    if not listed or tail.strip("%％个件项次人名家元万亿") not in ("、", ","):
        return False
    names = re.split("[、和及与]", listed[-1].group(1))
    values = len(_NUMBER.findall(text[listed[-1].end():]))
    return any(w in name and not any(w in given for given in names[:values])
               for w in words for name in names[values:])


def _negated_only(sentence: str, terms: list[Term]) -> bool:
    """A word the question says plainly is in the sentence only after 非 (不予, 免予): the other kind."""
    text = normalize_numerals(sentence).lower()
    return any(t.text in text and not occurs(t, text) for t in terms
               if not t.negated and len(t.text) >= 2 and not t.text.startswith(_NEGATIONS))


def whole_sentence(text: str, clause: str, limit: int = 240) -> str:
    """The sentence of ``text`` (up to its 。！？ or line end) that holds ``clause``, a piece of it
    cut at ；; the clause itself when it is not found or the sentence is over ``limit``."""
    at = text.find(clause)
    if at < 0:
        return clause
    start = max(text.rfind(p, 0, at) for p in "。！？\n") + 1
    ends = [e for e in (text.find(p, at + len(clause) - 1) for p in "。！？\n") if e >= 0]
    end = min(ends) + 1 if ends else len(text)
    sentence = text[start:end].strip()
    return sentence if clause in sentence and len(sentence) <= limit else clause


_NOT_ASKED = r"(?:不予|未予|未)"  # a formal negation of what was done ("不予受理", "未办结")
_NOT_BEFORE = r"(?:不予|免予|免于|未予|未|没有|没|非|不|无)"
# a verb negated before a word ("没开罚单", "不罚款"; not 不服 of "不服申请复议", nor "没执照的": without one)
_NEGATING_BEFORE = r"(?:(?:没有?|未|不予|免予|免于)[\u4e00-\u9fa5]|不|未)"


def _plain_only(question: Question, sentence: str, terms: list[Term]) -> bool:
    """A word the question negates right before it ("不予受理", "未办结") is in the sentence only
    plainly ("受理1102件"): the figure of what was done, not of what was not."""
    asked = normalize_numerals(question.normalized).lower()
    text = normalize_numerals(sentence).lower()
    for t in terms:
        if not t.negated or len(t.text) < 2 or t.text not in text or t.text.startswith(_NEGATIONS):
            continue
        if t.expansion:  # the report's word for a colloquial one negated ("没开罚单": 行政处罚, not in
            # "不予行政处罚"/"免予处罚" but in "办理行政处罚案件8637件") — negated by the word right before it
            # (not "不罚款的案子": 案子 is what is counted, 罚款 what was not done)
            # (a report word that says the not-doing itself — 免罚, 减免罚款, 从轻处罚 — is no plain one; nor
            # is a sentence plain that says the colloquial word negated too: "不予处罚…占行政处罚案件的8.7%")
            said = rf"(?:{re.escape(t.text)}|{re.escape(t.group.lower())})"
            if not re.search(r"[不没无免减轻未非]", t.text) \
                    and re.search(rf"{_NEGATING_BEFORE}{re.escape(t.group.lower())}", asked) \
                    and not re.search(rf"{_NOT_BEFORE}[\u4e00-\u9fa5]{{0,2}}{said}", text):
                return True
        elif re.search(_NOT_ASKED + re.escape(t.text), asked) and not re.search(
                _NOT_BEFORE + r"(?:行政)?" + re.escape(t.text), text):  # ("不予处罚" said 不予行政处罚)
            return True
    return False


# "How many beehive inspections did …": the words before the counted noun say which kind is counted
_EN_COUNTED = re.compile(r"\bhow (?:many|much)\s+((?:[a-z][\w'-]*\s+){1,4}?)[a-z][\w'-]*\s+"
                         r"(?:did|do|does|were|was|are|is|has|have|had|will)\b", re.I)


_EN_PREPOSITIONS = frozenset("about of on for regarding against involving concerning over from to with".split())


def _foreign_kind(question: Question, terms: list[Term]) -> bool:
    """An English question counts a kind of thing the reports never speak of: a word before the
    counted noun that a general dictionary renders only in words no report uses ("beehive
    inspections": 蜂箱 nowhere) — inspections of any kind are not the figure asked."""
    foreign = {t.text.lower() for t in terms if t.foreign}
    if not foreign:
        return False
    m = _EN_COUNTED.search(question.normalized)
    return m is not None and any(w.lower() in foreign for w in m.group(1).split())


def _other_place_item(fact: Fact, named: list[str]) -> bool:
    """The fact's indicator is only a place's name, the item of a list of places, and not a place the
    question names (nor one inside a named one)."""
    from bot.query import names_a_place

    place = re.fullmatch(r"[\u4e00-\u9fa5]{1,6}?(?:街道|镇|乡|区|县|市|州)", fact.indicator)
    return place is not None and not fact.table and names_a_place(fact.indicator) \
        and not any(fact.indicator in n or n in fact.indicator for n in named)


def _run_of(fact: Fact) -> str:
    """The fact's run of clauses before it: after the last 。 or ；, its numbering read off."""
    head = fact.source[:fact.start]
    return without_enumerator(head[max(head.rfind("。"), head.rfind("；"), head.rfind(";")) + 1:])


# what a run of clauses may open with before the place it is of ("各县（区）中，澑东区受理…")
_RUN_LEAD = re.compile(rf"^(?:(?:{EACH_PLACE_LEAD})[，,、]?)?(?:其中|在|而)?")


def _opens_run(place: str, fact: Fact) -> bool:
    """The place alone opens the fact's run of clauses ("其中澅河镇发现…15宗，拆除复耕42.6亩"; not "在A镇、B镇
    试点…，分别调处326件、281件", whose items are each place's own)."""
    run = _run_of(fact)
    return not fact.table and "、" not in run and _RUN_LEAD.sub("", run).startswith(place)


def _places_of_whole(sentence: str) -> bool:
    """The sentence opens on a list of places whose figures it gives 分别 ("潉阳区、漿城区…人民检察院立案数
    分别为112件、94件"): the places of the whole the clause before counts (not "在清溪镇、石门镇…开展试点")."""
    return _PLACES_LEAD.match(sentence) is not None and "分别" in sentence


_STAGE_WORDS = frozenset(w for stage in CASE_STAGES for w in stage)
_STAGE_FIRST = re.compile("|".join(sorted(_STAGE_WORDS, key=len, reverse=True)))


def _goes_on(before: str, sentence: str) -> bool:
    """``sentence`` goes on from ``before`` after its ； with no subject of its own (a verb first — a stage
    of a case's life too, which the tagger may call a noun: "结案1483件" — or the places the whole before is
    of)."""
    return before.endswith(("；", ";")) and (starts_with_verb(sentence) or _STAGE_FIRST.match(sentence) is not None
                                            or _places_of_whole(sentence))


def _continued(ev: Evidence) -> str:
    """The clause before the evidence's when the evidence goes on from it (`_goes_on`) — the first of a run of
    such clauses; '' otherwise."""
    sentences = _sentences(ev.chunk.text)
    if ev.sentence not in sentences:
        return ""
    own = at = sentences.index(ev.sentence)
    while at and _goes_on(sentences[at - 1], sentences[at]):
        at -= 1
    return sentences[at] if at != own else ""


def _en_kind_missing(question: Question, ev: Evidence, terms: list[Term]) -> bool:
    """An English question's counted noun has a modifier ("legal aid applications", "commercial
    disputes") none of whose renderings the sentence (or its table's title, or its section) says: its
    figure counts another kind of the head noun (行政复议申请 is no legal-aid application)."""
    m = _EN_COUNTED.search(question.normalized)
    if m is None:
        return False
    noun = [*m.group(1).lower().split(), question.normalized[m.end(1):].split()[0].lower()]
    prep = next((i for i, w in enumerate(noun) if i > 0 and w in _EN_PREPOSITIONS), None)
    if prep is not None:  # "complaints about police law enforcement": the noun before it is counted
        noun = noun[:prep]
    head, modifiers = noun[-1], {singular(w) for w in noun[:-1]}
    if modifiers & {"and", "or"}:  # "consumer complaints and reports": a coordination, no one kind
        return False
    counted = modifiers | {singular(head)}

    def of_kind(group: str) -> bool:  # the group's words are the counted noun's, and not its head alone
        said = {singular(w) for w in group.lower().split()}
        return said <= counted and bool(said & modifiers)
    # (a kind is named by a noun, 法律援助, 热线; "non-compliant" → 不合格 says a quality, not a kind)
    groups = {t.group for t in terms if t.expansion and t.group.isascii() and of_kind(t.group)}
    groups = {g for g in groups if all((tags := pos_words(t.text)) and tags[0][1].startswith("n")
                                       for t in terms if t.group == g)}
    if not groups:
        return False
    row = is_table_row(ev.sentence)
    title = _table_title(ev.chunk.text, ev.sentence) if row else _continued(ev)
    text = f"{ev.chunk.section_path} {title} {cases_said(ev.sentence) if row else ev.sentence}"
    norm = normalize_numerals(text).lower()

    def said(t: Term) -> bool:  # (a two-character rendering may be cut to one: 涉诈 for 诈骗)
        return occurs(t, norm) or len(t.text) == 2 and any(c in norm for c in t.text)
    return any(not any(said(t) for t in terms if t.group == g) for g in groups)


def coverage(text: str, terms: list[Term]) -> float:
    """Weighted share of the question's term groups the text contains (a group counts by
    its best member; a word's parts earn half credit when the word itself is absent)."""
    best_weight: dict[str, float] = {}
    for t in terms:  # each group's weight: its heaviest member's
        best_weight[t.group] = max(best_weight.get(t.group, 0.0), t.weight)
    best_got: dict[str, float] = {}
    norm = normalize_numerals(text).lower()
    for t in terms:
        got = 0.0
        if occurs(t, norm):
            got = t.weight
            top = best_weight[t.group]
            if t.expansion:  # a synonym stands for the whole phrase
                got = max(got, 0.9 * top if t.weight >= MEMBER_SPECIFIC * top else t.weight)
            elif len(t.text) > 1:  # the user's own word is the whole group, never less than a synonym
                got = top  # (a single character — 法 of 学了几回法 — is found in too many words)
        elif t.parts:  # (a part only after 不予/非 is the other kind: 不予处罚 for 行政处罚)
            # (the last part, the word's head, weighs twice: 事故 of 交通事故 says the thing, 交通 only its field)
            share = sum((2 if k == len(t.parts) - 1 else 1) * (p in norm if t.negated else _plainly_in(p, norm))
                        for k, p in enumerate(t.parts)) / (len(t.parts) + 1)
            # all parts there ("涉企…检查" in 涉企行政检查): nearly the word itself
            got = t.weight * (ALL_PARTS_CREDIT if share == 1 else 0.5 * share)
        best_got[t.group] = max(best_got.get(t.group, 0.0), got)
    total = sum(best_weight.values())
    return sum(best_got.values()) / total if total > 0 else 0.0


def missing_share(text: str, terms: list[Term]) -> float:
    """The weight share of the heaviest term group the text lacks altogether (0 when it has
    a member or a part of every group): the most specific thing asked that is not there."""
    norm = normalize_numerals(text).lower()
    weight: dict[str, float] = {}
    got: set[str] = set()
    for t in terms:
        weight[t.group] = max(weight.get(t.group, 0.0), t.weight)
        if occurs(t, norm) or any(_plainly_in(p, norm) for p in t.parts):
            got.add(t.group)
    total = sum(weight.values())
    return max((w for g, w in weight.items() if g not in got), default=0.0) / total if total > 0 else 0.0


def _sentences(text: str) -> list[str]:
    """Sentences of a passage; a rendered table row ("行政复议｜2023年：126件｜2024年：140件")
    stays whole so every cell keeps its row label."""
    out = []
    for line in text.split("\n"):
        if is_table_row(line):
            out.append(line)
        else:
            out.extend(s for s in split_sentences(line) if s.strip())
    return out


_LIST_PARAGRAPH = re.compile(
    r"[一二三四五六七八九十]是.*二是|(?:《[^》]+》[、和及与]?){2,}|：[^；]+；[^；]+；|(?:[，；]“[^”]{2,20}”，.*){2,}")
_SEGMENT_NAME = re.compile(r"(?:^|[，；。：])“([^”]{2,20})”(?=，)")


def _candidates(text: str, lists: bool) -> list[str]:
    """Sentences; for list questions also whole paragraphs that enumerate (一是…二是…)."""
    out = _sentences(text)
    if lists:
        out += [line.strip() for line in text.split("\n") if _LIST_PARAGRAPH.search(line)]
    return out


class ExtractiveAnswerer:
    def __init__(self, tokenize: Callable[[str], list[str]],
                 idf: Callable[[str], float | None], threshold: float = 0.4,
                 scorer: Scorer | None = None, general: Callable[[str], float | None] | None = None):
        self.tokenize = tokenize
        self.idf = idf
        # a word's rarity in the genre at large (bot/background.py)
        self.general = general
        self.threshold = threshold
        self.scorer = scorer or Scorer()

    def terms(self, question: Question) -> list[Term]:
        return question_terms(question, self.tokenize, self.idf,
                              getattr(self.tokenize, "words", None))

    def evidence(self, question: Question, hits: list[Hit],
                 terms: list[Term] | None = None) -> list[Evidence]:
        """Candidate supporting sentences, best first, each with its named features
        (bot/scorer.py) and the scorer's score."""
        terms = terms if terms is not None else self.terms(question)
        words = getattr(self.tokenize, "words", self.tokenize)
        asked = question.without_places(question.normalized)  # "全省有多少执业律师": no anchor
        numeric = question.kind == "numeric"
        anchor = ask_anchor(asked, words) if numeric else ""
        predicates = asked_predicates(asked, words, terms) if anchor else ()
        stock = _asks_stock(question, asked)
        asks_problems = bool(_PROBLEM.search(asked))
        keys = key_groups(question, terms)
        # a table's row label names a thing, not what was done to it ("环境违法案件（件）" for
        # 查处环境违法案件多少件): for a row whose label has no verb, the question's verbs are no key
        asked_verbs = {t.text for t in terms if not t.expansion and is_report_verb(t.text)} if numeric else set()
        row_keys = key_groups(question, [t for t in terms if t.text not in asked_verbs]) if asked_verbs else keys
        # words the question says together ("行政复议申请"): a sentence saying them together
        # is about that, not about 依申请公开 near some 行政复议
        own = [t.text for t in terms if not t.expansion and len(t.text) > 1]
        low = asked.lower()
        phrases = [a + b for a in own for b in own if a != b and a + b in low]
        top_bm25 = max((h.bm25 for h in hits), default=0.0) or 1.0
        # the question's words, once: a sentence's 其中 parts are checked against them
        asked_words = [t for t in words(normalize_numerals(question.normalized).lower()) if t.strip()]

        def qualifier(word: str) -> tuple[str, ...]:  # the word as the reports write it; () for no kind
            if not names_a_kind(word):
                return ()
            # (a word inside a longer phrase of the word tables: the phrase's terms — 闹矛盾 of 家里闹矛盾)
            return tuple(t.text for t in terms if t.group == word or t.text == word
                         or len(t.group) > len(word) and word in t.group and t.expansion) or (word,)
        out: list[Evidence] = []
        for rank, hit in enumerate(hits):
            chunk = hit.chunk
            context = coverage(chunk.section_path + chunk.text, terms)
            section_cov = coverage(chunk.section_path, terms)
            plan_section = is_plan_section(chunk.section_path, chunk.year)
            chunk_period = context_period(chunk.section_path, chunk.title)  # (a half-year report's, …)
            problem_section = bool(_PROBLEM.search(chunk.section_path)) and not asks_problems
            heading = chunk.section[-1] if chunk.section else ""
            # a department's report speaks for its body in every sentence ("经审查受理8642件" of the
            # 劳动人事争议仲裁委员会's report): its name is said above each
            body = issuer_of_title(chunk.title, chunk.region)
            before_sentence = before_lead = ""
            for sentence in _candidates(chunk.text, question.kind == "list"):
                # "…办理行政处罚案件2746件…。其中，城市管理领域694件…": a 其中 sentence counts
                # parts of the whole the sentence before it counts
                # "市本级收到行政复议申请963件；受理881件": a clause with no subject of its own has
                # the one of the clause before
                # (or lists the places the clause before's whole is of: "…立案行政公益诉讼案件517件；潉阳区、
                # 漿城区…人民检察院立案数分别为112件、94件…")
                # (its subject is the first clause's of a run that goes on: "…收到劳动人事争议仲裁申请1692件…；
                # 结案1483件，结案率97.1%；调解结案892件…；涉案金额7273.5万元。")
                goes_on = _goes_on(before_sentence, sentence)
                lead_in = (before_lead if goes_on and before_lead else before_sentence) \
                    if _SHARE_START.match(sentence) or goes_on else ""
                before_lead = lead_in if goes_on else ""
                before_sentence = sentence
                if question.tabled_places and not any(p in sentence for p in question.tabled_places):
                    continue  # "荇安市移送了几件": its row, not the province's total
                # The section heading says what its sentences are about ("存在的问题和不足"); "五年来" in a
                # report of 2025 is the 十四五 period a question may name
                as_said = sentence + plan_period_said(sentence, chunk.year) + speaker_said(sentence, chunk.title)
                if _AREA_FIGURE.search(sentence):  # "拆除复耕203.6亩" says an area: 面积 goes without saying
                    as_said += " 面积"
                table_row = is_table_row(sentence)
                if table_row:  # "法律援助（件）": cases, counted in 件
                    as_said = cases_said(as_said)
                label = row_label(sentence) if table_row else ""  # what a row measures
                if label and body and _inside_name(low, label.strip(), body):
                    continue  # "劳动人事争议仲裁…受理的案件": the body's name, not its table's 人事争议 row
                # a table's title says what its rows are of ("表1 被申请人类型分布") — for a row the question
                # names: a row of one kind is no answer for the whole the title names ("表2 环境违法案件查处情况":
                # its 大气污染 row is not all 环境违法案件)
                above = heading + (_table_title(chunk.text, sentence) if table_row and (
                    _label_asked(label, low, words) or label.strip() in question.tabled_places) else "")
                cov = max(coverage(as_said, terms), 0.85 * coverage(above + lead_in + as_said, terms))
                norm = normalize_numerals(sentence).lower()
                f = dict.fromkeys(FEATURES, 0.0)
                f.update(coverage=cov, context=context, section=section_cov, rank=1 / (1 + rank),
                         bm25=hit.bm25 / top_bm25, similarity=hit.similarity,
                         phrase=sum(p in norm for p in phrases) / len(phrases) if phrases else 0.0,
                         numeric=float(numeric), table=float(table_row),
                         problem=float(problem_section))
                said = _PLACE_PARAGRAPH.match(sentence)
                if said and said.group(1) not in question.normalized \
                        and _other_place(said.group(1), question.region_mentions):
                    continue  # "茜州市：…收到行政复议申请9215件" is not the province's count
                row = False
                if table_row:  # what a table row measures is in its label
                    if label.strip() not in question.normalized and _other_place(label, question.region_mentions):
                        continue  # "荇安市移送了几件": not the row of 荇州市
                    f["row_label"] = coverage(label, terms)
                    row = bool(asked_verbs) and not verbs(without_brackets(label))  # (its unit: （起）)
                    if row and label.strip() in question.tabled_places:
                        # (nor do they weigh in what a place's row says of the question, unless its cells say them)
                        cov = max(cov, coverage(above + lead_in + as_said, [
                            t for t in terms if t.text not in asked_verbs or t.text in sentence]))
                # (the body's name only where the most specific words asked are looked for: in the coverage it
                # would be said of every sentence alike, and words it shares with the thing asked — 审批 of
                # 行政审批服务局 — would tell none apart)
                rare, head, second, lex = keys_present(row_keys if row else keys, f"{body} {above}{lead_in}{as_said}")
                f.update(key_rare=float(rare), key_head=float(head), key_second=float(second),
                         key_lex=float(lex))
                figures: list[Figure] = []
                bindings: list[Binding] = []
                best = None
                if numeric and _ordinal(question.units):
                    figures = find_figures(sentence, question.units)
                    best = best_figure(sentence, figures, terms, anchor, predicates)
                elif numeric:
                    # several asks ("审结多少件，败诉率多少"): each part picks by its own unit later;
                    # a figure here must fit one of them when each says its unit
                    units = question.units if question.asks < 2 else _any_ask_unit(question)
                    caption = _caption_above(chunk.text, sentence) if table_row else ""
                    facts = _facts_of(sentence, lead_in, heading, chunk.year, caption)
                    # (parts of the kind asked: "全程网办率是多少" is no part of "…事项41.7万件，其中…2.3万件")
                    kind = [f for f in facts if not units or fact_unit_ok(f, units)]
                    if question.asks < 2 and other_part_asked(kind, asked_words, words, qualifier):
                        f["unbroken_part"] = 1.0  # the thing asked, but not broken out as asked
                    bindings = self.bind(question, facts, terms, chunk.year, anchor, predicates, units,
                                         context=chunk_period)
                    if question.about_plans and chunk.year is not None and question.years and not plan_section \
                            and (min(question.years) > chunk.year or set(question.years) == {chunk.year}
                                 and _PLANNED.search(question.normalized)):
                        # a later year's target asked: what was done that year is none ("2026年定下的
                        # 目标" of a 2025 report's "执业律师…增加至521名"); nor the year's own result
                        # ("2025年计划把满意率提高到多少" of the 2025 report's "满意率达到95.2%")
                        # (a target the year's report judges — "未达到年初确定的70%以上目标" — is that
                        # year's, not a later one's)
                        bindings = [b for b in bindings if b.fact.plan and not (
                            min(question.years) > chunk.year and _judged_target(b.fact))]
                    elif question.about_plans and plan_section and set(question.years) == {chunk.year} \
                            and not _REPORT_SAID.search(question.normalized):
                        # a year's own target asked ("2025年处方合格率目标定的是多少"): its report's plans
                        # for the years after ("下一步…力争…98.5%以上") are none — unless the report is what
                        # is asked of ("2025年报告提出的目标")
                        bindings = [b for b in bindings if not b.fact.plan]
                    figures = [as_figure(b.fact) for b in bindings]
                    best = figures[0] if figures else None
                if numeric and best is None:
                    f["no_figure"] = 1.0
                elif numeric and best is not None:
                    # the figure's own clause must be about what is asked
                    clause = normalize_numerals(clause_of(sentence, best)).lower()
                    f["bind"] = bindings[0].score if bindings else coverage(clause, terms)
                    f["anchor"] = float(bool(anchor) and anchor in clause)
                    # "一共有几家" is not answered by "注销…7家"
                    # … but "由1124名增加至1267名" ends on a level: the later value is a stock
                    level = bool(bindings) and bindings[0].fact.role == "after"
                    f["stock_flow"] = float(stock and not level and bool(_FLOW.search(clause))
                                            and not _FLOW.search(asked))
                    if _LABEL_ROW.fullmatch(sentence.strip()):  # "指标：数值"
                        f["label_row"] = coverage(re.split("[：:]", sentence)[0], terms)
                # the heading itself says less than the sentences under it
                # a numbered paragraph's first sentence is its section title too ("1.全市…办理
                # 行政处罚案件8416件，…"): with a figure it states something, it is no bare heading
                f["heading_only"] = float(bool(heading) and sentence.strip().rstrip("。；;") == heading
                                          and not find_figures(sentence, ()))
                # "力争…", or the "2025年工作安排" section of the 2024 report: targets
                # (a target said met is a result: "化解率95.4%，超额完成年初确定的…目标")
                planned = bool(_PLAN_MARKERS.search(_TARGET_MET.sub("", sentence))) or plan_section
                if question.about_plans and not numeric and not planned and chunk.year is not None \
                        and question.years and min(question.years) > chunk.year:
                    continue  # "给2026年…定了什么目标" of a 2025 report: what it did in 2025 is no target
                f["plan"] = float(not question.about_plans and planned)
                out.append(Evidence(hit, rank, sentence, self.scorer.score(f), cov, figures, bindings, f))
        out.sort(key=lambda e: -e.score)
        return _total_row_first(out, question, terms)

    def _part(self, question: Question) -> tuple[tuple[str, ...], ...]:
        """The words of the part a question asks of a whole (binding.asked_part)."""
        cut = getattr(self.tokenize, "cut", None)
        return asked_part(question.without_places(question.normalized), cut) if cut else ()

    def _whole_said(self, question: Question, ev: Evidence, terms: list[Term]) -> bool:
        """The heaviest word of the whole a part is asked of stands in the evidence's passage or its section path
        ("行政复议案件中，征收拆迁类…" is no row of a court's table of case types); true when no part is asked.
        (Checked for table rows only: a table says what its rows break down in its caption and headings, while
        a sentence's whole is often said in the sentence or the passage before it.)"""
        cut = getattr(self.tokenize, "cut", None)
        whole = part_and_whole(question.without_places(question.normalized), cut)[1] if cut else ""
        named = [t for t in terms if not t.expansion and len(t.text) >= 2 and t.text in whole]
        if not named:
            return True
        heaviest = max(named, key=lambda t: t.weight)
        text = normalize_numerals(f"{ev.chunk.section_path}\n{ev.chunk.text}").lower()
        # (its word table's report words say it too; a word the reports never use says nothing either way)
        if heaviest.weight <= UNSEEN_WEIGHT or any(occurs(t, text) for t in terms if t.group == heaviest.group):
            return True
        pieces = [p for p in self.tokenize(heaviest.text) if p != heaviest.text and len(p) >= 2]
        return bool(pieces) and all(p in text for p in pieces)  # 案卷评查 of "行政执法案卷集中评查"

    def vetoed(self, question: Question, ev: Evidence, terms: list[Term] | None = None) -> bool:
        """The sentence says what is asked only without a restriction the question makes ("涉及海洋
        环境的行政处罚决定书": not all 行政处罚决定书) or only negated ("学科类校外培训机构" is not
        answered by 非学科类校外培训机构): a hard no, whatever its scores."""
        if not terms:
            return False
        cut = getattr(self.tokenize, "cut", self.tokenize)  # (nothing dropped: "这类" stays)
        return _restriction_missing(question, ev, terms) or _negated_only(ev.sentence, terms) \
            or question.kind == "numeric" and _plain_only(question, ev.sentence, terms) \
            or kind_conflict(question, ev) or kind_missing(question, ev, cut) \
            or question.kind == "numeric" and _cut_off(ev, terms) \
            or question.kind == "numeric" and ev.bindings and ev.bindings[0].fact.table \
            and not self._whole_said(question, ev, terms) \
            or question.kind == "numeric" and (_foreign_kind(question, terms)
                                               or _en_kind_missing(question, ev, terms))

    def supported(self, question: Question, ev: Evidence,
                  terms: list[Term] | None = None) -> bool:
        """Enough of the question is in the sentence, including its most specific word."""
        if question.kind == "numeric" and not ev.figures:
            return False
        period = asked_period(question.normalized)
        if period and question.kind == "numeric" and period not in periods_named(ev.sentence) \
                and period != context_period(ev.chunk.section_path, ev.chunk.title):
            return False  # "上半年受理了多少件": the year's 6.84万件 is no half-year's figure
        if self.vetoed(question, ev, terms):
            return False
        if ev.bindings and ev.bindings[0].score < BOUND:
            return False  # the sentence's figures measure something else
        if question.kind == "numeric" and question.asks < 2 and ev.bindings and terms \
                and _asked_of_another_unit(question, ev, terms, getattr(self.tokenize, "words", self.tokenize)):
            return False
        if question.kind == "numeric" and question.asks < 2 and (rate := rate_of_a_rate(question)) \
                and rate not in normalize_numerals(ev.sentence).lower():
            return False  # "合格率的完成率": the target's 完成率, not the 合格率 it is of
        if self.scorer.fitted and ev.score < self.scorer.related:
            return False  # too unlikely to be even related (the answer threshold is the service's)
        if question.kind == "numeric" and ev.coverage >= NAMED_FIGURE_COVERAGE and terms \
                and _names_the_figure(ev, terms):
            return True
        if ev.coverage < self.threshold:
            return False
        if ev.coverage >= 0.75 or not terms:
            return True
        if question.kind == "numeric" and ev.bindings and self._part(question):
            return True  # a part asked of a whole ("…中交通运输部门办了几件"): a bound fact names it
        if question.kind == "numeric" and ev.bindings and _table_names_the_rate(question, ev.bindings[0].fact, terms):
            return True  # a table's terse row label naming the asked rate ("仲裁调解成功率（%）")
        # The most specific thing asked must be there: "听证审理了多少件" is not answered
        # by a sentence about 行政复议案件 in general, nor "涉外公证" by 公证 in general.
        # One figure asked: the rarest word and the head of the phrase; two figures or a
        # description: one of the two rarest (the other may belong to the other ask, or be
        # paraphrased: 征集 vs 收集).
        f = ev.features
        if question.kind == "numeric" and question.asks < 2:
            # … or the word table's name of the asked thing ("上门查企业" → 涉企检查) is there
            return bool(f["key_rare"] and f["key_head"]) or bool(f["key_lex"])
        return bool(f["key_rare"] or f["key_second"])

    # ---- what the answer leads with -------------------------------------------------
    def lead(self, question: Question, ev: Evidence, terms: list[Term], passage: str = "",
             signals: dict[str, float] | None = None, floor: float = BOUND) -> str:
        """What the answer says first; ``passage``: the section's text around the evidence
        (a list may go on in the next chunk), the evidence's chunk by default; ``signals``
        gets how the figure was chosen (bot/gate.py)."""
        if question.kind == "numeric":
            figures = self.pick_figures(question, ev, terms, signals, floor)
            fact = next((b.fact for b in ev.bindings if b.fact.display == figures[0]), None) \
                if len(figures) == 1 else None
            if fact is not None and (span := _range_of(fact, ev.bindings)):
                return span  # "缴存比例为5%至12%": the range, not its lower end
            against = _against_asked(question.normalized, fact) if fact else ""
            # (or a change stated before the level asked: "…下降了，全年办了多少件")
            # (not "…下降了，降到了多少": the level reached, as before)
            premised = states_premise(question.normalized) \
                and not _TO_LEVEL.search(question.normalized)
            if fact is not None and not fact.change and (_TO_LEVEL.search(question.normalized) or premised):
                # "上升到了多少" of a level whose stated change went the other way: both said
                # (its change, or a change said of it after it: "年末在册…197名，…在册人数较上年末减少9名")
                change = next((g for g in _sentence_facts(ev.sentence, ev.chunk.year)
                               if g.change and (fact.indicator in (g.indicator, g.share_of)
                                                or g.start > fact.end and _said_of(g, fact))), None)
                # (the premise's own verb says the direction: "…比上年少了，受理了多少件")
                said = " ".join(m.group(0) for m in CHANGE_PREMISE.finditer(question.normalized)) if premised else ""
                turned = _against_asked(said.replace("少了", "减少了").replace("多了", "增加了") or question.normalized,
                                        change) if change is not None else ""
                if turned:
                    return f"{fact.display}，{turned}"
            if against and fact is not None and "%" not in question.units:
                # the level the change is of, first ("少了多少" asks no percent): "3461件，增长6.7%（并非下降）"
                levels = [g for g in _sentence_facts(ev.sentence, ev.chunk.year)
                          if g.indicator == fact.indicator and not (g.change or g.role or g.plan)]
                # (of the change's year: a table's 2025 column, not its 2024 one before it)
                level = next((g for g in levels if g.year is not None and g.year in (fact.year, *question.years)),
                             levels[0] if levels else None)
                return f"{level.display}，{against}" if level is not None else against
            return against or "，".join(figures)
        if question.kind == "list" and (parts := counted_parts(question, ev.sentence, ev.chunk.year)):
            return "；".join(parts)  # "哪几类，各多少件": each kind with its figure
        if question.kind == "list":
            items = list(dict.fromkeys(list_items(ev.sentence, passage or ev.chunk.text)))
            if len(items) >= 2:
                return "；".join(items)
        if asks_a_things_name(question.normalized):
            heading = ev.chunk.section[-1] if ev.chunk.section else ""
            name = quoted_name(f"{heading}。{ev.sentence}", terms)
            counted = _count_of_name(question, ev.sentence, name) if name else ""
            if name:  # "品牌叫什么，建了几个": the name, and how many its clause counts
                return f"{name}；{counted}" if counted else name
        return ""

    def pick_figures(self, question: Question, ev: Evidence, terms: list[Term],
                     signals: dict[str, float] | None = None, floor: float = BOUND) -> list[str]:
        """The figures that answer the question's asks; ``floor``: the binding score a figure needs
        (a second look at a sentence the support check turned down takes its best bound one)."""
        parts = question.ask_parts()  # the asks of the question's frame
        words = getattr(self.tokenize, "words", self.tokenize)
        chosen: list[str] = []
        facts = [b.fact for b in ev.bindings]
        for part, part_units in parts:
            part = question.without_places(part)
            low = normalize_numerals(part).lower()
            # (a described concept's span is cut where a place or year was taken out: each piece)
            part_terms = [t for t in terms if t.text in low
                          or all(piece in low for piece in t.group.lower().split())] or terms
            # each of several asks has its own unit, or none said ("案件有多少"): any figure
            units = part_units if len(parts) > 1 else (part_units or question.units)
            if ev.bindings:
                bound = self.bind(question, facts, part_terms, ev.chunk.year, ask_anchor(part, words),
                                  asked_predicates(part, words, part_terms), units, ask=part if len(parts) > 1 else "",
                                  context=context_period(ev.chunk.section_path, ev.chunk.title))
                text = bound[0].fact.display if bound and bound[0].score >= floor else None
                if signals is not None and not chosen:
                    _binding_signals(signals, bound, units)
                    if bound:  # the question's words in the figure's own clause
                        clause = clause_of(ev.sentence, as_figure(bound[0].fact))
                        signals["clause_cov"] = coverage(clause, part_terms)
                if len(parts) > 1 and _EACH_CHANGE.search(part):
                    # "发生多少起事故、死亡多少人，同比分别下降多少": each change of the 分别 list
                    changes = [f for f in facts if f.change and f.source == ev.sentence]
                    row = list(_sentence_facts(ev.sentence, ev.chunk.year))
                    group = _distributed(changes[0], row) if changes else []
                    if len(group) >= 2:
                        chosen += [g.display for g in group if g.display not in chosen]
                        continue
                if text:
                    text = _pair_answer(part, bound, ev) or text
                    lead = bound[0].fact  # "受理和审结了多少件": each verb's own figure
                    each = _listed_asked(lead, low)
                    if each:
                        chosen += [said for g in each if (said := f"{g.indicator}{g.display}") not in chosen]
                        continue
                    item = _named_item(lead, normalize_numerals(question.normalized).lower())  # (places kept)
                    if item is not None:  # "涉及工伤认定的有多少件" of "涉及征收补偿、工伤认定…分别为…"
                        text = item.display
                    # "劳动报酬、解除劳动合同、工伤保险待遇的各有多少件", one ask per item: the items of
                    # one 分别 list of the sentence, all at once
                    each = _listed_asked(lead, normalize_numerals(question.normalized).lower()) \
                        if len(parts) > 1 and not chosen else []
                    if len(each) >= len(parts) and all(any(_ends_in(g.indicator, p) for g in each)
                                                         for p, _ in parts):
                        chosen = [f"{g.indicator}{g.display}" for g in each]
                        break
                elif len(parts) > 1 and part_units and not whole_of_asks(question.normalized):
                    # (not of asks that are parts of a whole the question names: "罚没金额中罚款和…各是多少" —
                    # the sentence's one amount is the whole's)
                    text = _sole_of_unit(facts, part_units, chosen, ev.sentence)
            else:
                best = best_figure(ev.sentence, ev.figures if units == question.units else
                                   [f for f in find_figures(ev.sentence, units) if unit_matches(f, units)],
                                   part_terms, ask_anchor(part, words), predicate_words(part, words))
                text = best.text if best else None
            if text and text not in chosen:
                chosen.append(text)
        if len(parts) > 1 and ev.bindings and _ASKS_BOTH.search(question.normalized):
            # "从多少项扩到了多少项", read as two asks: one pair, "由96项扩充到135项"
            pair = _pair_answer(question.normalized, ev.bindings, ev)
            chosen = [pair] if pair else chosen
        if len(parts) == 1 and len(chosen) == 1 and ev.bindings and EACH_ONE.search(question.normalized):
            # "城市和农村低保标准分别是多少" of "城市、农村低保标准分别为920元、760元": each value the
            # question names
            first = next((b.fact for b in ev.bindings if b.fact.display == chosen[0]), None)
            asked = normalize_numerals(question.normalized).lower()
            named = (_each_named(first, facts, asked)
                     or _listed_asked(first, asked)) if first else []
            if len(named) >= 2:
                chosen = [f"{g.indicator}{g.display}" for g in named]
        if signals is not None:
            signals["guessed"] = float(not chosen)  # no figure bound: the sentence's first one
            signals["asks"] = float(len(parts))
        return chosen or [ev.figures[0].text]

    def bind(self, question: Question, facts: list[Fact], terms: list[Term], report_year: int | None,
             anchor: str, predicates: tuple[str, ...], units: tuple[str, ...],
             ask: str = "", context: Months | None = None) -> list[Binding]:
        """The facts that may answer the question, best bound first; ``ask``: the one ask of a
        multi-part question being bound ("持证率是多少" of "…，比上年提高了多少": a level);
        ``context``: the part of the year the passage's headings or report put its figures in."""
        named = tuple(_indicator_names(terms))
        asked_clause = ask or _asked_clauses(question.normalized)
        # an English question's words in the glossary's Chinese ("grow … year on year": 增长 同比)
        english = " ".join(t.text for t in terms if t.expansion) \
            if re.search(r"[a-z]{3}", question.normalized.lower()) else ""
        # "不合格率上升到了多少": the level it went to, not the change
        asks_change = bool(_ASKS_CHANGE.search(f"{asked_clause} {english}")) and not (
            _TO_LEVEL.search(asked_clause) and not _ASKS_BOTH.search(asked_clause))
        # "新开了多少家律师事务所": the new ones — a stock's stated increase counts them when the
        # sentence gives no count of its own ("共有…186家，较上年增加14家")
        asks_new = bool(_NEW_ASK.search(ask or question.normalized)) and not asks_change
        asks_before = bool(_ASKS_BEFORE.search(question.normalized))
        success = bool(_SUCCESS_ASKED.search(asked_clause))  # a verb with its result: 调成, 谈妥, 摆平
        # (or the level a change went to: "律师事务所减少到了多少家" is the 总数 reached, not 新引进的九家)
        level_asked = bool(_TO_LEVEL.search(asked_clause)) and not _ASKS_BOTH.search(asked_clause)
        stock = _asks_stock(question, question.normalized) or level_asked
        # a number held at a date, or a level a change went to ("涨到多少人了"), unless visits are asked
        at_a_point = bool(_AT_A_POINT.search(question.normalized) or _TO_LEVEL.search(question.normalized)) \
            and "次" not in question.normalized
        # (a sentence weighed for several asks at once keeps every ask's rate: each ask is bound
        # to its own after — "按时办完的和满意的各占多少": 按期办结率 and 满意率)
        rates = [t.text for t in terms if len(t.text) >= 2 and t.text.endswith("率")] \
            if ask or question.asks < 2 else []
        words = getattr(self.tokenize, "words", self.tokenize)
        low = normalize_numerals(question.normalized).lower()
        rate_stems = _rate_stems(low)
        # the question's own words in order (where each is said last: 卫生 of "…卫生健康委员会…查处的放射卫生
        # 案件" is the thing's), less the unit asked ("药品抽检了多少批次": its thing
        # ends on 抽检, whose qualifier 药品 is not the fact's 食品安全监督)
        asked = [t.text for t in sorted((t for t in terms if not t.expansion and t.text in low
                                         and t.text not in question.units), key=lambda t: low.rfind(t.text))]
        synonyms = tuple(t.text for t in terms if t.expansion)
        anchor = _anchor_in_report_words(anchor, facts, terms)
        # the whole place asked ("全市受理了多少件") is where, not what: the sentence says it once for all its
        # figures ("全年全市各级…机构共收到申请13265件，受理12486件": 受理 is the whole city's too)
        wholes_said = [t.text for t in terms if _WHOLE_PLACE_WORD.fullmatch(t.text)]
        unverbed = [t for t in terms if not is_report_verb(t.text)] or terms
        # the asked verb names a rate of the sentence ("按期办结率…100%" for "按期办结了多少件"): a
        # count that does not name it is not of it (化解信访积案14件)
        anchor_taken = len(anchor) >= 2 and "%" not in units and any(
            f"{anchor}率" in normalize_numerals(g.indicator).lower() for g in facts if g.unit == "%" and not g.table)
        cut = getattr(self.tokenize, "cut", None)
        # the part one ask names ("…其中教文化课的有几家" is the second ask's, not the first's); none
        # while the sentence is weighed for all of several asks at once
        part = (asked_part(question.without_places(ask), cut) if cut else ()) if ask else \
            self._part(question) if question.asks < 2 else ()
        # "受理投诉举报中投诉有多少": only a 其中 part named 投诉 answers, not the whole
        share_part = asked_part(question.without_places(ask or question.normalized), cut, whole_words=True) \
            if cut is not None and not part and (ask or question.asks < 2) else ()
        per_capita = PER_CAPITA.search(low)
        per_person = _PER_PERSON.search(low) if not per_capita else None
        averaged = bool(per_capita or per_person or _AVERAGE_ASKED.search(low))
        # "累计下放了多少项": 累计下放127项, not this year's 再下放59项; "新来的有多少": 新接收648名,
        # not 在册1126名 — when the sentence says which
        points = "百分点" in low
        period = asked_period(ask or question.normalized)  # "上半年", "1—11月", "第三季度": that part of the year
        # (of the ask being bound: "新接收、解除和在册人数各是多少" marks only its first ask 新)
        # (or several years asked at once and not compared: "from 2023 to 2025 … in total")
        # a sum over the years asked ("2023年至2025年一共办理了多少件", when the sum of each year's figures
        # could not be made): only a figure said over as many years answers — never one year's own
        summed = len(set(question.years)) >= 2 and question.is_comparison and bool(SUM_WORDS.search(low)) \
            and bool(_YEARS_SAID_TOGETHER.search(low))
        span = max(question.years) - min(question.years) + 1 if summed else None
        over_years = bool(OVER_YEARS_ASKED.search(normalize_numerals(ask or question.normalized).lower())) or (
            len(set(question.years)) >= 2 and not question.is_comparison) or summed
        # (a year asked: the figures its sentence sums over years, which yield to the year's own)
        # (in its own words, or earlier in its sentence with no year of its own: "三年来，全县累计办理…2.36万件，
        # 其中2025年办理8640件")
        spanning = [] if over_years else [
            f for f in facts if not f.table and (SPAN_OF_YEARS.search(normalize_numerals(_words_before(f, facts)[0]))
                                                 or f.year is None and said_over_years(f))]
        marked = next((own for said, own in _MARKERS if said.search(normalize_numerals(ask).lower() if ask else low)
                       and any(own.search(_words_before(f, facts)[0]) for f in facts)), None) \
            if ask or question.asks < 2 else None

        def said(word: str) -> tuple[str, ...]:  # a word of the question and the word table's terms for it
            return (word, *(t.text for t in terms if t.expansion and word in t.group))

        # the whole several asks are parts of ("罚没金额中罚款和没收违法所得各是多少"), and the ask's own words
        asks_whole = whole_of_asks(low) if ask and question.asks >= 2 else ""
        own_of_ask = [w for w in words(normalize_numerals(ask).lower()) if len(w) >= 2] if asks_whole else []

        def said_of_part(word: str) -> tuple[str, ...]:  # … less a term the question says itself as the whole
            # ("罚没金额中罚款…各是多少": 罚款's term 罚没金额 is the whole asked of, never the part)
            elsewhere = low.replace(word, "、")  # (村 of the part 村里 itself is the part's own word)
            return tuple(w for w in said(word) if w == word or w not in elsewhere)
        out: list[Binding] = []
        owns: list[str] = []
        # a stage of a case the question says in its own words ("受理…多少件"): a figure saying that very
        # word goes before one saying another word of the stage ("收到环境信访投诉1318件，受理1236件")
        stage_said = [t.text for t in terms if not t.expansion and t.text in _STAGE_WORDS]
        if part and len(stage_said) > 1:  # "…受理行政复议案件中省本级审结了多少件": the part's stage is asked
            stage_said = [w for w in stage_said if any(w in item for item in part)] or stage_said
        # "安全生产领域的罚没款": a 其中 part the question names answers, not the whole's 罚没款
        named_part = _named_part(facts, low) if question.asks < 2 else ""
        # … whose whole may name it among others ("受理来电、网络留言等各类诉求186.4万件，其中来电…"): not it
        whole_of_named = {f.share_of for f in facts if named_part and f.share_of
                          and named_part in normalize_numerals(f.indicator).lower()}
        # "卖假种子假化肥假农药的查了多少起": several parts named at once ask their whole (41件), not
        # the last one named (其中…农药案件11件)
        wholes_asked = _parts_named_together(facts, normalize_numerals(question.without_places(
            question.normalized)).lower()) \
            if question.asks < 2 and not ask and not named_part and not share_part and not _EACH_ASKED.search(low) \
            else set()  # ("投诉举报中，举报有多少件": one part named, after its whole's name)
        # "死亡人数比上年多了多少": the change the sentence states of an indicator, not its level
        changed = {(f.source, f.indicator) for f in facts if f.change} if asks_change and (
            ask or question.asks < 2) and not _TO_LEVEL.search(asked_clause) else set()
        levels: dict[tuple[str, str], float] = {}
        # "比2024年多了多少件": the count it says, never a percentage change
        counted = bool(units) and "%" not in units and re.search(
            rf"(?:多|少|增加|增长|减少|下降|降低|上升|提高)了?(?:多少|几)(?:{'|'.join(map(re.escape, units))})",
            question.normalized) is not None
        # the sentence's indicators in order, normalised once: a qualifier they name is the sentence's own
        indicators = [(g.source, g.start, normalize_numerals(g.indicator).lower()) for g in facts if not g.table]
        def conflicts(f: Fact, own_clause: str) -> bool:  # the fact measures a sibling of what is asked
            earlier = tuple(ind for source, start, ind in indicators if source == f.source and start < f.start)
            return qualifier_conflict(asked, f, words, low, own_clause, synonyms,
                                      functools.partial(_head_of_list, f), earlier)

        wholes = _stated_wholes(low)
        year_end, year_start = bool(_YEAR_END_SAID.search(low)), "年初" in low
        target_asked = question.about_plans and bool(_TARGET_ASKED.search(asked_clause))
        # kinds of a contrast set the question asks (an English question's in the glossary's words; a
        # Chinese word table's stand-ins are looser: 上访 brings 来访, which is no kind asked)
        asked_kinds = _asked_kinds(without_bodies(question, f"{low} {english}")) if ask or question.asks < 2 else []
        quoted_asked = [normalize_numerals(q).lower() for q in _QUOTED.findall(question.normalized)]
        # a place the reports name only in passing, an item of a list of places: its item's figure
        # (or one of the places a clause lists before 分别: "在A街道、B镇试点…，分别调处纠纷326件、281件")
        passing_items = any(p in f.indicator or p == f.topic for f in facts for p in question.in_passing)
        staged = normalize_numerals(question.without_places(ask or question.normalized)).lower()
        own_level = "本级" in low  # the government's own level asked, not the whole place's
        # the places the question names, each as it may be said (濩水县, 濩水)
        named_places = [m for m in (*question.region_mentions, *question.regions) if len(m) >= 2]
        for f in facts:
            if named_places and _other_place_item(f, named_places) and f.indicator[:-1] not in question.normalized:
                continue  # "濩水县查办了多少件" is not answered by 瀣东区512件 of "…分别为瀣东区512件、濩水县468件"
            if any(f.unit == u and f.value >= v for v, u in wholes):
                continue
            if named_part and named_part not in normalize_numerals(f"{f.indicator} {f.share_of}").lower():
                continue  # (a part of that part names it as its whole)
            if f.share_of in whole_of_named and named_part not in normalize_numerals(f.indicator).lower():
                continue  # "进社区活动开展了多少场": not its sibling 进企业61场 of "…分别为进企业61场、进社区35场"
            if not f.share_of and any(f.indicator == w or len(w) >= 4 and f.indicator.endswith(w)
                                      for w in whole_of_named):
                continue  # (its verb before the whole's name: "开展“法治交通”进企业、进车站活动104场")
            if (f.source, f.start) in wholes_asked:
                continue
            # a change asked of a count may be stated in percent ("较上年下降8.4%")
            stated_change = asks_change and bool(f.change) and f.unit in ("%", "个百分点") and not counted
            new_ones = asks_new and f.change == "increase" and f.unit not in ("%", "个百分点")
            # "下降了几个百分点" of "由23.8%下降到22.1%": the pair's difference, in points
            pair_points = points and f.unit == "%" and f.role == "after" and not f.table
            if not (fact_unit_ok(f, units) or stated_change or pair_points) or not admissible(
                    f, question.years, report_year, question.about_plans, asks_change or new_ones, asks_before):
                continue
            if asks_new and not new_ones and not f.table and not _NEW_ASK.search(f.indicator) \
                    and _HELD_SAID.search(re.split(r"[，；。]", f.source[:f.start])[-1]):
                continue  # "新选聘了多少名兼职仲裁员": not the 127名 held ("…现有…兼职仲裁员127名，年内新选聘一批")
            if target_asked and f.table and not (set_as_target(f) or _PLAN_COLUMN.search(f"{f.column}{f.indicator}")):
                continue  # "定的目标是多少件": a table's year column holds what was done (42816件), no target
            if counted and asks_change and not (f.change or f.role) and (ask or question.asks < 2) \
                    and not (UP_WORDS.search(f.indicator) or DOWN_WORDS.search(f.indicator)):
                continue  # "比上年多了多少件": a change in that count, not a level (347件 of "…，同比增长5.5%");
                # (a count of what was cut is one: "减少入企检查4100余次")
            if rates and not _same_rate(f, rates) or not rates and _other_rate(f, rate_stems):
                continue  # "纠错率" is not answered by 报备率 or 办结率, "逾期率" not by 贷款率
            if not rates and not _rate_asked(f, terms, low):
                continue  # "上法庭的比例" (出庭应诉率) is not answered by 败诉率
            before, own_clause = _words_before(f, facts)
            own_words = f"{f.indicator}{before}"
            if year_end and "年初" in own_words or year_start and _YEAR_END_SAID.search(own_words):
                continue  # "2025年底在册多少人": not "年初在册…27人" of the sentence that goes on "年末在册25人"
            if stock and (which := relative_clause(f)) and coverage(which, terms) == 0:
                continue  # "一共有多少名民警": not "对存在执法过错的三名民警追究责任" (those a clause singles out)
            own_period = period_of(f.source, f.start, context)
            if period and own_period != period:
                continue  # "1—11月立案多少件" is not the year's 4814件, nor 上半年's 2333件
            if quoted_asked and _quotes_another_name(before, quoted_asked, f.source):
                continue  # "“法律明白人”有多少名" is not answered by 评选“优秀法律明白人”20名
            if asked_kinds and _names_another_kind(normalize_numerals(f.indicator).lower(), asked_kinds):
                continue  # "二审" asked: not 一审案件14件 of "一审案件14件、二审案件5件"
            opening = EACH_PLACE_LEAD_AT.sub("", without_enumerator(f.source))  # ("2.潷江区作为…", "各县（区）中，…")
            if question.tabled_places and not any(opening.startswith(p) or p.lower() in fact_words(f, before)
                                                  or _opens_run(p, f) for p in question.tabled_places):
                continue  # "蕙西街道调解了多少件": its row, not "全区…共调解9188件，其中蕙西街道…最多"
            if passing_items and not any(p in f.indicator or p == f.topic or _clause_of_place(p, f)
                                         for p in question.in_passing):
                continue  # "浞阳区受理多少件" of "市本级、浞阳区…分别为412件、261件": the place's own item
            if span is not None and _years_spanned(f.source[:f.start]) != span:
                continue  # "2024年和2025年一共": not 8640件 of 2025 alone, nor 三年来累计的2.36万件
            if over_years and len(set(question.years)) < 2 and f.table and f.year is not None and f.column \
                    and SUM_WORDS.search(low):
                continue  # "近三年…累计有多少件": not one year's column of a table ("｜2025年：1357")
            if at_a_point and f.unit.endswith("次"):
                continue  # "年底还有多少人": people held at a date, never a count of visits (八千二百余人次)
            if points and f.unit == "%" and not f.change and not pair_points:
                continue  # "下降了多少个百分点": a change in points, never the level 6.3%
            if marked and not marked.search(before) and not f.share_of and not marked.search(_list_head(f, facts)) \
                    and not (over_years and said_over_years(f)):
                continue  # (a 其中 part is marked as its whole is, a later item of a 、 list as its first;
                # a span of years said before, in its sentence, is the figure's: "五年来，…；新增…九个")
            if _other_whole(low, f.source[max(0, f.start - 30):f.start]):
                continue  # "全市持有执法证件的人员" is not answered by 全局…486名 (a department's own)
            if own_level and not f.table and "本级" not in (run := _run_of(f)) and _ALL_LEVELS.search(run):
                continue  # "省本级的直接纠错率" is not answered by "全省各级…直接纠错率10.9%"
            if per_capita and not PER_CAPITA.search(normalize_numerals(fact_words(f, before)).lower()):
                continue  # "万人行政复议申请数" is not the number of 行政复议申请
            if per_person and f.unit not in ("%", "个百分点") and not _PER_PERSON_FACT.search(
                    f"{fact_words(f, before)} {f.source[f.end:f.end + 2]}"):
                continue  # "每人能拿多少钱": the total 1.53亿元 paid to all is no one's amount
            if not averaged and f.unit not in ("%", "个百分点") and _AVERAGE_BEFORE.search(f.source[:f.start]):
                continue  # "一共有多少名专职执法人员" is not answered by "…专职执法人员平均不足3名" (each one's)
            if asks_whole and any(asks_whole[k:] in (ind := normalize_numerals(f.indicator).lower())
                                  for k in range(len(asks_whole) - 2)) and not any(w in ind for w in own_of_ask):
                continue  # "罚没金额中罚款和没收违法所得各是多少": 罚款's figure is never 罚没金额's own
            if part and not names_the_part(f, part, before, said_of_part, low):
                continue  # "法律援助案件中刑事案件有多少" is not answered by all 法律援助案件
            if share_part and not ((g := f if f.share_of else _inner_part(f)) and names_the_part(
                    replace(g, share_of="", topic=""), share_part, said=said)):
                continue  # (named by the part's own indicator: 投诉 of "其中投诉…、举报…" is no 举报)
            # the fact's own words: a clause before it that it borrows its head noun from
            # ("一审行政诉讼案件数量…，败诉案件由5件减少到3件") does not make 败诉 what is asked
            # (a part the question does not name is of its whole's kind: "学生欺凌事件三十七起，…其中
            # 移交公安机关4起" asked of 网络欺凌; not "学校608所，其中中等职业学校十二所", "其中废止38件")
            inherits = not any(a in normalize_numerals(f.indicator).lower() for a in asked)
            if (ask or question.asks < 2) and other_stage(staged, f"{fact_words(f, before)} {_whole_of(f, facts)}"):
                continue  # "破获了多少起" is not answered by 发案1127起, nor "立案" by 办结
            if (ask or question.asks < 2) and (conflicts(f, own_clause) or inherits and any(
                    conflicts(w, _words_before(w, facts)[1]) for w in _wholes_of(f, facts))):
                continue  # "综合纠错率" is not answered by 直接纠错率, nor by a 其中 part of 直接纠错 cases
            # a 其中 part is done as its whole is; a later item of a 、 list as its first item
            whole = f"{_whole_of(f, facts)} {_list_head(f, facts)}".strip()
            # (a 其中 part counted in another measure than its whole — "审查418件次，其中规范性文件九件" —
            # is done as the words before 其中 say)
            if anchor_taken and not any(anchor[i:i + 2] in f"{fact_words(f, before)} {whole} "
                                        f"{f.source[:max(0, f.source.rfind('其中', 0, f.start))]}"
                                        for i in range(len(anchor) - 1)):
                continue  # (a piece of it is enough: 调处成功389件 for 调解成功)
            # a table's cells name a thing, not what was done to it ("工单量（件）" for 办理了多少件工单):
            # the question's verbs weigh nothing against a label without one
            said_terms = unverbed if f.table and not verbs(f"{f.topic} {fact_phrase(f)}") else terms
            # (said once, before the figure, of no part: "其中市本级…，全程网办率分别为95.1%和89.4%，全市全程网办率
            # 达到91.6%" says 全市 of 91.6% only)
            scope = " ".join(w for w in wholes_said if w in f.source[:f.start] and f.source.count(w) == 1
                             and "本级" not in f.source[:f.start] and not f.share_of)
            score = bind_score(f, functools.partial(_scoped_coverage, scope=scope, terms=said_terms),
                               anchor, predicates, named,
                               stock and not _FLOW.search(_TO_LEVEL.sub("", question.normalized)), before, whole,
                               row_asked=f.table and f.topic in question.tabled_places, done=_done_after(f))
            if own_period and not period:
                score -= PERIOD_PENALTY  # a part of the year when none is asked: the year's own first
            if f in spanning and any(g.unit == f.unit and g not in spanning for g in facts):
                continue  # "2025年办理了多少件": not 近三年累计办理的912件 beside the year's 347件
            if not question.years and f.year is not None and report_year and f.year != report_year:
                score -= 0.2  # another year's column of the table: the report's own year first
            if asks_change and f.change or new_ones:
                score += CHANGE_BONUS  # "同比增长了多少": the change, not the level beside it
            elif (f.source, f.indicator) in changed and not (f.role or f.plan):
                # a change asked alone: the level whose change is stated yields to it, which is as
                # well bound as its level ("涉企行政检查12.6万次，较上年减少4.1万次")
                levels[(f.source, f.indicator)] = max(levels.get((f.source, f.indicator), score), score)
                score -= LEVEL_PENALTY
            if units and f.unit == units[0] and len(units) > 1:
                score += EXACT_UNIT_BONUS  # "多少项": 76项 before 4个 of the same family
            # (a list's verb is each item's: "核发建设用地规划许可证104件、…乡村建设规划许可证1186件")
            staged_words = f"{fact_words(f, before)} {whole}" if stage_said else ""
            if stage_said and any(w in staged_words for w in stage_said):
                score += STAGE_SAID_BONUS
            elif stage_said and any(w in f.source for w in stage_said) \
                    and any(w in staged_words for w in _same_stage(stage_said)):
                score -= STAGE_SAID_BONUS  # (收到…1318件 when 受理 is asked and said beside it)
            if f.share_of and not f.table and (ask or question.asks < 2) \
                    and _part_unnamed(f, facts, terms, f"{fact_words(f, before)} {_part_clause(f)}"):
                score -= PART_UNNAMED_PENALTY
            elif _listed_part_unnamed(f, terms) and (ask or question.asks < 2):
                score -= PART_UNNAMED_PENALTY  # "在作出处罚决定的案件中，涉及大气…的分别为173件…": no part asked
            elif f.table and (own := _beside_total(f, facts)) and (ask or question.asks < 2) \
                    and coverage(normalize_numerals(own).lower(), terms) == 0:
                score -= PART_UNNAMED_PENALTY  # "新收申请多少件": the row's 总计 column, not its 自然人 one
            out.append(Binding(f, score - 0.001 * f.start))
            # a 其中 part is one of its whole's: it is named by every word that names the whole
            # ("组织开展行政执法案卷评查，共评查案卷312卷，其中优秀案卷47卷": 47卷 are 案卷评查's too)
            inherited = " ".join(fact_words(w, _words_before(w, facts)[0]) for w in _wholes_of(f, facts, nearest=True))
            owns.append(f"{fact_words(f, before)} {whole} {inherited}")
        out = [Binding(b.fact, max(b.score, levels[key] + CHANGE_BONUS)) if b.fact.change and (
            key := (b.fact.source, b.fact.indicator)) in levels else b for b in out]
        missed = _missing_rarest(out, owns, terms, anchor)
        if success:  # "最后谈妥了几起": 调解成功81件, not the 87件 taken in, whatever else it names
            missed = [Binding(b.fact, b.score + SUCCESS_BONUS) if _SUCCESS_FACT.search(own) else m
                      for b, m, own in zip(out, missed, owns, strict=True)]
        return sorted(_sibling_named(missed, terms, question.normalized), key=lambda b: -b.score)

    def asked_figure(self, question: Question, ev: Evidence, terms: list[Term]) -> Figure | None:
        """The one figure of the sentence that answers a single-figure question (None when the
        sentence has none)."""
        if not ev.figures:
            return None
        picked = self.pick_figures(question, ev, terms)[0]
        return next((f for f in ev.figures if f.text == picked), None)


# a figure per ten thousand people ("每万人拥有律师数", "万人行政复议申请数"), not 4.1万人次
PER_CAPITA = re.compile(r"每(?:一|1)?[万千]个?(?:人|老百姓|群众|居民|市民|常住人口)|每1000个?人|"
                        r"(?<![0-9.])(?:一|1)万个人|(?<![0-9.])10000个?人(?!次)|"
                        r"(?<![0-9.零〇一二两三四五六七八九十百千])万人(?!次)|"
                        # (… a thousand: "每千人拥有人民调解员1.33名"; English: "per 10,000 residents")
                        r"\bper (?:10,?000|ten thousand|1,?000|thousand) "
                        r"(?:residents|people|population|inhabitants|persons)")
# an amount per person asked ("每人能拿多少钱", "人均办案多少件"), and the words that make a fact one
_PER_PERSON = re.compile(r"每人|每个人|每名|每位|人均|平均每|单笔|每笔|单次|单件|"  # (单笔最高的奖励: no total)
                         r"最[大高多]的?一(?:笔|次|宗|单)|一(?:笔|宗|单)最[大高多]")  # "开出的最大一笔罚款"
# an average asked, or said right before a figure in its clause ("…执法人员平均不足3名", "平均每件用时")
_AVERAGE_ASKED = re.compile(r"平均|人均|每[个件名位家户次人]|average|per\b|each", re.I)
_AVERAGE_BEFORE = re.compile(r"(?:平均|人均|均为|每[个件名位家户人万千])[^，,。；;：:、]{0,4}$")
_PER_PERSON_FACT = re.compile(r"每|人均|平均|标准|单笔|单次|单件|最高|[/／]人$")
_EACH_CHANGE = re.compile(r"分别|各(?=[\u4e00-\u9fa5]{0,2}(?:增长|下降|增加|减少|提高|降低|上升|变化|变|降|升|涨))")
CHANGE_BONUS = 0.3
LEVEL_PENALTY = 1.0  # "死亡人数比上年多了多少": 死亡9人 when the sentence states its 同比 (18.2%)
EXACT_UNIT_BONUS = 0.1  # the measure word asked itself, over the other units of its family
STAGE_SAID_BONUS = 0.2  # the stage's word the question says, over another word of the same stage
# (a case's stages: a permit's verb is often its list's first item's only, "核发A104件、B148件、C1186件")
# a 其中 part the question names nothing of, while its whole stands in the sentence in the same unit:
# the whole is asked ("…明白人，去年培养了多少个" of "培育法律明白人158名，其中村“两委”干部44名…")
PART_UNNAMED_PENALTY = 0.2
# (its unit after it: 总计（件）)
_TOTAL_COLUMN = re.compile(r"(?:总计|合计|小计|共计|总数)(?:[（(][^）)]{1,6}[）)])?$")


def _same_stage(said: list[str]) -> set[str]:
    """The other words of the stages ``said`` is of (收到, 立案 … for 受理)."""
    return {w for stage in CASE_STAGES if stage & set(said) for w in stage} - set(said)


def _beside_total(fact: Fact, facts: list[Fact]) -> str:
    """The words of a table cell's column that set it apart from its row's total column
    ("申请人情况自然人" beside "申请人情况总计": 自然人); '' for a total, or a row without one."""
    if not fact.column or _TOTAL_COLUMN.search(fact.column):
        return ""
    total = next((g.column for g in facts if g.table and g.source == fact.source and g.column
                  and _TOTAL_COLUMN.search(g.column)), "")
    return fact.column[len(os.path.commonprefix([fact.column, total])):] if total else ""


def _part_clause(fact: Fact) -> str:
    """The words of a 其中 part's clause before it ("其中为农民工1.12万人追发工资1.63亿元": 农民工 is
    said of both its figures)."""
    start = max(max(fact.source.rfind(p, 0, fact.start) for p in "，,；;。"), fact.source.rfind("其中", 0, fact.start))
    return normalize_numerals(fact.source[max(start, 0):fact.start]).lower()


def _listed_part_unnamed(fact: Fact, terms: list[Term]) -> bool:
    """An item of a list of the parts of a whole said before it ("立案案件中，违法建设、占道经营…类案件
    分别为612件、…") none of whose own words is a question term: the whole is asked, not this part."""
    if fact.table or fact.share_of or not fact.topic or "分别" not in fact.source \
            or f"{fact.topic}中" not in fact.source:
        return False
    own = normalize_numerals(fact.indicator).lower()
    return not any(len(t.text) >= 2 and t.text in own for t in terms)


def _clause_of_place(place: str, fact: Fact) -> bool:
    """The place is the subject of the figure's run of clauses: said after the last 。 or ； before
    it, and no figure of another item between ("其中漧口镇调处矛盾纠纷612件，调解成功率99.2%": both
    漧口镇's; not "漧口镇调处612件、漡溪镇调处486件" for the latter)."""
    if fact.table:
        return False
    run = _run_of(fact)
    at = run.rfind(place)
    return at >= 0 and "、" not in run[at:] and not _ANOTHER_PLACE.search(run[at + len(place):])


# (not the place said again as "within it": "在濧口镇试点…，为镇内纳税人办理…")
_ANOTHER_PLACE = re.compile(r"[\u4e00-\u9fa5]{1,6}(?:镇|乡|街道|村|社区|区|县)(?!内|域内)")


def _sibling_named(bound: list[Binding], terms: list[Term], asked: str = "") -> list[Binding]:
    """Of one sentence's 其中 parts of a whole ("其中首违不罚781件、轻微违法不罚371件"), those whose own
    names cover less of the question than a sibling's does yield to it: the whole's name, which every
    part carries, does not tell them apart (nor do the word tables, which make 首违不罚 one with
    轻微违法不罚: the question's own words do). When the question says nothing that sets any part apart
    ("其中查处了多少起" of "查处8125起，其中涉赌、涉黄、涉毒行政案件分别为263起、118起、186起"), the
    parts yield to their whole, bound in the sentence. ``asked``: the question's own text (a part's name
    it writes is said, whatever word table also adds it)."""
    siblings: dict[tuple[str, str], list[Binding]] = {}
    for b in bound:
        if b.fact.share_of and not b.fact.table:
            siblings.setdefault((b.fact.source, b.fact.share_of), []).append(b)
    lowered: dict[int, float] = {}

    def lower_whole(source: str, whole: str, below: float) -> None:
        """The whole the parts are of, bound in their sentence, to at most ``below``."""
        for w in bound:
            if w.fact.source == source and not w.fact.share_of and w.fact.indicator == whole:
                lowered[id(w)] = min(lowered.get(id(w), w.score), below)

    for (source, whole), group in siblings.items():
        # a whole that lists who did it ("全市人社、住建等部门共查处欠薪案件796件，其中住建部门查处…338件"): a
        # question naming one of them and not the other asks that one's part, never the whole
        pairs = _LISTED_PAIR.findall(normalize_numerals(whole).lower())
        for b in group:
            name = normalize_numerals(b.fact.indicator).lower()
            if asked and any(mine in name and mine in asked and other not in asked and other not in name
                             for left, right in pairs for mine, other in ((left, right), (right, left))):
                lower_whole(source, whole, b.score - PART_UNNAMED_PENALTY)
        if len(group) < 2:
            continue
        names = [normalize_numerals(b.fact.indicator).lower() for b in group]
        common = len(os.path.commonprefix([n[::-1] for n in names]))  # their shared head noun (行政案件)
        if common >= min(map(len, names)):
            common = 0  # (one name is the end of another: 合格案卷, 不合格案卷)
        apart = [n[:len(n) - common] for n in names]
        # a word of what the sentence's other figures before them count names none of them: 复议 of "抽查…
        # 行政复议案卷210卷，发现…问题37个，其中…复议决定书说理不充分的10个" (the whole's name may list them, 适用
        # “首违不罚”“轻微违法不罚”清单…, and a clause with no figure names the campaign its parts are of:
        # "组织开展“打击非法采砂”等专项行动…其中非法采砂案件37件")
        first = min(b.fact.start for b in group)
        others = " ".join(normalize_numerals(f.indicator).lower() for f in _sentence_facts(source, group[0].fact.year)
                          if f.start < first and not f.share_of and whole not in f.indicator)
        own_terms = [t for t in terms if t.text not in others]
        own = [coverage(n, [t for t in own_terms if not t.expansion]) for n in apart]
        top = max(own)
        # (by the word tables' terms too, whole: "网上买东西" → 网络购物投诉; or by a word of the question's own
        # phrase a table row stands for: 投诉 of "电话投诉" names 投诉类)
        # (not by a phrase the whole's name says and no part's does — 增收节支 of "促进增收节支3.18亿元，其中
        # 增收1.27亿元、节支1.91亿元" names the whole, its pieces 增收, 节支 none of the parts)
        whole_name = normalize_numerals(whole).lower()
        part_terms = [t for t in own_terms if not (t.group.lower() in whole_name
                                                   and not any(t.group.lower() in n for n in names))]
        said_words = {g[k:k + 2] for g in {t.group for t in part_terms} for k in range(len(g) - 1)
                      if _TWO_HAN.fullmatch(g[k:k + 2])}
        named = any(coverage(n, part_terms) > 0 or any(w in n for w in said_words) for n in names)
        whole_score = max((b.score for b in bound if b.fact.source == source and not b.fact.share_of
                           and whole in b.fact.indicator), default=None)
        for b, mine in zip(group, own, strict=True):
            if top - mine >= SIBLING_MARGIN:
                lowered[id(b)] = b.score - PART_UNNAMED_PENALTY
            elif not named and whole_score is not None and b.score >= whole_score:
                lowered[id(b)] = whole_score - PART_UNNAMED_PENALTY
        # a whole named as the sum of its parts ("投诉举报4.87万件，其中投诉3.92万件、举报0.95万件"): a
        # question naming one of them and not the other asks that part, never the whole
        best = [(b, n) for b, n, mine in zip(group, apart, own, strict=True) if mine == top > 0]
        if len(best) == 1 and len(name := best[0][1]) >= 2 and name in whole_name and any(
                len(n) >= 2 and n != name and n not in name and n in whole_name and n not in asked
                and coverage(n, [t for t in own_terms if not t.expansion]) == 0
                for n in apart):
            lower_whole(source, whole, best[0][0].score - PART_UNNAMED_PENALTY)
    return [Binding(b.fact, lowered[id(b)]) if id(b) in lowered else b for b in bound]


SIBLING_MARGIN = 0.1
# two doers or kinds a whole's name lists ("人社、住建等部门": 人社, 住建), by their two characters beside 、
_LISTED_PAIR = re.compile(r"([\u4e00-\u9fa5]{2})、([\u4e00-\u9fa5]{2})")
_TWO_HAN = re.compile(r"[\u4e00-\u9fa5]{2}")


def _part_unnamed(fact: Fact, facts: list[Fact], terms: list[Term], words: str) -> bool:
    """A 其中 part none of whose own words (``words``: its indicator, the words before it and its
    clause, less its whole's name) is a question term, while its whole stands in the sentence in
    the same unit."""
    whole = normalize_numerals(fact.share_of).lower()
    if not any(g.indicator == fact.share_of and g.unit == fact.unit and not g.share_of and g.source == fact.source
               for g in facts):
        return False
    return not any(len(t.text) >= 2 and t.text in words and t.text not in whole for t in terms)


SUCCESS_BONUS = 0.6  # as much as the question's own verb in the fact's phrase (binding.PREDICATE_BONUS)
# A verb with a complement saying it succeeded ("调成了", "谈妥的", "摆平了", "解决掉", "改好了") asks
# the successful ones; the reports count them as 调解成功, 化解, 办结, 结案, 整改, 和解.
_SUCCESS_ASKED = re.compile(r"(?:调|谈|说|摆|劝|解决|改|化解|调解|处理|办)(?:成功?|妥|好|平|掉|完)(?=了|的|多少|几)")
_SUCCESS_FACT = re.compile(r"成功|化解|办结|结案|整改|和解|达成")
_ASKS_CHANGE = re.compile(r"增长|增加|减少|下降|提高|降低|上升|同比|环比|增幅|降幅|(?<!新)增减|幅度|变动|变化|"
                          r"缩短|压缩|缩减|增速|多了|少了|涨|跌|"
                          r"(?<![新净])[降减增]了?(?:多少|几)|"
                          r"年比(?:19|20)\d{2}年")  # "2025年比2024年受理了多少件": the difference


def asks_change(question: str) -> bool:
    """The question asks how much something changed ("比上年减少了多少", "同比增长多少")."""
    return bool(_ASKS_CHANGE.search(question))


# a field's body said generically ("生态环境部门", "环保执法队伍") as who did what is asked: a report says
# what its body did without naming itself so
DOER_NOUNS = frozenset({"部门", "队伍"})
_SOME_BODIES = frozenset({"有关", "相关"})  # ("会同有关部门": others, not the field's own body)
# every body or several, a field's or any ("检查各部门…", "几个部门一起去企业抽查", "所有执法部门加起来"): no one
# field's body doing it
_SEVERAL_BODIES = r"(?:各|所有|全部|几个|多个|[一二三四五六七八九十两\d]+个)[\u4e00-\u9fa5]{0,4}?"


def _doer_said(words: list[str], i: int, drop: set[str], text: str) -> bool:
    """words[i] (of ``text``), a DOER_NOUNS word, names who did what the rest of the question asks: after its
    field's word ("生态环境部门", "执法队伍"), before another content word, and no body the question's subject works
    with ("跟别的部门搭伙…", "会同有关部门…": a pronoun, 有关 or a preposition before it), nor every or several
    bodies (各部门, 几个部门, 所有执法部门)."""
    if i == 0 or not any(len(t) > 1 and t not in drop and not t.isdigit() for t in words[i + 1:]) \
            or re.search(_SEVERAL_BODIES + words[i], text):
        return False  # ("有多少个执法部门": the bodies counted)
    def tag(word: str) -> str:  # its part of speech (a word of one)
        return (pos_words(word) or (("", ""),))[0][1]

    before = words[i - 1]
    return len(before) > 1 and before not in _SOME_BODIES and tag(before) != "r" \
        and not any(tag(t) == "p" for t in words[:i])


_REPORT_SAID = re.compile(r"报告|年报|report", re.I)
_AT_A_POINT = re.compile(r"年底|年末|底还|在册|现有|截至")  # a number held at a date: a stock
_TO_LEVEL = re.compile(r"(?:增加|增长|提高|提升|上升|下降|减少|降低|降|减|增|扩大|缩短|压缩|涨|跌|升|回落)(?:到|至|为)")
_CHANGE_STEM = re.compile(r"增|减|降|提高|提升|上升|压缩|缩短|节约|节省")  # "减少涉企检查1200次"


_PLACE_NAME = r"[\u4e00-\u9fa5]{1,8}(?:省|市|区|县|旗|镇|乡|街道)"
_PLACE_PARAGRAPH = re.compile(rf"^\s*({_PLACE_NAME})[：:]")  # "茜州市：…"
_PLACE_LABEL = re.compile(rf"^{_PLACE_NAME}$")
_BRACKETED = re.compile(r"（[^）]*）|\([^)]*\)")


_RATE_OF_RATE = re.compile(r"[\u4e00-\u9fa5]率的?([\u4e00-\u9fa5]{1,3}率)$")


def rate_of_a_rate(question: Question) -> str:
    """The rate asked of another rate ("卫生监督抽检合格率的完成率" → 完成率), else ""."""
    asks = question.frame.asks if question.frame is not None else ()
    m = _RATE_OF_RATE.search(normalize_numerals(asks[0].indicator).lower()) if len(asks) == 1 else None
    return m.group(1) if m else ""


_RESULT_COLUMN = re.compile(r"[｜|]\s*(?:实际)?完成(?:值|数|情况|率)?[：:]|[｜|]\s*实际(?:值|数)?[：:]")
_SET_AT_YEAR_START = re.compile(r"年初(?:确定|制定|提出|设定|定下)的?[^，。；]{0,12}$")


def _judged_target(fact: Fact) -> bool:
    """A target its sentence says was met or missed, or set at the start of the report's year
    ("未达到年初确定的70%以上目标"): that year's own, not a plan for the next."""
    if fact.table:  # a row that gives the result beside the target ("目标值：90%｜完成值：93.4%")
        return bool(_RESULT_COLUMN.search(fact.source))
    return any(m.start() <= fact.start < m.end() for m in _TARGET_MET.finditer(fact.source)) \
        or bool(_SET_AT_YEAR_START.search(fact.source[max(0, fact.start - 20):fact.start]))


def _asked_of_another_unit(question: Question, ev: Evidence, terms: list[Term],
                           words: Callable[[str], list[str]]) -> bool:
    """The asked thing's own words name a figure of the sentence in another unit rather than the
    bound one: "直接纠错的案件有多少件" of "…收到行政复议申请3186件，…直接纠错率8.6%" — the count of
    直接纠错 is not given (the words the bound figure's indicator lacks, found in the other figure's,
    outweigh the ones it and the words before it have)."""
    fact = ev.bindings[0].fact
    if not question.units or "%" in question.units or fact.unit not in question.units or fact.table:
        return False
    # a count asked, the thing counted named only by a later rate (said after the bound figure: a subject said
    # before both is theirs alike — "组建…执法队，现有执法人员21名，其中持有行政执法证件19名，持证率90.5%")
    # (each as its words: 办事 is no word of "跨省通办事项")
    others = [words(normalize_numerals(g.indicator).lower()) for g in _sentence_facts(ev.sentence, ev.chunk.year)
              if g.unit in ("%", "个百分点") and not g.change and not g.table and g.start > fact.end]
    if not others:
        return False
    own = normalize_numerals(fact.indicator).lower()
    before = normalize_numerals(fact.source[:fact.start]).lower()
    groups: dict[str, list[Term]] = {}
    for t in terms:
        if not t.negated and len(t.text) >= 2 and not _WHOLE_PLACE_WORD.fullmatch(t.text):
            groups.setdefault(t.group or t.text, []).append(t)
    kept = away = 0.0
    named = 0  # the question's words the rate says (two at least: one may be said otherwise — 直接办的 — by chance)
    for group in groups.values():
        said = [t for t in group if not t.expansion]
        if not said:
            continue  # (the word tables' alone: no word of the question's)
        weight = max(t.weight for t in said)
        if any(t.text in own or t.text in before for t in group):  # (its word-table terms too: 欠薪 of 欠工资)
            kept += weight
        elif any(t.text in w for t in said for o in others for w in o):
            away += weight
            named += 1
    return named >= 2 and away > kept


def without_brackets(label: str) -> str:
    """A table label without what it says in brackets, its unit: "电信网络诈骗案件（起）" → …案件."""
    return _BRACKETED.sub("", label)


_SHARE_START = re.compile(r"^\s*其中[，,：:]?")
_PLACES_LEAD = re.compile(r"^\s*(?:[\u4e00-\u9fa5]{1,6}?(?:区|县|市|镇|乡|街道)、){2,}")


def _facts_of(sentence: str, lead_in: str, heading: str, year: int | None, caption: str = "") -> list[Fact]:
    """The sentence's facts; read after ``lead_in`` (the sentence before a 其中 sentence) so
    its parts know their whole, then given back as the sentence's own; a table row's after
    ``caption``, the line above its table that gives its bare cells a unit ("单位：件")."""
    return list(_facts_read(sentence, lead_in, heading, year, caption))


@functools.lru_cache(maxsize=8192)
def _facts_read(sentence: str, lead_in: str, heading: str, year: int | None, caption: str) -> tuple[Fact, ...]:
    """``_facts_of``'s facts, kept: one ask binds the same sentences in several searches (its
    own scope, other years' reports, the nearest passage), and the next ask often again."""
    return tuple(_rate_of_place(f) for f in _read_facts(sentence, lead_in, heading, year, caption))


_PLACE_ONLY = re.compile(r"(?P<place>[\u4e00-\u9fa5]{1,8}(?:省|市|区|县|州|旗|镇|乡|街道))(?:达到|达|为|是|最高|最低)?")
_RATE_BEFORE = re.compile(r"[\u4e00-\u9fa5]{2,12}?率")


def _rate_of_place(fact: Fact) -> Fact:
    """"部分县（区）行政复议纠错率仍然偏高，其中溠川县达到14.6%": a rate whose indicator is only a place
    is that place's value of the rate the clause before names (行政复议纠错率 of 溠川县)."""
    place = _PLACE_ONLY.fullmatch(fact.indicator) if fact.unit == "%" and not (fact.table or fact.share_of) else None
    rates = _RATE_BEFORE.findall(fact.source[:fact.start]) if place else []
    return replace(fact, indicator=rates[-1], topic=fact.topic or place.group("place")) if place and rates else fact


def _read_facts(sentence: str, lead_in: str, heading: str, year: int | None, caption: str) -> list[Fact]:
    if caption:
        return [f for f in chunk_facts(f"{caption}\n{sentence}", heading, year) if f.source == sentence]
    if not lead_in:
        return chunk_facts(sentence, heading, year)
    joined = lead_in.rstrip("。；;") + "，" + sentence
    offset = len(joined) - len(sentence)
    # a 其中 list of the clause before ended at its ；: "…其中违规金额2.83亿元、管理不规范金额9.63亿元；促进增收节支
    # 3.18亿元" — 3.18亿元 is no part of 查出问题金额 (the lead-in gives only the subject)
    ended = lead_in.rstrip().endswith(("；", ";")) and not _SHARE_START.match(sentence)
    return [replace(f, start=f.start - offset, end=f.end - offset, source=sentence,
                    share_of="" if ended and joined.rfind("其中", 0, f.start) < offset else f.share_of)
            for f in chunk_facts(joined, heading, year) if f.source == joined and f.start >= offset]


def evidence_facts(ev: Evidence) -> list[Fact]:
    """The facts of an evidence's sentence, a table row's read after its table's caption unit."""
    caption = _caption_above(ev.chunk.text, ev.sentence) if is_table_row(ev.sentence) else ""
    return _facts_of(ev.sentence, "", "", ev.chunk.year, caption)


def _label_asked(label: str, asked: str, words: Callable[[str], list[str]]) -> bool:
    """Every word of a table row's label is in the question ("县级部门" of "被申请人为县级部门的…")."""
    said = [w for w in words(normalize_numerals(without_brackets(label)).lower()) if w.strip()]
    return bool(said) and all(w in asked for w in said)




def _line_above_table(text: str, row: str) -> str:
    """The first line above a table row's table in its chunk (no row of it); "" when none."""
    at = text.find(row)
    return next((line for line in reversed(text[:max(at, 0)].split("\n"))
                 if line.strip() and not is_table_row(line)), "")


def _table_title(text: str, row: str) -> str:
    """The title line above a table row's table in its chunk ("表1 被申请人类型分布": its rows are
    kinds of 被申请人, a word its label column's header said); "" when the line above is a sentence."""
    line = _line_above_table(text, row).strip()
    return line if is_table_title(line) else ""


def _caption_above(text: str, row: str) -> str:
    """The line above a table row's table in its chunk when it gives the table's unit ("单位：件",
    "（单位：万元）"); "" when none does."""
    line = _line_above_table(text, row)
    return line if line and unit_of_caption(line) else ""


def _other_place(label: str, mentions: list[str]) -> bool:
    """A table row labelled with a place none of the question's place words names."""
    label = label.strip()
    return bool(mentions) and bool(_PLACE_LABEL.match(label)) and not any(
        m in label or label in m for m in mentions)


def asks_change_only(question: Question) -> bool:
    """One year's change asked alone ("罚没款同比降了多少", not "增加到多少", not two years)."""
    asked = _asked_clauses(question.normalized)
    # (two years: "比上年增长了多少" whose comparison found no figure of one year — a level is no answer)
    return (question.kind == "numeric" and question.asks < 2
            and (len(question.years) <= 1 or question.is_comparison and bool(_ASKS_DIFFERENCE.search(asked)))
            and bool(_ASKS_CHANGE.search(asked)) and not _TO_LEVEL.search(asked))


def states_change(fact: Fact, question: str = "") -> bool:
    """A change stated (同比下降4.8%), a 由A到B pair, or a figure counted by a change verb — unless
    the question names the thing with that verb itself ("新增经营主体同比增长了多少": 新增经营主体1.26万户
    is the level whose change is asked)."""
    if fact.change or fact.role in ("before", "after"):
        return True
    stem = _CHANGE_STEM.search(fact.indicator)
    if stem is None:
        return False
    return not (question and stem.start() > 0 and fact.indicator[stem.start() - 1:stem.end()] in question)


DOING_VERB_WEIGHT = 0.4  # an English verb of doing's glossary term ("handle" → 办理), against 0.8 for other phrases
PERIOD_PENALTY = 0.3  # a figure of a part of the year (上半年, 8月) when the question asks none
RARE_MISS = 0.5  # a fact without the rarest asked thing that another fact of the sentence names


RARE_NAMES = 0.8
_YEAR_END = re.compile(r"年底|年末")
# a figure summed over years ("十四五以来累计作出重大行政决策37项", "近三年累计开展宣讲800余场",
# "自2023年任职以来累计出庭应诉7件"), not the year's own (全年累计 is the year's)
_OVER_YEARS = r"(?<!全年)(?<!当年)(?<!本年)(?<!今年)(?<!年内)(?<!年度)累计|以来|近\d+年|\d+年来|多年来|历年|至今|迄今"
# … and what says so beyond doubt (累计 alone is often the year's own: "累计培训执法人员3200人次")
_FIVE_YEARS = re.compile(r"五年(?:来|以来|间|中)|(?:近|过去)五年")


# a first-person report of one office holder ("…区长2025年度述法报告", "…局长述职报告"): its "本人"
# is that office ("区长本人出庭了几次" is answered by "本人带头出庭应诉…三次")
_SPEAKER = re.compile(r"(主要负责人|第一责任人|[省市县区州旗镇乡局厅]长|主任|书记)[^，。、]{0,14}?(?:述法|述职)")
_SELF = re.compile(r"本人|(?<![自])我(?![国省市区县州镇乡局委厅])")
_ORDINAL_LEAD = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]|[一二三四五六七八九十]是)?"
                           r"(?:全年|年内|同时)?")


MIN_BODY_NAME = 5  # characters of a body's name (生态环境局) for its words to stand in each of its sentences
# a report's title: its issuer, then the year it is of ("…仲裁委员会2025年法治政府建设年度报告")
_TITLE_ISSUER = re.compile(r"^(.{2,30}?)(?:关于)?(?:(?:19|20)\d{2}年|法治政府)")
# the kinds of body whose report speaks for one line of work (not a government's, which speaks for all)
_BODY_KIND = re.compile(r"(?:局|厅|委员会|委|院|支队|大队|中心|所)$")


@functools.lru_cache(maxsize=1024)
def issuer_of_title(title: str, region: str | None) -> str:
    """The body whose report the title is, without its place (劳动人事争议仲裁委员会 of
    "炁阳市劳动人事争议仲裁委员会2025年法治政府建设年度报告"); '' for a government's or no issuer."""
    m = _TITLE_ISSUER.match(title or "")
    if m is None:
        return ""
    issuer = m.group(1)
    if region and issuer.startswith(region):
        issuer = issuer[len(region):]
    if not region:
        issuer = re.sub(r"^.*?(?:自治州|自治县|街道|省|市|区|县|州|镇|乡)(?=.{3})", "", issuer)
    # (and a town's or street's name before its unit: 潸溪镇司法所 of a county's report is a 司法所)
    issuer = re.sub(r"^[\u4e00-\u9fa5]{1,6}?(?:镇|乡|街道)(?=.{3})", "", issuer)
    if "政府" in issuer or "办事处" in issuer or not _BODY_KIND.search(issuer):
        return ""
    # (a body named by one short field and its kind — 司法所, 公安局, 教育局 — says a word the question may well ask
    # about itself: "来找司法所的…转到县里" asks what the 司法所 did, not whose report)
    return issuer if len(issuer) >= MIN_BODY_NAME else ""


def speaker_said(sentence: str, title: str) -> str:
    """The office a first-person report's "本人" is, when the sentence says 本人 or has no subject
    of its own ("全年主持召开区政府常务会议24次"): " 区长"; ""."""
    m = _SPEAKER.search(title)  # (the title first: most reports are no one's, and tagging costs)
    if m is None or not (_SELF.search(sentence) or starts_with_verb(_ORDINAL_LEAD.sub("", sentence))):
        return ""
    return f" {m.group(1)}"


def plan_period_said(sentence: str, year: int | None) -> str:
    """The five-year plan period a sentence's "五年来" is, in a report of ``year`` (" 十四五" in one of
    2021—2025): a question naming the period ("“十四五”期间累计…") names what the sentence says."""
    if year is None or not _FIVE_YEARS.search(sentence):
        return ""
    plan = (year - 2001) // 5 + 10  # 2021—2025 → 14 (十四五), 2016—2020 → 13
    return f" 十{'一二三四五六'[plan - 11]}五" if 11 <= plan <= 16 else ""


# (a five-year plan's period too: "“十四五”时期", "“八五”期间" — the 普法 plans are five years each)
SPAN_OF_YEARS = re.compile(r"以来|近\d+年|\d+年(?:来|累计)|多年来|历年|至今|迄今|"
                           r"(?:[六七八九]|十[一二三四五六])五[”\"]?(?:普法)?(?:期间|时期)")


# two years said as a span or a pair ("2023年至2025年", "2024年和2025年"; not "比上年…一共")
_YEARS_SAID_TOGETHER = re.compile(r"(?:19|20)\d{2}年?(?:到|至|—|－|-|～|~|和|与|及|、)(?:19|20)\d{2}年")
_SPAN_SAID = re.compile(r"(?:近|过去)(\d+)年|(\d+)年(?:来|以来|间|中)")


def _years_spanned(words: str) -> int | None:
    """How many years the words sum over: "三年来" 3, "近5年" 5; None when they say no count."""
    m = _SPAN_SAID.search(normalize_numerals(words))
    return int(m.group(1) or m.group(2)) if m else None


def said_over_years(fact: Fact) -> bool:
    """The figure is summed over years, as its sentence says before it ("五年来，…累计…")."""
    return bool(SPAN_OF_YEARS.search(normalize_numerals(fact.source[:fact.start])))


OVER_YEARS_ASKED = re.compile(rf"{_OVER_YEARS}|这几年|这些年|这\d+年|十[一二三四五六]五[”\"]?(?:时期|期间)|\bsince\b|"
                               r"cumulative|so far|to date|"
                               r"over the (?:past|last)")
# what a question's word marks a figure as: how the question says it, and how the figure's words say it
_MARKERS = ((OVER_YEARS_ASKED, re.compile(_OVER_YEARS)),  # 累计
            (re.compile(r"新(?:来|增|进|招|收|接收|设|开|办|建)"), re.compile("新")),
            # "现在还在社区里服刑的", "年底还有多少人": 在册 (or 年末/年底 itself), not 新接收
            (re.compile(r"在册|现在还|目前还|仍在|还在|年底|年末"), re.compile("在册")),
            (_YEAR_END, re.compile("年末")), (_YEAR_END, re.compile("年底")),
            # "还有几个没整改完": the rest (其余3个正在整改中), not the 18个 found nor the 15个 done
            (re.compile(r"还有(?:多少|几)|还剩|剩下|剩余|尚未|没[\u4e00-\u9fa5]{1,4}完|未完成"),
             re.compile(r"其余|剩余|尚未|仍有|未完成|未整改|未办结|正在")),
            # "实际出庭了多少件": 实际出庭567件, not 应出庭案件576件 (what was due, against what was done)
            (re.compile(r"实际(?!上)"), re.compile("实际")))


def _missing_rarest(bindings: list[Binding], owns: list[str], terms: list[Term],
                    anchor: str = "") -> list[Binding]:
    """Facts of one sentence lacking the rarest asked word group that some of them name bind
    less: "适用普通程序办理的行政处罚案件" is 适用普通程序13.7万件, not all 41.6万件 办理行政处罚案件.
    ``owns``: each fact's words (with its topic and the words before it). When some fact names
    the word before 多少 (the anchor), only those count as naming the group: in "法治督察发现了
    多少问题" 法治督察 names the activity (开展法治督察4次), 发现 what is counted."""
    if len(bindings) < 2:
        return bindings
    if anchor and any(anchor in own for own in owns):
        owns = [own if anchor in own else "" for own in owns]
    groups: dict[str, list[Term]] = {}
    for t in terms:
        groups.setdefault(t.group, []).append(t)
    levels: dict[float, list[list[Term]]] = {}  # groups as rare as each other tell facts apart together
    for members in groups.values():
        levels.setdefault(round(max(m.weight for m in members), 6), []).append(members)
    for weight in sorted(levels, reverse=True):
        # a group is named by its rare words: 出庭 of 上法庭's (出庭 2.5, 诉讼 1.8), not a much
        # commoner alternative (邻里 3.1 of 邻里纠纷 3.5 still names it; RARE_NAMES fitted on dev)
        # (the user's own word names its group whatever a rarer synonym weighs: 免罚 of 免罚清单 as
        # much as 不予处罚 of a 其中 part)
        named = [[any(m.text in own for m in members if m.weight >= RARE_NAMES * weight
                      or not m.expansion and len(m.text) >= 2) for own in owns]
                 for members in levels[weight]]
        named = [has for has in named if any(has)]
        if named:  # those naming fewer of the rarest groups than another fact bind less
            counts = [sum(has[k] for has in named) for k in range(len(owns))]
            most = max(counts)
            return [b if n == most else Binding(b.fact, b.score - RARE_MISS)
                    for b, n in zip(bindings, counts, strict=True)]
    return bindings


@functools.lru_cache(maxsize=256)
def _asked_clauses(question: str) -> str:
    """The question without the clauses that state a figure and ask nothing: in "败诉率比上年
    上升了1.2个百分点，败诉案件是多少件" the change is a premise, the count is asked."""
    clauses = re.split(r"[，,；;]", question)
    # (… nor the change a clause states without a figure: "刑事案件受理数同比上升了，一共受理了多少起" asks
    # 刑事案件受理数 …受理了多少起)
    if len(clauses) > 1 and states_premise(question):
        clauses = [c if ASK_WORDS.search(c) else CHANGE_PREMISE.sub("", f"{c}，").removesuffix("，") for c in clauses]
    kept = [c for c in clauses if c and (ASK_WORDS.search(c) or not find_figures(c))]
    return "，".join(kept) if kept else question


_ASKS_BEFORE = re.compile(r"原来|原先|以前|之前|此前|起初|年初|由多少|从多少|改革前|压缩前|精简前|"
                          r"\bbefore the (?:reform|change|streamlining|cut)s?\b|\boriginally\b|\bused to (?:take|be)\b",
                          re.I)  # (年初: the start of the year's 由A至B)


_RATE_WORD = re.compile(r"[\u4e00-\u9fa5]{1,8}率")


def _same_rate(fact: Fact, rates: list[str]) -> bool:
    """The fact is no other rate than the asked one: its own phrase names no rate, or names
    one that the asked rate contains or that contains it (成功率 / 调解成功率)."""
    own = normalize_numerals(f"{fact.indicator} {fact.column}").lower()
    # a share (跨部门联合抽查占比) is no rate of its own kind (合格率)
    named = _RATE_WORD.findall(own) + re.findall(r"[\u4e00-\u9fa5]{1,6}(?:占比|比例|比重)$", own)
    return not named or any(r in own or any(n.endswith(r) or r.endswith(n[-3:]) for n in named)
                            for r in rates)


def _rate_stems(question: str) -> list[str]:
    """The two characters before each 率 the question says ("逾期率" → 逾期)."""
    return [w[:-1] for w in re.findall(r"[\u4e00-\u9fa5]{2}率", question) if w[:-1] not in ("比例", "概")]


def _other_rate(fact: Fact, asked: list[str]) -> bool:
    """The question names a rate (``asked``: its stems, :func:`_rate_stems`) in words the index
    never saw as one term ("逾期率") and the fact's rate shares no character of it
    ("个人住房贷款率"): another rate."""
    if not asked:
        return False
    named = _RATE_WORD.findall(normalize_numerals(fact.indicator).lower())
    return bool(named) and not any(ch in n for stem in asked for ch in stem for n in named)


def _rate_asked(fact: Fact, terms: list[Term], question: str) -> bool:
    """A rate the question does not name by its rate word: what the fact's rate measures
    (败诉 of 败诉率) must be among the question's words or their word-table terms."""
    indicator = normalize_numerals(fact.indicator).lower()
    named = _RATE_WORD.findall(indicator)
    if not named:
        return True
    stem = named[-1][-3:-1]  # "行政诉讼败诉率" → 败诉
    if len(stem) < 2 or stem in question or any(stem in t.text for t in terms):
        return True
    # the question says it in other words with the same characters: "在网上就能办" for 网上可办率,
    # or the word table's terms for its words do ("说和成的比例": 说和 → 调解, for 调解成功率)
    said = question + "".join(t.text for t in terms if t.expansion)
    if len(set(named[-1][-5:-1]) & set(said)) >= 2:
        return True
    # the rate's own name holds the question's most specific word ("空气好的日子占多大比例":
    # 空气 of 空气质量优良天数比率): what it measures is said, its rate word in other words
    own = [t for t in terms if not t.expansion and len(t.text) >= 2]
    heaviest = max(own, key=lambda t: t.weight, default=None)
    return heaviest is not None and heaviest.text in indicator


@functools.lru_cache(maxsize=256)
def _stated_wholes(question: str) -> tuple[tuple[float, str], ...]:
    """"纠正的21件规范性文件中，省政府部门的有几件": the (value, unit) of each whole the question
    states and asks a part of (…中/里) — neither that whole nor a larger figure answers it."""
    if not ASK_WORDS.search(question):
        return ()
    return tuple((g.value, g.unit) for g in find_facts_figures(question) if _WITHIN_STATED.match(question, g.end))


# "增加了多少名", "缩短了几分钟": the difference asked (not "增加到多少", a level)
_ASKS_DIFFERENCE = re.compile(r"(?:增加|增长|减少|下降|提高|降低|上升|提升|缩短|缩小|压缩|压减|扩大|多|少)了?"
                              r"(?:多少|几)")
# "由多少增加到多少"; "占比有什么变化": how it changed is the pair itself
_ASKS_BOTH = re.compile(r"[由从]多少.{0,6}[到至]了?多少|(?:有|发生了?)(?:什么|哪些|何|怎样的?)变化|"
                        r"(?:怎么|如何|怎样)变化|变化(?:情况|如何|怎么样)|"
                        r"\bfrom how (?:many|much)\b.{0,40}\bto how (?:many|much)\b|"
                        r"\bfrom what\b.{0,40}\bto what\b", re.I)
# a change asked as the reports state it, in a percentage: 同比, its size (增幅, 降幅)
_RATE_OF_CHANGE = re.compile(r"同比|增幅|降幅|幅度|百分之?几|百分比|year[- ]on[- ]year|\bby what percentage", re.I)
_PAIR_VERB = re.compile(r"增加|增长|减少|下降|提高|降低|上升|提升|缩短|缩小|压缩|压减|扩大|调整")


def _pair_answer(ask: str, bound: list[Binding], ev: Evidence) -> str:
    """A 由A增加至B pair asked as a pair: both values ("由多少增加到多少"), or the difference
    ("增加了多少名" → 增加56名（由412名增加到468名）) when the report states no change in the
    pair's unit; empty when ``ask`` asks neither or ``bound`` holds no pair."""
    both = _ASKS_BOTH.search(ask)
    if not both and not _ASKS_DIFFERENCE.search(ask):
        return ""
    fact = next((b.fact for b in bound if b.score >= BOUND and b.fact.role and not b.fact.table), None)
    if fact is None or not both and bound[0].fact.change and (bound[0].fact.unit == fact.unit
                                                                or _RATE_OF_CHANGE.search(ask)):
        return ""  # "增加56名" stated: the report's own figure (and "同比下降了多少": its stated 9.6%)
    # every fact of the sentence: the pair's other value may be no answer of its own
    heading = ev.chunk.section[-1] if ev.chunk.section else ""
    partner = pair_partner(fact, chunk_facts(ev.sentence, heading))
    if partner is None:
        return ""
    before, after = (partner, fact) if fact.role == "after" else (fact, partner)
    between = fact.source[before.end:after.start]
    if both:
        return f"由{before.display}{between}{after.display}"
    verb = _PAIR_VERB.search(between)
    if verb is None:
        return ""
    shown = format_amount(abs(after.value - before.value), display_unit(after.text, after.unit))
    return f"{verb.group()}{shown}（由{before.display}{between}{after.display}）"


def _range_of(fact: Fact, bindings: list[Binding]) -> str:
    """"5%至12%": a figure that is the lower end of a range written with 至/到/—/～ and another
    figure of its unit right after (not a 由A增加到B pair)."""
    if fact.role or fact.change:
        return ""
    rest = fact.source[fact.end:fact.end + 2]
    if not rest or rest[0] not in "至到—－-~～":
        return ""
    upper = next((b.fact for b in bindings if b.fact.source == fact.source
                  and b.fact.start == fact.end + 1 and b.fact.unit == fact.unit), None)
    return f"{fact.display}{rest[0]}{upper.display}" if upper is not None else ""


def _said_of(change: Fact, level: Fact) -> bool:
    """A change after a level names it by a word of two characters of its own ("在册人数较上年末
    减少9名" of "年末在册社区矫正对象197名"), the comparison less."""
    own = _COMPARED.sub("", normalize_numerals(change.indicator))
    return any(own[i:i + 2] in level.indicator for i in range(len(own) - 1)
               if re.fullmatch(r"[\u4e00-\u9fa5]{2}", own[i:i + 2]))


_COMPARED = re.compile(r"较上年末?|较去年|比上年末?|同比|环比|人数|数量|总数")


def _against_asked(ask: str, fact: Fact) -> str:
    """A change the other way round from the asked one ("罚没款同比增长了多少" where the report
    says 同比下降4.8%): its direction said first, and that it is not the asked one."""
    if not fact.change:
        return ""
    up, down = bool(UP_WORDS.search(ask)), bool(DOWN_WORDS.search(ask))
    if up == down or (fact.change == "increase") == up:
        return ""
    said = "增长" if fact.change == "increase" else "下降"
    return f"{said}{unsigned(fact.display)}（并非{'增长' if up else '下降'}）"  # (a 增减 cell's -7.7: 下降7.7%)


def _named_item(fact: Fact, question: str) -> Fact | None:
    """The value of the one item the question names of ``fact``'s 分别 list whose indicator lists
    the items ("涉及征收补偿、工伤认定和市场监管的案件分别为386件、274件和219件": 274件 for 工伤认定);
    None when the list is not of that kind or the question names no single item."""
    group, items = _listing_items(fact, _row_of(fact))
    if not group:
        return None
    cores = [re.sub(r"的.*$", "", item).removeprefix("涉及") for item in items]
    named = [k for k, core in enumerate(cores) if len(core) >= 2 and core in question]
    return group[named[0]] if len(named) == 1 else None


def _row_of(fact: Fact) -> list[Fact]:
    """The facts of ``fact``'s sentence, in the sentence's order."""
    return sorted((g for g in _sentence_facts(fact.source, fact.year) if g.source == fact.source),
                  key=lambda g: g.start)


def _listing_items(fact: Fact, row: list[Fact]) -> tuple[list[Fact], list[str]]:
    """The values of ``fact``'s 分别 list when one indicator lists their items, and those items in
    order ("涉及征收补偿、工伤认定和市场监管的案件分别为386件、274件和219件"); ([], []) otherwise."""
    group = _distributed(fact, row)
    if not group or len({g.indicator for g in group}) != 1:
        return [], []
    items = list_parts(normalize_numerals(group[0].indicator).lower())
    return (group, items) if len(items) == len(group) else ([], [])


def _ends_in(name: str, text: str) -> bool:
    """An end of ``name`` of two characters or more is in ``text`` (涉及劳动报酬 in …劳动报酬多少件)."""
    name, text = normalize_numerals(name).lower(), normalize_numerals(text).lower()
    return any(name[i:] in text for i in range(len(name) - 1))


def _sole_of_unit(facts: list[Fact], units: tuple[str, ...], chosen: list[str], sentence: str) -> str | None:
    """One ask of several, in its own words ("办了多少件，要回来多少钱"), bound to no figure:
    the sentence that answers the other asks answers it too when it states exactly one result
    of the asked unit ("…案件1127件，为农民工挽回经济损失1.35亿元" → 1.35亿元)."""
    own = [f for f in facts if f.source == sentence and fact_unit_ok(f, units) and not f.plan
           and not f.change and f.role not in ("before", "previous") and f.display not in chosen]
    if len(own) > 1:  # "…追发工资3.12亿元，其中农民工工资2.67亿元": the whole, not its 其中 part
        own = [f for f in own if not f.share_of]
    if len(own) > 1:  # "为1.37万名劳动者追发…，其中为农民工1.12万人追发…": a part in another unit too
        own = [f for f in own if "其中" not in sentence[:f.start]] or own
    return own[0].display if len(own) == 1 else None


def _any_ask_unit(question: Question) -> tuple[str, ...]:
    """The units any ask of a several-ask question allows; () when one of them says none."""
    parts = question.ask_parts()
    if any(not units for _, units in parts):
        return ()
    return tuple(dict.fromkeys(u for _, units in parts for u in units))


def _shared_tail(*texts: str) -> int:
    """How many characters the texts end on alike: 2 for 种子案件 and 农药案件 (案件)."""
    k = 0
    while k < min(map(len, texts)) and len({t[-1 - k] for t in texts}) == 1:
        k += 1
    return k


def _named_part(facts: list[Fact], question: str) -> str:
    """The qualifier of a 其中 part of the sentence that the question names ("安全生产领域" of
    "其中安全生产领域案件214件"): the part's indicator less the head it shares with its whole."""
    for f in facts:
        if not f.share_of or f.table:
            continue
        own, whole = normalize_numerals(f.indicator).lower(), normalize_numerals(f.share_of).lower()
        if len(whole) >= 4 and whole in question and any(own in normalize_numerals(g.indicator).lower()
                                                          for g in facts if g.source == f.source and not g.share_of):
            continue  # the whole's own name holds it ("新增减税降费及退税缓费共计多少"): no part asked
        k = _shared_tail(own, whole)
        qualifier = own[:len(own) - k] if k else own
        if len(qualifier) >= 3 and qualifier in question:
            return qualifier
        if len(qualifier) == 2 and k >= 2 and qualifier + own[len(own) - k:][:2] in question:
            return qualifier  # "办了多少件行政法律援助案件": 行政 said right before the whole's name
        if len(qualifier) == 2 and k >= 4 and qualifier + own[-2:] in question and whole[:-2] in question:
            return qualifier  # "法律援助案件中行政案件": 行政 said before the whole's head (案件)
        if len(own) == 2 and not k and own in question and whole[-2:] not in question \
                and (f"{own}、" in whole or f"、{own}" in whole):
            # "来电有多少": the part 来电 of "受理来电、网络留言等各类诉求…，其中来电142.6万件", an item of
            # the list its whole names
            return own
    return ""


_EACH_ASKED = re.compile(r"分别|各(?:是|有|为|占|多少|几)|哪(?:个|类|种|一)|比|和.{0,6}相比")


def _parts_named_together(facts: list[Fact], question: str) -> set[tuple[str, int]]:
    """The 其中 parts of one whole (stated in the sentence) when the question names two or more of
    them by what sets them apart ("种子", "农药" of 种子案件, 农药案件): it asks the whole."""
    groups: dict[tuple[str, str], list[Fact]] = {}
    for f in facts:
        if f.share_of and not f.table:
            groups.setdefault((f.source, normalize_numerals(f.share_of).lower()), []).append(f)
    out: set[tuple[str, int]] = set()
    for (source, whole), parts in groups.items():
        if len(parts) < 2 or not any(g.source == source and not g.share_of and
                                     normalize_numerals(g.indicator).lower().endswith(whole) for g in facts):
            continue
        own = [normalize_numerals(f.indicator).lower() for f in parts]
        k = _shared_tail(*own)  # the head they share ("案件")
        stems = [o[:len(o) - k] for o in own]
        # (a stem inside the whole's own name — 投诉 of 投诉举报 — names the whole, not a part)
        named = sorted((question.find(t), t) for t in stems if len(t) >= 2 and t in question and t not in whole)
        # (one named within another — "纠错中撤销的" — asks the later one, a part of the earlier: the
        # sentence lists them flat, "其中纠错45件，撤销、变更…分别为21件、8件…")
        if len(named) >= 2 and not _WITHIN_MARK.search(question, named[0][0] + len(named[0][1]), named[-1][0]):
            out.update((f.source, f.start) for f in parts)
    return out


_TOTAL_ROW = re.compile(r"(?:合计|总计|共计|总数|全[市区县省镇]|全部)")
ROW_TIE = 0.02  # rows scored this close: the question tells none of them apart


def _names_row(label: str, labels: list[str], question: Question, terms: list[Term], body: str = "") -> bool:
    """The question names this row of a breakdown: its label whole, or a word of it that fewer
    than half the rows share ("职业" of 职业卫生 does; "卫生", in most of 医疗卫生, 学校卫生, 职业卫生…,
    is the table's subject, not a row); ``body``: the report's body, whose name the question may say
    around a label (人事争议 of "劳动人事争议仲裁…" names the 劳动人事争议仲裁委员会, no row)."""
    text = question.without_places(question.normalized)
    if label in text and not _inside_name(text, label, body):
        return True
    if coverage(label, terms) <= 0:
        return False
    return any(t.text in label and 2 * sum(t.text in other for other in labels) < len(labels)
               for t in terms)


def _inside_name(text: str, label: str, body: str) -> bool:
    """Every place ``text`` says ``label`` is inside a longer piece of the name ``body``."""
    if len(body) <= len(label) or label not in body:
        return False
    at = text.find(label)
    while at >= 0:
        start, end = at, at + len(label)
        while start > 0 and text[start - 1:end] in body:
            start -= 1
        while end < len(text) and text[start:end + 1] in body:
            end += 1
        if end - start == len(label):
            return False  # said on its own there
        at = text.find(label, at + 1)
    return True


def _total_row_first(evidence: list[Evidence], question: Question, terms: list[Term]) -> list[Evidence]:
    """A breakdown table's rows ("公安类｜收案（件）：612…") that the question cannot tell apart (two or
    more score alike and it names none of them): the table's total row ("合计｜…1814") answers
    "一共收案多少件", not the first category's."""
    if len(evidence) < 3 or question.kind != "numeric" or question.asks >= 2 or question.tabled_places:
        return evidence
    top = row_heads(evidence[0].sentence)
    if top is None or _TOTAL_ROW.fullmatch(top[0]) or not top[1]:
        return evidence
    rows = [(k, ev, cells) for k, ev in enumerate(evidence[:30]) if (cells := row_heads(ev.sentence))
            and cells[1] == top[1] and ev.chunk.doc_id == evidence[0].chunk.doc_id]
    parts = [(k, ev, cells) for k, ev, cells in rows if not _TOTAL_ROW.fullmatch(cells[0])]
    tied = [ev for _, ev, _ in parts if evidence[0].score - ev.score <= ROW_TIE]
    body = issuer_of_title(evidence[0].chunk.title, evidence[0].chunk.region)
    if len(tied) < 2 or any(_names_row(cells[0], [c[0] for _, _, c in parts], question, terms, body)
                            for _, _, cells in parts):
        return evidence
    total = next((k for k, _, cells in rows if _TOTAL_ROW.fullmatch(cells[0])), None)
    if total is None:
        return evidence
    first, whole = evidence[0], evidence[total]
    # the words the rows share ("卫生" of 医疗卫生, 学校卫生…) are the table's subject: the total
    # row says them as much as any row does, and its cell under the top row's bound column is bound
    # as well as the top row's
    column = first.bindings[0].fact.column if first.bindings else None
    bindings = sorted((replace(b, score=max(b.score, first.bindings[0].score))
                       if column is not None and b.fact.column == column else b for b in whole.bindings),
                      key=lambda b: -b.score)
    keys = {k: v for k, v in first.features.items() if k.startswith("key")}
    whole = replace(whole, score=first.score, coverage=max(whole.coverage, first.coverage), bindings=bindings,
                    figures=[as_figure(b.fact) for b in bindings] or whole.figures,
                    features={**whole.features, **keys})
    return [whole, *evidence[:total], *evidence[total + 1:]]


_INNER_PART = re.compile(r"(.{2,}?)(?:之中|中|里)[，,]?(.{1,12})")


def _inner_part(fact: Fact) -> Fact | None:
    """A part whose whole is said in its own indicator ("受理件中投诉2万余件"): the fact as a 其中 part
    of that whole; None when its indicator names no whole."""
    m = _INNER_PART.fullmatch(fact.indicator) if not fact.table else None
    return replace(fact, share_of=m.group(1), indicator=m.group(2)) if m else None


def _whole_of(fact: Fact, facts: list[Fact]) -> str:
    """The indicator of the whole a 其中 part belongs to, with its verb: the part is done as its
    whole is ("全年办理法律援助案件612件，其中刑事法律援助案件247件": 247件 were 办理'd too)."""
    if not fact.share_of or fact.table:
        return ""
    of = normalize_numerals(fact.share_of).lower()
    return next((low for g in reversed(facts) if g.source == fact.source and g.end <= fact.start
                 and not g.share_of and (low := normalize_numerals(g.indicator).lower()).endswith(of)), "")


_WHOLE_OF_ASKS = re.compile(r"([\u4e00-\u9fa5]{2,8}?)(?:中|里|当中)[^，,。？?]{2,20}?[和与及、][^，,。？?]{2,20}?"
                            r"(?:各|分别)")


def whole_of_asks(question: str) -> str:
    """The whole several asks are parts of ("罚没金额中罚款和没收违法所得各是多少" → …罚没金额); ''."""
    m = _WHOLE_OF_ASKS.search(question)
    return m.group(1) if m else ""


def _anchor_in_report_words(anchor: str, facts: list[Fact], terms: list[Term]) -> str:
    """The word before 多少 as the reports say it: "输了几回" is 败诉 in the word table's terms
    when no fact says 输 itself ("行政机关败诉29件")."""
    if not anchor:
        return anchor
    indicators = [normalize_numerals(f.indicator).lower() for f in facts]
    if any(anchor in i for i in indicators):
        return anchor
    said = [t for t in terms if t.expansion and anchor in t.group and any(t.text in i for i in indicators)]
    if not said:
        return anchor
    # (of several, the one sharing the most of the question's own word: "好评的比例" → 好评率, not 满意率)
    return max(said, key=lambda t: sum(t.text[k:k + 2] in t.group for k in range(len(t.text) - 1))).text


def _list_head(fact: Fact, facts: list[Fact]) -> str:
    """The first item of the 、 list the fact is a later item of, whose verb the whole list
    shares: "移送公安机关行政拘留案件19件、涉嫌环境污染犯罪案件6件" — the 6件 were 移送'd too."""
    same = sorted((g for g in facts if g.source == fact.source and not g.table), key=lambda g: g.start)
    i = next((k for k, g in enumerate(same) if g is fact), -1)
    head = ""
    while i > 0:
        gap = fact.source[same[i - 1].end:same[i].start]
        if not gap.startswith("、") or any(p in gap for p in "，,；;。：:"):
            break
        i -= 1
        head = same[i].indicator
    return normalize_numerals(head).lower()


@functools.lru_cache(maxsize=256)
def _sentence_facts(source: str, year: int | None) -> tuple[Fact, ...]:
    return tuple(chunk_facts(source, "", year))


def _head_of_list(fact: Fact) -> str:
    """The first item of the 、 list the fact (or, for a change given out by 分别, its level)
    is a later item of, among all the facts of its sentence: "发生生产安全事故11起、死亡9人，同比
    分别下降21.4%和18.2%" → 发生生产安全事故 for 9人 and 18.2%."""
    every = list(_sentence_facts(fact.source, fact.year))
    same = [g for g in every if g.indicator == fact.indicator and (
        g.display == fact.display or fact.change and not g.change)]
    return next((head for g in same if (head := _list_head(g, every))), "")


def _quotes_another_name(before: str, quoted: list[str], sentence: str) -> bool:
    """The figure's own words quote a longer name that holds the one asked (“优秀法律明白人” for
    “法律明白人”) while the sentence quotes the asked one as a name of its own: another thing of
    that name (a report that quotes only the longer one, “法治体检” for “体检”, means it)."""
    said = [normalize_numerals(q).lower() for q in _QUOTED.findall(before)]
    if not said or any(q in said for q in quoted):
        return False
    own = {normalize_numerals(q).lower() for q in _QUOTED.findall(sentence)}
    return any(q in s and q in own for q in quoted for s in said)


def _words_before(fact: Fact, facts: list[Fact]) -> tuple[str, str]:
    """The source's words between the previous figure (or the clause start) and the fact:
    (with the clause before when the fact borrows its head noun from it, its own clause's)."""
    if fact.table:
        return "", ""
    # the later value of "由98项增加至135项" is counted by the words before the pair
    partner = pair_partner(fact, facts) if fact.role == "after" else None
    end = partner.start if partner is not None else fact.start
    start = max((g.end for g in facts if g.source == fact.source and g.end <= end), default=0)
    head = fact.source[start:end]
    cut = max(head.rfind(p) for p in "，,；;。：:")
    own = head[cut + 1:]
    # "修订轻微违法行为不予处罚清单，清单事项由98项增加至135项": the clause takes up the noun the
    # clause before ended on, which says what is counted; "对赋予乡镇的行政执法事项进行评估调整，
    # 赋权事项由58项调整至42项": a 由A至B pair whose clause before (with no figure) names the
    # same head noun (not any fact: "组织企业环境信用评价，参评企业4120家" is one of many)
    previous = head[:max(cut, 0)]
    previous = previous[max(previous.rfind(p) for p in "，,；;。：:") + 1:]
    indicator = normalize_numerals(fact.indicator)
    if "分别" in own:  # "城市、农村低保标准分别为920元、760元": its own of the words distributed
        return indicator, indicator
    noun, head_noun = indicator[:2], indicator[-2:]
    alone = own + _done_after(fact)
    if _BARE_TOTAL.fullmatch(indicator):
        # "新增律师事务所六家，总数达到50家": the total is of the thing the figure before counts
        earlier = [g for g in facts if g.source == fact.source and g.end <= fact.start and not g.table]
        if earlier:
            thing = _NEW_VERB.sub("", normalize_numerals(earlier[-1].indicator))
            return f"{thing}{own}", f"{thing}{alone}"
    if len(noun) == 2 and previous.endswith(noun) or \
            fact.role and len(indicator) >= 3 and _HAN2.fullmatch(head_noun) and head_noun in previous:
        return previous + own, alone
    return alone, alone


# a total named by no noun of its own ("总数达到50家", "累计达1.2万件"), and the verbs of a flow the
# figure before it may open with (新增律师事务所六家: the 律师事务所 are what the total counts)
_BARE_TOTAL = re.compile(r"总数|总量|总计|共计|合计|累计|数量|总规模")
_NEW_VERB = re.compile(r"^(?:全年|当年|本年)?(?:新增|新设|新建|新批|新成立|新发展|新引进|净增|增加|引进|发展|注销)")


def _wholes_of(fact: Fact, facts: list[Fact], nearest: bool = False) -> list[Fact]:
    """The whole a 其中 part is of, as a fact of the same sentence ("排查认定学生欺凌事件三十七起，…其中
    移交公安机关4起": 37起 for 4起) — [] when the fact is no part."""
    if not fact.share_of or fact.table:
        return []
    wholes = [g for g in facts if g.source == fact.source and g.start < fact.start and not g.share_of
              and g.indicator == fact.share_of]
    return wholes[-1:] if nearest else wholes[:1]


def _distributed(fact: Fact, facts: list[Fact]) -> list[Fact]:
    """The values a 分别 gives out ("城市、农村低保标准分别提高至920元、760元": both), ``fact``
    among them; [] when it is not one of such a list."""
    at = fact.source.rfind("分别", 0, fact.start)
    if at < 0:
        return []
    row = sorted((g for g in facts if g.source == fact.source and g.start > at), key=lambda g: g.start)
    out: list[Fact] = []
    for g in row:
        if out and not re.fullmatch(r"[、，,和及与]", fact.source[out[-1].end:g.start]):
            break
        out.append(g)
    return out if fact in out and len(out) >= 2 else []


def _each_named(fact: Fact, facts: list[Fact], question: str) -> list[Fact]:
    """The values of ``fact``'s 分别 list whose own part of the indicator (城市 of 城市低保标准
    beside 农村低保标准) the question names."""
    group = _distributed(fact, facts)
    names = [normalize_numerals(g.indicator).lower() for g in group]
    if not group or len(set(names)) < len(names):
        return []  # the list's indicators are not told apart
    tail = 0
    while tail < min(map(len, names)) and len({n[len(n) - tail - 1] for n in names}) == 1:
        tail += 1
    own = [n[:len(n) - tail] for n in names]
    return [g for g, o in zip(group, own, strict=True) if o and o in question]


def _listed_asked(fact: Fact, question: str) -> list[Fact]:
    """The facts of ``fact``'s sentence naming each item the question lists before 分别/各 or
    one ask ("收到、受理、审结的…分别是多少件" of "共收到…申请4.82万件，…受理4.37万件，审结4.05万件";
    "受理和审结了多少件"), in the question's order; [] unless every item (two or more) names its
    own fact."""
    listed = _LISTED.search(question)
    if not listed:
        return []
    items = [i for i in re.split(r"、|和|及|与", listed.group("items")) if i]
    from vectorstore.tokenizer import shared_tokenizer

    joiners = sum(listed.group("items").count(j) for j in "和及与")
    if joiners and sum(w in ("和", "及", "与") for w in shared_tokenizer().cut(listed.group("items"))) < joiners:
        return []  # 和 inside a word (调解和解结案) joins no items
    row = _row_of(fact)
    names = [normalize_numerals(g.indicator).lower() for g in row]
    # a 分别 list of one indicator listing its items ("涉及劳动报酬、解除劳动合同、工伤保险待遇的分别为
    # 4862件、2915件、1137件"): each value is named by its item, in order
    group, listed_names = _listing_items(fact, row)
    if group:
        names = [listed_names[group.index(g)] if g in group else n for g, n in zip(row, names, strict=True)]
    # the first item carries the words before the list ("…案件中撤销", "…机构收到"): its
    # longest end that some fact's indicator holds
    first = re.split(r"[中的里，,]", items[0])[-1]
    items[0] = next((first[i:] for i in range(len(first) - 1) if any(first[i:] in n for n in names)), first)
    out: list[Fact] = []
    for item in items:
        named = next((g for g, n in zip(row, names, strict=True) if len(item) >= 2 and item in n and g not in out),
                     None)
        if named is None:
            return []
        out.append(named)
    # (one name holding every item, "不予处罚和减轻处罚案件", is one thing: its cells are years)
    named_as = {g: n for g, n in zip(row, names, strict=True)}
    distinct = len({g.display for g in out}) == len({named_as[g] for g in out}) == len(out)
    if not (len(out) >= 2 and distinct):
        return []
    # (an item of one listing indicator is shown by its own name)
    return [g if named_as[g] == normalize_numerals(g.indicator).lower() else replace(g, indicator=named_as[g])
            for g in out]


# "撤销、确认违法、责令履行的分别有多少件", "收到、受理、审结的行政复议案件分别是多少件", "受理和审结了多少件"
_LISTED = re.compile(r"(?P<items>(?:[\u4e00-\u9fa5，,]{2,12}?(?:、|和|及|与))+[\u4e00-\u9fa5]{2,8}?)"
                     r"(?:的[\u4e00-\u9fa5]{0,10}?)?(?:分别|各|了?(?:多少|几))")


def _done_after(fact: Fact) -> str:
    """"全县九家乡镇（街道）全部建成公共法律服务工作站": a figure counting the things named after
    it is about what the rest of its clause says they did; so is a figure whose clause goes on to say
    what all of them went through ("经初审符合条件的43件全部转交县法律援助中心办理")."""
    tail = fact.source[fact.end:]
    if fact.table:
        return ""
    if fact.indicator and tail.startswith(fact.indicator):
        rest = tail[len(fact.indicator):]
    elif _ALL_OF_THEM.match(tail):
        rest = tail
    else:
        return ""
    end = min((i for i in (rest.find(p) for p in "，,；;。：:") if i >= 0), default=len(rest))
    return " " + rest[:end] if not find_figures(rest[:end]) else ""


_HAN2 = re.compile(r"[\u4e00-\u9fa5]{2}")
# all of the ones counted, right after their figure: what the clause goes on to say is done to them
_ALL_OF_THEM = re.compile(r"(?:已|均已|已经)?(?:全部|全数|悉数|一律)")


def _ordinal(units: tuple[str, ...]) -> bool:
    return any(u.startswith("第") for u in units)


def as_figure(fact: Fact) -> Figure:
    return Figure(fact.display, fact.unit, fact.start, fact.end)


_MONEY = frozenset({"元", "万元", "亿元"})


def _other_whole(question: str, before: str) -> bool:
    """The question asks the whole of a place (全市) and the figure's clause counts one body's
    whole (全局, 本系统), or the other way round."""
    clause = re.split(r"[，,；;。：:]", before)[-1]
    asks_place, asks_body = bool(WHOLE_OF_PLACE.search(question)), bool(WHOLE_OF_BODY.search(question))
    states_place, states_body = bool(WHOLE_OF_PLACE.search(clause)), bool(WHOLE_OF_BODY.search(clause))
    return asks_place and not asks_body and states_body and not states_place \
        or asks_body and not asks_place and states_place and not states_body


def fact_unit_ok(fact: Fact, units: tuple[str, ...]) -> bool:
    """The fact's unit answers a question asking for ``units`` (any unit if none asked)."""
    if not units:
        return True
    wanted = {u.lstrip("万亿") or u for u in units}
    if wanted & _MONEY or any(u in _MONEY for u in units):
        wanted.add("元")
    if "%" in wanted:
        wanted.add("个百分点")
    return fact.unit in wanted or fact.unit in units


_PROBLEM = re.compile(r"问题|不足|短板|差距|困难|薄弱")


@dataclass(frozen=True)
class KeyGroups:
    """The question's own term groups the answer must mention: the rarest, and the head of
    its phrase (the last of the nearly-as-rare ones: "行政诉讼败诉率" asks for 败诉)."""

    rare: list[Term] = field(default_factory=list)
    head: list[Term] = field(default_factory=list)
    second: list[Term] = field(default_factory=list)  # the second rarest
    # the rarest word-table group ("请不起律师" → 法律援助): the asked thing in the reports' terms
    lex: list[Term] = field(default_factory=list)
    # every word-table group: when the question says it in several colloquial phrases ("做生意犯了
    # 点小错、最后没被罚款的"), more than half their weight in the text stands for the rarest
    tables: list[list[Term]] = field(default_factory=list)


_GENERIC_COUNTED = frozenset({"案件", "案子", "事项"})


# verbs that only carry the noun after them ("发出…建议", "开展…检查"): a sentence may leave them unsaid
_LIGHT_VERBS = frozenset("发出 发了 提出 提了 作出 做出 制发 开展 进行 给予 予以 加以 实施 组织 提供 出具 发放".split())


def key_groups(question: Question, terms: list[Term]) -> KeyGroups:
    groups: dict[str, list[Term]] = {}
    for t in terms:
        groups.setdefault(t.group, []).append(t)
    own = [g for g in groups.values()
           if any(not t.expansion for t in g) and max(t.weight for t in g) > UNSEEN_WEIGHT]
    # a generic noun of what is counted in 件 ("受理的法律援助案件": 案件) says the unit, not the thing: no
    # key when the question names the thing otherwise ("…申请13265件，受理12486件" counts the cases)
    named = [g for g in own if not any(t.text in _GENERIC_COUNTED for t in g if not t.expansion)]
    own = named if named and getattr(question, "kind", "") == "numeric" else own
    tables = [g for g in groups.values() if all(t.expansion for t in g)]
    lex = max(tables, key=lambda g: max(t.weight for t in g)) if tables else []
    if not own:
        return KeyGroups(lex=lex, tables=tables)
    def rarity(g: list[Term]) -> float:  # the user's own word's, not a rarer synonym's
        return max(t.weight for t in g if not t.expansion)

    text = question.normalized.lower()
    # a name the question quotes ("培育了多少名“法律明白人”") is what it asks about, before any rarer
    # verb of it: the rarest key whatever its weight
    quoted = {q.lower() for q in _QUOTED.findall(text)}
    def verb(g: list[Term]) -> bool:  # a light verb said by the user ("发出" of "发出了多少件诉前检察建议")
        return all(t.text in _LIGHT_VERBS for t in g if not t.expansion)

    # (of words as rare, the thing before a doing: a sentence may leave its light verb unsaid,
    # "…领域的诉前检察建议分别为183件、96件")
    keys = sorted(own, key=lambda g: (not any(t.text in quoted for t in g), -rarity(g), verb(g)))
    top = rarity(keys[0])
    close = [g for g in keys if rarity(g) >= KEY_CLOSE * top]
    head = max([g for g in close if not verb(g)] or close, key=lambda g: max(text.rfind(t.text) for t in g))
    return KeyGroups(keys[0], head, keys[1] if len(keys) > 1 else [], lex, tables)


def keys_present(keys: KeyGroups, text: str) -> tuple[bool, bool, bool, bool]:
    """Whether the rarest, the head, the second rarest and the word-table group are in the
    text (the first three true when nothing is key)."""
    def has(group: list[Term]) -> bool:
        return bool(group) and coverage(text, group) >= 0.5

    def lexed() -> bool:
        if has(keys.lex):
            return True
        weights = [max(t.weight for t in g) for g in keys.tables]
        said = sum(w for g, w in zip(keys.tables, weights, strict=True) if has(g))
        return len(keys.tables) > 2 and said > 0.5 * sum(weights)

    if not keys.rare:
        return True, True, True, lexed()
    return has(keys.rare), has(keys.head), has(keys.second), lexed()


def _table_names_the_rate(question: Question, fact: Fact, terms: list[Term]) -> bool:
    """A table cell whose label names the rate asked: the question's own rate word ("仲裁调解
    成功率"), or the rate its last two characters before 率 name ("败诉率（%）" of a table about
    行政诉讼, for 行政诉讼败诉率)."""
    if not fact.table:
        return False
    named = [t.text for t in terms if not t.expansion and len(t.text) >= 3 and t.text.endswith("率")]
    named += re.findall(r"[\u4e00-\u9fa5]{2}率", question.normalized)
    return any(r in fact.indicator for r in named)


def _indicator_names(terms: list[Term]) -> list[str]:
    """Report terms standing for a colloquial name of a rate ("输掉的比例" → 败诉率)."""
    return [t.text for t in terms if t.expansion and (t.names or _INDICATOR_PHRASE.search(t.group))]


def _names_the_figure(ev: Evidence, terms: list[Term]) -> bool:
    """A colloquial name of the indicator ("输掉的比例" → 败诉率) stands right before one of
    the sentence's figures: that figure is what was asked, whatever else the question says."""
    named = _indicator_names(terms)
    for f in ev.figures if named else ():
        adjacent = normalize_numerals(ev.sentence[max(0, f.start - 8):f.start]).lower()
        if any(n in adjacent for n in named):
            return True
    return False


def clause_of(sentence: str, figure: Figure) -> str:
    start = max(sentence.rfind(p, 0, figure.start) for p in "，,；;：:。") + 1
    return sentence[start:figure.end]


_ASK_WORD = re.compile(r"(?:多少|几)")


_MORE_OR_LESS = re.compile(rf"(?:同比|环比|{_THAN})?(?:[多少]了|"
                           r"(?:增加|增长|提高|提升|上升|下降|减少|降低|压缩|缩短|扩大|[降减增涨升])(?:到|至)了?)$")
_COUNT_AT_END = re.compile(r"(?<=[\u4e00-\u9fa5]{2})(?:起|件|人|户|家|次|名|项|宗)数$")


def ask_anchor(question: str, words: Callable[[str], list[str]]) -> str:
    """The word right before 多少/几 — usually the verb that says what is counted:
    '受理了多少件行政复议申请' → '受理'; '出庭应诉率是多少' → '出庭应诉率'."""
    m = _ASK_WORD.search(question)
    if not m:
        return ""
    # "死亡人数比上年多了多少", "不合格率上升到了多少": what changed is counted (死亡, 不合格率), not
    # 多了 or 上升到 or the count
    # (a bare "比上一年少了多少次" keeps 少: the change is what it counts)
    for text in (_COUNT_AT_END.sub("", _MORE_OR_LESS.sub("", question[: m.start()])), question[: m.start()]):
        for word in reversed(words(text)):
            if word not in _FILLERS and not word.isdigit() and re.search(r"[\u4e00-\u9fa5A-Za-z]", word):
                if word in TODAY_RELATIVE:  # "前年有多少人…": which year, not what is counted
                    return _counted_noun(question[m.end():])
                # a word with no verb or adjective in it (a noun, a time word) says nothing of what is
                # done: the noun counted after the ask says what is counted ("给社区请了几个律师" → 律师,
                # not 社区; "去年有多少家企业"); a verb or an adjective is the predicate ("调解成功了", "新开了")
                if len(word) == 2 and word[1] == "了" and _predicate(word):
                    return word[0]  # "学了几回" as "查了几次": the verb, not the segmenter's 学了
                return word if _predicate(word) else _counted_noun(question[m.end():]) or word
    return ""


def _predicate(word: str) -> bool:
    """A word with a verb or an adjective in it (受理, 调成, 新开, 成功), as jieba tags it."""
    return any(flag[:1] in ("v", "a") for _, flag in pos_words(word))


_MEASURE_AFTER_ASK = re.compile(rf"^[{UNIT_CHARS}]")


def _counted_noun(after: str) -> str:
    """The noun right after 多少/几 and its measure word ("几个律师" → 律师); "" when no measure
    word follows the ask ("多少律师"), the question ends there or a verb follows."""
    m = _MEASURE_AFTER_ASK.match(after)
    if not m:
        return ""
    noun = ""
    # nouns, verbal nouns and time words in a row (jieba may cut one noun in two: 法律 明白人; 事后 核查)
    for word, flag in pos_words(after[m.end():][:12]):
        if not (flag.startswith("n") or flag in ("vn", "t")) or not re.fullmatch(r"[\u4e00-\u9fa5]+", word):
            break
        noun += word
    return noun if len(noun) >= 2 else ""


def asked_predicates(question: str, words: Callable[[str], list[str]], terms: list[Term]) -> tuple[str, ...]:
    """:func:`predicate_words`, and the report's verbs the word table gives for the ask's own clause
    ("…，最后真正听进去、用上的意见有多少条" → 采纳; not 征求意见's 公众意见 of the clause before it)."""
    predicates = predicate_words(question, words)
    clause = next((c for c in reversed(re.split(r"[，,；;]", question)) if ASK_WORDS.search(c)), "")
    # (the predicate itself, or a verb said beside it with 、: "听进去、用上的意见" — not any word of the clause:
    # "常务会开会前集中学法安排了几次" asks 学法, not the 召开 of 开会)
    runs = [m.group(0) for p in predicates
            if (m := re.search(rf"(?:[\u4e00-\u9fa5]{{1,4}}、)*{re.escape(p)}(?:、[\u4e00-\u9fa5]{{1,4}})*", clause))]
    return predicates + tuple(dict.fromkeys(
        t.text for t in terms if t.expansion and any(t.group in run for run in runs) and t.text not in predicates
        and is_report_verb(t.text)))


def predicate_words(question: str, words: Callable[[str], list[str]]) -> tuple[str, ...]:
    """Words the question marks as its predicate with 了/的/过: '受理的行政复议申请', '走访了'."""
    toks = words(question)
    out = [w for w, nxt in pairwise([*toks, ""])
           if nxt in ("了", "的", "过") and w not in _FILLERS and len(w) > 1]
    # jieba drops 了/的 as stop words in some builds: look at the raw text too
    out += [m.group(1) for m in re.finditer(r"([\u4e00-\u9fa5]{2})(?:了|的|过)", question)
            if m.group(1) not in _FILLERS]
    return tuple(dict.fromkeys(out))


def best_figure(sentence: str, figures: list[Figure], terms: list[Term],
                anchor: str = "", predicates: tuple[str, ...] = ()) -> Figure | None:
    """The figure whose own clause best matches the question. What stands right before a
    figure says what it counts: the question's predicate there binds hardest ('受理的…申请'
    picks '受理615件' over '收到申请688件'), then the word the question puts before 多少."""
    if not figures:
        return None
    named = _indicator_names(terms)

    def score(f: Figure) -> float:
        clause = normalize_numerals(clause_of(sentence, f)).lower()
        adjacent = clause[-len(f.text) - 6:]
        bound = 2.0 if any(p in adjacent for p in predicates) else 0.0
        bound += 1.0 if anchor and anchor in clause else 0.0
        bound += 1.5 if any(t in adjacent for t in named) else 0.0  # "输掉的比例" → 败诉率3.9%
        return bound + coverage(clause, terms) - 0.001 * f.start  # tie → the earlier one

    return max(figures, key=score)


def _count_of_name(question: Question, sentence: str, name: str) -> str:
    """The figure the named thing's own clause counts ("建成“菖阳和事佬”品牌调解室14个": 14个),
    when the question also asks how many; "" otherwise."""
    numbers = [a for a in question.frame.asks if a.kind == "number"] if question.frame else []
    at = sentence.find(name.strip("“”"))
    if not numbers or at < 0:
        return ""
    end = min((i for i in (sentence.find(p, at) for p in "，,；;。") if i >= 0), default=len(sentence))
    return next((f.text for f in find_figures(sentence, numbers[0].units) if at < f.start < end), "")


def quoted_name(sentence: str, terms: list[Term]) -> str:
    """The quoted name (“…”/《…》) in the clause that best matches the question, if any."""
    best, best_cov = "", 0.0
    for clause in re.split(r"[，,；;。]", sentence):
        names = [n for n in _QUOTED.findall(clause) if not any(t.text == n for t in terms)]
        if not names:
            continue
        rest = _QUOTED.sub("", clause)
        cov = coverage(rest, terms)
        if cov > best_cov:
            best, best_cov = names[0], cov
    return f"“{best}”" if best else ""


_CN_DIGITS = "一二三四五六七八九十"
_ENUM_RE = re.compile(rf"[{_CN_DIGITS}]是")
_MAX_ITEM = 80


# a list asked with a figure for each item: "哪几类，各多少件", "哪些领域，分别是多少"
_EACH_COUNT = re.compile(r"(?:哪几|哪些|什么)[^，。？?]{0,10}[，,]?\s*(?:各|分别)(?:有|是|为|占)?(?:多少|几)")


def each_count_units(question: Question) -> tuple[str, ...] | None:
    """The units of the figure a list question asks of each item ("哪几类，各多少件" → 件…);
    None when it asks none."""
    if question.kind != "list" or not _EACH_COUNT.search(question.normalized):
        return None
    asks = question.frame.asks if question.frame is not None else ()
    return next((a.units for a in asks if a.kind in ("number", "rate")), ())


def counted_parts(question: Question, sentence: str, year: int | None) -> list[str]:
    """"物业纠纷392件" for each item of the sentence's list of parts, when the list question asks a
    figure of each: the figures in the unit asked (levels of this year, no change or share of
    another), two or more, each with what it counts; [] otherwise."""
    units = each_count_units(question)
    if units is None:
        return []
    facts = sorted((f for f in _sentence_facts(sentence, year)
                    if not (f.change or f.plan or f.role in ("before", "previous")) and f.indicator
                    and (f.unit in units if units else f.unit not in ("%", "个百分点"))), key=lambda f: f.start)
    # the parts are one clause's list ("其中物业纠纷392件、邻里纠纷287件…", "分别为136件、87件"): the
    # longest run of figures with no clause break between them (not "受理3128件，审结2964件")
    runs: list[list[Fact]] = []
    for f in facts:
        if runs and not re.search(r"[，,；;。：:]", sentence[runs[-1][-1].end:f.start]):
            runs[-1].append(f)
        else:
            runs.append([f])
    run = max(runs, key=len, default=[])
    named = list(dict.fromkeys(normalize_numerals(f.indicator) for f in run))
    if len(run) < 2 or len(named) < len(run):
        return []  # one figure, or the same thing counted twice: no list of parts
    return [f"{normalize_numerals(f.indicator)}{f.display}" for f in run]


def titles_in(sentence: str) -> list[str]:
    """The 《…》 titles a sentence names (of laws, rules, plans)."""
    return _TITLE.findall(sentence)


_TITLE = re.compile(r"《[^》]{2,60}》")


def list_items(sentence: str, passage: str) -> list[str]:
    """Items of a list: 《…》 titles, 一是…二是… parts, or several quoted names."""
    titles = titles_in(sentence)
    if len(titles) >= 2:
        return titles
    # the sentence itself enumerates (一是…二是…), or it is one item of the passage's list
    markers = _ENUM_RE.findall(sentence)
    source = sentence if len(markers) >= 2 else passage
    if len(markers) >= 2:
        # ... and the list may go on after it ("一是…三是" here, "四是…五是" in the next chunk)
        nxt = _CN_DIGITS[(_CN_DIGITS.index(markers[-1][0]) + 1) % len(_CN_DIGITS)] + "是"
        start = passage.find(sentence[:20])
        if start >= 0 and nxt in passage[start + len(sentence):]:
            source = passage[start:]
    first = _ENUM_RE.search(source)
    if first and re.search(r"二是", source):
        parts = [p.strip("，。；;： \n") for p in _ENUM_RE.split(source[first.start():])]
        return [_clip(p) for p in parts if len(p) >= 4][:10]
    named = _SEGMENT_NAME.findall(source)
    if len(named) >= 2:  # "开展系列专项行动，“复议为民促和谐”，……；“以案治本”，……"
        return ["“" + n + "”" for n in named]
    colon = source.find("：")
    if colon >= 0 and source.count("；", colon) >= 2:  # "…存在一些短板：甲；乙；丙。"
        parts = [p.strip("，。；; ") for p in source[colon + 1:].split("；")]
        return [_clip(p) for p in parts if len(p) >= 4][:10]
    quoted = _QUOTED.findall(sentence)
    if len(quoted) >= 2:
        return ["“" + q + "”" for q in quoted]
    return []


def _clip(text: str) -> str:
    text = text.split("\n")[0]
    return text if len(text) <= _MAX_ITEM else text[:_MAX_ITEM] + "……"
