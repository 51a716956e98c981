"""Document loaders: a file in, a list of paragraph Blocks out.

``load_document(path)`` decides the file's kind by its content
(:mod:`ingest.loaders.sniff`: magic bytes, zip and OLE2 members), not its suffix, and
picks the loader:

=======================  ==========================================
text, markdown           :mod:`ingest.loaders.text`
html                     :mod:`ingest.loaders.html_loader`
docx                     :mod:`ingest.loaders.docx_loader`
pdf                      :mod:`ingest.loaders.pdf` (image-only pages OCR'd)
doc (.doc, .wps)         :mod:`ingest.loaders.doc_loader`
ofd                      :mod:`ingest.loaders.ofd_loader`
image (.png, .jpg …)     :mod:`ingest.loaders.image_loader` (OCR)
=======================  ==========================================

It returns a :class:`Loaded`: the blocks plus what the caller should report (page count,
pages read by OCR, pages that could not be read).  ``load_blocks(path)`` is the blocks alone.

Every failure is an :class:`~ingest.errors.IngestError` whose message names the
file and says what is wrong; library exceptions are chained (``raise ... from e``).
Heavy libraries (pdfplumber, pypdfium2, python-docx, trafilatura, lxml, rapidocr,
charset-normalizer) are imported inside the loaders, so importing this package is cheap.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ingest.blocks import Block
from ingest.errors import IngestError, UnsupportedFileType
from ingest.figure_lines import join_figure_lines
from ingest.loaders.sniff import (
    BINARY_DOCUMENT_SUFFIXES,
    UNREADABLE_DOCUMENT_SUFFIXES,
    sniff,
)

__all__ = ["DOCUMENT_SUFFIXES", "SUPPORTED_SUFFIXES", "Loaded", "load_blocks", "load_document",
           "unsupported"]

logger = logging.getLogger(__name__)

SUPPORTED_SUFFIXES: tuple[str, ...] = (
    ".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf", ".doc", ".wps", ".ofd",
    ".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff",
)
# what a folder ingest picks up: everything readable, and documents it must report as unreadable
DOCUMENT_SUFFIXES: frozenset[str] = (
    frozenset(SUPPORTED_SUFFIXES) | BINARY_DOCUMENT_SUFFIXES | UNREADABLE_DOCUMENT_SUFFIXES)

MAX_DOCUMENT_CHARS = 3_000_000  # FAZHI_MAX_DOCUMENT_CHARS; ~30× the longest annual report

# the kind a damaged or unrecognised file is taken for, so its loader can say what is wrong
_SUFFIX_KINDS = {".pdf": "pdf", ".docx": "docx", ".doc": "doc", ".wps": "doc", ".ofd": "ofd",
                 ".png": "image", ".jpg": "image", ".jpeg": "image", ".bmp": "image",
                 ".tif": "image", ".tiff": "image"}

ProgressFn = Callable[[int, int], None]


@dataclass
class Loaded:
    """A loaded document: its blocks and what the loader has to report about them."""

    blocks: list[Block]
    kind: str
    pages: int | None = None
    ocr_pages: list[int] = field(default_factory=list)
    unreadable_pages: list[int] = field(default_factory=list)
    low_confidence_lines: int = 0

    @property
    def chars(self) -> int:
        return sum(len(b.text) for b in self.blocks)


_CANNOT_READ = {
    "xls": "Excel 表格", "xlsx": "Excel 表格", "ppt": "PowerPoint 演示文稿", "pptx": "PowerPoint 演示文稿",
    "opendocument": "OpenDocument 文档", "rtf": "RTF 文档", "mht": "MHT 网页存档",
    "zip": "压缩包", "ole": "Office 复合文档",
}


def unsupported(path: Path, kind: str | None = None) -> UnsupportedFileType:
    readable = "、".join(SUPPORTED_SUFFIXES)
    if kind == "encrypted":
        return UnsupportedFileType(
            f"“{path.name}”是加密的 Office 文档，无法读取；请取消密码后另存为 .docx 再导入。")
    if kind in _CANNOT_READ:
        return UnsupportedFileType(
            f"“{path.name}”是{_CANNOT_READ[kind]}，暂不支持；请另存为 .docx 或 PDF 后再导入"
            f"（支持的类型：{readable}）。")
    suffix = path.suffix.lower()
    shown = f"“{suffix}”" if suffix else "（无扩展名）"
    return UnsupportedFileType(f"不支持的文件类型{shown}：“{path.name}”。支持的类型：{readable}。")


def _loader(kind: str) -> Callable[..., list[Block] | Loaded] | None:
    if kind in ("text", "markdown"):
        from ingest.loaders.text import load_text

        return load_text
    if kind == "html":
        from ingest.loaders.html_loader import load_html

        return load_html
    if kind == "docx":
        from ingest.loaders.docx_loader import load_docx

        return load_docx
    if kind == "pdf":
        from ingest.loaders.pdf import load_pdf_document

        return load_pdf_document
    if kind == "image":
        from ingest.loaders.image_loader import load_image

        return load_image
    if kind == "doc":
        from ingest.loaders.doc_loader import load_doc

        return load_doc
    if kind == "ofd":
        from ingest.loaders.ofd_loader import load_ofd

        return load_ofd
    return None


def load_document(path: Path, progress: ProgressFn | None = None,
                  max_chars: int | None = None) -> Loaded:
    """The document at ``path`` (kind decided by content), with what the loader reports.

    Raises UnsupportedFileType for a kind no loader reads and IngestError when the file
    is missing, empty, corrupt, binary, yields no text, or expands beyond ``max_chars``.
    """
    path = Path(path)
    _check_readable(path)
    try:
        kind = sniff(path)
    except OSError as e:
        raise IngestError(f"读取文件“{path.name}”失败：{e}") from e
    if kind in (None, "broken-zip", "broken-ole") and path.suffix.lower() in _SUFFIX_KINDS:
        kind = _SUFFIX_KINDS[path.suffix.lower()]  # its loader says what is wrong with it
    loader = _loader(kind) if kind else None
    if loader is None:
        raise unsupported(path, kind)
    try:
        loaded = loader(path, progress) if kind in ("pdf", "image") else loader(path)
    except IngestError:
        raise
    except OSError as e:
        raise IngestError(f"读取文件“{path.name}”失败：{e}") from e
    except Exception as e:  # a loader bug or library surprise: still an IngestError
        logger.exception("unexpected error loading %s", path)
        raise IngestError(f"处理文件“{path.name}”时出错：{type(e).__name__}: {e}") from e
    if not isinstance(loaded, Loaded):
        loaded = Loaded(loaded, kind or "unknown")
    loaded.blocks = join_figure_lines(loaded.blocks)  # an infographic's captions with their figures
    if not loaded.blocks:
        raise IngestError(f"文件“{path.name}”中没有提取到任何文字内容。")
    _check_expansion(path, loaded, max_chars)
    logger.debug("%s: %s, %d blocks", path.name, kind, len(loaded.blocks))
    return loaded


def load_blocks(path: Path) -> list[Block]:
    """Paragraph Blocks of the document at ``path``, in reading order (see load_document)."""
    return load_document(path).blocks


def max_document_chars() -> int:
    value = os.environ.get("FAZHI_MAX_DOCUMENT_CHARS", "")
    return int(value) if value.strip().isdigit() else MAX_DOCUMENT_CHARS


def _check_expansion(path: Path, loaded: Loaded, max_chars: int | None) -> None:
    limit = max_chars if max_chars is not None else max_document_chars()
    chars = loaded.chars
    if chars > limit:
        raise IngestError(
            f"文档“{path.name}”展开后超过{limit}字（约{chars}字），已拒绝导入，以免长时间占用系统；"
            "请拆分文件后再导入，或提高上限（FAZHI_MAX_DOCUMENT_CHARS）。")


def _check_readable(path: Path) -> None:
    try:
        size = path.stat().st_size
    except FileNotFoundError as e:
        raise IngestError(f"文件“{path.name}”不存在：{path}") from e
    except OSError as e:
        raise IngestError(f"无法读取文件“{path.name}”：{e}") from e
    if not path.is_file():
        raise IngestError(f"“{path.name}”不是普通文件（可能是目录）。")
    if size == 0:
        raise IngestError(f"文件“{path.name}”是空文件（0 字节），请检查上传的文件是否完整。")
