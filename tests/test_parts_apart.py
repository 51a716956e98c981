"""Several parts asked of a whole ("投诉和举报各有多少件", "罚款和滞纳金各是多少"): each part is answered by
its own figure only — never by the whole that names them all, nor by one figure for two parts."""

from __future__ import annotations

import pytest

from tests.conftest import first_line, reports_service

WHOLE_ONLY = ("澇阳市市场监督管理局2025年法治建设工作报告\n\n一、消费维权\n\n"
              "全年通过12315平台受理消费投诉举报1.37万件，办结率99.1%。\n\n"
              "二、税费\n\n稽查局全年查补税款3148万元，其中已入库2960万元。\n\n"
              "三、规划许可\n\n全年核发乡村建设规划许可证1186件，审批事项按时办结率100%。\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("parts_apart"), {"澇阳市市场监督管理局_2025.txt": WHOLE_ONLY})


def test_a_whole_answers_none_of_its_parts(service):
    answer = service.ask("澇阳市市场监管局2025年12315受理的投诉举报里，投诉和举报各有多少件？")
    assert not answer.found and "1.37万件" not in first_line(answer), answer.text


def test_one_figure_answers_no_two_parts():
    from bot.answer import Answer, Citation
    from bot.frame import parse
    from bot.service import _parts_apart

    asks = parse("澇阳市稽查局2025年查补的税款里罚款和滞纳金各是多少？").asks
    quote = "稽查局全年查补税款3148万元，其中已入库2960万元。"
    cite = Citation(1, "澇阳市稽查局_2025.txt", "澇阳市稽查局2025年报告", "澇阳市", 2025, "", None, quote, quote)
    same = [Answer(f"3148万元。\n{quote}[1]", found=True, citations=[cite]) for _ in asks]
    assert not any(a.found for a in _parts_apart(asks, same))


def test_each_places_figure_is_no_total(service):
    # "在各乡镇分别核发了多少件": each town's figure — the county's one total answers none of them
    answer = service.ask("2025年澇阳市乡村建设规划许可证在各乡镇分别核发了多少件？")
    assert not answer.found and "1186件" not in first_line(answer), answer.text
    assert first_line(service.ask("2025年澇阳市核发乡村建设规划许可证多少件？")).startswith("1186件")
