"""A year stated only in a later report's table, under a row label shorter than the report's own
sentence: "全年止付涉诈资金45.2亿元" in the text and "止付资金（亿元）｜2024年：38.6｜2025年：45.2" in
the table of the same report. The row lacks the question's word (涉诈), so the row alone is not
supported; but the row whose column of the report's year holds the very value the supported sentence
states is the same indicator — its column of the asked year answers (38.6亿元 for 2024).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.answer import Answer, Citation
from bot.extractive import clause_of, coverage, evidence_facts, without_brackets
from facts import Fact, is_table_row
from zh.numerals import normalize_numerals

if TYPE_CHECKING:
    from bot.extractive import Evidence
    from bot.figures import Figure
    from bot.query import Question
    from vectorstore.records import DocumentRecord

# what a row counts its indicator as, which the sentence may say otherwise ("行政处罚案件（件）" of
# "作出行政处罚决定3418件"): the row's other words and the same value in the report's year say it
_COUNTED_AS = frozenset({"案件", "件数", "数量", "总数", "总量", "数据", "情况"})
CLAUSE_COVERAGE = 0.6  # of the question's term weight, in the words before the other year's figure
ROWS_LOOKED = 20  # candidates of the sentence's report searched for its table row


def row_of_the_figure(service, sub: Question, ev: Evidence, fig: Figure) -> tuple[Evidence, Fact] | None:  # noqa: ANN001
    """The table row of ``ev``'s report holding ``fig`` (a sentence's figure) in the column of the
    report's year, and its cell of ``sub``'s year; None when no row states that value."""
    from bot.compare import _same_family, figure_value

    value = figure_value(fig)
    year = ev.chunk.year
    if value is None or year is None or is_table_row(ev.sentence) or not sub.years:
        return None
    # the words the sentence says the figure measures ("全年止付涉诈资金45.2亿元": 止付涉诈资金)
    # … and after it, up to the clause's end when no other figure is there ("全年帮助1,286户经营主体
    # 完成信用修复": 经营主体完成信用修复)
    after = re.split(r"[，,；;。：:]", ev.sentence[fig.end:], maxsplit=1)[0]
    measured = normalize_numerals(clause_of(ev.sentence, fig)[:fig.start - fig.end]
                                  + ("" if re.search(r"\d", after) else after)).lower()
    words = getattr(service.answerer.tokenize, "words", service.answerer.tokenize)
    terms = service.answerer.terms(sub)
    if coverage(measured, terms) < CLAUSE_COVERAGE:
        return None  # the figure's own clause must say what is asked, not only its sentence
    for row in service._evidence(sub, frozenset({ev.chunk.doc_id}), terms)[:ROWS_LOOKED]:
        if not is_table_row(row.sentence):
            continue
        label = normalize_numerals(without_brackets(row.sentence.split("｜", 1)[0])).lower()
        said = [w for w in words(label) if len(w) >= 2]
        if not said or not all(w in measured for w in said if w not in _COUNTED_AS) \
                or all(w in _COUNTED_AS for w in said):
            continue  # the row's label is no shorter name of what the sentence's figure measures
        # (a caption above the table, "单位：件", gives the bare cells their unit)
        cells = [f for f in evidence_facts(row) if f.table and f.year and not f.change]
        same = any(f.year == year and _same_family(f.unit, fig.unit or f.unit)
                   and abs(f.value - value) <= 1e-6 * max(1.0, abs(value)) for f in cells)
        cell = next((f for f in cells if f.year in sub.years), None)
        if same and cell is not None:
            return row, cell
    return None


def stated_in_a_row(service, q: Question, docs: list[DocumentRecord]) -> Answer | None:  # noqa: ANN001
    """The asked year's figure from another year's report of the place, found through the row of
    the figure that report's own sentence states for its year; None when there is none."""
    if q.kind != "numeric" or len(q.years) != 1 or q.asks > 1:
        return None
    from bot.service import _where

    for year, ids in service.reports_stating_year(q, docs):
        own = replace(q, years=[year])
        terms = service.answerer.terms(own)
        evidence = service.supported_evidence(own, ids, terms)
        if not evidence or not service._compose(own, evidence, terms).found:
            continue  # that year's own answer must stand (the gate's confidence) before its row is trusted
        # (its best sentence only: another supported sentence's figure may be another indicator's)
        ev = next((e for e in evidence if e.figures and not is_table_row(e.sentence)), None)
        fig = service.answerer.asked_figure(own, ev, terms) if ev is not None else None
        found = row_of_the_figure(service, q, ev, fig) if ev is not None and fig is not None else None
        if found is None:
            continue
        row, cell = found
        cite = Citation.from_chunk(1, row.chunk, row.sentence.strip())
        return Answer(f"{cell.display}（据{_where(row.chunk)}表格中{q.years[0]}年的数据）。\n"
                      f"{_where(row.chunk)}：{row.sentence.strip()}[1]", found=True, citations=[cite])
    return None
