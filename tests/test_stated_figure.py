"""A figure the question states is not what it asks ("纠正的21件规范性文件中，省政府部门的有几件" is
not answered "21件"), nor, for a part asked of it, a figure as large as that whole."""

from __future__ import annotations

import pytest

from tests.conftest import report_service


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return report_service(tmp_path_factory.mktemp("stated"), "栎川省_2024.txt",
                          "栎川省2024年法治政府建设年度报告\n\n一、规范性文件监督管理\n\n"
                          "全年备案审查省政府部门和设区的市政府报送的规范性文件共计486件，其中省政府部门文件173件、"
                          "设区的市政府文件313件，纠正存在问题的文件21件，纠错率为4.3%。\n\n"
                          "二、行政复议\n\n全省收到行政复议申请1.2万件，受理1.1万件，其中市县政府受理8760件。\n")


def test_the_stated_whole_is_no_answer_to_its_part(service):
    answer = service.ask("栎川省2024年纠正的21件规范性文件中，省政府部门的文件有几件？")
    assert not answer.found, answer.text  # (the report does not say)


def test_a_part_smaller_than_the_stated_whole_still_answers(service):
    answer = service.ask("栎川省2024年受理的1.1万件行政复议案件中，市县政府受理了多少件？")
    assert answer.found and "8760件" in answer.text.split("\n")[0], answer.text


def test_a_figure_not_stated_is_answered(service):
    answer = service.ask("栎川省2024年纠正了多少件规范性文件？")
    assert answer.found and "21件" in answer.text.split("\n")[0], answer.text
