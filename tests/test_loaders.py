"""Acceptance tests for ingest.loaders (text, markdown, html, docx, pdf)."""

from __future__ import annotations

import io
import re
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.blocks import Block
from ingest.errors import IngestError, UnsupportedFileType
from ingest.loaders import SUPPORTED_SUFFIXES, html_loader, load_blocks
from ingest.loaders.normalize import normalize_text
from ingest.loaders.tables import render_table
from ingest.loaders.text import parse_text_bytes

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "tests" / "fixtures" / "samples"
REFERENCE = SAMPLES / "明湖区_2023.txt"
SENTENCE_END = tuple("。！？；：”）")


def _paragraphs(text: str) -> list[str]:
    return [p for p in (normalize_text(line) for line in text.splitlines()) if p]


@pytest.fixture(scope="module")
def reference() -> list[str]:
    return _paragraphs(REFERENCE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def pdf_blocks() -> list[Block]:
    return load_blocks(SAMPLES / "明湖区_2023.pdf")


@pytest.fixture(scope="module")
def html_blocks() -> list[Block]:
    return load_blocks(SAMPLES / "明湖区_2023.html")


@pytest.fixture(scope="module")
def docx_blocks() -> list[Block]:
    return load_blocks(SAMPLES / "明湖区_2023.docx")


def _block_starting(blocks: list[Block], prefix: str) -> Block:
    matches = [b for b in blocks if b.text.startswith(prefix)]
    assert len(matches) == 1, f"{prefix!r}: {matches}"
    return matches[0]


# --- normalisation --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  a \t b  ", "a b"),
        ("中　文\u00a0内容", "中文内容"),
        ("表1  2023年明湖区", "表1 2023年明湖区"),
        ("持证率 97.5%", "持证率 97.5%"),
        ("全年受理 12 件，新增 3 个，2023 年", "全年受理 12件，新增 3个，2023年"),  # office PDF export
        ("审查 ，  2023年 。", "审查，2023年。"),
        ("紧扣 “法治明湖·品质之城” 建设", "紧扣“法治明湖·品质之城”建设"),
        ("line one\nline two\r\n", "line one line two"),
        ("零宽\u200b字符\ufeff", "零宽字符"),
        ("（一）坚持依法；全面：履行！", "（一）坚持依法；全面：履行！"),
    ],
)
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


@settings(max_examples=50, deadline=None)
@given(st.text())
def test_normalize_is_idempotent_and_single_line(raw: str) -> None:
    once = normalize_text(raw)
    assert normalize_text(once) == once
    assert "\n" not in once and once == once.strip()


# --- the same report in every format --------------------------------------------------


def test_reference_txt(reference: list[str]) -> None:
    blocks = load_blocks(REFERENCE)
    assert [b.text for b in blocks] == reference
    assert all(b.page is None and b.heading_level is None for b in blocks)


@pytest.mark.parametrize("suffix", ["docx", "pdf", "html"])
def test_format_matches_reference_text(suffix: str, reference: list[str]) -> None:
    blocks = load_blocks(SAMPLES / f"明湖区_2023.{suffix}")
    assert [b.text for b in blocks] == reference


def test_other_text_reports_load() -> None:
    for path in (
        SAMPLES / "明湖区_2022.txt",
        ROOT / "data" / "杭州市余杭区2021年法治政府建设年度报告.txt",
    ):
        blocks = load_blocks(path)
        assert [b.text for b in blocks] == _paragraphs(path.read_text(encoding="utf-8"))
        assert any(b.text.startswith("一、") for b in blocks)


# --- PDF ------------------------------------------------------------------------------


def test_pdf_page_numbers(pdf_blocks: list[Block]) -> None:
    pages = [b.page for b in pdf_blocks]
    assert None not in pages
    assert pages == sorted(p or 0 for p in pages)
    assert _block_starting(pdf_blocks, "鹭洲市明湖区2023年").page == 1
    assert _block_starting(pdf_blocks, "4.落实公平竞争审查").page == 2
    assert _block_starting(pdf_blocks, "行政复议案件：").page == 2  # table row
    assert _block_starting(pdf_blocks, "3.推进信访工作法治化").page == 3
    assert _block_starting(pdf_blocks, "三、存在的问题和不足").page == 3
    assert _block_starting(pdf_blocks, "（二）深化数字法治政府建设").page == 4
    assert _block_starting(pdf_blocks, "2024年3月15日").page == 4


def test_pdf_paragraph_across_page_break_gets_start_page(pdf_blocks: list[Block]) -> None:
    # starts at the bottom of page 2, "…衔接机" / "制，全年…" is the page break
    block = _block_starting(pdf_blocks, "2.拓展人民调解覆盖面")
    assert block.page == 2
    assert "“人民调解+司法确认”衔接机制，全年对调解协议申请司法确认318件" in block.text
    assert block.text.endswith("大事不出街道。")


def test_pdf_has_no_page_furniture(pdf_blocks: list[Block]) -> None:
    for block in pdf_blocks:
        assert not re.search(r"[—-]\s*\d+\s*[—-]", block.text), block
        assert not re.fullmatch(r"\d+", block.text)


def test_pdf_no_paragraph_split_mid_sentence(pdf_blocks: list[Block]) -> None:
    body = [
        b
        for b in pdf_blocks
        if len(b.text) > 30 and "：" not in b.text[:12] and not re.match("[一二三四五]、", b.text)
    ]
    assert len(body) >= 20
    for block in body:
        assert block.text.endswith(SENTENCE_END), block
    # the two-line heading of part two is one block
    assert _block_starting(pdf_blocks, "二、党政主要负责人").text.endswith(
        "加强法治政府建设的有关情况"
    )


def test_pdf_keeps_characters_pdfminer_drops(pdf_blocks: list[Block]) -> None:
    assert "“法治明湖·品质之城”" in pdf_blocks[1].text


# --- HTML -----------------------------------------------------------------------------

SITE_CHROME = [
    "您所在的位置",
    "当前位置",
    "首页",
    "政务公开",
    "走进明湖",
    "无障碍浏览",
    "请输入关键词",
    "搜索",
    "版权所有",
    "ICP",
    "主办单位",
    "承办单位",
    "联系电话",
    "网站标识码",
    "公网安备",
    "分辨率",
    "打印本页",
    "关闭窗口",
    "相关链接",
    "发布时间",
    "浏览次数",
    "字号",
]
SCRIPT_TEXT = ["function", "querySelector", "onclick", "var ", "getAttribute", "{"]


def _assert_no_chrome(blocks: list[Block]) -> None:
    text = "\n".join(b.text for b in blocks)
    for junk in SITE_CHROME + SCRIPT_TEXT:
        assert junk not in text, junk


def test_html_drops_menus_breadcrumbs_footer_and_scripts(html_blocks: list[Block]) -> None:
    _assert_no_chrome(html_blocks)


def test_html_headings_have_levels(html_blocks: list[Block]) -> None:
    levels = {b.text: b.heading_level for b in html_blocks if b.heading_level is not None}
    assert levels["鹭洲市明湖区2023年法治政府建设年度报告"] == 1
    assert levels["一、主要举措和成效"] == 2
    assert levels["（一）坚持依法科学民主决策，提升决策能力"] == 3
    assert len(levels) == 10
    assert _block_starting(html_blocks, "1.推进重大行政决策").heading_level is None


def test_html_own_extraction_without_trafilatura(
    monkeypatch: pytest.MonkeyPatch, reference: list[str]
) -> None:
    monkeypatch.setattr(html_loader, "_trafilatura_blocks", lambda doc, name: None)
    blocks = load_blocks(SAMPLES / "明湖区_2023.html")
    assert [b.text for b in blocks] == reference
    _assert_no_chrome(blocks)
    assert blocks[0].heading_level == 1


GBK_PAGE = """<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>某区2023年法治政府建设年度报告_某区人民政府</title>
<script>var secret = "脚本内容不应出现";</script></head>
<body><div class="topnav"><a href="/">首页</a> <a>政务公开</a></div>
<div class="position">当前位置：首页 &gt; 政务公开</div>
<div class="title"><h1>某区2023年法治政府建设年度报告</h1></div>
<div id="zoom">
<p>　　2023年，某区深入学习贯彻习近平法治思想，全面推进依法行政，法治政府建设取得新成效。</p>
<p>　　一、主要举措和成效<br>
　　（一）健全依法决策机制。全年审查规范性文件12件，出具法律意见书431份。</p>
<script>document.write("另一段脚本文字");</script>
<p>　　二、存在的问题和不足。部分街道法治工作力量薄弱，执法数字化水平不高。</p>
</div>
<div class="footer">版权所有：某区人民政府 某ICP备12345678号</div>
</body></html>"""


@pytest.mark.parametrize("own_only", [False, True])
def test_html_gbk_meta_charset_br_and_scripts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, own_only: bool
) -> None:
    if own_only:
        monkeypatch.setattr(html_loader, "_trafilatura_blocks", lambda doc, name: None)
    path = tmp_path / "page.htm"
    path.write_bytes(GBK_PAGE.encode("gbk"))
    texts = [b.text for b in load_blocks(path)]
    assert texts[0] == "某区2023年法治政府建设年度报告"
    assert "一、主要举措和成效" in texts
    assert "（一）健全依法决策机制。全年审查规范性文件12件，出具法律意见书431份。" in texts
    joined = "".join(texts)
    for junk in ("脚本", "secret", "document", "首页", "当前位置", "版权所有", "ICP"):
        assert junk not in joined


TRS_PAGE = """<html><head><meta charset="utf-8">
<title>余杭区2021年法治政府建设年度报告 - 余杭区人民政府</title></head><body>
<table width=1000><tr><td class="dh">
<a href="/">首页</a><a href="/xxgk">信息公开</a></td></tr></table>
<table><tr><td><table>
<tr><td class="title" align=center>余杭区2021年法治政府建设年度报告</td></tr>
<tr><td>发布日期：2022-03-01 信息来源：区司法局</td></tr>
<tr><td><div class="TRS_Editor"><font size=3>
　　2021年，余杭区坚持以习近平法治思想为指导，推进依法行政。<br>
　　<strong>一、主要举措和成效</strong><br>
　　（一）深化“放管服”改革。全年办理政务服务事项120万件。<br></font>
<table border=1><tr><td>指标</td><td>2020年</td><td>2021年</td></tr>
<tr><td>行政复议</td><td>100件</td><td>120件</td></tr></table>
</div></td></tr></table></td></tr></table>
<div class="bottom">主办：余杭区人民政府办公室 浙ICP备0000号</div>
</body></html>"""


@pytest.mark.parametrize("own_only", [False, True])
def test_html_layout_tables_br_paragraphs_and_td_title(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, own_only: bool
) -> None:
    """Old CMS layout: nested layout tables, title in a <td>, <br>-separated paragraphs."""
    if own_only:
        monkeypatch.setattr(html_loader, "_trafilatura_blocks", lambda doc, name: None)
    path = tmp_path / "trs.html"
    path.write_text(TRS_PAGE, encoding="utf-8")
    assert [(b.text, b.heading_level) for b in load_blocks(path)] == [
        ("余杭区2021年法治政府建设年度报告", 1),
        ("2021年，余杭区坚持以习近平法治思想为指导，推进依法行政。", None),
        ("一、主要举措和成效", None),
        ("（一）深化“放管服”改革。全年办理政务服务事项120万件。", None),
        ("行政复议｜2020年：100件｜2021年：120件", None),
    ]


# --- DOCX -----------------------------------------------------------------------------


def test_docx_heading_levels(docx_blocks: list[Block]) -> None:
    assert docx_blocks[0].heading_level == 1  # style "Title"
    assert _block_starting(docx_blocks, "一、主要举措和成效").heading_level == 1  # Heading 1
    assert _block_starting(docx_blocks, "（三）坚持严格规范").heading_level == 2  # Heading 2
    assert _block_starting(docx_blocks, "1.推进重大行政决策").heading_level is None
    assert sum(b.heading_level is not None for b in docx_blocks) == 10


def test_docx_table_rows_render_with_labels(docx_blocks: list[Block]) -> None:
    texts = [b.text for b in docx_blocks]
    start = texts.index("表1 2023年明湖区行政执法和行政争议化解主要数据")
    assert texts[start + 1 : start + 3] == [
        "行政执法人员持证率：97.5%",
        "行政复议案件：收到申请263件，受理236件，审结229件，纠错率5.2%",
    ]
    assert "项目" not in texts and not any("完成情况" in t for t in texts)


def test_docx_wide_table_keeps_headers_and_merged_cells_once(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("一、主要数据", level=1)
    table = document.add_table(rows=4, cols=3)
    for r, row in enumerate(
        [["项目", "受理", "审结"], ["行政复议", "126件", "119件"], ["行政诉讼", "", "80件"]]
    ):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    merged = table.cell(3, 0).merge(table.cell(3, 1))
    merged.text = "合计"
    table.cell(3, 2).text = "199件"
    document.add_paragraph("表后正文。")
    path = tmp_path / "表格.docx"
    document.save(str(path))

    blocks = load_blocks(path)
    assert [(b.text, b.heading_level) for b in blocks] == [
        ("一、主要数据", 1),
        ("行政复议｜受理：126件｜审结：119件", None),
        ("行政诉讼｜审结：80件", None),
        ("合计｜审结：199件", None),
        ("表后正文。", None),
    ]


def test_render_table_rules() -> None:
    assert render_table([["项目", "完成情况"], ["持证率", "97.5%"]]) == ["持证率：97.5%"]
    assert render_table([["项目", "受理", "审结"], ["复议", "1件", "1件"]]) == [
        "复议｜受理：1件｜审结：1件"
    ]
    assert render_table([["类别", "数量", None], ["复议", "5件", "3件"]]) == [
        "复议｜数量：5件｜数量：3件"
    ]
    assert render_table([["只有一行", "", "两格"]]) == ["只有一行；两格"]
    assert render_table([["", ""], ["", ""]]) == []
    # a column label that begins with its year is a header, not a value
    assert render_table([["目标", "目标值", "2025年完成值", "完成情况"],
                         ["法律援助案件", "1000件以上", "1088件", "完成"]]) == [
        "法律援助案件｜目标值：1000件以上｜2025年完成值：1088件｜完成情况：完成"
    ]


@pytest.mark.parametrize("bar", ["｜", "|", " | "])
def test_a_table_typed_with_bars_in_plain_text_keeps_its_year_columns(bar) -> None:
    from ingest.loaders.text import parse_text_bytes

    rows = [["指标", "2023年", "2024年", "2025年"], ["行政复议纠错率（%）", "11.2", "9.6", "8.3"],
            ["法律援助案件（件）", "4127", "4530", "4916"]]
    text = "三、主要指标\r\n" + "\r\n".join(bar.join(r) for r in rows) + "\r\n全年共收到申请1862件。\r\n"
    blocks = [b.text for b in parse_text_bytes(text.encode("gbk"), "市_2025.txt")]
    assert blocks == ["三、主要指标", "行政复议纠错率（%）｜2023年：11.2｜2024年：9.6｜2025年：8.3",
                      "法律援助案件（件）｜2023年：4127｜2024年：4530｜2025年：4916", "全年共收到申请1862件。"]


@pytest.mark.parametrize("rule", ["|---|---|---|---|", "｜---｜---｜---｜---｜", "| :--- | ---: | --- | --- |"])
def test_a_markdown_rule_typed_in_plain_text_is_no_row(rule) -> None:
    from ingest.loaders.text import parse_text_bytes

    text = ("三、主要指标\n| 指标 | 2023年 | 2024年 | 2025年 |\n" + rule
            + "\n| 行政复议纠错率（%） | 11.2 | 9.6 | 8.3 |\n全年共收到申请1862件。\n")
    blocks = [b.text for b in parse_text_bytes(text.encode("gbk"), "市_2025.txt")]
    assert blocks == ["三、主要指标", "行政复议纠错率（%）｜2023年：11.2｜2024年：9.6｜2025年：8.3",
                      "全年共收到申请1862件。"]


def test_a_table_exported_as_text_with_columns_aligned_by_spaces() -> None:
    """Word's and WPS's 'save as text' of a table can align its columns with spaces: rows with their
    headers, as a docx table's; a title line with two spaces, headings, prose stay text."""
    from ingest.loaders.text import parse_text_bytes

    text = ("    5.各街道城管综合执法主要数据如下表。\r\n"
            "表1  2025年澄江区各街道城管综合执法主要数据\r\n"
            "街道       立案（件）   拆除违建（平方米）   投诉（件）\r\n"
            "澄江街道   912          38600                5842\r\n"
            "\u3000\u3000澄北街道\u3000\u3000604\u3000\u300027480\u3000\u30003715\r\n"
            "合计       1516         66080                9557\r\n"
            "一、  主要成效\r\n二、  存在的问题\r\n"
            "全年立案1516件，  同比增长9.1%。\r\n")
    blocks = [b.text for b in parse_text_bytes(text.encode("utf-8-sig"), "局_2025.txt")]
    assert blocks == ["5.各街道城管综合执法主要数据如下表。", "表1 2025年澄江区各街道城管综合执法主要数据",
                      "澄江街道｜立案（件）：912｜拆除违建（平方米）：38600｜投诉（件）：5842",
                      "澄北街道｜立案（件）：604｜拆除违建（平方米）：27480｜投诉（件）：3715",
                      "合计｜立案（件）：1516｜拆除违建（平方米）：66080｜投诉（件）：9557",
                      "一、主要成效", "二、存在的问题", "全年立案1516件，同比增长9.1%。"]


def test_rows_written_with_their_headers_and_lone_bars_stay_text() -> None:
    from ingest.loaders.text import parse_text_bytes

    text = ("查处违法案件（件）｜2023年：1683｜2024年：1925\n罚没款（万元）｜2023年：2310.5｜2024年：2672.8\n"
            "来源：市司法局｜发布时间：2025年3月\n")
    blocks = [b.text for b in parse_text_bytes(text.encode("utf-8"), "局_2024.txt")]
    assert blocks == text.splitlines()


@pytest.mark.parametrize("title_slots", [[None, None, None], ["", "", ""]])
def test_a_title_merged_across_the_table_is_its_caption_not_a_column_label(title_slots) -> None:
    title = "荠湾区2024年各街道（镇）人民调解情况"
    rows = [[title, *title_slots], ["街道", "调解纠纷（件）", "调解成功率（%）", "法律援助（件）"],
            ["荠湾街道", "1246", "97.8", "215"], ["薤田镇", "983", "95.1", "196"]]
    assert render_table(rows) == [
        title,
        "荠湾街道｜调解纠纷（件）：1246｜调解成功率（%）：97.8｜法律援助（件）：215",
        "薤田镇｜调解纠纷（件）：983｜调解成功率（%）：95.1｜法律援助（件）：196",
    ]
    # python-docx repeats a merged cell's text in every slot it spans
    assert render_table([[title] * 4, *rows[1:]])[1].startswith("荠湾街道｜调解纠纷（件）：1246")


# --- encodings and markdown -----------------------------------------------------------


@pytest.mark.parametrize(
    "codec", ["utf-8-sig", "gbk", "gb18030", "utf-16", "utf-16-be-bom", "utf-8-crlf"]
)
def test_text_encodings_give_identical_blocks(tmp_path: Path, codec: str) -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    expected = load_blocks(REFERENCE)
    if codec == "utf-16-be-bom":
        data = b"\xfe\xff" + text.encode("utf-16-be")
    elif codec == "utf-8-crlf":
        data = text.replace("\n", "\r\n").encode("utf-8")
    else:
        data = text.encode(codec)
    path = tmp_path / f"report_{codec}.txt"
    path.write_bytes(data)
    assert load_blocks(path) == expected


def test_punctuation_and_heading_numbering_survive() -> None:
    texts = [b.text for b in load_blocks(REFERENCE)]
    for line in ("一、主要举措和成效", "（一）坚持依法科学民主决策，提升决策能力"):
        assert line in texts
    assert any(t.startswith("1.推进重大行政决策全过程规范。") for t in texts)
    assert "紧扣“法治明湖·品质之城”建设目标，" in texts[1]
    assert "100%；“信用修复一次办”" in "".join(texts)


def test_short_gbk_text_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_bytes("一、主要举措\n（一）依法决策。".encode("gbk"))
    assert [b.text for b in load_blocks(path)] == ["一、主要举措", "（一）依法决策。"]


def test_markdown_headings_emphasis_and_tables(tmp_path: Path) -> None:
    path = tmp_path / "报告.MD"
    path.write_text(
        "# 某区2023年法治政府建设年度报告\n\n"
        "## 一、主要举措和成效\n"
        "全年**审查**规范性文件12件。\n\n"
        "| 项目 | 受理 | 审结 |\n|---|:---:|---|\n| 行政复议 | 126件 | 119件 |\n\n"
        "- 第一项\n"
        "---\n"
        "### （一）依法决策 ###\n",
        encoding="utf-8",
    )
    assert [(b.text, b.heading_level) for b in load_blocks(path)] == [
        ("某区2023年法治政府建设年度报告", 1),
        ("一、主要举措和成效", 2),
        ("全年审查规范性文件12件。", None),
        ("行政复议｜受理：126件｜审结：119件", None),
        ("第一项", None),
        ("（一）依法决策", 3),
    ]


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.one_of(
        st.binary(max_size=2000),
        st.tuples(
            st.text(max_size=500), st.sampled_from(["utf-8", "gb18030", "utf-16", "utf-32"])
        ).map(lambda pair: pair[0].encode(pair[1])),
    ),
    markdown=st.booleans(),
)
def test_text_loader_only_raises_ingest_error(data: bytes, markdown: bool) -> None:
    try:
        blocks = parse_text_bytes(data, "random.txt", markdown=markdown)
    except IngestError:
        return
    for block in blocks:
        assert block.text and "\n" not in block.text and "\r" not in block.text
        assert block.text == block.text.strip()


# --- errors ---------------------------------------------------------------------------


def _raises(path: Path, *fragments: str, kind: type[IngestError] = IngestError) -> str:
    with pytest.raises(kind) as info:
        load_blocks(path)
    message = str(info.value)
    assert path.name in message, message
    for fragment in fragments:
        assert fragment in message, message
    return message


@pytest.mark.parametrize("suffix", SUPPORTED_SUFFIXES)
def test_empty_file(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    _raises(path, "0 字节")


def test_whitespace_only_text(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text(" \n\u3000\n", encoding="utf-8")
    _raises(path, "没有提取到任何文字")


def test_nul_bytes_in_text(tmp_path: Path) -> None:
    path = tmp_path / "disguised.txt"
    path.write_bytes(b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + bytes(range(256)) * 4)
    _raises(path, "NUL", "二进制")


def test_unsupported_suffix(tmp_path: Path) -> None:
    path = tmp_path / "数据.xlsx"
    path.write_bytes(b"PK\x03\x04")
    message = _raises(path, ".xlsx", kind=UnsupportedFileType)
    for suffix in SUPPORTED_SUFFIXES:
        assert suffix in message


def test_missing_file(tmp_path: Path) -> None:
    _raises(tmp_path / "nowhere.pdf", "不存在")


def test_junk_docx(tmp_path: Path) -> None:
    path = tmp_path / "junk.docx"
    path.write_bytes(bytes(range(256)) * 8)
    _raises(path, "不是有效的 .docx")


def test_zip_without_word_document(tmp_path: Path) -> None:
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    _raises(path, "Excel", ".docx")  # a spreadsheet named .docx: told what it really is


def test_legacy_doc_renamed(tmp_path: Path) -> None:
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    _raises(path, ".doc")


def _docx_bytes() -> bytes:
    return (SAMPLES / "明湖区_2023.docx").read_bytes()


def test_zip_bomb_docx_by_ratio(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    buffer = io.BytesIO(_docx_bytes())
    with zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/filler.bin", bytes(20 * 2**20))  # 20 MiB of zeros, ~20 KiB
    path.write_bytes(buffer.getvalue())
    assert path.stat().st_size < 200_000
    _raises(path, "压缩炸弹")


def test_zip_bomb_docx_by_declared_size(tmp_path: Path) -> None:
    """A central directory that claims a 4 GB member is refused before anything is inflated."""
    buffer = io.BytesIO(_docx_bytes())
    with zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("word/media/huge.bin", b"x" * 64)
    data = bytearray(buffer.getvalue())
    name = b"word/media/huge.bin"
    entry = data.rfind(b"PK\x01\x02", 0, data.rfind(name))
    struct.pack_into("<I", data, entry + 24, 0xFFFFFFF0)  # uncompressed size field
    path = tmp_path / "bomb2.docx"
    path.write_bytes(bytes(data))
    _raises(path, "压缩炸弹")


def test_pdf_without_text(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as f:
        writer.write(f)
    _raises(path, "OCR", "扫描件")


def test_encrypted_pdf(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=SAMPLES / "明湖区_2023.pdf")
    writer.encrypt("secret")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as f:
        writer.write(f)
    _raises(path, "加密")


@pytest.mark.parametrize(
    "content",
    [b"%PDF-1.4\n" + bytes(range(256)) * 8, b"not a pdf at all" * 20],
    ids=["garbled", "no-header"],
)
def test_corrupt_pdf(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(content)
    _raises(path, "PDF")


def test_broken_html_does_not_leak_library_errors(tmp_path: Path) -> None:
    path = tmp_path / "nul.html"
    path.write_bytes(b"<html>\x00\x00\x01</html>")
    _raises(path, "NUL")


# --- packaging ------------------------------------------------------------------------


def test_import_is_light() -> None:
    code = (
        "import sys, ingest.loaders\n"
        "heavy = {'pdfplumber', 'pypdfium2', 'docx', 'trafilatura', 'lxml',\n"
        "         'charset_normalizer', 'pypdf'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert result.stdout.strip() == "[]"
