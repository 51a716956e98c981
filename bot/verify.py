"""Check an LLM answer against the passages it was given: citations exist, numbers are quoted.

An answer passes when
- it does not give up ("报告中没有相关内容": it is only asked when the extractive answerer found
  support, so a model that finds nothing is not an answer to show),
- it cites at least one passage ([1], [1][2], [1,2], [1-3], 【1】, ［1］ all count),
- every cited number n is one of the passages given, and
- every number in the answer occurs in a passage it cites: in the passage text, its report
  title or its year (what the model was shown as the passage's source; the section path is
  left out, so a heading's "3." cannot vouch for an invented "3家").

Numbers are compared by value after numeral normalisation (九家 = 9家, 百分之六十五点五 = 65.5%,
1,200 = 1200), with a trailing 万/亿 applied as a scale: 97.4万 = 974000, but 97.4亿 ≠ 97.4万.
Citation markers and list numbering at the start of a line ("1. ", "（2）") are not numbers.
Whether the words around a number are right is not checked; the prompt asks for quotes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from bot.answer import Citation
from zh.numerals import normalize_numerals

NO_ANSWER = "报告中没有相关内容"
MAX_RANGE = 20  # [1-3] expands; a wider range is treated as one bogus reference

_CITATION_RE = re.compile(r"[\[【［]\s*(\d+(?:\s*[,，、;；\-–~]\s*\d+)*)\s*[\]】］]")
_LIST_MARKER_RE = re.compile(
    r"^\s*(?:[-*•]\s*)?(?:\d{1,2}(?:[.．、](?!\d)|[)）])|[（(]\d{1,2}[)）])", re.MULTILINE)
_NUMBER_RE = re.compile(r"(\d+(?:\.\d+)?)\s*(万|亿)?")
_SCALE = {"万": Decimal(10_000), "亿": Decimal(100_000_000), None: Decimal(1)}


@dataclass(frozen=True)
class Verification:
    ok: bool
    reasons: list[str] = field(default_factory=list)
    cited: list[int] = field(default_factory=list)


def citations_in(text: str) -> list[int]:
    """Passage numbers an answer cites, in order of first mention."""
    found: list[int] = []
    for m in _CITATION_RE.finditer(text):
        for part in re.split(r"\s*[,，、;；]\s*", m.group(1)):
            if re.search(r"[-–~]", part):
                lo, hi = (int(x) for x in re.split(r"\s*[-–~]\s*", part))
                numbers = list(range(lo, hi + 1)) if 0 <= hi - lo <= MAX_RANGE else [hi]
            else:
                numbers = [int(part)]
            found.extend(n for n in numbers if n not in found)
    return found


def numbers_in(text: str) -> list[Decimal]:
    """Values of the numbers in a text, after numeral normalisation and 万/亿 scaling."""
    text = normalize_numerals(text)
    values = []
    for m in _NUMBER_RE.finditer(text):
        value = Decimal(m.group(1)) * _SCALE[m.group(2)]
        if value not in values:
            values.append(value)
    return values


def claim_numbers(answer_text: str) -> list[Decimal]:
    """The numbers an answer states: citation markers and list numbering removed."""
    text = _CITATION_RE.sub(" ", normalize_numerals(answer_text))
    return numbers_in(_LIST_MARKER_RE.sub(" ", text))


def passage_numbers(passage: Citation) -> set[Decimal]:
    source = f"{passage.title}\n{passage.year or ''}\n{passage.text}"
    return set(numbers_in(source))


def verify(answer_text: str, passages: Sequence[Citation]) -> Verification:
    """Whether ``answer_text`` is supported by the ``passages`` (numbered by ``Citation.n``)."""
    text = (answer_text or "").strip()
    if not text:
        return Verification(False, ["空回答"])
    by_n = {p.n: p for p in passages}
    cited = citations_in(text)
    reasons: list[str] = []
    missing = [n for n in cited if n not in by_n]
    if missing:
        given = "".join(f"[{n}]" for n in sorted(by_n)) or "无"
        bogus = "".join(f"[{n}]" for n in missing)
        reasons.append(f"引用了不存在的资料{bogus}（给出的资料：{given}）")
    valid = [n for n in cited if n in by_n]
    if NO_ANSWER in text:
        reasons.append("模型认为资料中没有答案")
    elif not cited:
        reasons.append("回答没有标注资料编号[n]")
    allowed: set[Decimal] = set()
    for n in valid:
        allowed |= passage_numbers(by_n[n])
    unsupported = [v for v in claim_numbers(text) if v not in allowed]
    if unsupported and cited:
        where = "".join(f"[{n}]" for n in valid) or "（无有效引用）"
        numbers = "、".join(format(v.normalize(), "f") for v in unsupported)
        reasons.append(f"数字{numbers}不在所引资料{where}中")
    return Verification(not reasons, reasons, sorted(valid))
