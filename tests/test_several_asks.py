"""A question of several asks answered with each ask's own figure: asks joined without a
joiner ("帮多少人要回了多少钱"), listed with one verb ("…的和…的各占多少"), measured in words
("面积多大"), and stated in different sentences ("…同比各变了多少")."""

from __future__ import annotations

import pytest

from tests.conftest import report_service


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return report_service(tmp_path_factory.mktemp("asks"), "澧水县_2025.txt",
                          "澧水县2025年法治政府建设年度报告\n\n一、保障劳动者权益\n\n"
                          "全县查处欠薪案件416件，为2.83万名劳动者追发工资3.12亿元，其中农民工工资2.67亿元。\n\n"
                          "二、信访工作\n\n全年受理群众信访事项2146件，按期办结率99.3%，群众满意率95.6%。\n\n"
                          "三、城市管理\n\n全年拆除违法建设217处，拆除面积3.42万平方米。\n\n"
                          "四、行政执法\n\n全县办理行政处罚案件2746件，同比增长6.3%。\n\n"
                          "五、行政复议\n\n全年收到行政复议申请296件，同比下降4.2%。\n")


@pytest.mark.parametrize(("question", "figures"), [
    ("澧水县2025年老板拖欠工资的查了多少起，帮多少人要回了多少钱？", ["416件", "2.83万名", "3.12亿元"]),
    ("澧水县2025年上访的事按时办结的和群众满意的各占多少？", ["99.3%", "95.6%"]),
    ("澧水县2025年拆除违法建设多少处，面积多大？", ["217处", "3.42万平方米"]),
    ("澧水县2025年行政处罚案件和行政复议申请同比各变了多少？", ["6.3%", "4.2%"]),
])
def test_each_ask_is_answered_in_the_first_line(service, question, figures):
    answer = service.ask(question)
    first = answer.text.split("\n")[0]
    assert answer.found and all(f in first for f in figures), answer.text
    assert "2.67亿元" not in first  # the 其中 part is not the whole asked


@pytest.fixture(scope="module")
def wages(tmp_path_factory):
    return report_service(tmp_path_factory.mktemp("asks_light"), "沅陵市人力资源和社会保障局_2025.txt",
                          "沅陵市人力资源和社会保障局2025年法治政府建设年度报告\n\n一、根治欠薪\n\n"
                          "全市劳动保障监察机构全年受理欠薪案件3208件，结案3176件，为1.05万名劳动者追发工资待遇"
                          "1.42亿元，其中为农民工8630人追发工资1.17亿元。\n\n"
                          "二、劳动仲裁\n\n全年立案受理劳动人事争议案件6720件，涉及劳动者9150人。\n")


@pytest.mark.parametrize(("question", "figures", "not_figures"), [
    # "涉及多少人" names no thing of its own: the people of the sentence that answered 讨回了多少钱,
    # the whole's, not its 其中 part's
    ("沅陵市2025年帮被拖欠工资的人讨回了多少钱，涉及多少人？", ["1.42亿元", "1.05万名"], ["8630人", "9150人"]),
])
def test_an_ask_of_the_thing_asked_before(wages, question, figures, not_figures):
    line = wages.ask(question).text.split("\n")[0]
    assert all(f in line for f in figures) and not any(f in line for f in not_figures), line


@pytest.fixture(scope="module")
def accidents(tmp_path_factory):
    return report_service(tmp_path_factory.mktemp("asks_changes"), "沅江市应急管理局_2025.txt",
                          "沅江市应急管理局2025年法治政府建设年度报告\n\n一、安全生产\n\n"
                          "全年发生各类生产安全事故126起、死亡97人，同比分别下降10.6%、8.5%，未发生较大事故。\n\n"
                          "道路运输领域发生事故74起、死亡61人。全年罚款金额同比下降3.2%。\n")


@pytest.mark.parametrize("question", [
    "沅江市2025年发生多少起生产安全事故、死亡多少人，同比分别下降多少？",
    "沅江市应急管理局2025年报告全市发生了多少起生产安全事故、死亡多少人，同比各下降多少？",
])
def test_each_change_of_a_listed_change(accidents, question):
    line = accidents.ask(question).text.split("\n")[0]
    assert all(f in line for f in ("126起", "97人", "10.6%", "8.5%")) and "3.2%" not in line, line


@pytest.fixture(scope="module")
def vague(tmp_path_factory):
    return report_service(tmp_path_factory.mktemp("asks_vague"), "沅江省司法厅_2024.txt",
                          "沅江省司法厅2024年法治政府建设年度报告\n\n一、行政执法监督\n\n"
                          "组织全省行政执法案卷评查，抽查案卷2400卷，优秀率为38.5%，较上年提高4.2个百分点。\n\n"
                          "二、行政复议\n\n全省新收行政复议案件1.86万件，审结1.72万件，调解和解结案占比为24.3%。\n\n"
                          "三、公共法律服务\n\n12348公共法律服务热线全年接听来电5.3万通，群众满意率99.2%。\n")


@pytest.mark.parametrize(("question", "figures", "not_first"), [
    # a share naming nothing of its own: the rate of the sentence answering the ask before it
    ("沅江省2024年抽查了多少执法卷宗，好的占几成？", ["2400卷", "38.5%"], "24.3%"),
    ("沅江省2024年打法律服务热线的电话接了多少通，大家满意吗？", ["5.3万通", "99.2%"], ""),
])
def test_a_vague_share_is_the_answered_sentences_rate(vague, question, figures, not_first):
    answer = vague.ask(question)
    first = answer.text.split("\n")[0]
    assert answer.found and all(f in first for f in figures), answer.text
    assert not not_first or not_first not in first, answer.text
