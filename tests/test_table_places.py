"""A provincial report's table of cities (one row per 地级市): each city's figures answer for
that city, two cities are compared row by row, and a rate the table does not give is not
another rate's."""

import pytest

from tests.conftest import build_store, first_line

_PROVINCE = ("澧江省市场监督管理局2025年法治政府建设年度报告\n\n"
             "2025年，澧江省市场监督管理局坚持依法监管。\n\n一、严格规范公正文明执法\n\n"
             "全省市场监管部门共立案查处各类违法案件1.94万件，同比增长4.7%；罚没款2.56亿元，同比下降3.2%；"
             "向公安机关移送涉嫌犯罪案件124件。\n\n"
             "表1 2025年各设区市市场监管执法情况\n\n"
             "| 设区市 | 立案数（件） | 罚没款（万元） | 移送司法机关（件） |\n"
             "| --- | --- | --- | --- |\n"
             "| 澧城市 | 5862 | 9735.6 | 48 |\n"
             "| 荻宁市 | 3417 | 4128.3 | 21 |\n"
             "| 荻安市 | 2983 | 3560.9 | 17 |\n"
             "| 合计 | 19400 | 25600 | 124 |\n\n"
             "二、优化营商环境\n\n发放个人住房贷款6218笔，个人住房贷款率为87.6%。\n")


def _one_report(tmp_path_factory, name: str, text: str):  # noqa: ANN001, ANN202
    """A store of one markdown report ``name`` holding ``text``; its service."""
    folder = tmp_path_factory.mktemp(name.split("_")[0])
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return build_store(folder / "store", [path], embedding_model="hash")[1]


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return _one_report(tmp_path_factory, "澧江省市场监督管理局_2025.md", _PROVINCE)


def test_a_city_row_answers_for_that_city(service):
    answer = service.ask("荻宁市2025年市场监管的罚没款是多少？")
    assert first_line(answer).startswith("4128.3万元"), answer.text


@pytest.mark.parametrize(("question", "lead"), [
    ("荻宁市和荻安市2025年市场监管立案数差多少件？", "荻宁市比荻安市多434件"),
    ("荻安市2025年市场监管罚没款比澧城市少多少？", "荻安市比澧城市少6174.7万元"),
])
def test_two_cities_of_the_table_are_compared(service, question, lead):
    answer = service.ask(question)
    assert answer.found and first_line(answer).startswith(lead), answer.text


def test_the_departments_field_named_as_a_kind_of_department(service):
    # "市场监管部门" is whose report it is, no word to find; 罚没 asks money
    answer = service.ask("澧江省市场监管部门2025年罚没款总共多少")
    assert first_line(answer).startswith("2.56亿元"), answer.text


def test_a_change_asked_in_percent_the_other_way_round(service):
    answer = service.ask("澧江省市场监管2025年罚没款同比增长了百分之几？")
    assert first_line(answer).startswith("下降3.2%（并非增长）"), answer.text


def test_a_rate_the_report_does_not_give_is_not_another_rate(service):
    answer = service.ask("澧江省2025年个人住房贷款逾期率是多少")
    assert "87.6%" not in first_line(answer), answer.text
    assert service.ask("澧江省2025年个人住房贷款率是多少").text.startswith("87.6%")


_COUNTY = ("澧川县2024年法治政府建设年度报告\n\n一、化解矛盾纠纷\n\n"
           "全县人民调解组织调解矛盾纠纷1684件，调解成功率97.8%，各乡镇情况见下表。\n\n"
           "| 乡镇 | 人民调解案件（件） | 调解成功率（%） | 法律明白人（名） |\n"
           "| --- | --- | --- | --- |\n"
           "| 澧溪镇 | 352 | 98.3 | 96 |\n"
           "| 荻湖镇 | 298 | 97.0 | 88 |\n"
           "| 合计 | 1684 | 97.8 | 508 |\n\n"
           "培育“法律明白人”508名，实现每个村（社区）至少3名。\n")


@pytest.fixture(scope="module")
def county(tmp_path_factory):
    return _one_report(tmp_path_factory, "澧川县_2024.md", _COUNTY)


def test_a_town_of_the_table_named_in_an_earlier_turn_stays_the_place(county):
    # "那里" is the town the last turn named; a new indicator keeps the town of the opening
    history = [["澧川县2024年人民调解案件一共多少件？", "1684件。"], ["其中澧溪镇有多少件？", "澧溪镇352件。"]]
    assert first_line(county.ask("那里的调解成功率呢？", history=history)).startswith("98.3%")
    history = [["澧川县荻湖镇2024年人民调解案件多少件？", "298件。"], ["调解成功率呢？", "97.0%。"]]
    assert first_line(county.ask("法律明白人有几名？", history=history)).startswith("88名")


def test_a_town_no_report_mentions_is_not_answered_with_the_county_total(county):
    answer = county.ask("澧川县2024年澧北镇的人民调解案件有多少件？")
    assert not answer.found and "1684" not in first_line(answer) and "澧北镇" in first_line(answer), answer.text
    answer = county.ask("澧川县澧溪镇2024年人民调解案件多少件？")  # a town of the table: its row
    assert first_line(answer).startswith("352件"), answer.text


@pytest.mark.parametrize(("question", "unknown"), [
    ("澧川县2024年澧北镇的人民调解案件有多少件？", ["澧北镇"]),
    ("澧川县荻河镇2024年人民调解案件多少件？", ["荻河镇"]),
    ("澧川县2025年送法下乡活动开展了多少场？", []),   # an activity, no town
    ("澧川县2025年科技进乡多少次", []),
    ("澧川县2022年向乡镇下沉了多少名综合执法人员？", []),  # no name: a preposition, a generic word
    ("澧川县有几家乡镇卫生院", []),
    ("澧川县2024年在城镇燃气安全方面做了哪些工作？", []),
    ("澧川县今年城镇新增就业实际完成了多少人", []),
    ("澧川县2024年哪个乡镇的调解成功率最高？", []),
    ("澧川县2024年东湖街道和荻宁街道调解了多少件？", ["东湖街道", "荻宁街道"]),
    ("荻河乡2024年人民调解了多少件？", ["荻河乡"]),  # a town named alone, no report names it
    ("澧北街道去年调处了多少件矛盾纠纷？", ["澧北街道"]),
    ("澧川县2024年推进乡村振兴的法治项目有多少个？", []),  # 推进乡: no name
    ("澧川县2024年全县12个乡镇调解了多少件？", []),
    ("澧川县农业农村局2024年查办了多少件农资案件？", []),  # a body of the county, no village 农业农村
    ("澧川县2024年澧川镇调解了多少件？", ["澧川镇"]),  # the county's bare name before 镇: the town's
])
def test_a_town_said_after_its_county_is_a_place(question, unknown):
    from bot.query import find_regions
    from vectorstore.records import DocumentRecord

    docs = [DocumentRecord(doc_id="d", source="澧川县_2024.md", title="澧川县2024年报告", region="澧川县", year=2024,
                           sha256="0", chunks=1, ingested_at="")]
    assert find_regions(question, docs)[2] == unknown


@pytest.mark.parametrize(("place", "level"), [("临江省", 0), ("荭州市", 1), ("荭湖区", 2), ("白沙县", 2), ("荛北镇", 3),
                                              ("东湖街道", 3), ("临江省司法厅", 9)])
def test_a_place_name_says_its_level(place, level):
    from bot.query import place_level

    assert place_level(place) == level


_CITIES = ("澧江省2025年法治政府建设年度报告\n\n一、严格规范公正文明执法\n\n"
           "全省各级行政机关依法应诉，行政诉讼案件一审败诉率为5.1%。各设区市情况如下。\n\n"
           "| 设区市 | 行政执法案件（件） | 败诉率（%） | 罚没金额（万元） |\n"
           "| --- | --- | --- | --- |\n"
           "| 澧城市 | 5862 | 4.8 | 9735.6 |\n"
           "| 荻宁市 | 3417 | 6.2 | 4128.3 |\n")


@pytest.fixture(scope="module")
def cities(tmp_path_factory):
    return _one_report(tmp_path_factory, "澧江省_2025.md", _CITIES)


@pytest.mark.parametrize(("question", "lead"), [
    # a terse column label names the rate asked: "败诉率（%）" of a table about 行政诉讼
    ("荻宁市2025年的行政诉讼败诉率是多少？", "6.2%"),
    # the question's verb (办理, tagged a noun by jieba) is no key for a row label without one
    ("荻宁市2025年办理行政执法案件多少件？", "3417件"),
    # 金额 is the money asked, not a word the cell must say
    ("澧城市2025年罚没款金额是多少？", "9735.6万元"),
])
def test_a_terse_table_cell_answers_what_the_question_says_at_length(cities, question, lead):
    assert first_line(cities.ask(question)).startswith(lead), cities.ask(question).text


@pytest.mark.parametrize(("question", "regions", "unknown"), [
    ("澧穿县2024年人民调解案件有多少件？", ["澧川县"], []),  # 穿 typed for 川 (chuan): the county
    ("澧山县2024年人民调解案件有多少件？", [], ["澧山县"]),  # another county, one character apart
])
def test_a_mistyped_name_sounds_like_the_report_s_place(question, regions, unknown):
    from bot.query import find_regions
    from vectorstore.records import DocumentRecord

    docs = [DocumentRecord(doc_id="d", source="澧川县_2024.md", title="澧川县2024年报告", region="澧川县", year=2024,
                           sha256="0", chunks=1, ingested_at="")]
    found = find_regions(question, docs)
    assert (found[0], found[2]) == (regions, unknown)
