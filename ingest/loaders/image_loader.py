"""Image files (.png .jpg .bmp .tif): every frame read by OCR (:mod:`ingest.ocr`).

A single image gives Blocks without a page number; a multi-page TIFF numbers its frames.
Images larger than MAX_PIXELS (a decompression bomb, or a poster) are refused before
they are decoded.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ingest.errors import IngestError

logger = logging.getLogger(__name__)

MAX_PIXELS = 60_000_000  # an A4 page at 600 dpi is 35 M


def load_image(path: Path, progress: Callable[[int, int], None] | None = None) -> Any:
    from PIL import Image, ImageSequence, UnidentifiedImageError

    from ingest import ocr
    from ingest.loaders import Loaded
    from ingest.loaders.pdf import _Line, _measure, _paragraphs

    try:
        image = Image.open(path)
        width, height = image.size
    except (UnidentifiedImageError, OSError, ValueError) as e:
        raise IngestError(f"图片文件“{path.name}”已损坏或格式无法识别，无法读取：{e}") from e
    with image:
        if width * height > MAX_PIXELS:
            raise IngestError(f"图片“{path.name}”有 {width}×{height} 像素，超过上限"
                              f"（{MAX_PIXELS // 1_000_000} M 像素）；请缩小或分页扫描后再导入。")
        frames = getattr(image, "n_frames", 1)
        if frames > ocr.max_ocr_pages():
            raise ocr.too_many_pages(path.name, ocr.max_ocr_pages())
        lines: list[_Line] = []
        read: list[int] = []
        unreadable: list[int] = []
        doubtful = 0
        try:
            for n, frame in enumerate(ImageSequence.Iterator(image), start=1):
                page = n if frames > 1 else None
                found = ocr.engine().read(frame.convert("RGB"))
                doubtful += ocr.doubtful_count(found)
                laid = ocr.layout_lines(found)
                (read if laid else unreadable).append(n)
                lines.extend(_Line(ln.text, page, ln.x0, ln.x1, ln.top, ln.size,  # type: ignore[arg-type]
                                   table_row=ln.table_row) for ln in laid)
                if progress is not None:
                    progress(n, frames)
        except (OSError, ValueError) as e:
            raise IngestError(f"图片文件“{path.name}”已损坏，无法完整解码：{e}") from e
    if not lines:
        raise IngestError(f"图片“{path.name}”中 OCR 未识别出文字（可能是空白或过于模糊）；"
                          "请提供更清晰的扫描件。")
    blocks = _paragraphs(lines, _measure(lines))
    return Loaded(blocks, "image", pages=frames, ocr_pages=read, unreadable_pages=unreadable,
                  low_confidence_lines=doubtful)
