"""A question describing a concept in everyday words (bot/concepts.txt) around a year
("…领导去年开常务会之前先集体上法律课，一共上了几回"): the figure is bound by the concept's
official term (会前学法) — its description is cut where the year was, and still is the ask's."""

from tests.conftest import first_line, report_service

REPORT = """蔺川省人民政府2025年法治政府建设年度报告

一、主要工作
省政府主要负责人认真履行推进法治建设第一责任人职责，全年主持召开省政府常务会议专题研究法治政府建设工作5次，组织省政府常务会议会前学法12次，带头开展年终述法。
"""


def test_a_described_concept_binds_its_figure_across_the_year_said_inside(tmp_path):
    service = report_service(tmp_path, "蔺川省_2025.txt", REPORT)
    answer = service.ask("蔺川省的省政府领导去年开常务会之前先集体上法律课，一共上了几回？")
    assert first_line(answer).startswith("12次"), answer.text
