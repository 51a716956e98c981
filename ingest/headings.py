"""Heading patterns of Chinese official documents and their nesting ranks.

编 > 章 / 部分 / 附件 > 节 > 一、 > （一） > 1. / 1、 > （1） > 第X条. A lower rank nests deeper.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN = "一二三四五六七八九十百零〇"

# (rank, pattern) — the pattern matches the heading's numbering at the paragraph start.
_PATTERNS: list[tuple[int, re.Pattern[str]]] = [
    (0, re.compile(rf"^第[{_CN}\d]+编")),
    (1, re.compile(rf"^第[{_CN}\d]+(?:章|部分)")),
    (2, re.compile(rf"^第[{_CN}\d]+节")),
    (3, re.compile(rf"^[{_CN}]+、")),
    (4, re.compile(rf"^[（(][{_CN}]+[）)]")),
    (5, re.compile(r"^\d{1,2}(?:[.．](?!\d)|、)")),
    (6, re.compile(r"^[（(]\d{1,2}[）)]")),
    (7, re.compile(rf"^第[{_CN}\d]+条")),
]

# An annex ("附件：各设区市主要指标", "附件2", "附件一 …情况表") is a part of its own, whatever heading
# came before it: its table is no part of the plans the report's last section sets out.
_ANNEX = re.compile(rf"^附件[{_CN}\d]{{0,2}}(?=[：:\s]|$)")
ANNEX_RANK = 1

# A heading numbering must be followed by text (not be the whole paragraph).
_MAX_PURE_HEADING = 60
_SENTENCE_END = re.compile(r"[。！？；!?;]")


@dataclass(frozen=True)
class Heading:
    rank: int
    title: str  # the heading as it goes into the section path (numbering kept)
    has_body: bool  # the paragraph continues with body text after the heading


def match_heading(paragraph: str) -> Heading | None:
    """Recognise a numbered heading at the start of a paragraph.

    "3.开展系列为企为民专项法律服务行动。组织……" → Heading(5, "3.开展系列为企为民专项法律服务行动",
    has_body=True); "（一）坚持依法科学民主决策，提升决策能力" → a pure heading.
    """
    text = paragraph.strip()
    if _ANNEX.match(text) and len(text) <= _MAX_PURE_HEADING and not _SENTENCE_END.search(text):
        return Heading(ANNEX_RANK, trim_heading(text), has_body=False)
    for rank, pattern in _PATTERNS:
        m = pattern.match(text)
        if not m or len(text) == m.end():
            continue
        if rank == 7:  # 第X条 — the article number is the heading, the text is body
            return Heading(rank, text[: m.end()], has_body=True)
        end = _SENTENCE_END.search(text)
        if end is None:
            if len(text) > _MAX_PURE_HEADING:
                return None
            return Heading(rank, trim_heading(text), has_body=False)
        title = trim_heading(text[: end.start()])
        has_body = bool(text[end.end():].strip())
        return Heading(rank, title, has_body=has_body)
    return None


def trim_heading(text: str) -> str:
    return text.strip().rstrip("。：:；;，, ")
