"""The fact record and its compact JSON form (stored in a chunk's Chroma metadata)."""

from __future__ import annotations

import json
from dataclasses import dataclass


@dataclass(frozen=True)
class Fact:
    value: float      # normalised for comparison: "1.8万件" -> 18000.0, "2.87亿元" -> 287000000.0
    text: str         # the figure as written in the source: "1.8万件", "九家", "300余条"
    unit: str         # canonical unit: "件", "家", "%", "个百分点", "元" (money in 元), "" if none
    indicator: str    # the phrase the figure measures, as in the source: "审结仲裁案件"
    topic: str        # the subject the indicator belongs to when the clause does not say it
    start: int        # span of ``text`` inside ``source``
    end: int
    source: str       # the sentence, or the rendered table row, the figure came from
    year: int | None = None  # the year the figure is about when the text/table says it
    role: str = ""    # "before" / "after" for 由A增加至B
    change: str = ""  # "increase" / "decrease" when the figure is a change (同比增长12.5%)
    plan: bool = False  # a target or plan (力争…, 确保…以上, 目标…, 计划…)
    share_of: str = ""  # for a 其中 share: the indicator of the whole
    approx: str = ""    # 余/多/近/约/超过/以上 as written
    table: bool = False  # from a table row; ``column`` is its column label
    column: str = ""

    @property
    def display(self) -> str:
        """The figure to show: as written, plus the unit a table header gave a bare cell
        ("356.4" under "金额（万元）" -> "356.4万元")."""
        number, after = self.text, ""
        if self.approx and self.text.endswith(self.approx) and self.text[:-len(self.approx)][-1:].isdigit():
            # "1800以上" under 单位：件 -> "1800件以上"; "300余" -> "300余件"
            number, after = self.text[:-len(self.approx)], self.approx
        if not self.unit or not number[-1:].isdigit():
            return self.text
        try:
            written = float(number.replace(",", "").lstrip("+-＋－"))
        except ValueError:
            return self.text
        ratio = abs(self.value) / written if written else 1.0
        scale = "亿" if round(ratio) == 100_000_000 else "万" if round(ratio) == 10_000 else ""
        if after in _BEFORE_UNIT:
            return f"{number}{after}{scale}{self.unit}"
        return f"{number}{scale}{self.unit}{after}"


_BEFORE_UNIT = frozenset({"余", "多"})  # "300余件"; "1800件以上", "30%左右"

_FIELDS = ("value", "text", "unit", "indicator", "topic", "start", "end", "year", "role",
           "change", "plan", "share_of", "approx", "table", "column")


def facts_to_json(facts: list[Fact], text: str) -> str:
    """Compact JSON of a chunk's facts: one array per fact; the source is kept as its span
    in the chunk ``text`` (every source is a sentence or row of it), so it is not repeated."""
    rows = []
    for f in facts:
        at = text.find(f.source)
        src = [at, at + len(f.source)] if at >= 0 else f.source
        value = int(f.value) if f.value.is_integer() and abs(f.value) < 2**53 else f.value
        rows.append([value, f.text, f.unit, f.indicator, f.topic, f.start, f.end, src,
                     f.year, f.role, f.change, int(f.plan), f.share_of, f.approx,
                     int(f.table), f.column])
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":")) if rows else ""


def facts_from_json(data: str, text: str) -> list[Fact]:
    """The facts :func:`facts_to_json` wrote for the chunk ``text``."""
    if not data:
        return []
    out = []
    for (value, ftext, unit, indicator, topic, start, end, src, year, role, change, plan,
         share_of, approx, table, column) in json.loads(data):
        source = text[src[0]:src[1]] if isinstance(src, list) else src
        out.append(Fact(float(value), ftext, unit, indicator, topic, start, end, source, year,
                        role, change, bool(plan), share_of, approx, bool(table), column))
    return out
