"""A general Chinese thesaurus for words the reports never use (colloquial wording).

The rows come from the ``cnsyn`` package (PyPI, Apache-2.0): ``chinese_dictionary/sim_words.txt``,
one group of near-synonyms per line (a 同义词词林-style dictionary: 工钱 工资 工薪 薪资; 过关 合格 …).
Only its data file is read — the package's own module loads a Windows-only index path — and only
small groups (``MAX_GROUP`` words): the large ones are whole categories (网上 海上 肩上 …), not
synonyms. Without the package the thesaurus is empty and nothing changes.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

MAX_GROUP = 12  # words in a line; larger lines are categories, not synonyms
_DATA = Path("chinese_dictionary") / "sim_words.txt"


def _data_file() -> Path | None:
    spec = importlib.util.find_spec("cnsyn")  # (locates the package without importing it)
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / _DATA
        if path.exists():
            return path
    return None


def _chinese_word(word: str) -> bool:
    return 2 <= len(word) <= 4 and all("\u4e00" <= c <= "\u9fa5" for c in word)


@cache
def _groups() -> dict[str, tuple[str, ...]]:
    path = _data_file()
    if path is None:
        return {}
    near: dict[str, dict[str, None]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        words = [w for w in line.split() if _chinese_word(w)]
        if not 2 <= len(words) <= MAX_GROUP:
            continue
        for w in words:
            near.setdefault(w, {}).update(dict.fromkeys(x for x in words if x != w))
    return {w: tuple(others) for w, others in near.items()}


def near_words(word: str) -> tuple[str, ...]:
    """Words of the thesaurus groups that hold ``word`` (() when none, or no thesaurus)."""
    return _groups().get(word, ())
