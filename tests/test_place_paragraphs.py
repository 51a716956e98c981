"""A province's report with one paragraph per city ("茜州市：…"): each paragraph answers for its
city, never for the province; two cities are compared paragraph by paragraph."""

import pytest

from tests.conftest import build_store, first_line

PROVINCE = """苕川省2025年法治政府建设年度报告

一、主要举措和成效

（一）行政复议

全省各级行政复议机构共收到行政复议申请3.92万件，同比增长14.6%，行政诉讼败诉率由上年的7.8%下降到6.1%。

（二）各设区市法治政府建设情况

苕州市：全市收到行政复议申请9215件，行政诉讼败诉率为5.4%。

荏原市：全市收到行政复议申请4680件，行政诉讼败诉率为6.3%。

萸阳市：全市收到行政复议申请2389件，行政诉讼败诉率为5.8%。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    folder = tmp_path_factory.mktemp("place_paragraphs")
    path = folder / "苕川省_2025.txt"
    path.write_text(PROVINCE, encoding="utf-8")
    return build_store(folder / "store", [path], embedding_model="hash")[1]


def test_the_province_is_not_answered_by_a_citys_paragraph(service):
    answer = service.ask("苕川省2025年全省一共收到多少件行政复议申请？")
    assert first_line(answer).startswith("3.92万件"), answer.text
    answer = service.ask("苕川省2025年行政诉讼败诉率是多少？")
    assert first_line(answer).startswith("6.1%"), answer.text


def test_a_citys_paragraph_answers_for_the_city(service):
    answer = service.ask("萸阳市2025年收到多少件行政复议申请？")
    assert answer.found and first_line(answer).startswith("2389件"), answer.text
    assert not service.ask("萸阳市2024年收到多少件行政复议申请？").found  # no such year


def test_two_cities_of_the_list_compared(service):
    answer = service.ask("苕川省2025年苕州市比萸阳市多收了多少件行政复议申请？")
    assert "6826件" in first_line(answer), answer.text
