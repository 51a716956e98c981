"""Decide a file's type from its content, not its name.

Reports arrive renamed and mislabelled: a Word 97 ``.doc`` saved as ``.docx``, a ``.docx``
written by WPS, an HTML page saved as ``.doc``, a scan saved as ``.pdf.jpg``.  The kind
comes from magic bytes and, for zip and OLE2 containers, from their members:

==========================  =====================================================
``%PDF-`` in the first 1 KB  ``pdf``
PNG / JPEG / BMP / TIFF      ``image``
zip with word/document.xml   ``docx`` (Word, WPS, LibreOffice alike)
zip with OFD.xml             ``ofd`` (GB/T 33190)
OLE2 with a WordDocument     ``doc`` (Word 97-2003, WPS 文字 .wps of that family)
anything else                by suffix: .html/.htm -> ``html``, .md -> ``markdown``,
                             .txt -> ``text``; text that starts like HTML -> ``html``
==========================  =====================================================

Other recognised containers (spreadsheets, slides, encrypted Office files, OpenDocument,
RTF) get a kind of their own so the caller can say precisely why it cannot read them.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGE_MAGIC = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"BM",
    b"II*\x00",
    b"MM\x00*",
)
_TEXT_SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown",
                  ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html"}
# suffixes whose content is checked for a kind of its own (never treated as plain text)
BINARY_DOCUMENT_SUFFIXES = frozenset({
    ".pdf", ".docx", ".doc", ".wps", ".wpt", ".dot", ".ofd",
    ".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff",
})
# documents we recognise but cannot read: folder ingest reports them instead of skipping
UNREADABLE_DOCUMENT_SUFFIXES = frozenset({
    ".xls", ".xlsx", ".et", ".ppt", ".pptx", ".dps", ".rtf", ".odt", ".ods", ".odp",
    ".mht", ".mhtml", ".caj", ".kdh", ".nh", ".djvu", ".epub", ".gif", ".webp", ".zip",
    ".rar", ".7z",
})


def sniff(path: Path) -> str | None:
    """The kind of document at ``path`` (see module doc), or None when nothing fits."""
    with path.open("rb") as f:
        head = f.read(2048)
    kind = sniff_bytes(head)
    if kind == "zip":
        return _zip_kind(path)
    if kind == "ole":
        return _ole_kind(path)
    if kind is not None:
        return kind
    suffix = path.suffix.lower()
    if suffix in _TEXT_SUFFIXES:
        return _TEXT_SUFFIXES[suffix]
    if suffix in (".doc", ".wps") and _looks_like_html(head):
        return "html"  # web sites serve HTML pages (Word "save as web page") as ".doc"
    return None


def sniff_bytes(head: bytes) -> str | None:
    """Kind from the first bytes alone: pdf, image, zip, ole, rtf, mht; None if unknown."""
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(_IMAGE_MAGIC):
        return "image"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(OLE_MAGIC):
        return "ole"
    if head.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    if head.lstrip()[:40].lower().startswith(b"mime-version:"):
        return "mht"
    return None


def _looks_like_html(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:200].lower()
    return start.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in head.lower()


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        return "broken-zip"
    members = set(names)
    if "word/document.xml" in members:
        return "docx"
    if "OFD.xml" in members or any(n.lower() == "ofd.xml" for n in names):
        return "ofd"
    if any(n.startswith("xl/") for n in names):
        return "xlsx"
    if any(n.startswith("ppt/") for n in names):
        return "pptx"
    if "content.xml" in members:
        return "opendocument"
    return "zip"


def _ole_kind(path: Path) -> str:
    try:
        import olefile

        with olefile.OleFileIO(str(path)) as ole:
            streams = {"/".join(entry) for entry in ole.listdir()}
    except Exception:  # not a valid compound file after all
        return "broken-ole"
    if "WordDocument" in streams:
        return "doc"
    if "EncryptedPackage" in streams:
        return "encrypted"
    if "Workbook" in streams or "Book" in streams:
        return "xls"
    if "PowerPoint Document" in streams:
        return "ppt"
    return "ole"
