"""One two-page report (an excerpt of ``samples/明湖区_2023.txt`` with a table of year columns)
delivered in every format the loaders read: .txt, .docx, .html, text PDF, scanned PDF, mixed
PDF (page 1 text, page 2 scanned), .doc/.wps (committed, see ``fixtures/formats/README.md``)
and .ofd.  Used by ``tests/test_same_answers_across_formats.py``.

``python -m tests.same_report DIR`` writes the .docx the committed .doc was converted from.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.conftest import FIXTURES

TITLE = "鹭洲市明湖区2023年法治政府建设年度报告"
TABLE_CAPTION = "表1  2022—2023年明湖区行政执法和行政争议化解主要数据"
TABLE = [
    ["指标", "2022年", "2023年"],
    ["行政复议申请（件）", "241", "263"],
    ["行政复议纠错率", "6.1%", "5.2%"],
    ["一审行政诉讼收案（件）", "95", "88"],
    ["负责人出庭应诉率", "96.4%", "98.7%"],
]
SIGNATURE = ["鹭洲市明湖区人民政府", "2024年3月15日"]

# Items per page: ("title"|"heading"|"para"|"caption"|"table"|"sign", text or rows).
PAGE_1: list[tuple[str, object]] = [
    ("title", TITLE),
    ("para", "2023年，明湖区坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，"
             "紧扣“法治明湖·品质之城”建设目标，持续推进法治政府建设提质增效。现将有关情况报告如下。"),
    ("heading", "一、主要举措和成效"),
    ("heading", "（一）坚持依法科学民主决策"),
    ("para", "2023年度区政府重大行政决策事项目录共列入7项事项，公开征求意见期限均不少于30日，"
             "共收集公众意见209条，采纳61条。全年审查区政府行政规范性文件12件、区政府合同334份，"
             "出具合法性审查意见书431份。"),
    ("heading", "（二）坚持严格规范公正文明执法"),
    ("para", "轻微违法行为免罚清单事项扩充至157项，全年适用免罚清单办理案件268件，"
             "减免罚款131.2万元。全区行政执法和行政争议化解主要数据见表1。"),
    ("caption", TABLE_CAPTION),
    ("table", TABLE),
]
PAGE_2: list[tuple[str, object]] = [
    ("heading", "（三）坚持多元化解矛盾纠纷"),
    ("para", "“湖心茶话”品牌调解室增至12个，推行“人民调解+司法确认”衔接机制，"
             "全年对调解协议申请司法确认318件。"),
    ("heading", "（四）坚持深化法治宣传教育"),
    ("para", "深入实施“八五”普法规划，全年开展“明法讲堂”法治宣讲402场，覆盖群众5.6万人次。"
             "办理法律援助案件812件，挽回经济损失1645万元。"),
    ("heading", "二、党政主要负责人履行推进法治建设第一责任人职责情况"),
    ("para", "区政府主要负责人全年主持召开区政府常务会议专题研究法治政府建设工作4次，会前学法11次，"
             "带头出庭应诉行政诉讼案件2件。"),
    ("heading", "三、2024年法治政府建设主要安排"),
    ("para", "全面实施新修订的行政复议法，深化数字法治政府建设，力争全年新引进律师事务所8家以上。"),
    ("sign", SIGNATURE[0]),
    ("sign", SIGNATURE[1]),
]
PAGES = [PAGE_1, PAGE_2]
DOC = FIXTURES / "formats" / "明湖区_2023_两页.doc"

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
)


def font_path() -> str | None:
    return next((f for f in FONT_CANDIDATES if Path(f).exists()), None)


def _items() -> list[tuple[str, object]]:
    return [*PAGE_1, *PAGE_2]


def _wrap(text: str, width: int, indent: int = 2) -> list[str]:
    """Lines of at most ``width`` characters, the first indented by ``indent`` spaces' worth
    (the caller places it)."""
    lines, first = [], width - indent
    while text:
        n = first if not lines else width
        lines.append(text[:n])
        text = text[n:]
    return lines


# --- flowing formats --------------------------------------------------------------------


def write_txt(path: Path) -> Path:
    """Plain text as Word's "save as plain text" writes it: a table row per line, tab-separated."""
    out = []
    for kind, value in _items():
        if kind == "table":
            out.extend("\t".join(row) for row in value)  # type: ignore[union-attr]
        else:
            out.append(str(value))
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def write_docx(path: Path) -> Path:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = Document()
    for kind, value in _items():
        if kind == "table":
            rows = value  # type: ignore[assignment]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
            continue
        paragraph = document.add_paragraph(str(value))
        if kind == "title":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "sign":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.save(path)
    return path


def write_html(path: Path) -> Path:
    from html import escape

    body = []
    for kind, value in _items():
        if kind == "table":
            rows = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>"
                           for row in value)  # type: ignore[union-attr]
            body.append(f'<table border="1">{rows}</table>')
        elif kind == "title":
            body.append(f"<h1>{escape(str(value))}</h1>")
        elif kind == "heading":
            body.append(f"<h3>{escape(str(value))}</h3>")
        else:
            body.append(f"<p>{escape(str(value))}</p>")
    path.write_text('<!DOCTYPE html><html><head><meta charset="utf-8"><title>'
                    f"{TITLE}</title></head><body>{''.join(body)}</body></html>", encoding="utf-8")
    return path


# --- paged formats ----------------------------------------------------------------------


def _pdf_page_ops(items: list[tuple[str, object]]) -> list[str]:
    from tests.pdf_tables import PAGE_H, _text, table_ops

    size, leading, left, chars = 12, 21, 60, 39
    ops: list[str] = []
    y = PAGE_H - 70
    for kind, value in items:
        if kind == "table":
            table, y = table_ops(value, top=y + 8, col_w=150, size=10)  # type: ignore[arg-type]
            ops.extend(table)
            y -= leading
            continue
        text = str(value)
        if kind == "title":
            ops.append(_text(60 + (chars - len(text)) * size / 2, y, text, size))
            y -= 2 * leading
            continue
        if kind == "sign":
            ops.append(_text(left + (chars - len(text) - 2) * size, y, text, size))
            y -= leading
            continue
        for n, line in enumerate(_wrap(text, chars)):
            ops.append(_text(left + (2 * size if n == 0 else 0), y, line, size))
            y -= leading
    return ops


def write_text_pdf(path: Path) -> Path:
    from tests.pdf_tables import write_pdf

    return write_pdf(path, [_pdf_page_ops(items) for items in PAGES])


def render_page(items: list[tuple[str, object]]):
    """A scanned A4 page at 150 dpi (1240×1754 px): the items in a CJK font, a ruled table."""
    from PIL import Image, ImageDraw, ImageFont

    size, leading, left, right = 28, 50, 120, 1120
    font = ImageFont.truetype(font_path(), size)  # type: ignore[arg-type]
    image = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(image)
    y = 130
    for kind, value in items:
        if kind == "table":
            widths, height = [440, 240, 240], 54
            for row in value:  # type: ignore[union-attr]
                x = left
                for c, cell in enumerate(row):
                    draw.rectangle([x, y, x + widths[c], y + height], outline=0, width=2)
                    draw.text((x + 14, y + 12), cell, fill=0, font=font)
                    x += widths[c]
                y += height
            y += leading
            continue
        text = str(value)
        width = draw.textlength(text, font=font)
        if kind == "title":
            draw.text(((1240 - width) // 2, y), text, fill=0, font=font)
            y += 2 * leading
            continue
        if kind == "sign":
            draw.text((right - width - 2 * size, y), text, fill=0, font=font)
            y += leading
            continue
        line, x0 = "", left + 2 * size
        for ch in text:  # wrap by measured width
            if draw.textlength(line + ch, font=font) > right - x0:
                draw.text((x0, y), line, fill=0, font=font)
                y += leading
                line, x0 = "", left
            line += ch
        draw.text((x0, y), line, fill=0, font=font)
        y += leading
    return image


def write_scanned_pdf(path: Path, pages: list[int] | None = None) -> Path:
    """Pages rendered to images and wrapped in a PDF by Pillow (no text layer)."""
    images = [render_page(PAGES[i]) for i in (pages if pages is not None else range(len(PAGES)))]
    images[0].save(path, save_all=True, append_images=images[1:], resolution=150)
    return path


def write_mixed_pdf(path: Path, scans: Path) -> Path:
    """Page 1 from the text PDF, page 2 a scan."""
    from pypdf import PdfReader, PdfWriter

    text_pdf = write_text_pdf(scans / "text_part.pdf")
    scan_pdf = write_scanned_pdf(scans / "scan_part.pdf", pages=[1])
    writer = PdfWriter()
    writer.add_page(PdfReader(text_pdf).pages[0])
    writer.add_page(PdfReader(scan_pdf).pages[0])
    writer.write(path)
    return path


def write_ofd(path: Path) -> Path:
    """Text OFD: every line one TextObject, table cells on one baseline."""
    from tests.ofd_writer import write_ofd as _write

    size, leading, left, chars = 4.2, 7.5, 25.0, 38
    pages = []
    for items in PAGES:
        lines: list[tuple[float, float, str]] = []
        y = 30.0
        for kind, value in items:
            if kind == "table":
                for row in value:  # type: ignore[union-attr]
                    for x, cell in zip((left, 95.0, 140.0), row, strict=True):
                        lines.append((x, y, cell))
                    y += leading
                y += leading / 2
                continue
            text = str(value)
            if kind == "title":
                lines.append(((210 - size * len(text)) / 2, y, text))
                y += 2 * leading
                continue
            if kind == "sign":
                lines.append((185 - size * len(text), y, text))
                y += leading
                continue
            for n, line in enumerate(_wrap(text, chars)):
                lines.append((left + (2 * size if n == 0 else 0), y, line))
                y += leading
        pages.append(lines)
    _write(path, pages, size=size)
    return path


if __name__ == "__main__":  # python -m tests.same_report DIR: the .docx the .doc comes from
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    write_docx(out / DOC.with_suffix(".docx").name)
