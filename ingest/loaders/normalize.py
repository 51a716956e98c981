"""Whitespace normalisation shared by every loader.

Rules (applied by :func:`normalize_text`):

* every kind of whitespace (tab, newline, U+3000 ideographic space, NBSP, the
  U+2000 block, ...) becomes one ordinary space; runs of spaces collapse to one;
* zero-width characters, a stray BOM and other control characters are removed;
* a space is removed when it sits between two CJK ideographs, or next to CJK /
  full-width punctuation (``，。；：“”（）《》`` ...): Chinese does not use
  inter-word spaces, so such spaces are layout artefacts;
* a single space is kept between latin words / digits and between CJK text and
  latin text or digits (``表1 2023年``, ``持证率 97.5%``), except between a figure and its
  unit (``12 件`` → ``12件``, ``2023 年`` → ``2023年``: office PDF exports add it);
* leading and trailing spaces are stripped.

Full-width punctuation is never converted: ``，`` stays ``，``.
"""

from __future__ import annotations

import re
import unicodedata

# Ideographs (BMP, Extension A, compatibility, supplementary planes), kana, hangul.
_IDEO = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af\U00020000-\U0003134f"
# CJK symbols and punctuation, full-width forms, and the curly double quotes
# that Chinese text uses as full-width quotation marks.
_CJK_PUNCT = "\u3001-\u303f\uff01-\uff60\uffe0-\uffee\u201c\u201d\u2026"

_SPACE_LIKE = re.compile(r"[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_CJK_SPACE = re.compile(
    rf"(?<=[{_IDEO}]) (?=[{_IDEO}])"  # ideograph  ideograph
    rf"|(?<=[{_CJK_PUNCT}]) "  # after full-width punctuation
    rf"| (?=[{_CJK_PUNCT}])"  # before full-width punctuation
)
_CJK_CHAR = re.compile(rf"[{_IDEO}]")
# "12 件", "2023 年": office suites' PDF export puts a space between a figure and its unit,
# which hides the figure from matching; Chinese never spaces them.
_FIGURE_UNIT_SPACE = re.compile(
    r"(?<=\d) (?=[年月日件个家名项次人元万亿千百%％台套所处条份起张篇场批户座辆吨亩倍周天岁])")


def _drop_controls(text: str) -> str:
    """Remove control/format/unassigned characters (whitespace was mapped before)."""
    if text.isprintable():
        return text
    return "".join(
        ch
        for ch in text
        if ch == " " or unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn")
    )


def normalize_text(text: str) -> str:
    """Return ``text`` on one line with whitespace normalised (see module doc)."""
    text = _INVISIBLE.sub("", text)
    text = _SPACE_LIKE.sub(" ", text)
    text = _drop_controls(text)
    text = _SPACE_LIKE.sub(" ", text)  # control removal may have joined two spaces
    text = _CJK_SPACE.sub("", text)
    text = _FIGURE_UNIT_SPACE.sub("", text)
    return text.strip()


def cjk_count(text: str) -> int:
    """Number of CJK ideographs (and kana/hangul) in ``text``."""
    return len(_CJK_CHAR.findall(text))
