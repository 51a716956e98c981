"""A change asked against the year before ("比上一年下降了几个百分点", "比上一年每人每月提高了多少元")
when the knowledge base has no report of that year: the report's own 由A到B pair answers it (B − A),
in points for a rate — it had been refused as "no report of the year before"."""

import pytest

from tests.conftest import first_line, report_service

REPORT = """葭水市卫生健康委员会2025年法治政府建设年度报告

一、推进健康领域依法治理

（一）控烟执法

深入开展控烟执法检查，全市成人吸烟率由23.8%下降到22.1%，无烟党政机关建成率100%。

（二）社会救助

城乡低保标准由每人每月860元提高到905元，全年发放低保金3.47亿元。

（三）医疗纠纷调解

全年调解医疗纠纷412件，调解成功率由91.6%提高至93.2%，其中涉及赔偿金额2863万元。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return report_service(tmp_path_factory.mktemp("pair"), "葭水市卫生健康委员会_2025.txt", REPORT)



def test_points_of_a_rate_pair_against_the_year_before(service):
    answer = service.ask("葭水市成人吸烟率2025年比上一年下降了几个百分点？")
    assert answer.found and "1.7个百分点" in first_line(answer), answer.text


def test_a_standard_pair_with_its_unit_of_people_and_time(service):
    answer = service.ask("葭水市2025年的低保标准比上一年每人每月提高了多少元？")
    assert answer.found and "45元" in first_line(answer), answer.text


def test_the_level_is_still_the_later_value(service):
    answer = service.ask("葭水市2025年低保标准每人每月是多少钱？")
    assert answer.found and first_line(answer).startswith("905元"), answer.text


def test_points_asked_without_a_year(service):
    answer = service.ask("葭水市医疗纠纷调解成功率提高了几个百分点？")
    assert answer.found and "1.6个百分点" in first_line(answer), answer.text
