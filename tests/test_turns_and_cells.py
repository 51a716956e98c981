"""A county 医疗保障局's report beside its government's (session 56):
- a yes-or-no question said before the figure asked ("外地看病能直接报吗？…有多少人次？") is answered by the figure;
- "那里…" after a town's question is that town (no region of the reports);
- "那全县呢？" after a department's question is the whole county, its department left out; "那整个X县所有执法部门
  加起来呢？" the same;
- a table cell's figure that a cited sentence of the same report states in words is said in its words
  (全年 63200 of the table, "全年窗口办件6.32万件" of the text);
- English: medical insurance fraud, direct settlements, designated medical institutions and pharmacies."""

from __future__ import annotations

import pytest

from tests.conftest import first_line, reports_service

BUREAU = ("灍川县医疗保障局2025年法治政府建设年度报告\n\n一、医保基金监管\n\n"
          "全年检查定点医药机构318家，其中定点医疗机构、定点零售药店分别为121家、197家；"
          "全年查处欺诈骗保案件29件，依法作出行政处罚24件，罚款126.2万元。\n\n"
          "局机关持有行政执法证件人员三十九名，全年组织执法人员培训3期。\n\n"
          "二、医保经办服务\n\n全年窗口办件6.32万件，同比增长9.8%，“一网通办”率由90.1%提升至93.7%。\n\n"
          "表1 2025年医保经办主要数据\n"
          "指标｜一季度｜二季度｜三季度｜四季度｜全年\n"
          "窗口办件（件）｜15020｜15630｜16410｜16140｜63200\n"
          "异地就医直接结算（人次）｜9820｜10630｜12205｜11874｜44529\n")
GOVERNMENT = ("灍川县2025年法治政府建设年度报告\n\n一、严格规范公正文明执法\n\n"
              "全县各行政执法部门共办理行政处罚案件2214件，罚没款2986.3万元。"
              "全县持证行政执法人员1624名，较上年增加58名。\n\n"
              "二、基层治理\n\n灍溪镇试点村级医保监督员制度，聘请监督员31名，追回医保基金52.6万元，查处欺诈骗保案件4件。\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("turns_and_cells"),
                           {"灍川县医疗保障局_2025.txt": BUREAU, "灍川县_2025.txt": GOVERNMENT})


@pytest.mark.parametrize("question, lead", [
    ("外地看病能直接报吗？灍川县2025年三季度异地就医直接结算有多少人次？", "12205人次"),
    ("举报骗保有奖励吗？灍川县医保局2025年查处欺诈骗保案件多少件？", "29件"),
])
def test_a_yes_or_no_said_before_the_figure_asked_is_answered_by_the_figure(service, question, lead):
    assert first_line(service.ask(question)).startswith(lead), service.ask(question).text


def test_there_after_a_towns_question_is_the_town(service):
    history = [("灍溪镇2025年追回了多少医保基金？", "52.6万元。")]
    answer = service.ask("那里查处了几起欺诈骗保案件？", history)
    assert first_line(answer).startswith("4件"), answer.text


@pytest.mark.parametrize("follow", ["那全县呢？", "全县呢"])
def test_the_whole_county_after_a_departments_question(service, follow):
    history = [("灍川县医保局2025年有多少持证执法人员？", "39名。")]
    answer = service.ask(follow, history)
    assert first_line(answer).startswith("1624名"), answer.text


def test_every_department_of_the_whole_place_named_with_zhengge(service):
    history = [("灍川县医保局2025年作出了多少件行政处罚？", "24件。")]
    answer = service.ask("那整个灍川县所有执法部门加起来呢？", history)
    assert first_line(answer).startswith("2214件"), answer.text


def test_a_table_cell_stated_in_the_text_is_said_in_its_words():
    from types import SimpleNamespace as Ns

    from bot.service import _as_said_in_prose
    from facts.model import Fact

    def ev(doc: str, *facts: Fact) -> Ns:
        return Ns(chunk=Ns(doc_id=doc), bindings=[Ns(fact=f) for f in facts])

    cell = Fact(57400.0, "57400", "件", "窗口办件（件）", "", 0, 5, "窗口办件（件）｜全年：57400", 2025,
                table=True, column="全年")
    said = Fact(57400.0, "5.74万件", "件", "全年窗口办件", "", 6, 12, "全年窗口办件5.74万件", 2025)
    change = Fact(10.8, "10.8%", "%", "全年窗口办件", "", 15, 20, "同比增长10.8%", 2025, change="increase")
    best = ev("bureau", cell)
    assert _as_said_in_prose("57400件", best, [best, ev("bureau", said, change)]) == "5.74万件"
    # another report's words, another value, or a figure of no table: as it is (guards)
    assert _as_said_in_prose("57400件", best, [best, ev("government", said)]) == "57400件"
    other = Fact(57300.0, "5.73万件", "件", "全年窗口办件", "", 6, 12, "全年窗口办件5.73万件", 2025)
    assert _as_said_in_prose("57400件", best, [best, ev("bureau", other)]) == "57400件"
    prose = ev("bureau", said)
    assert _as_said_in_prose("5.74万件", prose, [prose, ev("bureau", cell)]) == "5.74万件"


@pytest.mark.parametrize("question, lead", [
    ("How many medical insurance fraud cases did the county healthcare security bureau investigate in 2025?", "29件"),
    ("How many designated medical institutions and pharmacies did the healthcare security bureau inspect in 2025?",
     "318家"),
])
def test_english_medical_insurance_words(service, question, lead):  # guards: pass before the glossary rows too
    assert first_line(service.ask(question)).startswith(lead), service.ask(question).text
