"""Render a table as one paragraph per data row, each value keeping its headers.

Input: rows of cells aligned on the table grid; ``None`` marks a grid slot that
belongs to a merged cell already given to its left (docx gridSpan, html colspan,
pdfplumber's merged slots).  The first row is the header row; a second (or third)
row is a header row too when it holds no figure and the row above it has merged or
empty slots, or its first cell is empty or repeats the one above (a header spanning
two lines: "2023年" over "受理｜审结").  Its labels are joined to the ones above
("2023年受理").

Output, one string per data row (header rows themselves are not emitted):

* the first column is the row label; a leading 序号/编号 column is dropped;
* a value column keeps its header: ``label｜header1：value1｜header2：value2`` —
  a year ("2024年"), a unit ("数量（件）") or a measure ("受理") survive loading, so a
  cell knows its row label and its column label (:func:`facts.table.table_row_facts`
  reads them back).  ``｜`` never ends a sentence, so a row is never cut in two;
* two columns under a header that says nothing ("完成情况", "数值", "数据") ->
  ``label：value``;
* a value equal to its header, or without a header, is written alone;
* a table of a single row -> its non-empty cells joined by ``；``;
* a first row that already holds values (no header row) is rendered as data.

Empty cells are skipped and a cell repeated by a merge is not written twice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ingest.loaders.normalize import normalize_text

Row = Sequence[str | None]

CELL_SEP = "｜"
# Value-column headers that add nothing to "label：value".
GENERIC_HEADERS = frozenset({
    "完成情况", "情况", "数值", "数据", "内容", "值", "结果", "完成值", "指标值", "具体情况",
    "工作情况", "主要数据", "说明", "完成数", "统计", "统计数据", "实际完成", "工作成效",
    "成效", "进展情况", "落实情况", "主要内容", "具体内容", "主要成效", "数量", "数目",
})
_SEQUENCE_HEADERS = frozenset({"序号", "编号", "序", "No", "No.", "NO"})
_YEAR_CELL = re.compile(r"^(?:19|20)\d{2}\s*年?度?$")
# a column label that begins with its year ("2025年完成值", "2024年度目标"): a header, no value
_YEAR_LABEL = re.compile(r"^(?:19|20)\d{2}\s*年")
# (not an item numbered "2.重复申请", "3、其他": the number of a label, no value)
_FIGURE_CELL = re.compile(r"^(?!\d{1,2}[.．、][\u4e00-\u9fa5])[+\-－＋]?\d[\d,.]*\s*(?:万|亿)?[余多]?[^\d]{0,4}$")


def _clean(rows: Sequence[Row]) -> list[list[str | None]]:
    cleaned = [[None if c is None else normalize_text(c).replace(CELL_SEP, "/") for c in row]
               for row in rows]
    width = max((len(r) for r in cleaned), default=0)
    cleaned = [row + [""] * (width - len(row)) for row in cleaned]
    return [row for row in cleaned if any(row)]


# a month or quarter of the year as a column or row label ("10月", "1-6月", "1季度"): a part of the year, no value
_PERIOD_CELL = re.compile(r"^(?:(?:[1-9]|1[0-2])\s*[-－—~～至]\s*)?(?:[1-9]|1[0-2])\s*月份?$|^第?[1-4]\s*季度$")


def is_figure(cell: str | None) -> bool:
    """A cell holding a value ("178", "97.5%", "1.8万件"), not a year label ("2024年",
    "2025年完成值") nor a month's or quarter's ("10月", "1季度")."""
    return (bool(cell) and bool(_FIGURE_CELL.match(cell or "")) and not _YEAR_CELL.match(cell or "")
            and not _YEAR_LABEL.match(cell or "") and not _PERIOD_CELL.match(cell or ""))


def _header_rows(grid: list[list[str | None]]) -> int:
    """How many leading rows are headers (1 to 3)."""
    count = 1
    while count < min(3, len(grid) - 1):
        above, row = grid[count - 1], grid[count]
        gappy = any(c is None or c == "" for c in above[1:])
        first_blank = not row[0] or row[0] == above[0]
        if any(is_figure(c) for c in row[1:]) or not (gappy or first_blank):
            break
        if not any(c for c in row[1:]):
            break
        count += 1
    return count


def _column_labels(headers: list[list[str | None]], width: int) -> list[str]:
    """One label per column: the header rows' texts joined top to bottom; a merged slot
    takes the text to its left in its own row."""
    labels = []
    for col in range(width):
        parts: list[str] = []
        for r, row in enumerate(headers):
            spans = r < len(headers) - 1  # an empty slot of an upper header row is a merge
            text = ""
            for j in range(min(col, len(row) - 1), -1, -1):
                if row[j] is not None and (row[j] or not spans or j == 0):
                    text = row[j] or ""
                    break
            if text and text not in parts:
                parts.append(text)
        labels.append("".join(parts))
    return labels


def _row_text(row: list[str | None], labels: list[str], key_value: bool) -> str:
    label = row[0] or ""
    parts: list[str] = []
    seen: set[tuple[str, str]] = set()
    for col, cell in enumerate(row[1:], start=1):
        if not cell:
            continue
        head = labels[col] if col < len(labels) else ""
        if key_value or not head or head == cell:
            parts.append(cell)
        elif (head, cell) not in seen:
            parts.append(f"{head}：{cell}")
        seen.add((head, cell))
    if key_value:
        joined = "；".join(parts)
        return f"{label}：{joined}" if label and joined else label or joined
    parts = [p.replace("；", "，").replace(";", "，") for p in parts]
    if label and parts:
        return CELL_SEP.join([label, *parts])
    return label or CELL_SEP.join(parts)


def _drop_sequence_column(grid: list[list[str | None]], n_header: int) -> list[list[str | None]]:
    """Without a leading 序号 column: one headed so, or numbering its rows 1, 2, 3 … (a single
    row's "3" under 结果维持 is a value, and a column of years is the rows' label)."""
    first = [r[0] or "" for r in grid[n_header:]]
    numbered = len(first) >= 2 and all(c.isdigit() for c in first) and [int(c) for c in first] == list(
        range(int(first[0]), int(first[0]) + len(first))) and not all(_YEAR_CELL.match(c) for c in first)
    if len(grid[0]) > 2 and ((n_header and (grid[0][0] or "") in _SEQUENCE_HEADERS) or numbered):
        # a total's row names itself there ("合计｜—｜28299｜…"): its name is the row's label
        return [[r[0], *r[2:]] if i >= n_header and r[0] and not r[0].strip().isdigit()
                and (r[1] or "").strip() in _EMPTY_CELLS else r[1:] for i, r in enumerate(grid)]
    return grid


_EMPTY_CELLS = frozenset({"", "—", "——", "-", "--", "/", "－", "／"})


# a corner cell that is a note on the table ("（本列数据的勾稽关系为：…）"), no name of its row labels
_NOTE = re.compile(r"^[（(]|^.{17,}$")


def _stub_width(grid: list[list[str | None]], labels: list[str], n_header: int) -> int:
    """How many leading columns label the rows: the first, and the columns after it under the
    same (merged) corner header or none whose cells are all words, no values — a row label
    in levels ("三、本年度办理结果" over "（三）不予公开" over "1.属于国家秘密"). 0 when the first
    column holds values (a table of one row of figures under their headers)."""
    rows = grid[n_header:]
    if n_header and rows and all(is_figure(r[0]) or not r[0] for r in rows) and any(is_figure(r[0]) for r in rows):
        return 0
    width = 1
    while width < len(labels) - 1 and labels[width] in ("", labels[0]) and all(
            not is_figure(r[width]) for r in rows) and any(r[width] for r in rows):
        width += 1
    return width


def _caption(row: list[str | None]) -> str:
    """The title of a first row that is one cell merged across the table ("荠湾区2024年各街道
    人民调解情况" over "街道｜调解纠纷（件）｜…"): a caption, not a column label; '' otherwise."""
    texts = {c for c in row if c}
    if len(row) < 3 or len(texts) != 1:
        return ""
    text = texts.pop()
    return "" if is_figure(text) or _YEAR_CELL.match(text) else text


_OUTLINE = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、](?!\d))")


def _outline_levels(rows: list[list[str | None]], stub: int) -> bool:
    """The row labels' levels are numbered as an outline ("三、本年度办理结果" | "（一）予以公开"): most
    of the labels in the first two of the ``stub`` columns are."""
    cells = [c for r in rows for c in r[:min(stub, 2)] if c]
    return bool(cells) and sum(bool(_OUTLINE.match(c)) for c in cells) * 2 > len(cells)


def _levels_filled(rows: list[list[str | None]], stub: int) -> list[list[str | None]]:
    """Rows whose label levels left empty by a vertical merge take the level above them: an empty
    level with a lower level after it in its row ("" | "（二）部分公开" under "三、本年度办理结果" |
    "（一）予以公开"). A level followed by nothing is a merge across, left empty ("四、结转下年度
    继续办理" | "" | "")."""
    carried: list[str] = [""] * stub
    out = []
    for row in rows:
        row = list(row)
        for k in range(stub):
            if row[k]:
                carried[k] = row[k] or ""
                carried[k + 1:] = [""] * (stub - k - 1)  # a new level: the ones below it start anew
            elif any(row[j] for j in range(k + 1, stub)):
                row[k] = carried[k]
        out.append(row)
    return out


def render_table(rows: Sequence[Row]) -> list[str]:
    """One paragraph per data row (see module doc); empty rows are dropped; a title row
    merged across the table is written once, before the rows, as the table's caption."""
    grid = _clean(rows)
    if len(grid) > 2 and (caption := _caption(grid[0])):
        return [caption, *render_table(grid[1:])]
    if not grid:
        return []
    if len(grid) == 1:
        return ["；".join(c for c in grid[0] if c)]
    # A first row that already holds values is data: the table has no header row.
    n_header = 0 if any(is_figure(c) for c in grid[0][1:]) else _header_rows(grid)
    grid = _drop_sequence_column(grid, n_header)
    width = max(len(r) for r in grid)
    labels = _column_labels(grid[:n_header], width) if n_header else [""] * width
    stub = _stub_width(grid, labels, n_header) if n_header else 1
    if stub > 1 and labels[0] and not _NOTE.match(labels[0]) and not _outline_levels(grid[n_header:], stub):
        stub = 1  # a corner that names the levels ("被申请人（被告）"): "区级部门｜被申请人（被告）：区城市管理局"
        # (but not levels numbered as an outline — 三、 over （一） over 1. — under "本机关情况")
    if stub != 1:  # the row label's levels joined in one first cell, or an empty one before values
        grid = [*grid[:n_header], *(["".join(dict.fromkeys(c for c in r[:stub] if c)), *r[stub:]]
                                    for r in _levels_filled(grid[n_header:], stub))]
        labels = ["", *labels[stub:]]
        width = len(labels)
    key_value = width == 2 and labels[1] in GENERIC_HEADERS | {""}
    out = []
    previous_label = ""
    corner = grid[0][0] if n_header == 1 and stub == 1 else None
    for row in grid[n_header:]:
        if corner and row[0] == corner and len(row) == width and not any(is_figure(c) for c in row[1:]):
            # the header again over the rest ("指标｜7月｜…｜12月｜全年" after the first half-year's rows):
            # the rows below are under its labels
            labels = _column_labels([row], width)
            continue
        if not row[0] and any(row[1:]) and stub:  # a vertically merged row label
            row = [previous_label, *row[1:]]
        previous_label = row[0] or ""
        text = _row_text(row, labels, key_value)
        if text:
            out.append(text)
    return out
