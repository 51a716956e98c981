"""Parts named by their whole's words or asked with a directional verb; places above and below the
reports' regions; English wordings.

- "案卷评查评出了多少卷优秀案卷" of "组织开展行政执法案卷评查，共评查案卷312卷，其中优秀案卷47卷": the part
  47卷 is one of the 案卷评查's cases too — the whole's words name it as well (it had answered 312卷,
  the whole, because only the whole's clause says 案卷评查).
- "萆州市…全市" asked where the reports are a county's of 萆州市 (萆州市萆溪县) and its bureau's: the
  city has no report, a county's figure is not the city's (it had answered the county's 263件).
- "蓼南区" under a city report that never mentions it: jieba tags 蓼 "zg", a bound morpheme —
  still the name's first character, so 蓼南区 is a place the city's figure does not answer.
- "农民工拿回来多少钱" after 追回欠薪: 回来 is a directional complement, no verb the report must say.
- English: a glossary term is one wording of several ("on-time completion rate" → 按期办结率, the
  report says 按时办结率); "open cases on … violations" is 立案查处违法违规行为.
"""

import pytest

from tests.conftest import first_line, report_service, reports_service

REPORT = """莜川县2025年法治政府建设年度报告

一、严格规范公正文明执法

组织开展行政执法案卷评查，共评查案卷312卷，其中优秀案卷47卷，评查结果全部向被评查单位反馈。

二、守护舌尖上的安全

完成食品安全监督抽检3650批次，总体合格率97.8%，不合格产品全部核查处置到位。

三、优化消费环境

12315平台全年受理投诉2.87万件、举报6340件，为消费者挽回经济损失1962万元，投诉按时办结率为96.8%。

四、规范建筑市场

全年检查在建工程项目1268个次，下发整改通知书436份，立案查处违法违规行为87件，罚款1364.5万元。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return report_service(tmp_path_factory.mktemp("inherits"), "莜川县_2025.txt", REPORT)


@pytest.mark.parametrize("question, figure", [
    ("莜川县2025年行政执法案卷评查评出了多少卷优秀案卷？", "47卷"),
    ("莜川县2025年行政执法案卷评查共评查了多少卷？", "312卷"),
    ("莜川县2025年食品安全监督抽检了多少批次？", "3650批次"),
    ("莜川县2025年食品抽检合格率是多少？", "97.8%"),
])
def test_a_part_and_its_whole(service, question, figure):
    answer = service.ask(question)
    assert answer.found and first_line(answer).startswith(figure), answer.text


@pytest.mark.parametrize("question, figure", [
    ("How many construction-market violations did Youchuan County open cases on in 2025?", "87"),
])
def test_english_glossary_words(service, question, figure):
    answer = service.ask(question)
    assert answer.found and first_line(answer).startswith(figure), answer.text


def test_an_english_phrase_reaches_another_wording_of_it(service):
    answer = service.ask("What was the on-time completion rate of consumer complaints in Youchuan County in 2025?")
    assert "96.8%" in answer.text, answer.text  # (the passage at least; the figure when it binds)


COUNTY = """萆州市萆溪县2025年法治政府建设年度报告

一、化解行政争议

全年县政府共收到行政复议申请263件，同比增长15.4%，受理241件，审结228件。
"""


POLICE = """萆溪县公安局2025年法治政府建设年度报告

在萆州市公安局的指导下，全年受理行政案件1200起。
"""


@pytest.fixture(scope="module")
def county(tmp_path_factory):
    # (the city is in the corpus — the county's title, the bureau's text — but has no report)
    return reports_service(tmp_path_factory.mktemp("county"), {"萆溪县人民政府_2025.txt": COUNTY,
                                                             "萆溪县公安局_2025.txt": POLICE})


def test_the_city_above_a_county_report_has_no_report_of_its_own(county):
    answer = county.ask("萆州市2025年全市一共收到多少件行政复议申请？")
    assert not answer.found and "263" not in first_line(answer), answer.text


@pytest.mark.parametrize("question", ["萆州市萆溪县2025年一共收到多少件行政复议申请？",
                                      "萆溪县2025年一共收到多少件行政复议申请？"])
def test_the_county_is_answered(county, question):
    answer = county.ask(question)
    assert answer.found and first_line(answer).startswith("263件"), answer.text


CITY = """蒎州市2025年法治政府建设年度报告

一、化解行政争议

全市各级行政复议机构共收到行政复议申请2073件，同比增长12.3%。

二、根治欠薪

全年立案查处欠薪案件236件，为3418名劳动者追发工资待遇4562万元，其中为2975名农民工追发工资3980万元。
"""


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    return report_service(tmp_path_factory.mktemp("city"), "蒎州市_2025.txt", CITY)


def test_a_district_named_with_a_bound_morpheme_first_is_a_place(city):
    # 蓼 is tagged "zg" by jieba: still the name's first character — the city's figure is not 蓼南区's
    from bot.query import names_a_place

    assert names_a_place("蓼南区") and not names_a_place("跑到区") and not names_a_place("投诉小区")
    answer = city.ask("蒎州市2025年蓼南区的行政复议申请是多少件？")
    assert not answer.found and "2073" not in first_line(answer), answer.text


def test_a_part_asked_with_a_directional_complement(city):
    answer = city.ask("蒎州市2025年追回的欠薪里，农民工拿回来多少钱？")
    assert answer.found and first_line(answer).startswith("3980万元"), answer.text
