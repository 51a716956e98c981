"""A question asking why something rose or fell ("2025年行政复议案件为什么比上年减少了？")
takes the direction as its premise. When the two years cannot be compared figure by figure,
the change the report itself states ("同比增长17.4%") answers it: with a correction when it
went the other way, so that the bot never explains a fall that was a rise."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.binding import pair_partner
from bot.compare import side_frames
from bot.extractive import evidence_facts
from bot.figures import unsigned
from bot.frame import ask_question
from facts import is_table_row, sentence_facts
from zh.words import CHANGE_VERBS, DOWN_WORDS, UP_WORDS, WHY_ASK, WHY_ASK_LONG

# WHY_CHANGED (zh/words.py) with 涨/跌, which there would make more questions comparisons
_WHY_CHANGED = re.compile(rf"{WHY_ASK}(?:{CHANGE_VERBS}|涨|跌)|{WHY_ASK_LONG}(?:{CHANGE_VERBS}|涨|跌)(?=了?[？?]?$)|"
                          # "…比上年下降了一半，主要原因是什么？": the change said first, then the why
                          rf"(?:{CHANGE_VERBS}|涨|跌)了?[^，,。？?]{{0,6}}[，,]\s*(?:这|其)?(?:主要)?"
                          r"(?:原因是什么|是什么原因|什么原因|为什么|为何|怎么回事)")

if TYPE_CHECKING:
    from bot.answer import Answer
    from bot.query import Question
    from bot.service import QAService
    from vectorstore.records import DocumentRecord


def premise_direction(question: str) -> bool | None:
    """True when the question says it rose, False fell, None when it asks no why-changed."""
    m = _WHY_CHANGED.search(question)
    if m is None:
        return None
    said = m.group(0)
    if DOWN_WORDS.search(said):
        return False
    return True if UP_WORDS.search(said) else None


def stated_change(service: QAService, q: Question, docs: list[DocumentRecord],
                  only_contradicted: bool = False) -> Answer | None:
    """The change of the asked year that the report states, as the answer to a why-changed
    question; None when the report states none for the asked thing (``only_contradicted``: or
    when it went the way the question says)."""
    up = premise_direction(q.normalized)
    sides = side_frames(q) if up is not None else None
    if not sides:
        return None
    _, frame, _ = sides[0]  # the question's own year (or place) first
    ask = frame.asks[0]
    changed = replace(ask, text=f"{ask.indicator}同比变化了多少", kind="number", units=())
    framed = replace(frame, asks=(changed,), text="", resolved="")
    text = ask_question(framed, changed)
    sub = service.analyze(text, docs, replace(framed, text=text, resolved=text))
    stated = service.stated_change_evidence(sub, docs)
    if stated is None:
        return None
    evidence, terms = stated
    fact = evidence[0].bindings[0].fact
    answer = service._compose(sub, evidence, terms, gate=False)  # noqa: SLF001
    went_up = fact.change == "increase"
    if went_up == up:
        return None if only_contradicted else answer
    said = "增长" if went_up else "下降"
    claimed = "上升" if up else "减少"
    sentence, year = evidence[0].sentence, evidence[0].chunk.year
    # (a table row: "死亡人数（人）｜2024年：240｜2025年：213｜同比：-11.3%" — the report year's cell)
    facts = evidence_facts(evidence[0]) if is_table_row(sentence) else sentence_facts(sentence)
    level = next((f for f in facts if f.indicator == fact.indicator and not f.change
                  and f.role not in ("before", "previous") and f.unit != fact.unit
                  and f.year in (None, year)), None)
    was = f"为{level.display}，同比" if level is not None else "是"
    before = pair_partner(level, facts) if level is not None and level.role == "after" else None
    if level is not None and before is not None:  # "由412件增加到468件": both the report's words
        sentence = evidence[0].sentence
        start = max(sentence.rfind("由", 0, before.start), sentence.rfind("从", 0, before.start), before.start - 12, 0)
        was = f"{sentence[start:level.end]}，同比"
    return replace(answer, text=f"报告中{was}{said}{unsigned(fact.display)}，并非问题所说的{claimed}。\n{answer.text}")
