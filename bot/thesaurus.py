"""A general Chinese thesaurus for words the reports never use (colloquial wording).

The rows come from the ``cnsyn`` package (PyPI, Apache-2.0): ``chinese_dictionary/sim_words.txt``,
one group of near-synonyms per line (a 同义词词林-style dictionary: 工钱 工资 工薪 薪资; 过关 合格 …).
Only its data file is read — the package's own module loads a Windows-only index path — and only
small groups (``MAX_GROUP`` words): the large ones are whole categories (网上 海上 肩上 …), not
synonyms. Without the package the thesaurus is empty and nothing changes.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

from bot.package_data import chinese_word, package_file

MAX_GROUP = 12  # words in a line; larger lines are categories, not synonyms
_DATA = Path("chinese_dictionary") / "sim_words.txt"


@cache
def _text() -> str:
    path = package_file("cnsyn", _DATA)  # (locates the package without importing it)
    return "\n" + path.read_text(encoding="utf-8").replace("\r", "") + "\n" if path else ""


# Numbers and positions: words that differ only in these are siblings of a series (一审 and 二审,
# 上半年 and 下半年, 前年 and 后年), which the thesaurus groups with its near-synonyms
_SERIES = frozenset("一二两三四五六七八九十百千首初终末上下前后")


def _sibling(near: str, word: str) -> bool:
    differ = [(a, b) for a, b in zip(near, word, strict=False) if a != b]
    return len(near) == len(word) and bool(differ) and all(a in _SERIES and b in _SERIES for a, b in differ)


@lru_cache(maxsize=4096)
def near_words(word: str) -> tuple[str, ...]:
    """Words of the thesaurus groups that hold ``word`` (() when none, or no thesaurus). The
    file is searched, not indexed: a question has a few such words, and building an index of
    its 45,860 lines would cost a cold start 0.3 s."""
    text = _text()
    if not chinese_word(word) or not text:
        return ()
    near: dict[str, None] = {}
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if text[at - 1].isspace() and text[end].isspace():
            line = text[text.rfind("\n", 0, at) + 1:text.find("\n", end)]
            words = [w for w in line.split() if chinese_word(w)]
            if 2 <= len(words) <= MAX_GROUP:
                near.update(dict.fromkeys(w for w in words if w != word and not _sibling(w, word)))
        at = text.find(word, end)
    return tuple(near)
