"""An amount per person asked ("每人能拿多少钱", "人均办了多少件") is answered only by a figure the
report gives per person (每人每月, 人均, 平均, 标准), never by the total paid to or done by all."""

import pytest

from tests.conftest import first_line, report_service


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return report_service(tmp_path_factory.mktemp("per_person"), "芦溪市_2025.txt",
                          "芦溪市2025年法治政府建设年度报告\n\n一、民生保障\n\n"
                          "全年发放退役士兵自主就业一次性经济补助1.27亿元，惠及1526名退役士兵。\n\n"
                          "城乡低保标准分别提高到每人每月880元、730元，全年发放低保金3.46亿元。\n\n"
                          "二、行政执法\n\n全市行政执法人员2860名，全年办理行政处罚案件2.46万件，人均办案8.6件。\n")


@pytest.mark.parametrize(("question", "figure"), [
    ("芦溪市2025年城市低保每人每月能拿多少钱？", "880元"),
    ("芦溪市2025年执法人员人均办了多少件行政处罚案件？", "8.6件"),
])
def test_a_figure_given_per_person(service, question, figure):
    assert figure in first_line(service.ask(question))


def test_a_total_is_no_one_persons_amount(service):
    answer = service.ask("芦溪市2025年退役士兵自主就业的一次性经济补助，每人能拿多少钱？")
    assert not answer.found and "1.27亿元" not in first_line(answer)
