"""PDF loader: text per page, page furniture removed, layout lines re-joined into paragraphs.

Engines: characters and their boxes come from **pypdfium2** (PDFium, installed as a
dependency of pdfplumber); **pdfplumber** is used only to find ruled tables and the
rules of three-line tables, on pages that draw lines.  pdfminer (under pdfplumber) drops
characters that its bundled CMaps do not map — in the sample it loses the "·" of
"法治明湖·品质之城" (a ReportLab UniGB-UCS2-H font) — while PDFium decodes them, so
PDFium provides the text.

Pipeline:

1. Lines: PDFium's text with its line breaks; each line gets its box (x0, x1, top)
   in points from the page's top-left; lines are sorted top to bottom and fragments
   on the same baseline are merged (single-column layout is assumed).
2. Tables with ruling lines (pdfplumber ``find_tables``, at least 2 rows x 2 columns)
   replace the lines they cover by one pseudo-line per data row, rendered like docx
   tables (:mod:`ingest.loaders.tables`); every row is its own paragraph.  A cell's text
   may wrap over several lines; a slot covered by a header cell of the row above (a
   header spanning two rows) adds nothing to its column's label.  When the grid starts
   with figures and the lines right above it are cell texts in its columns (a header
   row printed without rules of its own), they are taken as its header row.
   Three-line tables (三线表: horizontal rules only — above the header row, under it and
   under the last row, each spanning nearly the width of the others) are rendered the
   same way: the header is the text between the first two rules (its lines joined per
   column), each printed line between the second and the third rule is a row, and the
   columns are the gaps that every row leaves open in its text.  Only clear cases: no
   vertical stroke or text beside the table between the rules, at least two rows each
   with text in two columns, header lines that respect the columns, two or more header
   labels and no figure among them; otherwise the lines stay text.
3. Page furniture: among the first two and last two lines of each page, drop
   page numbers ("— 3 —", "- 3 -", "第3页", "3", "第 3 页 共 4 页", "3/4", "Page 3")
   and lines that recur there on ≥ 50 % of the pages and ≥ 2 pages (digits ignored
   for lines of ≤ 24 characters, longer lines must recur exactly).
4. Paragraphs: a line break is kept (paragraph ends) when
   * the next line is indented, centred or right-aligned (x0 beyond the left margin),
   * this line is centred or right-aligned (x0 more than 4 characters in: a title),
   * there is a blank-line-sized vertical gap,
   * the line is short (ends ≥ 2.5 characters before the right margin) and ends with
     。！？；：…” ）) etc., or is much shorter (< 75 % of the text width), e.g. a heading,
   * the next line starts a heading (一、 （一） 1. 1、 （1） 第X章 …) and this line
     ends a sentence or is short,
   otherwise the two lines are joined (no space between CJK characters).
   A paragraph continuing over a page break is joined too; its Block gets the page
   where it **starts**.
5. Tables across a page break (after step 3, so the running header and the page number
   no longer sit between the two parts): when a page starts with a table (only a
   "续表" line may come before it) and the previous page ends with a table that reaches
   the bottom of the text area, with the same number of columns, the second part is the
   continuation when its first rows repeat the header rows (they are dropped), or its
   first row does not look like a header of its own: it holds figures, or a sequence
   number, or sentences, where the first part's header row holds labels.  The two parts
   are rendered as one table, so the rows on the next page keep the column headers
   ("2023年：74"); each row keeps the page it is printed on.

A slide's number tiles and a bar chart's values (a figure alone, its label in its column just
below or above, two or more such labels side by side) become one line each: "行政复议收案1268件";
a chart's bars, under the short caption above them, one line: "各县（区）行政处罚案件数（件）：
甲区8460件，乙区6215件". A column with two figures is a table's and is left as it is. A change of
type size (a slide's heading after the last slide's bullet) also ends a paragraph.

Pages without a text layer (scans, or glyphs drawn as vector outlines: no text, no image)
are rendered with PDFium and read by OCR (:mod:`ingest.ocr`); their lines, and the table
rows rebuilt from the OCR boxes, go through the same furniture and paragraph rules.

Blocks carry the 1-based physical page; heading_level stays None (PDF has no styles;
downstream infers headings from the text).
"""

from __future__ import annotations

import logging
import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from ingest.blocks import Block
from ingest.errors import IngestError
from ingest.figure_lines import FIGURE_ONLY
from ingest.loaders.normalize import cjk_count, normalize_text
from ingest.loaders.tables import is_figure, render_table

logger = logging.getLogger(__name__)

_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－~～·•_\s]*\d{1,4}[-—–－~～·•_\s]*"
    r"|第\s*\d{1,4}\s*页(?:\s*[，,/／]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*[，,]?\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*[/／]\s*\d{1,4}"
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?)$",
    re.IGNORECASE,
)
_HEADING_START = re.compile(
    r"^(?:第[一二三四五六七八九十百零〇\d]+[章节条部分篇]"
    r"|[一二三四五六七八九十]{1,3}、"
    r"|[（(][一二三四五六七八九十]{1,3}[)）]"
    r"|[（(]\d{1,2}[)）]"
    r"|\d{1,2}[.．、](?![\d.．])"
    r"|[①-⑳])"
)
_SENTENCE_END = tuple("。！？；：…”’）)」』】!?;:.")
_EDGE_LINES = 2
_MIN_TEXT_CHARS = 5  # fewer characters: a scan (perhaps with a stamped page number), OCR it
_SHORT_FURNITURE = 24


@dataclass
class _Line:
    text: str
    page: int
    x0: float
    x1: float
    top: float
    size: float
    table_row: bool = False
    ocr: bool = False  # read by OCR from a rendered page
    labelled: bool = False  # a tile's or a bar's figure with its label: a line of its own
    table: _Table | None = field(default=None, repr=False, compare=False)  # a ruled table's row


@dataclass(eq=False)
class _Table:
    """A ruled table found on one page, and the whole table it belongs to when it continues
    a table of the previous page (``rows`` and ``lines`` then start on an earlier page)."""

    grid: list[list[str | None]]  # this page's cells
    top: float
    bottom: float
    page_height: float
    rows: list[list[str | None]] = field(default_factory=list, repr=False)  # the whole table
    lines: list[_Line] = field(default_factory=list, repr=False)  # the whole table's rows


@dataclass
class _Char:
    text: str
    line: int
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass
class _Layout:
    """Document-wide measures the paragraph rules compare against."""

    left: float
    right: float
    char_width: float
    pitch: float

    @property
    def width(self) -> float:
        return max(self.right - self.left, 1.0)


def _quiet_pdfminer() -> None:
    """pdfminer (under pdfplumber) logs a WARNING per font of chromium's PDFs ("Could not get
    FontBBox from font descriptor ...") although the tables are found: keep it to errors.
    Done when a table is first looked for, not at import; a level set lower by hand in
    advance is raised too, one set to ERROR or above is kept."""
    quiet = logging.getLogger("pdfminer")
    if quiet.level < logging.ERROR:
        quiet.setLevel(logging.ERROR)


@dataclass
class _TableFinder:
    """Opens the file with pdfplumber on first use, only for pages that draw lines."""

    path: Path
    _pdf: Any = field(default=None, init=False)

    def _page(self, index: int) -> Any:
        if self._pdf is None:
            _quiet_pdfminer()
            import pdfplumber

            self._pdf = pdfplumber.open(str(self.path))
        return self._pdf.pages[index]

    def tables(self, index: int) -> list[Any]:
        try:
            found = self._page(index).find_tables()
        except Exception as e:  # best effort: without tables the text is still read
            logger.warning("%s page %d: table detection failed: %s", self.path.name, index + 1, e)
            return []
        return [t for t in found if len(t.rows) >= 2 and max(len(r.cells) for r in t.rows) >= 2]

    def rules(self, index: int) -> tuple[list[_Rule], list[_Rule]]:
        """The page's horizontal rules and its vertical strokes (:func:`_rules`)."""
        try:
            page = self._page(index)
            return _rules(list(page.lines) + list(page.rects))
        except Exception as e:  # best effort, as above
            logger.warning("%s page %d: rule detection failed: %s", self.path.name, index + 1, e)
            return [], []

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()


def load_pdf_document(path: Path, progress: Callable[[int, int], None] | None = None) -> Any:
    """The PDF as a :class:`ingest.loaders.Loaded`: blocks, page count, the pages read by
    OCR and the pages where nothing could be read.  ``progress(done, total)`` per page."""
    from ingest.loaders import Loaded

    _check_header(path)
    read = _read_pages(path, progress)
    pages = read.pages
    _drop_furniture(pages)
    _join_continued_tables(pages)
    lines = [line for page in pages for line in page]
    if not lines:
        if read.ocr_error:
            raise IngestError(f"PDF 文件“{path.name}”没有文字层，OCR 也无法运行：{read.ocr_error}")
        raise IngestError(
            f"PDF 文件“{path.name}”中没有可提取的文字，OCR 文字识别也未识别出文字"
            "（可能是空白页或图片过于模糊）；请检查文件，或提供更清晰的扫描件。"
        )
    blocks = _paragraphs(lines, _measure(lines))
    return Loaded(blocks, "pdf", pages=len(pages), ocr_pages=read.ocr_pages,
                  unreadable_pages=read.unreadable, low_confidence_lines=read.doubtful)


def load_pdf(path: Path) -> list[Block]:
    """Blocks of a PDF (text pages read, image-only pages OCR'd); raises IngestError for
    corrupt or encrypted files and files where no page yields text."""
    return load_pdf_document(path).blocks


def _check_header(path: Path) -> None:
    with path.open("rb") as f:
        head = f.read(1024)
    if b"%PDF-" not in head:
        raise IngestError(
            f"“{path.name}”不是有效的 PDF 文件（缺少 %PDF 文件头），文件可能已损坏或扩展名有误。"
        )


@dataclass
class _Read:
    pages: list[list[_Line]]
    ocr_pages: list[int] = field(default_factory=list)
    unreadable: list[int] = field(default_factory=list)
    doubtful: int = 0
    ocr_error: str | None = None


def _read_pages(path: Path, progress: Callable[[int, int], None] | None = None) -> _Read:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower():
            raise IngestError(
                f"PDF 文件“{path.name}”已加密（需要密码），请提供未加密的版本。"
            ) from e
        raise IngestError(f"PDF 文件“{path.name}”已损坏或格式错误，无法打开：{e}") from e
    from ingest.ocr import max_ocr_pages, too_many_pages

    finder = _TableFinder(path)
    read = _Read([])
    ocr_limit, ocr_tried = max_ocr_pages(), 0
    try:
        total = len(document)
        for i in range(total):
            page = document[i]
            try:
                lines = _page_lines(page, i, finder)
                if not lines and read.ocr_error is None:
                    ocr_tried += 1
                    if ocr_tried > ocr_limit:
                        raise too_many_pages(path.name, ocr_limit)
                    lines = _ocr_page(page, i + 1, read, path.name)
            finally:
                page.close()
            if not lines:
                read.unreadable.append(i + 1)
                logger.warning("%s: page %d has no text, even after OCR", path.name, i + 1)
            read.pages.append(lines)
            if progress is not None:
                progress(i + 1, total)
        return read
    except IngestError:
        raise
    except Exception as e:
        raise IngestError(f"读取 PDF 文件“{path.name}”时出错，文件可能已损坏：{e}") from e
    finally:
        finder.close()
        document.close()


OCR_SCALE = 2.5  # render at 180 dpi for OCR


def _ocr_page(page: Any, number: int, read: _Read, name: str) -> list[_Line]:
    """A page without a text layer (a scan, or glyphs drawn as outlines): render, OCR."""
    from ingest import ocr

    image = page.render(scale=OCR_SCALE).to_pil()
    try:
        found = ocr.engine().read(image)
    except IngestError as e:  # no OCR engine: every such page is reported unreadable
        read.ocr_error = str(e)
        return []
    laid = ocr.layout_lines(found)
    if laid:
        read.ocr_pages.append(number)
        read.doubtful += ocr.doubtful_count(found)
    logger.info("%s: page %d read by OCR (%d lines)", name, number, len(laid))
    return [_Line(ln.text, number, ln.x0 / OCR_SCALE, ln.x1 / OCR_SCALE, ln.top / OCR_SCALE,
                  ln.size / OCR_SCALE, table_row=ln.table_row, ocr=True) for ln in laid]


# --- one page -------------------------------------------------------------------------


def _page_lines(page: Any, index: int, finder: _TableFinder) -> list[_Line]:
    import pypdfium2.raw as pdfium_c

    left, bottom, _, top = page.get_mediabox()
    textpage = page.get_textpage()
    try:
        chars = _chars(textpage, left, top)
    finally:
        textpage.close()
    draws_lines = (
        sum(1 for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=1)) >= 2
    )
    if sum(1 for c in chars if c.text.strip()) < _MIN_TEXT_CHARS:
        return []
    rows: list[_Line] = []
    if draws_lines:
        boxes: list[tuple[float, float, float, float]] = []
        for table in finder.tables(index):
            lines, used = _table_lines(table, chars, index + 1, top - bottom)
            rows.extend(lines)
            boxes.append(table.bbox)
            chars = [c for c in chars if not _inside(c, table.bbox) and id(c) not in used]
        horizontal, vertical = finder.rules(index)
        horizontal = [r for r in horizontal if not any(_near_box(r, box) for box in boxes)]
        for lines, box in _three_line_tables(horizontal, vertical, chars, index + 1, top - bottom):
            rows.extend(lines)
            chars = [c for c in chars if not _inside(c, box)]
    lines = _labelled_figures(chars, index + 1)
    return _merge_baselines(sorted(lines + rows, key=lambda ln: ln.top))


def _chars(textpage: Any, page_left: float, page_top: float) -> list[_Char]:
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count) if count else ""
    if len(text) != count:  # characters outside the BMP: fall back to one call per char
        text = "".join(textpage.get_text_range(i, 1)[:1] or " " for i in range(count))
    chars: list[_Char] = []
    line = 0
    for i, ch in enumerate(text):
        if ch in "\r\n":
            line += ch == "\n"
            continue
        x0, bottom, x1, top = textpage.get_charbox(i, loose=True)
        chars.append(
            _Char(ch, line, x0 - page_left, x1 - page_left, page_top - top, page_top - bottom)
        )
    return chars


def _group_lines(chars: list[_Char], page: int) -> list[_Line]:
    groups: dict[int, list[_Char]] = {}
    for c in chars:
        groups.setdefault(c.line, []).append(c)
    return [line for group in groups.values() if (line := _make_line(group, page)) is not None]


# --- a slide's number tiles and a bar chart's values --------------------------------------

_WIDE_GAP = 1.0  # of the characters' height: a gap this wide parts two texts on one line
_LABEL_MAX = 16  # characters of a tile's or a bar's label
_LABEL_REACH = 15.0  # label heights between a label and its figure (a bar's value sits on its bar)


@dataclass(eq=False)
class _Segment:
    """Characters of one PDFium line set apart by wide gaps (compared by identity); what the
    pairing reads of them is computed once, not at each of its nested comparisons."""

    chars: list[_Char]
    line: int

    @cached_property
    def text(self) -> str:
        return normalize_text("".join(c.text for c in self.chars))

    @property
    def x0(self) -> float:
        return self.chars[0].x0

    @property
    def x1(self) -> float:
        return self.chars[-1].x1

    @cached_property
    def top(self) -> float:
        return min(c.top for c in self.chars)

    @cached_property
    def size(self) -> float:
        return statistics.median(c.bottom - c.top for c in self.chars)


def _segments(chars: list[_Char]) -> list[_Segment]:
    """Each PDFium line's ink parted at wide gaps: the texts a slide sets side by side."""
    groups: dict[int, list[_Char]] = {}
    for c in chars:
        if _is_ink(c):
            groups.setdefault(c.line, []).append(c)
    out: list[_Segment] = []
    for line, ink in groups.items():
        ink.sort(key=lambda c: c.x0)
        start = 0
        for i in range(1, len(ink) + 1):
            if i == len(ink) or ink[i].x0 - ink[i - 1].x1 > _WIDE_GAP * (ink[i - 1].bottom - ink[i - 1].top):
                out.append(_Segment(ink[start:i], line))
                start = i
    return out


def _is_label(text: str) -> bool:
    return 2 <= len(text) <= _LABEL_MAX and not re.search(r"\d", text) and not text.endswith(_SENTENCE_END)


def _overlap(a: _Segment, b: _Segment) -> bool:
    return min(a.x1, b.x1) - max(a.x0, b.x0) > 0.5 * min(a.x1 - a.x0, b.x1 - b.x0)


def _labelled_figures(chars: list[_Char], page: int) -> list[_Line]:
    """The page's lines, a slide's number tiles ("8项" over "重大行政决策事项") and a bar chart's
    values ("8460件" over its bar, "澬阳区" under it) read as one line each: "重大行政决策事项8项".

    A figure alone in its place (a unit after it: ingest.figure_lines.FIGURE_ONLY) pairs with the
    nearest short label in its column just below it (or just above, nothing between), when two or
    more labels side by side on one line each find one. A figure next to another figure in its
    column is a table's cell, and is left as it is; so is every line of prose."""
    segments = _segments(chars)
    figures = [s for s in segments if FIGURE_ONLY.match(s.text)]
    labels = [s for s in segments if _is_label(s.text)]
    column_of = {id(s): sorted((t for t in segments if _overlap(s, t)), key=lambda t: t.top) for s in figures}
    # a figure next to another figure in its column is a table's cell (a column of years' values)
    cells = {id(f) for f in figures for above, below in zip(column_of[id(f)], column_of[id(f)][1:], strict=False)
             if f in (above, below) and FIGURE_ONLY.match(above.text) and FIGURE_ONLY.match(below.text)}
    chosen: dict[int, tuple[float, _Segment, _Segment]] = {}  # id(figure) → (distance, its label, it)
    for label in labels:
        reach = _LABEL_REACH * label.size
        near = [f for f in figures if id(f) not in cells and _overlap(f, label) and f.top != label.top
                and abs(label.top - f.top) < reach
                and not any(s is not label and s is not f and _overlap(s, label)
                            and min(label.top, f.top) < s.top < max(label.top, f.top) for s in segments)]
        if near:  # the nearest, with nothing between (a grid of tiles: the one above, not the next row's)
            f = min(near, key=lambda f: abs(label.top - f.top))
            distance = abs(label.top - f.top)
            if id(f) not in chosen or distance < chosen[id(f)][0]:
                chosen[id(f)] = (distance, label, f)
    pairs = {id(label): f for _, label, f in chosen.values()}
    rows: list[list[_Segment]] = []  # the paired labels side by side, each row on one baseline
    for label in sorted((s for s in labels if id(s) in pairs), key=lambda s: s.top):
        if rows and label.top - rows[-1][0].top < 0.3 * label.size:
            rows[-1].append(label)
        else:
            rows.append([label])
    figured: list[_Line] = []
    used: set[int] = set()
    for row in rows:
        if len(row) < 2:
            continue
        row.sort(key=lambda s: s.x0)
        said = [label.text + pairs[id(label)].text for label in row]
        used.update(id(c) for label in row for c in label.chars + pairs[id(label)].chars)
        caption = _caption(segments, [pairs[id(label)] for label in row] + row)
        if caption is None:  # tiles: each says what it counts
            figured += [_Line(text, page, label.x0, label.x1, label.top, label.size, labelled=True)
                        for text, label in zip(said, row, strict=True)]
        else:  # a chart's bars: its caption says what they count
            used.update(id(c) for c in caption.chars)
            figured.append(_Line(f"{caption.text}：{'，'.join(said)}", page, caption.x0, caption.x1,
                                 caption.top, caption.size, labelled=True))
    if not figured:
        return _group_lines(chars, page)
    return _group_lines([c for c in chars if id(c) not in used], page) + figured


def _caption(segments: list[_Segment], chart: list[_Segment]) -> _Segment | None:
    """The short title just above a chart's figures ("各县（区）行政处罚案件数（件）"), if any."""
    top = min(s.top for s in chart)
    x0, x1 = min(s.x0 for s in chart), max(s.x1 for s in chart)
    above = [s for s in segments if s.top < top and s not in chart and s.x0 < x1 and x0 < s.x1]
    if not above:
        return None
    near = max(above, key=lambda s: s.top)
    if top - near.top > 4 * near.size or re.search(r"\d", near.text) or _HEADING_START.match(near.text) \
            or len(near.text) > 2 * _LABEL_MAX or near.text.endswith(_SENTENCE_END[:5]):
        return None
    return near


def _is_ink(c: _Char) -> bool:
    """A character that prints something (not a space, not a zero-width box)."""
    return bool(c.text.strip()) and c.x1 > c.x0


def _make_line(chars: list[_Char], page: int) -> _Line | None:
    ink = [c for c in chars if _is_ink(c)]
    text = normalize_text("".join(c.text for c in chars))
    if not ink or not text:
        return None
    sizes = [c.bottom - c.top for c in ink]
    return _Line(
        text=text,
        page=page,
        x0=min(c.x0 for c in ink),
        x1=max(c.x1 for c in ink),
        top=min(c.top for c in ink),
        size=statistics.median(sizes),
    )


_TOUCH = 0.6  # of the type size: fragments of one line may overlap this much (a closing quote's box)


def _merge_baselines(lines: list[_Line]) -> list[_Line]:
    """Join fragments PDFium reported separately although they sit on one line."""
    merged: list[_Line] = []
    for line in lines:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and not (prev.table_row or line.table_row or prev.labelled or line.labelled)
            and abs(line.top - prev.top) < 0.3 * min(prev.size, line.size)
            and (line.x0 >= prev.x1 - _TOUCH * line.size or prev.x0 >= line.x1 - _TOUCH * line.size)
        ):
            first, second = (prev, line) if prev.x0 <= line.x0 else (line, prev)
            gap = " " if second.x0 - first.x1 > 0.25 * first.size else ""
            merged[-1] = _Line(
                normalize_text(first.text + gap + second.text),
                prev.page,
                first.x0,
                second.x1,
                min(prev.top, line.top),
                prev.size,
            )
        else:
            merged.append(line)
    return merged


# --- tables ---------------------------------------------------------------------------


def _inside(c: _Char, bbox: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = bbox
    cx, cy = (c.x0 + c.x1) / 2, (c.top + c.bottom) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom


def _cell_text(chars: list[_Char], bbox: tuple[float, float, float, float]) -> str:
    pieces: dict[int, list[str]] = {}
    for c in chars:
        if _inside(c, bbox):
            pieces.setdefault(c.line, []).append(c.text)
    return _join_lines(["".join(p).strip() for p in pieces.values()])


def _table_lines(
    table: Any, chars: list[_Char], page: int, page_height: float
) -> tuple[list[_Line], set[int]]:
    """The table's rows as pseudo-lines, and the ids of the characters of a header row found
    above the ruled grid (:func:`_header_above`), which the caller must not read as text."""
    grid = [
        [_slot(table, r, c, chars) for c in range(len(row.cells))]
        for r, row in enumerate(table.rows)
    ]
    x0, top, x1, bottom = table.bbox
    used: set[int] = set()
    if any(is_figure(c) for c in _cells(grid[0])[1:]):  # the grid has no header row
        above = _header_above(chars, _column_edges(table), top)
        if above is not None:
            header, header_chars = above
            grid.insert(0, header)
            used = {id(c) for c in header_chars}
            top = min(c.top for c in header_chars)
    return _grid_lines(grid, page, (x0, top, x1, bottom), page_height), used


def _grid_lines(
    grid: list[list[str | None]], page: int, bbox: tuple[float, float, float, float], page_height: float
) -> list[_Line]:
    """A table's rows rendered (:func:`render_table`) as pseudo-lines at the table's top."""
    x0, top, x1, bottom = bbox
    found = _Table(grid, top, bottom, page_height, rows=list(grid))
    found.lines = [
        _Line(text, page, x0, x1, top + n * 0.001, 0.0, table_row=True, table=found)
        for n, text in enumerate(render_table(grid))
    ]
    return list(found.lines)


def _slot(table: Any, r: int, c: int, chars: list[_Char]) -> str | None:
    """The text of grid slot (r, c); None for a slot merged with the one to its left, ""
    for one covered by a cell of a row above (a header cell spanning two rows: "县（区）"
    beside "行政复议｜行政诉讼" under "行政争议案件"), which adds nothing to its column."""
    cell = table.rows[r].cells[c]
    if cell is not None:
        return _cell_text(chars, cell)
    tops = [b[1] for b in table.rows[r].cells if b is not None]
    row_top = min(tops) if tops else table.rows[r].bbox[1]
    for k in range(r - 1, -1, -1):
        upper = table.rows[k].cells
        if c < len(upper) and upper[c] is not None:
            return "" if upper[c][3] > row_top + 1 else None
    return None


def _column_edges(table: Any) -> list[float]:
    """The x of each column's left rule, and the table's right edge last."""
    width = max(len(row.cells) for row in table.rows)
    edges: list[float] = []
    for c in range(width):
        lefts = [row.cells[c][0] for row in table.rows if c < len(row.cells) and row.cells[c] is not None]
        edges.append(min(lefts) if lefts else (edges[-1] if edges else table.bbox[0]))
    edges.append(table.bbox[2])
    return edges


_HEADER_LINES = 4  # at most this many text lines in a header row drawn without rules


def _header_above(
    chars: list[_Char], edges: list[float], table_top: float
) -> tuple[list[str | None], list[_Char]] | None:
    """A header row printed just above a ruled grid but not ruled itself (the rules are drawn
    for the body cells only): the text lines right above the table whose characters all lie
    between its outer rules, with a gap wherever the text passes a column rule (as cell
    padding leaves), the lines close together and the lowest close to the table.  A cell's text may wrap over several
    lines ("行政复议案件" over "（件）"), and a short label is centred between them ("县（区）"):
    each column's pieces are joined top to bottom.  None when there is no such line or the
    lines give fewer than two labels, or hold figures."""
    left, right = edges[0], edges[-1]
    ink = sorted(filter(_is_ink, chars), key=lambda c: c.top)
    visual = _visual_lines([c for c in ink if c.bottom <= table_top + 1])
    picked: list[list[_Char]] = []
    limit = table_top
    for line in reversed(visual):
        size = statistics.median(c.bottom - c.top for c in line)
        if len(picked) >= _HEADER_LINES or max(c.bottom for c in line) < limit - 1.0 * size:
            break
        if not _fits_columns(line, edges, left, right, size):
            break
        picked.append(line)
        limit = min(c.top for c in line)
    if not picked:
        return None
    header: list[str | None] = []
    for c in range(len(edges) - 1):
        pieces = [
            "".join(ch.text for ch in sorted(line, key=lambda ch: ch.x0) if edges[c] <= _mid(ch) < edges[c + 1])
            for line in reversed(picked)
        ]
        header.append(_join_lines([p.strip() for p in pieces]))
    labels = [h for h in header if h]
    if len(labels) < 2 or any(is_figure(h) for h in labels):
        return None
    return header, [ch for line in picked for ch in line]


def _mid(c: _Char) -> float:
    return (c.x0 + c.x1) / 2


def _visual_lines(ink: list[_Char]) -> list[list[_Char]]:
    """Characters (sorted by top) grouped into printed lines, top to bottom: a character
    whose vertical middle is within the line's first character's box joins that line."""
    lines: list[list[_Char]] = []
    for c in ink:
        if lines and lines[-1][0].top <= (c.top + c.bottom) / 2 <= lines[-1][0].bottom:
            lines[-1].append(c)
        else:
            lines.append([c])
    return lines


def _fits_columns(line: list[_Char], edges: list[float], left: float, right: float, size: float) -> bool:
    """Is this printed line a row of cell texts: all of it between the table's outer rules,
    and a gap where the text passes from one column to the next (running text, a caption
    centred over the table, crosses the rules without one)?  PDFium's loose boxes of
    full-width punctuation may reach over a rule ("县（区）"), so only the gap is measured."""
    if any(_mid(c) < left or _mid(c) > right for c in line):
        return False
    inner = edges[1:-1]
    ordered = sorted(line, key=lambda c: c.x0)
    for a, b in zip(ordered, ordered[1:], strict=False):
        if any(_mid(a) < x <= _mid(b) for x in inner) and b.x0 - a.x1 < 0.35 * size:
            return False
    return True


# --- three-line tables (三线表) -------------------------------------------------------

_RULE_MAX_THICKNESS = 3.0  # a filled rectangle thinner than this is a rule, not a box
_RULE_MIN_WIDTH = 40.0
_SAME_SPAN = 0.9  # rules of one table each span this share of the other's width
_MIN_COLUMN_GAP = 0.5  # of the body's character height: the gap between two columns


@dataclass
class _Rule:
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0


def _rules(objects: list[dict[str, Any]]) -> tuple[list[_Rule], list[_Rule]]:
    """Horizontal rules (top to bottom) and vertical strokes drawn on a page, from pdfplumber's
    line and rect objects.  A rule drawn in pieces (chromium draws a table border cell by
    cell; a thick rule is a thin filled rectangle) is joined into one."""
    pieces: list[_Rule] = []
    vertical: list[_Rule] = []
    for obj in objects:
        seg = _Rule(float(obj["x0"]), float(obj["x1"]), float(obj["top"]), float(obj["bottom"]))
        height = seg.bottom - seg.top
        if height <= _RULE_MAX_THICKNESS and seg.width >= 4 * max(height, 1.0):
            pieces.append(seg)
        elif seg.width <= _RULE_MAX_THICKNESS and height >= 4 * max(seg.width, 1.0):
            vertical.append(seg)
    bands: list[list[_Rule]] = []
    for seg in sorted(pieces, key=lambda r: r.top):
        if bands and seg.top <= max(r.bottom for r in bands[-1]) + 0.5:
            bands[-1].append(seg)
        else:
            bands.append([seg])
    rules: list[_Rule] = []
    for band in bands:
        joined: list[_Rule] = []
        for seg in sorted(band, key=lambda r: r.x0):
            last = joined[-1] if joined else None
            if last is not None and seg.x0 <= last.x1 + 2:
                joined[-1] = _Rule(last.x0, max(last.x1, seg.x1), min(last.top, seg.top), max(last.bottom, seg.bottom))
            else:
                joined.append(seg)
        rules.extend(r for r in joined if r.width >= _RULE_MIN_WIDTH)
    return sorted(rules, key=lambda r: r.top), vertical


def _near_box(rule: _Rule, box: tuple[float, float, float, float]) -> bool:
    """Is the rule one of the rules of a ruled table found in ``box``?"""
    x0, top, x1, bottom = box
    return rule.x1 > x0 and rule.x0 < x1 and top - 2 <= rule.top <= bottom + 2


def _same_span(a: _Rule, b: _Rule) -> bool:
    overlap = min(a.x1, b.x1) - max(a.x0, b.x0)
    return overlap >= _SAME_SPAN * max(a.width, b.width)


def _three_line_tables(
    horizontal: list[_Rule], vertical: list[_Rule], chars: list[_Char], page: int, page_height: float
) -> list[tuple[list[_Line], tuple[float, float, float, float]]]:
    """Tables drawn with horizontal rules only (三线表): a rule above the header row, one under
    it and one under the last row, each spanning (nearly) the width of the others; rules
    shorter than that (under a group of columns) are passed over.  Each is the rendered rows
    and the box the table covers; see :func:`_three_line_table` for what is required."""
    found: list[tuple[list[_Line], tuple[float, float, float, float]]] = []
    i = 0
    while i < len(horizontal):
        first = horizontal[i]
        below = [k for k in range(i + 1, len(horizontal)) if _same_span(first, horizontal[k])]
        table = None
        if len(below) >= 2:
            middle, last = horizontal[below[0]], horizontal[below[1]]
            if _same_span(middle, last):
                table = _three_line_table((first, middle, last), vertical, chars, page, page_height)
        if table is None:
            i += 1
            continue
        found.append(table)
        i = below[1] + 1
    return found


def _three_line_table(
    rules: tuple[_Rule, _Rule, _Rule], vertical: list[_Rule], chars: list[_Char], page: int, page_height: float
) -> tuple[list[_Line], tuple[float, float, float, float]] | None:
    """The table between a top rule, a rule under the header row and a bottom rule, or None
    unless it is clearly one: no vertical stroke and no text beside it between the rules;
    a header of one to four printed lines; at least two body rows, each with text in at
    least two columns; columns separated by gaps in the text that every body row leaves
    open (a paragraph's lines leave none) and that the header lines respect too; at least
    two header labels, none of them a figure.  Each body row is one printed line."""
    top, middle, bottom = rules
    left, right = min(r.x0 for r in rules), max(r.x1 for r in rules)
    if any(v.x0 > left + 2 and v.x1 < right - 2 and v.bottom > top.top + 3 and v.top < bottom.bottom - 3
           for v in vertical):
        return None
    ink = sorted((c for c in chars if _is_ink(c) and top.top < _ymid(c) < bottom.bottom),
                 key=lambda c: c.top)
    if any(_mid(c) < left - 1 or _mid(c) > right + 1 for c in ink):
        return None
    head = _visual_lines([c for c in ink if _ymid(c) < middle.top])
    body = _visual_lines([c for c in ink if _ymid(c) > middle.bottom])
    if not head or len(head) > _HEADER_LINES or len(body) < 2:
        return None
    size = statistics.median(c.bottom - c.top for line in body for c in line)
    edges = [left, *_column_gaps(body, _MIN_COLUMN_GAP * size), right]
    # the gaps the header leaves open too, when it has as many: a label wider than its figures
    # ("行政复议受理（件）" over "5460") starts left of the middle of the figures' gap
    both = [left, *_column_gaps(head + body, _MIN_COLUMN_GAP * size), right]
    if len(both) == len(edges):
        edges = both
    if len(edges) < 3 or not all(_fits_columns(line, edges, left, right, size) for line in head + body):
        return None
    columns = range(len(edges) - 1)
    header: list[str | None] = [
        _join_lines([_column_text(line, edges[c], edges[c + 1], size) for line in head]) for c in columns
    ]
    labels = [h for h in header if h]
    if len(labels) < 2 or any(is_figure(h) for h in labels):
        return None
    rows: list[list[str | None]] = []
    for line in body:
        row: list[str | None] = [_column_text(line, edges[c], edges[c + 1], size) for c in columns]
        if sum(1 for cell in row if cell) < 2:
            return None
        rows.append(row)
    box = (left, top.top, right, bottom.bottom)
    return _grid_lines([header, *rows], page, box, page_height), box


def _ymid(c: _Char) -> float:
    return (c.top + c.bottom) / 2


def _column_gaps(lines: list[list[_Char]], min_gap: float) -> list[float]:
    """The middles of the gaps (at least ``min_gap`` wide) between text that every line
    leaves open: column boundaries of rows whose cells are printed apart."""
    spans = sorted((c.x0, c.x1) for line in lines for c in line)
    gaps: list[float] = []
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach >= min_gap:
            gaps.append((reach + x0) / 2)
        reach = max(reach, x1)
    return gaps


def _column_text(line: list[_Char], x0: float, x1: float, size: float) -> str:
    """The text of one printed line between two column boundaries; a space where the
    characters stand apart ("2.13 万件")."""
    text = ""
    last: _Char | None = None
    for c in sorted((c for c in line if x0 <= _mid(c) < x1), key=lambda c: c.x0):
        if last is not None and c.x0 - last.x1 > 0.25 * size:
            text += " "
        text += c.text
        last = c
    return normalize_text(text)


# --- page furniture -------------------------------------------------------------------


def _furniture_key(text: str) -> str:
    """Lines compared across pages: short lines ignoring digits (page numbers, dates in
    running headers), long lines exactly (digit-masked body lines look alike too often)."""
    compact = text.replace(" ", "")
    return re.sub(r"\d+", "#", compact) if len(compact) <= _SHORT_FURNITURE else compact


def _edges(lines: list[_Line]) -> list[_Line]:
    if len(lines) <= 2 * _EDGE_LINES:
        return list(lines)
    return lines[:_EDGE_LINES] + lines[-_EDGE_LINES:]


def _drop_furniture(pages: list[list[_Line]]) -> None:
    """Remove page numbers and running headers/footers in place (see module doc)."""
    counts: dict[str, int] = {}
    for lines in pages:
        for key in {_furniture_key(ln.text) for ln in _edges(lines) if not ln.table_row}:
            counts[key] = counts.get(key, 0) + 1
    threshold = max(2, (len(pages) + 1) // 2)
    repeated = {key for key, n in counts.items() if n >= threshold}
    for lines in pages:
        furniture = [
            ln
            for ln in _edges(lines)
            if not ln.table_row
            and (_PAGE_NUMBER.match(ln.text) or _furniture_key(ln.text) in repeated)
        ]
        for line in furniture:
            lines.remove(line)


# --- tables across a page break ------------------------------------------------------

_CONTINUED_TABLE = re.compile(r"^(?:续表\s*\S{0,8}|(?:表\s*\S{0,8}\s*)?[（(]\s*续表?\s*[)）]|(?:表\s*\S{0,8}\s*)?续)$")
_MAX_BOTTOM_GAP = 0.2  # a table more than this share of the page above the text bottom ended
_YEAR_LABEL = re.compile(r"^(?:19|20)\d{2}\s*年")
_LABEL_MAX_CHARS = 20
_SENTENCE_MARKS = frozenset("，。；！？、")


def _cells(row: list[str | None]) -> list[str]:
    return [normalize_text(c or "") for c in row]


def _has_figure(row: list[str | None]) -> bool:
    """A value cell after the row label: digits that are not a year label ("2024年")."""
    return any(re.search(r"\d", c) and not _YEAR_LABEL.match(c) for c in _cells(row)[1:])


def _label_like(row: list[str | None]) -> bool:
    """Short cells without sentence punctuation or figures, as a header row holds."""
    cells = [c for c in _cells(row) if c]
    return bool(cells) and not _has_figure(row) and all(
        len(c) <= _LABEL_MAX_CHARS and not _SENTENCE_MARKS & set(c) for c in cells
    )


def _continuation_rows(
    whole: list[list[str | None]], part: list[list[str | None]]
) -> list[list[str | None]] | None:
    """The rows of ``part`` that continue the table ``whole`` (a repeated header dropped),
    or None when ``part`` starts with a header of its own: it is another table."""
    part = [row for row in part if any(_cells(row))]
    if not part:
        return None
    repeated = 0
    while (repeated < min(3, len(part), len(whole) - 1)
           and _cells(part[repeated]) == _cells(whole[repeated])):
        repeated += 1
    if repeated:
        return part[repeated:]
    first, header = part[0], whole[0]
    if _has_figure(header):  # the table has no header row: nothing to carry over
        return None
    first_cell, header_cell = _cells(first)[0], _cells(header)[0]
    if (
        _has_figure(first)
        or (first_cell.isdigit() and not header_cell.isdigit())
        or (_label_like(header) and not _label_like(first))
    ):
        return part
    return None


def _text_bottom(pages: list[list[_Line]]) -> float:
    """The lowest body text or table on any page: where the text area ends."""
    return max(
        (ln.table.bottom if ln.table is not None else ln.top + ln.size)
        for lines in pages
        for ln in lines
    )


def _join_continued_tables(pages: list[list[_Line]]) -> None:
    """Render a table continued on the next page as one table (see module doc, step 5)."""
    if not any(pages):
        return
    text_bottom = _text_bottom(pages)
    for number in range(1, len(pages)):
        before, lines = pages[number - 1], pages[number]
        if not before or not lines or before[-1].table is None:
            continue
        start = 0
        while start < min(2, len(lines)) and not lines[start].table_row \
                and _CONTINUED_TABLE.match(lines[start].text.replace(" ", "")):
            start += 1
        if start >= len(lines) or lines[start].table is None:
            continue
        whole, part = before[-1].table, lines[start].table
        if whole is None or part is None or (
            whole.bottom < text_bottom - _MAX_BOTTOM_GAP * whole.page_height
            or _width(whole.grid) != _width(part.grid)
        ):
            continue
        rows = _continuation_rows(whole.rows, part.grid)
        if rows is None:
            continue
        _render_continued(whole, part, rows, lines, start)


def _width(grid: list[list[str | None]]) -> int:
    return max((len(row) for row in grid), default=0)


def _render_continued(
    whole: _Table, part: _Table, rows: list[list[str | None]], lines: list[_Line], start: int
) -> None:
    """Re-render ``whole`` with ``rows`` appended: the rows already placed keep their lines
    (and pages), the new rows replace ``part``'s lines at the top of ``lines``.

    Every row of ``rows`` gives one text, at the end; the texts before them go to the lines
    already placed (a part that held only header rows, whose second header row was taken
    for data while the part was alone, loses that line)."""
    texts = render_table(whole.rows + rows)
    placed = min(len(whole.lines), max(0, len(texts) - len(rows)))
    for n, line in enumerate(whole.lines):
        line.text = texts[n] if n < placed else ""  # an empty line makes no block
    old = part.lines[0] if part.lines else lines[start]
    page = lines[start].page
    new = [
        _Line(text, page, old.x0, old.x1, part.top + n * 0.001, 0.0, table_row=True, table=part)
        for n, text in enumerate(texts[placed:])
    ]
    kept = [ln for ln in lines[start:] if ln.table is not part]
    lines[:] = new + kept
    part.rows = whole.rows + rows
    part.lines = whole.lines + new


# --- paragraphs -----------------------------------------------------------------------


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _measure(lines: list[_Line]) -> _Layout:
    text_lines = [ln for ln in lines if not ln.table_row] or lines
    sizes = [ln.size for ln in text_lines if ln.size > 0] or [10.0]
    pitches = [
        b.top - a.top
        for a, b in zip(text_lines, text_lines[1:], strict=False)
        if a.page == b.page and 0 < b.top - a.top < 3 * a.size
    ]
    char_width = _median_cjk_width(text_lines) or statistics.median(sizes)
    return _Layout(
        left=_percentile([ln.x0 for ln in text_lines], 0.1),
        right=_percentile([ln.x1 for ln in text_lines], 0.9),
        char_width=char_width,
        pitch=statistics.median(pitches) if pitches else statistics.median(sizes) * 1.5,
    )


def _median_cjk_width(lines: list[_Line]) -> float | None:
    """Width of a CJK character, from lines made only of CJK text."""
    widths = [
        (ln.x1 - ln.x0) / len(ln.text) for ln in lines if len(ln.text) >= 4 and _only_cjk(ln.text)
    ]
    return statistics.median(widths) if widths else None


def _only_cjk(text: str) -> bool:
    return cjk_count(text) + sum(ch in "，。、；：“”（）《》" for ch in text) == len(text)


def _ends_sentence(text: str) -> bool:
    return text.endswith(_SENTENCE_END)


_SIZE_CHANGE = 1.3  # a paragraph keeps its type size


def _is_break(a: _Line, b: _Line, layout: _Layout) -> bool:
    """Does the paragraph end between line ``a`` and the following line ``b``?"""
    if a.table_row or b.table_row or a.labelled or b.labelled:
        return True
    if not (a.ocr or b.ocr) and max(a.size, b.size) > _SIZE_CHANGE * min(a.size, b.size):
        return True  # a title over its text, a slide's heading after the last slide's bullet
    if a.page != b.page and a.ocr != b.ocr:  # a scanned page next to a text page
        return True
    if a.page == b.page and b.top - a.top > 1.3 * layout.pitch:
        return True
    if b.x0 > layout.left + 0.8 * layout.char_width:
        return True
    if a.x0 > layout.left + 4 * layout.char_width:  # a centred or right-aligned line: a title
        return True
    if _wrapped_before_number(a, b, layout):
        return False
    short = a.x1 < layout.right - 2.5 * layout.char_width
    very_short = a.x1 - layout.left < 0.75 * layout.width
    if very_short or (short and _ends_sentence(a.text)):
        return True
    if short and _HEADING_START.match(a.text):
        return True
    return bool(_HEADING_START.match(b.text) and (short or _ends_sentence(a.text)))


# A run of digits or latin letters (with the punctuation that may not start a line) is never
# broken, so a line ends early when such a run does not fit: "…提高到" | "95.8%；…".
_UNBREAKABLE = re.compile(r"^[0-9A-Za-z.．%％+\-/]+[，。、；：%％）)]?")
_LATIN_WIDTH = 0.6  # of a CJK character's width, for a digit or latin letter


def _wrapped_before_number(a: _Line, b: _Line, layout: _Layout) -> bool:
    """Did line ``a`` end early only because ``b``'s leading number did not fit after it?"""
    run = _UNBREAKABLE.match(b.text)
    if run is None or _ends_sentence(a.text) or not a.text or cjk_count(a.text[-1]) == 0:
        return False
    text = run.group()
    latin = sum(ch.isascii() for ch in text)
    needed = (_LATIN_WIDTH * latin + (len(text) - latin)) * layout.char_width
    return layout.right - a.x1 < needed + 0.5 * layout.char_width


def _join_lines(texts: list[str]) -> str:
    """Join wrapped lines: no space in CJK text, one space between latin words.

    A space is added only when a latin letter meets a latin letter or digit (or an ASCII
    sign meets a letter); digit + digit is a number wrapped mid-way and is glued.
    """
    out = ""
    for text in filter(None, texts):
        if out and _needs_space(out[-1], text[0]):
            out += " "
        out += text
    return out


def _needs_space(last: str, first: str) -> bool:
    if not (last.isascii() and first.isascii()) or last in "- ":
        return False
    return first.isalpha() or (first.isdigit() and last.isalpha())


def _paragraphs(lines: list[_Line], layout: _Layout) -> list[Block]:
    blocks: list[Block] = []
    current: list[_Line] = []
    for line in lines:
        if current and _is_break(current[-1], line, layout):
            blocks.append(_block(current))
            current = []
        current.append(line)
    if current:
        blocks.append(_block(current))
    return [b for b in blocks if b.text]


def _block(lines: list[_Line]) -> Block:
    return Block(normalize_text(_join_lines([ln.text for ln in lines])), page=lines[0].page)
