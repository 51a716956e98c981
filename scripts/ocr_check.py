"""Measure the OCR path on a page it renders itself: seconds per page and character accuracy.

    python scripts/ocr_check.py [--lines 30] [--size 28]

Renders an A4 page (150 dpi) of report text with a CJK font (fonts-wqy-microhei), saves it as
a PNG and as an image-only PDF, reads both through ingest.loaders.load_document (OCR), and
prints wall and CPU seconds per page and the character accuracy (difflib ratio against the
rendered text, table excluded).
"""

from __future__ import annotations

import argparse
import difflib
import logging
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--lines", type=int, default=30)
    p.add_argument("--size", type=int, default=28, help="font size in pixels at 150 dpi")
    args = p.parse_args()
    logging.basicConfig(level=logging.WARNING)
    from ingest.loaders import load_document
    from tests.test_ocr import render_scan

    source = (ROOT / "tests/fixtures/samples/明湖区_2023.txt").read_text(encoding="utf-8")
    text = "".join(source.split())
    width = 1000 // args.size  # characters per line that fit the page
    lines = [text[i * width:(i + 1) * width] for i in range(args.lines)]
    image = render_scan(lines, size=args.size)
    with tempfile.TemporaryDirectory() as tmp:
        png, pdf = Path(tmp, "page.png"), Path(tmp, "page.pdf")
        image.save(png)
        image.save(pdf, resolution=150)
        load_document(png)  # engine start-up, not counted
        for path in (png, pdf):
            t0, c0 = time.perf_counter(), time.process_time()
            loaded = load_document(path)
            wall, cpu = time.perf_counter() - t0, time.process_time() - c0
            got = "".join(b.text for b in loaded.blocks)
            ratio = difflib.SequenceMatcher(None, got, "".join(lines), autojunk=False).ratio()
            print(f"{path.suffix}: {len(''.join(lines))} chars, {wall:.1f} s wall, "
                  f"{cpu:.1f} CPU-s per page, character accuracy {ratio:.4f}, "
                  f"low-confidence lines {loaded.low_confidence_lines}")


if __name__ == "__main__":
    main()
