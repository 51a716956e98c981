"""A table cut across chunks still says what its rows are of; a place's row answers a question that
says what was done to it ("办理了多少件工单" of "工单量（件）"); a value of an earlier year named in a later
report ("较2024年的12.3%"); a figure of a street in its district's report is the street's, not the
district's; the level a stated change is of is its year's column."""

import pytest

from tests.conftest import first_line, reports_service

_ROWS = [("濌城区", 168420, 99.1), ("濍江区", 142365, 98.7), ("濍山区", 97214, 98.2), ("濌西区", 88530, 97.9),
         ("濌东区", 80155, 98.0), ("濌南区", 73304, 97.7), ("濌北区", 70211, 98.3), ("濍湖区", 66420, 98.4),
         ("濍河县", 64105, 97.8), ("濌川县", 62310, 98.6), ("濌丰县", 61207, 98.9), ("濍源县", 43862, 97.6)]
HOTLINE = "\n".join([
    "# 濌宁市12345政务服务便民热线2025年度运行情况报告", "",
    "## 一、总体运行情况", "",
    "2025年，热线全年受理群众诉求312.6万件，同比增长8.7%，形成转办工单81.06万件。", "",
    "## 二、各区县工单办理情况", "",
    "全市各区县工单办理情况见下表，濌城区、濍江区工单量居前两位。", "",
    "表1 2025年各区县12345热线工单办理情况", "",
    "| 区县 | 工单量（件） | 按期办结率（%） | 回访满意度（%） |", "|---|---|---|---|",
    *(f"| {name} | {n} | {rate} | {round(rate - 3.1, 1)} |" for name, n, rate in _ROWS), "",
])

BULLETIN = """# 濌宁市2025年行政复议工作情况通报

## 一、办案情况

全年审结行政复议案件2791件，通过撤销、确认违法、责令履行、变更等方式直接纠正违法或者不当行政行为299件，纠错率为10.7%，较2024年的12.3%下降1.6个百分点；调解和解率为17.4%，较2024年的13.9%提高3.5个百分点。
"""

DISTRICT = """# 濍川区2025年法治政府建设年度报告

## 一、矛盾纠纷化解

全区各级人民调解组织全年调解纠纷5862件，同比增长8.4%，调解成功率97.6%。濍溪街道“溪畔说事”调解品牌全年调解纠纷486件，调解成功率98.1%，入选全市基层治理优秀案例。

## 二、主要指标

| 指标 | 2024年 | 2025年 | 同比 |
|---|---|---|---|
| 信访事项受理（件） | 2087 | 1928 | 下降7.6% |
"""

STREET = """# 濍川区濍溪街道2025年法治建设工作报告

## 一、人民调解

街道调解委员会全年调解纠纷486件，调解成功率98.1%。
"""


@pytest.fixture(scope="module")
def hotline(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("hotline"), {"濌宁市政务服务和数据管理局_2025.md": HOTLINE})


@pytest.fixture(scope="module")
def bulletin(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("bulletin"), {"濌宁市司法局_2025.md": BULLETIN})


@pytest.fixture(scope="module")
def district(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("district"),
                           {"濍川区_2025.md": DISTRICT, "濍川区濍溪街道_2025.md": STREET})


def test_a_table_cut_across_chunks_keeps_its_title(hotline):
    chunks = [c.text for c in hotline.store.snapshot().chunks if "濍源县｜" in c.text]
    assert chunks and all("表1 2025年各区县12345热线工单办理情况" in c for c in chunks)


@pytest.mark.parametrize(("question", "figure"), [
    ("濌丰县2025年12345热线工单量是多少？", "61207件"),
    # the verb asked is done to the row's thing: its label names the thing only
    ("2025年濍源县办理了多少件热线工单？", "43862件"),
])
def test_a_places_row_answers_what_was_done_to_its_thing(hotline, question, figure):
    assert first_line(hotline.ask(question)).startswith(figure)


@pytest.mark.parametrize(("question", "figure"), [
    ("濌宁市2024年行政复议纠错率是多少？", "12.3%"),
    ("濌宁市2024年行政复议调解和解率是多少？", "13.9%"),
])
def test_an_earlier_year_named_in_a_later_report(bulletin, question, figure):
    answer = bulletin.ask(question)
    assert answer.found and first_line(answer).startswith(figure), answer.text
    assert "2025年报告" in first_line(answer)  # said to come from the later report


def test_a_streets_figure_in_its_districts_report_is_the_streets(district):
    assert first_line(district.ask("濍川区2025年调解成功率是多少？")).startswith("97.6%")


def test_the_level_of_a_stated_change_is_of_its_year(district):
    line = first_line(district.ask("濍川区2025年信访事项受理量同比增长了多少？"))
    assert line.startswith("1928件") and "下降7.6%" in line, line


TOWN = """# 濌阳镇2025年法治建设工作报告

## 一、人民调解

全镇各村调解委员会全年调解纠纷345件，调解成功338件。

| 村 | 调解纠纷（件） | 调解成功（件） |
|---|---|---|
| 濌塘村 | 64 | 62 |
| 濍东村 | 58 | 57 |
| 濍岭村 | 39 | 38 |

## 二、“濌阳通”平台

通过电话、“濌阳通”APP、微信小程序受理群众诉求分别为1.2万件、0.8万件、0.3万件。
"""


@pytest.fixture(scope="module")
def town(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("town"), {"濌阳镇_2025.md": TOWN})


def test_a_village_row_named_in_pinyin(town):
    # "Tatang Village": 濌塘 of the row 濌塘村, not the town's total
    assert first_line(town.ask("How many disputes were mediated in Tatang Village in 2025?")).startswith("64件")


def test_a_place_inside_a_quoted_name_is_the_names(town):
    # "“濌阳通”APP" is an app's name, not the town 濌阳 plus 通
    line = first_line(town.ask("2025年通过“濌阳通”APP受理的群众诉求有多少件？"))
    assert "1.2万件" not in line and "0.3万件" not in line, line
