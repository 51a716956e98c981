"""A question describing an official concept in everyday words, answered by a sentence that names
the concept among other figures: the figure is the concept's, bound by its official name."""

import pytest

from tests.conftest import first_line, report_service

REPORT = """浉州市2024年法治政府建设年度报告

一、推进行政争议实质性化解

全年办理行政应诉案件412件，全市行政诉讼败诉率为5.3%，行政机关负责人出庭应诉率为98.1%。

二、强化行政执法监督

开展行政执法案卷评查，抽查案卷360卷，优秀率为31.4%。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return report_service(tmp_path_factory.mktemp("concept_in_sentence"), "浉州市_2024.txt", REPORT)


def test_the_described_rate_is_the_concept_s_not_the_sentence_s_first(service):
    answer = service.ask("浉州市2024年政府当被告的时候，一把手亲自上法庭的比例是多少？")
    assert first_line(answer).startswith("98.1%"), answer.text


def test_a_rate_named_in_the_report_s_words_stays_bound(service):
    answer = service.ask("浉州市2024年行政诉讼败诉率是多少？")
    assert first_line(answer).startswith("5.3%"), answer.text
