"""Shipped word tables: colloquial synonyms and an English→Chinese glossary (query expansion)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path

_HERE = Path(__file__).parent


def _read_table(path: Path, key_form: Callable[[str], str] = str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Rows ``key=term term …``; ``key_form``: how a key is written as the questions it matches
    are (the glossary's in bot.english's one spelling)."""
    rows: dict[str, tuple[str, ...]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        key = key_form(key.strip().lower())
        rows[key] = tuple(dict.fromkeys((*rows.get(key, ()), *value.split())))
    # Longest keys first so "mediation success rate" wins over "rate".
    return tuple(sorted(rows.items(), key=lambda r: -len(r[0])))


@cache
def synonyms() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return _read_table(_HERE / "synonyms.txt")


@cache
def contrasts() -> tuple[tuple[tuple[str, ...], ...], ...]:
    """Sets of kinds that exclude each other (bot/contrasts.txt), each kind with its spellings."""
    return tuple(tuple(kind for kind, _ in row) for row in _contrast_rows())


@cache
def implied_kinds() -> frozenset[tuple[str, ...]]:
    """The kinds a sentence means when it names no kind of their set (marked ~ in bot/contrasts.txt:
    "行政诉讼案件" are 一审 ones)."""
    return frozenset(kind for row in _contrast_rows() for kind, implied in row if implied)


@cache
def whole_when_unnamed() -> frozenset[tuple[tuple[str, ...], ...]]:
    """The sets whose kinds a sentence naming none of them counts all together (a line marked = in
    bot/contrasts.txt: "办理法律援助案件968件" is 刑事 and 民事 ones, no 民事 figure)."""
    return frozenset(tuple(kind for kind, _ in row) for line, row in zip(_contrast_lines(), _contrast_rows(),
                                                                          strict=True) if line.startswith("= "))


@cache
def _contrast_lines() -> tuple[str, ...]:
    return tuple(line.strip() for line in (_HERE / "contrasts.txt").read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.strip().startswith("#"))


@cache
def _contrast_rows() -> tuple[tuple[tuple[tuple[str, ...], bool], ...], ...]:
    rows = []
    for line in _contrast_lines():
        kinds = line.removeprefix("= ").split()
        rows.append(tuple((tuple(kind.lstrip("~").split("|")), kind.startswith("~")) for kind in kinds))
    return tuple(rows)


@cache
def glossary_en() -> tuple[tuple[str, tuple[str, ...]], ...]:
    from bot.english import english_form

    return _read_table(_HERE / "glossary_en.txt", lambda key: singular(english_form(key)))


_PLURAL = re.compile(r"\b([a-z]{3,}?)(ies|sses|xes|ches|shes|s)\b")


# words ending in s that are no plurals ("does" is no "doe")
_NOT_PLURAL = frozenset("does goes this thus yes always perhaps towards afterwards besides sometimes "
                        "whereas news series species".split())


def _one(m: re.Match[str]) -> str:
    stem, end = m.group(1), m.group(2)
    if m.group(0) in _NOT_PLURAL:
        return m.group(0)
    if end == "ies":
        return stem + "y"  # "authorities" → authority
    if end != "s":
        return stem + end[:-2]  # "businesses" → business, "boxes" → box
    return m.group(0) if stem.endswith(("s", "u", "i")) else stem  # "process", "status", "basis" stay


def singular(text: str) -> str:
    """English nouns in the singular, so "labor and personnel dispute arbitration" meets the key
    "labor and personnel disputes" (and "cases" its "case"); keys and questions alike."""
    return _PLURAL.sub(_one, text)


def expand(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """[(phrase of the question, report terms that may stand for it)]. Case-insensitive;
    a phrase consumed by a longer key is not matched again by a shorter one, and a phrase
    whose terms the question already uses is left alone."""
    from bot.english import english_form

    said = text.lower()
    lowered = english_form(said)  # as the glossary's keys are read
    if re.search(r"[a-z]{3}", lowered):
        lowered = singular(lowered)
    found: list[tuple[str, tuple[str, ...]]] = []
    # Of keys as long, one that ends on the question's word boundaries goes first: in "把政府告上法庭" the
    # phrase is 告上法庭 (words 告上|法庭), not 把政府告 with 上法庭 left over (which asks 出庭); a longer key
    # still goes before a shorter (跟物业闹 of "跟物业闹矛盾", not 闹矛盾). The end only: jieba may join a
    # key's first character to the word before it ("被人告上法庭": 人告).
    bounds = _word_bounds(lowered)
    for table in (synonyms(), glossary_en()):
        for _, same_length in itertools.groupby(table, key=lambda row: len(row[0])):
            rows = list(same_length)
            for aligned in (True, False):
                for key, terms in rows:
                    if key not in lowered or all(t.lower() in said for t in terms):
                        continue
                    if key[0].isascii() and key[0].isalnum():
                        if not aligned:
                            continue
                        # an English key is a whole word or phrase (a plural or past too): "rate" is not in
                        # "operate", "fine" not in "define"
                        whole = english_key(key)
                        if not whole.search(lowered):
                            continue
                        lowered = whole.sub(lambda m: " " * len(m.group()), lowered)
                    elif aligned:
                        at = _aligned_at(lowered, key, bounds)
                        if at < 0:
                            continue
                        lowered = lowered[:at] + " " * len(key) + lowered[at + len(key):]
                    else:
                        lowered = lowered.replace(key, " " * len(key))
                    found.append((key, terms))
    return found


def _word_bounds(text: str) -> frozenset[int]:
    """The offsets where jieba's accurate-mode words of ``text`` begin or end."""
    from vectorstore.tokenizer import shared_tokenizer

    bounds = {0, len(text)}
    at = 0
    for word in shared_tokenizer().tokenizer_cut(text):
        at += len(word)
        bounds.add(at)
    return frozenset(bounds)


def _aligned_at(text: str, key: str, bounds: frozenset[int]) -> int:
    """The first occurrence of ``key`` in ``text`` that ends on a word boundary, or -1."""
    at = text.find(key)
    while at >= 0:
        if at + len(key) in bounds:
            return at
        at = text.find(key, at + 1)
    return -1


@lru_cache(maxsize=4096)
def english_key(key: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z]){re.escape(key)}(?:s|es|d|ed|ing)?(?![a-z])")
