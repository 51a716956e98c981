"""Offline OCR for scanned pages and images, behind a small interface.

:class:`OcrEngine` is anything with ``read(image) -> list[OcrLine]`` (a PIL image in, text
lines with their pixel boxes and confidence out).  The default is RapidOCR (PyPI
``rapidocr``): PP-OCR detection and recognition models shipped inside the wheel, run by
onnxruntime, nothing downloaded at run time.  Another engine replaces it with
:func:`set_engine`.

Choices (issue #14):

* no angle classifier: reports are upright, and with it on a degraded line was turned
  into garbage and then silently dropped by the score filter;
* the engine's own score filter is off: every line is kept, lines below
  :data:`LOW_CONFIDENCE` are counted and marked with :data:`DOUBT_MARK` so a reader of the
  quote knows it may be misread;
* ``FAZHI_OCR_THREADS`` (default 2) onnxruntime threads.

:func:`layout_lines` turns the boxes into reading-order lines and rebuilds tables: boxes on
one baseline separated by wide gaps are cells, consecutive rows of cells form a table whose
columns come from the cells' horizontal extents, rendered by
:func:`ingest.loaders.tables.render_table` as one row per line.
"""

from __future__ import annotations

import logging
import os
import statistics
import threading
from dataclasses import dataclass
from typing import Any, Protocol

from ingest.errors import IngestError

logger = logging.getLogger(__name__)

LOW_CONFIDENCE = 0.5
DOUBT_MARK = "〔OCR存疑〕"
_CELL_GAP = 1.2  # a gap wider than this many line heights separates two cells


@dataclass(frozen=True)
class OcrLine:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    score: float

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1.0)

    @property
    def doubtful(self) -> bool:
        return self.score < LOW_CONFIDENCE


class OcrEngine(Protocol):
    name: str

    def read(self, image: Any) -> list[OcrLine]:
        """Text lines of a PIL image, boxes in the image's pixels."""
        ...


class RapidOcrEngine:
    """RapidOCR with the models in its wheel; built on first use (about 2 s)."""

    name = "rapidocr"

    def __init__(self, threads: int | None = None):
        self.threads = threads
        self._engine: Any = None
        self._lock = threading.Lock()

    def _build(self) -> Any:
        try:
            from rapidocr import RapidOCR
        except ImportError as e:
            raise IngestError("未安装 OCR 组件 rapidocr，无法识别扫描页和图片；"
                              "请运行 pip install -r requirements.txt 后重试。") from e
        threads = self.threads or _threads()
        return RapidOCR(params={
            "Global.use_cls": False,
            "Global.text_score": 0.0,  # keep every line; doubtful ones are marked, not dropped
            "Global.log_level": "warning",
            "EngineConfig.onnxruntime.intra_op_num_threads": threads,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
        })

    def read(self, image: Any) -> list[OcrLine]:
        import numpy as np

        with self._lock:  # one page at a time: onnxruntime sessions already use the cores
            if self._engine is None:
                self._engine = self._build()
            result = self._engine(np.asarray(image.convert("RGB")), use_cls=False)
        if result.boxes is None or result.txts is None:
            return []
        lines = []
        for box, text, score in zip(result.boxes, result.txts, result.scores, strict=False):
            xs, ys = [float(p[0]) for p in box], [float(p[1]) for p in box]
            if text.strip():
                lines.append(OcrLine(text.strip(), min(xs), min(ys), max(xs), max(ys),
                                     float(score)))
        return lines


MAX_OCR_PAGES = 100  # FAZHI_MAX_OCR_PAGES: about 7-12 CPU-minutes of OCR


def max_ocr_pages() -> int:
    """How many pages one file may send to OCR (bounds the work a single upload causes)."""
    value = os.environ.get("FAZHI_MAX_OCR_PAGES", "").strip()
    return int(value) if value.isdigit() else MAX_OCR_PAGES


def too_many_pages(name: str, limit: int) -> IngestError:
    return IngestError(f"“{name}”需要 OCR 识别的页数超过上限 {limit} 页，已停止处理，以免长时间占用系统；"
                       "请拆分文件后再导入，或提高上限（FAZHI_MAX_OCR_PAGES）。")


def _threads() -> int:
    value = os.environ.get("FAZHI_OCR_THREADS", "").strip()
    if value.isdigit() and int(value) > 0:
        return int(value)
    return max(1, min(2, os.cpu_count() or 1))


_engine: OcrEngine | None = None


def engine() -> OcrEngine:
    """The OCR engine in use (RapidOCR unless :func:`set_engine` chose another)."""
    global _engine
    if _engine is None:
        _engine = RapidOcrEngine()
    return _engine


def set_engine(new: OcrEngine | None) -> None:
    """Use another OCR engine (None: back to the default)."""
    global _engine
    _engine = new


# --- layout -----------------------------------------------------------------------------


@dataclass
class LaidLine:
    """One reading-order line of an OCR'd page; a table row when ``table_row``."""

    text: str
    x0: float
    x1: float
    top: float
    size: float
    table_row: bool = False


def _rows(lines: list[OcrLine]) -> list[list[OcrLine]]:
    """Boxes grouped by baseline (vertical overlap), each row left to right."""
    rows: list[list[OcrLine]] = []
    for line in sorted(lines, key=lambda ln: (ln.top + ln.bottom) / 2):
        centre = (line.top + line.bottom) / 2
        if rows:
            last = rows[-1]
            top = statistics.median(ln.top for ln in last)
            bottom = statistics.median(ln.bottom for ln in last)
            if top <= centre <= bottom:
                last.append(line)
                continue
        rows.append([line])
    return [sorted(row, key=lambda ln: ln.x0) for row in rows]


def _cells(row: list[OcrLine]) -> list[list[OcrLine]]:
    """Split a row at gaps wider than _CELL_GAP line heights."""
    height = statistics.median(ln.height for ln in row)
    cells = [[row[0]]]
    for prev, line in zip(row, row[1:], strict=False):
        if line.x0 - prev.x1 > _CELL_GAP * height:
            cells.append([line])
        else:
            cells[-1].append(line)
    return cells


def _text(boxes: list[OcrLine]) -> str:
    from ingest.loaders.pdf import _join_lines

    return _join_lines([b.text + (DOUBT_MARK if b.doubtful else "") for b in boxes])


def _columns(table: list[list[list[OcrLine]]]) -> list[tuple[float, float]]:
    """Column extents: the union of overlapping box extents over all rows of the table — boxes,
    not cells: a header row whose close boxes made one cell ("2024年" "2025年") must not join
    the columns every other row keeps apart ("412" | "486")."""
    spans = sorted((ln.x0, ln.x1) for row in table for cell in row for ln in cell)
    columns: list[list[float]] = []
    for x0, x1 in spans:
        if columns and x0 < columns[-1][1]:
            columns[-1][1] = max(columns[-1][1], x1)
        else:
            columns.append([x0, x1])
    return [(a, b) for a, b in columns]


def _table_rows(table: list[list[list[OcrLine]]]) -> list[list[str]]:
    columns = _columns(table)
    grid = []
    for row in table:
        boxes: list[list[OcrLine]] = [[] for _ in columns]
        for line in (ln for cell in row for ln in cell):
            centre = (line.x0 + line.x1) / 2
            col = next((i for i, (a, b) in enumerate(columns) if a <= centre <= b),
                       min(range(len(columns)), key=lambda i: abs(columns[i][0] - centre)))
            boxes[col].append(line)
        grid.append([_text(b) if b else "" for b in boxes])
    return grid


def layout_lines(lines: list[OcrLine]) -> list[LaidLine]:
    """Reading-order lines of a page; runs of ≥ 2 multi-cell rows become table rows."""
    from ingest.loaders.tables import render_table

    if not lines:
        return []
    rows = _rows(lines)
    split = [_cells(row) for row in rows]
    out: list[LaidLine] = []
    i = 0
    while i < len(rows):
        j = i
        while j < len(rows) and len(split[j]) >= 2:
            j += 1
        if j - i >= 2:  # a table: rows i..j-1
            table = split[i:j]
            x0 = min(ln.x0 for row in rows[i:j] for ln in row)
            x1 = max(ln.x1 for row in rows[i:j] for ln in row)
            top = rows[i][0].top
            for n, text in enumerate(render_table(_table_rows(table))):
                out.append(LaidLine(text, x0, x1, top + n * 0.001, 0.0, table_row=True))
            i = j
            continue
        row = rows[i]
        out.append(LaidLine(_text(row), row[0].x0, max(ln.x1 for ln in row),
                            min(ln.top for ln in row),
                            statistics.median(ln.height for ln in row)))
        i += 1
    return out


def doubtful_count(lines: list[OcrLine]) -> int:
    return sum(ln.doubtful for ln in lines)
