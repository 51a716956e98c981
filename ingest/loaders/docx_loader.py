"""Word .docx loader (python-docx).

* The body is read in document order, paragraphs and tables interleaved
  (content controls ``w:sdt`` are looked into).
* heading_level: style "Title"/"标题" -> 1; "Heading N"/"标题 N" -> N (also when
  the paragraph's style is *based on* such a style); otherwise an explicit
  outline level ``w:outlineLvl`` n -> n + 1; otherwise None.  Title and
  Heading 1 thus share level 1: a report has one title and the "一、" chapters
  under it are what retrieval needs to tell apart.
* Tables: one Block per data row, rendered by :mod:`ingest.loaders.tables`;
  a cell repeated by python-docx because of a horizontal merge is written once.
* Before python-docx sees the file, the zip is checked: it must be a zip with
  ``word/document.xml``, and the central directory must not promise more than
  200 MB uncompressed or a compression ratio above 100 (zip bombs).
"""

from __future__ import annotations

import logging
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ingest.blocks import Block
from ingest.errors import IngestError
from ingest.loaders.normalize import normalize_text
from ingest.loaders.tables import render_table

logger = logging.getLogger(__name__)

MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_TITLE_STYLES = frozenset({"title", "标题"})
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def load_docx(path: Path) -> list[Block]:
    """Blocks of a .docx file, in document order."""
    _check_zip(path)
    document = _open(path)
    try:
        return list(_body_blocks(document, document.element.body))
    except Exception as e:
        raise IngestError(f"读取 Word 文件“{path.name}”的内容时出错：{e}") from e


def _check_zip(path: Path) -> None:
    with path.open("rb") as f:
        magic = f.read(8)
    if magic == _OLE_MAGIC:
        raise IngestError(
            f"“{path.name}”是旧版 Word（.doc）或加密的文档，不是 .docx；"
            "请用 Word/WPS 另存为 .docx（并取消密码）后重试。"
        )
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as e:
        raise IngestError(
            f"“{path.name}”不是有效的 .docx 文件（不是 zip 压缩包或文件已损坏）：{e}"
        ) from e
    if not any(info.filename == "word/document.xml" for info in infos):
        raise IngestError(f"“{path.name}”不是有效的 .docx 文件：压缩包中没有 word/document.xml。")
    _check_zip_bomb(path.name, infos)


def _check_zip_bomb(name: str, infos: list[zipfile.ZipInfo]) -> None:
    total = sum(info.file_size for info in infos)
    compressed = sum(info.compress_size for info in infos)
    worst = max(infos, key=lambda i: i.file_size / max(i.compress_size, 1))
    worst_ratio = worst.file_size / max(worst.compress_size, 1)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise IngestError(
            f"“{name}”解压后达 {total / 2**20:.0f} MB，"
            f"超过上限 {MAX_UNCOMPRESSED_BYTES // 2**20} MB，"
            "疑似压缩炸弹，已拒绝处理。"
        )
    if total / max(compressed, 1) > MAX_COMPRESSION_RATIO or (
        worst.file_size > 2**20 and worst_ratio > MAX_COMPRESSION_RATIO
    ):
        raise IngestError(
            f"“{name}”的压缩率异常（{worst.filename} 压缩比 {worst_ratio:.0f}:1，"
            f"上限 {MAX_COMPRESSION_RATIO}:1），"
            "疑似压缩炸弹，已拒绝处理。"
        )


def _open(path: Path) -> Any:
    import docx

    try:
        return docx.Document(str(path))
    except Exception as e:  # python-docx raises KeyError, ValueError, lxml errors ...
        raise IngestError(
            f"无法打开 Word 文件“{path.name}”，文件可能已损坏或不是 .docx：{e}"
        ) from e


def _body_blocks(document: Any, container: Any) -> Iterator[Block]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in container.iterchildren():
        tag = child.tag
        if tag == f"{{{_W_NS}}}p":
            block = _paragraph_block(Paragraph(child, document))
            if block is not None:
                yield block
        elif tag == f"{{{_W_NS}}}tbl":
            yield from (Block(row) for row in render_table(_table_rows(Table(child, document))))
        elif tag == f"{{{_W_NS}}}sdt":
            content = child.find(f"{{{_W_NS}}}sdtContent")
            if content is not None:
                yield from _body_blocks(document, content)


def _paragraph_block(paragraph: Any) -> Block | None:
    text = normalize_text(paragraph.text)
    if not text:
        return None
    return Block(text, heading_level=_heading_level(paragraph))


def _heading_level(paragraph: Any) -> int | None:
    style = paragraph.style
    for _ in range(10):  # follow "based on" a few steps; guards against cycles
        if style is None:
            break
        name = (style.name or "").strip()
        if name.lower() in _TITLE_STYLES:
            return 1
        match = _HEADING_STYLE.match(name)
        if match:
            return int(match.group(1))
        style = style.base_style
    return _outline_level(paragraph)


def _outline_level(paragraph: Any) -> int | None:
    ppr = paragraph._p.pPr
    level = ppr.find(f"{{{_W_NS}}}outlineLvl") if ppr is not None else None
    if level is None:
        return None
    value = level.get(f"{{{_W_NS}}}val", "")
    return int(value) + 1 if value.isdigit() and int(value) < 9 else None


def _table_rows(table: Any) -> list[list[str | None]]:
    """Cell texts on the grid; a slot repeating the cell to its left (merge) is None."""
    rows: list[list[str | None]] = []
    for row in table.rows:
        cells: list[str | None] = []
        previous = None
        for cell in row.cells:
            cells.append(None if cell._tc is previous else cell.text)
            previous = cell._tc
        rows.append(cells)
    return rows
