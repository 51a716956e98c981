"""Which fact of a sentence answers a numeric question: the one whose indicator (the phrase
the figure measures, from facts/) matches what the question asks — never merely the first
figure with a fitting unit.

The match is the rarity-weighted share of the question's terms that the fact's own words
(indicator, column label, share) cover, with the inherited topic counting less; the verb the
question puts before 多少 and the words it marks as its predicate bind hardest. Qualifiers
then rule facts in or out: a plan figure for a question about results, the earlier value of a
"由A增加至B", a change for a question about a level, a year column other than the asked year.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from facts import Fact
from facts.sentence import is_verb, names_a_kind, verbs
from zh.numerals import UNIT_CHARS, normalize_numerals
from zh.words import FRAMING_WORDS, QUESTION_WORDS, STAGES

# verbs of direction after a verb ("拿回来", "查出来"): they say where, not what was done
DIRECTIONAL_COMPLEMENTS = frozenset("回来 回去 出来 出去 起来 下来 下去 上来 上去 过来 过去 进来 进去".split())
# a verb's result complement ("评为优秀", "发给区县政府", "转到县里"): what it does is in the first character
RESULT_COMPLEMENTS = frozenset("为给到至成")


def _complemented(word: str) -> bool:
    return len(word) == 2 and word[1] in RESULT_COMPLEMENTS and word[0] not in RESULT_COMPLEMENTS
TOPIC_WEIGHT = 0.6  # an inherited subject says less about the figure than its own phrase
# The word right before 多少 names what is counted ("涉及总投资多少"); a word the question marks
# with 了/的 ("受理的…申请", "审批的项目…") tells stages apart when the anchor is shared.
ANCHOR_BONUS = 1.0
PREDICATE_BONUS = 0.6
BEFORE_WEIGHT = 0.8  # the raw words before the figure, when they match better than its phrase
FLOW_PENALTY = 0.5  # a total asked (一共有, 总数) but the figure is a flow (新增, 注销)
COLUMN_WEIGHT = 0.1  # a table cell: its own phrase's coverage, beyond the row's
PART_PENALTY = 0.3  # a part ("其中…") of a whole the question does not name
BOUND = 0.34  # below this match no fact answers: the sentence is about something else


@dataclass(frozen=True)
class Binding:
    fact: Fact
    score: float  # how well the fact's indicator matches the question (0 … ~2)


def fact_phrase(fact: Fact) -> str:
    return normalize_numerals(" ".join(p for p in (fact.indicator, fact.column, fact.share_of) if p)).lower()


_FLOW = re.compile(r"新增|新设|新批|新建|新创建|创建|新命名|新认定|新培育|新引进|引进|新接收|接收|新收|解除|注销|撤销|"
                   r"吊销|取缔|减少|增加")


def bind_score(fact: Fact, coverage: Callable[[str], float], anchor: str = "",
               predicates: tuple[str, ...] = (), named: tuple[str, ...] = (),
               stock: bool = False, before: str = "", part_of: str = "", row_asked: bool = False,
               done: str = "") -> float:
    """``before``: the words between the previous figure (or the clause start) and this one,
    which say what it counts when the extracted indicator is only a generic noun after the
    measure word ("…事项目录共列入《…》等7项事项"); ``part_of``: for a 其中 part, its whole's
    indicator, whose verb the part shares (办理 of 办理法律援助案件 for 其中刑事法律援助案件);
    ``row_asked``: the table row's label is a place the question names (its row is no unasked part);
    ``done``: what the rest of its clause says all of them went through ("43件全部转交…": 转交), whose
    verb is theirs."""
    own = fact_phrase(fact)
    topic = normalize_numerals(fact.topic).lower()
    whole = coverage(f"{topic} {own}")
    score = max(coverage(own), TOPIC_WEIGHT * coverage(topic), whole,
                BEFORE_WEIGHT * coverage(normalize_numerals(before).lower()))
    if fact.table and fact.column:
        # a row's cells share its label: the column's own words tell them apart ("第三季度｜查处交通违法（万起）｜…｜
        # 事故（起）" asked 交通事故: 事故)
        score += COLUMN_WEIGHT * coverage(own)
    if anchor and (anchor in own or anchor in part_of):
        score += ANCHOR_BONUS
    elif anchor and anchor in topic:
        score += ANCHOR_BONUS * TOPIC_WEIGHT
    if any(p in own or p in part_of or p in done for p in predicates):
        score += PREDICATE_BONUS
    if any(n in own for n in named):  # "输掉的比例" → 败诉率
        score += PREDICATE_BONUS
    if stock and _FLOW.search(own):  # "律师事务所总数" is not "新引进律师事务所4家"
        score -= FLOW_PENALTY
    elif (doing := _doers(fact)) and (stock or coverage(doing) == 0):
        score -= FLOW_PENALTY  # "有多少名网格员": not "1名网格员获评优秀网格员" (获评 unasked)
    if fact.share_of and coverage(normalize_numerals(fact.share_of).lower()) == 0:
        score -= PART_PENALTY  # "其中执业律师12名" counts the lawyers of an unasked whole
    elif fact.table and fact.topic and fact.column and coverage(topic) == 0 and not row_asked:
        score -= PART_PENALTY  # a row of a breakdown ("婚姻家庭纠纷｜调解成功率") nobody asked for
    elif fact.share_of and _unasked_qualifier(fact, coverage):
        score -= PART_PENALTY  # "共有多少家律师事务所": not "其中涉外律师事务所1家"
    return score


def _doers(fact: Fact) -> str:
    """The award or selection the figure counts the winners of ("1名网格员获评…": 获评; "3家律所被评为…" —
    the noun after the figure is its subject: some of them, not how many there are); "" for none."""
    if fact.table or not fact.indicator:
        return ""
    after = fact.source[fact.end:]
    if not after.startswith(fact.indicator):
        return ""
    # (what was done to them or won by them: "…案卷进行集中评查", "三百一十二个组织共排查…" count them all)
    m = _SINGLED_OUT.match(after[len(fact.indicator):])
    return m.group(0) if m else ""


def relative_clause(fact: Fact) -> str:
    """The clause with a verb that a figure's 的 makes a modifier of the ones counted ("对存在执法过错
    的三名民警…": 存在执法过错 — some of them, not how many there are); "" for none ("全市的…")."""
    if fact.table or not fact.source[:fact.start].endswith("的"):
        return ""
    clause = re.split(r"[，,；;。：:]", fact.source[:fact.start - 1])[-1]
    return clause if set(verbs(clause)) - _HAVING else ""  # ("全局现有的1200名民警": all of them)


_HAVING = frozenset({"有", "现有", "共有", "拥有", "总共", "共计", "合计", "累计"})


# a verb that singles out some of the ones counted: an award, a selection
_SINGLED_OUT = re.compile(r"(?:荣获|获评|被评为|被授予|被命名为|被确定为|入选|入围|受到表彰)")


def _unasked_qualifier(fact: Fact, coverage: Callable[[str], float]) -> bool:
    """A part named as its whole plus a qualifier the question does not say: 涉外 of
    涉外律师事务所 (whole 律师事务所)."""
    indicator = normalize_numerals(fact.indicator).lower()
    whole = normalize_numerals(fact.share_of).lower()
    if len(whole) < 2 or not indicator.endswith(whole[-2:]):
        return False
    # the indicator less the whole, or less the whole's head noun when it repeats only that
    extra = indicator.removesuffix(whole) if indicator.endswith(whole) else indicator[:-2]
    # (less the verb it shares with its whole: 查处 of "查处治安案件…，其中查处赌博、涉黄等治安案件2033起")
    verb = next((v for v in verbs(extra[:4]) if extra.startswith(v)), "") if len(extra) > 3 else ""
    if verb and verb in normalize_numerals(fact.source[:fact.start]).lower().split("其中")[0]:
        extra = extra[len(verb):]
    return len(extra) >= 2 and coverage(extra) == 0


# Words that scope or link a figure rather than say which thing it measures.
_GENERIC_NOUNS = frozenset({"案件", "案子"})
_SCOPE_WORDS = frozenset("全年 全市 全区 全县 全省 全镇 全局 累计 其中 共计 总计 合计 依法 全部 各级 "
                         "年度 当年 本年 今年 去年 目前 现有 截至 年底 达到 实现 完成 开展 办理".split())


# a word the question puts after a preposition is who an act is for or to, not what kind it is
# (or the role it is done in: "当被告应诉", "作为被申请人")
_PREPOSITION_BEFORE = re.compile(r"(?:替|代替|代表|帮|为了|向|对|当|作为)$")


def qualifier_conflict(asked: list[str], fact: Fact, words: Callable[[str], list[str]],
                       question: str, before: str = "", synonyms: tuple[str, ...] = (),
                       list_head: Callable[[], str] | None = None, earlier: tuple[str, ...] = ()) -> bool:
    """The fact measures a sibling of what is asked: the question and the fact name the same
    head ("纠错率", "涉及金额") with different qualifiers right before it — "综合纠错率" asked,
    "直接纠错率" stated; "人民调解涉及金额" asked, "合同审查涉及金额" stated. ``asked``: the
    question's own words in their order; ``synonyms``: report terms its words may stand for
    ("补贴" → 兑现), never a conflict; ``list_head``: gives the first item of the 、 list the fact
    is a later item of (asked for only when needed), which names what a fact with only a verb before
    its head is of ("发生生产安全事故11起、死亡9人": the 死亡 of 生产安全事故); ``earlier``: the
    indicators of the sentence's figures before this one — a count that names the asked qualifier
    says what a rate after it is of ("一审行政诉讼案件612件，行政机关败诉率为6.8%" answers
    行政诉讼败诉率), unless it is a sibling with the same head. Such a fact answers another question."""
    own = fact_words(fact, before)
    tokens = [t for t in words(normalize_numerals(fact.indicator).lower()) if t.strip()]
    if not asked or not tokens or asked[-1] not in own:
        return False  # the fact does not even name what the question ends on
    i = len(asked) - 1
    j = max((k for k, t in enumerate(tokens) if asked[i] in t), default=-1)
    if j < 0:
        return False
    head = tokens[j]

    def said_before(k: int) -> bool:  # the qualifier (asked[k], 3+ characters with the word before
        # it: not 机关 of 公安机关) names an earlier count of the sentence
        phrase = asked[k] if len(asked[k]) >= 3 or k == 0 else asked[k - 1] + asked[k]
        return len(phrase) >= 3 and any(phrase in e and not e.endswith(head) for e in earlier)

    if i > 0 and len(head) > len(asked[i]) and head.endswith(asked[i]):
        # one word qualifies the head its own way: "物业纠纷" asked, "受理矛盾纠纷" stated
        mine, theirs = asked[i - 1], head[:-len(asked[i])]
        # (sharing a character they are rather one word written two ways: 调介 for 调解)
        if len(mine) >= 2 and len(theirs) >= 2 and mine not in own and theirs not in question \
                and mine + asked[i] in question and not {mine, theirs} & _SCOPE_WORDS and not set(mine) & set(theirs) \
                and not _PREPOSITION_BEFORE.search(question[:question.find(mine + asked[i])]):
            return True  # (not the role it is done in: "当被告应诉" is 出庭应诉 too)
    i, j = i - 1, j - 1
    shared = 1  # the head words both name, from the end
    while i >= 0 and j >= 0 and (asked[i] == tokens[j] or asked[i] in own):
        if asked[i] == tokens[j]:
            j -= 1
            shared += 1
        i -= 1
    if i < 0 or j < 0:
        return False
    mine, theirs = asked[i], tokens[j]
    if theirs in _GENERIC_NOUNS and j > 0:  # "一审行政诉讼案件败诉率": the kind before the generic noun
        theirs = tokens[j - 1]
    # a word the segmenter glued to the head both name ("医疗卫生" of 医疗卫生案件, 卫生 asked too)
    glued = next((a for a in asked[i + 1:] if len(a) >= 2 and len(theirs) > len(a) and theirs.endswith(a)), "")
    if glued:
        theirs = theirs[:-len(glued)]
        shared += 1
    # before a compound head both name ("…卫生案件"), a word the tagger reads as a verb qualifies it
    # as a kind when the fact's word there is one: 放射卫生案件 is no 医疗卫生案件
    kind = names_a_kind(mine) or shared >= 2 and is_verb(mine) and names_a_kind(theirs) and not is_verb(theirs)
    if "".join(asked[i:]) not in question:
        return False  # not one phrase of the question ("收集了多少条公众意见": no qualifier)
    if list_head is not None and is_verb(theirs) and (head := list_head()) \
            and all(a in head for a in asked[:i + 1]):
        return False
    if _PREPOSITION_BEFORE.search(question[:question.find("".join(asked[i:]))]):
        return False  # the object of a preposition, no kind of the act: "替政府出庭应诉" is 带头出庭应诉 too
    # (a pronoun names no kind: "这种举报投诉" qualifies nothing)
    # (a generic noun qualifies no kind: "案件调解成功率" is the 劳动人事争议 ones' of a report on them)
    return (len(mine) >= 2 and len(theirs) >= 2 and mine not in _SCOPE_WORDS and theirs not in _SCOPE_WORDS
            and theirs not in _GENERIC_NOUNS and theirs not in question
            and not any(theirs in a or a in theirs for a in (*asked, *synonyms))
            and kind and not said_before(i))


def other_part_asked(facts: list[Fact], asked: list[str], words: Callable[[str], list[str]],
                     qualifier: Callable[[str], tuple[str, ...]]) -> bool:
    """The sentence's 其中 parts are named by a head the question uses with a qualifier none of
    them (nor their whole) has: "应急管理领域办了多少件行政处罚案件" against "办理行政处罚案件3268件，
    其中市场监管领域1126件、交通运输领域874件": a part the report does not give — neither a
    sibling part nor the whole answers it. ``asked``: the question's words (normalised, lower
    case), in order; ``qualifier``: a question word as the reports may write it (itself and its
    word-table terms), () for a word that names no kind (自己, 这些: no qualifier)."""
    for source in {f.source for f in facts if f.share_of and not f.table}:
        parts = [normalize_numerals(f.indicator).lower() for f in facts if f.source == source and f.share_of]
        wholes = {normalize_numerals(f.share_of).lower() for f in facts if f.source == source and f.share_of}
        # the noun the parts are named by (领域 of 市场监管领域), not a verb (办理 of 乡镇（街道）办理)
        heads = {tokens[-1] for p in parts if len(tokens := words(p)) >= 2 and len(tokens[-1]) >= 2
                 and not is_verb(tokens[-1])}
        if any(w in p for t in asked if len(t) >= 2 and t not in heads and t not in _SCOPE_WORDS
               for w in qualifier(t) if len(w) >= 2 and not any(w in whole for whole in wholes) for p in parts):
            continue  # "跟物业闹矛盾的纠纷": the question names a part given (物业纠纷 1036件)
        for k, token in enumerate(asked):
            if k == 0 or token not in heads:
                continue
            mine = asked[k - 1]
            if len(mine) < 2 or not re.fullmatch(r"[\u4e00-\u9fa5]+", mine) or mine in _SCOPE_WORDS or mine in _LINK:
                continue
            said = qualifier(mine)
            named = [w for w in qualifier(mine + token) if w != mine + token]
            if named and any(w in normalize_numerals(f.indicator).lower() for w in named
                             for f in facts if f.source == source):
                continue  # "民间纠纷": by the word tables the 矛盾纠纷 the sentence counts, no part of it
            if said and not any(w in p for w in said for p in (*parts, *wholes)):
                return True
    return False


# a figure said as a target after the fact ("年初确定的…95%以上的目标如期实现", "…达到98%的目标任务")
_TARGET_AFTER = re.compile(r"(?:以上|以下|以内)?的?(?:工作)?目标")


def set_as_target(fact: Fact) -> bool:
    """A plan's figure, or one followed by 的目标 ("…出庭应诉率95%以上的目标如期实现")."""
    return fact.plan or _TARGET_AFTER.match(fact.source, fact.end) is not None


def admissible(fact: Fact, years: list[int], report_year: int | None, about_plans: bool,
               asks_change: bool, asks_before: bool) -> bool:
    """Qualifiers that rule a fact out whatever its indicator."""
    if set_as_target(fact) and not about_plans:
        return False
    if fact.role in ("before", "previous") and not asks_before and not (years and fact.year in years):
        return False  # the earlier value of 由A至B or 较上年的A — unless its own year is the asked one
    if fact.change and not asks_change:
        return False
    if fact.change and len(years) >= 2 and (fact.year or report_year) not in (None, max(years)):
        return False  # "今年比去年压减了多少" (2026 vs 2025): not the 2025 report's change on 2024
    if years and fact.year is not None:
        # a year column, or "2022年…" in the clause: about the asked year or not
        return fact.year in years
    # a figure of another year's report, with no year of its own, is not about the asked year
    return not (years and report_year is not None and report_year not in years and not about_plans)


_WITHIN = frozenset({"中", "当中", "之中", "其中"})
_WITHIN_HAS = frozenset({w + "有" for w in _WITHIN})  # ("中有": one word to the tokenizer)
# "治安案件里赌博案件有多少起": 里 after a count of things makes a part too (not "执法人员里，",
# "一年里")
_WHOLE_OF_THINGS = re.compile(r"(?:案件|案子|纠纷|诉求|申请|事项|投诉|举报|信访|违法行为|诈骗)$")
_SAID_AS = frozenset({"被", "是", "属于", "为"})  # what the counted things are, after the ask
_ASK_END = frozenset({"多少", "几", "有多少", "各有", "各", "是多少", "为多少", "占", "占比", "比例", "有", "是",
                      "为", "共", "共有", "一共", "达"})
# words that link or frame a part without naming it ("其中婚姻家庭方面的": 婚姻家庭)
_LINK = frozenset({"的", "了", "作出", "被", "予以", "依法", "属于", "涉及", "有关", "相关", "各", "分别",
                   "一类",
                   # what a complaint or a call is about ("反映大气污染问题的", "问婚姻家庭问题的"): the
                   # matter is the kind, the verb and 问题 frame it
                   "反映", "关于", "问题",
                   # determiners, all of what the noun says (also 所有 cut from "国资所有多少家")
                   "所有", "全部",
                   # how a case ended, said of any part ("最后双方说和了事的")
                   "最后", "最终", "双方",
                   # the verbs that put a procedure or list to use, which reports say or leave out alike
                   # ("其中适用简易程序的", "其中简易程序1.58万件")
                   "适用", "进行",
                   # how exactly the figure is wanted, nothing of what it counts ("投诉大概有多少件")
                   "大概", "大约", "大致", "差不多", "将近", "接近", "估计", "左右"}) | FRAMING_WORDS


@functools.lru_cache(maxsize=1024)  # asked for every sentence and ask of one question
def asked_part(question: str, cut: Callable[[str], list[str]],
               whole_words: bool = False) -> tuple[tuple[str, ...], ...]:
    """The parts asked of a whole, each as the words that single it out: "法律援助案件中刑事
    案件有多少" → ((刑事案件,),); "其中适用简易程序的有多少" → ((简易程序,),); "中维持、
    驳回、直接纠错的各有多少" → ((维持,), (驳回,), (直接, 纠错)). Whatever the whole's words
    are, a figure of the whole does not answer it. Empty when the question asks no part.
    ``cut``: every word of a text, particles included; ``whole_words``: also a part named only by
    words of the whole's name ("投诉举报中投诉"), which only a 其中 part of the whole answers."""
    return part_and_whole(question, cut, whole_words)[0]


def part_and_whole(question: str, cut: Callable[[str], list[str]],
                   whole_words: bool = False) -> tuple[tuple[tuple[str, ...], ...], str]:
    """:func:`asked_part`, and the text before the part: the whole it is asked of ("行政复议案件中，征收
    拆迁类有多少件" → 行政复议案件, with the question's place and time words)."""
    tokens = _graded(cut(question))
    counted = not _SHARE_ASKED.search(question)
    for i, t in enumerate(tokens):
        if not _within(tokens, i, counted) or (t != "其中" and i == 0):
            continue
        whole = "".join(tokens[:i])
        items: list[list[str]] = [[]]
        rest = tokens[i + 1:]
        # the ask before the part, said as what they are: "…里有多少本被评为优秀", "有几件是撤销的"
        asked_first = said_as = False
        if rest and rest[0] in "，,":  # "38.42亿元罚没金额中，市场监管部门罚了多少"
            rest = rest[1:]
        for w in rest:
            if w in _OR:  # "中维持、驳回、直接纠错的各有多少": any of the listed parts
                items.append([])
                continue
            if asked_first and not said_as and w in _SAID_AS:
                said_as = True
                continue
            if w in _ASK_END or w.startswith(("几", "多少")) or not re.search(r"[\u4e00-\u9fa5]", w):
                if not any(items) and w not in "，,。？?":
                    asked_first = True
                    continue
                break
            if asked_first and not said_as:
                if len(w) > 1:
                    break  # ("合同里，有多少份事先请法律上把过关": a clause of how, no part named)
                continue  # (the measure word: 本, 份, 件)
            items[-1].append(w)
        own = tuple(tuple(w for w in item if len(w) >= 2 and w not in outside_names(whole, whole, w)
                          and w not in _LINK and w not in QUESTION_WORDS) for item in items)
        own = tuple(item for item in own if item)
        if own:
            return own, whole
        if whole_words:  # "受理投诉举报中投诉有多少": the part is named by a word of the whole's name
            said = tuple(tuple(w for w in item if len(w) >= 2 and w not in _LINK) for item in items)
            return tuple(item for item in said if item), whole
    return (), ""


_QUOTED_NAME = re.compile(r"“([^”]+)”")


def outside_names(text: str, source: str, word: str) -> str:
    """``text`` without the names quoted in ``source`` that hold ``word`` inside a longer name:
    差评 is no word of “好差评” (the rating system), only of what it counts ("“好差评”…评价当中差评")."""
    for name in _QUOTED_NAME.findall(source):
        if word in name and name != word:
            text = text.replace(name, " ")
    return text


def _graded(tokens: list[str]) -> list[str]:
    """A grade said by its letter ("D类", "A级") as one word, however the tokenizer cut it ("D", "类有"); a
    category likewise ("投诉", "类有" → 投诉类, 有: the 类 is the kind's, not the verb's). Words the tokenizer
    glued across the part's frame are cut apart again: "中有" → 中, 有; after the ask, a measure word and 是
    ("多少", "名是" → 名, 是)."""
    out: list[str] = []
    for t in tokens:
        if t in _WITHIN_HAS or out and len(t) == 2 and t[1] == "是" and t[0] in UNIT_CHARS \
                and out[-1].endswith(("多少", "几")):
            out.extend((t[:-1], t[-1]))
        elif out and (re.fullmatch(r"[A-Za-z]", out[-1]) and t[:1] in "类级档等"
                    or len(t) == 2 and t[0] == "类" and t[1] in "有的是占"
                    and re.fullmatch(r"[\u4e00-\u9fa5]{2,}", out[-1])):
            out[-1] += t[0]
            if t[1:]:
                out.append(t[1:])
        else:
            out.append(t)
    return out


_OR = frozenset({"、", "/", "或", "或者", "和", "及", "以及"})
# (not "占多少件": a count of the part, in the whole's measure)
_SHARE_ASKED = re.compile(r"占(?!了?(?:多少|几)[件起个项家名人户条宗批所场])|比例|比率|比重|几成|百分之|"
                          r"[\u4e00-\u9fa5]率")
# a span of time or a document, no whole of things ("这一年里", "2024年报告里全市有多少名…")
_SPAN_OF_TIME = re.compile(r"年|月|季度|期间|时间|时候|阶段|以来|这些|那些|报告|年报|文件|材料|表格|名单|网站|统计")


def _within(tokens: list[str], i: int, counted: bool = False) -> bool:
    """Whether tokens[i] opens a part of the whole before it: 中/其中, or 里 after a count of things
    ("治安案件里赌博案件"), or — a count asked, not a share — 里 after any whole that is no span of
    time ("出入境证件里，普通护照有多少本", "社区矫正对象里 缓刑的有多少"; not "执法人员里，有证的占多少")."""
    if tokens[i] in _WITHIN:
        return True
    if tokens[i] not in ("里", "里面") or i == 0:
        return False
    after = next((t for t in tokens[i + 1:] if t not in "，, "), "")
    if not re.match(r"[\u4e00-\u9fa5]", after):
        return False
    whole = tokens[i - 1]
    if _WHOLE_OF_THINGS.search(whole) and (tokens[i + 1] not in "，, " or counted):
        return True  # (a count asked: "复议案子里，谈和了结的有多少件" too)
    return (counted and bool(re.search(r"[\u4e00-\u9fa5]{2}$", whole)) and not _SPAN_OF_TIME.search(whole)
            and _names_a_part(after) and (i < 2 or tokens[i - 2] not in ("在", "到", "从", "去")))  # 在社区里: a place


def _names_a_part(word: str) -> bool:
    """A word that can single out a part ("普通护照", "缓刑的", "苹溪县"): not a word of place or
    direction ("手上", "里面"), a pronoun, an adverb, a particle or a number."""
    from facts.sentence import pos_words

    tags = pos_words(word)
    return bool(tags) and tags[0][1][:1] not in ("s", "f", "r", "d", "p", "c", "u", "m", "q", "t")


# The government side as a whole, the actor of every report ("一审行政诉讼案件中行政机关败诉了多少件"): it
# names who did what is asked, no part of it ("其中败诉27件" says no actor, the report being the
# government's own).
GOVERNMENT_ACTORS = frozenset({"行政机关", "政府", "机关", "政府部门", "行政部门", "政府机关"})


# items joined by 、 and closed by 等 ("撤销、变更、确认违法等方式"): what a figure after them sums up
_SUMMED_LIST = re.compile(r"[\u4e00-\u9fa5]{1,8}(?:、[\u4e00-\u9fa5]{1,8})+等")


def names_the_part(fact: Fact, part: tuple[tuple[str, ...], ...], before: str = "",
                   said: Callable[[str], tuple[str, ...]] = lambda w: (w,), question: str = "") -> bool:
    """The fact's own words, its topic (a table row's label) or the words before it name one
    of the parts: a word of it, and its other words are there or elsewhere in the sentence
    ("行动中，行政争议的调解成功率": 调解成功率 is the fact's, 行政争议 the sentence's).
    ``said``: a word and the word table's terms for it (城管 → 城市管理); words that name no
    kind (之间 of 邻里之间) need not be there."""
    own = fact_words(fact, before)
    # (a name the source quotes that the question says as words of its own — "其中黑出租有多少辆" of
    # "“黑出租”412辆" — is the asked thing's name, never another thing's that holds the word)
    quoted, unquoted = fact.source[:fact.start], _QUOTED_NAME.sub(" ", question)
    for name in _QUOTED_NAME.findall(quoted):
        if name in unquoted:
            quoted = quoted.replace(f"“{name}”", " ")
    sentence = normalize_numerals(fact.source).lower()

    whole = normalize_numerals(fact.share_of).lower()

    def there(w: str, text: str) -> bool:
        # (a verb with a result complement — 评为, 发给 — is said by its first character's verb: 评定优秀,
        # 向…发出; one with a directional one — 追回来 — by the verb before it: 追回)
        if len(w) == 3 and w[-1] in "来去" and w[-2:] in DIRECTIONAL_COMPLEMENTS:
            w = w[:-1]
        return any(a in text for a in said(w)) or _complemented(w) and any(
            v.startswith(w[0]) for v in verbs(text))

    def of_category(w: str) -> bool:  # "大气污染" of a breakdown's "大气类268件": the category it opens
        return len(w) >= 3 and any(f"{w[:k]}类" in own for k in range(2, len(w)))

    # (a word said only in a list of the ways or kinds the figure sums up — "通过撤销、变更、确认违法等方式
    # 纠错23件" — names no part of its own: 撤销 is counted in 23件, not by it)
    unlisted = _SUMMED_LIST.sub(" ", own) if "分别" not in sentence else own

    def its_own(w: str) -> bool:
        # … or "行政案件" of "行政法律援助案件" (a 其中 part of 法律援助案件): the kind said before the
        # whole's head noun, the whole's other words left out
        return there(w, outside_names(unlisted, quoted, w)) or of_category(w) or len(w) >= 4 and whole.endswith(
            w[-2:]) and re.search(rf"{re.escape(w[:-2])}{re.escape(whole[:-2])}{re.escape(w[-2:])}", own) is not None

    # (a verb of two characters before the kind says how it was done — 调解 of "调解结案" — and
    # must be there too: 审结164件 is no count of cases closed by mediation)
    # (a directional complement — 回来 of 拿回来 — is grammar, no verb of the report's)
    items = [kept for item in part
             if (kept := [w for w in item if names_a_kind(w) or len(item) > 1 and len(w) >= 2 and is_verb(w)
                          and w not in DIRECTIONAL_COMPLEMENTS]
                 or [w for w in item if w not in DIRECTIONAL_COMPLEMENTS] or list(item))]
    # (a stage said twice in two words, "立案受理的": one of them is enough — the one the sentence says)
    items = [_one_per_stage(item, lambda w: its_own(w) or there(w, sentence)) for item in items]
    # (the government named as the actor — 行政机关 of 行政机关败诉 — need not be said again)
    return any(any(its_own(w) for w in item) and all(its_own(w) or there(w, sentence) or w in GOVERNMENT_ACTORS
                                                     for w in item)
               for item in items)


def _one_per_stage(item: list[str], said: Callable[[str], bool]) -> list[str]:
    """The item with one word of each case stage it names twice (立案受理 → 受理 when that is what is said)."""
    out: list[str] = []
    for w in item:
        stage = next((st for st in STAGES if w in st), None)
        if stage is None:
            out.append(w)
            continue
        if any(v in stage for v in out):
            continue
        out.append(next((v for v in item if v in stage and said(v)), w))
    return out


def fact_words(fact: Fact, before: str = "") -> str:
    """Everything that says what the fact counts, normalised: its topic (a table row's label,
    an inherited subject), indicator, column label, whole, and the words before it."""
    return normalize_numerals(" ".join(p for p in (fact.topic, fact.indicator, fact.column, fact.share_of,
                                                   before) if p)).lower()


def _stages(text: str) -> set[int]:
    return {k for k, words in enumerate(STAGES) if any(w in text for w in words)}


@functools.lru_cache(maxsize=256)  # one question, every fact of every sentence
def _asked_stages(question: str) -> frozenset[int]:
    # (a part asked within its whole, "受理行政复议申请中直接纠错了几件": the whole's stage is not asked)
    return frozenset(_stages(re.split(r"其中|当中|之中|[中里]", question)[-1]))


def other_stage(question: str, fact_text: str) -> bool:
    """The question asks one stage of a case's life (zh.words.STAGES: "破获了多少起") and the
    fact counts another only ("发案1127起"): it answers another question."""
    asked = _asked_stages(question)
    if len(asked) != 1:
        return False  # no stage asked, or several ("受理和办结…"): the words decide
    said = _stages(fact_text)
    return bool(said) and not said & asked


def pair_partner(fact: Fact, facts: list[Fact]) -> Fact | None:
    """The other value of the 由A增加至B pair ``fact`` is one of ("由412件增加到468件": 412件 for
    468件 and the other way round): the first of ``facts`` in the same sentence with the same
    indicator and unit and the other role, on the right side of it; None for no pair."""
    if fact.role == "after":
        return next((g for g in facts if g.role == "before" and g.source == fact.source
                     and g.indicator == fact.indicator and g.unit == fact.unit and g.end <= fact.start), None)
    if fact.role == "before":
        return next((g for g in facts if g.role == "after" and g.source == fact.source
                     and g.indicator == fact.indicator and g.unit == fact.unit and g.start >= fact.end), None)
    return None
