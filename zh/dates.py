"""Years in Chinese questions: absolute (2023年, 二〇二三年 after numeral normalisation, 23年),
relative to today (去年, 前年) and relative to the year a conversation is about (上一年, 次年)."""

from __future__ import annotations

import datetime as dt
import re

YEAR = r"(?:19|20)\d{2}"
YEAR_RE = re.compile(rf"(?<!\d)({YEAR})(?:年|\s*年度|(?!\d))")
YEAR_WORD_RE = re.compile(rf"{YEAR}年度?")  # "2023年" as written in a question
# A part of a year a figure may be counted for (a table's 第一季度｜…｜第四季度 columns); the year's
# figure is no answer for it
PART_OF_YEAR = r"(?:第?[一二三四1-4]|前三)季度|[上下]半年"
PART_OF_YEAR_RE = re.compile(PART_OF_YEAR)
PERIOD_OF_YEAR = rf"{PART_OF_YEAR}|全年"  # a column of such a table, the year's own included

# Counted from today.
TODAY_RELATIVE = {"大前年": -3, "前年": -2, "去年": -1, "今年": 0, "本年": 0}
# Counted from the year being talked about (the report's, or the conversation's).
# (numerals are normalised first: 第二年 is matched as 第2年, 下一年 stays — 一 is kept in words)
CONTEXT_RELATIVE = {"下一年": 1, "次年": 1, "第二年": 1, "第2年": 1, "后一年": 1, "明年": 1,
                    "上一年": -1, "前一年": -1, "上年": -1, "当年": 0, "同年": 0, "同一年": 0, "这一年": 0, "那一年": 0,
                    # "再往前一年呢", "再早一年": one more year back from the year talked about
                    "再往前一年": -1, "往前一年": -1, "再前一年": -1, "再早一年": -1,
                    "再往后一年": 1, "往后一年": 1, "再后一年": 1, "再晚一年": 1}

# "三年多" is a span, but "24年比23年多了几份" compares years
_SHORT_YEAR_RE = re.compile(r"(?<![\d.近这几多约超满第共])(\d{2})年(?![来间内以前后])(?!多(?![了少]))")


def expand_short_years(text: str, today: dt.date) -> str:
    """'23年跟22年比' → '2023年跟2022年比': two-digit years of the reports' era only (from
    2015 to next year), so '30年' or '近10年' stay what they are."""
    def sub(m: re.Match[str]) -> str:
        year = 2000 + int(m.group(1))
        return f"{year}年" if 2015 <= year <= today.year + 1 else m.group(0)
    return _SHORT_YEAR_RE.sub(sub, text)


def absolute_years(text: str) -> list[int]:
    return [int(y) for y in YEAR_RE.findall(text)]


def years_written(text: str) -> list[int]:
    """The years written with 年 ("四、2024年…主要安排" → [2024]); a bare "2024" is not one."""
    return [int(m[:4]) for m in YEAR_WORD_RE.findall(text)]


def _longest_first(words: dict[str, int]) -> list[tuple[str, int]]:
    return sorted(words.items(), key=lambda kv: -len(kv[0]))


# "两年后" / "三年前" (numerals normalised: 2年后, 3年前; 一 stays): so many years after or before the
# year talked about — not "2022年后", whose 2 ends a year
_YEAR_SPAN = re.compile(r"(?<![\d.])([一1-5])年(?:之|以)?([后前])")


def replace_year_spans(text: str, base_year: int) -> str:
    """'那两年后呢？' of 2023 → '那2025年呢？' (1 to 5 years after or before ``base_year``)."""
    def sub(m: re.Match[str]) -> str:
        span = 1 if m[1] == "一" else int(m[1])
        return f"{base_year + (span if m[2] == '后' else -span)}年"
    return _YEAR_SPAN.sub(sub, text)


def replace_relative(text: str, base_year: int, words: dict[str, int]) -> str:
    """Every relative year word in ``words`` written as the year it means from ``base_year``
    ('那前年呢？', today 2026 → '那2024年呢？')."""
    for word, delta in _longest_first(words):
        text = text.replace(word, f"{base_year + delta}年")
    return text
