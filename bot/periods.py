"""The part of a year a figure or a question is about: a quarter, a half, a run of months, a month.

A report states a year's figures and, beside them, figures of parts of it ("上半年立案2333件",
"1—11月收到工单2.61万件", a table's 第一季度…第四季度｜全年合计 columns, "8月…当月查处186件").
A period is kept as the months it spans, so that the ways of saying one period are one period
(第三季度 = 7—9月, 前三季度 = 1—9月 = 截至9月底, 上半年 = 1—6月); the year itself (全年, 全年合计)
is no part of it (None).
"""

from __future__ import annotations

import re

from zh.numerals import cn_numeral_to_str

Months = tuple[int, int]

_NUM = r"(?:1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])"
_DASH = r"\s*(?:—|–|－|-|~|～|至|到)\s*"

PERIOD_RE = re.compile(
    rf"(?P<year>全年|全年合计|年度|本年度|全年累计)"
    rf"|第?(?P<quarter>[1-4一二三四])季度"
    rf"|前(?P<quarters>[23二三])(?:个)?季度"
    rf"|(?P<half>[上下])半年"
    rf"|(?<!\d)(?P<first>{_NUM})(?:月份?)?{_DASH}(?P<last>{_NUM})月(?:份|底|末)?"
    rf"|[前头](?P<months>{_NUM}|两)个月"  # "头三个月": the first three
    rf"|(?:最后|年底|年末)(?P<tail>{_NUM}|两)个月"  # "最后两个月": the last two
    rf"|截至(?:\d{{4}}年)?(?P<upto>{_NUM})月(?:底|末)"
    # a month alone, not a date's ("3月1日"), nor a span of months ("3个月")
    rf"|(?<![\d至到—–\-~～])(?P<month>{_NUM})月份?(?![\d一二三四五六七八九十]+[日号]|[底末初中])")


def _n(text: str) -> int:
    text = text.replace("两", "二")
    return int(text if text.isdigit() else cn_numeral_to_str(text) or 0)


def months_of(m: re.Match[str]) -> Months | None:
    """The months a period match spans; None for the year itself."""
    if m.group("year"):
        return None
    if m.group("quarter"):
        q = _n(m.group("quarter"))
        return (3 * q - 2, 3 * q)
    if m.group("quarters"):
        return (1, 3 * _n(m.group("quarters")))
    if m.group("half"):
        return (1, 6) if m.group("half") == "上" else (7, 12)
    if m.group("first"):
        first, last = _n(m.group("first")), _n(m.group("last"))
        return (first, last) if first <= last else None
    if m.group("months"):
        return (1, _n(m.group("months")))
    if m.group("tail"):
        return (13 - _n(m.group("tail")), 12) if 1 <= _n(m.group("tail")) <= 12 else None
    if m.group("upto"):
        return (1, _n(m.group("upto")))
    return (_n(m.group("month")),) * 2


def asked_period(question: str) -> Months | None:
    """The part of the year a question asks about (its first one); None for a whole year."""
    if re.search(r"[a-zA-Z]{3}", question) and (english := english_period(question)):
        return english
    for m in PERIOD_RE.finditer(question):
        months = months_of(m)
        if months and months != (1, 12):
            return months
    return None


def period_before(text: str, end: int) -> Months | None:
    """The period the words before ``end`` put a figure in: the last one said before it in its
    sentence or table row (全年 puts it back in the whole year)."""
    return period_of(text, end, None)


def context_period(section_path: str, title: str) -> Months | None:
    """The part of the year a passage's headings or its report's title put all its figures in
    ("2025年上半年法治政府建设工作情况", a section "一、1—6月工作情况"); None for the year. The
    nearest heading says it first; a plan's heading ("下半年工作打算") puts no figure there."""
    for text in (*reversed(section_path.split(" > ")), title):
        if re.search(r"打算|计划|安排|思路|目标", text):
            continue
        for m in PERIOD_RE.finditer(text):
            if m.group("month"):
                continue  # a month alone in a title is its date ("…报告（2026年3月）")
            months = months_of(m)
            return months if months != (1, 12) else None
    return None


def period_of(source: str, start: int, context: Months | None) -> Months | None:
    """The period of a figure at ``start`` of its sentence: the last one said before it there
    (全年 included, the year's), else the one its passage's headings or report say."""
    last = None
    for m in PERIOD_RE.finditer(source, 0, start):
        last = m
    if last is None:
        return context
    months = months_of(last)
    return None if months == (1, 12) else months


_PART_NAMES = {(1, 3): "一季度", (4, 6): "二季度", (7, 9): "三季度", (10, 12): "四季度", (1, 6): "上半年",
               (7, 12): "下半年", (1, 9): "前三季度"}


def part_of_year_said(text: str) -> str:
    """A run of months that is a quarter or a half of the year said by that name ("4到6月份" → 二季度,
    "1—6月" → 上半年), as a table's columns name it; other periods as they are."""
    def name(m: re.Match[str]) -> str:
        if not m.group("first"):
            return m.group(0)
        return _PART_NAMES.get(months_of(m) or (0, 0), m.group(0))
    return PERIOD_RE.sub(name, text)


def periods_named(text: str) -> set[Months]:
    """Every part of the year ``text`` names."""
    return {p for m in PERIOD_RE.finditer(text) if (p := months_of(m)) and p != (1, 12)}


_EN_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_EN_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_EN_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_EN_COUNT = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
             "ten": 10, "eleven": 11}
_EN_PERIOD = re.compile(
    r"\b(?P<quarter>first|second|third|fourth|1st|2nd|3rd|4th) quarter\b|\bq(?P<q>[1-4])\b"
    r"|\b(?P<half>first|second) half\b"
    rf"|\b(?:from )?(?P<first>{_EN_MONTH})\.? (?:to|through|until|-|–) (?P<last>{_EN_MONTH})\b"
    r"|\bfirst (?P<months>two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2}) months\b"
    rf"|\b(?:in|during|for) (?P<month>{_EN_MONTH})\b(?! \d{{1,2}}\b)")


def _en_month(word: str) -> int:
    return next(i for name, i in _EN_MONTHS.items() if name.startswith(word[:3]))


def english_period(question: str) -> Months | None:
    """The part of the year an English question asks about ("in the third quarter of 2025",
    "in the first half", "from January to November", "in October")."""
    m = _EN_PERIOD.search(question.lower())
    if not m:
        return None
    if m.group("quarter") or m.group("q"):
        q = _EN_ORDINAL[m.group("quarter")] if m.group("quarter") else int(m.group("q"))
        return (3 * q - 2, 3 * q)
    if m.group("half"):
        return (1, 6) if m.group("half") == "first" else (7, 12)
    if m.group("first"):
        first, last = _en_month(m.group("first")), _en_month(m.group("last"))
        return (first, last) if first < last else None
    if m.group("months"):
        n = m.group("months")
        return (1, int(n) if n.isdigit() else _EN_COUNT[n])
    month = _en_month(m.group("month"))
    return (month, month)
