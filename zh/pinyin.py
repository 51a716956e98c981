"""Toneless pinyin spellings of Chinese names, for matching names written in Latin letters.

The readings come from pypinyin's single-character table (``pypinyin==0.53.0``, MIT), imported
on first use only: about 0.15-0.7 s and ~50 MB the first time an English question arrives,
nothing for a process that only sees Chinese. Every reading of a heteronym counts ("朝阳" is
both chaoyang and zhaoyang), so a name is matched however it is usually spelled.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import product

MAX_SPELLINGS = 64  # heteronym combinations kept per name
_CJK_LOW, _CJK_HIGH = 0x3400, 0x9FFF


def _is_cjk(ch: str) -> bool:
    return _CJK_LOW <= ord(ch) <= _CJK_HIGH


@lru_cache(maxsize=8192)
def readings(ch: str) -> tuple[str, ...]:
    """Toneless readings of one character, ü written both v and u: '绿' → ('lv', 'lu');
    () for a character that is not Chinese."""
    if len(ch) != 1 or not _is_cjk(ch):
        return ()
    from pypinyin import Style, pinyin

    found = pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore")
    out: list[str] = []
    for r in (found[0] if found else []):
        out.extend([r, r.replace("v", "u")] if "v" in r else [r])
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=8192)
def spellings(name: str) -> frozenset[str]:
    """Lower-case spellings of a Chinese name with its syllables run together:
    '青岚' → {'qinglan'}; '朝阳' → {'chaoyang', 'zhaoyang', …}. Empty when a character of
    the name is not Chinese."""
    per_char = [readings(ch) for ch in name]
    if not per_char or not all(per_char):
        return frozenset()
    out: set[str] = set()
    for combo in product(*per_char):
        out.add("".join(combo))
        if len(out) >= MAX_SPELLINGS:
            break
    return frozenset(out)
