"""Document structure: title, issuing region/body and year; section paths for paragraphs."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from ingest.blocks import Block
from ingest.headings import Heading, match_heading, trim_heading
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
# a site page's line under its title: when and by whom it was posted ("发布时间：2026-03-27　来源：…")
_PAGE_INFO = re.compile(r"^\s*(?:发布时间|发布日期|发文日期|日期|时间|来源|信息来源|作者|浏览次数|点击数|字号)\s*[：:]")
# a page presenting a report names it in title marks ("《X市2025年法治政府建设年度报告》政策解读"): its
# place and year are the report's
_TITLE_MARKS = str.maketrans("", "", "《》〈〉")


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


# An official document's letterhead above its title: the issuer alone ("涿山县漕口镇人民政府",
# "白沙市人民政府文件") and its document number ("漕政〔2026〕3号", "白政发[2026]12号"), whose
# year is the year of issue, not the year reported on
_DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,12}[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d{1,5}\s*号$")
_NUMBER_YEAR = re.compile(r"[〔\[［]\s*(?:19|20)\d{2}\s*[〕\]］]\s*\d{0,5}\s*号?")
_LETTERHEAD = re.compile(r"^[\u4e00-\u9fff]{2,30}?(?:人民政府|政府|办事处|局|厅|委员会)(?:办公室|办公厅)?(?:文件)?$")


def _letterhead_lines(blocks: list[Block]) -> int:
    """How many leading blocks are a letterhead and document number (0 when none)."""
    texts = [b.text.replace(" ", "") for b in blocks[:3]]
    start = 0
    if len(texts) > 2 and _LETTERHEAD.match(texts[0]) and (texts[0].endswith("文件") or _DOC_NUMBER.match(texts[1])):
        start = 1  # the issuer alone above the number, or "…文件"
    if len(texts) > start + 1 and _DOC_NUMBER.match(texts[start]):
        start += 1
    return start


def find_title(blocks: list[Block]) -> tuple[str, int]:
    """The document title and how many leading blocks it spans.

    Titles are often wrapped over several short lines ("杭州市余杭区2021年法治政府建设" /
    "年度报告"); join the leading short lines that carry no sentence end. A letterhead and a
    document number above the title (an official document as issued) are no part of it.
    """
    lines: list[str] = []
    start = _letterhead_lines(blocks)
    for block in blocks[start:start + 4]:
        text = block.text
        if (len(text) > _MAX_TITLE_LINE or _SENTENCE_END.search(text)
                or (match_heading(text) and lines)):
            break
        if text.replace(" ", "") in _CONTENTS:
            break  # "目录" under a compilation's title
        if _PAGE_INFO.match(text):
            break  # a site page's date and source line, under its title
        lines.append(text)
        if text.endswith(("报告", "总结", "公报", "汇编", "合集", "选编")):
            break
    title = "".join(lines)
    if lines and _TITLE_WORDS.search(title):
        return title, start + len(lines)
    return "", start


def parse_region_year(title: str) -> tuple[str | None, int | None]:
    """'杭州市余杭区2021年法治政府建设年度报告' → ('杭州市余杭区', 2021)."""
    text = _NUMBER_YEAR.sub("", normalize_numerals(title.replace("关于", "")))
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


# a date ("2024年3月15日"): a line of its own closes a signature, one opening a text dates a meeting
_DATED = re.compile(r"^(?:19|20)\d{2}年\d{1,2}月\d{1,2}日")


def signature_lines(blocks: list[Block]) -> int:
    """How many trailing blocks are the signature ("鹭洲市明湖区人民政府" / "2024年3月15日")."""
    if not blocks or not _DATED.fullmatch(normalize_numerals(blocks[-1].text).replace(" ", "")):
        return 0
    if len(blocks) >= 2:
        issuer = blocks[-2].text
        if len(issuer) <= 30 and not _SENTENCE_END.search(issuer) and not match_heading(issuer):
            return 2
    return 1


# a review of several years reports on its last one: "2021—2025年法治政府建设工作总结", "“十四五”时期…总结"
_YEAR_SPAN = re.compile(r"((?:19|20)\d{2})\s*(?:—|–|－|-|~|～|至|到)\s*((?:19|20)\d{2})年?")
_REVIEW = re.compile(r"总结|回顾|成效|报告")
_FIVE_YEAR_PLANS = {"十三五": 2020, "十四五": 2025, "十五五": 2030}
_FILE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def _reviewed_year(title: str) -> int | None:
    """The last year a review of several years covers (None when the title is no such review)."""
    if not _REVIEW.search(title):
        return None
    span = _YEAR_SPAN.search(normalize_numerals(title))
    if span:
        return int(span.group(2))
    plan = next((end for name, end in _FIVE_YEAR_PLANS.items() if name in title), None)
    return plan if plan is not None and not _YEAR_RE.search(normalize_numerals(title)) else None


# a report given early in a year (a government's, a court's 工作报告) reviews the year before
# under a heading of its own: "一、2025年工作回顾", "过去一年工作回顾" (a 年度报告 is its year's)
_LOOK_BACK = re.compile(r"^(?:[一二三四五六七八九十]+、)?\s*(?:((?:19|20)\d{2})年|过去一年)(?:的?主要)?工作回顾$")


def _looks_back(blocks: list[Block], year: int) -> bool:
    for block in blocks:
        m = _LOOK_BACK.match(normalize_numerals(block.text).replace(" ", ""))
        if m:
            return m.group(1) is None or int(m.group(1)) == year - 1
    return False


def doc_info(blocks: list[Block], fallback_title: str) -> DocInfo:
    title, title_lines = find_title(blocks)
    title = title or fallback_title
    named = title.translate(_TITLE_MARKS)  # (the title as written stays the document's title)
    _, year = parse_region_year(named)
    year = _reviewed_year(named) or year
    if year is not None and "年度" not in named and _looks_back(blocks[title_lines:title_lines + 12], year):
        year -= 1  # "2026年政府工作报告" under "一、2025年工作回顾": a report on the year before
    if _COMPILATION.search(named):
        # "…市直部门…报告汇编": the departments' reports one after another (their titles are parts,
        # see part_title); the compilation is the place's, whatever body its opening names first
        issuer, region = find_issuer(named)
    else:
        issuer, region = find_issuer(named, _opening(blocks, title_lines), _signature(blocks))
    dated = None
    if year is None:
        # The opening paragraph usually starts "2021年，余杭区……"
        for block in blocks[:3]:
            m = _YEAR_RE.match(normalize_numerals(block.text))
            if m and _DATED.match(normalize_numerals(block.text)):
                # "2026年3月26日，县人大常委会会议听取…": the day of a meeting, after the year reported
                dated = dated or int(m.group(1))
            elif m:
                year = int(m.group(1))
                break
    if year is None:  # the file's name: "栎山市_2025.md"
        m = _FILE_YEAR.search(fallback_title)
        year = int(m.group(1)) if m else dated
    return DocInfo(title=title, region=region, year=year, issuer=issuer)


# --- the issuing body -------------------------------------------------------------------

_UNIT = r"(?:特别行政区|自治区|自治州|自治县|地区|新区|开发区|街道|省|市|州|盟|区|县|旗|镇|乡)"
# a place as written: one or more units, none of them a function word ("在县委的" is none)
# 和 only as a name's first or second character (和平区, 永和县): "住房和城乡建设局" joins two
# fields, its 乡 is no unit
# (ASCII punctuation of GBK-era texts too; never across 关于: "…人大常委会关于县人民政府…")
_PLACE_CHAR = r"(?:(?!关于)[^\s，。、；：:“”‘’（）()《》年的在与及等和,.;!?\"'])"
# a 州 then 市/县/区 is one name (蘅州市), not 州 with a stray unit ("蘅州市场…" stays 蘅州)
_PLACE_TEXT = rf"(?:(?:和|{_PLACE_CHAR})和?{_PLACE_CHAR}{{0,7}}?{_UNIT}(?:(?<=州)[市县区](?!场))?)+"
_GOVERNMENT = r"人民政府|政府"
# a department's name may join two fields with 和 (住房和城乡建设局, 人力资源和社会保障局,
# 自然资源和规划局): two words of 2+ characters each side, never "X和Y" of one character
_DEPT_CHAR = r"[^\s，。、；：:“”‘’（）()《》\d年的在和与及对下等,.;!?\"']"
_DEPT_NAME = rf"(?:{_DEPT_CHAR}{{2,10}}?和{_DEPT_CHAR}{{2,8}}?|{_DEPT_CHAR}{{1,10}}?)"
_DEPARTMENT = rf"{_DEPT_NAME}(?:部|厅|局|委员会|常委会|办公室|办公厅|办事处|署|总局|中心|院|所|支队|大队)"
# a department's unit, after its name: for a part of its area (公安局灹江分局灹塘派出所) or a line of work
# (公安局交通警察支队) — the report is the unit's, not the department's (nor, unread, the government's)
_SUB_UNIT = rf"{_DEPT_CHAR}{{1,8}}?(?:分局|支队|大队|中队|派出所|司法所|监管所|分院|分中心)"
_BODY_AFTER_PLACE = re.compile(
    rf"^(?:{_GOVERNMENT}|办事处|{_DEPARTMENT}(?:{_SUB_UNIT}){{0,2}})(?=关于|\d|$|[，。\s（(])")
_PLACE_AT_START = re.compile(rf"^{_PLACE_TEXT}")
_NATIONAL_BODY = re.compile(
    r"^(?:中华人民共和国|国家|国务院)?[\u4e00-\u9fff]{1,10}?(?:部|总局|委员会|署|局|办公厅)"
    r"(?=关于|\d|$|[，。\s])")
_NOT_A_PLACE_START = ("国家", "中华人民共和国", "国务院", "中央", "全国")
_PARTY_PREFIX = re.compile(r"^(?:中共|中国共产党)[^\s，。、]{1,12}?(?:委员会|委)[\s、，和与及]*")
_RELATIVE_BODY = re.compile(rf"^[省市区县](?:{_GOVERNMENT}|{_DEPARTMENT})(?=关于|\d|$|[，。\s])")
# (a page presenting the report names it after a lead of its own: "一图读懂…", "【图解】…")
_TITLE_LEAD = re.compile(r"^(?:(?:一图(?:读懂|看懂|了解|速览)|图解|【[^】]{1,8}】)[：:]?\s*)?(?:关于)?"
                         r"(?:(?:19|20|二〇|二0)[\d〇一二三四五六七八九零]{2}年度?)?")
_OPENING_PLACE = re.compile(
    rf"^(?:(?:19|20)\d{{2}}年度?(?:以来)?[，,]\s*)?(?:在[^，。]{{0,40}}?下[，,]\s*)?({_PLACE_TEXT})")
# in running text only the forms of issuers, and not words that merely end like one
_TEXT_DEPARTMENT = rf"{_DEPT_NAME}(?:局|厅|委员会|办公室)"
_BODY_IN_TEXT = re.compile(rf"({_PLACE_TEXT})(人民政府|办事处|{_TEXT_DEPARTMENT})")
_NOT_A_BODY = ("格局", "布局", "大局", "全局", "当局", "开局", "变局", "新局", "结局", "时局",
               "政局", "大厅", "展厅", "餐厅", "村民委员会", "居民委员会")


@dataclass(frozen=True)
class _Named:
    place: str | None  # as written: 杭州市余杭区, 江北市, None
    body: str | None  # the body after the place: 人民政府, 司法局, or a whole national body


def find_issuer(title: str, opening: str = "", signature: str = "") -> tuple[str | None, str | None]:
    """(issuing body, canonical region) from the title, the opening sentences and the
    signature block.

    '杭州市余杭区2021年…' + signature '杭州市余杭区人民政府' → ('杭州市余杭区人民政府', '杭州市余杭区');
    '2020年静海区…' → ('静海区人民政府', '天津市静海区') by the gazetteer (zh.places);
    '临江省司法厅2023年…' → ('临江省司法厅', '临江省'); '司法部2023年…' → ('司法部', '司法部'):
    a national body that names no place is its own region.  A place the gazetteer does not
    know (a fictional one in tests) is kept as written, the longest form stated.
    """
    named = [n for n in (_named_at_start(_TITLE_LEAD.sub("", title)), _named_at_start(signature),
                         _named_in_text(opening)) if n is not None]
    places = [n.place for n in named if n.place]
    place = _best_place(places)
    body = next((n.body for n in named if n.body and n.place), None)
    if body is None:
        body = next((n.body for n in named if n.body), None)
    if place is None:
        return body, body  # 司法部: the body itself is what questions name
    region = _canonical_region(place, [*places, title, opening, signature])
    if region.endswith(place):
        place = region  # the gazetteer's full name: 静海区 → 天津市静海区
    if body is None:
        return f"{place}{'办事处' if place.endswith('街道') else '人民政府'}", region
    if (body[0] in "省市区县" and place.endswith(body[0])
            and not body.startswith(("市场", "县域"))):
        body = body[1:]  # '区司法局' signed under the region named elsewhere: 静海区 + 司法局
    if body == "政府":
        body = "人民政府"
    return f"{place}{body}", region


# a branch of a vertically run system names its system first: "国家税务总局萁州市税务局" is the
# tax bureau of 萁州市 (the national body is no place, and not its region)
_SYSTEM = r"(?:国家税务总局|国家金融监督管理总局|国家统计局|中国人民银行|国家外汇管理局)(?=[\u4e00-\u9fff])"
_SYSTEM_PREFIX = re.compile(rf"^{_SYSTEM}")
_SYSTEM_IN_TEXT = re.compile(_SYSTEM)


def _named_at_start(text: str) -> _Named | None:
    text = _SYSTEM_PREFIX.sub("", normalize_numerals(text).strip())
    # "中共海淀区委 海淀区人民政府关于…": the party committee signs with the government
    text = _PARTY_PREFIX.sub("", text).strip()
    if not text or text.startswith(("中共", "中国共产党")):
        return None
    m = _PLACE_AT_START.match(text)
    if m and not _is_admin_word(m.group(0)) and not text.startswith(_NOT_A_PLACE_START):
        place, rest = m.group(0), text[m.end():]
        government = re.search(_GOVERNMENT, place)
        if government and government.start() > 0:
            # "沩水县人民政府县长2025年度述法报告": the place ends where its government is named
            place, rest = place[:government.start()], place[government.start():] + rest
        body = _BODY_AFTER_PLACE.match(rest)
        if len(place) > 3 and _common_word(place[-2:]):
            # "菘阳市茯山区城市管理局": 城市 begins the department's name, no place of its own
            shorter = _BODY_AFTER_PLACE.match(place[-2:] + rest)
            if shorter and _PLACE_AT_START.fullmatch(place[:-2]):
                place, body = place[:-2], shorter
        return _Named(place, body.group(0) if body else None)
    relative = _RELATIVE_BODY.match(text)
    if relative:
        return _Named(None, relative.group(0))
    national = _NATIONAL_BODY.match(text)
    if national:
        return _Named(None, national.group(0))
    return None


def _common_word(text: str) -> bool:
    """A word of the dictionary that is no place of the gazetteer (城市, 城区, 社区; not 沛县)."""
    from vectorstore.tokenizer import shared_tokenizer
    from zh.places import is_place

    return shared_tokenizer().is_word(text) and not is_place(text)


def _named_in_text(text: str) -> _Named | None:
    """'2023年，江北市司法局在市委…' → 江北市 + 司法局 (a place followed by a body)."""
    text = normalize_numerals(text)
    for m in _BODY_IN_TEXT.finditer(_SYSTEM_IN_TEXT.sub("", text)):
        place = _trim_place(m.group(1))
        if place and place[1:2] == "委" and place[0] in "省市区县州":
            continue  # "市委全面依法治市委员会办公室": a party committee's office, no place
        if place and not _is_admin_word(place) and not m.group(2).endswith(_NOT_A_BODY):
            return _Named(place, m.group(2))
    opening = _OPENING_PLACE.match(text)  # "2021年，余杭区坚持……": the place alone
    if opening and not opening.group(1).startswith(_NOT_A_PLACE_START):
        place = _clean_prefix(opening.group(1))
        if place:
            return _Named(_trim_place(place) or place, None)
    return None


_UNIT_CHUNK = re.compile(rf".+?{_UNIT}")


def _clean_prefix(place: str) -> str:
    """The units of ``place`` up to the first that is an admin word or ends with one:
    '余杭区建成全区' → '余杭区'; '围绕全区' → ''."""
    kept = ""
    for chunk in _UNIT_CHUNK.findall(place):
        if any(_is_admin_word(chunk[-k:]) for k in range(2, min(5, len(chunk) + 1))):
            break
        kept += chunk
    return kept


def _trim_place(place: str) -> str:
    """The longest known place at the end of a run ('坚持澜州市' → '澜州市' when known)."""
    from zh.places import find_places, is_admin_word

    if any(is_admin_word(place[-k:]) for k in range(2, min(5, len(place) + 1))):
        return ""  # "围绕全区", "推动各县": an admin word, no place
    found = find_places(place)
    if found and found[-1].end == len(place):
        return place[found[0].start:] if found[0].start > 0 else place
    return place


def _is_admin_word(place: str) -> bool:
    from zh.places import is_admin_word

    return is_admin_word(place)


def _best_place(places: list[str]) -> str | None:
    """The most complete form: '南陵市枫桥区' over '枫桥区'; the title's place otherwise."""
    if not places:
        return None
    first = places[0]
    longer = [p for p in places if p != first and p.endswith(first)]
    return max(longer, key=len) if longer else first


def _canonical_region(place: str, context: list[str]) -> str:
    from zh.places import canonical

    return canonical(place, context) or place


def _opening(blocks: list[Block], skip: int) -> str:
    """The first sentences after the title: where '2023年，江北市司法局…' names the body."""
    text = "".join(b.text for b in blocks[skip: skip + 3])
    return text[:300]


def _signature(blocks: list[Block]) -> str:
    """The issuer line above the closing date, which may be followed by notes such as
    "（此件公开发布）" or "抄送：…"."""
    tail = blocks[-6:]
    for i in range(len(tail) - 1, 0, -1):
        if _DATED.fullmatch(normalize_numerals(tail[i].text).replace(" ", "")):
            issuer = tail[i - 1].text
            if len(issuer) <= 40 and not _SENTENCE_END.search(issuer):
                return issuer
            return ""
    return ""


_CONTENTS = ("目录", "目 录")
_ASKED = re.compile(r"^(?:问|提问|记者问|记者)\s*[:：]")
_MAX_ASKED = 100
_COMPILATION = re.compile(r"汇编|合集|选编")
_PART_TITLE_END = re.compile(r"(?:报告|总结)$")


def misread_place(info: DocInfo, file_stem: str) -> DocInfo:
    """``info`` of a document read by OCR, with its place as the file's name writes it when OCR
    misread one character of it (溹川县 read as 潔川县: a rare character of a name is what OCR
    gets wrong); ``info`` itself otherwise."""
    named = _named_at_start(file_stem.split("_")[0])
    place, region = named.place if named is not None else None, info.region
    if not place or not region or place == region or len(place) != len(region) or place[-1] != region[-1] \
            or sum(a != b for a, b in zip(place, region, strict=True)) != 1:
        return info
    return replace(info, region=place, title=info.title.replace(region, place),
                   issuer=info.issuer.replace(region, place) if info.issuer else info.issuer)


def part_title(text: str) -> str:
    """The body whose report's title ``text`` is, when it is one ("澯州市公安局2025年度法治政府建设
    工作报告" → "公安局"): a place and a body, a year, a report's word at its end, no sentence; ""
    for any other line."""
    if len(text) > _MAX_TITLE_LINE or _SENTENCE_END.search(text) or not _PART_TITLE_END.search(text) \
            or not _YEAR_RE.search(normalize_numerals(text)):
        return ""
    named = _named_at_start(_TITLE_LEAD.sub("", text))
    return named.body if named is not None and named.place and named.body else ""


def paragraphs(blocks: Iterable[Block], skip: int = 0) -> Iterator[Paragraph]:
    """Yield body paragraphs with section paths; headings go into the path.

    A heading followed by body in the same paragraph ("3.开展……行动。组织……") adds its
    first sentence to the path, and the whole paragraph stays as body text.
    """
    stack: list[tuple[float, str]] = []
    for i, block in enumerate(blocks):
        if i < skip:
            continue
        if block.text.replace(" ", "") in _CONTENTS:
            continue  # a compilation's 目录: its lines are the parts' titles
        heading = match_heading(block.text)
        if heading is None and part_title(block.text):
            # "澯州市公安局2025年度法治政府建设工作报告" inside a compilation: a report of its own,
            # the root of the path of what follows (the 目录's lines too, with nothing under them)
            stack = [(-100.0, block.text)]
            continue
        if heading is None and block.heading_level is None and _ASKED.match(block.text) \
                and len(block.text) <= _MAX_ASKED:
            # "问：…有哪些新进展？" of a Q&A (政策解读, 答记者问): the question its answer is under
            heading = Heading(9, block.text, has_body=False)
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
