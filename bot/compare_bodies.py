"""Two bodies of one place compared ("蓼川住建局跟教育局2024年复议案子哪个多，多几件？",
"城中分局和乌石分局谁办的行政处罚案件多？"): each body's figure found by asking the question of
it alone, then compared like two places (bot.compare)."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.answer import Answer
from bot.compare import _compose, _side_figure
from bot.extractive import Evidence, asks_change_only, states_change
from bot.figures import Figure
from zh.dates import PERIOD_OF_YEAR
from zh.words import BODY_KIND

# both named bodies end in the same kind (a body's, or a town's: 街道, 镇, 乡)
# (not from the 年 of a year before it: "2025年苹溪县城市管理局和人社局")
_TWO_BODIES = re.compile(rf"(?P<a>(?!年)[\u4e00-\u9fa5]{{1,8}}?(?P<kind>{BODY_KIND}|街道|镇|乡))(?:和|跟|与|同|及|、)"
                         rf"(?P<b>[\u4e00-\u9fa5]{{1,8}}?(?P=kind))")
# what makes it a comparison, and how each side's question reads without it
_WHICH = re.compile(r"哪个|哪家|哪一个|谁|[多少高低](?:几|多少)|相差|差多少")
_DIFFERENCE_TAIL = re.compile(r"[，,]?(?:多|少|高|低|差)(?:了)?(?:几|多少)[个件家名人项次元所份条]?[？?]?$")
_WHICH_MORE = re.compile(r"(?:哪个|哪家|哪一个)(?:更)?(?:多|少|高|低)")
_WHO_MORE = re.compile(r"谁(?P<what>.+?)(?:更)?(?:多|少|高|低)(?P<end>[？?]?)$")


def side_questions(text: str, places: tuple[str, ...] = ()) -> tuple[str, str, str, str] | None:
    """(body A, its question, body B, its question) for a comparison of two bodies; None
    when the text names no two bodies of one kind or asks no comparison. ``places``: the
    place words of the question (a place said once before the first body is both's)."""
    m = _TWO_BODIES.search(text)
    if not m or not (_WHICH.search(text[m.end():]) or _WHICH.search(text[:m.start()])):
        return None
    plain = _DIFFERENCE_TAIL.sub("", text) or text
    plain = _WHICH_MORE.sub("有多少", plain)
    plain = _WHO_MORE.sub(lambda w: f"{w.group('what')}有多少{w.group('end')}", plain)
    if plain == text or "有多少" not in plain and "是多少" not in plain:
        plain = re.sub(r"[？?]?$", "有多少", plain, count=1)
    a, b = m.group("a"), m.group("b")
    # "蓼川住建局跟教育局": the place said once before the first body belongs to both
    place = next((p for p in sorted(places, key=len, reverse=True) if a.startswith(p) and a != p), "")
    a = a[len(place):]
    return a, plain.replace(m.group(0), place + a, 1), b, plain.replace(m.group(0), place + b, 1)


# two things of one report ("行政复议申请和行政诉讼案件，哪个同比降得更多"): no place, year
# or body in either name
# (a number in a thing's name is no year: 12345热线群众满意率)
_THING = r"(?:(?!\d+年)[^，,、的和与跟及？?])"
_TWO_THINGS = re.compile(rf"(?P<a>{_THING}{{2,12}})(?:和|与|跟|及)(?P<b>{_THING}{{2,12}}?)"
                         r"[，,]?(?:这两[个项类]|两者|二者)?中?的?(?:哪个|哪一个|哪项|哪一项|哪类|谁)(?P<rest>[^，,？?]*)")
_MORE = re.compile(r"得?(?:更|比较)?(?:多|少|高|低|大|小|快|慢)$")


def thing_questions(text: str, places: tuple[str, ...] = ()) -> tuple[str, str, str, str] | None:
    """(thing A, its question, thing B, its question) for "A和B，哪个…更多"; None when the
    text compares no two things (two places or years are compared elsewhere)."""
    m = _TWO_THINGS.search(text)
    if not m or any(p in m.group("a") or p in m.group("b") for p in places):
        return None
    verb = _MORE.sub("", m.group("rest"))
    if verb == m.group("rest"):
        return None  # "哪个是…": no more or less asked
    ask = f"{verb}了多少" if verb else "有多少"
    a, b = m.group("a").lstrip("年度"), m.group("b")  # "2025年行政复议申请": the year is the prefix's
    prefix = text[:m.end("a") - len(a)]
    return a, f"{prefix}{a}{ask}？", b, f"{prefix}{b}{ask}？"


# two periods of one year ("第四季度比第一季度多受理了多少件", "上半年和下半年…哪个多"): the
# columns of one table row (第一季度｜…｜第四季度｜全年), each asked alone
_TWO_PERIODS = re.compile(rf"(?P<a>{PERIOD_OF_YEAR})(?P<join>比|较|和|与|跟|同)(?P<b>{PERIOD_OF_YEAR})"
                          r"(?:相比|比较)?[，,]?")
# "多受理了多少件": the comparison's 多 before the verb; "哪个多" and "差多少" at the end
_MORE_VERB = re.compile(r"(?<=[\u4e00-\u9fa5])[多少高低差]了?(?=多少|几)"
                        r"|[多少高低](?=[\u4e00-\u9fa5]{1,4}了?(?:多少|几))")


def period_questions(text: str) -> tuple[str, str, str, str] | None:
    """(period A, its question, period B, its question) for a comparison of two periods of one
    year; None when the text compares no two periods."""
    m = _TWO_PERIODS.search(text)
    if not m or m.group("a") == m.group("b"):
        return None
    rest = text[m.end():]
    if m.group("join") not in "比较" and not _WHICH.search(rest):
        return None  # "第一季度和第二季度分别受理了多少件": two asks, no comparison
    plain = _MORE_VERB.sub("", rest, count=1) if m.group("join") in "比较" else rest
    plain = _DIFFERENCE_TAIL.sub("", plain) or plain
    plain = _WHICH_MORE.sub("有多少", plain)
    if "多少" not in plain and "几" not in plain:
        plain = re.sub(r"[？?]?$", "有多少？", plain, count=1)
    head = text[:m.start()]
    return m.group("a"), f"{head}{m.group('a')}{plain}", m.group("b"), f"{head}{m.group('b')}{plain}"


def compare_periods(service, q, docs) -> Answer | None:  # noqa: ANN001
    """The comparison of two periods of one year (a table's quarter columns); None when ``q``
    compares no two periods."""
    sides = period_questions(q.normalized)
    # a side's figure is that period's: the annual figure is no quarter's
    return _compare_sides(service, q, docs, sides, named=True) if sides is not None else None


def compare_things(service, q, docs) -> Answer | None:  # noqa: ANN001
    """The comparison of two things of one report, each asked alone; None when ``q`` names no
    two things to compare."""
    if len(q.regions) >= 2:
        return None
    sides = thing_questions(q.normalized, tuple(q.region_mentions))
    return _compare_sides(service, q, docs, sides) if sides is not None else None


def compare_bodies(service, q, docs) -> Answer | None:  # noqa: ANN001
    """The comparison of the two bodies ``q`` names, or None when it names no two; never one
    body's figure alone."""
    sides = side_questions(q.normalized, tuple(q.region_mentions))
    return _compare_sides(service, q, docs, sides) if sides is not None else None


def _compare_sides(service, q, docs, sides: tuple[str, str, str, str],  # noqa: ANN001
                   named: bool = False) -> Answer:
    """``named``: a side's evidence must say the side's own word (a period of the year)."""
    a, text_a, b, text_b = sides
    per_side: list[tuple[str, Evidence | None, Figure | None]] = []
    for label, text in ((a, text_a), (b, text_b)):
        sub = service.analyze(text, docs)
        if len(sub.years) == 2 and "同比" in text:
            sub = replace(sub, years=sub.years[:1])  # "同比降了多少": the change the year's report states
        scope = service.scope(sub, docs)
        if sub.kind != "numeric" or scope.refusal:
            per_side.append((label, None, None))
            continue
        terms = service.answerer.terms(sub)
        if asks_change_only(sub):  # "…同比降了多少": the change stated, not the level beside it
            stated = [e for e in service._evidence(sub, scope.doc_ids, terms) if e.bindings
                      and states_change(e.bindings[0].fact) and service.answerer.supported(sub, e, terms)]
            ev = stated[0] if stated else None
            fig = service.answerer.asked_figure(sub, ev, terms) if ev is not None else None
        else:
            ev, fig = _side_figure(service, sub, docs, terms)
        if named and ev is not None and label not in ev.sentence:
            ev, fig = None, None
        per_side.append((label, ev, fig))
    return _compose(q, per_side, over_time=False)
