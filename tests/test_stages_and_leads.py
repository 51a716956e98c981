"""A case's stage said in the question's own word ("受理…多少件" of "收到…1318件，受理1236件"); a permit
issued is not revoked ("吊销了几张" is not "核发…104张"); a target named by who set it ("没完成上一年定的60%
目标"); a sentence opening on "各县（区）中，" then a place is of that place, not the report's own."""

from __future__ import annotations

import pytest

from tests.conftest import first_line, reports_service

BRANCH = ("澽江市生态环境局澾西分局2025年法治建设工作报告\n\n一、环境信访\n\n"
          "畅通12345热线、网络、来信来访等投诉渠道，全年收到环境信访投诉1318件，受理1236件，办结1221件，办结率98.8%。\n\n"
          "二、排污许可\n\n核发排污许可证104张，同比增长19.5%，完成排污登记342家。\n")
CITY = ("澽江市人力资源和社会保障局2025年法治建设工作报告\n\n一、劳动人事争议仲裁\n\n"
        "全市仲裁机构以调解方式结案3916件，调解率60.9%，较上年提高2.3个百分点。\n\n"
        "各县（区）中，澾东区受理劳动人事争议案件1138件，调解率71.4%，结案率居全市首位。\n\n"
        "二、建议提案办理\n\n办理市人大代表建议231件、市政协提案302件，代表委员满意率分别为99.1%和99.6%。\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("stages_leads"),
                           {"澽江市生态环境局澾西分局_2025.txt": BRANCH, "澽江市人力资源和社会保障局_2025.txt": CITY})


def test_the_stage_the_question_names(service):
    assert first_line(service.ask("澾西分局2025年受理环境信访投诉多少件？")).startswith("1236件")


def test_the_other_word_of_the_stage(service):  # guard
    assert first_line(service.ask("澾西分局2025年收到环境信访投诉多少件？")).startswith("1318件")


def test_a_permit_issued_is_not_revoked(service):
    answer = service.ask("澾西分局2025年吊销了几张排污许可证？")
    assert not answer.found and "104张" not in first_line(answer), answer.text


def test_a_target_set_the_year_before(service):
    answer = service.ask("澽江市2025年劳动人事争议仲裁调解率没完成上一年定的60%目标，实际是多少？")
    assert "60.9%" in first_line(answer), answer.text


def test_a_place_after_each_counties_lead_is_that_place(service):
    answer = service.ask("澽江市2025年劳动人事争议案件调解率是多少？")
    assert "71.4%" not in first_line(answer), answer.text


def test_a_place_after_each_counties_lead_answers_for_it(service):  # guard (q173-e06 shows the fix)
    assert first_line(service.ask("澾东区2025年劳动人事争议案件调解率是多少？")).startswith("71.4%")


def test_a_verb_before_a_level_opens_on_no_place(service):
    # "办理市人大代表建议…" opens on 办理 + 市…, no place: its 分别 figures answer the city's question
    assert first_line(service.ask("澽江市2025年市政协提案的满意率是多少？")).startswith("99.6%")
