"""An infographic's text (一图读懂) as sentences: its label and its figure on lines of their own.

A site page under an infographic, or a PDF laid out like one, gives a figure alone on a line
("1268件") with what it counts on the line before ("新收行政复议案件") — or, when the big number
stands above its caption, on the line after ("3860场" / "开展普法活动") — and a change or a remark
on the lines after ("同比增长12.4%", "全部履行法定程序"). Read line by line, the figure counts
nothing. Each such group becomes one sentence, its lines joined as written: "新收行政复议案件1268件，
同比增长12.4%"; every line's text stays a substring of the result.

Only runs of short lines are read this way: a run ends at a heading, a title with a colon
("关键词一：依法决策"), a long line or a line with a sentence's end. A run whose first line is a
figure puts captions under their figures; any other puts them above. A figure line must carry
a unit (a bare "412" may be a table cell whose header says what it is).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.blocks import Block
from ingest.headings import match_heading

_MAX_LINE = 24  # a caption or a remark of an infographic, not a sentence of prose
_SENTENCE_END = re.compile(r"[。；;！!？?]")
# a change said of the figure above it: "同比增长12.4%", "较上年下降3.1个百分点", "↑12.4%"
_CHANGE = re.compile(r"^(?:同比|环比|较上年|比上年|较去年|比去年|增长|下降|减少|增加|提高|上升|↑|↓)")
# a figure and nothing else: "1268件", "52.3万人次", "9.6%", "近3000件", "300余件"
FIGURE_ONLY = re.compile(
    r"^(?:约|近|超|逾|超过|达)?\d[\d,，.]*(?:万|亿)?(?:余|多)?"
    r"(?:%|％|个百分点|件|项|人次|人|名|位|场次|场|次|家|个工作日|个|户|份|条|所|篇|万元|亿元|元|"
    r"天|小时|分钟|批次|批|期|卷|起|宗|例|部|套|处|支|座|辆|亩|公顷|平方米|公里|吨|分|倍)"
    r"(?:余|多|以上)?$")


def _kind(text: str) -> str:
    """'F' a figure alone, 'C' a change said of one, 'L' a short line of words, '' anything else
    (prose, a heading, a title with a colon: the end of a run)."""
    if FIGURE_ONLY.match(text):
        return "F"
    if len(text) > _MAX_LINE or _SENTENCE_END.search(text) or match_heading(text) or "：" in text \
            or ":" in text:
        return ""
    if _CHANGE.match(text) and re.search(r"\d", text):
        return "C"
    return "" if re.search(r"\d", text) else "L"


def join_figure_lines(blocks: list[Block]) -> list[Block]:
    """``blocks`` with each infographic group (see module doc) joined into one block."""
    kinds = [("" if b.heading_level is not None else _kind(b.text)) for b in blocks]
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        if not kinds[i]:
            out.append(blocks[i])
            i += 1
            continue
        end = i
        while end < len(blocks) and kinds[end]:
            end += 1
        out.extend(_joined(blocks[i:end], kinds[i:end]))
        i = end
    return out


def _joined(run: list[Block], kinds: list[str]) -> list[Block]:
    """The run's groups joined; a run with fewer than two figures is left as it was (a line of a
    cover or a signature is no infographic)."""
    if kinds.count("F") < 2:
        return run
    caption_below = kinds[0] == "F"
    groups: dict[int, str] = {}  # first line of a group → its sentence
    used: set[int] = set()
    for i, kind in enumerate(kinds):
        if kind != "F":
            continue
        at = i + 1 if caption_below else i - 1
        caption = at if 0 <= at < len(run) and kinds[at] == "L" and at not in used else None
        lines = [i] if caption is None else sorted((caption, i))
        text = run[i].text if caption is None else run[caption].text + run[i].text
        # what follows: its changes and remarks, up to the next group's caption or figure
        after = max(lines) + 1
        while after < len(run) and (kinds[after] == "C" or kinds[after] == "L"
                                    and not _captions_next(kinds, after, caption_below)):
            text += f"，{run[after].text}"
            lines.append(after)
            after += 1
        used.update(lines)
        groups[min(lines)] = text
    return [replace(block, text=groups[i]) if i in groups else block
            for i, block in enumerate(run) if i in groups or i not in used]


def _captions_next(kinds: list[str], at: int, caption_below: bool) -> bool:
    """The line at ``at`` is the caption of the next figure (the line after it is a figure, when
    captions stand above), or a caption below the figure just before it."""
    if caption_below:
        return at > 0 and kinds[at - 1] == "F"
    return at + 1 < len(kinds) and kinds[at + 1] == "F"
