"""OFD documents (GB/T 33190, the national fixed-layout format), read with PyPI ``ofdkit``
(pure Python, Apache-2.0; it refuses oversized or over-full packages).

ofdkit gives each page's positioned text runs (millimetres, baseline ``y``); they go through
the same layout as OCR boxes (:func:`ingest.ocr.layout_lines`: baselines, cells, tables) and
then the PDF rules (page furniture, paragraph joining), so a report reads the same whether
published as PDF or OFD.  Pages are numbered; a page without text is reported unreadable
(an OFD page that is a scanned image is not OCR'd yet).
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
    try:
        with ofdkit.open(str(path)) as document:
            for number, page in enumerate(document.pages, start=1):
                boxes = [ocr.OcrLine(run.text.strip(), run.x * _MM_TO_PT,
                                     (run.y - run.size) * _MM_TO_PT,
                                     (run.x + run.width) * _MM_TO_PT, run.y * _MM_TO_PT, 1.0)
                         for run in page.runs if run.text.strip()]
                laid = ocr.layout_lines(boxes)
                if not laid:
                    unreadable.append(number)
                pages.append([_Line(ln.text, number, ln.x0, ln.x1, ln.top, ln.size,
                                    table_row=ln.table_row) for ln in laid])
    except ofdkit.OFDError as e:
        raise IngestError(f"无法读取 OFD 文件“{path.name}”（文件可能已损坏或超出限制）：{e}") from e
    _drop_furniture(pages)
    lines = [line for page in pages for line in page]
    if not lines:
        raise IngestError(f"OFD 文件“{path.name}”中没有可提取的文字（可能是扫描图片版）。")
    return Loaded(_paragraphs(lines, _measure(lines)), "ofd", pages=len(pages),
                  unreadable_pages=unreadable)
