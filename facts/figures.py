"""Figures in Chinese report text: a number with its unit, as written, and its value.

"1.8万件" -> 18000 件, "九家" -> 9 家, "百分之六十五点五" -> 65.5 %, "2.87亿元" -> 287000000 元,
"300余条" -> 300 条 (approx "余"), "近4200件" -> 4200 件 (approx "近").

Not figures: years ("2023年"), dates ("3月20日"), ordinals ("第三名", "第一批"), numbers
inside quotes or book-title marks (“12345”热线, “一件事一次办”), names that hold a numeral
("三项制度", "两个维护"), section numbers ("1.", "（一）") and bare numbers (a number with
no unit counts only after 为/达/：, see :func:`find_figures`).

One regex pass over the text, then constant work per match: linear in the text length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zh.numerals import cn_numeral_to_str
from zh.words import APPROX_BEFORE, PAIR_UNIT

# Longest first. Units that are money are scaled to 元; 万/亿 before a unit are scales.
UNITS = (
    "微克/立方米", "毫克/立方米", "毫克/升",
    "个工作日", "个百分点", "平方公里", "平方米", "立方米", "百分点", "人次", "户次", "家次",
    "场次", "车次", "辆次", "件次", "批次", "条次", "篇次", "架次", "艘次", "期次", "课时", "学时", "小时",
    "分钟", "个月", "美元", "公里",
    "公顷", "千米", "周岁", "元", "%", "‰", "家", "个", "件", "名", "人", "位", "项", "次",
    "场", "期", "份", "条", "本", "册", "卷", "页", "所", "批", "篇", "部", "起", "宗", "例",
    "天", "日", "周", "倍", "户", "处", "支", "座", "间", "栋", "幢", "亩", "吨", "米", "升",
    "轮", "类", "种", "组", "套", "台", "辆", "艘", "架", "张", "届", "棵", "株", "块", "段",
    "封", "笔", "单", "门", "通", "岁", "分",
    # goods and animals counted ("放流鱼苗1260万尾", "扣押假药312盒", "接种疫苗8.6万剂")
    "尾", "头", "只", "匹", "箱", "瓶", "盒", "袋", "枚", "剂", "万",
)
MONEY_UNITS = frozenset({"元", "美元"})
CANONICAL_UNIT = {"百分点": "个百分点", "‰": "‰"}

_CN = "零〇一二两三四五六七八九十百千万亿"
_CN_DIGITS = "零〇一二两三四五六七八九"
_AR = r"\d{1,3}(?:,\d{3}){1,5}(?:\.\d{1,6})?|\d{1,15}(?:\.\d{1,6})?"
_UNIT_RE = "|".join(re.escape(u) for u in UNITS if u != "万") + f"|{PAIR_UNIT}"
FIGURE_RE = re.compile(
    rf"(?P<num>百分之[{_CN}]{{1,12}}(?:点[{_CN_DIGITS}]{{1,6}})?|(?:{_AR})"
    rf"|[{_CN}]{{1,12}}(?:点[{_CN_DIGITS}]{{1,6}})?)"
    rf"(?P<mod1>余|多)?(?P<scale>万亿|万|亿)?(?P<mod2>余|多)?(?P<unit>{_UNIT_RE})?"
    rf"(?P<after>以上|左右|以内|以下)?"
)
_PREFIX_RE = APPROX_BEFORE
_RANGE_RE = re.compile(rf"(?:{_AR})(?:[-~～—–]|至|到)$")
# Fullwidth forms mapped one character to one character (spans stay aligned).
_ONE_TO_ONE = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)},
                             "％": "%", "．": ".", "﹪": "%", "，": "，"})
_OPEN_QUOTES = "“‘「『《〈【"
_CLOSE_QUOTES = "”’」』》〉】"
# Names that hold a numeral: never a count.
NUMERAL_NAMES = (
    "三项制度", "四个全面", "四个意识", "四个自信", "两个维护", "两个确立", "两个责任",
    "三个一批", "五个一", "两个毫不动摇", "三个务必", "三张清单", "四张清单", "两个健全",
    "三个区分", "两个结合", "五位一体", "四个最", "三个代表", "三级联动", "四级联动",
    "五级联动", "两个先行", "三个百分之百", "两个全覆盖", "八个方面", "三大攻坚战",
)
_BARE_OK_BEFORE = re.compile(r"(?:为|达|达到|是|：|:|共|计|至|到|增至|降至|突破|超过|近|约)$")
_DATE_AFTER = re.compile(r"^(?:年|月|日|号|时|点|季度|周年|届|版|后|前)")


@dataclass(frozen=True)
class Figure:
    text: str      # as written, approximation words included: "近4200件", "300余条"
    value: float   # normalised: 万/亿 applied, money in 元
    unit: str      # canonical unit ("件", "元", "%", "个百分点"), "" if none
    start: int
    end: int
    approx: str = ""  # 余/多/近/约/超过/以上… as written
    scale: float = 1.0  # 1e4 / 1e8 when the figure is written with 万/亿


def _number(num: str) -> float | None:
    if num.startswith("百分之"):
        num = num[3:]
        if num == "百":  # 百分之百
            return 100.0
    if num[0].isdigit():
        return float(num.replace(",", ""))
    if num == "一" or not any(ch in _CN_DIGITS or ch == "十" for ch in num):
        return None  # a lone 一/两 is a word part (统一, 两法衔接); bare 万/千 are words
    converted = cn_numeral_to_str(num)
    return None if converted is None else float(converted)


def _quoted(text: str) -> list[bool]:
    """For each position: inside quotes or book-title marks? (one pass, nesting counted)"""
    depth = 0
    inside = [False] * (len(text) + 1)
    for i, ch in enumerate(text):
        if ch in _OPEN_QUOTES:
            depth += 1
        elif ch in _CLOSE_QUOTES and depth:
            depth -= 1
        inside[i + 1] = depth > 0
    return inside


def find_figures(text: str, bare_ok: bool = False) -> list[Figure]:
    """Every figure in ``text`` (see module doc). ``bare_ok``: a number without unit counts
    (a table cell whose unit stands in a header)."""
    norm = text.translate(_ONE_TO_ONE)
    quoted = _quoted(norm)
    out: list[Figure] = []
    for m in FIGURE_RE.finditer(norm):
        fig = _figure(norm, text, m, quoted, bare_ok)
        if fig is not None:
            out.append(fig)
    return out


def _figure(norm: str, text: str, m: re.Match[str], quoted: list[bool],
            bare_ok: bool) -> Figure | None:
    num, unit, scale_word = m.group("num"), m.group("unit") or "", m.group("scale") or ""
    start, end = m.start(), m.end()
    if quoted[start] or _in_name(norm, start, end):
        return None
    before = norm[max(0, start - 8):start]
    after = norm[end:end + 4]
    if before.endswith(("第", "排名", "位列")) or (before and before[-1] in "0123456789.,") \
            or (num[0] in _CN and before[-1:] in tuple(_CN)) \
            or (not unit and not scale_word and (after[:1].isdigit() or after[:1] in tuple(_CN))):
        return None  # ordinal, or a piece of a longer number
    if before.endswith(("月", "日")) and unit in ("日", "号", ""):
        return None
    is_cn = not num[0].isdigit() and not num.startswith("百分之")
    if num.startswith("百分之"):
        unit = "%"
    if not unit and not scale_word and _DATE_AFTER.match(after):
        return None  # 2023年, 3月, 10日
    if unit in ("日", "天", "周", "分") and before.endswith(("月", "星期", "礼拜")):
        return None
    if unit == "日" and _DATE_AFTER.match(after):
        return None
    if unit == "位" and before.endswith(("前移", "后移", "上升", "下降", "提升", "前进", "后退", "前", "后")):
        return None  # 前移三位, 排名后三位: ranks
    if unit in ("届", "周") and (after[:1] in _CN or after.startswith("年")):
        return None  # 二十届三中全会, 75周年
    if is_cn:
        if not unit:
            return None  # 七五, 十四五: no unit, no figure
        if (num + unit + norm[end:end + 4]).startswith(NUMERAL_NAMES) or any(
                norm[start:start + len(n)] == n for n in NUMERAL_NAMES):
            return None
        if unit == "分" and "点" not in num and not before.endswith(("得分", "评分", "分数", "打分")):
            return None  # 三分, 十分重视 — not 得分九十点六分, 评分九十分
    if not unit and not scale_word and not bare_ok:
        if not _BARE_OK_BEFORE.search(before) or re.fullmatch(r"(?:19|20)\d{2}", num):
            return None
        if after[:1] and after[:1] not in "，。；、,;）)" and not after.startswith(("以上", "左右")):
            return None
    value = _number(num)
    if value is None:
        return None
    if unit == "万":
        unit, scale_word = "", "万"
    scale = {"万": 1e4, "亿": 1e8, "万亿": 1e12}.get(scale_word, 1.0)
    if scale_word and num[-1] in "万亿":
        scale = 1.0  # a Chinese numeral that already holds its 万: 三万
    if is_cn and num[-1] in "万亿" and not scale_word:
        scale = 1.0
    value *= scale
    unit = CANONICAL_UNIT.get(unit, unit)
    approx = m.group("mod1") or m.group("mod2") or m.group("after") or ""
    prefix = _PREFIX_RE.search(norm, max(0, start - 4), start)
    if prefix is not None:
        approx = approx or prefix.group(0)
        start = prefix.start()
    elif (rng := _RANGE_RE.search(norm, max(0, start - 16), start)) is not None:
        start = rng.start()
        approx = approx or "范围"
    return Figure(text[start:end], value, unit, start, end, approx, scale)


def _in_name(norm: str, start: int, end: int) -> bool:
    """The figure is the inner part of a name that holds numerals ("三个百分之百")."""
    window = norm[max(0, start - 6):end + 6]
    for name in NUMERAL_NAMES:
        at = window.find(name)
        if at >= 0 and at + max(0, start - 6) < start and at + max(0, start - 6) + len(name) >= end:
            return True
    return False


def figure_at(text: str) -> Figure | None:
    """The figure a short table cell holds ("356.4", "1.8万件", "-5.2%"), bare numbers
    included; None if the cell holds none or several."""
    figures = find_figures(text, bare_ok=True)
    return figures[0] if len(figures) == 1 else None


_ORDINAL_RE = re.compile(rf"第(\d{{1,4}}|[{_CN}]{{1,6}})(届|次|批|名|位|轮|期|个|项|季度|章|条|款)")


def find_ordinals(text: str, measure_words: tuple[str, ...] = ()) -> list[Figure]:
    """Ordinals, which :func:`find_figures` leaves out ("第十二届" -> value 12, unit "第届"),
    for questions that ask for one ("第几届"); ``measure_words`` keeps only those ("届",)."""
    out = []
    for m in _ORDINAL_RE.finditer(text):
        if measure_words and m.group(2) not in measure_words:
            continue
        value = _number(m.group(1))
        if value is None and m.group(1) == "一":
            value = 1.0
        if value is not None:
            out.append(Figure(m.group(0), value, "第" + m.group(2), m.start(), m.end()))
    return out
