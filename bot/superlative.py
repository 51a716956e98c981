"""Which place of a table of places ranks first ("葳州下面哪个县区去年行政诉讼败诉率最高？"), or which
body of a table of departments ("哪个部门行政处罚最多"): the column the question names, compared over
the rows that are places (or bodies), with the row cited."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.answer import Answer, Citation
from bot.extractive import coverage, without_brackets
from bot.frame import is_admin_word
from zh.numerals import cn_numeral_to_str, normalize_numerals
from zh.words import WHOLE_OF_PLACE

if TYPE_CHECKING:
    from bot.query import Question
    from bot.service import QAService
    from vectorstore.records import ChunkRecord, DocumentRecord

# "哪个县…最高", or the other way round: "…最高的是哪个街道"
_WHICH_MOST = re.compile(r"哪(?:个|一个|些|几个|家|里)?[^，。？?]{0,24}?最(高|低|多|少|大|小|快|慢)|"
                         r"最(高|低|多|少|大|小|快|慢)的(?:是|为|在)?哪")
# … and in English: "Which district had the highest …", "… the most … and how many?"
_EN_WHICH_MOST = re.compile(r"\bwhich\b[^?]{0,120}?\b(highest|lowest|most|fewest|largest|smallest|greatest|least)\b",
                            re.I)
_EN_MOST = {"highest": "高", "most": "多", "largest": "大", "greatest": "大",
            "lowest": "低", "fewest": "少", "smallest": "小", "least": "少"}
_HIGH = frozenset("高多大快")
# "哪个区县排第一", "排名第二的是哪个县", "Which district ranked first": a 排名 column's row of that rank
_WHICH_RANK = re.compile(r"哪(?:个|一个|家|里)?[^，。？?]{0,16}?(?:排名|排在|排|位列|位居|名列|得了)"
                         r"第(?P<n>[一二三四五六七八九十]|\d{1,2})(?:名|位)?|"
                         r"(?:排名|排在|排|位列|位居|名列)?第(?P<n2>[一二三四五六七八九十]|\d{1,2})(?:名|位)?的(?:是|为)?哪")
_EN_WHICH_RANK = re.compile(r"\bwhich\b[^?]{0,120}?\b(?:rank(?:ed)?|came|placed|was)\s+(?P<n>first|second|third|top)\b",
                            re.I)
_EN_RANK = {"first": 1, "top": 1, "second": 2, "third": 3}
_RANK_COLUMN = re.compile(r"排名|名次|位次")
_PLACE = re.compile(r"^[\u4e00-\u9fa5]{1,10}(?:省|市|区|县|旗|镇|乡|街道|州|盟)$")
# what the question ranks, no words of what it ranks them by ("哪个部门…最多")
_RANKED_KINDS = frozenset({"地方", "县市区", "部门", "单位", "机关", "执法部门", "执法单位"})
# … or of bodies ("执法部门｜行政处罚（件）…", a row each: 市场监督管理局, 城市管理综合执法局 …)
_BODY = re.compile(r"^[\u4e00-\u9fa5]{2,16}(?:局|委员会|办公室|中心|厅|支队|大队)$")
# a column must say this much of what the question asks (its words weighted by rarity)
MIN_COLUMN_COVERAGE = 0.5


def superlative(service: QAService, q: Question, docs: list[DocumentRecord]) -> Answer | None:
    """The answer to "哪个县…最高" from a table of places in the question's scope; None when
    the question asks no such thing or no table has a column for it."""
    rank = _asked_rank(q.normalized)
    m = _WHICH_MOST.search(q.normalized)
    english = _EN_WHICH_MOST.search(q.normalized) if not m else None
    if not m and not english and not rank:
        return None
    scope = service.scope(q, docs)
    if scope.refusal:
        return None
    # what is ranked: the question's words less the places it ranks ("县区") and the ranking
    terms = [t for t in service.answerer.terms(q)
             if not is_admin_word(t.text) and not t.text.startswith("最") and t.text not in _RANKED_KINDS
             and t.text.lower() not in _EN_MOST]
    if not terms:
        return None
    snap = service.store.snapshot()
    # (column, unit) → [(fact, chunk)] over the place rows of the scope's tables
    columns: dict[tuple[str, str], dict[str, tuple]] = {}
    for chunk in snap.chunks:
        if scope.doc_ids is not None and chunk.doc_id not in scope.doc_ids or "｜" not in chunk.text:
            continue
        if q.years and chunk.year not in q.years:
            continue
        for fact in chunk.facts():
            if fact.table and fact.column and _ranked_row(fact.topic.strip()) and fact.year in (None, chunk.year) \
                    and not WHOLE_OF_PLACE.fullmatch(fact.topic.strip()):  # (the 全县 row is their total)
                by_place = columns.setdefault((fact.column, fact.unit), {})
                by_place.setdefault(fact.topic.strip(), (fact, chunk))  # (chunks overlap: a row once)
    if rank:
        return _of_rank(columns, rank)
    # a column the question names whole ("行政处罚（件）" of "办理的行政处罚案件最少") is named, whatever verb
    # and counted noun the question says around it (办理, 案件: the column's unit says it counts cases)
    asked = normalize_numerals(q.normalized).lower()
    scored = sorted(((max(coverage(normalize_numerals(col).lower(), terms),
                          1.0 if _named_whole(col, asked) else 0.0), key) for key in columns
                     for col in [key[0]] if len(columns[key]) >= 2), reverse=True)
    if not scored or scored[0][0] < MIN_COLUMN_COVERAGE or len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None  # no column names it, or two name it alike
    rows = list(columns[scored[0][1]].values())
    most = (m.group(1) or m.group(2)) if m else _EN_MOST[english.group(1).lower()] if english else ""
    high = most in _HIGH
    best = max(rows, key=lambda r: r[0].value) if high else min(rows, key=lambda r: r[0].value)
    ties = [r for r in rows if r[0].value == best[0].value]
    fact, chunk = best
    names = "、".join(dict.fromkeys(r[0].topic.strip() for r in ties))
    column = without_brackets(fact.column)
    lead = f"{names}，{fact.display}（{column}最{most}，共{len(rows)}个{_kind(fact.topic.strip())}）。"
    cite = Citation.from_chunk(1, chunk, _row(chunk, fact.topic))
    return Answer(f"{lead}\n{_where(chunk)}：{cite.quote}[1]", found=True, citations=[cite])


def _named_whole(column: str, asked: str) -> bool:
    """The question says the column's label whole, less its bracketed unit (行政处罚 of 行政处罚（件）)."""
    label = normalize_numerals(without_brackets(column)).lower().strip()
    return len(label) >= 2 and label in asked


def _ranked_row(label: str) -> bool:
    """A row a question may rank: a place's or a body's."""
    return bool(_PLACE.match(label) or _BODY.match(label))


def _kind(label: str) -> str:
    return "地方" if _PLACE.match(label) else "部门"


def _asked_rank(text: str) -> int:
    """The rank a "which place ranks Nth" question asks (0 when it asks none)."""
    m = _WHICH_RANK.search(text)
    if m:
        n = m.group("n") or m.group("n2")
        return int(n if n.isdigit() else cn_numeral_to_str(n) or 0)
    english = _EN_WHICH_RANK.search(text)
    return _EN_RANK[english.group("n").lower()] if english else 0


def _of_rank(columns: dict[tuple[str, str], dict[str, tuple]], rank: int) -> Answer | None:
    """The place whose 排名 cell is ``rank`` — when one rank column of the scope's place tables says it."""
    ranked = [rows for (column, _), rows in columns.items() if _RANK_COLUMN.search(column) and len(rows) >= 2]
    if len(ranked) != 1:
        return None  # no rank column, or several (of several tables): not one answer
    hits = [(fact, chunk) for fact, chunk in ranked[0].values() if fact.value == rank]
    if len(hits) != 1:
        return None
    fact, chunk = hits[0]
    label = fact.topic.strip()
    lead = f"{label}（{without_brackets(fact.column)}第{rank}，共{len(ranked[0])}个{_kind(label)}）。"
    cite = Citation.from_chunk(1, chunk, _row(chunk, fact.topic))
    return Answer(f"{lead}\n{_where(chunk)}：{cite.quote}[1]", found=True, citations=[cite])


def _row(chunk: ChunkRecord, label: str) -> str:
    return next((line for line in chunk.text.splitlines() if line.startswith(label.strip() + "｜")), chunk.text)


def _where(chunk: ChunkRecord) -> str:
    from bot.service import _where as where

    return where(chunk)
