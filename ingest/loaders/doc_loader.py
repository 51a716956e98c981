"""Word 97-2003 binary documents (.doc) and WPS 文字 files of that family (.wps).

The text comes from PyPI ``legacy-doc`` (pure Python, MIT): the OLE2 container and the piece
table are read by it; the raw characters are kept so that the document's own structure marks
can be used here:

* only the main document (the first ``ccpText`` characters): headers, footers (page
  numbers, running titles), footnotes and text boxes that follow it are left out;
* ``\\r`` ends a paragraph, ``\\x0b`` (manual line break) and ``\\x0c`` (page break) too;
* fields ``\\x13 code \\x14 result \\x15`` keep their result only (no "PAGE \\* MERGEFORMAT");
* tables: every cell ends with ``\\x07`` and every row with one more ``\\x07``; rows are
  rebuilt (the first row's cell count gives the width) and rendered by
  :mod:`ingest.loaders.tables` as one Block per data row.

No styles are read: headings are inferred from their numbering downstream.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from ingest.blocks import Block
from ingest.errors import IngestError
from ingest.loaders.normalize import normalize_text
from ingest.loaders.tables import render_table

logger = logging.getLogger(__name__)

MAX_DOC_BYTES = 50 * 2**20
_FIELD_WITH_RESULT = re.compile(r"\x13[^\x13\x14\x15]*\x14([^\x13\x14\x15]*)\x15")
_FIELD_NO_RESULT = re.compile(r"\x13[^\x13\x14\x15]*\x15")
_CELL = "\x07"


class _Encrypted(Exception):
    pass


def load_doc(path: Path) -> list[Block]:
    data = path.read_bytes()
    try:
        raw = _raw_text(data)
    except _Encrypted as e:
        raise IngestError(f"Word 文档“{path.name}”已加密，请取消密码后另存为 .docx 再导入。") from e
    except Exception as e:
        raise IngestError(
            f"无法读取 Word 97-2003 文档“{path.name}”（文件可能已损坏、加密，或是旧版 WPS 格式）："
            f"{e}；请用 Word/WPS 另存为 .docx 后重试。") from e
    return blocks_from_raw(raw)


def _raw_text(data: bytes) -> str:
    """The main document's characters with Word's control marks still in them."""
    from legacy_doc import ExtractionOptions
    from legacy_doc import word as legacy

    options = ExtractionOptions(max_file_bytes=MAX_DOC_BYTES)
    try:
        ole = legacy.OleReader(data, options=options)
        if ole.has_stream("EncryptedPackage"):
            raise _Encrypted
        wd = ole.read_stream("WordDocument")
        flags = legacy._u16(wd, 0x0A)
        if flags & 0x0100:
            raise _Encrypted
        table = ole.read_stream("1Table" if flags & 0x0200 else "0Table")
        fc_min, fc_mac = legacy._u32(wd, 0x18), legacy._u32(wd, 0x1C)
        text = legacy._extract_text_from_piece_table(wd, legacy._find_clx(table), fc_min, fc_mac)
        ccp_text = legacy._u32(wd, 0x4C)  # FibRgLw97.ccpText: length of the main document
    except AttributeError:  # legacy-doc changed its internals: its plain text still works
        from legacy_doc import extract_text

        return "\r".join(extract_text(data, options=options).text.splitlines())
    return text[:ccp_text] if 0 < ccp_text <= len(text) else text


def _drop_field_codes(text: str) -> str:
    for _ in range(8):  # nested fields: innermost first
        new = _FIELD_NO_RESULT.sub("", _FIELD_WITH_RESULT.sub(r"\1", text))
        if new == text:
            break
        text = new
    return text.replace("\x13", "").replace("\x14", "").replace("\x15", "")


def blocks_from_raw(raw: str) -> list[Block]:
    """Blocks from Word's raw main-document text (see module doc)."""
    text = _drop_field_codes(raw).replace("\x0b", "\r").replace("\x0c", "\r")
    blocks: list[Block] = []
    for segment in text.split("\r"):
        if _CELL not in segment:
            if line := normalize_text(segment):
                blocks.append(Block(line))
            continue
        *cells, after = segment.split(_CELL)
        blocks.extend(Block(row) for row in render_table(_table_rows(cells)))
        if line := normalize_text(after):
            blocks.append(Block(line))
    return blocks


def _table_rows(cells: list[str]) -> list[list[str | None]]:
    """Cells (each ended by \\x07) → rows: a row is its cells plus one empty row-end mark."""
    width = next((i for i, c in enumerate(cells) if c == ""), len(cells))
    if width == 0:
        width = 1
    rows: list[list[str | None]] = []
    i = 0
    while i < len(cells):
        row = cells[i: i + width]
        rows.append([normalize_text(c) for c in row])
        i += width
        if i < len(cells) and cells[i] == "":
            i += 1  # the row-end mark
    return rows
