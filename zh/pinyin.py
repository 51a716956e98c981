"""Toneless pinyin spellings of Chinese names, for matching names written in Latin letters.

The readings are pypinyin's single-character table (``pypinyin==0.53.0``, MIT): its
``pinyin_dict.json`` read directly on first use (about 0.05 s and 10 MB), not the package,
whose import also loads its phrase dictionary (0.2-0.7 s and ~75 MB) that names do not need.
Nothing is loaded for a process that only sees Chinese questions. Every reading of a
heteronym counts ("朝阳" is both chaoyang and zhaoyang), so a name is matched however it is
usually spelled.
"""

from __future__ import annotations

import importlib.util
import json
import unicodedata
from functools import cache, lru_cache
from itertools import product
from pathlib import Path

MAX_SPELLINGS = 64  # heteronym combinations kept per name
_CJK_LOW, _CJK_HIGH = 0x3400, 0x9FFF


def _is_cjk(ch: str) -> bool:
    return _CJK_LOW <= ord(ch) <= _CJK_HIGH


@cache
def _table() -> dict[str, str]:
    """pypinyin's character table: code point (decimal string) → readings with tones."""
    spec = importlib.util.find_spec("pypinyin")
    folder = next(iter(spec.submodule_search_locations or []), None) if spec else None
    path = Path(folder) / "pinyin_dict.json" if folder else None
    if path is None or not path.exists():
        return {}
    table: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    return table


def _toneless(reading: str) -> str:
    """'lǘ' → 'lv', 'qīng' → 'qing'."""
    decomposed = unicodedata.normalize("NFD", reading).replace("u\u0308", "v")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _pypinyin_readings(ch: str) -> list[str]:
    """The same readings through pypinyin's API (when its table file is not where expected)."""
    from pypinyin import Style, pinyin

    found = pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore")
    return list(found[0]) if found else []


@lru_cache(maxsize=8192)
def readings(ch: str) -> tuple[str, ...]:
    """Toneless readings of one character, ü written both v and u: '绿' → ('lv', 'lu');
    () for a character that is not Chinese."""
    if len(ch) != 1 or not _is_cjk(ch):
        return ()
    table = _table()
    raw = table.get(str(ord(ch)), "").split(",") if table else _pypinyin_readings(ch)
    out: list[str] = []
    for r in (_toneless(x.strip()) for x in raw if x.strip()):
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
