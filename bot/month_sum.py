"""A quarter, a half or a run of months asked of a report whose table has one row per month
("月份｜检查企业（家次）｜…｜罚款（万元）" with rows 1月 … 12月): the sum of those months' rows, each
cited — when no sentence or column states that period itself (the caller asks this last).

"濴源县应急管理局2025年第二季度一共罚款多少" of rows 4月 40.8、5月 44.3、6月 58.7 (万元) is
143.8万元. Every month of the period must be found as its own table row, in one unit, or nothing is
answered: a sum of some of the months would be a wrong figure.
"""

from __future__ import annotations

import re

from bot.answer import Answer, Citation
from bot.figures import display_unit, format_amount
from bot.periods import PERIOD_RE, months_of

_MONTH_LABEL = re.compile(r"(1[0-2]|[1-9])月份?")


def month_sum(service, q, docs) -> Answer | None:  # noqa: ANN001
    """The sum over the asked months of a table's month rows; None when no run of months is
    asked, or some month has no row of its own."""
    if q.kind != "numeric" or q.is_comparison or q.asks > 1:
        return None
    found = next(((m, months) for m in PERIOD_RE.finditer(q.normalized)
                  if (months := months_of(m)) and months[0] < months[1] and months != (1, 12)), None)
    if found is None:
        return None
    period, (first, last) = found
    rows = []
    for month in range(first, last + 1):
        text = f"{q.normalized[:period.start()]}{month}月{q.normalized[period.end():]}"
        sub = service.analyze(text, docs)
        scope = service.scope(sub, docs)
        if scope.refusal:
            return None
        terms = service.answerer.terms(sub)
        evidence = service.supported_evidence(sub, scope.doc_ids, terms)
        fact = evidence[0].bindings[0].fact if evidence and evidence[0].bindings else None
        label = _MONTH_LABEL.fullmatch((fact.topic or "").strip()) if fact is not None else None
        if fact is None or not fact.table or label is None or int(label.group(1)) != month:
            return None  # (a month said in a sentence may be a part of another count: no sum of it)
        rows.append((month, evidence[0], fact))
    if len({(f.unit, f.column) for _, _, f in rows}) != 1:
        return None  # not one column's cells
    unit = display_unit(rows[0][2].display, rows[0][2].unit)  # (as the cells show it: 万元)
    total = format_amount(sum(f.value for _, _, f in rows), unit)
    listed = "、".join(f"{month}月{f.display}" for month, _, f in rows)
    citations: list[Citation] = []
    quotes = []
    for month, ev, _ in rows:
        c = Citation.from_chunk(len(citations) + 1, ev.chunk, ev.sentence.strip())
        citations.append(c)
        quotes.append(f"{month}月：{c.quote}[{c.n}]")
    said = period.group(0)
    return Answer(f"{total}（{said}为{listed}之和）。\n" + "\n".join(quotes), found=True, citations=citations,
                  question=q.normalized)
