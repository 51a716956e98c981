""""全州呢？" after a question about a county of an autonomous prefecture: the prefecture, whose
short name (蓓江州) is an alias of its full one, not a second place of that level."""

import pytest

from tests.conftest import first_line, reports_service

PREFECTURE = """蓓江藏族羌族自治州人民政府2025年法治政府建设年度报告

一、深入推进法治宣传教育
组建双语普法宣讲团37支，全州开展双语普法活动992场，覆盖农牧民群众18.6万人次。
二、行政复议和行政应诉
全州一审行政诉讼案件收案217件，败诉11件，败诉率5.1%。
"""

COUNTY = """蓓水县人民政府2025年法治政府建设年度报告

一、深入推进法治宣传教育
全年开展藏汉、羌汉双语普法活动205场。
二、行政复议和行政应诉
全县一审行政诉讼案件收案35件，败诉2件。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("prefecture"), {
        "蓓江州_2025.txt": PREFECTURE, "蓓水县_2025.txt": COUNTY})


@pytest.mark.parametrize(("first", "said", "figure"), [
    ("蓓水县2025年开展了多少场双语普法活动？", "蓓水县2025年开展藏汉、羌汉双语普法活动205场。", "992场"),
    ("蓓水县2025年一审行政诉讼收案多少件？", "蓓水县2025年一审行政诉讼案件收案35件。", "217件"),
])
def test_the_whole_prefecture_after_its_county(service, first, said, figure):
    answer = service.ask("全州呢？", history=[[first, said]])
    assert answer.found and figure in first_line(answer), answer.text
