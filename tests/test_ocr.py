"""OCR: scans the tests render themselves (Pillow + a CJK font), a mixed PDF, image files.

The page layout and the engine-independent parts (rows, cells, tables, doubtful lines) are
tested with a fake engine; the real RapidOCR runs on one rendered page, one mixed PDF and one
PNG (marked slow: about 3 CPU-seconds a page).
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from ingest import ocr
from ingest.blocks import Block
from ingest.loaders import load_document
from ingest.ocr import DOUBT_MARK, OcrLine, layout_lines

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
)

TEXT_LINES = [
    "鹭洲市明湖区2023年法治政府建设年度报告",
    "一、主要工作和成效",
    "全年办理法律援助案件734件，同比增长12%。",
    "引进律师事务所9家，新增执业律师56名。",
    "行政复议申请1376件，受理1192件。",
]
TABLE = [["指标", "2022年", "2023年"], ["律师事务所", "8家", "9家"], ["法律援助案件", "650件", "734件"]]


def _font_path() -> str:
    found = next((f for f in FONT_CANDIDATES if Path(f).exists()), None)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("no CJK font: .ci/run installs fonts-wqy-microhei")
        pytest.skip("no CJK font found (apt-get install fonts-wqy-microhei)")
    return found


def render_scan(lines: list[str], table: list[list[str]] | None = None, size: int = 32):
    """A white A4-ish page (150 dpi) with the lines (a title first: centred), and a ruled
    table below them."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(_font_path(), size)
    image = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(image)
    y = 120
    for n, line in enumerate(lines):
        x = 120
        if n == 0 and line.endswith("报告"):
            x = (image.width - int(draw.textlength(line, font=font))) // 2
        draw.text((x, y), line, fill="black", font=font)
        y += int(size * 1.9)
    if table:
        y += 40
        width, height = 300, int(size * 1.8)
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                box = [120 + c * width, y + r * height, 120 + (c + 1) * width, y + (r + 1) * height]
                draw.rectangle(box, outline="black", width=2)
                draw.text((box[0] + 14, box[1] + 10), cell, fill="black", font=font)
    return image


# --- layout, engine-independent ------------------------------------------------------------


def _box(text: str, x0: float, top: float, score: float = 0.99, h: float = 30) -> OcrLine:
    return OcrLine(text, x0, top, x0 + 30 * len(text), top + h, score)


def test_layout_rebuilds_table_rows_from_boxes() -> None:
    boxes = [  # OCR order scrambles tables: shuffled on purpose
        _box("法律援助案件", 90, 522), _box("650件", 385, 519), _box("2022年", 386, 408),
        _box("指标", 85, 406), _box("2023年", 687, 408), _box("律师事务所", 90, 466),
        _box("9家", 685, 463), _box("8家", 384, 464), _box("734件", 686, 519),
        _box("全年办理法律援助案件734件，同比增长12%。", 78, 181),
    ]
    laid = layout_lines(boxes)
    assert [ln.text for ln in laid] == [
        "全年办理法律援助案件734件，同比增长12%。",
        "律师事务所｜2022年：8家｜2023年：9家",
        "法律援助案件｜2022年：650件｜2023年：734件",
    ]
    assert [ln.table_row for ln in laid] == [False, True, True]


def test_close_header_boxes_do_not_join_the_columns_below() -> None:
    """A header's year boxes close together (one cell by the gap rule) stand over two columns the
    data rows keep apart: each value stays in its own year's column, not "412486"."""
    def box(text: str, x0: float, x1: float, top: float) -> OcrLine:
        return OcrLine(text, x0, top, x1, top + 25, 0.99)

    boxes = [box("项目", 131, 169, 100), box("2024年", 247, 308, 100), box("2025年", 321, 384, 100),
             box("同比", 440, 481, 100),
             box("行政复议案件（件）", 78, 215, 150), box("412", 261, 295, 150), box("486", 335, 371, 150),
             box("增长18.0%", 417, 501, 150),
             box("行政诉讼案件（件）", 78, 215, 200), box("97", 264, 291, 200), box("88", 339, 366, 200),
             box("下降9.3%", 424, 498, 200)]
    laid = [ln.text for ln in layout_lines(boxes)]
    assert laid == ["行政复议案件（件）｜2024年：412｜2025年：486｜同比：增长18.0%",
                    "行政诉讼案件（件）｜2024年：97｜2025年：88｜同比：下降9.3%"]


def test_low_confidence_lines_are_kept_and_marked() -> None:
    laid = layout_lines([_box("全年受理行政复议案件120件。", 80, 100),
                         _box("新增执业律师S6名。", 80, 160, score=0.31)])
    assert [ln.text for ln in laid] == ["全年受理行政复议案件120件。", f"新增执业律师S6名。{DOUBT_MARK}"]
    assert ocr.doubtful_count([_box("x", 0, 0, 0.2), _box("y", 0, 50, 0.9)]) == 1


class _FakeEngine:
    """Stands in for RapidOCR: returns fixed lines for any page."""

    name = "fake"

    def __init__(self, lines: list[OcrLine]):
        self.lines, self.calls = lines, 0

    def read(self, image):
        self.calls += 1
        return [OcrLine(ln.text.replace("{n}", str(self.calls)), ln.x0, ln.top, ln.x1, ln.bottom,
                        ln.score) for ln in self.lines]


@pytest.fixture
def fake_engine():
    engine = _FakeEngine([_box("明湖区2023年全年办理法律援助案件734件。", 80, 100)])
    ocr.set_engine(engine)
    yield engine
    ocr.set_engine(None)


def test_image_file_goes_through_the_ocr_interface(tmp_path: Path, fake_engine) -> None:
    from PIL import Image

    Image.new("RGB", (200, 100), "white").save(tmp_path / "扫描件.jpg")
    loaded = load_document(tmp_path / "扫描件.jpg")
    assert loaded.kind == "image" and loaded.ocr_pages == [1]
    assert [b.text for b in loaded.blocks] == ["明湖区2023年全年办理法律援助案件734件。"]
    assert fake_engine.calls == 1


def test_pdf_pages_without_text_are_ocrd_and_reported(tmp_path: Path, fake_engine) -> None:
    """Page 5 is blank (no text layer, no image): OCR'd; an empty OCR result is reported."""
    from pypdf import PdfWriter

    from tests.conftest import SAMPLES

    writer = PdfWriter(clone_from=SAMPLES / "明湖区_2023.pdf")
    writer.add_blank_page(595, 842)
    writer.write(tmp_path / "mixed.pdf")
    loaded = load_document(tmp_path / "mixed.pdf")
    assert loaded.pages == 5 and loaded.ocr_pages == [5] and loaded.unreadable_pages == []
    ocr_blocks = [b for b in loaded.blocks if "明湖区2023年全年办理法律援助案件734件" in b.text]
    assert [b.page for b in ocr_blocks] == [5]
    assert {b.page for b in loaded.blocks} == {1, 2, 3, 4, 5}  # text pages keep their numbers

    fake_engine.lines = []
    loaded = load_document(tmp_path / "mixed.pdf")
    assert loaded.ocr_pages == [] and loaded.unreadable_pages == [5]


# --- the real engine (RapidOCR, offline) ----------------------------------------------------


def _accuracy(got: str, expected: str) -> float:
    return difflib.SequenceMatcher(None, got, expected, autojunk=False).ratio()


@pytest.mark.slow
def test_rapidocr_reads_a_rendered_scan_with_its_table(tmp_path: Path) -> None:
    render_scan(TEXT_LINES, TABLE).save(tmp_path / "扫描件.png")
    loaded = load_document(tmp_path / "扫描件.png")
    texts = [b.text for b in loaded.blocks]
    got = "".join(t for t in texts if "：" not in t)
    assert _accuracy(got, "".join(TEXT_LINES)) >= 0.97, texts
    assert "律师事务所｜2022年：8家｜2023年：9家" in texts, texts
    assert "法律援助案件｜2022年：650件｜2023年：734件" in texts, texts
    assert loaded.kind == "image" and loaded.ocr_pages == [1]


@pytest.mark.slow
def test_mixed_pdf_text_pages_read_scanned_page_ocrd(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    from tests.conftest import SAMPLES

    render_scan(TEXT_LINES[2:]).save(tmp_path / "scan.pdf", resolution=150)
    text_pages = PdfReader(SAMPLES / "明湖区_2023.pdf").pages
    writer = PdfWriter()
    writer.add_page(text_pages[0])
    writer.add_page(PdfReader(tmp_path / "scan.pdf").pages[0])
    writer.add_page(text_pages[1])
    writer.write(tmp_path / "mixed.pdf")

    pages_seen: list[tuple[int, int]] = []
    loaded = load_document(tmp_path / "mixed.pdf", progress=lambda d, t: pages_seen.append((d, t)))
    assert pages_seen == [(1, 3), (2, 3), (3, 3)]
    assert loaded.pages == 3 and loaded.ocr_pages == [2] and loaded.unreadable_pages == []
    by_page: dict[int | None, str] = {}
    for block in loaded.blocks:
        by_page[block.page] = by_page.get(block.page, "") + block.text
    assert "受理1192件" in by_page[2] and "引进律师事务所9家" in by_page[2]
    assert "鹭洲市明湖区" in by_page[1] and 3 in by_page


def _outline_pdf(path: Path, lines: list[str]) -> None:
    """A page whose glyphs are vector paths ("print to PDF" from some government systems):
    no text layer and no image — every run of dark pixels of a rendering is a filled rect."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, NameObject

    font = ImageFont.truetype(_font_path(), 40)
    image = Image.new("L", (1100, 60 * len(lines) + 20), 255)
    draw = ImageDraw.Draw(image)
    for n, line in enumerate(lines):
        draw.text((10, 10 + 60 * n), line, fill=0, font=font)
    dark = np.asarray(image) < 128
    scale, left, top = 0.4, 60, 100  # pixels → points: 40 px glyphs become 16 pt
    ops = ["0 g"]
    for y, row in enumerate(dark):
        edges = np.flatnonzero(np.diff(np.concatenate(([0], row.astype(np.int8), [0]))))
        for x0, x1 in zip(edges[::2], edges[1::2], strict=True):
            ops.append(f"{left + x0 * scale:.1f} {842 - top - (y + 1) * scale:.1f} "
                       f"{(x1 - x0) * scale:.1f} {scale:.1f} re")
    ops.append("f")
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    stream = DecodedStreamObject()
    stream.set_data("\n".join(ops).encode())
    page[NameObject("/Contents")] = writer._add_object(stream)
    writer.write(path)


@pytest.mark.slow
def test_glyphs_drawn_as_outlines_are_ocrd(tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    _outline_pdf(tmp_path / "outlines.pdf", TEXT_LINES[2:4])
    document = pdfium.PdfDocument(str(tmp_path / "outlines.pdf"))
    assert document[0].get_textpage().count_chars() == 0  # really no text layer
    document.close()
    loaded = load_document(tmp_path / "outlines.pdf")
    assert loaded.ocr_pages == [1] and loaded.pages == 1
    got = "".join(b.text for b in loaded.blocks)
    assert _accuracy(got, "".join(TEXT_LINES[2:4])) >= 0.95, got
    assert "734件" in got and "律师事务所9家" in got


def test_ocr_work_per_file_is_bounded(tmp_path: Path, fake_engine, monkeypatch) -> None:
    """A tiny PDF of many blank pages cannot make one upload OCR for hours."""
    from pypdf import PdfWriter

    from ingest.errors import IngestError

    writer = PdfWriter()
    for _ in range(6):
        writer.add_blank_page(595, 842)
    writer.write(tmp_path / "blank_pages.pdf")
    fake_engine.lines = [_box("第{n}页：全年办理法律援助案件{n}件，同比增长{n}%，群众满意度持续提升。", 80, 100)]
    monkeypatch.setenv("FAZHI_MAX_OCR_PAGES", "5")
    with pytest.raises(IngestError) as info:
        load_document(tmp_path / "blank_pages.pdf")
    assert "超过上限 5 页" in str(info.value) and "FAZHI_MAX_OCR_PAGES" in str(info.value)
    assert fake_engine.calls == 5
    monkeypatch.setenv("FAZHI_MAX_OCR_PAGES", "6")
    assert load_document(tmp_path / "blank_pages.pdf").ocr_pages == [1, 2, 3, 4, 5, 6]


def test_scanned_ofd_page_is_ocrd(tmp_path: Path, fake_engine) -> None:
    import io

    from PIL import Image

    from tests.ofd_writer import write_ofd

    png = io.BytesIO()
    Image.new("RGB", (400, 560), "white").save(png, format="PNG")
    write_ofd(tmp_path / "扫描.ofd", [[(25, 30, "鹭洲市明湖区2023年法治政府建设年度报告")], []],
              images={1: png.getvalue()})
    loaded = load_document(tmp_path / "扫描.ofd")
    assert loaded.kind == "ofd" and loaded.ocr_pages == [2] and loaded.unreadable_pages == []
    assert [(b.text, b.page) for b in loaded.blocks] == [
        ("鹭洲市明湖区2023年法治政府建设年度报告", 1), ("明湖区2023年全年办理法律援助案件734件。", 2)]
    assert fake_engine.calls == 1


def test_a_place_misread_by_one_character_is_the_file_names(tmp_path: Path) -> None:
    """OCR reads a rare character of a place wrongly (濸川县 as 潔川县): the document is the place its
    file's name writes, by a build of the scanned image; a typed document keeps its own title's."""
    from PIL import Image

    from ingest.build import Job, build
    from ingest.pipeline import Overrides, prepare

    engine = _FakeEngine([
        OcrLine("潔川县2025年法治政府建设年度报告", 300, 100, 900, 140, 0.99),
        OcrLine("2025年，县人民政府深入推进法治政府建设，全年办理行政复议案件120件，同比增长",
                100, 200, 1100, 230, 0.99),
        OcrLine("12%，行政机关负责人出庭应诉率100%。", 100, 245, 600, 275, 0.99)])
    ocr.set_engine(engine)
    try:
        Image.new("RGB", (1240, 600), "white").save(tmp_path / "濸川县_2025.png")
        job = Job(path=tmp_path / "濸川县_2025.png", source="濸川县_2025.png", key="k", sha="s",
                  overrides=Overrides(), chunk_size=300, overlap=1)
        doc = build(job).doc
    finally:
        ocr.set_engine(None)
    assert (doc.region, doc.title) == ("濸川县", "濸川县2025年法治政府建设年度报告")
    typed = prepare([Block("潔川县2025年法治政府建设年度报告"), Block("全年办理行政复议案件120件。")], "濸川县_2025")
    assert typed.info.region == "潔川县"
