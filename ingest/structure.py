"""Document structure: title, issuing region/body and year; section paths for paragraphs."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ingest.blocks import Block
from ingest.headings import match_heading, trim_heading
from zh.numerals import normalize_numerals

_TITLE_WORDS = re.compile(r"报告|年度|情况|工作|总结|公报|意见|通知|办法|规定|方案")
_SENTENCE_END = re.compile(r"[。！？；!?;]")
_YEAR_RE = re.compile(r"((?:19|20)\d{2})年?度?")
_REGION_SUFFIX = "省|自治区|市|州|盟|地区|区|县|旗|镇|乡|街道|新区|开发区"
_BODY_SUFFIX = r"人民政府|政府|[^\s，。]{1,12}?(?:局|委员会|委|厅|办公室|办|院|中心)"
_REGION_RE = re.compile(
    rf"^(?:[^\s，。年]{{1,10}}?(?:{_REGION_SUFFIX}))+(?:{_BODY_SUFFIX})?"
)
_MAX_TITLE_LINE = 50


@dataclass(frozen=True)
class DocInfo:
    title: str
    region: str | None
    year: int | None
    issuer: str | None = None  # the issuing body: 杭州市余杭区人民政府, 司法部, 浙江省司法厅


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph with the section path it sits in."""

    text: str
    section: tuple[str, ...]
    page: int | None


def find_title(blocks: list[Block]) -> tuple[str, int]:
    """The document title and how many leading blocks it spans.

    Titles are often wrapped over several short lines ("杭州市余杭区2021年法治政府建设" /
    "年度报告"); join the leading short lines that carry no sentence end.
    """
    lines: list[str] = []
    for block in blocks[:4]:
        text = block.text
        if (len(text) > _MAX_TITLE_LINE or _SENTENCE_END.search(text)
                or (match_heading(text) and lines)):
            break
        lines.append(text)
        if text.endswith(("报告", "总结", "公报")):
            break
    title = "".join(lines)
    if lines and _TITLE_WORDS.search(title):
        return title, len(lines)
    return "", 0


def parse_region_year(title: str) -> tuple[str | None, int | None]:
    """'杭州市余杭区2021年法治政府建设年度报告' → ('杭州市余杭区', 2021)."""
    text = normalize_numerals(title.replace("关于", ""))
    m = _YEAR_RE.search(text)
    year = int(m.group(1)) if m else None
    before = text[: m.start()].strip() if m else text
    after = text[m.end():].strip() if m else ""
    region = None
    for candidate in (before, after):
        r = _REGION_RE.match(candidate)
        if r:
            region = _place(r.group(0))
            break
    return region, year


def _place(region: str) -> str:
    """A government is named by its place: '白沙市人民政府' → '白沙市'; bureaus keep their name."""
    return re.sub(r"(?:人民政府|政府)$", "", region) or region


_DATE_LINE = re.compile(r"^(?:19|20)\d{2}年\d{1,2}月\d{1,2}日$")


def signature_lines(blocks: list[Block]) -> int:
    """How many trailing blocks are the signature ("鹭洲市明湖区人民政府" / "2024年3月15日")."""
    if not blocks or not _DATE_LINE.match(normalize_numerals(blocks[-1].text).replace(" ", "")):
        return 0
    if len(blocks) >= 2:
        issuer = blocks[-2].text
        if len(issuer) <= 30 and not _SENTENCE_END.search(issuer) and not match_heading(issuer):
            return 2
    return 1


def doc_info(blocks: list[Block], fallback_title: str) -> DocInfo:
    title, _ = find_title(blocks)
    title = title or fallback_title
    region, year = parse_region_year(title)
    if region is None and signature_lines(blocks) == 2:
        # "关于2022年度法治政府建设情况的报告" is signed by its issuer at the end
        r = _REGION_RE.match(normalize_numerals(blocks[-2].text))
        region = _place(r.group(0)) if r else None
    if year is None:
        # The opening paragraph usually starts "2021年，余杭区……"
        for block in blocks[:3]:
            m = _YEAR_RE.match(normalize_numerals(block.text))
            if m:
                year = int(m.group(1))
                break
    return DocInfo(title=title, region=region, year=year)


def paragraphs(blocks: Iterable[Block], skip: int = 0) -> Iterator[Paragraph]:
    """Yield body paragraphs with section paths; headings go into the path.

    A heading followed by body in the same paragraph ("3.开展……行动。组织……") adds its
    first sentence to the path, and the whole paragraph stays as body text.
    """
    stack: list[tuple[float, str]] = []
    for i, block in enumerate(blocks):
        if i < skip:
            continue
        heading = match_heading(block.text)
        if heading is not None:
            rank: float = heading.rank
            title = heading.title
            is_pure = not heading.has_body and not _SENTENCE_END.search(block.text)
        elif block.heading_level is not None:
            # A styled heading without numbering nests by its style level, above numbered ones.
            rank = block.heading_level - 10
            title = trim_heading(block.text)
            is_pure = True
        else:
            yield Paragraph(block.text, tuple(t for _, t in stack), block.page)
            continue
        while stack and stack[-1][0] >= rank:
            stack.pop()
        stack.append((rank, title))
        if not is_pure:
            yield Paragraph(block.text, tuple(t for _, t in stack), block.page)
