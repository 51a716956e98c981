"""Two or three follow-up questions after an answer, without an LLM: the same question for
another year of the same region the knowledge base holds, and the cited section's topic."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.answer import Answer
from vectorstore.records import SECTION_SEP, DocumentRecord

MAX_SUGGESTIONS = 3
_YEAR = re.compile(r"(20\d{2}|\d{2})年")
_NUMBERING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、．])\s*")
_PUNCT = re.compile(r"[，。；：、！？,.;:!?]+$")


def _heading_topic(section: str) -> str:
    parts = [p for p in section.split(SECTION_SEP) if p.strip()]
    if not parts:
        return ""
    topic = _PUNCT.sub("", _NUMBERING.sub("", parts[-1])).strip()
    return topic if 4 <= len(topic) <= 30 else ""


def suggestions(question: str, answer: Answer, documents: Sequence[DocumentRecord]) -> list[str]:
    """Follow-ups for this answer (none for a refusal)."""
    if not answer.found or not answer.citations:
        return []
    first = answer.citations[0]
    asked = (answer.question or question).strip()
    out: list[str] = []
    if first.year and first.region:
        cited = first.year
        years = sorted({d.year for d in documents if d.region == first.region and d.year
                        and d.year != cited}, key=lambda y: (abs(y - cited), -y))
        for year in years[:2]:
            if _YEAR.search(asked):
                out.append(_YEAR.sub(f"{year}年", asked, count=1))
            else:
                out.append(f"{year}年{asked}")
    topic = _heading_topic(first.section)
    if topic:
        place = (first.region or "") + (f"{first.year}年" if first.year else "")
        out.append(f"{place}在“{topic}”方面还有哪些举措和数据？")
    seen: list[str] = []
    for s in out:
        if s != asked and s not in seen:
            seen.append(s)
    return seen[:MAX_SUGGESTIONS]
