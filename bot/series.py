"""An indicator over report years and regions, from the facts (docs/FACTS.md): the data of
the chat's indicator charts.

The indicator is the one of the fact the answer cites (the first citation's quote, the figure
the answer leads with, the question's words). Every stored fact that measures the same thing
— same unit, an indicator equal or nearly equal, a compatible topic, not a plan, a change or
the "before" of 由A增加至B — gives one value per (region, year); a year column of a table
counts for its year. Each point keeps its citation (report, section, page, sentence)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from bot.answer import Answer, Citation
from facts import chunk_facts
from facts.model import Fact
from facts.search import match_score, search_facts

Tokenize = Callable[[str], list[str]]

MIN_POINTS = 2
SIMILAR = 0.8  # Dice overlap of character bigrams for indicators written differently
TOPIC_SIMILAR = 0.5
# Questions that ask about an indicator over years or regions.
_TREND = re.compile(r"历年|历来|变化|趋势|对比|比较|相比|比上年|较上年|逐年|各年|每年|两年|几年|"
                    r"近年|这几年|增长|增加|减少|下降|上升|提高|降低|分别|走势")
_YEARS = re.compile(r"(?:19|20)\d{2}")
_REGION_TAIL = re.compile(r"[^省市]{2,}$")


@dataclass(frozen=True)
class SeriesPoint:
    region: str
    year: int
    value: float
    display: str      # the figure as written (with a header's unit): "8家", "236件"
    indicator: str    # the fact's own indicator (and topic) as written
    citation: Citation  # the chunk the fact came from; ``quote`` is its sentence or table row

    def to_dict(self) -> dict:
        return {"region": self.region, "year": self.year, "value": self.value,
                "display": self.display, "indicator": self.indicator,
                "citation": asdict(self.citation)}

    @classmethod
    def from_dict(cls, data: dict) -> SeriesPoint:
        return cls(str(data["region"]), int(data["year"]), float(data["value"]),
                   str(data["display"]), str(data.get("indicator", "")),
                   Citation(**data["citation"]))


@dataclass(frozen=True)
class Series:
    indicator: str   # what is measured: "引进律师事务所", "行政复议申请·受理"
    unit: str
    points: tuple[SeriesPoint, ...]  # by region, then year

    @property
    def regions(self) -> list[str]:
        return list(dict.fromkeys(p.region for p in self.points))

    @property
    def years(self) -> list[int]:
        return sorted({p.year for p in self.points})

    def to_dict(self) -> dict:
        return {"indicator": self.indicator, "unit": self.unit,
                "points": [p.to_dict() for p in self.points]}

    @classmethod
    def from_dict(cls, data: Any) -> Series | None:
        """The series a turn kept (None if ``data`` is not one)."""
        try:
            return cls(str(data["indicator"]), str(data["unit"]),
                       tuple(SeriesPoint.from_dict(p) for p in data["points"]))
        except (KeyError, TypeError, ValueError):
            return None


def wants_series(question: str) -> bool:
    """Whether the question asks about an indicator over years or regions (历年, 变化,
    a comparison, two years named)."""
    return bool(_TREND.search(question)) or len(set(_YEARS.findall(question))) >= 2


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)} or ({text} if text else set())


def _dice(a: str, b: str) -> float:
    x, y = _bigrams(a), _bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def _overlap(a: str, b: str) -> float:
    x, y = _bigrams(a), _bigrams(b)
    return len(x & y) / min(len(x), len(y)) if x and y else 0.0


def _usable(fact: Fact) -> bool:
    return (not fact.plan and not fact.change and fact.value == fact.value
            and (fact.role not in ("before", "previous") or fact.year is not None))


def cited_fact(answer: Answer, question: str = "", tokenize: Tokenize | None = None,
               ) -> Fact | None:
    """The fact the answer's first citation gives: among the facts of its quote, one whose
    figure the answer's first line shows (the one the question names best), else the one
    the question names best."""
    if not answer.found or not answer.citations:
        return None
    first = answer.citations[0]
    facts = [f for f in chunk_facts(first.quote or "", first.section, first.year)
             if _usable(f) and f.indicator]
    if not facts:
        return None
    headline = (answer.text.strip().splitlines() or [""])[0]
    asked = answer.question or question

    def named(f: Fact) -> float:
        return match_score(asked, f, tokenize) if asked else 0.0

    shown = [f for f in facts if f.text in headline or f.display in headline]
    if shown:
        return max(shown, key=named)
    best = max(facts, key=named)
    return best if named(best) >= 0.5 else None


def _same_measure(cited: Fact, fact: Fact) -> int:
    """2 = the same indicator as written, 1 = nearly the same, 0 = another measure."""
    if fact.unit != cited.unit or bool(fact.share_of) != bool(cited.share_of):
        return 0
    if cited.topic and fact.topic and _overlap(cited.topic, fact.topic) < TOPIC_SIMILAR:
        return 0
    if fact.indicator == cited.indicator:
        return 2
    return 1 if _dice(fact.indicator, cited.indicator) >= SIMILAR else 0


def _short_region(region: str) -> str:
    """'鹭洲市明湖区' -> '明湖区' (what a question names)."""
    m = _REGION_TAIL.search(region)
    return m.group(0) if m else region


def _regions(answer: Answer, question: str, records: Sequence[Any]) -> set[str]:
    """The regions the question names, else those of the answer's citations."""
    known = {r.region for r in records if r.region}
    named = {r for r in known if r in question or _short_region(r) in question}
    return named or {c.region for c in answer.citations if c.region}


def indicator_series(records: Iterable[Any], answer: Answer, question: str = "",
                     tokenize: Tokenize | None = None) -> Series | None:
    """The cited indicator over the report years and regions of ``records`` (chunk records:
    ``store.snapshot().chunks``), or None when the answer cites no usable figure or fewer
    than MIN_POINTS values are found."""
    cited = cited_fact(answer, question, tokenize)
    if cited is None:
        return None
    records = list(records)
    regions = _regions(answer, f"{question} {answer.question}", records)
    if regions:  # only the facts of those regions' reports are searched
        records = [r for r in records if r.region in regions]
    best: dict[tuple[str, int], tuple[tuple, Any]] = {}
    for item in search_facts(records, cited.indicator, tokenize=tokenize, limit=None):
        fact, record = item.fact, item.record
        region = record.region or ""
        if item.year is None or not _usable(fact):
            continue
        same = _same_measure(cited, fact)
        if not same:
            continue
        # exact indicator first, then the report of that year, then a compatible topic
        rank = (same, record.year == item.year, fact.topic == cited.topic, item.score)
        key = (region, item.year)
        if key not in best or rank > best[key][0]:
            best[key] = (rank, item)
    points = []
    for (region, year), (_, item) in sorted(best.items()):
        fact, record = item.fact, item.record
        what = f"{fact.topic}·{fact.indicator}" if fact.topic else fact.indicator
        points.append(SeriesPoint(region, year, fact.value, fact.display, what,
                                  Citation.from_chunk(0, record, fact.source)))
    if len(points) < MIN_POINTS:
        return None
    label = f"{cited.topic}·{cited.indicator}" if cited.topic else cited.indicator
    return Series(label, cited.unit, tuple(points))
