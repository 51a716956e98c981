"""A verb with a complement saying it succeeded ("谈妥了几起", "摆平了多少件", "解决掉了多少件") asks
the successful ones — the reports' 调解成功, 化解, 办结 — not the cases taken in, even when those
name more of the question's other words (调解委员会)."""

from __future__ import annotations

import pytest

from tests.conftest import first_line, report_service


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return report_service(tmp_path_factory.mktemp("success"), "椴川县_2025.txt",
                          "椴川县2025年法治政府建设年度报告\n\n2025年，椴川县坚持和发展新时代“枫桥经验”，推进矛盾纠纷多元化解。\n\n"
                          "一、矛盾纠纷化解\n\n"
                          "县医疗纠纷人民调解委员会全年受理医疗纠纷96件，调解成功88件，调解成功率为91.7%，"
                          "涉及赔付金额512万元。\n\n"
                          "全县排查重复信访和信访积案143件，化解126件，化解率88.1%。\n")


@pytest.mark.parametrize("question, figure", [
    ("椴川县去年看病跟医院闹起来的，靠调解委员会谈妥了几起？", "88件"),
    ("椴川县2025年医疗纠纷最后调成了多少件？", "88件"),
    ("椴川县去年那些拖了好多年的老信访积案，解决掉了多少件？", "126件"),
])
def test_the_successful_ones(service, question, figure):
    answer = service.ask(question)
    assert first_line(answer).startswith(figure), answer.text


@pytest.mark.parametrize("question, figure", [
    ("椴川县2025年医疗纠纷人民调解委员会受理了多少件医疗纠纷？", "96件"),
    ("椴川县2025年排查了多少件信访积案？", "143件"),
])
def test_taken_in_without_a_result_word(service, question, figure):
    answer = service.ask(question)
    assert first_line(answer).startswith(figure), answer.text


TABLE = """# 椴川县2025年法治政府建设年度报告

## 一、各乡镇矛盾纠纷化解情况

| 乡镇 | 调解纠纷（件） | 调解成功（件） | 法律明白人（名） |
| --- | --- | --- | --- |
| 椴口镇 | 354 | 349 | 203 |
| 椴溪乡 | 187 | 181 | 96 |
"""


def test_the_successful_ones_said_as_such_in_a_table(tmp_path):
    # "调解成功的纠纷": the 调解成功 column, not 调解纠纷 (which names 纠纷 as well)
    from tests.conftest import reports_service

    service = reports_service(tmp_path, {"椴川县_2025.md": TABLE})
    assert first_line(service.ask("椴口镇2025年调解成功的纠纷有多少件？")).startswith("349件")
    assert first_line(service.ask("椴口镇2025年调解了多少件纠纷？")).startswith("354件")
