"""A ruled table split by a page break loads like a one-page table: the rows on the next
page keep the column headers (ingest.loaders.pdf, step 5 of the module doc).

The PDFs are written by tests/pdf_tables.py (a running header and a page number on every
page, as printed reports have); tests/fixtures/pdf_tables_pages/ holds PDFs printed by
chromium from HTML (make_pdfs.py there), where a <thead> is repeated on every page.
"""

from __future__ import annotations

from pathlib import Path

from ingest.loaders.pdf import load_pdf
from tests.pdf_tables import _text, paragraph_ops, table_ops, write_pdf

FIXTURES = Path(__file__).parent / "fixtures" / "pdf_tables_pages"
RUNNING_HEADER = "云岭县2024年法治政府建设年度报告"
HEADER = ["指标", "2023年", "2024年", "增减"]
FIRST_ROWS = [
    ["行政复议案件受理数（件）", "86", "112", "+26"],
    ["行政复议纠错率（%）", "12.8", "17.1", "+4.3"],
    ["行政复议审结数（件）", "80", "105", "+25"],
    ["行政复议维持数（件）", "51", "63", "+12"],
    ["行政复议驳回数（件）", "7", "9", "+2"],
    ["行政复议调解数（件）", "14", "18", "+4"],
]
NEXT_ROWS = [
    ["行政诉讼一审收案数（件）", "74", "61", "-13"],
    ["负责人出庭应诉率（%）", "100", "100", "持平"],
    ["合法性审查件数（件）", "38", "45", "+7"],
]
INTRO = [
    "2024年，云岭县坚持以习近平法治思想为指导，统筹推进依法行政各项工作，全县法治政府",
    "建设取得新进展。全年县政府常务会议专题学法6次，组织全县行政执法人员参加培训。",
]
BODY = [
    "二、主要举措和成效",
    "全县深化“放管服”改革，全面承接上级下放的行政许可事项23项，取消各类证明事项14项，",
    "“一件事一次办”集成服务事项拓展至36个，全年累计办件2.13万件。",
]
TABLE_KW = {"col_w": 120, "row_h": 22}


def _page(number: int, ops: list[str]) -> list[str]:
    """A printed page: the running header on top, the page number at the bottom."""
    return [_text(180, 815, RUNNING_HEADER, 9), *ops, _text(280, 40, f"— {number} —", 11)]


def _first_page(rows: list[list[str]]) -> list[str]:
    """Intro text, a caption and a table that runs down to the bottom of the page."""
    intro, y = paragraph_ops(INTRO, 790)
    caption = [_text(200, y - 20, "表1 云岭县法治政府建设主要指标对比", 12)]
    table, bottom = table_ops(rows, 70 + 22 * len(rows), **TABLE_KW)
    assert bottom == 70 and y - 30 > 70 + 22 * len(rows)  # the table ends at the page bottom
    return _page(1, intro + caption + table)


def _top_table_page(number: int, rows: list[list[str]], col_w: float = 120) -> list[str]:
    """A page starting with a table (under the running header), then body text."""
    table, bottom = table_ops(rows, 790, col_w=col_w, row_h=22)
    text, _ = paragraph_ops(BODY, bottom - 10)
    return _page(number, table + text)


def _rows(path: Path) -> list[tuple[int, str]]:
    return [(b.page, b.text) for b in load_pdf(path) if "｜" in b.text]


def _labelled(row: list[str], header: list[str] = HEADER) -> str:
    return "｜".join([row[0], *(f"{h}：{v}" for h, v in zip(header[1:], row[1:], strict=True))])


def test_continued_table_rows_keep_the_header(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "continued.pdf", [
        _first_page([HEADER, *FIRST_ROWS]),
        _top_table_page(2, NEXT_ROWS),
    ])
    assert _rows(path) == [(1, _labelled(r)) for r in FIRST_ROWS] + [
        (2, "行政诉讼一审收案数（件）｜2023年：74｜2024年：61｜增减：-13"),
        (2, "负责人出庭应诉率（%）｜2023年：100｜2024年：100｜增减：持平"),
        (2, "合法性审查件数（件）｜2023年：38｜2024年：45｜增减：+7"),
    ]
    texts = [b.text for b in load_pdf(path)]
    assert RUNNING_HEADER not in texts and "— 2 —" not in texts  # furniture still dropped
    assert texts[-2:] == [BODY[0], BODY[1] + BODY[2]]  # text after the table still joined


def test_repeated_header_is_dropped_and_table_continues_over_three_pages(
    tmp_path: Path,
) -> None:
    last_rows = [
        ["矛盾纠纷调解数（件）", "4315", "4862", "+547"],
        ["法治建设专项经费（万元）", "126.5", "158", "+31.5"],
    ]
    # page 2 is the table only: its header repeated, rows tall enough to reach the bottom
    middle, bottom = table_ops([HEADER, *NEXT_ROWS], 790, col_w=120, row_h=180)
    assert bottom == 70
    path = write_pdf(tmp_path / "repeated.pdf", [
        _first_page([HEADER, *FIRST_ROWS]),
        _page(2, middle),
        _top_table_page(3, last_rows),
    ])
    rows = _rows(path)
    assert rows == (
        [(1, _labelled(r)) for r in FIRST_ROWS]
        + [(2, _labelled(r)) for r in NEXT_ROWS]
        + [(3, "矛盾纠纷调解数（件）｜2023年：4315｜2024年：4862｜增减：+547"),
           (3, "法治建设专项经费（万元）｜2023年：126.5｜2024年：158｜增减：+31.5")]
    )
    assert all("指标" not in text for _, text in rows)


def test_numbered_task_table_continues(tmp_path: Path) -> None:
    header = ["序号", "工作事项", "责任单位", "完成时限"]
    first = [
        ["1", "制定年度普法责任清单", "县司法局", "3月底前"],
        ["2", "开展行政执法案卷评查", "县司法局", "6月底前"],
        ["3", "清理涉企规范性文件", "县发展改革局", "9月底前"],
        ["4", "建设行政执法监督平台", "县政务服务中心", "年底前"],
    ]
    following = [
        ["5", "开展“送法下乡”活动", "县普法办", "全年"],
        ["6", "培育“法律明白人”", "县司法局", "年底前"],
    ]
    path = write_pdf(tmp_path / "tasks.pdf", [
        _first_page([header, *first]),
        _top_table_page(2, following),
    ])
    assert _rows(path) == [
        (1 if n < 4 else 2, f"{row[1]}｜责任单位：{row[2]}｜完成时限：{row[3]}")
        for n, row in enumerate(first + following)
    ]


def test_next_page_table_with_other_columns_is_another_table(tmp_path: Path) -> None:
    other = [
        ["城中分局", "612", "2138.6"],
        ["城北分局", "548", "1876.2"],
    ]
    path = write_pdf(tmp_path / "two_tables.pdf", [
        _first_page([HEADER, *FIRST_ROWS]),
        _top_table_page(2, other),
    ])
    assert _rows(path) == [(1, _labelled(r)) for r in FIRST_ROWS] + [
        (2, "城中分局｜612｜2138.6"),
        (2, "城北分局｜548｜1876.2"),
    ]


def test_next_page_table_with_its_own_header_is_another_table(tmp_path: Path) -> None:
    header = ["乡镇", "2023年", "2024年", "增减"]
    towns = [["桑墩镇", "126", "142", "+16"], ["石门乡", "87", "80", "-7"]]
    path = write_pdf(tmp_path / "own_header.pdf", [
        _first_page([HEADER, *FIRST_ROWS]),
        _top_table_page(2, [header, *towns]),
    ])
    assert _rows(path) == (
        [(1, _labelled(r)) for r in FIRST_ROWS] + [(2, _labelled(r, header)) for r in towns]
    )


def test_table_after_body_text_on_next_page_is_another_table(tmp_path: Path) -> None:
    text, y = paragraph_ops(BODY, 800)
    table, _ = table_ops(NEXT_ROWS, y - 10, **TABLE_KW)
    path = write_pdf(tmp_path / "text_first.pdf", [
        _first_page([HEADER, *FIRST_ROWS]),
        _page(2, text + table),
    ])
    blocks = [(b.page, b.text) for b in load_pdf(path)]
    assert blocks[-5:] == [
        (2, BODY[0]),
        (2, BODY[1] + BODY[2]),
        (2, "行政诉讼一审收案数（件）｜74｜61｜-13"),
        (2, "负责人出庭应诉率（%）｜100｜100｜持平"),
        (2, "合法性审查件数（件）｜38｜45｜+7"),
    ]


def test_continued_table_under_a_continued_caption(tmp_path: Path) -> None:
    table, bottom = table_ops(NEXT_ROWS, 770, **TABLE_KW)
    text, _ = paragraph_ops(BODY, bottom - 10)
    path = write_pdf(tmp_path / "caption.pdf", [
        _first_page([HEADER, *FIRST_ROWS]),
        _page(2, [_text(60, 780, "续表1", 10), *table, *text]),
    ])
    assert _rows(path)[6:] == [(2, _labelled(r)) for r in NEXT_ROWS]
    assert "续表1" not in [b.text for b in load_pdf(path)]


def test_table_ending_mid_page_is_not_continued(tmp_path: Path) -> None:
    intro, y = paragraph_ops(INTRO, 790)
    table, _ = table_ops([HEADER, *FIRST_ROWS], y - 10, **TABLE_KW)  # half the page left blank
    path = write_pdf(tmp_path / "mid_page.pdf", [
        _page(1, intro + table),
        _top_table_page(2, NEXT_ROWS),
        _page(3, paragraph_ops(INTRO + BODY, 790)[0] + paragraph_ops(INTRO, 300)[0]),
    ])
    assert _rows(path)[6:] == [
        (2, "行政诉讼一审收案数（件）｜74｜61｜-13"),
        (2, "负责人出庭应诉率（%）｜100｜100｜持平"),
        (2, "合法性审查件数（件）｜38｜45｜+7"),
    ]


def test_chromium_printed_report_with_repeated_and_plain_headers() -> None:
    """continued_tables.pdf (make_pdfs.py): 表1 breaks after 高桥镇 with its <thead> repeated
    on page 2; 表2 breaks after 县教育局 and page 3 starts with data rows only."""
    blocks = [(b.page, b.text) for b in load_pdf(FIXTURES / "continued_tables.pdf")]
    rows = [(page, text) for page, text in blocks if "｜" in text]
    towns = ["城关镇", "桑墩镇", "石门乡", "前岗镇", "梓岸镇", "乌石乡", "龙潭镇", "青溪乡", "白沙镇",
             "柳营乡", "河口镇", "东坪乡", "西岭镇", "南浦乡", "北塘镇", "高桥镇", "新集乡", "马鞍镇"]
    departments = ["县市场监管局", "县自然资源局", "县生态环境局", "县交通运输局", "县农业农村局",
                   "县应急管理局", "县卫生健康局", "县文化旅游局", "县城市管理局", "县水利局", "县林业局",
                   "县住建局", "县人社局", "县商务局", "县教育局", "县民政局", "县公安局", "县税务局"]
    first = [
        (1 if n < 16 else 2,
         f"{town}｜2023年：{40 + 7 * n}｜2024年：{45 + 5 * n}｜增减：{(45 + 5 * n) - (40 + 7 * n):+d}")
        for n, town in enumerate(towns)
    ]
    second = [
        (2 if n < 15 else 3, f"{dep}｜执法案件（件）：{120 + 13 * n}｜罚没款（万元）：{30 + 2.5 * n:.1f}")
        for n, dep in enumerate(departments)
    ]
    assert rows == first + second
    assert (3, "三、存在的不足") in blocks
    assert not any(text.startswith(("乡镇", "— ")) for _, text in blocks)


def test_two_header_rows_alone_at_the_page_bottom_go_with_the_rows(tmp_path: Path) -> None:
    header = [["指标", "2023年", None, "2024年", None], ["", "受理", "审结", "受理", "审结"]]
    data = [["行政复议（件）", "86", "80", "112", "105"], ["行政诉讼（件）", "74", "70", "61", "57"]]
    intro, _ = paragraph_ops(INTRO + BODY[1:] + INTRO, 790)
    heads, _ = table_ops(header, 70 + 44, col_w=95)
    path = write_pdf(tmp_path / "header_alone.pdf", [
        _page(1, intro + heads),
        _top_table_page(2, data, col_w=95),
    ])
    assert _rows(path) == [
        (2, "行政复议（件）｜2023年受理：86｜2023年审结：80｜2024年受理：112｜2024年审结：105"),
        (2, "行政诉讼（件）｜2023年受理：74｜2023年审结：70｜2024年受理：61｜2024年审结：57"),
    ]
