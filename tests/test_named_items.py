"""What a question names picks the figure (of the two reports of tests/fixtures/named_items): a place
that is one item of a 分别为 list of places (also
when a follow-up switches to another item), a body by its usual short name (审批局 of 行政审批服务局),
the word table's term that shares the question's own word (好评 → 好评率, not 满意率), a span of years
said at the head of its sentence ("五年来，…；新增…九个"), and a document named as the source
("“十四五”总结里，…") is where, not what, something is asked."""

import pytest

from bot.query import asking_part, names_body
from tests.conftest import FIXTURES, build_store, first_line

DIR = FIXTURES / "named_items"


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    files = sorted(DIR.glob("*.md"))
    return build_store(tmp_path_factory.mktemp("named_items"), files, embedding_model="hash")[1]


@pytest.mark.parametrize(("named", "body", "names"), [
    ("审批局", "行政审批服务局", True),  # from a word inside it, before the kind of body
    ("市监局", "市场监督管理局", True),
    ("管理局", "市场监督管理局", False),  # the kind of body alone names no one body
    ("服务局", "行政审批服务局", False),
    ("司法局", "市场监督管理局", False),
])
def test_short_names_of_bodies(named, body, names):
    assert names_body(named, body) is names


@pytest.mark.parametrize("question", [
    "溻川市“十四五”总结里，2022年全市行政复议收案多少件？",
    "2026年工作要点中，法律援助案件的目标是多少件？",
    "审议意见里，行政诉讼败诉率是多少？",
])
def test_a_document_named_as_the_source_is_not_asked(question):
    asked = asking_part(question)
    assert not any(w in asked for w in ("总结里", "要点中", "审议意见里")) and "多少" in asked


@pytest.mark.parametrize(("question", "figure"), [
    ("淿阳区2025年受理行政复议案件多少件？", "261件"),  # a place named only in the list: its item
    ("淿川市五年来新增了多少个全国民主法治示范村（社区）？", "9个"),  # not the year's 2个
    ("淿川市这五年法律援助一共帮群众挽回了多少经济损失？", "2.37亿元"),
    ("淿川市2025年新增了多少个全国民主法治示范村（社区）？", "2个"),
    ("淿川市审批局2025年办结了多少件办事难题？", "168件"),
    ("去年在淿川审批局办完事，给工作人员点赞打好评的比例有多少？", "99.71%"),
    ("淿川市行政审批服务局2025年整改回访满意率是多少？", "96.4%"),
    # "替政府": who the act is for, no kind of it (带头出庭应诉 answers)
    ("淿川市的一把手去年亲自到法院替政府出庭应诉了几回？", "3件"),
    # "“十四五”期间" is a span of years, no word to find: the figure summed over them …
    ("淿川市“十四五”期间累计办理法律援助案件多少件？", "19488件"),
    ("淿川市“十四五”期间全市执法人员轮训总共多少人次？", "2.6万人次"),
    # … and a year's question the year's own, from the sentence beside it
    ("淿川市2025年组织行政执法人员轮训多少人次？", "5800人次"),
    ("淿川市2025年办理法律援助案件多少件？", "4356件"),
    ("淿川市去年在全省法治政府考核里排老几？", "第二"),
    # one of the places a clause lists before "分别" ("在淿南街道、瀁口镇试点…，分别调处纠纷326件、281件")
    ("瀁口镇的“淿和”调解工作室2025年调处了多少件纠纷？", "281件"),
    ("淿南街道的“淿和”调解工作室2025年调处了多少件纠纷？", "326件"),
])
def test_named_items(service, question, figure):
    assert figure in first_line(service.ask(question, [])).replace("九", "9")


def test_a_hall_is_no_body(service):
    # "政务大厅" is where people go, no report's issuer: never "知识库中没有…政务大厅的报告"
    answer = service.ask("去年去淿川市政务大厅办事，一趟就能办完的比例有多高？", [])
    assert "政务大厅的报告" not in answer.text and "一次办结率达到98.5%" in answer.text
    assert "97.7%" not in first_line(answer)  # (办结率 is no 一次办结率)


def test_a_follow_up_switches_the_listed_place(service):
    first = "淿川市2025年受理的行政复议案件中，淿阳区有多少件？"
    answer = service.ask(first, [])
    assert "261件" in first_line(answer)
    assert "178件" in first_line(service.ask("那瀁河县呢？", [(first, answer.text)]))


@pytest.mark.parametrize(("title", "sentence", "said"), [
    ("漌宁市澊湖区区长2025年度述法报告", "本人带头出庭应诉行政诉讼案件三次", " 区长"),
    ("沩水县人民政府县长2025年度述法报告", "2.全年主持召开县政府常务会议24次", " 县长"),  # no subject: the speaker's
    ("漌宁市澊湖区区长2025年度述法报告", "全区一审行政诉讼收案157件", ""),  # the district's, not his
    ("沩水县2025年法治政府建设年度报告", "本人带头出庭应诉三次", ""),  # no one's first-person report
])
def test_a_first_person_reports_self_is_its_office(title, sentence, said):
    from bot.extractive import speaker_said

    assert speaker_said(sentence, title) == said


@pytest.mark.parametrize(("sentence", "year", "said"), [
    ("五年来，全市累计办理法律援助案件19488件", 2025, " 十四五"),
    ("近五年累计化解行政争议1200件", 2021, " 十四五"),
    ("五年来累计培训3.2万人次", 2020, " 十三五"),
    ("全年办理法律援助案件4356件", 2025, ""),
    ("五年来累计培训3.2万人次", None, ""),
])
def test_five_years_in_a_report_are_its_plan_period(sentence, year, said):
    from bot.extractive import plan_period_said

    assert plan_period_said(sentence, year) == said


def test_a_word_inside_a_quoted_name_is_no_word_of_it(service):
    # 差评 asked of the “好差评” system's ratings: the 213条 of 收到差评, not all 26.48万条 ratings
    first = "淿川市审批局2025年“好差评”一共收到多少条评价？"
    answer = service.ask(first, [])
    assert "26.48万条" in first_line(answer)
    assert "213条" in first_line(service.ask("其中差评有多少条？", [(first, answer.text)]))
