"""A place's share of the place it belongs to ("2025年蓑州全市在册社区矫正对象里，蔹溪区的大约占
百分之几？", "茭湖区受理的行政复议申请占茭阳市全市受理量的比例是多少？"): each place's count,
found as a question about that place alone would find it (its report, or a row of the higher
level's table), then the lower place's count over the higher's — a share computed from the two
cited figures, never a rate of either report.
"""

from __future__ import annotations

import re

from bot.answer import Answer, Citation

# the share asked of a whole: "占…的比例", "占百分之几", "占几成", "占多大比重"
_SHARE_ASK = re.compile(r"占[^，,。？?]{0,16}?(?:比例|比重|百分之几|百分之多少|几成|份额|多少成)")
# the whole named inside the question ("全市在册…里", "全市受理量"): no thing of its own
_SCOPE_WORDS = re.compile(r"全(?:省|市|区|县|镇)|本级|大约|大概|约")
_ASK_END = re.compile(r"的?(?:比例|比重|百分之几|百分之多少|几成|份额|多少成)$")
_WITHIN = re.compile(r"(?:里面|里|当中|之中|中)[，,]?$")


def share_of_places(service, q, docs) -> Answer | None:  # noqa: ANN001
    """The share of the question's lower place in its higher place, or None when the question
    asks no such share (two places of different levels, one year, a share asked)."""
    from bot.compare import _same_family, _side_figure, figure_value
    from bot.query import place_level

    if len(q.regions) != 2 or len(q.years) > 1 or not _SHARE_ASK.search(q.normalized):
        return None
    part, whole = sorted(q.regions, key=place_level, reverse=True)
    if place_level(part) <= place_level(whole) or not part.startswith(whole) and whole not in part:
        return None  # not a place and the place it belongs to
    thing = _thing(q)
    if len(thing) < 2:
        return None
    year = f"{q.years[0]}年" if q.years else ""
    per_side = []
    for place in (part, whole):
        sub = service.analyze(f"{place}{year}{thing}有多少？", docs)
        if sub.kind != "numeric":
            return None
        if service.scope(sub, docs).refusal:  # no report of the place: a row of the higher level's table
            sub = service.as_a_row(sub, docs)
            if sub is None:
                return None
        best, figure = _side_figure(service, sub, docs, service.answerer.terms(sub))
        if best is None or figure is None or figure.unit in ("%", "个百分点"):
            return None
        per_side.append((place, best, figure))
    (_, ev1, f1), (_, ev2, f2) = per_side
    v1, v2 = figure_value(f1), figure_value(f2)
    if v1 is None or not v2 or not _same_family(f1.unit, f2.unit) or v1 > v2 \
            or (ev1.sentence == ev2.sentence and f1.text == f2.text):
        return None  # a part larger than its whole, or one figure for both: not these places' counts
    short = {p: max((m for m in q.region_mentions if p.endswith(m)), key=len, default=p) for p in (part, whole)}
    citations = [Citation.from_chunk(n, ev.chunk, ev.sentence.strip()) for n, (_, ev, _) in enumerate(per_side, 1)]
    share = f"{v1 / v2 * 100:.1f}".removesuffix(".0")
    both = "，".join(f"{short[p]}{f.text}" for p, _, f in per_side)
    lead = f"约{share}%：{short[part]}占{short[whole]}的{share}%（{both}）。"
    quotes = "\n".join(f"{short[p]}：{c.quote}[{c.n}]" for (p, _, _), c in zip(per_side, citations, strict=True))
    return Answer(lead + "\n" + quotes, found=True, citations=citations)


def _thing(q) -> str:  # noqa: ANN001
    """What is counted: the question's words before the share asked, without its places, year,
    the whole's scope words and the 里/中 that put the part inside it; the words after 占 when
    nothing is left before it ("蔹溪区的占全市在册社区矫正对象的比例")."""
    text = q.without_places(q.normalized, years=True)
    m = _SHARE_ASK.search(text)
    before = text[:m.start()] if m else text
    before = before.split("，")[0] if _WITHIN.search(before.split("，")[0]) else before
    before = _WITHIN.sub("", _SCOPE_WORDS.sub("", before)).strip("，,的 ")
    if len(before) >= 2:
        return before
    after = text[m.start() + 1:m.end()] if m else ""
    return _ASK_END.sub("", _SCOPE_WORDS.sub("", after)).strip("的 ")
