"""Plain text (.txt) and Markdown (.md/.markdown) loader.

Plain text: one Block per non-empty line (government reports put one paragraph
per line), ``heading_level`` None.

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

logger = logging.getLogger(__name__)

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})

_MD_HEADING = re.compile(r"^(#{1,6})(?:[ \t]+|(?=[^#\s]))(.*?)(?:[ \t]+#+)?[ \t]*$")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_BULLET = re.compile(r"^\s*(?:[-*+][ \t]+|>[ \t]?)+")
_MD_RULE = re.compile(r"^\s*(?:(?:[-*_][ \t]*){3,}|```.*|~~~.*)$")
_MD_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_MD_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")


def load_text(path: Path) -> list[Block]:
    """Blocks of a .txt / .md file (Markdown handling chosen by the suffix)."""
    return parse_text_bytes(
        path.read_bytes(), path.name, markdown=path.suffix.lower() in MARKDOWN_SUFFIXES
    )


def parse_text_bytes(data: bytes, name: str, markdown: bool = False) -> list[Block]:
    """Blocks of the text in ``data``; raises IngestError for undecodable/binary data."""
    text = decode_bytes(data, name)
    lines = text.splitlines()
    return _markdown_blocks(lines) if markdown else _plain_blocks(lines)


def _plain_blocks(lines: list[str]) -> list[Block]:
    return [Block(text) for text in map(normalize_text, lines) if text]


def _split_table_row(line: str) -> list[str]:
    inner = line.strip()[1:-1]
    return [cell.replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", inner)]


def _markdown_line(line: str) -> Block | None:
    if _MD_RULE.match(line):
        return None
    heading = _MD_HEADING.match(line.strip())
    if heading:
        text = normalize_text(_MD_EMPHASIS.sub(r"\2", heading.group(2)))
        return Block(text, heading_level=len(heading.group(1))) if text else None
    text = normalize_text(_MD_EMPHASIS.sub(r"\2", _MD_BULLET.sub("", line)))
    return Block(text) if text else None


def _markdown_blocks(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    table: list[list[str]] = []
    for line in [*lines, ""]:  # the sentinel flushes a trailing table
        if _MD_TABLE_ROW.match(line):
            if not _MD_TABLE_SEPARATOR.match(line):
                table.append([_MD_EMPHASIS.sub(r"\2", c) for c in _split_table_row(line)])
            continue
        if table:
            blocks.extend(Block(row) for row in render_table(table))
            table = []
        block = _markdown_line(line)
        if block is not None:
            blocks.append(block)
    return blocks
