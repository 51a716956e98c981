"""Follow-ups merged with the conversation: each turn's frame computed once, in order.

:func:`follow` reads a follow-up against the previous turn's frame (``bot.frame``): the
follow-up's slots replace the previous ones, the slots it does not state are inherited:

* "那2024年呢？" / "前年呢？" / "石湾呢？"      → the year / region replaced;
* "那执业律师呢？" / "那罚没金额呢？"           → the indicator replaced, region and year kept;
* "比例呢？" / "占比呢" / "成功率呢？"          → a rate of the same thing (count → rate);
* "审结了多少？" / "那撤销的呢？" / "它纠错了几件" → the predicate swapped;
* "它/这个…" with a quoted name in the previous turn → that name;
* "这种调解室…" / "这个中心…"                 → the noun the previous turn named ("品牌调解室");
* "增长了多少？" / "比上一年多了多少？" / "和2022年比呢？" → a comparison of the previous
  figure's year with the one named (the year before when none is); "两年加起来呢？" a sum;
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
from dataclasses import replace

from bot.frame import NOUNISH, SHARE_WORD, Ask, Frame, named_thing, parse, rate_question, split_number_clause
from facts.sentence import ends_with_verb, is_verb
from zh.dates import PERIOD_OF_YEAR, YEAR_WORD_RE
from zh.words import (
    ASKING_WORD,
    BODY_KIND,
    CHANGE_ASK,
    DEMONSTRATIVE,
    GENERIC_NOUNS,
    LEAD_WORDS,
    MEASURE,
    MONEY_WORDS,
    MORE_OR_LESS,
    PLAN_WORDS,
    RATIO_WORDS,
    RESULT_ASKED,
    STAGES,
    TAIL_WORDS,
    UNIT_FAMILIES,
)

_PRONOUN_LEAD = re.compile(r"^(?:它们|它|其|这个|该项|这项)")
# (a one-character verb is a verb: "结了多少件"; not 占/有/是/为/共, which ask a share or a count)
_VERB_ASK = re.compile(r"^(?P<pred>[\u4e00-\u9fa5](?![了过的])[\u4e00-\u9fa5]|(?![占有是为共])[\u4e00-\u9fa5])"
                       rf"(?:了|过|的)?(?:(?P<ask>多少|几)(?P<measure>{MEASURE})?)?$")
# Words before a follow-up's verb that say when or how in all, not what ("最后调成了多少起", "一共结了几件")
_HOW_IT_ENDED = re.compile(r"^(?:最后|最终|后来|结果|一共|总共|实际上?|真正)")
# What a follow-up may ask instead of the previous question's ask.
_ASK = re.compile(r"(?:有)?多少[\u4e00-\u9fa5]?|几[个家件名项次人份条所位场批期]|有哪些|哪些|"
                  r"是什么|什么|是多少|比例|占比|比率|百分比")
# A follow-up that asks only what kind of answer it wants ("具体有哪些措施？"), and that ask at
# the end of a question.
_ASK_ONLY_WORDS = (r"(?:具体|主要|分别)?(?:有哪些|是哪些|哪些|包括哪些|有什么|是什么)"
                   r"(?:措施|举措|做法|内容|情况|方面|成效|事项)?(?:是多少|多少|呢)?$")
_ASK_ONLY = re.compile("^" + _ASK_ONLY_WORDS)
_ASK_ONLY_TAIL = re.compile(_ASK_ONLY_WORDS)
_SHARE_ASK = re.compile(r"(?<=[率例比])(?:是|为|有)?(?:多少|几何|多大|多高)$")
_TO_LEVEL = re.compile(r"(?:增加|增长|提高|提升|下降|降低|减少|上升|降|涨)(?:到|至)")  # asks the level
_MODIFIER = r"[^\s，,。？?！!、：:；;“”《》\"有是的了在和与及等个么什哪年月日\d]"


# A part of the year a table's columns may be ("第一季度｜第二季度｜…｜全年"): a follow-up naming one
# asks the previous question of that period, as "那2024年呢" asks it of that year
_PERIOD = re.compile(rf"{PERIOD_OF_YEAR}|(?<![\d一二三四五六七八九十])"
                     r"(?:1[0-2]|[1-9]|十[一二]|[一二三四五六七八九十])月份?")
# what may follow a part of the year a follow-up names: "单月", "当月", or the previous ask again ("罚了多少")
_PERIOD_TAIL = re.compile(r"(?:单月|当月|单季|当季|这个月|那个月)?(?:的)?"
                          r"(?:呢|[\u4e00-\u9fa5]{0,4}?(?:多少|几)[\u4e00-\u9fa5]{0,2})?")
# a sum word of the whole year's ask, said of no part of it ("一共罚款多少" asked of one month)
_SUM_WORD_AT = re.compile(r"^(?:一共|总共|全年|共计|合计|累计)")


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
        # "荏原市2024年萸溪县的…" then "荏东呢": the place the question is about, named last,
        # gives way — the report's place named first stays
        # ("芹湾区芹湖街道…" then "芹西街道呢": the place of the new one's level gives way, the district stays)
        from bot.frame import named_places
        from bot.query import place_level

        named = [r for r in prev.regions if r in text]
        same = [r for r in named if place_level(r) == place_level(regions[0]) != 9] or [
            # (or a place the previous question named beside its report's place, of the new one's level)
            p for p in named_places(text) if p not in named and p != regions[0]
            and place_level(p) == place_level(regions[0]) != 9 and not any(p in r for r in prev.regions)]
        old_place = max(same or named, key=text.rfind) if named else None
        text = text.replace(old_place, regions[0], 1) if old_place is not None else regions[0] + text
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
    return _place_and_year(prev, years, regions)


def _place_and_year(prev: Frame, years: Sequence[int], regions: Sequence[str]) -> str:
    """The follow-up's places and year, or the previous question's first ones: "明湖区2022年"."""
    regions = list(regions) or list(prev.regions[:1])
    years = list(years) or list(prev.years[:1])
    return "".join(regions) + "".join(f"{y}年" for y in years[:1])


def _stage(word: str) -> int | None:
    """Which stage of a case's life the verb names (zh.words.STAGES), None for none."""
    return next((k for k, stage in enumerate(STAGES) if word in stage), None)


def _swap(prev_ask: Ask, pred: str, ask: str = "", measure: str = "") -> str | None:
    parts = split_number_clause(prev_ask.text) if prev_ask.kind == "number" else None
    if not parts or not parts["pred"]:
        return None
    if len(pred) == 1 and NOUNISH.search(parts["pred"]):
        return None  # "破了多少起" after "…立案多少起": 破 of 破案, not a verb in 立案's stead (read as a whole)
    head = parts["head"]
    tail = parts["tail"]
    sibling = next((tail[i:i + 2] for i in range(len(tail) - 1) if len(pred) == 2 and tail[i:i + 2] != pred
                    and tail[i + 1] == pred[-1] and re.fullmatch(r"[\u4e00-\u9fa5]{2}", tail[i:i + 2])), None)
    if sibling is None and not ask and len(pred) == 2 and not is_verb(pred):
        # "行政的呢" after "办了多少件刑事法律援助案件": no verb but a kind — the counted thing's
        # first word of its kind (刑事) swapped, the verb kept
        from vectorstore.tokenizer import shared_tokenizer

        first = (shared_tokenizer().cut(tail) or [""])[0]
        if len(first) == 2 and first != tail and first != pred and not is_verb(first) \
                and re.fullmatch(r"[\u4e00-\u9fa5]{2}", first):
            sibling = first
    if sibling and not ask:  # "那离婚的呢" after "办理了多少对结婚登记": 离婚登记, still 办理
        return head + parts["pred"] + parts["le"] + parts["fill"] + parts["ask"] + parts["measure"] \
            + tail.replace(sibling, pred, 1)
    if parts["le"] and re.fullmatch(r"[\u4e00-\u9fa5]{2}", head):
        head = ""  # "立案查处了多少件": a two-verb predicate goes whole
    if measure and parts["measure"] and measure not in UNIT_FAMILIES.get(parts["measure"], (parts["measure"],)):
        # "覆盖了多少人" after "开展了多少场普法讲座": the thing counted before is the topic now
        return head + parts["tail"] + pred + parts["le"] + parts["fill"] + (ask or parts["ask"]) + measure
    return (head + pred + parts["le"] + parts["fill"] + (ask or parts["ask"])
            + (measure or parts["measure"]) + parts["tail"])


# "法律援助案件里刑事的有多少": a part asked within its whole (里/中/当中/其中)
_PART_WITHIN = re.compile(r"^(?P<whole>[\u4e00-\u9fa5]{2,}?)(?:里面|里|当中|之中|其中)"
                          r"(?P<part>[\u4e00-\u9fa5]{1,6}?)的?(?P<ask>(?:有|是)?(?:多少|几)[\u4e00-\u9fa5]?)$")


def _other_kind(ask: str, word: str) -> str:
    """``ask`` with its kind swapped for ``word``, another kind of the same set (bot/contrasts.txt):
    "那二审呢？" after "一审行政诉讼败诉率是多少" asks 二审行政诉讼败诉率; "" when none."""
    from bot.lexicon import contrasts

    for kinds in contrasts():
        if not any(word in spellings for spellings in kinds):
            continue
        said = [s for spellings in kinds if word not in spellings for s in spellings if s in ask]
        if said:
            other = max(said, key=len)
            return ask.replace(other, word, 1)
    return ""


def _replace_indicator(prev_ask: Ask, word: str) -> str:
    if swapped := _other_kind(prev_ask.text, word):
        return swapped
    kind = _kind_of(prev_ask.text)
    if kind and word.endswith("类") and word != kind.group():
        # "药品医疗器械类呢？" after "食品安全类案件罚没了多少钱": the other kind, asked the same way
        return prev_ask.text[:kind.start()] + word + prev_ask.text[kind.end():]
    parts = split_number_clause(prev_ask.text) if prev_ask.kind == "number" else None
    if parts and parts["pred"] and parts["head"] and not parts["tail"] and len(word) <= 4 \
            and not NOUNISH.search(word):
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
    last = prev
    prev = prev.context or prev
    base_year = prev.years[0] if prev.years else None
    question = _places_counted(_other_place(question, last.regions or prev.regions, known), known)
    question = _these_named(prev, question)
    cur = parse(question, known, today, base_year)
    there = _PLACE_PRONOUN.match(cur.resolved)
    town = _TOWN_NAMED.search(last.resolved or last.text) if there is not None and not cur.regions else None
    if there is not None and town is not None and not any(town.group() in r for r in last.regions):
        # "那里…" after a town or street, which is no region of the reports ("瀕溪镇2025年追回了多少医保
        # 基金？" then "那里查处了几起欺诈骗保案件？"): the town
        cur = replace(cur, resolved=town.group() + cur.resolved[there.end():])
    elif there and last.regions and not cur.regions:
        # "那里的调解成功率呢？": the place the last turn named ("其中荛溪镇有多少件？")
        cur = replace(cur, resolved=last.regions[-1] + cur.resolved[there.end():], regions=last.regions[-1:])
    text, context = _body_at_level(prev, cur, known), None
    if text is None:
        text = _merge(prev, answer, cur, earlier)
    if text is None:  # several follow-ups in one turn
        text, context = _each_ask(prev, answer, cur, earlier, known, today)
    text = _thing_carried(prev, text)
    # a body the opening names said again after the year ("…农业农村局2025年农业农村局罚没款"): once
    text = _REPEATED_BODY.sub(r"\1\2", text)
    merged = parse(text, known, today, typed=question)
    return replace(merged, notes=("merged",), named=merged.named or prev.named, context=context)


# a turn that asks by its verb alone ("那全县市场监管局一共受理了多少？"), and what the turn before counted
# with that verb ("…受理了多少件投诉举报？")
_VERB_ONLY_ASK = re.compile(rf"(?P<verb>[\u4e00-\u9fa5]{{2}})了?(?:多少|几)(?P<measure>{MEASURE})?[？?]$")


def _thing_carried(prev: Frame, text: str) -> str:
    """``text`` with the thing the turn before counted by the same verb, when it names none of its own:
    "…全县市场监管局一共受理了多少？" after "灏溪镇…受理了多少件投诉举报？" asks 投诉举报 too."""
    m = _VERB_ONLY_ASK.search(text)
    if m is None or not prev.asks:
        return text
    said = re.search(rf"{m.group('verb')}了?(?:多少|几)(?P<measure>{MEASURE})?(?P<noun>[\u4e00-\u9fa5]{{2,12}})$",
                     re.sub(r"[？?。\s]+$", "", prev.asks[0].text))
    if said is None or said.group("noun") in text:
        return text
    measure = m.group("measure") or said.group("measure") or ""
    return f"{text[:m.start('verb')]}{m.group('verb')}了多少{measure}{said.group('noun')}？"


_THESE = re.compile(r"^(?:那么?)?(?:这些|那些|这几个|这几项|这批)(?P<noun>[\u4e00-\u9fa5]{2})")


def _these_named(prev: Frame, question: str) -> str:
    """"这些项目查出的问题金额…" after "专项资金审计做了几个项目？": the things the last turn counted, named
    as it named them (专项资金审计项目); the question as it is otherwise."""
    m = _THESE.match(question)
    ask = prev.asks[0] if prev.asks else None
    parts = split_number_clause(ask.text) if ask is not None and ask.kind == "number" else None
    if m is None or ask is None or not parts or not parts["tail"].startswith(m.group("noun")):
        return question
    from vectorstore.tokenizer import shared_tokenizer

    # the words before the verb of the ask ("专项资金审计" of "专项资金审计做了几个项目"): its modifier
    before = re.split(r"(?:了|过)?(?:多少|几)", ask.text, maxsplit=1)[0]
    words = shared_tokenizer().cut(before)
    if words and is_verb(words[-1]):
        words.pop()
    head = "".join(words)
    return head + parts["tail"] + question[m.end():] if head else question


# the plan's own scaffolding around the thing planned ("报告计划新建…", "报告给定的…目标"): the plan
# words (PLAN_WORDS; its 明年 is a year word, never in an ask's indicator) and how a report is quoted
_PLAN_SCAFFOLD = re.compile(rf"(?:的)?(?:报告|年报)(?:里|中)?(?:提出|说|给)?|{PLAN_WORDS.pattern}|"
                            r"提出|定的|确定的|设定的|是多少|多少|几")
_COUNT_ASKED = re.compile(rf"(?:多少|几)(?:{MEASURE})?")  # "几个", "多少名"


def _result_of_plan(prev: Frame, cur: Frame) -> str | None:
    """"实际建成了几个？" after "…2023年的报告计划2024年新建多少个…工作室？": the planned year's
    result (its own report's figure), not the plan again."""
    if not prev.plan or cur.plan or not prev.asks or not prev.years \
            or cur.years and tuple(cur.years) != (max(prev.years),) or not RESULT_ASKED.search(cur.resolved):
        return None  # (the planned year may be said again: "那2025年实际达到了多少？")
    thing = _PLAN_SCAFFOLD.sub("", prev.asks[0].indicator).strip("的给定 ")  # (its verb stays: 新建)
    own = [p.strip("，,、 ") for p in re.split(r"[？?]", _lead_free(cur.resolved))]
    own = [p for p in own if p and not re.fullmatch(r"(?:完成|达到|达成|兑现|做到)了?(?:吗|没有|没)", p)]
    if len(thing) < 2 or not own:
        return None
    count = next((m.group(0) for p in own if (m := _COUNT_ASKED.search(p))), "")
    verb = prev.asks[0].predicate
    if count and verb and thing.startswith(verb):  # the plan's verb and thing, the count asked
        asked = f"{verb}了{count}{thing[len(verb):]}"  # "新建了几个…工作室"
    elif count:
        asked = f"{thing}有{count}"  # "公职律师有多少名"
    else:
        asked = thing + "，".join(own)
    return _place_and_year(prev, [max(prev.years)], list(cur.regions)) + asked + "？"


def _merge(prev: Frame, answer: str, cur: Frame, earlier: Sequence[Frame] = ()) -> str | None:
    """The standalone text of the follow-up ``cur`` asked after ``prev``: its slots replace
    the previous ones, the slots it does not state are inherited; None for several
    follow-ups in one turn that are to be merged one by one (:func:`_each_ask`)."""
    if cur.lang == "en" or prev.lang == "en":
        return _merge_english(prev, cur)
    result = _result_of_plan(prev, cur)
    if result:
        return result
    if prev.comparison and not cur.comparison and cur.years:
        # "2024年是多少？" / "那2024年办了多少件？" after "同比变化多少？": that year's level of the
        # indicator the turn before the change asked about, not the change again
        prev = next((f for f in reversed(earlier) if not f.comparison), prev)
    rest = _strip(YEAR_WORD_RE.sub("", cur.resolved))
    for r in cur.regions:
        rest = rest.replace(r, "")
    rest = rest.strip("，,、 的到在")
    if cur.regions:  # "萍川区那边呢？", "那萍川区自己呢？": the place, no ask of its own
        rest = _PLACE_FILLER.sub("", rest)
    rest = _HOW_FILLER.sub("", rest)  # "去年那个咋样了，办了多少件？": the ask after it
    if cur.years:
        rest = _WHEN_FILLER.sub("", rest)  # "2023年的时候呢？": the year, no ask of its own
        rest = _YEAR_END.sub("", rest)  # "2025年底呢？": the year's end, as the turn before asked it
    whole_said = _PLACE_WHOLE.fullmatch(rest)
    as_whole = bool(cur.regions) and whole_said is not None
    if as_whole:
        rest = ""  # "江北市全市呢？" after a district's rate: the place named, as a whole
    years, regions = list(cur.years), list(cur.regions)
    level = re.search(r"全(省|市|州|县|区|旗|镇|乡|街道)", rest) if whole_said and not regions else None
    if level and prev.regions and prev.regions[0].endswith(level.group(1)):
        # "那全省呢？" asked of the province itself (after the switch to 省卫健委): the same question —
        # of the whole place when the turn before asked a body of it ("那全区呢？" after
        # "瀗东区人社局…有多少持证执法人员")
        same = _with_slots(prev, years, regions)
        # (not of a body the turn itself names by its level: "那全省呢？省卫健委的报告里是多少？")
        body_named = _LEVEL_BODY.fullmatch(prev.typed.rstrip("？?。 "))
        of_place = same if body_named else _without_body(same, prev.regions[0])
        if of_place != same:  # (the whole said: "瀗东区2025年全区有多少持证执法人员")
            said = level.group(0)
            of_place = re.sub(r"((?:19|20)\d{2}年)", lambda m: m.group(1) + said, of_place, count=1)
        return of_place + "？"
    if as_whole:
        # "那整个萍川市呢？" after "萍川市市场监督管理局…罚没款": the place's whole, not its bureau's
        return _without_body(_with_slots(prev, years, regions), regions[0]) + "？"
    if not rest or _BARE_FOLLOW.fullmatch(rest) or _TO_LEVEL_FOLLOW.fullmatch(rest) and not prev.comparison:
        # "那2024年呢？" / "前年呢？" / "石湾呢？" / "上年是多少家？" / "去年扩到多少项了？" (its level)
        return _with_slots(prev, years, regions) + "？"
    of_year = rest.removeprefix("其中")  # ("其中11月份罚了多少": a month of the year asked)
    period = _PERIOD.match(of_year)
    if period and not _PERIOD_TAIL.fullmatch(of_year[period.end():]):
        period = None
    earlier_period = _PERIOD.search(prev.resolved or prev.text) if period else None
    if period and earlier_period:  # "那第四季度呢？" after "…第一季度受理消费投诉多少件"
        text = prev.resolved or prev.text
        text = text[:earlier_period.start()] + period.group() + text[earlier_period.end():]
        return _with_slots(replace(prev, resolved=text), years, regions) + "？"
    year_said = YEAR_WORD_RE.search(prev.resolved or prev.text) if period else None
    if period and year_said and prev.asks:
        # "其中11月份罚了多少？", "那12月单月呢？" after "…2025年一共罚款多少": the year's month
        text = prev.resolved or prev.text
        text = text[:year_said.end()] + period.group() + _SUM_WORD_AT.sub("", text[year_said.end():])
        return _with_slots(replace(prev, resolved=text), years, regions) + "？"
    if _TOTAL_FOLLOW.fullmatch(rest):
        # "那2023年总共是多少件？": the same ask — after a part ("其中帮农民工讨薪的呢？"), the
        # whole the turn before the part asked about
        after_part = bool(earlier) and _among_said_as_其中(prev.typed.lstrip("那")).startswith("其中")
        return _with_slots(earlier[-1] if after_part else prev, years, regions) + "？"
    again = _ONE_VERB_ASK.fullmatch(rest)
    if again:
        # "那2024年办了多少件？" after "…办理法律援助案件多少件": the same ask, its verb said short —
        # of the latest turn that asked it in that measure ("减免了多少罚款" in between is another)
        measure = again.group("measure") or ""
        asked = next((f for f in (prev, *reversed(earlier)) if f.asks and again.group("verb") in f.asks[0].indicator
                      and (not measure or measure in f.asks[0].units)), None)
        if asked is not None:
            return _with_slots(asked, years, regions) + "？"
    change = _as_change(prev, cur, _PRONOUN_LEAD.sub("", rest))
    if change:  # "比上一年多了多少？" / "增长了多少？" / "到2023年增加了多少个？" / "它比上年多了多少"
        return change
    whole = _WHOLE_SCOPE.fullmatch(rest.removeprefix("那").removesuffix("呢"))
    if whole and _OF_KINDS.search(whole.group(0)) and prev.asks:
        # "所有类别加起来呢？" after "…市场监管局食品安全类案件立了多少件案": the same ask of every
        # kind — the table's 合计 — of the same body
        ask = prev.asks[0].text
        kind = _kind_of(ask)
        if kind:
            every = ask[:kind.start()] + "合计" + ask[kind.end():]
            return _place_and_year(prev, years, list(regions)[:1]) + every + "？"
    if whole and prev.asks and prev.asks[0].kind in ("number", "rate"):
        # "那全区所有执法部门加起来呢？" after "市场监管局去年罚没了多少钱？": the same ask of the
        # whole the body is one of, its body left out
        ask = _BODY_LEAD.sub("", prev.asks[0].text)
        return _place_and_year(prev, years, list(regions)[:1]) + whole.group(0).removeprefix("整个") + ask + "？"
    if regions and _AMONG.fullmatch(_SAME_ASK.sub("", rest)):
        # "其中澥州市的呢？" / "其中沔北区呢？": the same ask of a place that is part of the whole — its
        # own figure, no total of the parts ("各县（市、区）…合计")
        return _WHOLE_OF_PARTS.sub("", _with_slots(prev, years, regions)) + "？"
    most = _WHICH_MOST.fullmatch(rest)
    if most and prev.asks and prev.asks[0].kind in ("number", "rate"):
        # "哪个区（县）最多？" after "…“首违不罚”一共办了多少件": which place has most of what was asked
        what = _ASK_FILLER.sub("", prev.asks[0].indicator)
        return _place_and_year(prev, years, regions) + what + most.group(0) + "？"
    body = _other_body(prev, rest) or _body_of_place(prev, rest)
    if body:  # "市住建局呢？" after 教育局's, "城北分局呢？" after 城中分局's, "税务局呢" after the government's
        return _with_slots(replace(prev, resolved=body), years, regions) + "？"
    part = _part_of_previous(prev, years, regions, rest)
    if part:
        return part
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
            if not ASKING_WORD.search(tail):
                return _carry(prev, cur, named + tail)
            return at(named + tail) + "？"
        if pronoun.group(0) in ("它", "它们", "其") and re.fullmatch(r"的?[\u4e00-\u9fa5“”]{2,12}", rest):
            rest = rest.removeprefix("的")
            # "它的行政强制呢？" after "…生态环境局…罚没金额": the same body's other indicator, as "那行政强制呢"
            pronoun = demonstrative = None
    row = _other_row_place(prev, rest)
    if row:  # "荠东镇呢？" after "…荠湾街道调解成功率呢": the same question of the other row
        return row
    within = _PART_WITHIN.match(prev_ask.text)
    sibling = rest.removeprefix("那").removesuffix("呢").removesuffix("的")
    if within and re.fullmatch(r"[\u4e00-\u9fa5]{1,6}", sibling) and not ASKING_WORD.search(sibling) \
            and not re.search(r"率$|比例$|占比$", sibling):  # (a rate is asked of the whole, not a part)
        # "行政类的呢" after "法律援助案件里刑事的有多少": another part of the same whole
        return at(f"{within.group('whole')}里{sibling}的{within.group('ask')}") + "？"
    share = _SHARE_ASK.sub("", rest)  # "占比多少？": the share word, its ask said
    if SHARE_WORD.match(share) or re.fullmatch(r"[\u4e00-\u9fa5]{1,4}率", rest) and "率" not in prev_ask.indicator:
        return at(rate_question(prev_ask, share)) + "？"  # "比例呢？" / "成功率呢？" / "占比多少？"
    verb = _VERB_ASK.fullmatch(_HOW_IT_ENDED.sub("", rest))  # "最后调成了多少起": 调成 of the same thing
    marked = re.search(r"[了的过]呢?[？?。！!\s]*$", cur.typed)  # "那撤销的呢？"
    bare_verb = verb.group("pred") if verb is not None and not verb.group("ask") else ""
    stage = _stage(bare_verb)
    if stage is not None and _stage(prev_ask.predicate) not in (None, stage) and prev_ask.predicate in prev_ask.text:
        # "那审结呢？" after "新收了多少件…": another stage of the same cases, the verb swapped
        return at(prev_ask.text.replace(prev_ask.predicate, bare_verb, 1)) + "？"
    said_stage = next((w for k, words in enumerate(STAGES) if k != stage for w in sorted(words, key=len)
                       if w in prev_ask.text), None) if stage is not None and not prev_ask.predicate else None
    if said_stage is not None:  # "那破案呢？" after "刑事案件立案多少件": the stage said inside the thing
        return at(prev_ask.text.replace(said_stage, bare_verb, 1)) + "？"
    if verb and (verb.group("ask") or marked or pronoun):
        swapped = _swap(prev_ask, verb.group("pred"), verb.group("ask") or "", verb.group("measure") or "")
        if swapped:  # "审结了多少？" / "那撤销的呢？" / "它纠错了几件"
            return at(swapped) + "？"
        return _carry(prev, cur, own)
    if pronoun or demonstrative:
        if demonstrative and not ASKING_WORD.search(own) and prev.asks and prev.asks[0].kind in ("number", "rate"):
            # "那个季度为消费者挽回的经济损失呢？" after a figure asked: the same kind of ask of it
            own = re.sub(r"(?:的)?呢?[？?。]*$", "", own) + ("是多少" if prev.asks[0].kind == "rate" else "有多少")
        return _carry(prev, cur, own)
    if _ASK_ONLY.match(rest):  # "具体有哪些？" / "具体有哪些措施？": the topic kept, the ask changed
        return _ask_only(prev, earlier, years, regions, rest)
    if ASKING_WORD.search(rest) or GENERIC_NOUNS.search(rest) \
            or not re.fullmatch(r"[\u4e00-\u9fa5“”]{2,12}", rest):
        if _names_no_topic(rest) and prev_ask.kind in ("number", "rate"):
            # "赔了多少钱" / "下一年计划查多少": a verb and an ask, about the previous topic
            topic = prev_ask.indicator
            if prev_ask.kind == "rate" and not (_TARGET_ASK.fullmatch(rest) or PLAN_WORDS.search(rest)):
                # "…调解成功率" then "赔了多少钱": the 调解, not its rate (a target is the rate's)
                topic = re.sub(r"(?:[\u4e00-\u9fa5]{2}率|率|比例|占比)$", "", topic) or topic
            return at(topic + rest) + "？"
        return _carry(prev, cur, own)  # a question of its own: it inherits the place and year
    return at(_replace_indicator(prev_ask, rest)) + "？"  # "那执业律师呢？"


# "另一个区呢", "隔壁县呢": the one other place of that kind; "隔壁蒜溪县呢": the place named
_OTHER_PLACE = re.compile(r"(?:另一个|另外一个|另一|另外的?|隔壁的?|邻近的?|相邻的?|旁边的?)(区|县|市|镇|乡|街道)"
                          r"(?![\u4e00-\u9fa5]{0,2}(?:局|委|办|院))")  # (not 另一个区的司法局)
_NEIGHBOUR = re.compile(r"(?:隔壁|邻近|相邻|旁边)的?(?=[\u4e00-\u9fa5]{1,8}?(?:区|县|市|镇|乡|街道))")
# "市里呢？" after a question about a county: the place of that level the conversation is in
_LEVEL_SAID = re.compile(r"^(?:那么?)?(?P<when>同一年|同年|当年|那一年|这一年|(?:19|20)\d{2}年)?"
                         r"(?:(?P<kind>省|市|县|区|镇|乡|街道)(?:里|上|级|本级)(?=呢|的|[？?，,]|$)|"
                         # "全市呢？", or a question of its own ("同一年全市一共培训了多少人次？" after a
                         # district's): the whole of the place that contains the last one
                         r"全(?P<whole>省|市|州|县|区)(?=呢?[？?]?$|[^？?]*?(?:多少|几)))")


def _other_place(question: str, regions: Sequence[str], known: Sequence[str]) -> str:
    """"另一个区呢？" after a question about 莉湾区: the knowledge base's one other district
    (萍川区) — left as it is when there are several others, or none; "隔壁蒜溪县呢" → 蒜溪县呢."""
    from bot.query import lowest_unit, place_level

    m = _OTHER_PLACE.search(question)
    if m and regions:
        mine = {lowest_unit(r) or r for r in regions}
        others = [low for low in _places_of_kind(known, m.group(1))
                  if low not in mine and not any(low in r or r in low for r in regions)]
        if len(others) == 1:
            return question[:m.start()] + others[0] + question[m.end():]
        return question
    level = _LEVEL_SAID.match(question.strip())
    if level and regions:
        # the one place of that level containing the last one (涠江市 of 涠江市洧源县); not another
        # place of the same level ("区里" in a district is that district)
        kind = level.group("kind") or level.group("whole")
        mine = {lowest_unit(r) or r for r in regions}
        of_kind = [low for low in _places_of_kind(known, kind) if low not in mine]
        around = [low for low in of_kind if any(low in k and r in k for k in [*known, *regions] for r in regions)]
        if not around and len(of_kind) == 1 and all(place_level(r) != place_level(kind) for r in mine):
            # (no name says it contains the last place, or is in it — "镇里呢" after a county: the
            # knowledge base's only one)
            around = of_kind
        if len(around) == 1:
            rest = question.strip()[level.end():]
            whole = f"全{level.group('whole')}" if level.group("whole") and re.search("多少|几", rest) else ""
            return (level.group("when") or "") + around[0] + whole + rest
    return _NEIGHBOUR.sub("", question)


def _places_of_kind(known: Sequence[str], kind: str) -> list[str]:
    """The knowledge base's places (``known``: their names as questions may say them) whose
    lowest unit is of ``kind`` (区, 县, 市 …), each once, in order."""
    from bot.query import lowest_unit

    named = list(dict.fromkeys(low for k in known if (low := lowest_unit(k)) and low.endswith(kind)))
    # (a short alias, "蓓江州" of 蓓江藏族羌族自治州, only when no full name is of that kind)
    return named or list(dict.fromkeys(k for k in known if k.endswith(kind)))


# "哪个县的…多", "两个县的…相差多少": the knowledge base's places of that kind, when it has two
_COUNTED_PLACES = re.compile(r"(?P<which>哪个|哪一个)(?P<kind>区|县|市)(?![区县市])|"
                             r"(?:两个|两)(?P<kind2>区|县|市)(?![区县市])")


def _places_counted(question: str, known: Sequence[str]) -> str:
    """"2025年哪个县的持证执法人员多？" with reports of two counties (蓬川县, 荟宁县): "2025年蓬川县和
    荟宁县哪个的持证执法人员多？"; "两个县的败诉率相差多少" → "蓬川县和荟宁县的败诉率相差多少". Left as it is
    when the question names a place of that kind already or the knowledge base has not two of them."""
    m = _COUNTED_PLACES.search(question)
    if not m:
        return question
    kind = m.group("kind") or m.group("kind2")
    places = _places_of_kind(known, kind)
    if len(places) != 2 or any(k in question for k in known if k.endswith(kind)):
        return question
    both = "和".join(places)
    return question[:m.start()] + (both + "哪个" if m.group("which") else both) + question[m.end():]


_REPEATED_BODY = re.compile(r"([\u4e00-\u9fa5]{2,8})((?:19|20)\d{2}年)\1")
# "那里的…" / "当地…": the place named last
_TOWN_NAMED = re.compile(r"(?:(?![年的在和与及其中省市区县])[\u4e00-\u9fa5]){2,4}?(?:街道|镇|乡)")
_PLACE_PRONOUN = re.compile(r"^(?:那里|那儿|那边|这里|这儿|这边|该地|当地)的?")
# … or the whole again after a part ("总共是多少件？")
_TOTAL_FOLLOW = re.compile(rf"(?:那)?(?:一共|总共|共计|合计|加起来|总数)(?:是|有|为|[\u4e00-\u9fa5]了)?(?:多少|几)"
                           rf"(?:{MEASURE})?"
                           r"(?:了|呢)?")
# … or asks again with a one-character verb of the previous indicator ("办了多少件" after 办理…)
_ONE_VERB_ASK = re.compile(rf"(?P<verb>[\u4e00-\u9fa5])(?:了|过)?(?:多少|几)(?P<measure>{MEASURE})?(?:了|呢)?")
# A follow-up that only asks again ("上年是多少家？", "那年有多少？"): the previous question's topic
_BARE_FOLLOW = re.compile(rf"(?:具体|到底|又|那)?(?:是|有|为)?(?:多少|几)(?:{MEASURE})?(?:了|呢)?")


# the level a count went to, asked of another year: the same ask ("去年扩到多少项了？")
_TO_LEVEL_FOLLOW = re.compile(rf"(?:已经|又|都)?(?:增加|增长|提高|提升|上升|下降|减少|降低|扩大|扩充|扩展|缩减|压缩|"
                              rf"压减|缩短|降|减|增|扩|涨|跌|升|达)(?:到|至)了?(?:多少|几)(?:{MEASURE})?(?:了|呢)?")
# "那个咋样了，" before an ask: a clause asking nothing of its own
_HOW_FILLER = re.compile(r"^(?:那个|这个|那|这)?(?:情况)?(?:咋样|怎么样|怎样|如何)了?[，,]\s*(?=\S)")
# words that point at a place already named, asking nothing ("那边", "自己")
_YEAR_END = re.compile(r"^(?:底|末|年底|年末)(?=(?:呢|的呢)?$)")
_WHEN_FILLER = re.compile(r"^(?:的|那个?)?(?:时候|那时|那会儿?)(?=呢?$)")
# (a development zone's 管委会 is the zone itself, as a city's 人民政府 is the city: "那濑湖开发区管委会呢")
_PLACE_FILLER = re.compile(r"(?:那边|这边|那里(?!面|头)|这里(?!面|头)|那儿|这儿|自己|本身|管委会|管理委员会)的?")
# "哪个区（县）最多", "哪个街道最高呢": which place has the most of the previous ask
_WHICH_MOST = re.compile(r"(?:哪个|哪一个|哪家|哪里)[\u4e00-\u9fa5（）()]{1,8}?(?:最多|最少|最高|最低|最大|最小)")
# "一共办" of "“首违不罚”一共办": how much was asked, with the light verb after it
_ASK_FILLER = re.compile(r"(?:一共|总共|共计|累计|合计)(?:[\u4e00-\u9fa5]$)?")
_PLACE_WHOLE = re.compile(r"那?(?:全(?:省|市|州|县|区|旗|镇|乡|街道)|全域|整个)(?:范围|范围内|的|一共|总共)?呢?")
# a follow-up that names only the whole a body is part of: "全区所有执法部门加起来", "全市合计"
_WHOLE_SCOPE = re.compile(r"(?:整个)?(?:全(?:区|市|县|省|镇)|所有|各)[\u4e00-\u9fa5]{0,10}?"
                          r"(?:加起来|加在一起|合计|总共|一共|总计)")
_KIND_WORD = re.compile(r"[\u4e00-\u9fa5]{1,8}?类(?![别型])")  # 食品安全类 of 食品安全类案件
_OF_KINDS = re.compile(r"类别|种类|类型|各类|所有类")  # "所有类别加起来": every kind, not every body
_BODY_LEAD = re.compile(rf"^[\u4e00-\u9fa5]{{1,8}}?(?:{BODY_KIND})")


def _kind_of(ask: str) -> re.Match[str] | None:
    """The kind an ask counts, after the body that asks it: 食品安全类 of "市场监管局食品安全类案件…"."""
    said = _BODY_LEAD.match(ask)
    return _KIND_WORD.match(ask, said.end() if said else 0)


# A body a follow-up may name alone ("市住建局呢", "城北分局呢"), by the kind its name ends in.
_BODY_ALONE = re.compile(rf"^(?:[省市区县](?!场))?(?P<name>[\u4e00-\u9fa5]{{1,8}}?(?P<kind>{BODY_KIND}))呢?$")
_NAME_EDGE = re.compile(rf"(?:{BODY_KIND}|[省市区县镇乡]|街道|[\d年，,、的和与及])$")


def _other_body(prev: Frame, rest: str) -> str:
    """The previous question about another body of the same kind: "市住建局呢" after
    "蓼川市教育局…" → "蓼川市住建局…"; '' when the follow-up names no body alone or the
    previous question names none of its kind."""
    m = _BODY_ALONE.match(rest)
    if not m:
        return ""
    text = _strip(prev.resolved or prev.text)
    name, kind = m.group("name"), m.group("kind")
    at = text.find(kind)
    while at >= 0:
        start = at
        while start > 0 and (not _NAME_EDGE.search(text[:start]) or text[start - 1:start + 1] == "市场"):
            start -= 1  # ("市场监管局": its 市 is no place's level)
        old = text[start:at + len(kind)]
        if len(old) > len(kind) and old != name:
            before, _, after = text.partition(old)
            # "那交通局呢" after "生态环境局…立案查处环境违法案件": the other body's own cases, its
            # field's word ("环境", "税务") gone from what is counted
            field = old[:-len(kind)]
            for word in dict.fromkeys([field, field[-2:]] if len(field) >= 4 else [field]):
                if len(word) >= 2 and word not in name:
                    after = re.sub(rf"{re.escape(word)}(?=[\u4e00-\u9fa5])", "", after)
            return before + name + after
        at = text.find(kind, at + len(kind))
    return ""


_GOVERNMENT_SAID = re.compile(r"(?:人民)?政府(?:本级)?|本级")
# the same figure in another body's report: "的报告呢", "的年度报告里这个数写的是多少"
_THIS_FIGURE = r"(?:这个|这一|这项|该)(?:数据|数字|数|指标)"
_SAME_FIGURE = rf"的(?:年度|工作)?报告(?:里|中|上)?(?:{_THIS_FIGURE})?(?:[写说给]的|写)?(?:是|为)?(?:多少)?"
# a body named by its level alone: "那市政府呢", "省卫健委呢", "区里的司法局呢"
_LEVEL = r"(?P<level>[省市区县州])(?!场)(?:里|级|里的)?"  # (市场监管局's 市 is no level)
_BODY = rf"(?P<body>(?:人民)?政府|[\u4e00-\u9fa5]{{0,8}}?(?:{BODY_KIND}))"
_LEVEL_BODY = re.compile(rf"(?:那|那么)?{_LEVEL}{_BODY}(?:{_SAME_FIGURE})?呢?")
# … with an ask of its own: "那县卫健委的投诉办结率呢" after the 交通运输局's办结率 — that body's own
_LEVEL_BODY_ASK = re.compile(rf"(?:那|那么)?(?:{_LEVEL})?{_BODY}的(?P<rest>[^，。？?、]{{2,}}?)(?:呢|的呢)?")
# the place of a level said as where ("县里", "市里的…"): its own (government's) reports
_LEVEL_WHERE = re.compile(r"(?:那|那么)?(?P<level>[省市区县州])里(?:的|面)?(?P<rest>[^里]*?)(?:呢|的呢)?")


def _body_at_level(prev: Frame, cur: Frame, known: Sequence[str]) -> str | None:
    """"那市政府呢？" after "瀛州市应急管理局…": the same question of the city itself (its
    government); "省卫健委呢？" after "泃阳市卫健委…": of the province's 卫健委 — the one place of
    that level the reports know. None when the turn is no such switch or the level is not known."""
    said = _strip(cur.resolved or cur.text)
    m = _LEVEL_BODY.fullmatch(said) or _LEVEL_WHERE.fullmatch(said) or _LEVEL_BODY_ASK.fullmatch(said)
    text = _strip(prev.resolved or prev.text)
    place = next((r for r in prev.regions if r in text), "")
    if m is None or not place or cur.years:
        return None
    # (a body with an ask of its own and no level: the place's own body)
    level, body = m.group("level") or place[-1], m.groupdict().get("body") or "政府"
    rest = m.groupdict().get("rest") or ""
    if m.re is _LEVEL_WHERE and not place.endswith(level):
        return None  # "市里呢" after a county: the city that contains it (_other_place)
    if not place.endswith(level):
        others = [k for k in dict.fromkeys(known) if k.endswith(level) and k != place and len(k) > 2]
        if len(others) != 1:
            return None
        text, place = text.replace(place, others[0], 1), others[0]
    at = text.index(place) + len(place)
    named = re.match(rf"(?:人民)?政府(?:本级)?|[\u4e00-\u9fa5]{{1,12}}?(?:{BODY_KIND})", text[at:])
    end = at + (named.end() if named else 0)
    own = "" if "政府" in body else body  # the government: the place's own report
    if named is not None and own and named.group().endswith(own):
        own = named.group()  # "卫健委" again: the body as the question named it (卫生健康委员会)
    if rest:  # "那县里人民调解的调解成功率呢": the place's own (or the body's named), asked anew
        year = YEAR_WORD_RE.search(text[end:])
        ask = rest if ASKING_WORD.search(rest) else rest + "是多少"
        return text[:at] + own + (year.group() if year else "") + ask + "？"
    return text[:at] + own + text[end:] + "？"


def _body_of_place(prev: Frame, rest: str) -> str:
    """"那税务局呢？" after "澄阳市政府本级…受理了多少件行政复议案件" (or after a question naming no
    body): the same question of the place's bureau — in the government's stead, else right after
    the place; '' when the follow-up names no body alone or the previous question no place."""
    m = _BODY_ALONE.match(rest.removeprefix("那"))
    text = _strip(prev.resolved or prev.text)
    place = next((r for r in prev.regions if r in text), "")
    if not m or not place or m.group("name") in text:
        return ""
    at = text.index(place) + len(place)
    said = _GOVERNMENT_SAID.match(text, at)
    if said is None and re.match(rf"[\u4e00-\u9fa5]{{0,8}}?(?:{BODY_KIND})", text[at:]):
        return ""  # (a body of another kind is named: _other_body's to replace)
    end = said.end() if said is not None else at
    return text[:at] + m.group("name") + text[end:]


def _without_body(text: str, place: str) -> str:
    """The text with the body named right after ``place`` taken out ("萍川市市场监督管理局2025年
    罚没款" → "萍川市2025年罚没款"); a government stays."""
    m = re.search(rf"{re.escape(place)}(?P<body>[\u4e00-\u9fa5]{{1,12}}?(?:{BODY_KIND}))", text)
    if m is None or "政府" in m.group("body"):
        return text
    return text[:m.start("body")] + text[m.end("body"):]


_ROW_PLACE = re.compile(r"[\u4e00-\u9fa5]{2,4}?(?:街道|镇|乡)")


def _other_row_place(prev: Frame, rest: str) -> str:
    """A follow-up naming only a street or town ("荠东镇呢") after a question about another one
    ("荠湾区2024年荠湾街道调解成功率是多少"): the previous question of that row; ''."""
    new = rest.removeprefix("那").removesuffix("呢")
    if not _ROW_PLACE.fullmatch(new):
        return ""
    text = _strip(prev.resolved or prev.text)
    pieces = re.split(r"[\s\d年，,、；;：:？?]|" + "|".join(map(re.escape, prev.regions or ("\0",))), text)
    old = next((m.group(0) for p in pieces if (m := _ROW_PLACE.match(p))), "")
    if not old:  # "荠东镇呢？" after the district's own figure: that row, after the place and year
        year = YEAR_WORD_RE.search(text)
        if year is None or not prev.asks or prev.asks[0].kind not in ("number", "rate"):
            return ""
        return text[:year.end()] + new + text[year.end():] + "？"
    return text.replace(old, new, 1) + "？" if old != new else ""


# a target asked with no topic: "打算控制在多少以内", "计划达到多少"
_TARGET_ASK = re.compile(r"(?:打算|计划|准备|力争|争取|目标是?|要|将)?(?:控制在|保持在|稳定在|达到|提高到|提升到|"
                         r"降到|降低到|压减到|减少到|增加到|不低于|不超过)(?:多少|几)(?:%|个百分点)?(?:以内|以下|以上|左右)?")


# a plan's figure asked, the plan word taken out: "（目标）定的是多少", "（目标）是多少", "（计划）定为多少"
_SET_ASK = re.compile(r"(?:定|设定?|确定|提出|订)?(?:的|了)?(?:是|为)?(?:多少|几)(?:%|个百分点)?")

_ADVERBS = frozenset("最后 后来 最终 最终是 一共 总共 共计 累计 实际 实际上 到底 究竟 全年 当年".split())


def _names_no_topic(rest: str) -> bool:
    """A follow-up of one verb and an ask ("赔了多少钱", "计划查多少", "打算控制在多少以内"):
    nothing it is about."""
    if _TARGET_ASK.fullmatch(rest) or PLAN_WORDS.search(rest) and _SET_ASK.fullmatch(PLAN_WORDS.sub("", rest)):
        return True  # ("目标定的是多少": the previous thing's target)
    parts = split_number_clause(PLAN_WORDS.sub("", rest))
    if not parts:
        return False
    head = "" if parts["head"] in _ADVERBS else parts["head"]  # "最后调成了多少件": when, not what
    verb = parts["pred"] if not head else head if not parts["pred"] else ""
    return 0 < len(verb.rstrip("了过")) <= 2 and len(head) <= 1 \
        and (not parts["tail"] or bool(MONEY_WORDS.fullmatch("多少" + parts["tail"])))


# a part that is a body or a level does what the whole's question says ("其中省政府本级呢" →
# "省政府本级收到多少件…"); any other part is a kind of the counted thing
_BODY_OR_LEVEL = re.compile(rf"(?:本级|部门|政府|机关|单位|系统|{BODY_KIND}|街道|[省市区县镇乡])$")


def _within(whole: str, part: str) -> str:
    """中 between a whole and its part, or 当中 where 中 would join the part's first word
    ("听证中线上…" is cut 中线/上), or 中， where 当中 would too ("律师事务所当中国资所": 中国)."""
    from vectorstore.tokenizer import shared_tokenizer

    cut = shared_tokenizer().cut
    if "中" in cut(f"{whole[-4:]}中{part[:4]}"):
        return "中"
    return "当中" if "当中" in cut(f"{whole[-4:]}当中{part[:4]}") else "中，"


_BARE_ASK = re.compile(r"(多少|几)(?:呢)?[？?]?$")  # an ask with no measure word of its own
_SHARE_WORD = re.compile(r"占|比例|比重|率|几成|百分")
# "among them" at a follow-up's start: 其中, 这里面, 里头, 这当中, 这中间 … (said as 其中)
# an ask of the figure asked before, in no words of its own: "其中灩湖区有多少件" is "其中灩湖区呢"
_SAME_ASK = re.compile(r"的?(?:有|是|为)?(?:多少|几)(?:[件个起人家项名次宗例户所处条份]|万元|元)?$")
_AMONG = re.compile(r"^(?:这|那)?(?:其中|里面|里头|当中|中间)(?:的|，|,)?")


# the words that make an ask the total of several places: "各县（市、区）", "合计", "一共"
_WHOLE_OF_PARTS = re.compile(r"各(?:县|市|区|镇|乡|街道)[（(]?[县市区镇乡街道、]*[)）]?|合计|一共|总共|共计")


def _among_said_as_其中(text: str) -> str:
    m = _AMONG.match(text)
    return "其中" + text[m.end():] if m else text


def _part_of_previous(prev: Frame, years: Sequence[int], regions: Sequence[str], rest: str) -> str:
    """"其中…" after a question about a whole asks a part of it: "其中省政府本级呢？" after
    "收到多少件行政复议申请" → "省政府本级收到多少件行政复议申请？"; "其中交通运输部门办了几件？"
    after "办理了多少件行政处罚案件" → "…办理行政处罚案件中交通运输部门办了几件？"; a body's own
    level is such a part too ("那生态环境厅本级呢？" → "生态环境厅本级…出庭应诉率是多少？")."""
    rest = _among_said_as_其中(rest)  # "里面帮农民工讨工钱的有多少？"
    own_level = rest.removesuffix("呢").endswith("本级")  # "那生态环境厅本级呢": the body itself
    if not (rest.startswith("其中") or own_level) or not prev.asks or prev.asks[0].kind not in ("number", "rate"):
        return ""
    part = rest.removeprefix("其中").strip("，, ").removesuffix("呢").strip()
    if not part:
        return ""
    prev_ask = prev.asks[0]
    opening = _prefix(prev, years, regions)
    alone = _listed_item_alone(prev_ask.text, part)
    if alone:  # "其中轻微免罚的有多少件" after "首违不罚和轻微免罚一共办了多少件": that item's own count
        return f"{opening}{alone}？"
    if ASKING_WORD.search(part):
        bare = _BARE_ASK.search(part)
        if bare and prev_ask.kind == "number" and prev_ask.units and not _SHARE_WORD.search(part):
            # "里面帮农民工讨工钱的有多少？" after "办了多少案子": a part of a count is counted as its
            # whole is (件), whatever its words say of money
            part = f"{part[:bare.end(1)]}{prev_ask.units[0]}{part[bare.end(1):]}"
        return f"{opening}{prev_ask.indicator}{_within(prev_ask.indicator, part)}{part}？"
    parts = split_number_clause(prev_ask.text)
    if parts and (parts["head"] or parts["tail"]) and ends_with_verb(part.removesuffix("的")):
        # "其中县政府本级受理的呢？": the part's own verb, not the whole's (收到多少件行政复议申请)
        return f"{opening}{part.removesuffix('的')}的{parts['head']}{parts['tail']}{parts['ask']}{parts['measure']}？"
    if not _BODY_OR_LEVEL.search(part.removesuffix("的")):
        # "其中公共场所类的呢？", "其中个体工商户呢？": a kind of the counted thing, asked within the whole
        ask = f"{parts['ask']}{parts['measure']}" if parts else "多少"
        kind = part.removesuffix("的") + ("的" if re.search(r"[类型种]的?$", part) else "")  # "公共场所类的"
        return f"{opening}{prev_ask.indicator}{_within(prev_ask.indicator, kind)}{kind}有{ask}？"
    return f"{opening}{part}{prev_ask.text}？"


_JOINER = "和与及、"
# where a listed item's list ends: a sum word, the ask or a verb of being after the last item
_LIST_END = re.compile(r"一共|总共|共计|合计|加起来|累计|分别|各|共|有|是|为|的|多少|几")
_SUM_START = re.compile(r"^(?:一共|总共|共计|合计|加起来|累计|共)")


def _listed_item_alone(whole: str, part: str) -> str:
    """The whole's question asked of one item of its list when the part names that item:
    "首违不罚和轻微免罚一共办了多少件" with "轻微免罚的有多少件" → "轻微免罚办了多少件"
    ("" when the part is no item joined by 和/与/及/、 in the whole)."""
    core = re.split(r"(?:的)?(?:有|是|为|占)?(?:多少|几)", part, maxsplit=1)[0].removesuffix("的")
    for n in range(len(core), 1, -1):
        item = core[:n]
        at = whole.find(item)
        if at < 0:
            continue
        end = at + n
        if at > 0 and whole[at - 1] in _JOINER:  # the last item: the list began earlier
            start = max((whole.rfind(c, 0, at - 1) + 1 for c in "的，,年里中"), default=0)
            stop = end
        elif end < len(whole) and whole[end] in _JOINER:  # the first: the list goes on
            close = _LIST_END.search(whole, end + 2)
            if close is None or close.start() - end > 12:
                return ""
            start, stop = at, close.start()
        else:
            continue
        # (an open list's 等 goes with the list: "人社、住建等部门…" → "住建部门…")
        rest = _SUM_START.sub("", whole[stop:].removeprefix("等"))
        return f"{whole[:start]}{item}{rest}" if _ASK.search(rest) else ""
    return ""


def _lead_free(text: str) -> str:
    return LEAD_WORDS.sub("", text.strip())


def _carry(prev: Frame, cur: Frame, text: str | None = None) -> str:
    """A follow-up with a topic of its own, with the place and year of the conversation when
    it names none: "出具了多少份法律意见书？" → "明湖区2022年出具了多少份法律意见书？"."""
    text = re.sub(r"[？?。！!\s]+$", "", _lead_free(cur.resolved) if text is None else text)
    if not cur.regions and not cur.years:
        # the previous opening, with what it names between place and year ("荛川县芨湖镇2024年":
        # the town of a table is no report's region, but the question is about it)
        return _prefix(prev, (), ()) + text + "？"
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
    words = re.sub(r"百分之(?:多少|几)", "多少", words)  # "增长了百分之多少": a ratio asked
    first = int(old[0][:4])
    new = next((y for y in cur.years if y != first), None)
    sum_only = re.fullmatch(r"这?[两2]年(?:加起来|合计|一共|总共|共计)", rest)
    # a change and nothing of its own ("增长了多少？", not "增加了多少家企业？")
    # ("是多了还是少了，变了多少": the direction asked with the change, the change asked)
    words = re.sub(r"变(?=了?(?:多少|几))", "变化", words)
    plain = MORE_OR_LESS.sub(" ", words) if re.search(r"多少|几", MORE_OR_LESS.sub(" ", words)) else words
    change_only = bool(CHANGE_ASK.search(plain)) and not CHANGE_ASK.sub(" ", _ASK.sub(" ", plain)).strip(
        "，, ？?了个") or bool(MORE_OR_LESS.fullmatch(words.strip()))  # "比前年多还是少？"
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
    if MORE_OR_LESS.fullmatch(words.strip()) and new < first:  # "比前年多还是少？": asked in its own words
        return _ASK.sub("", base).rstrip("，, 的了") + f"比{new}年{words.strip()}？"
    text = base.replace(old[0], f"{max(first, new)}年比{min(first, new)}年", 1)
    ratio = RATIO_WORDS.search(rest)
    if ratio:  # "增长率呢？" / "增幅呢？": the ratio of the change
        asked = "" if "多少" in ratio.group(0) else "是多少"  # "增长了百分之多少" asks itself
        return _ASK.sub("", text).rstrip("，, 的了") + ratio.group(0) + asked + "？"
    return text + "？"


def _more_asks(prev: Frame, years: Sequence[int], regions: Sequence[str], pieces: list[str]) -> str:
    """'那2023年审结了多少？纠错率呢？': the previous question re-asked with the new slots, plus
    the asks it does not already make; '' when every piece is new (a question of its own)."""
    base = _with_slots(prev, years, regions)
    extra = [p for p in pieces if not _restates(p, base)]
    if len(extra) == len(pieces):
        return ""
    tails = [p if ASKING_WORD.search(p) else p + "是多少" for p in extra]
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
    if not re.fullmatch(r"[\u4e00-\u9fa5“”]{2,12}", rest) or ASKING_WORD.search(rest) or len(prev.years) < 2:
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
    # cur.text: the places in the knowledge base's names ("What about Qinglan?" → 青岚)
    rest = re.sub(r"\b(?:and|what|how|about|in|for|the|year|then)\b|(?:19|20)\d{2}年?|[?？.,\s]", "",
                  cur.text, flags=re.I)
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
    text = re.sub(r"[？?。！!\s]+$", "", cur.text)
    slots = [r for r in prev.regions[:1] if not regions] + [str(y) for y in prev.years[:1] if not years]
    return f"{text} ({', '.join(slots)})?" if slots and cur.lang == "en" else \
        (_carry(prev, cur) if cur.lang == "zh" else text + "?")



def conversation(history: Sequence[Sequence[str]], question: str, known: Sequence[str] = (),
                 today: dt.date | None = None) -> list[Frame]:
    """The frames of every turn of ``history`` and of ``question``, each computed once, in
    order (N turns, N merges)."""
    frames: list[Frame] = []
    for i, turn in enumerate([*history, [question]]):
        q = turn[0] if turn else ""
        if not frames:
            frames.append(parse(_places_counted(q, known), known, today))
            continue
        prev_turn = history[i - 1]
        answer = prev_turn[1] if len(prev_turn) > 1 else ""
        source = _SOURCE_CLAUSE.search(q)
        if source and (rest := (q[:source.start()] + q[source.end():]).strip("，,。 ")):
            # "那市政府的报告里，全市评定的…有多少" / "那全省呢？省卫健委的报告里是多少": first the
            # switch to whose report ("那市政府呢"), then the rest asked of that
            switched = follow(frames[-1], answer, f"那{source.group('who')}呢？", known, today,
                              earlier=frames[:-1])
            frames.append(follow(switched, "", rest, known, today, earlier=frames))
            continue
        frames.append(follow(frames[-1], answer, q, known, today, earlier=frames[:-1]))
    return frames


# whose report a follow-up asks from, said as a clause of its own: "省卫健委的报告里是多少？",
# "那市政府的报告里，…" (the rest of the turn is what is asked of it)
_SOURCE_CLAUSE = re.compile(r"(?:^|(?<=[，,？?。]))\s*(?:那么?|再)?(?:在|据|按|根据|看)?"
                            r"(?P<who>[\u4e00-\u9fa5]{2,12}?)的(?:年度|工作)?报告(?:里|中|上)?(?:面)?"
                            rf"(?:{_THIS_FIGURE})?(?:(?:说|写|给)的?)?"
                            r"(?:(?:是|有|为)?(?:多少|几)[\u4e00-\u9fa5]?)?呢?[，,？?。]?")
