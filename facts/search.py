"""Find facts by what they measure, over chunk records (duck-typed: ``.facts()``, ``.region``,
``.year``, ``.title``, ``.section_path``) — used by ``python -m bot facts`` and reusable by
the answerer and the API."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from facts.model import Fact

Tokenize = Callable[[str], list[str]]


@dataclass(frozen=True)
class FoundFact:
    fact: Fact
    record: Any       # the chunk record the fact came from
    score: float      # 1.0 = the query stands in the indicator/topic/column as written
    year: int | None  # the fact's own year, else its report's

    def to_dict(self) -> dict:
        f, r = self.fact, self.record
        return {
            "value": f.value, "text": f.text, "display": f.display, "unit": f.unit,
            "indicator": f.indicator, "topic": f.topic, "column": f.column, "year": self.year,
            "year_from": "fact" if f.year is not None else "report", "region": r.region,
            "title": r.title, "section": r.section_path, "source": f.source, "role": f.role,
            "change": f.change, "plan": f.plan, "share_of": f.share_of, "approx": f.approx,
            "table": f.table, "score": round(self.score, 3),
        }


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)} or {text}


def match_score(query: str, fact: Fact, tokenize: Tokenize | None = None) -> float:
    """How well ``query`` names what ``fact`` measures: 1.0 when it stands in the indicator,
    topic or column as written; else the share of the query's tokens (jieba tokens when
    ``tokenize`` is given, character bigrams otherwise) found there, longer tokens weighing
    more."""
    query = query.strip()
    if not query:
        return 0.0
    label = f"{fact.indicator} {fact.topic} {fact.column} {fact.share_of}"
    if query in label:
        return 1.0
    tokens = [t for t in (tokenize(query) if tokenize else _bigrams(query)) if t.strip()]
    if not tokens:
        return 0.0
    total = sum(len(t) for t in tokens)
    return sum(len(t) for t in tokens if t in label) / total


def search_facts(records: Iterable[Any], query: str, *, region: str | None = None,
                 year: int | None = None, tokenize: Tokenize | None = None,
                 min_score: float = 0.5, limit: int | None = 200) -> list[FoundFact]:
    """Facts whose indicator/topic/column names ``query``, best first, then by region, year
    and the order of the reports; ``region`` matches the report's region or title,
    ``year`` the fact's own year, else its report's. A fact repeated by overlapping chunks of
    one report is listed once."""
    found: list[FoundFact] = []
    seen: set[tuple] = set()  # chunks overlap by a sentence: one fact, listed once
    for record in records:
        if region and region not in (record.region or "") and region not in (record.title or ""):
            continue
        for fact in record.facts():
            fact_year = fact.year if fact.year is not None else record.year
            if year is not None and fact_year != year:
                continue
            score = match_score(query, fact, tokenize)
            key = (getattr(record, "doc_id", id(record)), fact.source, fact.start, fact.indicator)
            if score >= min_score and key not in seen:
                seen.add(key)
                found.append(FoundFact(fact, record, score, fact_year))
    found.sort(key=lambda f: (-f.score, f.record.region or "", f.year or 0))
    return found[:limit] if limit is not None else found


def format_found(item: FoundFact) -> str:
    """One line for the terminal."""
    f, r = item.fact, item.record
    what = f.indicator + (f"（{f.topic}）" if f.topic else "")
    if f.column:
        what += f"［{f.column}］"
    marks = "".join(m for m in (
        f" {f.role}" if f.role else "", f" {f.change}" if f.change else "",
        " 目标" if f.plan else "", f" 其中/{f.share_of}" if f.share_of else "") if m)
    year = f"{item.year}年" if item.year else "年份不详"
    return (f"{f.display}\t{what}{marks}\t{year}\t{r.region or ''}\t{r.title} · "
            f"{r.section_path}\n\t“{f.source}”")
