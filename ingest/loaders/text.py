"""Plain text (.txt) and Markdown (.md/.markdown) loader.

Plain text: one Block per non-empty line (government reports put one paragraph per line),
``heading_level`` None; a text hard-wrapped at a fixed width (copied out of a PDF) is re-joined
into paragraphs first (:mod:`ingest.loaders.wrapped`).  A table saved as plain text (Word's and
WPS's "save as text" write a row per line, cells separated by tabs; a table typed by hand
separates them by bars, ``｜`` or ``|``) is rendered like a docx table when ≥ 2 consecutive lines
split into the same number (≥ 2) of cells and a row below the first holds a figure cell; a lone
tab (an indent, a heading "一、\t…") stays text. A word processor's plain-text export with the
columns aligned by spaces ("街道     立案（件）   拆除违建（平方米）") counts too: short cells
separated by runs of two or more spaces, under the same test.

Markdown, on top of that:

* ``#`` ... ``######`` heading lines -> Block with heading_level = number of ``#``;
* ``**bold**`` / ``__bold__`` markers are removed (the text is kept);
* list bullets (``-``, ``*``, ``+``) and blockquote ``>`` markers are removed;
  ordered numbering such as ``1.`` is text and is kept;
* thematic breaks (``---``) and fenced-code fence lines are dropped;
* pipe tables (``| a | b |`` rows, ``|---|`` separator) are rendered like docx
  tables, see :mod:`ingest.loaders.tables`.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from ingest.blocks import Block
from ingest.loaders.encoding import decode_bytes
from ingest.loaders.normalize import normalize_text
from ingest.loaders.tables import render_table
from ingest.loaders.wrapped import unwrap

logger = logging.getLogger(__name__)

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
_BARS = ("｜", "|")  # cell separators of a table typed as text ("指标｜2023年｜2024年")

# Every pattern here is linear in the line length (possessive quantifiers, no nested
# lazy scans); a line of a 1 MB file costs one pass (issue: an 80 KB .md froze the server).
_MD_HEADING = re.compile(r"^(#{1,6})(?:[ \t]++|(?=[^#\s]))(.*)$")
_MD_MARKER = re.compile(r"\*\*|__")
_MD_BULLET = re.compile(r"^\s*+(?:[-*+][ \t]++|>[ \t]?+)+")
_MD_RULE = re.compile(r"^\s*+(?:(?:[-*_][ \t]*+){3,}+|```.*|~~~.*)$")
_MD_TABLE_ROW = re.compile(r"^\s*+\|.*\|\s*$")
_MD_TABLE_SEPARATOR = re.compile(
    r"^\s*+\|?+\s*+:?-{2,}+:?\s*+(?:\|\s*+:?-{2,}+:?\s*+)*+\|?+\s*+$")


def load_text(path: Path) -> list[Block]:
    """Blocks of a .txt / .md file (Markdown handling chosen by the suffix)."""
    return parse_text_bytes(
        path.read_bytes(), path.name, markdown=path.suffix.lower() in MARKDOWN_SUFFIXES
    )


def parse_text_bytes(data: bytes, name: str, markdown: bool = False) -> list[Block]:
    """Blocks of the text in ``data``; raises IngestError for undecodable/binary data."""
    text = decode_bytes(data, name)
    lines = text.splitlines()
    return _markdown_blocks(lines) if markdown else _plain_blocks(unwrap(lines))


def _plain_blocks(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    run: list[list[str]] = []
    said: list[str] = []  # the run's lines as written (a run that is no table stays their text)
    for line in [*lines, ""]:  # the sentinel flushes a trailing run
        if run and _MD_TABLE_SEPARATOR.match(line.replace("｜", "|").replace("－", "-")):
            continue  # a Markdown table's rule under its header ("|---|---|", "｜---｜---｜"), typed in a .txt
        cells = _tab_cells(line)
        if cells is not None and (not run or len(cells) == len(run[0])):
            run.append(cells)
            said.append(line)
            continue
        blocks.extend(_tab_run_blocks(run, said))
        run, said = ([cells], [line]) if cells is not None else ([], [])
        if cells is None:
            text = normalize_text(line)
            if text:
                blocks.append(Block(text))
    return blocks


def _tab_cells(line: str) -> list[str] | None:
    """The cells of a table row separated by tabs (or by bars, ``｜`` or ``|``, outer bars
    dropped), or None for a line of text."""
    body = line.strip(" \u3000\r\n")
    if "\t" in body.strip("\t"):
        return [c.strip(" \u3000") for c in body.split("\t")]
    for bar in _BARS:
        inner = body.strip(bar + " \u3000")
        if bar in inner:
            cells = [c.strip(" \u3000") for c in inner.split(bar)]
            # "罚没款（万元）｜2023年：2310.5｜2024年：2672.8": a row written with its headers is text
            return None if any("：" in c or ":" in c for c in cells[1:]) else cells
    cells = _SPACED.split(body)
    if len(cells) >= 2 and all(len(c) <= SPACED_CELL_MAX for c in cells) \
            and not any(c[-1] in _SENTENCE_END for c in cells):
        return cells  # columns aligned by spaces (a plain-text export of a table)
    return None


_SPACED = re.compile(r"[ \u3000]{2,}")
SPACED_CELL_MAX = 24  # a cell of a space-aligned table is a label or a figure, never a sentence
_SENTENCE_END = frozenset("。；;！？!?，,：:")


def _tab_run_blocks(run: list[list[str]], said: list[str]) -> list[Block]:
    """A run of tab-separated lines: table rows when it looks like a table, else text lines."""
    from ingest.loaders.tables import is_figure

    if len(run) >= 2 and any(is_figure(c) for row in run[1:] for c in row[1:]):
        return [Block(row) for row in render_table(run)]
    texts = (normalize_text(line) for line in said)
    return [Block(text) for text in texts if text]


def _strip_emphasis(text: str) -> str:
    """Remove ``**bold**`` / ``__bold__`` marker pairs, keeping the text (one pass).

    A marker opens when followed by a non-space and closes the open marker of the same
    kind when preceded by a non-space; unpaired markers stay as they are.
    """
    if "**" not in text and "__" not in text:
        return text
    drop: set[int] = set()
    open_at: dict[str, int] = {}
    for m in _MD_MARKER.finditer(text):
        marker, start, end = m.group(0), m.start(), m.end()
        opened = open_at.get(marker)
        if opened is not None and start > opened + 2 and not text[start - 1].isspace():
            drop.update((opened, start))
            del open_at[marker]
        elif end < len(text) and not text[end].isspace():
            open_at[marker] = start
    if not drop:
        return text
    out, last = [], 0
    for start in sorted(drop):
        out.append(text[last:start])
        last = start + 2
    out.append(text[last:])
    return "".join(out)


def _without_closing_hashes(title: str) -> str:
    """'标题 ##' → '标题' (ATX closing sequence); '#' glued to a word stays."""
    bare = title.rstrip("#")
    if bare != title and (not bare or bare[-1] in " \t"):
        return bare.rstrip(" \t")
    return title


def _split_table_row(line: str) -> list[str]:
    inner = line.strip()[1:-1]
    return [cell.replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", inner)]


def _markdown_line(line: str) -> Block | None:
    if _MD_RULE.match(line):
        return None
    heading = _MD_HEADING.match(line.strip())
    if heading:
        title = _without_closing_hashes(heading.group(2).rstrip(" \t"))
        text = normalize_text(_strip_emphasis(title))
        return Block(text, heading_level=len(heading.group(1))) if text else None
    text = normalize_text(_strip_emphasis(_MD_BULLET.sub("", line)))
    return Block(text) if text else None


def _markdown_blocks(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    table: list[list[str]] = []
    for line in [*lines, ""]:  # the sentinel flushes a trailing table
        if _MD_TABLE_ROW.match(line):
            if not _MD_TABLE_SEPARATOR.match(line):
                table.append([_strip_emphasis(c) for c in _split_table_row(line)])
            continue
        if table:
            blocks.extend(Block(row) for row in render_table(table))
            table = []
        block = _markdown_line(line)
        if block is not None:
            blocks.append(block)
    return blocks
