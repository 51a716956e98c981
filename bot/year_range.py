"""An indicator over a range of three years or more ("2023年到2025年败诉率是怎么变化的",
"2023到2025这三年里，哪一年引进的律师事务所最多"): each year's figure, found as a question about
that year alone would find it (its report, or another year's table column), then all of them
in order, and the highest or lowest when that is asked — not the two ends compared.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.answer import Answer, Citation

MAX_YEARS = 6
_RANGE = re.compile(r"((?:19|20)\d{2})年?(?:到|至|—|－|-|～|~)((?:19|20)\d{2})年?")
_MOST = re.compile(r"(?:哪一年|哪年|哪个年份?)[^，,。？?]*?最(?P<way>多|高|大|少|低|小)|"
                   r"最(?P<way2>多|高|大|少|低|小)的(?:是|为|在)?(?:哪一年|哪年|哪个年份?)")
_HOW = re.compile(r"怎么变化|如何变化|怎样变化|变化(?:情况|趋势)|什么变化|趋势|各(?:年|是|为)多少|"
                  r"分别(?:是|为)?多少|每年")
# the range and the asking words are no part of one year's question
_ASKING = re.compile(r"这[三四五六3-6]年里?|[三四五六3-6]年(?:来|里|间|中)|(?:哪一年|哪年|哪个年份?)|"
                     r"最(?:多|高|大|少|低|小)|"
                     r"是?(?:怎么|如何|怎样)变化的?|(?:有)?什么变化|变化(?:情况|趋势)|趋势|各(?:年|是|为)多少|"
                     r"分别(?:是|为)?多少|每年|的?情况")


def asks_which_year(text: str) -> bool:
    """"哪一年…最多": the question ranks years."""
    return _MOST.search(text) is not None


def year_range(service, q, docs) -> Answer | None:  # noqa: ANN001
    """The answer over the question's range of years, or None when it names no such range or
    some year's figure is not found (the two-sided comparison answers then)."""
    m = _RANGE.search(q.normalized)
    most = _MOST.search(q.normalized)
    if m:
        years = list(range(int(m.group(1)), int(m.group(2)) + 1))
        rest = q.normalized[:m.start()] + q.normalized[m.end():]
    elif most and not q.years:
        years = _report_years(service, q, docs)  # "萝川县哪一年…最高": the years it reports on
        rest = q.normalized
    else:
        return None
    if not 3 <= len(years) <= MAX_YEARS and not (m is None and len(years) == 2) or not (
            most or _HOW.search(q.normalized) and (q.kind == "numeric" or q.is_comparison)):
        return None
    from bot.compare import _side_figure, _stated_elsewhere, figure_value

    core = re.sub(r"[，,。？?\s]+", "", _ASKING.sub("", rest))
    points = []
    missing: list[int] = []
    for year in years:
        sub = service.analyze(f"{year}年{core}是多少？", docs)
        sub = replace(sub, is_comparison=False)
        terms = service.answerer.terms(sub)
        if not terms:
            return None
        if service.scope(sub, docs).refusal:
            best, figure = _stated_elsewhere(service, sub, docs, terms)
        else:
            best, figure = _side_figure(service, sub, docs, terms)
            if figure is None:
                best, figure = _stated_elsewhere(service, sub, docs, terms)
        value = figure_value(figure) if figure is not None else None
        if best is None or figure is None or value is None:
            if m is None:
                missing.append(year)
                continue
            return None
        points.append((year, best, figure, value))
    if not points:
        return None
    if missing and most is not None:  # "哪一年最多" over the reports' years, some not stating it: no ranking
        found = "、".join(f"{p[0]}年" for p in points)
        lacking = "、".join(f"{y}年" for y in missing)
        return service._related(points[0][1], f"报告中只找到{found}的这一数字，没有找到{lacking}的，"
                                              f"无法判断哪一年最{_way(most)}。")
    units = {p[2].unit.removeprefix("万").removeprefix("亿") for p in points}
    if len(units) > 1:
        return None  # not one indicator's figures
    listed = "，".join(f"{year}年{figure.text}" for year, _, figure, _ in points)
    if most:
        high = _way(most) in "多高大"
        year, _, figure, _ = (max if high else min)(points, key=lambda p: p[3])
        lead = f"{year}年{'最' + _way(most)}，为{figure.text}（{listed}）"
    else:
        lead = listed
    citations: list[Citation] = []
    quotes = []
    for year, ev, _, _ in points:
        if ev.sentence.strip() in {c.quote for c in citations}:
            continue  # one table row states several years
        c = Citation.from_chunk(len(citations) + 1, ev.chunk, ev.sentence.strip())
        citations.append(c)
        quotes.append(f"{year}年：{c.quote}[{c.n}]")
    return Answer(lead + "。\n" + "\n".join(quotes), found=True, citations=citations)


def _way(most: re.Match) -> str:
    return most.group("way") or most.group("way2")


def _report_years(service, q, docs) -> list[int]:  # noqa: ANN001
    """The years of the reports in the question's scope, when they are one place's (or one
    body's) reports: the years "哪一年最多" compares."""
    scope = service.scope(q, docs)
    if scope.refusal:
        return []
    chosen = [d for d in docs if scope.doc_ids is None or d.doc_id in scope.doc_ids]
    if len({(d.region, d.issuer) for d in chosen}) != 1:
        return []
    return sorted({d.year for d in chosen if d.year is not None})
