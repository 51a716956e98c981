"""The original at the cited place: for a PDF the cited page rendered as an image with the
quoted sentence highlighted where it stands on the page (pypdfium2 character boxes); for
other formats the cited section's text with the sentence marked and the section path as a
breadcrumb. The original file itself is kept at <store_dir>/originals/<doc_id><suffix>
(written by ingest.pipeline.Ingestor) and offered for download.
"""

from __future__ import annotations

import base64
import io
import logging
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from ui.sources import highlight
from vectorstore.records import SECTION_SEP, DocumentRecord
from vectorstore.store import KnowledgeStore
from zh.sentences import split_sentences

logger = logging.getLogger(__name__)

ORIGINALS = "originals"
RENDER_SCALE = 1.5
MAX_SECTION_SENTENCES = 60


@dataclass(frozen=True)
class Box:
    """A highlighted rectangle as fractions of the page (0..1 from the top-left)."""

    left: float
    top: float
    width: float
    height: float


def _norm(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch)


def find_quote(chars: Sequence[str], quote: str) -> list[int]:
    """Indices into ``chars`` (one string per character of a page) of ``quote``, matched
    ignoring whitespace and full/half-width differences; [] when it is not there. A quote
    whose middle differs (a line-break hyphen, a footnote) is matched by its two ends."""
    kept = [(i, _norm(ch)) for i, ch in enumerate(chars) if ch.strip()]
    text = "".join(ch for _, ch in kept)
    offsets: list[int] = []  # position in ``text`` → index in ``chars``
    for i, ch in kept:
        offsets.extend([i] * len(ch))
    target = "".join(_norm(ch) for ch in quote if ch.strip())
    if not target or not text:
        return []
    start = text.find(target)
    if start >= 0:
        return sorted(set(offsets[start:start + len(target)]))
    edge = min(12, len(target) // 2)
    if edge < 6:
        return []
    head = text.find(target[:edge])
    tail = text.find(target[-edge:], head + edge) if head >= 0 else -1
    if head < 0 or tail < 0 or tail - head > 2 * len(target):
        return []
    return sorted(set(offsets[head:tail + edge]))


def merge_boxes(rects: Sequence[tuple[float, float, float, float]], page_w: float,
                page_h: float) -> list[Box]:
    """Character boxes (left, bottom, right, top in PDF points) merged into one box per line."""
    lines: list[list[float]] = []
    for left, bottom, right, top in rects:
        if right <= left or top <= bottom:
            continue
        for line in lines:
            if abs(line[3] - top) < (top - bottom) * 0.5:  # the same line
                line[0], line[1] = min(line[0], left), min(line[1], bottom)
                line[2], line[3] = max(line[2], right), max(line[3], top)
                break
        else:
            lines.append([left, bottom, right, top])
    return [Box(left / page_w, (page_h - top) / page_h, (right - left) / page_w,
                (top - bottom) / page_h) for left, bottom, right, top in lines]


def pdf_page(path: Path, page_no: int, quote: str) -> tuple[bytes, list[Box], int]:
    """(PNG of the page, boxes of the quote, the page number used). The quote is looked for
    on the cited page, then on the next one (a sentence may run over the page break)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pdf = pdfium.PdfDocument(str(path))
    try:
        count = len(pdf)
        page_no = min(max(page_no, 1), count)
        chosen, boxes = page_no, []
        for number in (page_no, page_no + 1):
            if number > count:
                break
            page = pdf[number - 1]
            textpage = page.get_textpage()
            n = textpage.count_chars()
            chars = [chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i)) for i in range(n)]
            found = find_quote(chars, quote)
            if found:
                w, h = page.get_size()
                boxes = merge_boxes([textpage.get_charbox(i) for i in found], w, h)
                chosen = number
                break
        image = pdf[chosen - 1].render(scale=RENDER_SCALE).to_pil()
        out = io.BytesIO()
        image.save(out, format="PNG", optimize=True)
        return out.getvalue(), boxes, chosen
    finally:
        pdf.close()


def breadcrumb_html(doc: DocumentRecord, section: str, page: int | None = None) -> str:
    parts = [doc.title or doc.source, *[p for p in section.split(SECTION_SEP) if p.strip()]]
    crumbs = " › ".join(f"<span>{escape(p.strip())}</span>" for p in parts)
    page_text = f'<span class="fz-view-page">第{page}页</span>' if page else ""
    return f'<nav class="fz-breadcrumb" aria-label="出处">{crumbs}{page_text}</nav>'


def pdf_html(png: bytes, boxes: Sequence[Box], page: int, quote: str) -> str:
    src = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    marks = "".join(
        f'<div class="fz-box" style="left:{b.left:.2%};top:{b.top:.2%};width:{b.width:.2%};'
        f'height:{b.height:.2%}"></div>' for b in boxes)
    note = "" if boxes else '<p class="fz-view-note">未能在页面上定位该句，下面是该页原样。</p>'
    return (f'{note}<div class="fz-page" data-page="{page}" data-boxes="{len(boxes)}">'
            f'<img src="{src}" alt="第{page}页原文，引用句：{escape(quote)}">{marks}</div>')


def section_sentences(store: KnowledgeStore, doc: DocumentRecord, section: str) -> list[str]:
    """The cited section's sentences in order, each once (chunks overlap by a sentence)."""
    chunks = sorted((c for c in store.chunks() if c.doc_id == doc.doc_id
                     and c.section_path == section), key=lambda c: c.position)
    out: list[str] = []
    for chunk in chunks:
        for sentence in split_sentences(chunk.text):
            if sentence.strip() and sentence not in out[-3:]:
                out.append(sentence)
    return out


def section_html(sentences: Sequence[str], quote: str, passage: str) -> str:
    text = "".join(sentences) or passage
    core = "".join(quote.split())
    if core and core not in "".join(text.split()):
        text = passage  # the quote sits in the cited passage whatever the section holds
    if len(sentences) > MAX_SECTION_SENTENCES:
        at = next((i for i, s in enumerate(sentences) if core[:10] in "".join(s.split())), 0)
        lo = max(0, at - MAX_SECTION_SENTENCES // 2)
        text = "".join(sentences[lo:lo + MAX_SECTION_SENTENCES])
    return f'<div class="fz-view-text">{highlight(text, quote)}</div>'


class SourceViewer:
    def __init__(self, store: KnowledgeStore, store_dir: Path):
        self.store = store
        self.originals = store_dir / ORIGINALS

    def original(self, doc: DocumentRecord) -> Path | None:
        return next(iter(sorted(self.originals.glob(f"{doc.doc_id}.*"))), None) \
            if self.originals.is_dir() else None

    def view(self, citation: dict) -> tuple[str, str | None]:
        """(HTML of the original at the cited place, path of the original file or None)."""
        source = str(citation.get("source") or "")
        doc = _document(self.store.documents(), citation) if source else None
        if doc is None:
            return _note("该报告已不在知识库中，无法显示原文。"), None
        section = str(citation.get("section") or "")
        quote = str(citation.get("quote") or "")
        page = citation.get("page")
        original = self.original(doc)
        n = citation.get("n")
        head = (f'<h3 class="fz-view-title">原文 [{escape(str(n))}]</h3>'
                if n is not None else '<h3 class="fz-view-title">原文</h3>')
        if original is not None and original.suffix == ".pdf" and isinstance(page, int):
            try:
                png, boxes, shown = pdf_page(original, page, quote)
                return (head + breadcrumb_html(doc, section, shown)
                        + pdf_html(png, boxes, shown, quote)), str(original)
            except Exception:  # a damaged original: fall back to the text
                logger.exception("rendering page %s of %s", page, original)
        body = section_html(section_sentences(self.store, doc, section), quote,
                            str(citation.get("text") or ""))
        return head + breadcrumb_html(doc, section, page) + body, \
            str(original) if original else None

    def remove(self, doc_id: str) -> None:
        if self.originals.is_dir():
            for path in self.originals.glob(f"{doc_id}.*"):
                path.unlink(missing_ok=True)


def _note(text: str) -> str:
    return f'<p class="fz-view-note">{escape(text)}</p>'


def _document(documents: list[DocumentRecord], citation: dict) -> DocumentRecord | None:
    """The cited report: its file name, and its title and year when several share the name."""
    named = [d for d in documents if d.source == citation.get("source")]
    exact = [d for d in named if d.title == citation.get("title") and d.year == citation.get("year")]
    return next(iter(exact or named), None)
