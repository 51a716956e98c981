"""English questions in the reports' terms: places written in pinyin and issuing bodies
written in English become the Chinese names the knowledge base holds.

"How many legal aid cases did Hetang County handle?" → "… did 鹤塘县 handle?";
"… in Qinglan … according to the market regulation bureau?" → "… in 青岚 … according to the
市场监督管理局?". Place names are matched tone-less and case-insensitive, with or without
spaces, hyphens or apostrophes between syllables ("Qing-lan", "QingLan", "Hetangxian"),
against the pinyin of every known region alias (``zh.pinyin``). An English administrative word
after the name (County, District, City, Province, Town, …) picks the alias of that level; a
level the knowledge base does not hold is written as such ("Qinglan County" → 青岚县), so the
question is refused as a Chinese one naming that place would be.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from zh.pinyin import spellings

# English administrative words → the Chinese suffix they stand for (longest first when matched)
ADMIN_EN: dict[str, str] = {
    "autonomous region": "自治区", "autonomous prefecture": "自治州", "autonomous county": "自治县",
    "special administrative region": "特别行政区", "new area": "新区", "new district": "新区",
    "development zone": "开发区", "province": "省", "city": "市", "municipality": "市",
    "prefecture": "州", "county": "县", "district": "区", "town": "镇", "township": "乡",
    "subdistrict": "街道", "sub-district": "街道", "street": "街道", "banner": "旗", "village": "村",
    "provincial": "省", "municipal": "市",
    # development zones as their reports say them short (bot/query.py's _ZONE_SHORT)
    "high-tech zone": "高新区", "high tech zone": "高新区", "hi-tech zone": "高新区",
    "high-tech development zone": "高新区", "high-tech industrial development zone": "高新区",
    "high tech industrial development zone": "高新区", "high-tech park": "高新区",
    "economic and technological development zone": "经开区", "economic-technological development zone": "经开区",
    "economic and technology development zone": "经开区", "economic development zone": "经开区",
}
# a level said alone ("how many mediators did the prefecture have"): the place's whole, as 全州 is
# in Chinese — a scope, not a word a sentence must hold
SCOPE_WORDS = frozenset("province prefecture county district city municipality municipal town township provinces "
                        "prefectures counties districts cities towns townships "
                        # a month asked ("in September 2025") is a part of the year, read as one (bot.periods)
                        # — as 9月 is; "may" is a verb as often
                        "january february march april june july august september october november december".split())
# The same suffixes written in pinyin ("Hetang Xian", "Qinglanshi")
ADMIN_PINYIN: dict[str, str] = {
    "zizhiqu": "自治区", "zizhizhou": "自治州", "zizhixian": "自治县", "xinqu": "新区",
    "sheng": "省", "shi": "市", "xian": "县", "qu": "区", "zhen": "镇", "xiang": "乡",
    "jiedao": "街道", "qi": "旗", "zhou": "州", "gaoxinqu": "高新区", "jingkaiqu": "经开区", "kaifaqu": "开发区",
}
_SUFFIX = re.compile(r"^(?P<stem>[\u4e00-\u9fa5]{2,}?)(?P<suffix>自治区|自治州|自治县|特别行政区|地区|"
                     r"高新技术产业开发区|经济技术开发区|经济开发区|高新区|经开区|新区|开发区|街道|省|市|区|县|旗|镇|乡|州)?$")
_WORD = re.compile(r"[A-Za-z]+")
_SYLLABLE_GAP = re.compile(r"[\s\-'’]?")
_POSSESSIVE = re.compile(r"^['’]s\b")
_ADMIN_AFTER = re.compile(r"^[\s\-]+(" + "|".join(sorted(map(re.escape, [*ADMIN_EN, *ADMIN_PINYIN]),
                                                         key=len, reverse=True)) + r")\b", re.I)
MAX_SYLLABLE_WORDS = 5  # "He Tang Xian" written syllable by syllable, and a suffix
# English words that, spaced apart and in lower case, are read as English, not as syllables
# of a name ("did he tang…" is not 鹤塘): a run written "He Tang" or "he-tang" still is one
_ENGLISH_WORDS = frozenset("a an and as at be by did do does for he how in is it many much of on or "
                           "she the to was we were what which who".split())

# Issuing bodies: what they are about (English) → the Chinese name of the field
AGENCY_FIELDS: dict[str, str] = {
    "justice": "司法", "judicial": "司法", "judicial administration": "司法",
    "market regulation": "市场监督管理", "market supervision": "市场监督管理",
    "market supervision and administration": "市场监督管理", "market regulatory": "市场监督管理",
    "ecology and environment": "生态环境", "ecological environment": "生态环境",
    "ecological and environmental": "生态环境", "environmental protection": "生态环境",
    "environment": "生态环境", "environmental": "生态环境",
    "transport": "交通运输", "transportation": "交通运输", "transport and communications": "交通运输",
    "public security": "公安", "human resources and social security": "人力资源和社会保障",
    "human resources": "人力资源和社会保障",
    "natural resources": "自然资源", "natural resources and planning": "自然资源和规划",
    "housing and urban-rural development": "住房和城乡建设", "housing and urban rural development": "住房和城乡建设",
    "emergency management": "应急管理", "civil affairs": "民政", "education": "教育",
    "agriculture and rural affairs": "农业农村", "water resources": "水利", "culture and tourism": "文化和旅游",
    "taxation": "税务", "finance": "财政", "commerce": "商务", "urban management": "城市管理",
    "comprehensive administrative law enforcement": "综合行政执法", "statistics": "统计", "audit": "审计",
    "health": "卫生健康", "health commission": "卫生健康", "veterans affairs": "退役军人事务",
    "forestry": "林业", "development and reform": "发展和改革", "industry and information technology": "工业和信息化",
    "medical security": "医疗保障", "healthcare security": "医疗保障", "letters and calls": "信访",
    "administrative approval": "行政审批", "government services": "政务服务", "big data": "大数据",
    "science and technology": "科学技术", "sports": "体育", "ethnic and religious affairs": "民族宗教事务",
}
# The kind of body: bureau 局, a province's department 厅, commission 委员会, a town's justice office 司法所
_BODY = r"bureau|department|administration|office|commission|authorities|authority|agency"
_FIELD = "|".join(sorted(map(re.escape, AGENCY_FIELDS), key=len, reverse=True))
_AGENCY_AFTER = re.compile(rf"\b(?P<field>{_FIELD})\s+(?P<body>{_BODY})\b", re.I)
_AGENCY_BEFORE = re.compile(rf"\b(?P<body>{_BODY})\s+(?:of|for)\s+(?:the\s+)?(?P<field>{_FIELD})\b", re.I)
_PEOPLES_GOVERNMENT = re.compile(r"\bpeople['’]s government\b", re.I)
# a place's government, the place already in its Chinese name ("the 濭州市 city government")
_PLACE_GOVERNMENT = re.compile(r"(?<=[\u4e00-\u9fa5])\s*(?:(?:city|county|district|provincial|municipal|town)\s+)?"
                               r"government(?=['’]s\b|\s+(?:report|work report)\b)", re.I)  # (no "…agencies")


@dataclass(frozen=True)
class _Place:
    alias: str  # the known alias: "鹤塘县", "青岚"
    stem: str  # "鹤塘"
    suffix: str  # "县", "" for a bare stem


@lru_cache(maxsize=256)
def _index(known: tuple[str, ...]) -> dict[str, tuple[_Place, ...]]:
    """Spelling → the known aliases it may name ('qinglan' → 青岚市, 青岚; 'qinglanshi' → 青岚市)."""
    index: dict[str, list[_Place]] = {}
    for alias in known:
        m = _SUFFIX.match(alias)
        if not m:
            continue
        place = _Place(alias, m.group("stem"), m.group("suffix") or "")
        keys = set(spellings(place.stem))
        if place.suffix:
            keys |= {k + p for k in spellings(place.stem) for p, s in ADMIN_PINYIN.items() if s == place.suffix}
        for key in keys:
            if place not in index.setdefault(key, []):
                index[key].append(place)
    return {k: tuple(v) for k, v in index.items()}


def _one_name(run: Sequence[re.Match[str]], text: str) -> bool:
    """Several words written as one name: capitalised each ("He Tang"), joined by hyphens
    or apostrophes ("he-tang"), or none of them an English function word."""
    if all(w.group(0)[0].isupper() for w in run):
        return True
    if all(text[a.end():b.start()] in ("-", "'", "’") for a, b in zip(run, run[1:], strict=False)):
        return True
    return not any(w.group(0).lower() in _ENGLISH_WORDS for w in run)


def _pinyin_suffix(key: str, index: dict[str, tuple[_Place, ...]]) -> tuple[str, str] | None:
    """'qinglanxian' → ('qinglan', '县') when 'qinglan' is a known stem: a level written in pinyin."""
    for p, suffix in sorted(ADMIN_PINYIN.items(), key=lambda ps: -len(ps[0])):
        if key.endswith(p) and key[:-len(p)] in index:
            return key[:-len(p)], suffix
    return None


def _choose(places: Sequence[_Place], suffix: str | None) -> str:
    """The Chinese name for a matched stem: the alias of the level named; that level written
    out when no known place has it; without a level, the stem as the knowledge base has it."""
    if suffix is not None:
        same = [p for p in places if p.suffix == suffix]
        if same:
            return same[0].alias
        return places[0].stem + suffix
    bare = [p for p in places if not p.suffix]
    return (bare or sorted(places, key=lambda p: len(p.alias)))[0].alias


def localize_places(text: str, known: Sequence[str]) -> tuple[str, list[str]]:
    """``text`` with place names written in pinyin replaced by the known Chinese names, and
    those names (in order)."""
    index = _index(tuple(dict.fromkeys(a for a in known if a)))
    if not index:
        return text, []
    words = list(_WORD.finditer(text))
    out: list[str] = []
    found: list[str] = []
    pos = 0
    i = 0
    while i < len(words):
        match: tuple[int, tuple[_Place, ...], str | None] | None = None
        for n in range(min(MAX_SYLLABLE_WORDS, len(words) - i), 0, -1):
            run = words[i:i + n]
            if any(not _SYLLABLE_GAP.fullmatch(text[a.end():b.start()]) for a, b in zip(run, run[1:], strict=False)):
                continue
            if n > 1 and not _one_name(run, text):
                continue
            key = "".join(w.group(0) for w in run).lower()
            if key in index:
                match = (n, index[key], None)
                break
            split = _pinyin_suffix(key, index)
            if split:
                match = (n, index[split[0]], split[1])
                break
        if match is None:
            i += 1
            continue
        n, places, suffix = match
        end = words[i + n - 1].end()
        admin = _ADMIN_AFTER.match(text[end:])
        if admin and suffix is None:
            word = admin.group(1).lower()
            suffix = ADMIN_EN.get(word) or ADMIN_PINYIN[word]
            end += admin.end()
        possessive = _POSSESSIVE.match(text[end:])
        if possessive:
            end += possessive.end()
        name = _choose(places, suffix)
        out.append(text[pos:words[i].start()])
        out.append(name)
        found.append(name)
        pos = end
        while i < len(words) and words[i].start() < end:
            i += 1
    out.append(text[pos:])
    return "".join(out), found


def localize_agencies(text: str, level: str = "") -> str:
    """Issuing bodies written in English as their Chinese names: 'market regulation bureau' →
    市场监督管理局; a province's (``level`` 省) 'Department of Justice' → 司法厅, a town's
    justice office → 司法所."""
    def body(field: str, kind: str) -> str:
        name = AGENCY_FIELDS[field.lower()]
        kind = kind.lower()
        if kind == "commission":
            return name + "委员会"
        if kind == "office" and name == "司法" and level in ("镇", "乡", "街道"):
            return "司法所"
        if kind in ("department", "authorities", "authority") and level == "省":
            return name + "厅"
        if name == "卫生健康" and kind != "bureau":
            return name + "委员会"
        return name + "局"

    text = _AGENCY_BEFORE.sub(lambda m: body(m.group("field"), m.group("body")), text)
    text = _AGENCY_AFTER.sub(lambda m: body(m.group("field"), m.group("body")), text)
    text = _PEOPLES_GOVERNMENT.sub("人民政府", text)
    return _PLACE_GOVERNMENT.sub("政府", text)  # "the 濭州市 government's report": 濭州市政府's, no department's


# British spellings written the American way, so one glossary key serves both
_SPELLINGS = ((re.compile(r"\bpractis(e|ed|es|ing)\b", re.I), r"practic\1"),
              (re.compile(r"\b(licen)ce", re.I), r"\1se"),
              (re.compile(r"\b(penal|organ|author|real|util|prior|regular|standard|legal|modern|digit|central|"
                          r"recogn|optim|minim|maxim|categor|summar|emphas|special|civil|mobil|subsid|rational|popular)"
                          r"is(e|ed|es|ing|ations?)\b", re.I), r"\1iz\2"),
              (re.compile(r"\b(lab|fav|behavi|hon|neighb|harb|col)our", re.I), r"\1or"),
              (re.compile(r"\b(cent|met|lit|theat)re(s?)\b", re.I), r"\1er\2"),
              (re.compile(r"\bprogramme", re.I), "program"), (re.compile(r"\b(def|off)ence", re.I), r"\1ense"))
# "court-appearance", "food-safety": one phrase, as the glossary writes it with a space
_LETTER_HYPHEN = re.compile(r"(?<=[A-Za-z])[-‐–](?=[A-Za-z])")


def english_form(text: str) -> str:
    """English words in one spelling: hyphens between words as spaces, British -ise/-our/-re/
    licence as American (the glossary's keys are read the same way)."""
    text = _LETTER_HYPHEN.sub(" ", text)
    for pattern, repl in _SPELLINGS:
        text = pattern.sub(repl, text)
    return text


def fold_marks(text: str) -> str:
    """Pinyin with tone marks or ü as plain letters: 'Lǜjiāng', 'Lüjiang' → 'Lujiang' (a name's
    spellings hold both lu and lv; zh.pinyin); other characters untouched."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", text)
                                                if not unicodedata.combining(c)))


# an English term glossed in Chinese: "'legal understanding persons' (法律明白人)", "legal
# understanders (法律明白人)" — the Chinese is the reports' own term, the English only a gloss of it
_QUOTED_GLOSS = re.compile(r"[\"'“‘]([A-Za-z][^\"'“”‘’]{1,60}?)[\"'”’]\s*[（(]\s*([\u4e00-\u9fff]{2,16})\s*[)）]")
_BARE_GLOSS = re.compile(r"((?:[A-Za-z][A-Za-z\-]*\s+){0,3}[A-Za-z][A-Za-z\-]*)"
                         r"\s*[（(]\s*([\u4e00-\u9fff]{2,16})\s*[)）]")
_PLACE_END = re.compile(r"(?:省|市|州|县|区|旗|镇|乡|街道|村|社区)$")
# words a bare gloss never starts with: the question's own scaffolding before the term
_NOT_GLOSS = frozenset("how many much what which who the a an of in at on by for did does do was were is are "
                       "has have had and or to from with many".split())


def glossed(text: str) -> str:
    """An English phrase glossing a Chinese term in brackets stands as the Chinese term, quoted
    ("How many “法律明白人” did …"); a place in brackets is left to the place names."""
    def quoted(m: re.Match[str]) -> str:
        return m.group(0) if _PLACE_END.search(m.group(2)) else f"“{m.group(2)}”"

    def bare(m: re.Match[str]) -> str:
        if _PLACE_END.search(m.group(2)):
            return m.group(0)
        words = m.group(1).split()
        while words and words[0].lower() in _NOT_GLOSS:
            words = words[1:]  # "many legal understanders": the gloss is "legal understanders"
        kept = m.group(1)[:len(m.group(1)) - len(" ".join(words))] if words else m.group(1) + " "
        return f"{kept}“{m.group(2)}”"
    return _BARE_GLOSS.sub(bare, _QUOTED_GLOSS.sub(quoted, text))


def localize(text: str, known: Sequence[str]) -> str:
    """An English question with its places and issuing bodies in the knowledge base's Chinese
    names, in one spelling (``english_form``); other words untouched."""
    text, places = localize_places(fold_marks(glossed(text)), known)
    text = english_form(text)
    level = next((m.group("suffix") or "" for p in places if (m := _SUFFIX.match(p))), "")
    if not level:
        level = next((s for p in places for s in ("省",) if any(a.startswith(p) and a.endswith(s)
                                                             for a in known)), "")
    text = _SUB_BUREAU.sub(lambda m: m.group("stem") + "分局", localize_agencies(text, level))
    return _BRANCH_OF.sub(lambda m: re.sub(r"\s+", "", m.group("parent")) + m.group("branch"), text)


# "the 澙北分局 of the 澘江 生态环境局": the bureau's branch as the reports name it, 澘江生态环境局澙北分局
_BRANCH_OF = re.compile(r"(?P<branch>[\u4e00-\u9fa5]{2,}分局)\s+of\s+(?:the\s+)?"
                        r"(?P<parent>[\u4e00-\u9fa5]{2,}(?:\s+[\u4e00-\u9fa5]{2,})?局)")
# a bureau's sub-bureau for a part of its area, named by that part ("the Xujiang police sub-bureau",
# the localised "潊江区 sub bureau"; a bureau's branch, "the Xibei Branch of the … Bureau"): 潊江分局
_SUB_BUREAU = re.compile(r"(?P<stem>[\u4e00-\u9fa5]{2,}?)(?:区|县|市|镇|街道)?\s+(?:(?:police|public security)\s+)?"
                         r"(?:sub[\s-]?bureau|branch(?:\s+(?:bureau|office))?)(?:['’]s)?\b", re.I)


# Words of the library's English stop list that carry meaning in a question about figures: a
# negation or exception ("not counting …"), a comparison or rank ("more than", "the most"), an order
# ("first-instance", "next year"), a part ("part of") or a domain noun that happens to be listed
# (fire safety, interest, system of …, bill)
_MEANINGFUL = frozenset("not no nor never none without except only other others another same more most less least "
                        "few fewer first last next former latter part whole full top bottom serious fire interest "
                        "bill system above below up down back front side".split())


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """English words that name nothing a report's sentence could hold ("could", "itself",
    "whereas"): scikit-learn's English stop list (copied into bot/english_stop_words.txt, so a
    question never imports the library) less the words of it that carry meaning here."""
    text = Path(__file__).with_name("english_stop_words.txt").read_text(encoding="utf-8")
    words = {line.strip() for line in text.splitlines()}
    return frozenset(w for w in words if w and not w.startswith("#")) - _MEANINGFUL


# the stop list's "go"/"get" in their other forms ("went from how many to how many"), and "set" of
# "what target did … set": in a question they name nothing either
LIGHT_VERBS = frozenset("goes going went gone gets getting got gotten set "
                        # "take (an exam)", "counted in": what was done is the noun's
                        "take takes took taken taking counted come comes came coming "
                        "occur occurs occurred happen happens happened "
                        # "traffic-related incidents": the kind is its noun's (交通), "related" names nothing
                        "related relating".split())
# verbs of doing that name no stage of a case ("handle", "issue", "conduct"): the noun they govern says
# what was counted; their glossary terms (办理, 作出, 开展) weigh less (stage verbs — receive, accept,
# close, conclude — keep their weight: 受理 and 办结 are different figures)
DOING_VERBS = frozenset("handle handles handled handling conduct conducts conducted conducting "
                        "process processes processed processing issue issues issued issuing "
                        "perform performs performed make makes made do does did undertake undertook "
                        "deal deals dealt impose imposes imposed imposing".split()) | {
    "carry out", "carried out", "carries out", "carrying out"}
