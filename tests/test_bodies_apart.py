"""A government and the other bodies of its place that report too — its tax bureau, its court — count
the same indicators in other scopes. A question names whose figure it asks ("法院那边统计的…",
"潦阳市政府2025年的统计中", "潦州税务…"); a question naming no body is not answered with the figure a
department counts in its own field (税务行政复议 for 行政复议). A government's own level (本级, a
"市本级" row), a county's row of the city table, and a whole's part asked of another whole are not the
place's figure either. Lists of kinds or places before 分别 give each item what the last item says."""

import pytest

from facts.chunk import chunk_facts
from tests.conftest import first_line, reports_service

TAX = """# 国家税务总局潦州市税务局2025年法治税务建设年度报告

## 一、规范执法

全年作出税务行政处罚决定4862件，罚款金额3148万元。全年对8216户次纳税人适用“首违不罚”。

| 单位 | 适用“首违不罚”（户次） | 涉税争议调解成功率（%） |
|---|---|---|
| 潦州市潦城区税务局 | 1874 | 96.2 |
| 潦州市潧山县税务局 | 944 | 95.6 |

## 二、涉税争议

全市税务系统收到税务行政复议申请186件，同比增长17.7%，受理172件，审结165件。全年受理涉税争议312件，调解成功296件，调解成功率94.9%。
市税务局稽查局全年检查纳税人412户，查补税款6.84亿元，同比增长15.5%。

国家税务总局潦州市税务局

2026年2月26日
"""

TAX_2024 = """# 国家税务总局潦州市税务局2024年法治税务建设年度报告

## 一、涉税争议

全市税务系统收到税务行政复议申请158件，受理147件，审结141件，纠错率9.2%。

国家税务总局潦州市税务局

2025年2月20日
"""

CITY = """# 潦州市2025年法治政府建设年度报告

## 一、行政复议

全市各级行政复议机构共收到行政复议申请3412件，受理3106件，审结2958件。省政府本级受理行政复议案件318件，审结301件。市税务局本级收到税务行政复议申请61件，其余由各区县税务局办理。

## 二、行政应诉

全市行政机关负责人应出庭应诉案件1012件，实际出庭1004件，出庭应诉率为99.2%。全市行政机关作为被告的一审行政诉讼案件1127件，败诉率为5.5%。

## 三、执法监督和社区矫正

组织开展全市行政执法案卷集中评查，共抽查案卷620卷，评出优秀案卷48卷、不合格案卷13卷。全年累计接收社区矫正对象213名，解除矫正198名，截至年底在册社区矫正对象426名。

潦州市人民政府

2026年3月18日
"""

COURT = """# 潦州市中级人民法院行政审判白皮书（2025年度）

## 一、行政机关败诉情况

全市法院审结的一审行政案件中，行政机关败诉案件118件，败诉率为9.5%。

分案件类型看，征收拆迁类案件败诉率最高，为14.2%，行政处罚类、信息公开类、工伤认定类案件败诉率分别为8.6%、11.7%、6.3%。

## 二、出庭应诉

全市法院开庭审理的一审行政案件1139件中，行政机关负责人出庭应诉的1032件，出庭应诉率为90.6%。

## 三、案件类型

| 案件类型 | 2024年（件） | 2025年（件） |
|---|---|---|
| 征收拆迁类 | 268 | 301 |
| 行政处罚类 | 214 | 236 |

潦州市中级人民法院

2026年3月26日
"""


@pytest.fixture(scope="module")
def place(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("bodies"), {
        "潦州市税务局_2025.md": TAX, "潦州市税务局_2024.md": TAX_2024, "潦州市_2025.md": CITY,
        "潦州市中级人民法院_2025.md": COURT})


# (guards marked "guard" pass on the code before these rules too: they keep what already held)
@pytest.mark.parametrize("question, figure", [
    # whose figure: the court's, named as the one that counted it, not as the one that gave or received
    ("去年在潦州告政府的官司，法院那边统计政府一方判输的比例是多少？", "9.5%"),  # guard
    ("潦州两级法院2025年行政机关负责人出庭应诉率是多少？", "90.6%"),  # guard
    ("潦州市政府2025年的统计中，行政机关负责人出庭应诉率是多少？", "99.2%"),
    # the department named by its field or its whole system ("潦州税务…", "潦州全市税务局…")
    ("潦州税务稽查2025年查补税款多少？", "6.84亿元"),  # guard
    ("潦州全市税务局2025年罚款金额多少？", "3148万元"),
    # a department's figure the government's report gives in a clause naming it
    ("潦州市税务局本级2025年收到多少件税务行政复议申请？", "61件"),  # guard
    # each item of a 分别 list of kinds is what its last item says
    ("潦州中院2025年信息公开类案件行政机关败诉率是多少？", "11.7%"),
    ("潦州中院2025年征收拆迁类案件败诉率是多少？", "14.2%"),
    # the city as a whole: the government's table, not a department's own field, nor a county's row
    ("潦州市2025年全市各级行政复议机构受理了多少件行政复议申请？", "3106件"),  # guard
    ("潦州税务2025年涉税争议调解成功率是多少？", "94.9%"),
    # (a part asked of a whole its passage says in other pieces; no place in 在册社区)
    ("潦州市2025年行政执法案卷评查中不合格案卷有几卷？", "13卷"),  # guard
    ("潦州市2025年底在册的社区矫正对象有多少名？", "426名"),
])
def test_whose_figure(place, question, figure):
    line = first_line(place.ask(question))
    assert figure in line, line


@pytest.mark.parametrize("question, not_this", [
    # the city government has no 2024 report: the tax bureau's 税务行政复议 is not the city's 行政复议
    ("潦州市2024年全市各级行政复议机构收到多少件行政复议申请？", "158件"),
    ("潦州市2025年的行政复议案件中，征收拆迁类有多少件？", "301件"),
])
def test_not_the_figure_of_another_scope(place, question, not_this):
    answer = place.ask(question)
    assert not answer.found or not_this not in first_line(answer), answer.text


def test_a_governments_own_level_is_not_its_whole():
    from bot.query import Question
    from bot.service import own_level_only

    part = next(f for f in chunk_facts("省政府本级受理行政复议案件318件，审结301件。") if f.text == "301件")
    whole = next(f for f in chunk_facts("依法受理13940件，审结13105件。") if f.text == "13105件")
    asked = Question(text="全省审结了多少件行政复议案件？", normalized="全省审结了多少件行政复议案件？")
    assert own_level_only(asked, part)
    assert not own_level_only(asked, whole)
    own = Question(text="省政府本级审结了多少件？", normalized="省政府本级审结了多少件？")
    assert not own_level_only(own, part)


@pytest.mark.parametrize("sentence, expected", [
    ("行政处罚类、信息公开类、工伤认定类案件败诉率分别为8.6%、11.7%、6.3%。",
     {"8.6%": "行政处罚类案件败诉率", "11.7%": "信息公开类案件败诉率", "6.3%": "工伤认定类案件败诉率"}),
    ("被诉行政机关在潦城区、潧山县的案件败诉率分别为12.1%、6.9%。",
     {"12.1%": "被诉行政机关在潦城区的案件败诉率", "6.9%": "被诉行政机关在潧山县的案件败诉率"}),
    ("分案件类型看，征收拆迁类案件败诉率最高，为14.2%。", {"14.2%": "征收拆迁类案件败诉率"}),
    # (items that are no kinds or places keep their own words)
    ("行政复议、行政诉讼案件分别为120件、45件。", {"120件": "行政复议案件", "45件": "行政诉讼案件"}),
])
def test_what_each_listed_figure_measures(sentence, expected):
    got = {f.text: f.indicator for f in chunk_facts(sentence, report_year=2025)}
    assert {k: got.get(k) for k in expected} == expected


@pytest.mark.parametrize("text, named", [
    ("潦州市政府2025年的统计中，出庭应诉率是多少？", "潦州市政府"),
    ("潦州市政府合同审查了多少份？", ""),
    ("潦州市政府本级受理了多少件？", ""),
])
def test_the_government_named_as_the_source(text, named):
    from bot.query import _government_named

    assert _government_named(text, ["潦州市"]) == named


def test_a_title_of_places_is_no_place():
    from bot.query import find_regions

    *_, unknown, _tabled, _passing = find_regions("2025年新创建了多少个省级法治政府建设示范县（市、区）？", [])
    assert unknown == []


HEALTH = """# 潧江省卫生健康委员会2025年法治政府建设年度报告

## 一、卫生监督

全省各级卫生健康行政部门和卫生监督机构全年开展卫生监督检查20.14万户次，同比增长8.2%。

潧江省卫生健康委员会

2026年2月10日
"""


def test_a_place_with_only_a_departments_reports_is_asked_of_them(tmp_path):
    # no government report of 潧江省: the 卫健委's own field is what is asked of the province
    service = reports_service(tmp_path, {"潧江省卫生健康委员会_2025.md": HEALTH})
    line = first_line(service.ask("潧江省2025年全省卫生监督检查多少户次？"))
    assert "20.14万户次" in line, line
