"""Comparisons across years (or two regions in one year): find the indicator in each side's
report, compute the change.

"明湖区2023年比2022年多引进了几家律师事务所？" → "多3家：2023年8家，2022年5家", citing both.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from bot.answer import Answer, Citation
from bot.extractive import Evidence, as_figure
from bot.figures import Figure, display_unit, format_amount
from bot.frame import Ask, Frame, ask_question
from zh.numerals import normalize_numerals
from zh.words import (
    ASK_UNIT_RE,
    COMPARE_WORDS,
    EACH_ONE,
    MEASURE,
    MORE_OR_LESS,
    UNIT_FAMILIES,
    WHICH_MORE,
    WHOLE_OF_PLACE,
)
from zh.words import DOWN_WORDS as _DOWN_RE
from zh.words import RATIO_WORDS as _RATIO_RE
from zh.words import SUM_WORDS as _SUM_RE
from zh.words import UP_WORDS as _UP_RE

# Words that frame the comparison, not the indicator.
_FRAME_RE = re.compile(
    r"(?:和|与|跟|较|比)?(?:(?:19|20)\d{2}年度?|去年|前年|上年|上一年)(?:相比|比较|对比)?|相比|比较|对比|"
    r"增长了?(?:百分之)?多少(?:百分点|%)?|增幅|增长率|增速|百分之多少|升了还是降了|降了还是升了|"
    r"平均水平|平均值|平均|比(?![例率重])|(?:提高|降低|上升|下降|增长(?!率)|提升)了?|(?:多少)?个?百分点|"
    r"多了|少了|增加了|减少了|变化了?|差距|相差|差了|合计|总共|一共|加起来|共计|总计|两年|分别|同比|环比|多|少")
# What makes a question a comparison; what is left asks about one side ("…受理了多少件…").
_SIDE_DROP = re.compile(
    r"(?:和|与|跟|较|比)?(?:(?:19|20)\d{2}年(?:度|底|末)?|去年|前年|上年|上一年)(?:相比|比较|对比)?的?|相比|比较|对比|"
    r"(?:增长|增加|减少|提高|降低|下降|上升|提升|变化)了?|[多少](?=了)了|相差|差距|差了|同比|环比|分别|两年|"
    r"平均水平|平均值|平均|百分之(?=多少)|[高低多少](?=多少)|个?百分点|"
    r"(?<![占百])比(?![例率重])")
# Words that only compare, taken from each side's ask whichever way it was edited: "高了还是低了",
# "哪个高", "年底" (the year gone), "两年…一共", "多引进了".
_COMPARE_ONLY = re.compile(
    r"^2年|(?<!\d)2年(?=[^，。？]*?(?:一共|总共|共计|合计|加起来|累计))|多(?=[\u4e00-\u9fa5]{1,2}了(?:多少|几))|"
    r"[升降高低增减多少]了?还是[升降高低增减多少]了?|(?<![\d年])底(?![线层])|"
    r"(?:哪个|哪一个|哪一年|哪年|哪家|哪里|哪边|谁)的?(?:更|比较)?[高低多少大小快慢](?!少)|"
    r"的?[高低](?=多少)|百分之(?=多少)")
# What is left of a second clause once its comparison words are gone ("，差多少", "，和").
_LEFT_CLAUSE = re.compile(r"[，,](?:和|差|是|的|有|了)*(?:多少)?$")
_MULT = {"万": 1e4, "亿": 1e8}
_RATES = ("%", "个百分点")  # figures that never add up
# A sentence that states a change itself ("同比增长12.5%", "较上年减少").
_CHANGE_STATED = re.compile(r"同比|环比|较上年|比上年|较去年|比去年|增长|下降|提高|降低|增加|减少|上升")
_QUANTITY_RE = re.compile(r"量|数|率|涨|降|增|减|升|多少|几")


def figure_value(figure: Figure) -> float | None:
    """'97.4万元' → 974000.0; '8家' → 8.0; '96.2%' → 96.2."""
    text = normalize_numerals(figure.text)
    m = re.match(r"([-+－＋]?)(\d+(?:\.\d+)?)(万|亿)?", text)  # a table's 同比 cell is signed: -29.6%
    if not m:
        return None
    value = float(m.group(2)) * (-1 if m.group(1) in "-－" and m.group(1) else 1)
    if m.group(3) and not figure.unit.startswith(m.group(3)):
        value *= _MULT[m.group(3)]
    if figure.unit.startswith("万"):
        value *= 1e4
    elif figure.unit.startswith("亿"):
        value *= 1e8
    return value


def compare(service, q, docs) -> Answer | None:  # noqa: ANN001
    """Answer a comparison between the question's two years (or, within one year, its two
    regions; or two places each in its own year), or None if it is not one."""
    frames = side_frames(q)
    if frames is None:
        return None
    core = _FRAME_RE.sub(" ", q.normalized)

    one_place = len({tuple(side.regions) for _, side, _ in frames}) == 1

    def question(side: Frame):  # noqa: ANN202
        # each side parsed like any question, from its frame; both sides share one query vector;
        # one place's department over two years ("菘阳市公安局…2025年比2024年") is each side's
        sub = service.analyze(side.text, docs, frame=side)
        return replace(sub, vector_text=core, department=sub.department or (q.department if one_place else ""))

    sides = [(label, question(side)) for label, side, _ in frames]
    fallback = {label: alt for label, _, alt in frames if alt is not None}
    over_time = len({y for _, sub in sides for y in sub.years}) >= 2 and len(
        {tuple(sub.regions) for _, sub in sides}) < 2
    refusals = {label: service.scope(sub, docs).refusal for label, sub in sides}
    if len(q.years) < 2 and any(refusals.values()):
        # places of one year with no report of their own: rows of a higher level's table of that year
        rows = {label: service.as_a_row(sub, docs) for label, sub in sides if refusals[label]}
        if all(rows.values()):
            sides = [(label, rows.get(label) or sub) for label, sub in sides]
            refusals = {label: service.scope(sub, docs).refusal for label, sub in sides}
    missing = [label for label, refusal in refusals.items() if refusal]
    # two places in one year: nothing else can answer for the missing one
    if missing and len(q.years) < 2:
        return Answer(f"无法比较：{refusals[missing[0]]}", found=False)
    if len(missing) > 1 and not over_time:
        # two places, each in its own year, neither in the knowledge base: say so
        return Answer(f"无法比较：{refusals[missing[0]]}", found=False)
    elsewhere = [sub for label, sub in sides if label in missing]
    per_side: list[tuple[str, Evidence | None, Figure | None]] = []
    absent = ""
    for label, sub in sides:
        terms = service.answerer.terms(sub)
        if sub in elsewhere:
            # no report of that year: another year's table may state it ("2024年：3186")
            best, figure = _stated_elsewhere(service, sub, docs, terms)
            rowed = service.as_a_row(sub, docs) if figure is None else None
            if rowed is not None:  # no report of that year: a row of a higher level's table of it
                best, figure = _side_figure(service, rowed, docs, service.answerer.terms(rowed))
            if figure is None:
                absent = label  # no report of that side: said below, unless the other states the change
            per_side.append((label, best, figure))
            continue
        governments = service._governments_elsewhere(sub, service.scope(sub, docs), docs) if over_time else []
        if governments:
            # only departments report that year: the government's next report states it first
            gov_best, gov_figure = _stated_elsewhere(service, sub, governments, terms)
            if gov_figure is not None:
                elsewhere.append(sub)
                per_side.append((label, gov_best, gov_figure))
                continue
        best, figure = _side_figure(service, sub, docs, terms, not q.department)
        if (best is None or figure is None and sub.kind == "numeric") and label in fallback:
            # the side's own question found nothing: try the side asked in the comparison's words
            alt = question(fallback[label])
            alt_best, alt_figure = _side_figure(service, alt, docs, service.answerer.terms(alt), not q.department)
            if alt_best is not None and (alt_figure is not None or alt.kind != "numeric"):
                best, figure = alt_best, alt_figure
        if figure is None and sub.kind == "numeric" and over_time:
            # that year's reports (a department's) are silent: the other year's report may state
            # it ("较上年的8.1%", a 2024年 column of the 2025 report's table)
            other_best, other_figure = _stated_elsewhere(service, sub, docs, terms)
            if other_figure is not None:
                best, figure = other_best, other_figure
                elsewhere.append(sub)
        per_side.append((label, best, figure))
    if len(missing) > 1 and any(fig is None for _, _, fig in per_side):
        return None  # two years with no report of their own, not both stated by another year's (a table's rows)
    if absent and over_time:
        # no report of that year at all: the other year's figure may stand in its report's table row,
        # whose column of the missing year answers ("比2023年少了": 信用修复（户）｜2023年：1,048)
        per_side = _row_of_the_figure(service, per_side, [sub for _, sub in sides])
        absent = "" if all(fig is not None for _, _, fig in per_side) else absent
    if absent:
        present = [(label, ev, fig) for label, ev, fig in per_side if label != absent]
        if over_time and any(ev is not None and _CHANGE_STATED.search(ev.sentence) for _, ev, _ in present):
            return None  # the other report may state the change itself (同比增长12.5%)
        return _absent(refusals[absent], present)
    if over_time and _previous_disagrees(per_side, [sub for _, sub in sides], elsewhere):
        return None  # "省政府本级…623件，较上年的548件" against the province's own 18642件: two statements, no pair
    if over_time:
        per_side = _one_statement(per_side, [sub for _, sub in sides], elsewhere)
        per_side = _row_of_the_figure(service, per_side, [sub for _, sub in sides])
    figures = [fig for _, _, fig in per_side]
    if None in figures and "同比" in q.normalized:
        return None  # "同比变化了多少": the report's own 同比 may say it
    f1, f2 = figures[0], figures[1]
    if f1 is not None and f2 is not None and not _same_family(f1.unit, f2.unit):
        return None  # "76个" against "286件": not one indicator's two figures
    if over_time and _stated_change_differs(per_side, [sub for _, sub in sides]):
        return None  # the later report's own "较上年增加318名" answers, not two reports' figures
    clash = _stated_change_clash(per_side, [sub for _, sub in sides]) if over_time else ""
    if clash:
        quoted = [(label, ev) for label, ev, _ in per_side if ev is not None]
        citations = [Citation.from_chunk(n, ev.chunk, ev.sentence.strip()) for n, (_, ev) in enumerate(quoted, 1)]
        return Answer(clash + "".join(f"\n{label}：{c.quote}[{c.n}]" for (label, _), c in zip(quoted, citations,
                                                                                          strict=True)),
                      found=False, citations=citations)
    return _compose(q, per_side, over_time)


IMPLAUSIBLE_CHANGE = 100.0  # % between two adjacent years' figures: the later report must bear it out
MODEST_CHANGE = 50.0


def _adjacent_sides(per_side, subs):  # noqa: ANN001, ANN202
    """(later year, earlier year, the later side's evidence and figure, the earlier side's figure, the
    change the later report states right after its figure) of two adjacent years' figures; None when
    the sides are not two adjacent years both found, or no change follows the later figure."""
    years = [sub.years[0] if len(sub.years) == 1 else None for sub in subs]
    if years[0] is None or years[1] is None or abs(years[0] - years[1]) != 1:
        return None
    late, early = (0, 1) if years[0] > years[1] else (1, 0)
    (_, ev, fig), (_, _, before) = per_side[late], per_side[early]
    if ev is None or fig is None or before is None:
        return None
    from bot.extractive import evidence_facts

    facts = sorted(evidence_facts(ev), key=lambda f: f.start)
    at = next((i for i, f in enumerate(facts) if fig.text in (f.text, f.display) and not f.change), None)
    stated = facts[at + 1] if at is not None and at + 1 < len(facts) else None
    if stated is None or not stated.change:
        return None
    return years[late], years[early], fig, before, stated


def _stated_change_clash(per_side, subs) -> str:  # noqa: ANN001
    """Two adjacent years' figures whose change (100 % or more) the later report contradicts by the
    modest 同比 it states right after its figure ("共收到行政复议申请18642件，同比增长14.3%" against
    the earlier report's 548件 of the 省政府本级 alone): not one indicator's two figures — the
    refusal saying so, or ''."""
    sides = _adjacent_sides(per_side, subs)
    if sides is None:
        return ""
    late, early, fig, before, stated = sides
    now, then = figure_value(fig), figure_value(before)
    if not now or not then or abs(now - then) / then * 100 < IMPLAUSIBLE_CHANGE:
        return ""
    if stated.unit != "%" or stated.value >= MODEST_CHANGE:
        return ""
    said = "增长" if stated.change == "increase" else "下降"
    return (f"无法直接比较：{late}年报告写明{fig.text}同比{said}{stated.text}，"
            f"与{early}年的{before.text}不是同一口径的数字。")


def _stated_change_differs(per_side, subs) -> bool:  # noqa: ANN001
    """Two adjacent years' figures whose difference is not the change the later report states in
    the same unit right after its figure ("全市持证行政执法人员7426名，较上年增加318名" against a
    department's 126名 of the year before): not one indicator's two figures."""
    sides = _adjacent_sides(per_side, subs)
    if sides is None:
        return False
    _, _, fig, before, stated = sides
    if not stated.unit or stated.unit in ("%", "个百分点") or not _same_family(stated.unit, fig.unit):
        return False
    now, then = figure_value(fig), figure_value(before)
    change = figure_value(as_figure(stated))
    if now is None or then is None or change is None:
        return False
    return abs(abs(now - then) - abs(change)) > 1e-6 * max(1.0, abs(change))


def _one_statement(per_side, subs, elsewhere):  # noqa: ANN001, ANN202
    """Both sides from one statement: a side found in a table row with a column for each year
    compared takes the other years from that row ("查处违法案件（件）｜2023年：1683｜2024年：1925",
    not a part's "查处计量违法案件46件"); a year without a report of its own, stated as the earlier
    value of "由上年的2317名增加到2486名", gives the other year that statement's later value
    (2486名), not another sentence's "首次突破2400名"."""
    from bot.binding import pair_partner
    from bot.extractive import evidence_facts
    from facts import is_table_row

    out = list(per_side)
    for k, (_, ev, fig) in enumerate(per_side):
        if ev is not None and fig is not None and is_table_row(ev.sentence):
            # a table row with a column for each year compared ("查处违法案件（件）｜2023年：1683｜
            # 2024年：1925"): both years from that row, not the other year's from some part
            # ("查处价格违法案件46件")
            cells = [f for f in evidence_facts(ev) if f.table and f.year and not f.change]
            for j, (other, other_ev, _) in enumerate(per_side):
                cell = next((f for f in cells if f.year in subs[j].years), None) if j != k else None
                if cell is not None and other_ev is not ev and _same_family(cell.unit, fig.unit or cell.unit):
                    out[j] = (other, ev, as_figure(cell))
            continue
        if subs[k] not in elsewhere or ev is None or fig is None:
            continue
        facts = evidence_facts(ev)
        earlier = next((f for f in facts if f.display == fig.text and f.role in ("before", "previous")), None)
        later = pair_partner(earlier, facts) if earlier is not None else None
        previous = later is None and earlier is not None and earlier.role == "previous"
        if previous:
            later = _said_before_previous(earlier, facts)  # "受理8642件，较2024年的8009件增长7.9%": 8642件
        if later is None:
            continue
        for j, (other, _, other_fig) in enumerate(per_side):
            # (a "较上年的…" pairs only for a side that found no figure of its own: its own exact 1268件 stays,
            # never the page's "1200多件" said before "较上年的1128件")
            if j != k and ev.chunk.year in subs[j].years and not (previous and other_fig is not None):
                out[j] = (other, ev, as_figure(later))
    return out


def _previous_disagrees(per_side, subs, elsewhere) -> bool:  # noqa: ANN001
    """A side with no report of its own found as a "较上年的548件" whose level (623件) is not the
    figure the other side found itself (18642件): the two sides come from two statements."""
    from bot.extractive import evidence_facts

    for k, (_, ev, fig) in enumerate(per_side):
        if subs[k] not in elsewhere or ev is None or fig is None:
            continue
        facts = evidence_facts(ev)
        earlier = next((f for f in facts if f.display == fig.text and f.role == "previous"), None)
        later = _said_before_previous(earlier, facts) if earlier is not None else None
        if later is not None and any(j != k and ev.chunk.year in subs[j].years and other is not None
                                     and other.text != later.display and not _same_quantity(later, other)
                                     for j, (_, _, other) in enumerate(per_side)):
            return True
    return False


def _same_quantity(fact, figure: Figure) -> bool:  # noqa: ANN001
    """A "1200多件" and a 1268件 found for the same year: the one a rounding of the other."""
    a, b = figure_value(as_figure(fact)), figure_value(figure)
    if not a or not b:
        return False
    return fact.unit == figure.unit and abs(a - b) <= 0.1 * max(a, b)


def _said_before_previous(previous, facts):  # noqa: ANN001, ANN202
    """The level a "较上年的8009件" compares with: the nearest figure before it in its sentence of
    the same indicator and unit that is no change and no other year's value; None."""
    return next((g for g in reversed(facts) if g.source == previous.source and g.end <= previous.start
                 and g.indicator == previous.indicator and g.unit == previous.unit
                 and not g.role and not g.change), None)


def _absent(refusal: str, present) -> Answer:  # noqa: ANN001
    """One side has no report: '无法比较：知识库中没有明湖区2024年的报告。…；2022年为734件。'
    with the other side's figure and quote."""
    citations = [Citation.from_chunk(1, ev.chunk, ev.sentence.strip()) for _, ev, _ in present if ev is not None]
    found = [f"{label}为{fig.text}" for label, _, fig in present if fig is not None]
    text = f"无法比较：{refusal}" + (f"\n{'，'.join(found)}。" if found else "")
    text += "".join(f"\n{label}：{c.quote}[{c.n}]" for (label, _, _), c in zip(present, citations, strict=False))
    return Answer(text, found=False, citations=citations)


def _side_figure(service, sub, docs, terms,  # noqa: ANN001
                 governments_first: bool = True) -> tuple[Evidence | None, Figure | None]:
    """The best supported evidence for one side, and the asked figure in it; the place's
    government report first, a department's report of the place when it is silent — unless the
    comparison names a department (its sides may not say it)."""
    scope = service.scope(sub, docs)
    first = service._governments_first(sub, scope, docs, terms) if governments_first and terms else []
    candidates = service._evidence(sub, scope.doc_ids, terms) if terms and not first else []
    evidence = first or [e for e in candidates if service.answerer.supported(sub, e, terms)]
    if evidence and not first and sub.kind == "numeric":
        # the figure the side asked alone would lead with (a total's table row before a 其中 part's)
        evidence = service._leading(sub, evidence, terms)
    best = evidence[0] if evidence else None
    if best is None and sub.kind == "numeric" and candidates and candidates[0].figures \
            and service._second_look(sub, candidates, terms) is not None:
        # the support check turned the side down (a terse table row: "菪桥街道｜…｜法律援助（件）：142"
        # for "办理的法律援助案件"): the second look, as for a question asked alone
        best = candidates[0]
    figure = None
    if best is not None and sub.kind == "numeric":
        figure = service.answerer.asked_figure(sub, best, terms)
    if best is not None and figure is not None and _approximate(best, figure) \
            and (value := figure_value(figure)):
        # the government's "1100余件" and a department's exact 1126件 of it (or a page presenting the
        # report, "受理案件1200多件", and the report's 1268件): the exact one computes
        for ev in service.supported_evidence(sub, scope.doc_ids, terms)[:3]:
            exact = service.answerer.asked_figure(sub, ev, terms)
            other = figure_value(exact) if exact is not None and not _approximate(ev, exact) else None
            if exact is not None and exact.unit == figure.unit and other and abs(other - value) <= 0.1 * value:
                return ev, exact
    return best, figure


def _approximate(ev: Evidence, figure: Figure) -> bool:
    """The figure is the report's approximation ("1100余件", "约300人": its fact's ``approx``)."""
    return any(b.fact.approx for b in ev.bindings if b.fact.display == figure.text)


def _stated_elsewhere(service, sub, docs, terms) -> tuple[Evidence | None, Figure | None]:  # noqa: ANN001
    """The side's figure as another year's report of the same place states it (a table's
    year column), bound to the side's year."""
    evidence = service.stated_in_other_years(sub, docs, terms)
    if not evidence:
        return None, None
    return evidence[0], service.answerer.asked_figure(sub, evidence[0], terms)


def _same_family(u1: str, u2: str) -> bool:
    u1, u2 = u1.removeprefix("万").removeprefix("亿"), u2.removeprefix("万").removeprefix("亿")
    return not u1 or not u2 or u1 == u2 or u2 in UNIT_FAMILIES.get(u1, ()) or u1 in UNIT_FAMILIES.get(u2, ())


# the why asked after the change ("…下降了一半，主要原因是什么") and how much the premise says it
# changed by in words ("一半", "不少"): no part of what each side counts
_WHY_AFTER = re.compile(r"[，,]\s*(?:这|其)?(?:主要)?(?:原因是什么|是什么原因|什么原因|怎么回事)[？?。]?$|"
                        r"(?:一半|不少|很多|许多|一倍)(?=[，,？?。]|$)")


def side_ask(q) -> tuple[Ask, Ask]:  # noqa: ANN001
    """What each side of the comparison ``q`` asks: the comparison's ask with its comparison
    words ("比2022年", "多了", "相比") taken away, and the same ask in the comparison's own words
    (the fallback when the first finds nothing). A figure is asked whenever the comparison
    compares quantities ("信访量为什么涨了这么多"); a growth rate compares the indicator's own
    figures, whatever their unit."""
    core = _FRAME_RE.sub(" ", q.normalized)
    quantity = _QUANTITY_RE.search(core) or _UP_RE.search(q.normalized) or _DOWN_RE.search(q.normalized)
    kind = "numeric" if q.kind == "descriptive" and quantity else q.kind
    units = () if _RATIO_RE.search(q.normalized) else tuple(q.units)
    asked = q.frame.asks[0].kind if q.frame is not None and q.frame.asks else ""
    if kind == "numeric":
        ask_kind = asked if asked in ("number", "rate") else ("rate" if units == ("%",) else "number")
    else:
        ask_kind = {"list": "list"}.get(kind, asked if asked in ("description", "name", "yesno") else "description")

    def clean(text: str) -> str:
        for name in q.frame.regions if q.frame is not None else ():
            text = text.replace(name, " ")  # places with no report of their own too
        text = _WHY_AFTER.sub("", q.without_places(text, years=True))  # "…，主要原因是什么"
        text = re.sub(r"为什么|为何|怎么|这么多|这么少|[？?。]", "", text)
        text = _LEFT_CLAUSE.sub("", _COMPARE_ONLY.sub("", re.sub(r"\s+", "", text)))
        text = re.sub(r"^[和与及跟、的]+|(?<=[率数量额])是$|[了的]+$", "", text)
        # "…败诉率和荪阳市全市比": the other side's whole-of-place word left after its name
        text = re.sub(rf"(?:[和与及跟同]|相比|对比)(?:{WHOLE_OF_PLACE.pattern}|全国)?(?:合计|总体|平均)?$", "", text)
        if text and kind == "numeric" and not re.search(r"多少|几", text):
            # the comparison's 多少 went with its comparison words
            measure = ASK_UNIT_RE.search(q.normalized)
            text += f"有多少{measure.group(1)}" if measure else "是多少"
        return text

    text = clean(_SIDE_DROP.sub(" ", q.normalized))
    own = clean(_FRAME_RE.sub(" ", q.normalized.replace("多少", "\0")).replace("\0", "多少")) or text
    return Ask(text, ask_kind, _indicator(text), units), Ask(own, ask_kind, _indicator(own), units)


def _indicator(text: str) -> str:
    return re.sub(r"(?:有|是)?(?:多少|几)(?:" + MEASURE + r")?|[了的](?=多少|几|$)", "", text)


def side_frames(q) -> list[tuple[str, Frame, Frame | None]] | None:  # noqa: ANN001
    """(label, the frame of that side alone, the same side asked in the comparison's words)
    for the two sides compared: the question's frame with the slot that differs replaced —
    the year ("2023年" / "2022年"), the place ("澄阳市" / "汶溪县"), or both when two places
    are compared each in its own year ("岭西省2025年" / "桐溪区2024年"). Each side's text is
    rendered from its slots, so what it says and what it asks cannot disagree."""
    if q.frame is None:
        return None
    ask, own = side_ask(q)
    base = replace(q.frame, comparison=False, premise="", notes=(), context=None, unknown_places=())

    def side(label: str, regions: Sequence[str], years: Sequence[int]) -> tuple[str, Frame, Frame | None]:
        framed = [replace(base, regions=tuple(regions), years=tuple(years), asks=(a,), text="", resolved="")
                  for a in (ask, own)]
        first, alt = (replace(f, text=ask_question(f, f.asks[0])) for f in framed)
        alt = replace(alt, resolved=alt.text)
        return label, replace(first, resolved=first.text), (alt if alt.text != first.text else None)

    # the places as said ("藻溪县" names both its government's and its department's reports)
    names = q.region_mentions if len(q.region_mentions) == len(q.regions) or len(set(q.region_mentions)) >= 2 \
        else q.regions
    if len(q.tabled_places) >= 2:
        # places with no report of their own, rows (or paragraphs) of another's list of places — even
        # when the question names that report's place too ("茜川省2025年茜州市比萸阳市多收了多少件")
        names = list(q.tabled_places)
    elif len(names) < 2 and len(q.frame.regions) >= 2:
        names = list(q.frame.regions)

    def named_at(name: str) -> int:
        said = next((n for n in (name, name[:-1]) if len(n) >= 2 and n in q.normalized), "")
        return q.normalized.find(said) if said else len(q.normalized)

    # the places in the order the question names them
    places = sorted(names, key=named_at)
    if len(q.years) >= 2 and len(set(q.region_mentions)) >= 2 and len(set(q.regions)) >= 2:
        # "岭西省2025年的纠错率比桐溪区2024年的高多少": each place in its own year
        pairs = list(zip(places[:2], q.years[:2], strict=True))
        return [side(f"{name}{y}年", [name], [y]) for name, y in pairs]
    if len(q.years) >= 2:
        return [side(f"{y}年", list(q.region_mentions), [y]) for y in q.years[:2]]
    if len(places) < 2:
        return None
    return [side(name, [name], list(q.years)) for name in places[:2]]


def _row_of_the_figure(service, per_side, subs):  # noqa: ANN001, ANN202
    """A year no report states in words, whose other year's figure is a sentence's: that report's
    table row holding the same value in that year's column gives the missing year
    (bot/row_of_figure.py)."""
    from bot.row_of_figure import row_of_the_figure

    if len(per_side) != 2 or sum(fig is None for _, _, fig in per_side) != 1:
        return per_side
    k = next(i for i, (_, _, fig) in enumerate(per_side) if fig is None)
    _, ev, fig = per_side[1 - k]
    found = row_of_the_figure(service, subs[k], ev, fig) if ev is not None and fig is not None else None
    if found is None:
        return per_side
    out = list(per_side)
    out[k] = (per_side[k][0], found[0], as_figure(found[1]))
    return out


def _compose(q, per_side, over_time: bool | None = None) -> Answer:  # noqa: ANN001
    """The comparison's answer: the change with its sign and unit computed from the two cited
    figures, or which side is missing. ``over_time``: one place in two years (by default, when
    the question names two years); two places, each in its own year, are compared as places."""
    citations: list[Citation] = []
    quotes = []
    for label, ev, _ in per_side:
        if ev is not None:
            c = Citation.from_chunk(len(citations) + 1, ev.chunk, ev.sentence.strip())
            citations.append(c)
            quotes.append(f"{label}：{c.quote}[{c.n}]")
    numeric = any(fig is not None for _, _, fig in per_side) or q.kind == "numeric"
    missing = [label for label, ev, fig in per_side if ev is None or (numeric and fig is None)]
    if missing:
        return Answer(_missing_text(per_side, missing, quotes), found=False, citations=citations)
    if not numeric:
        return Answer("\n".join(quotes), found=True, citations=citations)
    over_time = len(q.years) >= 2 if over_time is None else over_time
    # "23年和24年分别有多少": each year's figure first, then the later year against the earlier
    # (two places: "菔州市和蔸湖区各是多少", each place's in the order asked)
    listing = bool(EACH_ONE.search(q.normalized)) and not COMPARE_WORDS.search(q.normalized)
    if listing and over_time:
        per_side = sorted(per_side, key=lambda side: side[0], reverse=True)
    elif over_time and per_side[0][0] < per_side[1][0] and f"{per_side[0][0]}比" not in q.normalized:
        # "从2023年到2025年是怎么变化的": the later year against the earlier, as a change is said
        per_side = [per_side[1], per_side[0]]
    (l1, _, f1), (l2, _, f2) = per_side
    v1, v2 = figure_value(f1), figure_value(f2)
    if v1 is None or v2 is None:
        return Answer("\n".join(quotes), found=True, citations=citations)
    if not _same_family(f1.unit, f2.unit):  # 19件 and -21.4% measure different things: no difference
        return Answer(f"{l1}{f1.text}，{l2}{f2.text}（单位不同，无法直接比较）。\n" + "\n".join(quotes),
                      found=True, citations=citations)
    shown = display_unit(f1.text, f1.unit)  # the amounts below are written in the first side's unit
    if shown == f1.unit and f1.unit == f2.unit:  # … or in 万/亿 when only the other side writes them
        shown = display_unit(f2.text, f2.unit)  # ("18.62万户次" and a table's bare "201400")
    unit = shown if f1.unit == f2.unit else ""
    # both figures as cited, the earlier year first
    ordered = sorted(per_side, key=lambda side: side[0]) if over_time else per_side
    both = "，".join(f"{label}{fig.text}" for label, _, fig in ordered)
    # "比上年增加了87名，现在一共…" is no sum; nor "这三年一共提高了多少" (the change from the first
    # to the last), nor two years' rates (91.7% and 98.4% add up to no quantity)
    if _SUM_RE.search(q.normalized) and "比" not in q.normalized and not (
            _UP_RE.search(q.normalized) or _DOWN_RE.search(q.normalized) or unit in _RATES):
        lead = f"合计{format_amount(v1 + v2, shown)}（{both}）"
    elif _RATIO_RE.search(q.normalized) and v2:
        pct = (v1 - v2) / v2 * 100
        change = f"{'增加' if v1 >= v2 else '减少'}{format_amount(abs(v1 - v2), shown)}"
        rate = f"{abs(pct):.1f}".removesuffix(".0")
        lead = f"{l1}比{l2}{'增长' if pct >= 0 else '下降'}{rate}%（{change}；{both}）"
    elif abs(v1 - v2) < 1e-9:
        lead = f"{l1}与{l2}持平（{both}）"
    else:
        # the question's own words ("多引进了几家", "高多少"), or two places side by side
        own = bool(re.search(r"(?<![提降])[多少高低]", q.normalized.replace("多少", "")))
        word = change_word(v1, v2, unit == "%", over_time and not own)
        # a count's change over time also as the reports state it: "同比下降12.1%"
        in_pct = f"，{'增长' if v1 > v2 else '下降'}{_pct(v1, v2)}%" if over_time and unit not in _RATES \
            and v2 else ""
        lead = f"{l1}比{l2}{word}{format_amount(abs(v1 - v2), shown)}{in_pct}（{both}）"
    if listing:
        lead = f"{both}（{lead.removesuffix(f'（{both}）')}）"
    which = WHICH_MORE.search(q.normalized)
    # "哪个区的败诉率低": the side asked for first — not of changes ("哪个降得更多": a larger fall
    # may be the smaller or the larger figure, as the report writes it)
    if which and abs(v1 - v2) > 1e-9 and not re.search(r"[降升增减涨跌]", which.group()):
        larger = which.group("dir") in "高多大快"
        lead = f"{l1 if (v1 > v2) == larger else l2}更{which.group('dir')}：{lead}"
    premise = _premise(q, per_side, v1, v2) if over_time else ""
    return Answer(premise + lead + "。\n" + "\n".join(quotes), found=True,
                  citations=citations)


def _pct(v1: float, v2: float) -> str:
    """|v1 - v2| / v2 in percent, one decimal as reports write it ("8.1", "12")."""
    return f"{abs(v1 - v2) / abs(v2) * 100:.1f}".removesuffix(".0")


def change_word(v1: float, v2: float, rate: bool, over_time: bool) -> str:
    """The sign of v1 - v2 in words: a change over time 增加/减少 (a rate 提高/下降), two
    places side by side 多/少 (高/低)."""
    up = v1 > v2
    if over_time:
        return ("提高" if up else "下降") if rate else ("增加" if up else "减少")
    return ("高" if up else "低") if rate else ("多" if up else "少")


def _missing_text(per_side, missing: list[str], quotes: list[str]) -> str:  # noqa: ANN001
    """'2024年的报告中没有找到这一数据，无法比较；2025年为5694件。' and the quote found."""
    text = f"{'、'.join(missing)}的报告中没有找到这一数据，无法比较"
    found = [f"{label}为{fig.text}" for label, ev, fig in per_side
             if label not in missing and fig is not None]
    text += ("；" + "，".join(found) + "。") if found else "。"
    if quotes:
        text += "\n" + "\n".join(quotes)
    return text


def _premise(q, per_side, v1: float, v2: float) -> str:  # noqa: ANN001
    """A question that assumes the wrong direction ("为什么涨了这么多" when it fell) is told so."""
    if len(q.years) < 2 or abs(v1 - v2) < 1e-9 or MORE_OR_LESS.search(q.normalized):
        return ""  # ("多了还是少了" presumes neither)
    # (the sides' own years when their labels say them: the later year may be listed first)
    said = [m.group() for side in per_side[:2] if (m := re.search(r"(?:19|20)\d{2}", side[0]))]
    first, second = (int(said[0]), int(said[1])) if len(said) == 2 else (q.years[0], q.years[1])
    later_up = (v1 > v2) == (first > second)
    rate = per_side[0][2] is not None and per_side[0][2].unit in ("%", "个百分点", "‰")
    if _UP_RE.search(q.normalized) and not later_up:  # a count 减少, a rate 下降 (as reports say)
        return f"实际并未增加，而是{'下降' if rate else '减少'}了。"
    if _DOWN_RE.search(q.normalized) and later_up:
        return "实际并未减少，而是增加了。"
    return ""
