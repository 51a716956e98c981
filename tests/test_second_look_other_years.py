"""A year with no report of its own, whose figure the next year's report restates ("较上年的262件"),
asked in a citizen's words: the support check turns the sentence down for wording the question
paraphrases, as it does in the asked year's own report — and, as there, the second look (bot/
second_look.py) answers its figure when its model is sure, said to come from the later report."""

import pytest

from tests.conftest import first_line, reports_service

Y2023 = """瀥江县2023年法治政府建设年度报告

一、行政复议

县政府全年收到行政复议申请214件，受理198件，审结190件。
"""

Y2025 = """瀥江县2025年法治政府建设年度报告

一、行政复议和行政应诉

县政府全年收到行政复议申请326件，较上年的262件增长24.4%，受理298件，审结281件，纠错率7.1%。
一审行政诉讼收案97件，败诉6件，败诉率6.2%。

二、公共法律服务

全县办理法律援助案件1032件，人民调解组织调解矛盾纠纷2410件。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("other_years"),
                           {"瀥江县_2023.txt": Y2023, "瀥江县_2025.txt": Y2025})


def test_a_paraphrase_of_a_year_restated_by_the_next_report(service):
    answer = service.ask("2024年有多少人对瀥江县政府的处理决定不服，去申请复议？")
    assert answer.found and "262件" in first_line(answer), answer.text
    assert "2025年报告" in first_line(answer) and "2024年的数据" in first_line(answer), answer.text


def test_a_year_the_later_report_does_not_restate_is_still_refused(service):
    answer = service.ask("2024年瀥江县人民调解组织调解了多少件矛盾纠纷？")
    assert not answer.found and "2410件" not in first_line(answer), answer.text
