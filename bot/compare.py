"""Comparisons across years: find the indicator in each year's report, compute the change.

"明湖区2023年比2022年多引进了几家律师事务所？" → "多3家：2023年8家，2022年5家", citing both.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.answer import Answer, Citation
from bot.extractive import Evidence
from bot.figures import Figure
from ingest.numerals import normalize_numerals

_SUM_RE = re.compile(r"合计|总共|一共|加起来|共计|总计|累计")
_RATIO_RE = re.compile(r"增长了?(?:百分之)?多少(?:百分点|%)|增幅|增长率|增速|倍")
# Words that frame the comparison, not the indicator.
_FRAME_RE = re.compile(
    r"(?:和|与|跟|较|比)?(?:(?:19|20)\d{2}年度?|去年|前年|上年|上一年)(?:相比|比较|对比)?|相比|比较|对比|"
    r"多了|少了|增加了|减少了|变化了?|差距|合计|总共|一共|加起来|共计|总计|两年|分别|同比|环比|多|少")
_MULT = {"万": 1e4, "亿": 1e8}


def figure_value(figure: Figure) -> float | None:
    """'97.4万元' → 974000.0; '8家' → 8.0; '96.2%' → 96.2."""
    text = normalize_numerals(figure.text)
    m = re.match(r"(\d+(?:\.\d+)?)(万|亿)?", text)
    if not m:
        return None
    value = float(m.group(1))
    if m.group(2) and not figure.unit.startswith(m.group(2)):
        value *= _MULT[m.group(2)]
    if figure.unit.startswith("万"):
        value *= 1e4
    elif figure.unit.startswith("亿"):
        value *= 1e8
    return value


def _fmt(value: float, unit: str) -> str:
    scale = 1.0
    if unit.startswith("万"):
        scale = 1e4
    elif unit.startswith("亿"):
        scale = 1e8
    v = value / scale
    text = f"{v:.2f}".rstrip("0").rstrip(".") if abs(v - round(v)) > 1e-9 else str(int(round(v)))
    return text + ("个百分点" if unit == "%" else unit)


def compare(service, q, docs) -> Answer | None:  # noqa: ANN001
    """Answer a comparison between the question's years, or None if it is not one."""
    years = list(q.years)
    if len(years) < 2:
        return None
    for year in years[:2]:
        if service.scope(replace(q, years=[year]), docs).refusal:
            # One side has no report: the other may state the change itself (同比增长12.5%).
            return None
    core = _FRAME_RE.sub(" ", q.normalized)
    per_year: list[tuple[int, Evidence | None, Figure | None]] = []
    for year in years[:2]:
        sub = replace(q, years=[year], normalized=f"{year}年 {core}", is_comparison=False,
                      vector_text=core)
        scope = service.scope(sub, docs)
        if scope.refusal:
            per_year.append((year, None, None))
            continue
        terms = service.answerer.terms(sub)
        evidence = [e for e in service._evidence(sub, scope.doc_ids, terms)
                    if service.answerer.supported(sub, e, terms)] if terms else []
        best = evidence[0] if evidence else None
        figure = None
        if best is not None and sub.kind == "numeric":
            picked = service.answerer.pick_figures(sub, best, terms)
            figure = next((f for f in best.figures if f.text == picked[0]), None)
        per_year.append((year, best, figure))
    return _compose(q, per_year)


def _compose(q, per_year) -> Answer:  # noqa: ANN001
    citations = []
    quotes = []
    for year, ev, _ in per_year:
        if ev is not None:
            c = Citation.from_chunk(len(citations) + 1, ev.chunk, ev.sentence.strip())
            citations.append(c)
            quotes.append(f"{year}年：{c.quote}[{c.n}]")
    missing = [year for year, ev, fig in per_year if ev is None or (q.kind == "numeric" and fig is None)]
    if missing:
        gone = "、".join(f"{y}年" for y in missing)
        text = f"无法比较：{gone}的报告中没有找到这一数据。"
        if quotes:
            text += "\n" + "\n".join(quotes)
        return Answer(text, found=False, citations=citations)
    if q.kind != "numeric":
        return Answer("\n".join(quotes), found=True, citations=citations)
    (y1, _, f1), (y2, _, f2) = per_year
    v1, v2 = figure_value(f1), figure_value(f2)
    if v1 is None or v2 is None:
        return Answer("\n".join(quotes), found=True, citations=citations)
    unit = f1.unit if f1.unit == f2.unit else ""
    both = f"{y1}年{f1.text}，{y2}年{f2.text}"
    if _SUM_RE.search(q.normalized):
        lead = f"合计{_fmt(v1 + v2, unit or f1.unit)}：{both}"
    elif _RATIO_RE.search(q.normalized) and v2:
        pct = (v1 - v2) / v2 * 100
        lead = f"{'增长' if pct >= 0 else '下降'}{abs(pct):.1f}%：{both}"
    elif abs(v1 - v2) < 1e-9:
        lead = f"持平：{both}"
    else:
        diff = abs(v1 - v2)
        word = "多" if v1 > v2 else "少"
        if unit == "%":
            word = "高" if v1 > v2 else "低"
        lead = f"{y1}年比{y2}年{word}{_fmt(diff, unit or f1.unit)}：{both}"
    return Answer(lead + "。\n" + "\n".join(quotes), found=True, citations=citations)
