"""A minimal PDF writer for loader tests: Chinese text in the standard Adobe font STSong-Light
(UniGB-UCS2-H, not embedded — PDF readers know it, no font file needed) and ruled tables."""

from __future__ import annotations

from pathlib import Path

_FONT = ("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
         "/DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
         "/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /DW 1000 "
         "/FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 "
         "/FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 "
         "/CapHeight 880 /StemV 58 >> >>] >>")
PAGE_W, PAGE_H = 595, 842


def _text(x: float, y: float, text: str, size: float = 10) -> str:
    code = text.encode("utf-16-be").hex().upper()
    return f"BT /F1 {size} Tf {x:.1f} {y:.1f} Td <{code}> Tj ET"


def table_ops(rows: list[list[str | None]], top: float, left: float = 60,
              col_w: float = 95, row_h: float = 22, size: float = 9) -> tuple[list[str], float]:
    """Drawing operators of a ruled table; ``None`` cells are merged into the cell on their left
    (no vertical rule between them). Returns the operators and the table's bottom y."""
    ops: list[str] = ["0.8 w"]
    width = max(len(r) for r in rows)
    bottom = top - row_h * len(rows)
    for r in range(len(rows) + 1):
        y = top - r * row_h
        ops.append(f"{left} {y} m {left + col_w * width} {y} l S")
    for r, row in enumerate(rows):
        y0, y1 = top - r * row_h, top - (r + 1) * row_h
        for c in range(width + 1):
            merged = 0 < c < width and c < len(row) and row[c] is None
            if not merged:
                x = left + c * col_w
                ops.append(f"{x} {y0} m {x} {y1} l S")
        for c, cell in enumerate(row):
            if cell:
                ops.append(_text(left + c * col_w + 4, y1 + 7, cell, size))
    return ops, bottom


def write_pdf(path: Path, pages: list[list[str]]) -> Path:
    """Write pages of content-stream operators (text via :func:`paragraph_ops`/``_text``)."""
    objects: list[bytes] = [b"", b""]  # 1: catalog, 2: pages (filled below)
    objects.append(_FONT.encode())  # 3: font
    kids = []
    for ops in pages:
        stream = "\n".join(ops).encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content = len(objects)
        objects.append((f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] "
                        f"/Resources << /Font << /F1 3 0 R >> >> /Contents {content} 0 R >>").encode())
        kids.append(f"{len(objects)} 0 R")
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode()
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def paragraph_ops(lines: list[str], top: float, left: float = 60, size: float = 12,
                  leading: float = 24) -> tuple[list[str], float]:
    ops = [_text(left, top - (i + 1) * leading, line, size) for i, line in enumerate(lines)]
    return ops, top - leading * (len(lines) + 1)
