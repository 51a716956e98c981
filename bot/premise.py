"""Questions that state a figure as their premise ("成功率为什么跌到了90%以下？",
"已经做到100%了，主要靠什么办法？"): look the figure up, and say so when the report's
figure contradicts the premise, instead of explaining something that did not happen.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.compare import figure_value
from bot.figures import Figure, find_figures
from bot.frame import Frame, ask_question, parse
from facts import Fact
from zh.words import ASK_WORDS, UNIT_FAMILIES

# verb before the figure → what the premise says about the real figure
_AT_LEAST = r"突破|超过|超出|涨到|升到|提高到|提升到|增加到|增长到|高于|多于"
_AT_MOST = r"跌到|跌破|降到|降至|下降到|减少到|低于|少于|不到|不足"
_EXACTLY = r"达到|做到|实现|完成|保持在|控制在|稳定在|达|是|为"
_CLAIM = re.compile(rf"(?:已经|已|就|都|也|竟然|居然)?(?P<verb>{_AT_LEAST}|{_AT_MOST}|{_EXACTLY})了?$")
_NOT = re.compile(r"(?:没有|没能|未能|没|未|不曾)$")
_BOUND = re.compile(r"^(?:以下|以上|之下|之上|以内|之内)")
_TARGET_OF = re.compile(r"(?P<no>没有|没能|未能|没|未)?(?:完成|实现|达到|做到)?把")
# a target said missed with the thing and its figure between: "没完成医疗纠纷调解成功率90%的目标"
_MISSED_TARGET = re.compile(r"(?:没有|没能|未能|没|未)(?:完成|实现|达到|做到)(?P<thing>[^，,。？?、\d]{2,20}?)$")
_TARGET_WORD = re.compile(r"(?:以上|以下|以内)?的?(?:目标|任务|要求)")
_SET_BY = re.compile(r"(?:(?:19|20)\d{2}年|上一年|上年|去年|前年|年初|当年|此前|之前|原先|原来|原|事先)?"
                     r"(?:[\u4e00-\u9fa5]{0,6}?(?:定|制定|设定|确定|提出|下达|明确))的$")
# … or the target said first and missed after it: "…定下的法律援助6500件以上的目标没完成"
_MISSED_AFTER = re.compile(r"^(?:以上|以下|以内)?的?(?:工作)?(?:目标|任务)(?:任务)?(?:没有|没能|未能|没|未)能?"
                           r"(?:完成|实现|达到|做到|达成)")
# … or the thing counted after the figure: "没有完成帮助400户企业信用修复的目标"
_THING_THEN_TARGET = re.compile(r"^(?P<thing>[\u4e00-\u9fa5]{2,10}?)(?:以上|以下|以内)?的(?:目标|任务|要求)")
# who set a target, and when, anywhere in the subject ("2024年定下的2025年法律援助")
_SET_BY_ANY = re.compile(r"(?:(?:19|20)\d{2}年|上一年|上年|去年|前年|年初|当年|此前|之前|原先|原来|事先)"
                         r"[\u4e00-\u9fa5]{0,4}?(?:定下|制定|设定|确定|提出|下达|明确|定)的")
_SUBJECT_TAIL = re.compile(r"(?:已经|已|就|都|也|竟然|居然|没有|没能|未能|没|未|[，,、\s])+$")


@dataclass(frozen=True)
class Claim:
    text: str  # the premise as written: "跌到了90%以下"
    figure: Figure
    relation: str  # ">=", "<=", "==", or "<" / ">" (a target not met: "没完成4800件", "没能控制在5%以内")
    subject: str  # the question up to the premise: "石湾市2022年人民调解成功率"


def find_claim(question: str) -> Claim | None:
    """The figure a question asserts (with its verb), if it asks about it rather than for it."""
    if not re.search(r"为什么|为何|怎么|如何|靠什么|什么办法|什么原因|原因|是不是|真的|具体|实际", question):
        return None
    why = re.search(r"为什么|为何|什么原因|原因是", question) is not None
    for figure in find_figures(question):
        before = question[:figure.start]
        after = _MISSED_AFTER.match(question[figure.end:]) if not why else None
        if after and figure.unit:  # "…定下的2025年法律援助6500件以上的目标没完成，实际只办了多少件"
            subject = _SUBJECT_TAIL.sub("", _SET_BY_ANY.sub("", before))
            if len(subject) >= 4:
                return Claim(question[figure.start:figure.end + after.end()], figure, "<", subject)
        # (a why-question of a missed target is answered by what the report says of it instead)
        missed = _MISSED_TARGET.search(before) if not _CLAIM.search(before[-8:]) and not why else None
        target = _TARGET_WORD.match(question[figure.end:])
        thing_after = _THING_THEN_TARGET.match(question[figure.end:]) if missed and not target else None
        if missed and figure.unit and thing_after:
            # "没有完成帮助400户企业信用修复的目标": the thing said on both sides of the figure
            thing = _SET_BY.sub("", missed.group("thing")) + thing_after.group("thing")
            subject = _SUBJECT_TAIL.sub("", question[:missed.start()]) + thing
            if len(subject) >= 4:
                return Claim(question[missed.start():figure.end + thing_after.end()], figure, "<", subject)
        if missed and figure.unit and target:
            # "没完成医疗纠纷调解成功率90%的目标": the thing whose target was (said to be) missed
            # (less who set the target, and when: "没完成上一年定的60%目标" names no thing of its own)
            thing = _SET_BY.sub("", missed.group("thing"))
            subject = _SUBJECT_TAIL.sub("", question[:missed.start()]) + thing
            if len(subject) >= 4:
                bound = _BOUND.match(question[figure.end:])  # (the claim without 的目标: no plan is asked)
                return Claim(question[missed.start():figure.end + (bound.end() if bound else 0)], figure, "<",
                             subject)
        m = _CLAIM.search(before[-8:])
        if not m or not figure.unit:
            continue
        verb = m.group("verb")
        bound = _BOUND.match(question[figure.end:])
        if bound:
            relation = ">=" if bound.group(0) in ("以上", "之上") else "<="
        elif re.fullmatch(_AT_LEAST, verb):
            relation = ">="
        elif re.fullmatch(_AT_MOST, verb):
            relation = "<="
        else:
            relation = "=="
        start = len(before) - len(m.group(0))
        # "没完成把败诉率控制在5%以内的目标": the target's thing is what 把 takes, the negation before it
        held = _TARGET_OF.search(before[:start])
        negated = _NOT.search(before[:held.start() + len(held.group("no") or "")] if held else before[:start])
        if negated:  # "没完成4800件的目标": the real figure fell short of it
            # ("没能保持在99%以上": below it; "没能控制在5%以内": above it)
            relation = {"==": "<", ">=": "<", "<=": ">"}[relation]
            start = start if held else negated.start()
        end = figure.end + (bound.end() if bound else 0)
        said = question[:held.start()] + question[held.end():start] if held else question[:start]
        subject = _SUBJECT_TAIL.sub("", re.sub(r"为什么|为何|怎么", "", said))
        if len(subject) < 4:
            continue
        said_from = held.start() if held and negated else start  # "没完成把…控制在5%以内", as asked
        return Claim(question[said_from:end], figure, relation, subject)
    return None


def contradicts(claim: Claim, actual: Figure) -> bool:
    want, got = figure_value(claim.figure), figure_value(actual)
    if want is None or got is None:
        return False
    if claim.relation == ">=":
        return got < want
    if claim.relation == "<=":
        return got > want
    if claim.relation == "<":
        return got >= want
    if claim.relation == ">":
        return got <= want
    return abs(got - want) > 1e-9


def subject_frame(frame: Frame, claim: Claim, known: Sequence[str] = (), today: dt.date | None = None) -> Frame:
    """The claim's subject asked as a question of its own, as a frame: what the subject names
    ("石湾市2022年人民调解成功率"), the places and years it does not name taken from the
    question's ``frame``, asked for a figure in the claim's unit ("…是多少", "…有多少件"). Its
    text is rendered from these slots, so the text and what it asks agree."""
    unit = claim.figure.unit
    if unit == "%":
        text = f"{claim.subject}是多少"
        if parse(text, known, today).kind != "rate":  # "覆盖是多少" asks no share: say so
            text = f"{claim.subject}是百分之多少"
    elif unit in UNIT_FAMILIES:
        text = f"{claim.subject}有多少{unit}"
    else:
        text = f"{claim.subject}是多少"
    own = parse(text, known, today)
    asks = tuple(a for a in own.asks if a.kind in ("number", "rate"))[:1] or tuple(
        replace(a, kind="number") for a in own.asks[:1])
    side = replace(frame, regions=own.regions or frame.regions, years=own.years or frame.years, asks=asks,
                   comparison=False, premise="", unknown_places=own.unknown_places, notes=(), context=None)
    text = ask_question(side, asks[0]) if asks else text + "？"
    return replace(side, text=text, resolved=text)


_UP = "上升|增长|增加|提高|提升|上涨|增多|多"  # (多 / 少: "比上年多了25%")
_DOWN = "下降|减少|降低|下滑|回落|少"
_CHANGE_CLAIM = re.compile(rf"(?:比|较|同比|环比)[^，,；;。？?]{{0,6}}?(?P<verb>{_UP}|{_DOWN})了?$")


@dataclass(frozen=True)
class ChangeClaim:
    text: str  # as written: "上升了1.2个百分点"
    figure: Figure
    up: bool
    said: str = ""  # with what it is compared to: "比上年上升了1.2个百分点"


def change_claims(question: str) -> list[ChangeClaim]:
    """Changes a question states rather than asks ("败诉率比上年上升了1.2个百分点，…是多少件"):
    a figure right after 比/较…上升/下降 in a clause that asks nothing."""
    out = []
    for clause in re.split(r"[，,；;]", question):
        if ASK_WORDS.search(clause):
            continue
        for figure in find_figures(clause):
            window = clause[:figure.start][-12:]
            m = _CHANGE_CLAIM.search(window)
            if m and figure.unit:
                verb = m.group("verb")
                said = clause[figure.start - len(window) + m.start():figure.end]
                out.append(ChangeClaim(clause[clause.rfind(verb, 0, figure.start):figure.end],
                                       figure, re.fullmatch(_UP, verb) is not None, said))
    return out


def contradicted_change(claim: ChangeClaim, facts: Sequence[Fact]) -> Fact | None:
    """The fact stating the same change in the other direction, if the sentence has one."""
    want = figure_value(claim.figure)
    for f in facts:
        if f.change and f.unit == claim.figure.unit and want is not None \
                and abs(f.value - want) < 1e-9 and (f.change == "increase") != claim.up:
            return f
    return None
