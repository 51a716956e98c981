"""Figures in a sentence with what they count ("受理：204件"), and which of them can be blanked.

Only figures written with Arabic digits are used ("204件", "97.4万元", "65.5%"): Chinese
numerals in these reports are mostly set phrases and names (“三项制度”, 后三位, 两支团队).
Figures inside “…” or 《…》 are names, not statistics, and are skipped too.

The *label* of a figure is the words directly before it in its clause — the clause ends at
，；：。 and at a preceding figure — with filler ("全年", "共") and copulas ("为", "达到")
trimmed: "全年共收到行政复议申请241件，受理204件" → "收到行政复议申请", "受理". When the figure
qualifies a noun ("帮助412家企业完成信用修复"), the label is what follows it ("企业完成信用修复").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from bot.figures import Figure, find_figures
from study.corpus import in_quotes
from zh.words import APPROX_AFTER, APPROX_BEFORE, FIGURE_COPULA, FIGURE_LEAD

_BOUNDARY = "，,；;：:。！？!?"
_DIGITS = re.compile(r"^\d+(?:\.\d+)?")
_NOT_NOUN_START = ("的", "和", "及", "与", "或", "并", "、")
_TITLES = re.compile(r"(?:《[^》]*》[、，]?)+等?")
_RANGE_VERB = re.compile(r"^[\u4e00-\u9fa5]{0,4}至$")  # 由7个工作日「压缩至」2个工作日
MAX_LABEL = 32


@dataclass(frozen=True)
class Fact:
    """A figure and what it counts, e.g. label "受理", value "204件"."""

    figure: Figure
    label: str
    value: str  # the figure with its qualifiers as written: "近2000本", "90%以上"
    attributive: bool  # the figure qualifies the noun after it ("412家企业")

    def __str__(self) -> str:
        return f"{self.label}：{self.value}" if self.label else self.value


def usable_figures(sentence: str) -> list[Figure]:
    """Figures in Arabic digits, not inside quotes or titles."""
    return [f for f in find_figures(sentence)
            if f.text[:1].isdigit() and not in_quotes(sentence, f.start)]


def split_figure(figure: Figure) -> tuple[str, str]:
    """'97.4万元' → ('97.4', '万元'); '65.5%' → ('65.5', '%'); '320余个' → ('320', '余个')."""
    m = _DIGITS.match(figure.text)
    digits = m.group(0) if m else ""
    return digits, figure.text[len(digits):]


def is_approximate(figure: Figure) -> bool:
    """'320余个', '1.9万余次', '560多场': the report gives no exact value."""
    return "余" in figure.text or "多" in figure.text


def magnitude(figure: Figure) -> float:
    """The figure's value on one scale (97.4万元 → 974000) for choosing plausible distractors."""
    digits, suffix = split_figure(figure)
    value = float(digits) if digits else 0.0
    if suffix.startswith("万"):
        value *= 1e4
    elif suffix.startswith("亿"):
        value *= 1e8
    return value


def closeness(a: Figure, b: Figure) -> float:
    """How far apart two values are in orders of magnitude (0 = equal)."""
    x, y = magnitude(a), magnitude(b)
    if x <= 0 or y <= 0:
        return math.inf if x != y else 0.0
    return abs(math.log10(x / y))


def facts(sentence: str) -> list[Fact]:
    """The usable figures of a sentence, each with its label, in order."""
    figures = usable_figures(sentence)
    out = []
    for i, fig in enumerate(figures):
        previous = figures[i - 1] if i else None
        following = figures[i + 1] if i + 1 < len(figures) else None
        out.append(_fact(sentence, fig, previous, following))
    return out


def _fact(sentence: str, fig: Figure, previous: Figure | None,
          following: Figure | None) -> Fact:
    start = max(sentence.rfind(ch, 0, fig.start) for ch in _BOUNDARY) + 1
    if previous is not None and previous.end > start:
        start = previous.end + (1 if sentence[previous.end:previous.end + 1] == "、" else 0)
    before = sentence[start:fig.start]
    if not before.strip() and sentence[start - 1:start] in ("：", ":"):
        # a table row "行政执法人员持证率：97.5%": the label is the row head
        head_start = max(sentence.rfind(ch, 0, start - 1) for ch in _BOUNDARY) + 1
        before = sentence[head_start:start - 1]
    stops = [i for i in (sentence.find(ch, fig.end) for ch in _BOUNDARY) if i >= 0]
    if following is not None:
        stops.append(following.start)
    after = sentence[fig.end:min(stops or [len(sentence)])]

    mod_before = APPROX_BEFORE.search(before)
    mod_after = APPROX_AFTER.match(after)
    value = ((mod_before.group(0) if mod_before else "") + fig.text
             + (mod_after.group(0) if mod_after else ""))
    noun = after[mod_after.end():] if mod_after else after
    noun = noun.strip()

    label = FIGURE_COPULA.sub("", FIGURE_LEAD.sub("", before.strip())).strip()
    attributive = (bool(noun) and not noun.startswith(_NOT_NOUN_START)
                   and not _RANGE_VERB.match(noun))
    if attributive:
        label = noun if len(noun) >= 4 or not label else _TITLES.sub("", label) + noun
    return Fact(fig, _shorten(label, keep_head=attributive), value, attributive)


def _shorten(label: str, keep_head: bool) -> str:
    """A long label keeps the words nearest the figure."""
    if len(label) <= MAX_LABEL:
        return label
    if keep_head:
        head = label[:MAX_LABEL - 1]
        cut = head.rfind("、")
        return (head[:cut] if cut >= 4 else head) + "…"
    tail = label[-(MAX_LABEL - 1):]
    cut = tail.find("、")
    return "…" + (tail[cut + 1:] if 0 <= cut < len(tail) - 4 else tail)


def blankable(sentence: str) -> list[Fact]:
    """The facts of a sentence whose figure can be blanked out without ambiguity.

    The rule: a figure may be blanked when
    1. its text occurs exactly once in the sentence (so the blank has one place), and
    2. when another figure of the same unit is in the sentence, both are labelled (at least
       two characters of their own words) and the labels differ — "受理____件，审结196件"
       is answerable, "分别为12件、____件" is not.
    Figures given only approximately ("320余个") are never blanked.
    """
    found = facts(sentence)
    out = []
    for fact in found:
        fig = fact.figure
        if is_approximate(fig) or sentence.count(fig.text) != 1:
            continue
        siblings = [f for f in found if f is not fact and f.figure.unit == fig.unit]
        if siblings and (len(fact.label) < 2
                         or any(len(s.label) < 2 or s.label == fact.label for s in siblings)):
            continue
        out.append(fact)
    return out


def key_facts(sentence: str) -> list[Fact]:
    """The facts to list under a passage: like :func:`facts`, but a change "由7个工作日压缩至
    2个工作日" is one fact (label "平均办理时间", value "由7个工作日压缩至2个工作日")."""
    found = facts(sentence)
    out: list[Fact] = []
    i = 0
    while i < len(found):
        fact = found[i]
        fig = fact.figure
        nxt = found[i + 1] if i + 1 < len(found) else None
        if (nxt is not None and sentence[fig.start - 1:fig.start] == "由"
                and _RANGE_VERB.match(sentence[fig.end:nxt.figure.start])):
            label = fact.label[:-1] if fact.label.endswith("由") else fact.label
            value = f"由{fig.text}{sentence[fig.end:nxt.figure.start]}{nxt.value}"
            out.append(Fact(nxt.figure, label, value, False))
            i += 2
            continue
        out.append(fact)
        i += 1
    return out
