"""Document loaders: a file in, a list of paragraph Blocks out.

``load_blocks(path)`` picks the loader from the file suffix (case-insensitive):

=====================  ==========================================
.txt .md .markdown     :mod:`ingest.loaders.text`
.html .htm             :mod:`ingest.loaders.html_loader`
.docx                  :mod:`ingest.loaders.docx_loader`
.pdf                   :mod:`ingest.loaders.pdf`
=====================  ==========================================

Every failure is an :class:`~ingest.errors.IngestError` whose message names the
file and says what is wrong; library exceptions are chained (``raise ... from e``).
Heavy libraries (pdfplumber, pypdfium2, python-docx, trafilatura, lxml,
charset-normalizer) are imported inside the loaders, so importing this package is cheap.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from ingest.blocks import Block
from ingest.errors import IngestError, UnsupportedFileType
from ingest.loaders.docx_loader import load_docx
from ingest.loaders.html_loader import load_html
from ingest.loaders.pdf import load_pdf
from ingest.loaders.text import load_text

__all__ = ["SUPPORTED_SUFFIXES", "load_blocks", "unsupported"]

logger = logging.getLogger(__name__)

_LOADERS: dict[str, Callable[[Path], list[Block]]] = {
    ".txt": load_text,
    ".md": load_text,
    ".markdown": load_text,
    ".html": load_html,
    ".htm": load_html,
    ".docx": load_docx,
    ".pdf": load_pdf,
}

SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(_LOADERS)


def unsupported(path: Path) -> UnsupportedFileType:
    suffix = path.suffix.lower()
    kind = f"“{suffix}”" if suffix else "（无扩展名）"
    return UnsupportedFileType(
        f"不支持的文件类型{kind}：“{path.name}”。支持的类型：{'、'.join(SUPPORTED_SUFFIXES)}。")


def load_blocks(path: Path) -> list[Block]:
    """Paragraph Blocks of the document at ``path``, in reading order.

    Raises UnsupportedFileType for an unknown suffix and IngestError when the file is
    missing, empty, corrupt, binary, or yields no text.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    loader = _LOADERS.get(suffix)
    if loader is None:
        raise unsupported(path)
    _check_readable(path)
    try:
        blocks = loader(path)
    except IngestError:
        raise
    except OSError as e:
        raise IngestError(f"读取文件“{path.name}”失败：{e}") from e
    except Exception as e:  # a loader bug or library surprise: still an IngestError
        logger.exception("unexpected error loading %s", path)
        raise IngestError(f"处理文件“{path.name}”时出错：{type(e).__name__}: {e}") from e
    if not blocks:
        raise IngestError(f"文件“{path.name}”中没有提取到任何文字内容。")
    logger.debug("%s: %d blocks", path.name, len(blocks))
    return blocks


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
