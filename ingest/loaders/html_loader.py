"""HTML loader: keep the article of a government web page, drop the site chrome.

Steps:

1. Decode: BOM, then ``<meta charset>`` / ``http-equiv`` (gb2312/gbk -> gb18030),
   then detection (:mod:`ingest.loaders.encoding`).
2. Clean the DOM with lxml: script/style/noscript/template/iframe/svg and form
   controls, comments, ``<nav>``, ``<aside>``, ``<footer>``, a ``<header>`` without
   an h1–h3, short blocks (≤ 300 chars) whose text is ≥ 80 % link text (menus, link
   bars, related links), and elements whose class/id contains nav, menu, breadcrumb,
   crumb, footer, sidebar, topbar, copyright, share — the last two only when the
   element holds less than half of the page's Chinese text (else the class lies).
3. Main content, two ways:
   * trafilatura (``extract(output_format="xml", include_tables=True,
     include_images=True, favor_recall=True)``; ``include_images`` because without
     it trafilatura deletes every ``class="caption"`` element, i.e. table titles);
   * our own walk of the element with the most paragraph-level Chinese text.
   trafilatura's result is used unless it is missing, or lost a heading that the
   own walk found, or kept less than half of the own walk's Chinese text; then
   the own walk is used.  If trafilatura cannot be imported, the own walk is used.
4. Both ways: h1–h6 -> heading_level 1–6, ``<br>`` splits paragraphs, tables are
   rendered like docx tables; short lines that are breadcrumbs, footers or
   article metadata ("您所在的位置", "版权所有", "ICP备", "发布时间：…来源：…")
   are dropped; the page title (``<meta name="ArticleTitle">``, else an h1 that
   starts the ``<title>``, else the ``<title>``'s first part when some element of
   the page shows exactly that text) is put first as heading level 1 if the
   content lacks it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ingest.blocks import Block
from ingest.errors import IngestError
from ingest.loaders.encoding import decode_bytes
from ingest.loaders.normalize import cjk_count, normalize_text
from ingest.loaders.tables import render_table

logger = logging.getLogger(__name__)

_META_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "svg",
    "canvas",
    "input",
    "button",
    "select",
    "textarea",
    "nav",
    "aside",
    "footer",
)
_JUNK_CLASS = re.compile(
    r"nav|menu|breadcrumb|crumb|footer|sidebar|topbar|copyright|share", re.IGNORECASE
)
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "form",
        "header",
        "hgroup",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)
_XML_BLOCKS = ("p", "head", "list", "table", "quote", "code", "ab", "div")
_INLINE_ROOTS = frozenset({"font", "span", "strong", "b", "em", "i", "a", "u"})
_SCORED_TAGS = (
    "p",
    "li",
    "pre",
    "div",
    "td",
    "section",
    "article",
    "main",
    "font",
    "span",
    "center",
)
_PARAGRAPH_TAGS = frozenset({"p", "li", "pre"})
_JUNK_LINE_MAX = 120
_LINK_LIST_MAX = 300
_LINK_LIST_TAGS = ("div", "td", "tr", "table", "ul", "ol", "dl", "p", "li", "span", "section")
_JUNK_ANYWHERE = re.compile(
    r"您(所在的|现在的|的)?位置|当前位置|ICP备|ICP证|公网安备|网站标识码|版权所有|打印本页|关闭窗口|"
    r"建议使用.{0,20}浏览|分享到[:：]"
)
_JUNK_START = re.compile(
    r"^(主办单位|承办单位|主办[:：]|承办[:：]|技术支持[:：]|联系我们|网站地图|Copyright|©|"
    r"上一篇|下一篇|相关链接|首页\s*[>＞»›/|｜])",  # (a breadcrumb: "首页 > 通知公告")
    re.IGNORECASE,
)
_META_LABEL = re.compile(
    r"(发布时间|发布日期|信息来源|来源|作者|浏览次数|访问次数|点击数|阅读次数|字号|责任编辑)"
    r"\s*[:：]"
)


def load_html(path: Path) -> list[Block]:
    """Blocks of the main content of an HTML page."""
    return parse_html_bytes(path.read_bytes(), path.name)


def parse_html_bytes(data: bytes, name: str) -> list[Block]:
    doc = _parse(_decode(data, name), name)
    _clean(doc)
    own = _own_blocks(doc)
    chosen = _choose(_trafilatura_blocks(doc, name), own)
    return _with_title(doc, _drop_junk(chosen))


# --- decoding and parsing -------------------------------------------------------------


def _decode(data: bytes, name: str) -> str:
    match = _META_CHARSET.search(data[:8192])
    declared = match.group(1).decode("ascii") if match else None
    return decode_bytes(data, name, declared=declared)


def _parse(text: str, name: str) -> Any:
    import lxml.html
    from lxml import etree

    text = _XML_DECLARATION.sub("", text)
    if not text.strip():
        raise IngestError(f"HTML 文件“{name}”没有内容。")
    try:
        return lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as e:
        raise IngestError(f"无法解析 HTML 文件“{name}”：{e}") from e


def _clean(doc: Any) -> None:
    from lxml import etree

    for node in list(doc.iter(etree.Comment, etree.ProcessingInstruction)):
        _remove_keep_tail(node)
    for node in list(doc.iter(*_DROP_TAGS)):
        _remove_keep_tail(node)
    for node in list(doc.iter("header")):
        if not any(True for _ in node.iter("h1", "h2", "h3")):
            _remove_keep_tail(node)
    total = cjk_count(doc.text_content()) or 1
    for node in list(doc.iter(*_LINK_LIST_TAGS)):
        if _is_link_list(node, total):
            _remove_keep_tail(node)
    for node in list(doc.iter()):
        if (
            node.getparent() is None
            or not isinstance(node.tag, str)
            or node.tag in ("html", "body")
        ):
            continue
        marks = f"{node.get('class', '')} {node.get('id', '')}"
        if _JUNK_CLASS.search(marks) and cjk_count(node.text_content()) < 0.5 * total:
            _remove_keep_tail(node)


def _is_link_list(node: Any, total: int) -> bool:
    """Short blocks made (almost) only of link text: menus, link bars, "related links"."""
    text = normalize_text(node.text_content())
    if not text or len(text) > _LINK_LIST_MAX or cjk_count(text) >= 0.5 * total:
        return False
    linked = sum(len(normalize_text(a.text_content())) for a in node.iter("a"))
    return linked >= 0.8 * len(text)


def _remove_keep_tail(node: Any) -> None:
    parent = node.getparent()
    if parent is None:
        return
    tail = node.tail
    if tail:
        previous = node.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(node)


# --- own walk -------------------------------------------------------------------------


def _content_root(doc: Any) -> Any:
    """The element whose own paragraphs hold the most Chinese text (readability-like).

    Text directly inside a container (div, td, ...) counts for that container, text of a
    paragraph (p, li, pre) for the paragraph's parent; ancestors get half, then a quarter.
    """
    scores: dict[Any, float] = {}
    for node in doc.iter(*_SCORED_TAGS):
        if node.tag in _PARAGRAPH_TAGS:
            count, target = cjk_count(node.text_content()), node.getparent()
        else:
            count, target = cjk_count((node.text or "") + "".join(c.tail or "" for c in node)), node
        if count == 0 or target is None:
            continue
        for element, weight in zip(
            (target, *target.iterancestors()), (1.0, 0.5, 0.25), strict=False
        ):
            scores[element] = scores.get(element, 0.0) + count * weight
    if not scores:
        body = doc.find("body")
        return body if body is not None else doc
    root = max(scores, key=scores.__getitem__)
    while root.tag in _INLINE_ROOTS and root.getparent() is not None:
        root = root.getparent()  # <font> inside the editor div: take the div
    return root


class _Walker:
    """Turns an element tree into Blocks: headings, paragraphs split at block tags and <br>."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.buffer: list[str] = []

    def flush(self) -> None:
        text = normalize_text("".join(self.buffer))
        self.buffer.clear()
        if text:
            self.blocks.append(Block(text))

    def walk(self, node: Any) -> None:
        self.buffer.append(node.text or "")
        for child in node:
            self.child(child)
            self.buffer.append(child.tail or "")

    def child(self, child: Any) -> None:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "br":
            self.flush()
        elif tag in _HEADINGS:
            self.flush()
            text = normalize_text(child.text_content())
            if text:
                self.blocks.append(Block(text, heading_level=_HEADINGS[tag]))
        elif tag == "table" and not _is_layout_table(child):
            self.flush()
            self.blocks.extend(Block(row) for row in render_table(_html_table_rows(child)))
        elif tag in _BLOCK_TAGS:
            self.flush()
            self.walk(child)
            self.flush()
        elif tag:
            self.walk(child)


def _html_table_rows(table: Any) -> list[list[str | None]]:
    """Cell texts on the grid (see :func:`_grid`) of an HTML table."""
    return _grid([[(cell.text_content(), cell.get("colspan"), cell.get("rowspan"))
                   for cell in tr if cell.tag in ("td", "th")]
                  for tr in table.iter("tr") if _closest_table(tr) is table])  # (not a nested table's)


def _grid(rows: list[list[tuple[str, str | None, str | None]]]) -> list[list[str | None]]:
    """Cell texts (text, colspan, rowspan) on the grid: a colspan's extra slots are None, a
    rowspan repeats its text in the rows below (so every row keeps its label)."""
    out: list[list[str | None]] = []
    below: dict[int, tuple[str, int, int]] = {}  # column -> (text, rows still to fill, columns)
    for row in rows:
        cells: list[str | None] = []
        for text, colspan, rowspan in row:
            _fill_from_above(cells, below)
            span, down = _span(colspan), _span(rowspan)
            if down > 1:
                below[len(cells)] = (text, down - 1, span)
            cells.extend([text, *([None] * (span - 1))])
        _fill_from_above(cells, below)
        out.append(cells)
    return out


def _fill_from_above(cells: list[str | None], below: dict[int, tuple[str, int, int]]) -> None:
    """Append the texts of rowspans from rows above that cover the next slots (a cell merged
    both ways covers as many columns below as in its own row: the corner of a 政府信息公开
    table over three label columns)."""
    while len(cells) in below:
        text, left, span = below.pop(len(cells))
        if left > 1:
            below[len(cells)] = (text, left - 1, span)
        cells.extend([text, *([None] * (span - 1))])


def _span(value: str | None) -> int:
    return min(int(value), 50) if value and value.isdigit() and int(value) > 0 else 1


def _is_layout_table(table: Any) -> bool:
    """A table used for page layout (nested tables, or a single column) is walked as blocks."""
    if any(inner is not table for inner in table.iter("table")):
        return True
    return max((len(row) for row in _html_table_rows(table)), default=0) <= 1


def _closest_table(node: Any) -> Any:
    return next((a for a in node.iterancestors("table")), None)


def _own_blocks(doc: Any) -> list[Block]:
    walker = _Walker()
    walker.walk(_content_root(doc))
    walker.flush()
    return walker.blocks


# --- trafilatura ----------------------------------------------------------------------


def _trafilatura_blocks(doc: Any, name: str) -> list[Block] | None:
    import lxml.html

    try:
        import trafilatura
    except ImportError as e:  # e.g. lxml without lxml_html_clean
        logger.warning("trafilatura unavailable (%s); using own HTML extraction", e)
        return None
    try:
        xml = trafilatura.extract(
            lxml.html.tostring(doc, encoding="unicode"),
            output_format="xml",
            include_tables=True,
            include_images=True,
            include_comments=False,
            favor_recall=True,
        )
    except Exception as e:  # a heuristic library: log and fall back, never crash ingestion
        logger.warning("%s: trafilatura failed (%s); using own HTML extraction", name, e)
        return None
    return _xml_blocks(xml) if xml else None


def _xml_blocks(xml: str) -> list[Block] | None:
    from lxml import etree

    try:
        root = etree.fromstring(xml.encode("utf-8"))
    except etree.XMLSyntaxError as e:
        logger.warning("unreadable trafilatura output: %s", e)
        return None
    main = root.find("main")
    blocks: list[Block] = []
    _xml_walk(main if main is not None else root, blocks.append)
    return blocks


def _xml_walk(node: Any, emit: Callable[[Block], None]) -> None:
    for child in node:
        if child.tag == "head":
            rend = child.get("rend", "")
            level = int(rend[1]) if re.fullmatch(r"h[1-6]", rend) else None
            text = normalize_text("".join(child.itertext()))
            if text:
                emit(Block(text, heading_level=level))
        elif child.tag == "table" and _is_xml_layout_table(child):
            for cell in child.iter("cell"):
                _xml_cell(cell, emit)
        elif child.tag == "table":
            # (trafilatura keeps a cell's colspan and rowspan: the same grid as the page's own)
            rows = _grid([[("".join(c.itertext()), c.get("colspan"), c.get("rowspan")) for c in row.iter("cell")]
                          for row in child.iter("row")])
            for row in render_table(rows):
                emit(Block(row))
        elif child.tag in ("p", "item", "quote", "code", "ab"):
            for text in _split_lb(child):
                emit(Block(text))
        elif child.tag in ("list", "div", "main", "body"):
            _xml_walk(child, emit)


def _is_xml_layout_table(table: Any) -> bool:
    """trafilatura keeps layout tables: single column, or cells holding paragraphs/tables."""
    rows = list(table.iter("row"))
    if max((len(row.findall("cell")) for row in rows), default=0) <= 1:
        return True
    return any(cell.find(tag) is not None for cell in table.iter("cell") for tag in _XML_BLOCKS)


def _xml_cell(cell: Any, emit: Callable[[Block], None]) -> None:
    """A layout cell: its loose text is a paragraph, its block children are walked."""
    if any(cell.find(tag) is not None for tag in _XML_BLOCKS):
        for text in _split_lb(_loose_text(cell)):
            emit(Block(text))
        _xml_walk(cell, emit)
    else:
        for text in _split_lb(cell):
            emit(Block(text))


def _loose_text(cell: Any) -> Any:
    """A copy of ``cell`` without its block children (their text is walked separately)."""
    from copy import deepcopy

    loose = deepcopy(cell)
    for child in list(loose):
        if child.tag in _XML_BLOCKS:
            _remove_keep_tail(child)
    return loose


def _split_lb(node: Any) -> Iterator[str]:
    """Text of ``node`` split at <lb/> line breaks (gov pages separate paragraphs with <br>)."""
    parts: list[str] = []
    _collect_text(node, parts)
    for line in "".join(parts).split("\n"):
        text = normalize_text(line)
        if text:
            yield text


def _collect_text(node: Any, parts: list[str]) -> None:
    parts.append(node.text or "")
    for child in node:
        if child.tag == "lb":
            parts.append("\n")
        else:
            _collect_text(child, parts)
        parts.append(child.tail or "")


# --- choice and post-processing -------------------------------------------------------


def _choose(extracted: list[Block] | None, own: list[Block]) -> list[Block]:
    if not extracted:
        return own
    texts = {b.text for b in extracted}
    lost = [b.text for b in own if b.heading_level is not None and b.text not in texts]
    if lost:
        logger.info("trafilatura lost headings %s; using own HTML extraction", lost[:3])
        return own
    if sum(cjk_count(b.text) for b in extracted) < 0.5 * sum(cjk_count(b.text) for b in own):
        logger.info("trafilatura kept under half of the text; using own HTML extraction")
        return own
    return extracted


def _is_junk(text: str) -> bool:
    if len(text) > _JUNK_LINE_MAX:
        return False
    return bool(
        _JUNK_ANYWHERE.search(text)
        or _JUNK_START.search(text)
        or len(_META_LABEL.findall(text)) >= 2
    )


def _drop_junk(blocks: list[Block]) -> list[Block]:
    return [b for b in blocks if not _is_junk(b.text)]


def _page_title(doc: Any) -> str | None:
    for meta in doc.iter("meta"):
        if (meta.get("name") or "").lower() == "articletitle":
            title = normalize_text(meta.get("content") or "")
            if title:
                return title
    title_tag = normalize_text(doc.findtext(".//title") or "")
    for h1 in doc.iter("h1"):
        text = normalize_text(h1.text_content())
        if len(text) >= 4 and title_tag.startswith(text):
            return text
    first = re.split(r"\s*[_|｜]\s*|\s+[-–—]+\s+", title_tag)[0]
    shown = (
        doc.xpath("//body//*[normalize-space(string(.))=$t]", t=first) if len(first) >= 4 else []
    )
    return first if shown else None  # the <title>'s first part, when the page displays it


def _with_title(doc: Any, blocks: list[Block]) -> list[Block]:
    """Put the page title first as a level-1 heading, unless the content starts with it."""
    title = _page_title(doc)
    if not title:
        return blocks
    for i, block in enumerate(blocks[:5]):
        if block.text == title:
            return [
                *blocks[:i],
                Block(title, heading_level=block.heading_level or 1),
                *blocks[i + 1 :],
            ]
        if title in block.text or (len(block.text) >= 4 and block.text in title):
            return blocks
    return [Block(title, heading_level=1), *blocks]
