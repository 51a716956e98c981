"""A page presenting a report (a 政策解读, a news page on the government's site) quotes the report's
name in title marks and has a line of its own for when and by whom it was posted. The title is the
quoted report's place and year, and the posting line is no part of it: the page used to be read as
the report of a place named "《滜川市" (its region), so answers from it began "the city's report does not
say this" before quoting it."""

from ingest.blocks import Block
from ingest.structure import doc_info
from tests.conftest import first_line, reports_service

PAGE = """《瀥山市2025年法治政府建设年度报告》政策解读

发布时间：2026-03-27　　来源：瀥山市司法局

近日，《瀥山市2025年法治政府建设年度报告》在市政府门户网站公开发布。市司法局有关负责人接受记者采访，就社会关注的问题作了解读。

问：群众在家门口能申请行政复议吗？

答：我们在全市镇（街道）设立行政复议咨询受理点87个，群众在“家门口”就能提出复议申请。

问：行政复议案件有什么变化？

答：2025年全市各级行政复议机构受理案件1200多件，较上年的1128件增长一成以上。
"""

REPORT = """瀥山市2025年法治政府建设年度报告

一、行政复议

全市各级行政复议机构受理行政复议申请1268件，同比增长12.4%。
"""


def test_the_quoted_reports_place_and_year_and_no_posting_line():
    blocks = [Block(line) for line in PAGE.splitlines() if line.strip()]
    info = doc_info(blocks, "瀥山市司法局_2025")
    assert info.title == "《瀥山市2025年法治政府建设年度报告》政策解读"
    assert (info.region, info.year) == ("瀥山市", 2025)


def test_the_page_answers_for_its_place(tmp_path):
    service = reports_service(tmp_path, {"瀥山市司法局_2025.txt": PAGE, "瀥山市_2025.txt": REPORT})
    answer = service.ask("瀥山市在镇（街道）设立了多少个行政复议咨询受理点？")
    assert answer.found and "87个" in first_line(answer), answer.text


def test_a_change_is_computed_from_the_exact_figure_not_the_pages_rounding(tmp_path):
    # the page's "1200多件" against its "较上年的1128件" would make 72件; the report's 1268件 is exact
    service = reports_service(tmp_path, {"瀥山市司法局_2025.txt": PAGE, "瀥山市_2025.txt": REPORT})
    answer = service.ask("瀥山市2025年受理的行政复议案件比上年增加了多少？")
    assert "140件" in first_line(answer) and "72件" not in first_line(answer), answer.text
