"""Reports of one subject beside the government's report (a 12345 hotline's annual report, a
行政复议 statistical bulletin, a province's report with an annex table by city): what a table's
title and an annex line say is said of the rows under them; a part named by its own word."""

import pytest

from ingest.headings import ANNEX_RANK, match_heading
from tests.conftest import first_line, reports_service

HOTLINE = """# 瀮州市12345政务服务便民热线2025年度运行情况报告

瀮州市政务服务和数据管理局

## 一、总体运行情况

2025年，市12345热线共受理群众来电、网络留言等各类诉求186.4万件，同比增长8.7%，其中来电142.6万件，网络渠道43.8万件。热线人工接通率96.2%，直接答复办结121.3万件，转办工单65.1万件。转办工单按期办结率98.4%，一次性办结率87.6%，群众回访满意度95.3%，较上年提高1.2个百分点。

## 二、诉求分类情况

从诉求内容看，城乡建设类诉求12.8万件，占19.7%；市场监管类9.6万件，占14.7%；劳动保障类7.2万件，占11.1%；交通运输类5.9万件，占9.1%；教育类4.1万件，占6.3%。高频诉求主要集中在物业管理、拖欠工资、噪音扰民等方面。

表1 各区工单办理情况

| 区 | 工单量（万件） | 按期办结率 | 满意度 |
|---|---|---|---|
| 瀮东区 | 14.2 | 98.9% | 96.1% |
| 瀮西区 | 11.7 | 97.6% | 94.8% |
| 瀮南区 | 9.3 | 98.1% | 95.5% |

## 三、2026年工作打算

力争2026年转办工单按期办结率稳定在98%以上，群众满意度达到96%以上。
"""

CITY = """# 瀮州市2025年法治政府建设年度报告

## 一、深化“放管服”改革

畅通12345政务服务便民热线，全年受理群众诉求186万余件，按期办结率98%以上，群众满意度超过95%。

## 二、行政复议

全市收到行政复议申请1286件，受理1173件。
"""

BULLETIN = """# 瀩川市2025年行政复议工作情况通报

## 一、收案情况

2025年，全市各级行政复议机构共收到行政复议申请2186件，同比增长12.4%，其中依法受理1932件，不予受理163件。市本级收到申请864件，受理772件。

## 二、案件类型

全年新收案件中，行政处罚类案件742件。

表1 被申请人类型分布

| 被申请人类型 | 案件数（件） | 占比 |
|---|---|---|
| 市直部门 | 612 | 31.7% |
| 县级部门 | 801 | 41.5% |
| 乡镇政府（街道办事处） | 235 | 12.1% |

## 三、审结情况

全年审结行政复议案件1845件，其中维持1011件，驳回请求236件，撤销98件，确认违法67件，调解和解后终止318件。
"""

PROVINCE = """# 瀱南省2025年法治政府建设年度报告

## 一、主要工作

全省各级行政复议机构共收到行政复议申请3.82万件，受理3.41万件，直接纠错率12.6%。全省办理法律援助案件6.75万件。

## 二、2026年工作安排

力争全省行政机关负责人出庭应诉率保持在98%以上。

附件：各设区市主要指标

| 设区市 | 行政复议收案（件） | 纠错率 | 法律援助案件（件） |
|---|---|---|---|
| 瀱阳市 | 6124 | 13.2% | 9812 |
| 瀴州市 | 3986 | 10.4% | 6835 |
| 瀸山市 | 2875 | 14.9% | 5107 |
"""


@pytest.fixture(scope="module")
def hotline(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("hotline"),
                           {"瀮州市12345热线_2025.md": HOTLINE, "瀮州市_2025.md": CITY})


@pytest.fixture(scope="module")
def bulletin(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("bulletin"), {"瀩川市司法局_2025.md": BULLETIN})


@pytest.fixture(scope="module")
def province(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("province"), {"瀱南省_2025.md": PROVINCE})


def test_a_table_title_says_what_its_rows_are_of(bulletin):
    # the label column's header (被申请人类型) is not in the rows; the table's title says it
    a = bulletin.ask("瀩川市2025年被申请人为县级部门的复议案件有多少件？")
    assert first_line(a) == "801件。", a.text


def test_a_colloquial_word_cut_into_characters_still_describes_a_concept(bulletin):
    # 打回 is no word of the segmenter's (打, 回): its join is the word the reports never use,
    # so the question describes 驳回 — not the 864 applications it would otherwise be
    a = bulletin.ask("瀩川市去年复议申请被打回的有多少件？")
    assert first_line(a) == "236件。", a.text


@pytest.mark.parametrize("line", ["附件：各设区市主要指标", "附件2", "附件一 法治政府建设主要指标完成情况表"])
def test_an_annex_line_is_a_heading_of_its_own(line):
    heading = match_heading(line)
    assert heading is not None and heading.rank == ANNEX_RANK and not heading.has_body


@pytest.mark.parametrize("line", ["附件所列事项均已完成。", "附件中的数据截至2025年底"])
def test_a_sentence_about_an_annex_is_no_heading(line):
    assert match_heading(line) is None


@pytest.mark.parametrize(("question", "figure"), [
    ("瀸山市2025年法律援助案件多少件？", "5107件。"),
    ("瀴州市2025年行政复议收案多少件？", "3986件。"),
])
def test_an_annex_table_after_the_plans_is_no_plan(province, question, figure):
    # the annex follows "二、2026年工作安排": its rows are 2025's figures, not targets
    assert first_line(province.ask(question)) == figure


@pytest.mark.parametrize(("question", "figure"), [
    # 个, speech's measure word for anything: calls are counted in 件 (来电142.6万件)
    ("瀮州市12345热线2025年来电有多少个？", "142.6万件。"),
    # a part named by its own word, which its whole names among others ("受理群众来电、网络留言等各类
    # 诉求186.4万件…其中来电142.6万件"): the part, not the whole
    ("瀮州市12345热线2025年来电有多少件？", "142.6万件。"),
    ("瀮州市12345热线2025年受理诉求多少件？", "186.4万件。"),
])
def test_a_part_named_by_its_own_word(hotline, question, figure):
    assert first_line(hotline.ask(question)) == figure


COUNTY = """# 瀺山县2025年法治政府建设年度报告

## 一、公共法律服务

全县建成公共法律服务中心1个、乡镇工作站9个，全年办理法律援助案件1100余件，12348公共法律服务热线接听群众来电3.1万余次。
"""

BUREAU = """# 瀺山县司法局2025年法治政府建设年度报告

## 一、公共法律服务

12348公共法律服务热线瀺山分中心全年接听群众来电31264次，同比增长12.4%，群众满意率98.6%。
"""


def test_a_round_figure_of_the_government_yields_to_the_exact_one_it_rounds(tmp_path):
    # the government's report: "接听群众来电3.1万余次"; its bureau's own: 31264次
    service = reports_service(tmp_path, {"瀺山县_2025.md": COUNTY, "瀺山县司法局_2025.md": BUREAU})
    assert first_line(service.ask("瀺山县2025年12348热线接听群众来电多少次？")) == "31264次。"


@pytest.mark.parametrize(("approx", "exact", "same"), [
    ("接听群众来电3.1万余次。", "接听群众来电31264次。", True),
    ("接听群众来电3.1万余次。", "接听群众来电32264次。", False),
    ("办理法律援助案件1100余件。", "办理法律援助案件1186件。", True),
    ("办理法律援助案件1100余件。", "办理法律援助案件1286件。", False),
    ("办理法律援助案件近500件。", "办理法律援助案件496件。", True),
    ("办理法律援助案件1100余件。", "办理法律援助案件1186名。", False),
])
def test_a_round_figure_rounds_the_exact_one_within_its_last_digit(approx, exact, same):
    from bot.service import rounds
    from facts.sentence import sentence_facts

    assert rounds(sentence_facts(approx)[0], sentence_facts(exact)[0]) is same


WORK_REPORT = """# 灇川市2026年政府工作报告

## 一、2025年工作回顾

坚持和发展新时代“枫桥经验”，各级人民调解组织化解矛盾纠纷1.2万件，调解成功率98.1%。
"""

LAW_REPORT = """# 灇川市2025年法治政府建设年度报告

## 一、主要工作

健全矛盾纠纷多元化解机制，全市各级人民调解组织调解矛盾纠纷11846件，调解成功率98.3%。
"""


@pytest.mark.parametrize(("question", "figure"), [
    ("灇川市2026年政府工作报告中，2025年各级人民调解组织化解矛盾纠纷多少件？", "1.2万件。"),
    ("灇川市2025年法治政府建设年度报告说各级人民调解组织调解矛盾纠纷多少件？", "11846件。"),
])
def test_the_report_a_question_names_is_the_one_asked(tmp_path, question, figure):
    # two reports of one place state the same figure two ways: the kind of report named answers
    service = reports_service(tmp_path, {"灇川市政府工作报告_2025.md": WORK_REPORT, "灇川市_2025.md": LAW_REPORT})
    assert first_line(service.ask(question)) == figure


@pytest.mark.parametrize(("text", "genre"), [
    ("灇川市2026年政府工作报告中，2025年化解矛盾纠纷多少件？", "政府工作报告"),
    ("灇川市法治政府建设年度报告说…", "法治政府建设"),
    ("澊湖区区长在2025年度述法报告里说自己存在哪些不足？", "述法"),
    ("漍宁市中级人民法院白皮书说…", "白皮书"),
    ("灇川市2025年化解矛盾纠纷多少件？", ""),
])
def test_the_kind_of_report_named(text, genre):
    from bot.query import named_genre

    assert named_genre(text) == genre
