"""Facts of a rendered table row: "label｜header：value｜header：value" or "label：value"
(see ingest/loaders/tables.py). Each cell knows its row label and its column label; a column
labelled with a year gives its cell that year; a unit in the row label or the column header
("罚没金额（万元）", "数量（件）") gives a bare number its unit; a 同比/增减 column gives a change."""

from __future__ import annotations

import re

from facts.figures import UNITS, figure_at
from facts.model import Fact
from facts.sentence import sentence_facts
from zh.words import noun_units

CELL_SEP = "｜"
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年?(?:度)?")
_UNIT_IN_BRACKETS = re.compile(r"[（(]\s*(?:单位[:：])?\s*(万|亿)?([^（）()]{1,5}?)\s*[）)]")
_CHANGE_HEAD = re.compile(r"同比|环比|增减|增幅|降幅|增长|下降|比上年|较上年|变化|增量|比较")
_UNIT_SET = frozenset(UNITS) | {"百分比", "个百分点"}
_LABEL_MAX = 40
# Column labels that do not name a measure: the row label stays the indicator.
_GENERIC = frozenset({"数量", "数值", "数据", "金额", "人数", "件数", "总数", "合计", "本年",
                      "上年", "本期", "上期", "当年", "去年", "今年", "完成", "完成情况", "实际",
                      "指标值", "累计", "年度", "年", "年末", "年底", "目标", "目标值", "计划",
                      "计划数", "预计", "预期", "预期目标", "任务", "增长率", "增幅", "同比",
                      # a result column ("2025年完成数"): what is measured is the row's
                      "完成数", "完成值", "实际完成", "实际值", "实际数", "完成数值"})
_CAPTION_UNIT = re.compile(r"单位\s*[:：]\s*((?:万|亿)?[^\s，。；）)、]{1,4})")
_UNIT_HEADS = frozenset({"单位", "计量单位", "统计单位"})
# a column that names the row's measure ("指标名称：收到行政复议申请", "指标（单位）：败诉率（%）"):
# when the first cell is a 序号 or a 类别 spanning several rows, this cell is the row's label
_NAME_HEAD = re.compile(r"(?:指标|项目|事项|统计)(?:名称|内容)?|名称|内容")
_ORDINAL = re.compile(r"[（(]?(?:\d{1,3}|[一二三四五六七八九十]{1,3})[)）、.．]?")
_PLAN_HEAD = re.compile(r"目标|计划|预计|预期|任务")
_YEAR_HEADS = frozenset({"年度", "年份", "年", "时间", "统计年度"})
# a column of the year before the report's ("上年", "去年同期"): dated by the report's year
_PREVIOUS_HEAD = re.compile(r"(?:上年|去年|上一年)(?:度|同期|末|底)?(?:数|值|数据|完成|完成数|实际)?")


# a column headed by its measure word and 数 ("件数", "人数", "户数"): its bare cells count in it
_COUNT_HEAD = re.compile(r"(?:(?:19|20)\d{2}年度?)?[（(]?([件人户次起家项场名所宗例台辆批个])数(?:量)?[)）]?")
# … or ends so ("本年制发件数", "现行有效件数"): the words before it say what is counted
_COUNT_HEAD_END = re.compile(r"(?<=[\u4e00-\u9fa5])([件户次起家项场宗例台辆批])数(?:量)?$")
# … or by a unit of times a thing was counted ("受援人次", "检查家次"): its bare cells count in it
_COUNT_TIMES_END = re.compile(r"(?<=[\u4e00-\u9fa5])([人件户家批场车]次)$")
# the words a count's name ends in after the thing counted ("…申请数量", "…办理情况")
_COUNT_NAME_END = re.compile(r"(?:数量|总数|数|情况|统计|合计|总计)$")


# a column of amounts, rates, times or scores: its bare numbers are no count of anything
_MEASURED_HEAD = re.compile(r"金额|资金|经费|款|费|率|比例|占比|比重|面积|时长|时间|天数|得分|分数|分值|年龄|均")


def counted_unit(name: str) -> str:
    """The measure word of a row label or a caption naming what its bare numbers count: 件 for
    "一、本年新收政府信息公开申请数量" and "收到和处理政府信息公开申请情况" (applications, cases and
    complaints are counted in 件: zh.words.COUNTED_NOUN_UNITS), '' when it names no such thing."""
    noun = _COUNT_NAME_END.sub("", re.sub(r"[（(][^（）()]*[）)]|[\s：:。]", "", name))
    return next(iter(noun_units(noun)), "")


# a column whose name says its measure: a score ("考核得分", "综合评分") in 分, a rate ("纠错率") in %
_SCORE_HEAD = re.compile(r"(?:得分|分数|分值|评分|总分)$")
_RATE_HEAD = re.compile(r"(?<!频)率$")


def _header_unit(text: str) -> tuple[str, float, str]:
    """('件', 1, '数量') from '数量（件）'; ('元', 1e4, '罚没金额') from '罚没金额（万元）';
    ('分', 1, '考核得分') from '考核得分'; ('%', 1, '纠错率') from '纠错率'."""
    # (the bracket that gives a unit: "街道（镇）罚没款（万元）" names 镇 in its first)
    m = next((b for b in reversed(list(_UNIT_IN_BRACKETS.finditer(text))) if _bracket_unit(b)), None)
    if m is None:
        counted = _COUNT_HEAD.fullmatch(text.strip()) or _COUNT_HEAD_END.search(text.strip()) \
            or _COUNT_TIMES_END.search(text.strip())  # "件数": in 件; "受援人次": in 人次
        if counted:
            return counted.group(1), 1.0, text
        measured = "分" if _SCORE_HEAD.search(text.strip()) else "%" if _RATE_HEAD.search(text.strip()) else ""
        return measured, 1.0, text
    scale_word, unit = m.group(1) or "", m.group(2).strip()
    if unit in ("百分比", "％"):
        unit = "%"
    if unit not in _UNIT_SET and not (scale_word and not unit):
        return "", 1.0, text
    scale = {"万": 1e4, "亿": 1e8}.get(scale_word, 1.0)
    stripped = (text[:m.start()] + text[m.end():]).strip()
    return unit, scale, stripped


def _bracket_unit(m: re.Match[str]) -> bool:
    """The bracket's words are a unit, or a scale alone ("（万）")."""
    scale_word, unit = m.group(1) or "", m.group(2).strip()
    return unit in _UNIT_SET or unit in ("百分比", "％") or bool(scale_word and not unit)


def _year_of(text: str) -> int | None:
    m = _YEAR.search(text)
    return int(m.group(1)) if m else None


def _is_year_label(text: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d{2}\s*年?度?", text.strip()))


def _cells(row: str) -> tuple[str, list[tuple[str, str, int]]]:
    """(row label, [(column label, value, offset of value in row)])."""
    if CELL_SEP in row:
        parts = row.split(CELL_SEP)
        label, offset = parts[0], len(parts[0]) + 1
        cells = []
        for part in parts[1:]:
            head, sep, value = part.partition("：")
            if not sep or len(head) > _LABEL_MAX:
                head, value = "", part
            cells.append((head, value, offset + len(part) - len(value)))
            offset += len(part) + 1
        return label, cells
    label, sep, value = row.partition("：")
    if not sep or len(label) > _LABEL_MAX:
        return "", [("", row, 0)]
    return label, [("", value, len(label) + 1)]


def row_heads(row: str) -> tuple[str, tuple[str, ...]] | None:
    """A rendered row's label and column labels ("公安类｜收案（件）：612｜…" → ("公安类", ("收案（件）", …)));
    None for a line with no cell separator."""
    if CELL_SEP not in row:
        return None
    label, cells = _cells(row)
    return label.strip(), tuple(head for head, _, _ in cells if head)


TITLE_MAX = 40  # a table's title line is short and no sentence ("表2 各县（市、区）收案及纠错情况")


def is_table_title(line: str) -> bool:
    """A line that can title a table: short and no sentence (no 。；： at its end)."""
    line = line.strip()
    return bool(line) and len(line) <= TITLE_MAX and not line.endswith(("。", "；", ";", "：", ":"))


def row_label(row: str) -> str:
    """A rendered row's label: what it measures, or whose row it is ("濦湖区" of "濦湖区｜…")."""
    return re.split("[｜：:]", row, maxsplit=1)[0]


def is_table_row(line: str) -> bool:
    """A rendered table row (as opposed to a sentence)."""
    if CELL_SEP in line:
        return "。" not in line.split(CELL_SEP, 1)[0]
    label, sep, value = line.partition("：")
    return bool(sep) and 0 < len(label) <= 24 and "。" not in line and "，" not in label \
        and figure_at(value.strip()) is not None


def unit_of_caption(line: str) -> str:
    """'表1 主要数据（单位：万元）' -> '万元'; '' when the line names no unit."""
    m = _CAPTION_UNIT.search(line)
    return m.group(1) if m else ""


def table_row_facts(row: str, unit_hint: str = "", counted_hint: str = "") -> list[Fact]:
    """Facts of a rendered row; ``unit_hint``: the unit a caption above the table gives
    ("单位：万元") to cells that have none of their own; ``counted_hint``: the measure word of
    what the line above the table counts ("收到和处理政府信息公开申请情况": 件), for whole numbers
    that neither a header, the row label nor a caption's unit measures."""
    label, cells = _cells(row)
    category = "" if _ORDINAL.fullmatch(label.strip()) else label.strip()
    named = [(h, v) for h, v, _ in cells if _NAME_HEAD.fullmatch(re.sub(r"[（(][^（）()]*[）)]", "", h).strip())
             and v.strip() and figure_at(v.strip()) is None]
    if named:  # "1｜指标名称：…" / "行政复议｜指标（单位）：…（件）": the name cell is the label
        label = named[-1][1]
    label_unit, label_scale, label_name = _header_unit(label)
    topic_of_row = category if named and category != label_name else ""
    if unit_hint and not label_unit and label_scale == 1.0:
        label_unit, label_scale, _ = _header_unit(f"（{unit_hint}）")
    for head, value, _ in cells:  # a 单位 column: "行政复议申请｜单位：件｜2024年：178"
        if head.strip() in _UNIT_HEADS and value.strip():
            unit_cell = _header_unit(f"（{value.strip()}）")
            if unit_cell[0] or unit_cell[1] != 1.0:
                label_unit, label_scale = unit_cell[0], unit_cell[1]
    year_row = _is_year_label(label)
    # a year column ("行政复议｜年度：2023年｜数量（件）：150"): the row's figures are of that year;
    # a bare number is a year only under a year header ("本年：2041" is a count)
    row_year = next((_year_of(v) for h, v, _ in cells if _is_year_label(v)
                     and ("年" in v or h.strip() in _YEAR_HEADS)), None)
    out: list[Fact] = []
    for head, value, offset in cells:
        head_unit, head_scale, head_name = _header_unit(head)
        unit, scale = (head_unit, head_scale) if head_unit or head_scale != 1 else (label_unit, label_scale)
        year = _year_of(head) if head and _year_of(head) else (
            _year_of(label) if year_row else row_year)
        if year_row:
            indicator, topic = head_name, ""
        else:
            indicator, topic = label_name, topic_of_row
        column_rest = _YEAR.sub("", head_name).strip() if head else ""
        previous = bool(column_rest) and _PREVIOUS_HEAD.fullmatch(column_rest) is not None
        if previous:
            column_rest = "上年"  # a year column, not a measure
        change = ""
        fig = figure_at(value.strip())
        if fig is None and named and (head, value) in named:
            continue
        if fig is None:
            facts = sentence_facts(value, topic=label_name if not year_row else head_name)
            for f in facts:
                out.append(Fact(f.value, f.text, f.unit, f.indicator, f.topic or indicator,
                                f.start + offset, f.end + offset, row, f.year or year, f.role,
                                f.change, f.plan, f.share_of, f.approx, True, head))
            continue
        text_start = offset + (len(value) - len(value.lstrip())) + fig.start
        text_end = offset + (len(value) - len(value.lstrip())) + fig.end
        sign = value.strip()[:1]
        if text_start > 0 and row[text_start - 1] in "+-－＋":
            text_start -= 1
        if _CHANGE_HEAD.search(head):
            said = head + value.strip()[:fig.start]  # "降幅", "下降3.5个百分点", "减少12件"
            change = "decrease" if (sign in "-－" or "降" in said or "减少" in said) else "increase"
        elif sign in "-－" and column_rest:
            change = "decrease"
        f_unit, f_value = fig.unit, fig.value
        if not f_unit and (unit or scale != 1.0):
            f_unit = unit
            f_value = fig.value * scale
        elif not f_unit and fig.value == int(fig.value) and "." not in fig.text and not _MEASURED_HEAD.search(head):
            # a bare whole number (the national 政府信息公开 tables give none a unit): counted in the
            # measure word of what its row, or the table's title line, counts
            f_unit = counted_unit(label) or counted_hint
        if column_rest and not year_row and not change and column_rest not in _GENERIC:
            # a measure column ("受理", "审结"): the column names the indicator, the row its topic
            indicator, topic = column_rest, label_name
        out.append(Fact(f_value, row[text_start:text_end], f_unit, indicator, topic,
                        text_start, text_end, row, year, "previous" if previous else "", change,
                        bool(_PLAN_HEAD.search(head) or _PLAN_HEAD.search(label)), "",
                        fig.approx, True, head))
    return out
