"""Facts of a chunk's text: every sentence and every rendered table row."""

from __future__ import annotations

import re
from dataclasses import replace

from facts.model import Fact
from facts.sentence import facts_and_object
from facts.table import counted_unit, is_table_row, table_row_facts, unit_of_caption
from zh.sentences import split_sentences

_PLAN_SECTION = re.compile(r"工作安排|工作计划|工作打算|工作思路|下一步|努力方向|工作重点|明年|下一年")
_YEAR = re.compile(r"((?:19|20)\d{2})年")


def chunk_facts(text: str, heading: str = "", report_year: int | None = None) -> list[Fact]:
    """Facts of every line of ``text``: a rendered table row as a row, else sentence by
    sentence (sources are substrings of ``text``; spans are within each source).

    ``heading``: the chunk's section path ("一、… > （三）…"); its last title is the topic
    of last resort; under a plan section ("四、2025年工作安排") every figure is a plan, of
    the year the section names. ``report_year``: the report's year, which dates a value the
    sentence gives for the year before ("较上年的7882件") as ``report_year - 1``."""
    titles = [t.strip() for t in heading.split(" > ")] if heading else []
    last = titles[-1] if titles else ""
    plan_section = next((t for t in titles if _PLAN_SECTION.search(t)), None)
    plan_year = None
    if plan_section is not None and (m := _YEAR.search(plan_section)):
        plan_year = int(m.group(1))
    out: list[Fact] = []
    caption_unit = ""  # "（单位：万元）" above a table: the unit of its bare cells
    # "收到和处理政府信息公开申请情况" above it, or the section's title: what its bare whole numbers count
    caption_count = counted_unit(last)
    for line in text.split("\n"):
        if not line.strip():
            continue
        if is_table_row(line):
            out.extend(table_row_facts(line, caption_unit, caption_count))
            continue
        caption_unit = unit_of_caption(line)
        caption_count = counted_unit(line) if len(line) <= 40 else ""  # (a title line, not prose)
        carried = ""  # "办理行政诉讼案件29件；审结26件": the chain goes on after ；
        for sentence in split_sentences(line):
            if sentence.strip():
                facts, obj = facts_and_object(sentence, last, carried=carried)
                out.extend(facts)
                carried = obj if sentence.rstrip().endswith(("；", ";")) else ""
    if plan_section is not None:
        out = [replace(f, plan=True, year=f.year if f.year is not None else plan_year)
               for f in out]
    if report_year is not None:  # "较上年的7882件", "由上年的1860家增加到…": the year before's
        out = [replace(f, year=report_year - 1) if f.year is None and _last_years(f) else f for f in out]
        # "明确到2026年全县耕地保有量不低于48.6万亩" in a 2024 report: a year still to come is a target
        out = [replace(f, plan=True) if f.year is not None and f.year > report_year and not f.plan else f
               for f in out]
    return out


_FROM_LAST_YEAR = re.compile(r"(?:由|从)(?:上年|去年|上一年)(?:底|末)?的?$")


def _last_years(fact: Fact) -> bool:
    """A value the sentence gives for the year before the report's."""
    return fact.role == "previous" or fact.role == "before" and bool(
        _FROM_LAST_YEAR.search(fact.source[max(0, fact.start - 6):fact.start]))
