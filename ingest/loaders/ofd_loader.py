"""OFD documents (GB/T 33190, the national fixed-layout format), read with PyPI ``ofdkit``
(pure Python, Apache-2.0; it refuses oversized or over-full packages).

ofdkit gives each page's positioned text runs (millimetres, baseline ``y``); they go through
the same layout as OCR boxes (:func:`ingest.ocr.layout_lines`: baselines, cells, tables) and
then the PDF rules (page furniture, paragraph joining), so a report reads the same whether
published as PDF or OFD.  Pages are numbered.  A page without text whose content is an
image (a scan saved as OFD) is read by OCR from that image; a page that yields nothing is
reported unreadable.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from ingest.errors import IngestError

logger = logging.getLogger(__name__)

_MM_TO_PT = 72 / 25.4


def load_ofd(path: Path) -> Any:
    import ofdkit

    from ingest import ocr
    from ingest.loaders import Loaded
    from ingest.loaders.pdf import _drop_furniture, _Line, _measure, _paragraphs

    pages: list[list[_Line]] = []
    unreadable: list[int] = []
    ocr_pages: list[int] = []
    doubtful = 0
    try:
        with ofdkit.open(str(path)) as document:
            for number, page in enumerate(document.pages, start=1):
                boxes = [ocr.OcrLine(run.text.strip(), run.x * _MM_TO_PT,
                                     (run.y - run.size) * _MM_TO_PT,
                                     (run.x + run.width) * _MM_TO_PT, run.y * _MM_TO_PT, 1.0)
                         for run in page.runs if run.text.strip()]
                laid = ocr.layout_lines(boxes)
                scanned = False
                if not laid:
                    image = _page_image(document, page)
                    if image is not None:
                        if len(ocr_pages) >= ocr.max_ocr_pages():
                            raise ocr.too_many_pages(path.name, ocr.max_ocr_pages())
                        found = ocr.engine().read(image)
                        doubtful += ocr.doubtful_count(found)
                        laid, scanned = ocr.layout_lines(found), True
                if not laid:
                    unreadable.append(number)
                elif scanned:
                    ocr_pages.append(number)
                pages.append([_Line(ln.text, number, ln.x0, ln.x1, ln.top, ln.size,
                                    table_row=ln.table_row, ocr=scanned) for ln in laid])
    except ofdkit.OFDError as e:
        raise IngestError(f"无法读取 OFD 文件“{path.name}”（文件可能已损坏或超出限制）：{e}") from e
    _drop_furniture(pages)
    lines = [line for page in pages for line in page]
    if not lines:
        raise IngestError(f"OFD 文件“{path.name}”中没有可提取的文字（可能是扫描图片版）。")
    return Loaded(_paragraphs(lines, _measure(lines)), "ofd", pages=len(pages),
                  ocr_pages=ocr_pages, unreadable_pages=unreadable, low_confidence_lines=doubtful)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _page_image(document: Any, page: Any) -> Any:
    """The largest image a text-less page draws (a scanned page), as a PIL image, or None.

    Uses ofdkit's package reader (size-limited, safe XML parsing) to follow the page's
    ImageObject ResourceID to its MultiMedia file in the document's resources.
    """
    import io

    from PIL import Image

    try:
        package = document._package
        ids = {el.get("ResourceID", "").strip()
               for el in package.read_xml(page.location).iter() if _local(el.tag) == "ImageObject"}
        if not ids:
            return None
        files = []
        for res_path in page._body.resources:
            res = package.read_xml(res_path)
            base = (res.get("BaseLoc") or "").strip()
            for media in res.iter():
                if _local(media.tag) != "MultiMedia" or media.get("ID", "").strip() not in ids:
                    continue
                name = next((c.text or "" for c in media if _local(c.tag) == "MediaFile"), "")
                found = (package.resolve(res_path, f"{base}/{name.strip()}" if base else name)
                         or package.resolve(res_path, name))
                if found:
                    files.append(package.read(found))
        images = [Image.open(io.BytesIO(data)) for data in files]
        images = [im for im in images if im.width * im.height <= 60_000_000]
        if not images:
            return None
        return max(images, key=lambda im: im.width * im.height).convert("RGB")
    except Exception as e:  # best effort: the page is then reported unreadable
        logger.warning("OFD page %s: its image could not be read: %s", page.index + 1, e)
        return None
