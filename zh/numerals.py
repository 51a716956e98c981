"""Numeral normalisation for Chinese text: 九家→9家, 二〇二一年→2021年, 百分之六十五点五→65.5%.

Applied to the *index* side (chunk index text) and the *query* side alike, so that a
question written with Chinese numerals finds a passage written with Arabic ones and
vice versa. Display text is never rewritten.
"""

from __future__ import annotations

import re

_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
           "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
_NUM_CHARS = "".join(_DIGITS) + "".join(_SMALL_UNITS) + "".join(_BIG_UNITS)

# Measure words and units after which a Chinese numeral is a quantity.
UNIT_CHARS = ("家个份次件人名项本条元年月日天岁户所座场批期篇类部届位起宗例余多倍只台辆张处间支队组村镇街"
              "亩米吨度分秒小周轮笔卷册页栋幢升种套艘架棵株块段封单门公千平立课学尾头匹箱瓶盒袋枚剂")

_FULLWIDTH = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)},
                            "％": "%", "．": ".", "﹪": "%"})

_PERCENT_RE = re.compile(rf"百分之([{_NUM_CHARS}]+(?:点[{''.join(_DIGITS)}]+)?)")
_QUANTITY_RE = re.compile(
    rf"([{_NUM_CHARS}]+(?:点[{''.join(_DIGITS)}]+)?)(?=[{UNIT_CHARS}])"
)
_THOUSANDS_RE = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


def _parse_integer(s: str) -> int | None:
    """Parse a Chinese integer numeral; None if it is not well formed."""
    if not s:
        return None
    if all(ch in _DIGITS for ch in s):
        if len(s) == 1:
            return _DIGITS[s]
        # 二〇二一 style: digit by digit
        return int("".join(str(_DIGITS[ch]) for ch in s))
    total = section = num = 0
    for ch in s:
        if ch in _DIGITS:
            num = _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            section += (num or 1) * _SMALL_UNITS[ch]
            num = 0
        elif ch in _BIG_UNITS:
            unit = _BIG_UNITS[ch]
            if unit == 100_000_000:
                total = (total + section + num) * unit
            else:
                total += (section + num) * unit
            section = num = 0
        else:
            return None
    return total + section + num


def cn_numeral_to_str(s: str) -> str | None:
    """'六十五点五' → '65.5', '二〇二一' → '2021'; None if not a numeral."""
    whole, _, frac = s.partition("点")
    n = _parse_integer(whole)
    if n is None:
        return None
    if frac:
        if not all(ch in _DIGITS for ch in frac):
            return None
        return f"{n}." + "".join(str(_DIGITS[ch]) for ch in frac)
    return str(n)


def _quantity(m: re.Match[str]) -> str:
    run = m.group(1)
    # Keep a trailing 万/亿 as part of the unit: 三千五百万元 → 3500万元
    if run == "一" or (run != "十" and all(ch not in _DIGITS for ch in run)):
        # a lone 一 is mostly a word part (统一, 唯一); bare units are words (千家万户)
        return m.group(0)
    suffix = ""
    if run[-1] in _BIG_UNITS and not any(ch in _BIG_UNITS for ch in run[:-1]):
        run, suffix = run[:-1], run[-1]
    value = cn_numeral_to_str(run)
    return m.group(0) if value is None else value + suffix


def _percent(m: re.Match[str]) -> str:
    value = cn_numeral_to_str(m.group(1))
    return m.group(0) if value is None else value + "%"


def normalize_numerals(text: str) -> str:
    """Rewrite numerals to one canonical form (Arabic digits, ASCII %)."""
    text = text.translate(_FULLWIDTH)
    text = _THOUSANDS_RE.sub("", text)
    text = _PERCENT_RE.sub(_percent, text)
    text = _QUANTITY_RE.sub(_quantity, text)
    # digits made from Chinese numerals may now follow a thousands comma ("5,二百家")
    return _THOUSANDS_RE.sub("", text)


_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")


def extract_numbers(text: str) -> list[str]:
    """Every number in the text after normalisation, as canonical strings ('9', '65.5')."""
    return [_canonical(n) for n in _NUMBER_RE.findall(normalize_numerals(text))]


def _canonical(n: str) -> str:
    if "." in n:
        n = n.rstrip("0").rstrip(".")
    return n.lstrip("0") or "0"
