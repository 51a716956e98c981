"""Figures in report sentences: a number with its unit, as written ("9家", "97.4万元", "九家")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from zh.numerals import normalize_numerals
from zh.words import PAIR_UNIT

_CN_NUM = "零〇一二两三四五六七八九十百千万亿"
# Longest units first.
UNITS = ("微克/立方米", "毫克/立方米", "毫克/升",
         "个工作日", "个百分点", "平方公里", "万人次", "平方米", "立方米", "百分点", "人次", "户次",
         "家次", "场次", "批次", "车次", "辆次", "课时", "学时", "小时", "分钟", "个月", "万余人", "万余件", "万元",
         "亿元", "美元", "万人", "万份", "万件", "万册", "万户", "万亩", "万吨", "公里", "公顷", "千米",
         "周岁", "元", "%", "家", "个", "件", "名", "人", "位", "项", "次", "场", "期", "份", "条",
         "本", "册", "卷", "页", "所", "批", "篇", "部", "起", "宗", "例", "天", "日", "周", "倍",
         "户", "处", "支", "座", "间", "栋", "幢", "亩", "吨", "米", "升", "轮", "类", "种", "组",
         "套", "台", "辆", "艘", "架", "张", "届", "棵", "株", "块", "段", "封", "笔", "单", "门", "通",
         "岁", "尾", "头", "只", "匹", "箱", "瓶", "盒", "袋", "枚", "剂", "个")
_UNIT_RE = "|".join(re.escape(u) for u in UNITS) + f"|{PAIR_UNIT}"
FIGURE_RE = re.compile(
    rf"(?P<num>百分之[{_CN_NUM}点]+|\d+(?:\.\d+)?(?:万|亿)?|[{_CN_NUM}]{{1,8}}(?:点[{_CN_NUM}]+)?)"
    rf"(?P<mod>余|多)?(?P<unit>{_UNIT_RE})?"
)
_NOT_FIGURE_AFTER = re.compile(r"^(?:年|月|日|号|是|方面|大|化|届|五|体|站|线|网|码|批次)")


@dataclass(frozen=True)
class Figure:
    text: str  # as written: "9家", "97.4万元", "96.2%"
    unit: str  # "家", "万元", "%", or "" when bare
    start: int
    end: int


_ORDINAL = re.compile(rf"第(?:\d+|[{_CN_NUM}]{{1,6}})(届|次|批|名|位|轮|期|个|项)")


# "位列全市第三", "排名全省第2位", "居全区第一": a rank as said; "排名：3" / "名次：3" a table's cell
_RANK_SAID = re.compile(rf"(?:位列|位居|排名|排在|排|居|名列|列)[^，。；;\d第]{{0,8}}?"
                        rf"(?P<rank>第(?:\d+|[{_CN_NUM}]{{1,3}})[名位]?)")
_RANK_CELL = re.compile(r"(?:排名|名次|位次)[：:]\s*(?P<cell>\d{1,3})(?!\d|\.\d)")


def find_figures(sentence: str, units: tuple[str, ...] = ()) -> list[Figure]:
    """Numbers with a unit (or a percent) in a sentence; years, dates and ordinals excluded —
    unless an ordinal unit is asked for (units=("第届",) finds "第十二届")."""
    ordinal_units = [u[1:] for u in units if u.startswith("第")]
    if ordinal_units:
        found = [Figure(m.group(0), "第" + m.group(1), m.start(), m.end())
                 for m in _ORDINAL.finditer(sentence) if m.group(1) in ordinal_units]
        if "名" in ordinal_units and not found:  # a rank said without its measure, or a table's 排名 cell
            found = [Figure(m.group("rank"), "第名", m.start("rank"), m.end("rank"))
                     for m in _RANK_SAID.finditer(sentence)]
            found += [Figure(f"第{m.group('cell')}名", "第名", m.start("cell"), m.end("cell"))
                      for m in _RANK_CELL.finditer(sentence)]
        return found
    out: list[Figure] = []
    for m in FIGURE_RE.finditer(sentence):
        num, unit = m.group("num"), m.group("unit") or ""
        text = m.group(0)
        if unit and num[-1] in "万亿" and num[0].isdigit():
            unit = num[-1] + unit  # "2860.5万元": the unit is 万元
        if num.startswith("百分之"):
            unit = "%"
        elif not unit:
            continue  # a bare number is too ambiguous to lead an answer
        if (not num[0].isdigit() and not num.startswith("百分之")
                and (num in ("一", "万", "亿", "千", "百")
                     or not any(ch in "零〇一二两三四五六七八九十" for ch in num))):
            continue  # a lone 一 or bare 万/千 is a word part, not a figure
        if unit in ("日", "天") and re.search(r"月$", sentence[:m.start()]):
            continue  # a date: 10月8日
        before = sentence[max(0, m.start() - 1):m.start()]
        if before == "第" or (before.isdigit()):
            continue  # ordinal: 第3名
        after = sentence[m.end():m.end() + 2]
        if unit in ("年",) or _NOT_FIGURE_AFTER.match(after) and unit in ("", "届"):
            continue
        if unit == "%" or num[0].isdigit() or unit:
            out.append(Figure(text, unit, m.start(), m.end()))
    return out


def _base(unit: str) -> str:
    """'万件' → '件', '万人次' → '人次', '万元' stays (money is asked as 万元/元/亿元 alike)."""
    return unit if unit in ("万元", "亿元") else (unit.lstrip("万亿") or unit)


def unit_matches(figure: Figure, units: tuple[str, ...]) -> bool:
    if not units:
        return True
    u = figure.unit
    wanted = {_base(x) for x in units}
    return u in units or _base(u) in wanted or any(
        u.endswith(x) or x.endswith(u) for x in units if len(x) > 1)


def display_unit(text: str, unit: str) -> str:
    """The unit as the report writes it: '356.4万元' (unit 元) → '万元'."""
    m = re.search(r"\d(万|亿)", normalize_numerals(text))
    return m.group(1) + unit if m and not unit.startswith(m.group(1)) else unit


def format_amount(value: float, unit: str) -> str:
    """A value in ``unit``'s scale ('万元': value / 1e4), as reports write numbers ("8", "12.5",
    "0.9万件"); a difference of percentages in 个百分点."""
    scale = 1.0
    if unit.startswith("万"):
        scale = 1e4
    elif unit.startswith("亿"):
        scale = 1e8
    v = value / scale
    text = f"{v:.2f}".rstrip("0").rstrip(".") if abs(v - round(v)) > 1e-9 else str(int(round(v)))
    return text + ("个百分点" if unit == "%" else unit)


def unsigned(text: str) -> str:
    """A change's figure after the word that says its direction: a table's 增减 cell keeps its
    sign ("-7.7%"), which "下降" already says ("下降7.7%", never "下降-7.7%")."""
    return text.lstrip("+-＋－−")
