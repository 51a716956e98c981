"""The study tab's Markdown (headings, **bold**, lists, quotes, rules) as HTML in which every
character of text is escaped first.

Gradio's Markdown component renders raw HTML and Markdown images and links, so report text
quoted in a brief or quiz could fetch outside images or draw forms. Here only the handful of
block forms ``study.export`` writes become markup; everything else — ``<img>``, ``<form>``,
``![x](http://…)``, ``[a](javascript:…)`` — stays literal text.
"""

from __future__ import annotations

import re
from html import escape

_BOLD = re.compile(r"\*\*([^*\n]{1,2000}?)\*\*")
_HEADING = re.compile(r"(#{1,6}) (.*)")


def _inline(line: str) -> str:
    return _BOLD.sub(r"<strong>\1</strong>", escape(line.rstrip()))


def markdown_html(text: str, elem_class: str = "fz-study") -> str:
    """HTML for the Markdown subset of study.export, with all text escaped."""
    out: list[str] = []
    para: list[str] = []
    items: list[str] = []
    quote: list[str] = []

    def flush() -> None:
        if para:
            out.append("<p>" + "<br>".join(para) + "</p>")
            para.clear()
        if items:
            out.append("<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>")
            items.clear()
        if quote:
            out.append("<blockquote>" + "<br>".join(quote) + "</blockquote>")
            quote.clear()

    for raw in (text or "").splitlines():
        line = raw.strip()
        heading = _HEADING.fullmatch(line)
        if not line:
            flush()
        elif heading:
            flush()
            level = len(heading.group(1))
            out.append(f"<h{level}>{_inline(heading.group(2))}</h{level}>")
        elif line == "---":
            flush()
            out.append("<hr>")
        elif line.startswith("- "):
            if para or quote:
                flush()
            items.append(_inline(line[2:]))
        elif line.startswith(">"):
            if para or items:
                flush()
            quote.append(_inline(line[1:].strip()))
        else:
            if items or quote:
                flush()
            para.append(_inline(line))
    flush()
    return f'<div class="{elem_class}">' + "".join(out) + "</div>"
