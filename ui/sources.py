"""HTML for answers and their sources. Every piece of document text is escaped here.

The Chatbot renders message content as Markdown. Each message we build is one HTML block
without blank lines, so Markdown leaves the (already escaped) text alone: a report that
contains ``<script>`` or ``*`` shows exactly those characters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from bot.answer import Answer, Citation

_MARKER = re.compile(r"\[(\d{1,2})\]")
_SPACE = re.compile(r"\s+")


def _text(text: str) -> str:
    """Escaped text with line breaks kept as <br> (and no blank line for Markdown to see)."""
    lines = [escape(line) for line in text.strip().splitlines()]
    return "<br>".join(line for line in lines if line.strip())


def question_html(question: str) -> str:
    """A user's question as one HTML block, so Markdown (images, links) in it stays text."""
    return f'<div class="fz-question">{_text(question)}</div>'


def answer_text_html(text: str, citations: Sequence[Citation] = ()) -> str:
    """The answer's text, escaped, with its [n] markers as superscript references; hovering
    one shows its quoted sentence, clicking it (page.js) opens the original there."""
    quotes = {c.n: c.quote for c in citations}

    def ref(m: re.Match) -> str:
        n = int(m.group(1))
        if n not in quotes:
            return f'<sup class="fz-ref">[{n}]</sup>'
        tip = escape(f"[{n}] {quotes[n]}".strip())
        # the chat's sanitizer keeps class, title, role and tabindex (not data-*, aria-*)
        return (f'<sup class="fz-ref fz-ref-link fz-cite-{n}" title="{tip}" tabindex="0" '
                f'role="button">[{n}]</sup>')

    return _MARKER.sub(ref, _text(text))


def highlight(passage: str, quote: str) -> str:
    """The passage, escaped, with the supporting sentence in <mark>.

    The quote is found as is, or ignoring whitespace differences; if it is not in the
    passage at all the passage is shown without a mark.
    """
    quote = quote.strip()
    if not quote:
        return _text(passage)
    start = passage.find(quote)
    end = start + len(quote)
    if start < 0:
        start, end = _find_loose(passage, quote)
    if start < 0:
        return _text(passage)
    return (_text_keep_edges(passage[:start]) + '<mark class="fz-quote">'
            + _text_keep_edges(passage[start:end]) + "</mark>"
            + _text_keep_edges(passage[end:])).strip()


def _text_keep_edges(text: str) -> str:
    """Like _text but without trimming, so the pieces around a mark join up exactly."""
    return "<br>".join(escape(line) for line in text.split("\n"))


def _find_loose(passage: str, quote: str) -> tuple[int, int]:
    """(start, end) of quote in passage when whitespace is ignored, else (-1, -1)."""
    target = _SPACE.sub("", quote)
    if not target:
        return -1, -1
    pattern = r"\s*".join(re.escape(ch) for ch in target)
    m = re.search(pattern, passage)
    return (m.start(), m.end()) if m else (-1, -1)


def citation_meta(c: Citation) -> str:
    """'杭州市余杭区 · 2021年 · 第3页' (escaped); only the parts that are known."""
    parts = []
    if c.region:
        parts.append(escape(c.region))
    if c.year:
        parts.append(f"{c.year}年")
    if c.page:
        parts.append(f"第{c.page}页")
    return " · ".join(parts)


def citation_html(c: Citation) -> str:
    title = escape(c.title or c.source)
    meta = citation_meta(c)
    section = escape(c.section.strip())
    return (
        f'<div class="fz-source fz-cite-{c.n}" tabindex="0" role="button" '
        f'title="查看原文：[{c.n}] {title}">'
        f'<div class="fz-source-head"><span class="fz-n">[{c.n}]</span> '
        f'<span class="fz-title">{title}</span>'
        + (f'<span class="fz-meta">{meta}</span>' if meta else "")
        + "</div>"
        + (f'<div class="fz-section">{section}</div>' if section else "")
        + f'<div class="fz-passage">{highlight(c.text, c.quote)}</div>'
        + (f'<div class="fz-file">文件：{escape(c.source)}</div>' if c.source else "")
        + "</div>"
    )


def sources_html(citations: Sequence[Citation]) -> str:
    if not citations:
        return ""
    items = "".join(citation_html(c) for c in citations)
    return (f'<details class="fz-sources" open><summary>来源（{len(citations)}）</summary>'
            f"{items}</details>")


ACTIONS = ('<div class="fz-actions">'
           '<button class="fz-act fz-copy" type="button" title="复制回答和出处（纯文本）">复制</button>'
           '<button class="fz-act fz-regen" type="button" title="重新生成这个回答">重新生成</button>'
           "</div>")


def suggestions_html(questions: Sequence[str]) -> str:
    if not questions:
        return ""
    buttons = "".join(f'<button class="fz-suggest" type="button">{escape(q)}</button>'
                      for q in questions)
    return f'<div class="fz-suggestions"><span class="fz-suggest-label">接着问：</span>{buttons}</div>'


def answer_html(answer: Answer, asked: str = "", follow_ups: Sequence[str] = (),
                note: str = "", chart: str = "") -> str:
    """One chat message: the answer, how a follow-up was understood, the sources, an
    indicator chart (HTML of ui.charts), the actions (copy, regenerate) and suggested
    follow-up questions."""
    understood = ""
    if answer.question and asked and answer.question.strip() != asked.strip():
        understood = f'<div class="fz-understood">理解为：{escape(answer.question)}</div>'
    status = " fz-final" + ("" if answer.found else " fz-not-found")
    return (f'<div class="fz-answer{status}">'
            f'<div class="fz-answer-text">{answer_text_html(answer.text, answer.citations)}</div>'
            f"{understood}{sources_html(answer.citations)}{chart}"
            + (f'<div class="fz-note">{escape(note)}</div>' if note else "")
            + f"{ACTIONS}"
            f"{suggestions_html(follow_ups)}</div>")


def partial_html(text: str) -> str:
    """A streaming answer so far ('正在查找…' before the first piece)."""
    if not text.strip():
        return '<div class="fz-answer fz-pending">正在查找…</div>'
    return (f'<div class="fz-answer"><div class="fz-answer-text">{answer_text_html(text)}'
            "</div></div>")
