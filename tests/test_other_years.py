"""A year with no report of its own, stated by another year's report of the place: each other
year's reports are searched apart, so one report's many sentences on the indicator do not crowd
the other report's statement of the asked year out of the candidates."""

from __future__ import annotations

import pytest

from tests.conftest import build_store

REPORT_2024 = ("澧水县2024年法治政府建设年度报告\n\n一、行政复议\n\n"
               "全县行政复议机构收到行政复议申请812件，审结776件。"
               "行政复议纠错率由2023年的12.6%降至2024年的11.2%。全县行政处罚案件3265件，同比下降7.2%。"
               # (in a long passage on much else, which ranks it below the other report's)
               "全年办理人大代表建议98件、政协提案126件，办复率100%。开展“八五”普法主题活动320场，"
               "发放宣传资料4.6万份，培育农村学法用法示范户860户。全县公共法律服务中心接待群众咨询"
               "1.2万人次，办理公证事项3280件，司法鉴定事项412件。\n")
_SECTIONS = ("行政复议纠错率连续三年下降，行政复议纠错意见书制发42份，纠错意见全部落实到位。",
             "行政复议纠错工作自2023年起纳入年度考核。对行政复议纠错案件逐案分析，行政复议纠错情况纳入法治政府建设考核，纠错率高的部门年度考核扣分。",
             "行政复议纠错率较高的部门被约谈，行政复议纠错案件整改率100%，整改情况在全县通报。",
             "建立行政复议纠错案件台账，行政复议纠错决定履行率100%，纠错后重新作出的决定全部合法。",
             "开展行政复议纠错案件评查，评查行政复议纠错案卷60卷，优秀率85%，评查结果纳入考核。",
             "推行行政复议纠错案件回访，回访行政复议纠错案件当事人120人次，满意率98%。",
             "举办行政复议纠错案例研讨会3场，编印行政复议纠错典型案例汇编1册，发放各部门学习。")
# a report on 2025 whose many passages on 行政复议纠错 would fill every candidate of a search
REPORT_2025 = ("澧水县2025年法治政府建设年度报告\n\n一、行政复议\n\n"
               "全县行政复议机构收到行政复议申请905件，审结861件，行政复议直接纠错率9.8%。\n\n"
               + "".join(f"{n}、行政复议纠错（{k}）\n\n{text}\n\n"
                         for k, (n, text) in enumerate(zip("二三四五六七八", _SECTIONS, strict=True), 1)))


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("other_years")
    files = []
    for year, text in ((2024, REPORT_2024), (2025, REPORT_2025)):
        path = tmp / f"澧水县_{year}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return build_store(tmp / "store", files, embedding_model="hash")[1]


def test_a_side_with_no_report_is_stated_by_another_years_report(service):
    answer = service.ask("澧水县行政复议纠错率2023年和2025年各是多少？")
    first = answer.text.split("\n", 1)[0]
    assert answer.found and "12.6%" in first and "9.8%" in first, answer.text


def test_the_asked_year_alone_is_stated_from_the_other_report(service):
    answer = service.ask("澧水县2023年行政复议纠错率是多少？")
    assert answer.found and answer.text.startswith("12.6%"), answer.text


def test_each_other_years_reports_are_searched_apart_nearest_year_first(service, monkeypatch):
    docs = service.documents()
    q = service.analyze("澧水县2023年行政复议纠错率是多少？", docs)
    searched = []
    real = service._evidence

    def evidence(question, doc_ids, terms, k=0):  # noqa: ANN001, ANN202
        searched.append(sorted({d.year for d in docs if d.doc_id in doc_ids}))
        return real(question, doc_ids, terms, k)

    monkeypatch.setattr(service, "_evidence", evidence)
    found = service.stated_in_other_years(q, docs, service.answerer.terms(q))
    assert searched == [[2024], [2025]]  # one search per year, the nearest year first
    assert found and found[0].bindings[0].fact.display == "12.6%"


@pytest.mark.parametrize(("question", "years"), [
    ("澧水县2023年行政复议纠错率是多少？", [2024, 2025]),  # both name 2023 (nearest year first)
    ("澧水县2024年行政复议纠错率是多少？", [2025]),  # the year after: "较上年", a 上年 column
    ("澧水县2022年行政复议纠错率是多少？", []),  # neither names 2022: no figure is dated it
])
def test_only_reports_that_may_state_the_asked_year_are_searched(service, question, years):
    docs = service.documents()
    found = service.reports_stating_year(service.analyze(question, docs), docs)
    assert [year for year, _ in found] == years


@pytest.mark.parametrize(("question", "first"), [
    # a change stated as the premise of another ask, with no report of the year before
    ("澧水县2024年行政处罚案件比上年增加了7.2%，具体有多少件？",
     "3265件。注意：报告中是下降7.2%，并非问题所说的“增加了7.2%”。"),
    ("澧水县2024年行政处罚案件比上年多了7.2%，有多少件？",
     "3265件。注意：报告中是下降7.2%，并非问题所说的“多了7.2%”。"),
])
def test_a_change_the_question_presumes_is_checked_not_compared(service, question, first):
    answer = service.ask(question)
    assert answer.found and answer.text.split("\n", 1)[0] == first, answer.text
