"""Turn the bytes of a text-like file (.txt, .md, .html) into ``str``.

Order of attempts (:func:`decode_bytes`):

1. a UTF-32 / UTF-16 byte-order mark -> that codec;
2. NUL bytes without such a BOM -> the file is binary, refuse it;
3. an encoding declared by the file itself (html ``<meta charset>``), if it decodes strictly;
4. strict UTF-8 (a UTF-8 BOM is dropped);
5. strict gb18030, if ≥ 90 % of the non-ASCII characters it yields are GB2312
   characters (see :func:`_plausible_gb18030`);
6. charset-normalizer's guesses; whenever it proposes a GB-family codec
   (gb2312 / gbk / gb18030 / hz / cp936) we decode with gb18030, the superset.
"""

from __future__ import annotations

import codecs
import logging
import unicodedata

from ingest.errors import IngestError
from ingest.loaders.normalize import cjk_count

logger = logging.getLogger(__name__)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_GB_FAMILY = frozenset({"gb2312", "gbk", "gb18030", "hz", "cp936", "ms936", "euc_cn", "x_gbk"})
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1a")  # \x1a: DOS end-of-file marker
_MAX_CONTROL_RATIO = 0.05
_GB2312_SHARE = 0.9


def codec_name(label: str) -> str | None:
    """Python codec name for an encoding label; GB-family labels map to gb18030."""
    try:
        name = codecs.lookup(label.strip().lower()).name
    except (LookupError, ValueError):
        return None
    return "gb18030" if name.replace("-", "_") in _GB_FAMILY else name


def _bom_codec(data: bytes) -> str | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    return None


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _plausible_gb18030(data: bytes) -> str | None:
    """gb18030 text when the bytes read as common Chinese.

    Non-UTF-8 Chinese government text is nearly always GBK/GB18030, and real GBK text is
    made almost only of GB2312 characters (the 6763 common hanzi and CJK punctuation).
    Latin-1, Big5 or Shift-JIS bytes read as gb18030 produce many characters outside
    GB2312, so they fail this test and go to charset-normalizer.  This also settles
    short texts (a heading of a few characters) that statistics cannot decide.
    """
    text = _strict(data, "gb18030")
    if text is None:
        return None
    wide = [ch for ch in text if not ch.isascii()]
    if not wide:
        return None
    common = sum(1 for ch in wide if _in_gb2312(ch))
    return text if common >= _GB2312_SHARE * len(wide) else None


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _guess(data: bytes) -> str | None:
    """Decode with charset-normalizer's best guess, preferring gb18030 for Chinese."""
    from charset_normalizer import from_bytes

    try:
        matches = list(from_bytes(data))
    except Exception as e:  # charset-normalizer is heuristic code: never let it escape
        logger.warning("charset-normalizer failed: %s", e)
        return None
    if not matches:
        return None
    best = matches[0]
    if _is_gb(best) or (any(_is_gb(m) for m in matches) and _looks_cjk(str(best))):
        text = _strict(data, "gb18030")
        if text is not None:
            return text
    return _strict(data, best.encoding) or str(best)


def _is_gb(match: object) -> bool:
    names = [getattr(match, "encoding", "")] + list(getattr(match, "could_be_from_charset", []))
    return any(codec_name(n) == "gb18030" for n in names if n)


def _looks_cjk(text: str) -> bool:
    return cjk_count(text) * 4 >= len(text.strip()) > 0


def _check_not_binary(text: str, name: str) -> None:
    if "\x00" in text:
        raise IngestError(
            f"文件“{name}”含有 NUL 字符，看起来是二进制文件而不是文本文件，请确认文件类型。"
        )
    controls = sum(
        1 for ch in text if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc"
    )
    if text and controls / len(text) > _MAX_CONTROL_RATIO:
        raise IngestError(
            f"文件“{name}”含有大量控制字符，看起来是二进制文件而不是文本文件，请确认文件类型。"
        )


def decode_bytes(data: bytes, name: str, declared: str | None = None) -> str:
    """Decode ``data`` (the content of the file called ``name``) to text.

    Raises IngestError for NUL bytes / binary content and for bytes no codec explains.
    """
    bom = _bom_codec(data)
    if bom is not None:
        text = _strict(data, bom)
        if text is None:
            raise IngestError(
                f"文件“{name}”带有 {bom} 字节顺序标记（BOM），"
                "但内容无法按该编码解码，文件可能已损坏。"
            )
        if text.startswith("\ufeff"):
            text = text[1:]
        _check_not_binary(text, name)
        return text
    if b"\x00" in data:
        raise IngestError(
            f"文件“{name}”含有 NUL 字节，看起来是二进制文件而不是文本文件"
            "（如果是无 BOM 的 UTF-16 文本，请另存为 UTF-8）。"
        )
    text = None
    if declared:
        codec = codec_name(declared)
        text = _strict(data, codec) if codec else None
        if text is None:
            logger.warning(
                "%s: declared encoding %r does not decode; detecting instead", name, declared
            )
    if text is None:
        text = _strict(data, "utf-8")
    if text is None:
        text = _plausible_gb18030(data)
    if text is None:
        text = _guess(data)
    if text is None:
        raise IngestError(
            f"无法识别文件“{name}”的文字编码（已尝试 UTF-8、UTF-16、GB18030/GBK 等），"
            "请另存为 UTF-8 后重试。"
        )
    _check_not_binary(text, name)
    return text
