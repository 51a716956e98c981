"""What a question says of where its figure is written and of the place it asks about: a report
named by whose it is ("县政府自己的年度报告里", "按…的法治政府建设年度报告，") is where, not what; a place
name whose first character is too rare for a tagger ("漊南街道"); a preposition before a place
("以漷湖区人民政府为被申请人"); what an English "how many" counts, by the glossary's Chinese noun."""

import datetime as dt

import pytest

from bot.frame import parse
from bot.query import asking_part, find_regions, named_genre, names_a_place

TODAY = dt.date(2026, 12, 4)


@pytest.mark.parametrize(("text", "asked"), [
    ("漷川市法律援助中心的报告里，2025年全市受理法律援助案件多少件？", "2025年全市受理法律援助案件多少件？"),
    ("漷河县县政府自己的年度报告里，2025年全县受理了多少件法律援助案件？", "2025年全县受理了多少件法律援助案件？"),
    ("按漷川市政府的法治政府建设年度报告，2025年全市办理法律援助案件多少件？", "2025年全市办理法律援助案件多少件？"),
    ("根据统计，2025年漷川市受理了多少件？", "2025年漷川市受理了多少件？"),
    # the year before a source phrase stays the question's
    ("2025年政府工作报告中，全市新增多少家企业？", "2025年政府全市新增多少家企业？"),
    # … and the year of the report named, said in it, stays too: it is the year asked
    ("漷山县人民政府的2025年法治政府建设年度报告里，全县耕地保有量写的是多少？", "2025年全县耕地保有量写的是多少？"),
    ("根据2025年法治政府建设年度报告，全县耕地保有量是多少？", "2025年全县耕地保有量是多少？"),
])
def test_whose_report_is_where_not_what(text, asked):
    assert asking_part(text) == asked


@pytest.mark.parametrize(("text", "genre"), [
    ("按漷川市政府的法治政府建设年度报告，2025年全市办理法律援助案件多少件？", "法治政府建设"),
    ("按漷宁市法治政府建设年度报告的说法，2025年热线满意率是多少？", "法治政府建设"),
    ("漷宁市2025年法治政府建设情况怎么样？", ""),
])
def test_the_kind_of_report_named(text, genre):
    assert named_genre(text) == genre


def test_a_name_whose_first_character_is_rare_is_a_place():
    # 漊 is tagged an interjection and 漉 a verb by jieba: too rare a character for the tag to mean it
    assert names_a_place("漊南街道") and names_a_place("漉桥镇") and names_a_place("漉园街道")
    assert not names_a_place("向乡镇") and not names_a_place("今年城镇") and not names_a_place("跑到区里")


def test_a_street_with_no_report_is_an_unknown_place():
    _, _, unknown, _, _ = find_regions("漊南街道2025年调解纠纷多少件？", [])
    assert unknown == ["漊南街道"]


def test_a_preposition_before_a_place_is_no_part_of_its_name():
    said = {"漷湖区", "漷湖区｜"}
    regions, mentions, unknown, tabled, _ = find_regions(
        "市政府2025年办理的以漷湖区人民政府为被申请人的行政复议案件收案多少件？", [],
        corpus_has=said.__contains__, table_places={"漷湖区"})
    assert unknown == [] and tabled == ["漷湖区"]


@pytest.mark.parametrize(("question", "units"), [
    ("How many safety hazards had 漊溪街道 rectified in 2025?", ("处", "个", "项", "条")),
    ("How many work orders did 漊溪街道 transfer in 2025?", ("件", "个", "次", "通", "起", "人次")),
])
def test_an_english_count_is_counted_as_its_chinese_noun(question, units):
    frame = parse(question, ["漊溪街道"], TODAY)
    assert [a.units for a in frame.figure_asks] == [units]


@pytest.mark.parametrize(("question", "units"), [
    # the verb of an English "how many" ends the counted phrase, whatever "and" joins before it
    ("How many river and lake chiefs did 漊溪街道 have in 2025?", ("名", "人", "位")),
    # what "哪个…最多" ranks is counted as its noun is: no amount of money answers it
    ("漊溪街道哪个社区去年找政府免费帮打官司的案子最多？", ("件", "起", "宗", "例")),
])
def test_what_a_figure_is_counted_in(question, units):
    frame = parse(question, ["漊溪街道"], TODAY)
    assert [a.units for a in frame.figure_asks] == [units]


@pytest.mark.parametrize(("text", "said"), [
    # 市场监管局's 市 is its field's first character, no level ("市场监管局去年…" is no 场监管局)
    ("市场监管局去年罚没款一共有多少？", "市场监管局"),
    ("省卫健委2024年全省查处多少件？", "卫健委"),
    # a body a passive names ("被市场监管局罚…") is not read as a shorter body either — it is the body that
    # enforces, whose figure is asked (session 55), and never 场监管局
    ("去年被市场监管局罚走的钱一共有多少？", "市场监管局"),
    ("去年收到市场监管局的告知书有多少份？", ""),  # (a body that gives: not whose report)
])
def test_the_department_a_question_names(text, said):
    from bot.query import department_said
    from vectorstore.records import DocumentRecord

    docs = [DocumentRecord(k, f"{k}.txt", f"{issuer}报告", region, 2025, "", 1, "", issuer)
            for k, region, issuer in (("a", "漷阳市", "漷阳市市场监督管理局"), ("b", "漷南省", "漷南省卫生健康委员会"))]
    assert department_said(text, docs, []) == said
