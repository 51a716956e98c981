"""Render a table as one paragraph per data row, each value keeping its header.

Input: rows of cells aligned on the table grid; ``None`` marks a grid slot that
belongs to a merged cell already given to its left (docx gridSpan, html colspan,
pdfplumber's merged slots).  The first row is the header row.

Output, one string per data row (the header row itself is not emitted):

* table with one value column (two columns: label + value) -> ``label：value``;
  the value column's header (e.g. "完成情况") adds nothing and is left out;
* wider table -> ``label：header1：value1；header2：value2`` — the first cell is the
  row label, every other non-empty cell is ``header：value`` joined by ``；``.
  Header of a merged header slot is the nearest header to its left;
  a value equal to its header, or without a header, is written alone;
* a table of a single row -> its non-empty cells joined by ``；``.

Empty cells are skipped and a cell repeated by a merge is not written twice.
"""

from __future__ import annotations

from collections.abc import Sequence

from ingest.loaders.normalize import normalize_text

Row = Sequence[str | None]


def _clean(rows: Sequence[Row]) -> list[list[str | None]]:
    cleaned = [[None if c is None else normalize_text(c) for c in row] for row in rows]
    return [row for row in cleaned if any(row)]


def _header_at(header: list[str | None], col: int) -> str:
    for j in range(min(col, len(header) - 1), -1, -1):
        if header[j] is not None:
            return header[j] or ""
    return ""


def _row_text(row: list[str | None], header: list[str | None], key_value: bool) -> str:
    label = row[0] or ""
    parts: list[str] = []
    for col, cell in enumerate(row[1:], start=1):
        if not cell:
            continue
        head = _header_at(header, col)
        parts.append(cell if key_value or not head or head == cell else f"{head}：{cell}")
    if label and parts:
        return f"{label}：{'；'.join(parts)}"
    return label or "；".join(parts)


def render_table(rows: Sequence[Row]) -> list[str]:
    """One paragraph per data row (see module doc); empty rows are dropped."""
    grid = _clean(rows)
    if not grid:
        return []
    if len(grid) == 1:
        return ["；".join(c for c in grid[0] if c)]
    width = max(len(r) for r in grid)
    header, body = grid[0], grid[1:]
    key_value = width == 2
    return [text for text in (_row_text(row, header, key_value) for row in body) if text]
