"""A why-changed question whose subject is long ("为什么湟溪区2025年行政复议申请数量下降了？") is
still one: its premise is checked against the year before (a table's year columns here), and a
premise the report contradicts is said so with both years' figures."""

import pytest

from tests.conftest import first_line, reports_service

REPORT = """湟溪区人民政府2025年法治政府建设年度报告

一、主要工作
全年收到行政复议申请457件，受理418件，审结409件。

| 指标 | 2023年 | 2024年 | 2025年 |
| --- | --- | --- | --- |
| 行政复议收到申请（件） | 318 | 402 | 457 |
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("why_long"), {"湟溪区_2025.md": REPORT})


def test_a_long_why_changed_question_checks_its_premise(service):
    answer = service.ask("为什么湟溪区2025年行政复议申请数量下降了？")
    line = first_line(answer)
    assert "457件" in line and "402件" in line and "增加" in line, answer.text


def test_a_why_question_whose_change_is_its_topic_is_no_premise():
    from zh.words import WHY_CHANGED

    # the change named as a thing, not the question's ending: no premise to check
    assert not WHY_CHANGED.search("为什么湟溪区司法局2025年专门开展提高执法人员持证率的培训？")
    assert WHY_CHANGED.search("为什么湟溪区2025年行政复议申请数量下降了？")
