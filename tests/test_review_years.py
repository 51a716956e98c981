"""A review of several years (a 十四五 summary, "2021—2025年…总结") is the report of its last year, a
report whose title names no year takes its file name's, and its table of years as rows answers a
question about any of those years, said to come from that report."""

import pytest

from ingest.structure import _reviewed_year, doc_info
from tests.conftest import FIXTURES, build_store, first_line


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    files = [FIXTURES / "review_years" / "栎山市_2025.md"]
    return build_store(tmp_path_factory.mktemp("review_years"), files, embedding_model="hash")[1]


@pytest.mark.parametrize(("title", "year"), [
    ("溻川市2021—2025年法治政府建设工作总结", 2025),
    ("栎山市“十四五”时期法治政府建设工作总结", 2025),
    ("栎山市“十三五”法治政府建设成效回顾", 2020),
    ("杭州市余杭区2021年法治政府建设年度报告", None),  # one year: parse_region_year's
    ("法治政府建设实施纲要（2021—2025年）", None),  # a plan, no review
])
def test_a_review_reports_on_its_last_year(title, year):
    assert _reviewed_year(title) == year


def test_a_title_without_a_year_takes_the_file_names():
    from ingest.blocks import Block

    blocks = [Block("栎山市法治政府建设工作情况"), Block("全市深入推进依法行政。")]
    assert doc_info(blocks, "栎山市_2024").year == 2024


def test_the_review_is_its_last_years_report(service):
    assert [(d.region, d.year) for d in service.documents()] == [("栎山市", 2025)]


@pytest.mark.parametrize(("question", "figure"), [
    ("栎山市2022年行政复议收案多少件？", "1087件"),
    ("栎山市2023年纠错率是多少？", "11.2%"),
    ("栎山市2025年负责人出庭应诉率是多少？", "99.3%"),
    ("栎山市五年来累计办理行政复议案件多少件？", "5862件"),
    # two years, neither with a report of its own: both rows of the review's table
    ("栎山市2024年的纠错率比2023年高多少？", "0.9个百分点"),
    ("栎山市2022年行政复议收案比2021年多了多少件？", "75件"),
])
def test_a_year_row_answers_its_year(service, question, figure):
    assert figure in first_line(service.ask(question))


def test_a_column_of_years_is_the_rows_label_not_a_sequence_number(tmp_path):
    import docx

    from ingest.loaders import load_document

    d = docx.Document()
    d.add_heading("栎河市2021—2025年法治政府建设工作总结", 0)
    table = d.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ["年份", "行政复议收案（件）", "纠错率（%）"], strict=True):
        cell.text = text
    for row in [("2021", "702", "8.1"), ("2022", "788", "8.9"), ("2023", "846", "9.6")]:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    path = tmp_path / "栎河市法治政府建设总结_2025.docx"
    d.save(path)
    rows = [b.text for b in load_document(path).blocks if "｜" in b.text]
    assert rows[0] == "2021｜行政复议收案（件）：702｜纠错率（%）：8.1"
    _, service = build_store(tmp_path / "store", [path], embedding_model="hash")
    assert "788件" in first_line(service.ask("栎河市2022年行政复议收案多少件？"))


def test_review_opinions_of_a_standing_committee():
    """The 人大常委会's 审议意见 on the government's report: the committee of the county (no place
    running on through "关于"), of the year its file names — not the year of the meeting that
    opens it ("2026年3月26日，县人大常委会会议听取…")."""
    from ingest.blocks import Block

    blocks = [Block("栎川县人大常委会关于县人民政府法治政府建设工作情况报告的审议意见"),
              Block("2026年3月26日，县第十九届人大常委会第二十三次会议听取和审议了县人民政府的报告。"),
              Block("常委会组成人员认为，县人民政府依法行政水平不断提高。"),
              Block("栎川县人大常委会办公室"), Block("2026年4月3日")]
    info = doc_info(blocks, "栎川县人大常委会_2025")
    assert (info.region, info.issuer, info.year) == ("栎川县", "栎川县人大常委会", 2025)
    # with no year in the file's name either, the meeting's year is the last resort
    assert doc_info(blocks, "审议意见").year == 2026


@pytest.mark.parametrize(("lines", "year"), [
    # a report given early in a year reviews the year before under a heading of its own
    (["滁川市2026年政府工作报告", "——2026年1月15日在滁川市第十七届人民代表大会第五次会议上", "各位代表：",
      "一、2025年工作回顾", "2025年，全市地区生产总值增长5.8%。"], 2025),
    (["滁川市人民法院工作报告（2026年）", "一、过去一年工作回顾", "全年受理案件8.6万件。"], 2025),
    # a report of its own year whose heading names that year, and one reviewing nothing, stay
    (["滁川市2025年法治政府建设年度报告", "一、2025年工作回顾", "全年办理法律援助案件1200件。"], 2025),
    (["滁川市2025年法治政府建设年度报告", "一、2024年工作回顾", "全年办理法律援助案件1200件。"], 2025),  # 年度: its own
])
def test_a_report_looking_back_is_the_report_of_the_year_before(lines, year):
    from ingest.blocks import Block

    assert doc_info([Block(t) for t in lines], "x").year == year
