"""Plain text copied out of a PDF: paragraphs hard-wrapped at the page's width.

A .txt report normally holds one paragraph per line. Text copied from a PDF viewer (or written
by some converters) breaks every paragraph at the page's width instead, so a sentence — and the
phrase a figure measures — is split over two lines, and page numbers ("— 3 —", "第3页") stand
between them. Such a file is recognised by its line widths: at least ``WRAPPED_SHARE`` of its
text lines (and ``MIN_FULL`` of them) are *full*, within ``SLACK`` of the common wrap width
(counted in characters, or in display columns where wide characters take two), and most full
lines end inside a sentence (a file of one paragraph a line ends its lines with 。). In such a
file a full line runs on into the next one unless the next line starts a heading (一、 （一）
1. …) or is indented (a new paragraph) or the full line ends a sentence; page-number lines are
dropped. Any other file is returned unchanged.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence

from ingest.headings import match_heading

WRAPPED_SHARE = 0.4  # share of text lines that are full in a hard-wrapped file
MIN_FULL = 5  # ... and at least this many
ENDED_SHARE = 0.5  # at most this share of the full lines end a sentence (a paragraph a line ends most)
MIN_WIDTH = 16  # narrower "full" lines are a list of short items, not wrapped text
SLACK = 0.1  # share of the wrap width a full line may differ by (a punctuation mark kept on its line)
PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－~～·•_]*\s*\d{1,4}\s*[-—–－~～·•_]*"
    r"|第\s*\d{1,4}\s*页(?:\s*[，,/／]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*[/／]\s*\d{1,4})\s*$")
_PARAGRAPH_END = tuple("。！？；!?;")
_INDENT = re.compile(r"^[ \u3000]{2,}|^\u3000")


# East Asian wide and full-width characters (CJK, kana, hangul, full-width forms), as
# unicodedata.east_asian_width gives "W"/"F" for them — one C-speed regex instead of a call a character
_WIDE = re.compile("[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
                   "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]")


def display_width(text: str) -> int:
    """Columns the text takes in a monospaced view: wide (CJK, full-width) characters count 2."""
    return len(text) + len(_WIDE.findall(text))


def _text_lines(lines: Sequence[str]) -> list[str]:
    # (a numbered item or heading starts a paragraph: whatever its length, it says nothing
    # of wrapping)
    return [ln.strip() for ln in lines if ln.strip() and "\t" not in ln.strip("\t ")
            and not PAGE_NUMBER.match(ln) and match_heading(ln.strip()) is None]


def _full_lines(lines: list[str], widths: list[int]) -> tuple[int, int] | None:
    """(wrap width, how many lines are full) of lines measured by ``widths``; None when they
    are not wrapped at one width."""
    upper = sorted(widths)[len(widths) // 2:]  # the wider half: the full lines, if wrapped
    width = int(statistics.median_high(upper))
    full = [ln for ln, w in zip(lines, widths, strict=True) if width - _slack(width) <= w <= width + _slack(width)]
    if width < MIN_WIDTH or len(full) < MIN_FULL or len(full) < WRAPPED_SHARE * len(widths):
        return None
    # wrapped lines break inside sentences; paragraphs of like length end theirs
    if sum(ln.endswith(_PARAGRAPH_END) for ln in full) > ENDED_SHARE * len(full):
        return None
    return width, len(full)


def _slack(width: int) -> int:
    return max(2, round(SLACK * width))


def wrap_width(lines: Sequence[str]) -> tuple[int, bool] | None:
    """The width the file's lines are wrapped at, and whether it is counted in display columns
    (a viewer's copy: wide characters take two, digits one) rather than in characters (a
    converter's), whichever more lines fill; None when the lines are not hard-wrapped."""
    text = _text_lines(lines)
    if len(text) < MIN_FULL:
        return None
    found = [(fit[1], columns, fit[0]) for columns in (False, True)
             if (fit := _full_lines(text, [display_width(ln) if columns else len(ln) for ln in text]))]
    if not found:
        return None
    _, columns, width = max(found)
    return width, columns


def _joined(left: str, right: str) -> str:
    # English words keep a space between them; CJK text, and a figure broken over two lines
    # ("1" | "0.7%"), are written on
    if left[-1:].isascii() and left[-1:].isalpha() and right[:1].isascii() and right[:1].isalpha():
        return f"{left} {right}"
    return left + right


def unwrap(lines: Sequence[str]) -> list[str]:
    """The lines of a hard-wrapped text re-joined into paragraphs (see the module doc); other
    texts unchanged."""
    wrapped = wrap_width(lines)
    if wrapped is None:
        return list(lines)
    width, columns = wrapped
    out: list[str] = []
    open_line = False  # the last text line is full: its paragraph may go on
    for raw in lines:
        if PAGE_NUMBER.match(raw) and raw.strip():
            continue  # a page number between two halves of a paragraph
        text = raw.strip()
        if "\t" in text:  # a table row (ingest.loaders.text reads tab-separated runs)
            out.append(raw)
            open_line = False
            continue
        if not text:  # (a blank line inside a sentence: around a page number)
            out.append(raw)
            continue
        if open_line and not _INDENT.match(raw) and match_heading(text) is None:
            while out and not out[-1].strip():
                out.pop()  # blank lines around a dropped page number
            out[-1] = _joined(out[-1], text)
        else:
            out.append(text)
        # a full line that ends a sentence may end its paragraph: left as it is (a sentence
        # is the unit of answers, so a paragraph split there loses nothing)
        open_line = (display_width(text) if columns else len(text)) >= width - _slack(width) \
            and not text.endswith(_PARAGRAPH_END)
    return out
