"""Departments of one place: a question naming one (by its full name or its usual short form)
is answered from its own report, never from another department's; a department with no report
is said to have none."""

import pytest

from bot.query import names_body
from tests.conftest import build_store

_HOUSING = ("蓼溪市住房和城乡建设局2024年法治政府建设年度报告\n\n"
            "2024年，蓼溪市住房和城乡建设局坚持依法行政。\n\n一、依法化解行政争议\n\n"
            "全年办理行政复议案件24件，应诉行政诉讼案件14件，负责人出庭应诉率100%。\n\n"
            "二、根治欠薪\n\n全市为2162名农民工追讨工资5350万元，开展城镇燃气安全专项整治，"
            "整改燃气隐患1.6万处。\n")
_EDUCATION = ("蓼溪市教育局2024年法治政府建设年度报告\n\n"
              "2024年，蓼溪市教育局坚持依法治教。\n\n一、依法化解行政争议\n\n"
              "全年办理行政复议案件9件，应诉行政诉讼案件7件，未发生败诉案件。\n\n"
              "二、校外培训监管\n\n检查校外培训机构436家次，查处违规培训31起。\n")
_MARKET = ("蓼溪市市场监督管理局2024年法治政府建设年度报告\n\n"
           "2024年，蓼溪市市场监督管理局坚持依法监管。\n\n一、严格执法\n\n"
           "全年立案查处各类违法案件2316件，罚没款1.27亿元，查处商标侵权案件152件。\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    folder = tmp_path_factory.mktemp("departments")
    files = []
    for name, text in (("住建_2024.txt", _HOUSING), ("教育_2024.txt", _EDUCATION), ("市监_2024.txt", _MARKET)):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return build_store(folder / "store", files, embedding_model="hash")[1]


@pytest.mark.parametrize(("named", "body", "same"), [
    ("住建局", "住房和城乡建设局", True),
    ("卫健委", "卫生健康委员会", True),
    ("人社局", "人力资源和社会保障局", True),
    ("市场监管局", "市场监督管理局", True),
    ("环保局", "生态环境局", True),
    ("教育局", "教育局", True),
    ("公安局", "市场监督管理局", False),
    ("住建局", "教育局", False),
    ("教育局", "住房和城乡建设局", False),
    ("综合执法局", "城市管理综合行政执法局", True),  # its last words, from a word of it on
    ("执法局", "城市管理综合行政执法局", False),  # too short to say which
    ("管理局", "市场监督管理局", False),
    ("城管局", "城市管理局", True),
    ("城管局", "综合行政执法局", True),  # 城管 since the reform of law enforcement
    ("城管部门", "综合行政执法局", True),
    ("城管局", "公安局", False),
    ("规划局", "自然资源和规划局", True),  # the second of two fields joined by 和
    ("旅游局", "文化广电和旅游局", True),
    ("规划局", "住房和城乡建设局", False),
    ("建设局", "住房和城乡建设局", False),  # (城乡建设, not 建设: too short to say which)
])
def test_a_short_form_names_its_department(named, body, same):
    assert names_body(named, body) is same


@pytest.mark.parametrize(("question", "figure", "not_figure"), [
    ("蓼溪市住建局2024年行政诉讼案件几件？", "14件", "7件"),
    ("蓼溪市教育局2024年行政诉讼案件几件？", "7件", "14件"),
    ("蓼溪市住房和城乡建设局2024年办理了多少件行政复议案件？", "24件", "9件"),
    ("蓼溪市监局2024年罚没款多少？", "1.27亿元", ""),
    # the place's 市 is also 市场's first character: 蓼溪 + 市场监管局
    ("蓼溪市场监管局2024年查处商标侵权案件多少件？", "152件", ""),
])
def test_the_named_departments_report_answers(service, question, figure, not_figure):
    answer = service.ask(question)
    first = answer.text.split("\n")[0]
    assert answer.found and first.startswith(figure), answer.text
    assert all(c.region == "蓼溪市" for c in answer.citations)
    if not_figure:
        assert not_figure not in first


def test_a_department_without_a_report_is_said_to_have_none(service):
    answer = service.ask("蓼溪市公安局2024年查处了多少治安案件？")
    assert not answer.found and "没有蓼溪市公安局的报告" in answer.text, answer.text
    assert "152件" not in answer.text


def test_wages_asked_are_money(service):
    answer = service.ask("蓼溪市住建局2024年给农民工追讨了多少工资？")
    assert answer.found and answer.text.startswith("5350万元"), answer.text


def test_gong_you_asks_a_total_it_is_no_word_to_find(tmp_path):
    # "共有多少家X": 共有 is how the total is asked, not a word the sentence must contain
    # (全县共有…机构386家 is not the count of 县级公立医院)
    report = tmp_path / "杏溪县卫生健康委员会_2025.txt"
    report.write_text("杏溪县卫生健康委员会2025年法治政府建设年度报告\n\n一、基本情况\n\n"
                      "2025年，全县共有各级各类医疗卫生机构386家，其中村卫生室302家。\n\n"
                      "二、依法执业\n\n4家县级公立医院全部开展法治医院创建，县人民医院获评全市法治医院建设示范单位。"
                      "对全县28家放射诊疗机构开展监督检查。\n", encoding="utf-8")
    service = build_store(tmp_path / "store", [report], embedding_model="hash")[1]
    answer = service.ask("杏溪县共有多少家县级公立医院？")
    assert answer.found and answer.text.startswith("4家"), answer.text


def test_evidence_the_wider_search_finds_in_the_asked_report_is_an_answer(service, monkeypatch):
    # the search over every report may rank a sentence of the asked report higher than the
    # search within it (the place's name is a keyword there): that is an answer, not
    # "the asked report does not say; another report has…"
    real = service.supported_evidence

    def scoped_finds_nothing(q, doc_ids, terms):
        return [] if doc_ids is not None else real(q, doc_ids, terms)

    monkeypatch.setattr(service, "supported_evidence", scoped_finds_nothing)
    monkeypatch.setattr(service, "_by_meaning", lambda q: (None, 0.0))
    answer = service.ask("蓼溪市教育局2024年检查校外培训机构多少家次？")
    assert answer.found and answer.text.startswith("436家次"), answer.text


def test_getting_back_asks_money_not_a_count(service):
    # "帮大家要回来多少" asks money recovered: never the count of a sentence about it
    answer = service.ask("蓼溪市住建局2024年帮农民工要回来多少？")
    first = answer.text.split("\n")[0]
    assert "2162名" not in first
    assert not answer.found or first.startswith("5350万元"), answer.text


@pytest.mark.parametrize(("text", "expected"), [
    ("蓼川住建局跟教育局2024年复议案子哪个多，多几件？",
     ("住建局", "蓼川住建局2024年复议案子有多少", "教育局", "蓼川教育局2024年复议案子有多少")),
    ("芷陵市城中分局和乌石分局2025年谁办的行政处罚案件多？",
     ("城中分局", "芷陵市城中分局2025年办的行政处罚案件有多少？",
      "乌石分局", "芷陵市乌石分局2025年办的行政处罚案件有多少？")),
    # a year before the first body is no part of its name
    ("2025年芷陵市城管局和人社局，哪个局的行政诉讼案件多？",
     ("城管局", "2025年芷陵市城管局，哪个局的行政诉讼案件多有多少",
      "人社局", "2025年芷陵市人社局，哪个局的行政诉讼案件多有多少")),
    ("澄阳市司法局和公安局2025年行政复议案件各有多少件？", None),  # no comparison asked
    ("芷陵市教育局2024年校外培训机构比2023年少了多少家", None),  # one body
])
def test_two_bodies_compared_become_two_questions(text, expected):
    from bot.compare_bodies import side_questions

    assert side_questions(text, ("蓼川", "芷陵市", "澄阳市")) == expected


def test_two_departments_are_compared_never_one_answered_alone(service):
    answer = service.ask("蓼溪市住建局跟教育局2024年行政复议案件哪个多，多几件？")
    first = answer.text.split("\n")[0]
    assert answer.found and first.startswith("住建局更多：住建局比教育局多15件"), answer.text
    assert "住建局24件" in first and "教育局9件" in first


@pytest.mark.parametrize(("text", "expected"), [
    ("莼溪市人社局2025年的行政复议申请和行政诉讼案件，哪个同比降得更多？",
     ("行政复议申请", "莼溪市人社局2025年的行政复议申请同比降了多少？",
      "行政诉讼案件", "莼溪市人社局2025年的行政诉讼案件同比降了多少？")),
    ("莼溪市2025年行政复议申请和行政诉讼案件哪个多",
     ("行政复议申请", "莼溪市2025年行政复议申请有多少？", "行政诉讼案件", "莼溪市2025年行政诉讼案件有多少？")),
    ("澄阳市和汶溪县哪个多", None),  # two places: compared as places
    ("2023年和2024年哪个多", None),  # two years: compared over time
    ("行政复议申请和行政诉讼案件哪个是重点？", None),  # no more or less asked
])
def test_two_things_of_one_report_compared_become_two_questions(text, expected):
    from bot.compare_bodies import thing_questions

    assert thing_questions(text, ("莼溪市", "澄阳市", "汶溪县")) == expected


def test_two_things_of_one_report_are_compared(service):
    answer = service.ask("蓼溪市住建局2024年行政复议案件和行政诉讼案件，哪个多？")
    first = answer.text.split("\n")[0]
    assert answer.found and "24件" in first and "14件" in first, answer.text


def test_a_department_without_a_report_is_no_description_of_its_field(tmp_path):
    # "交通运输局" names whose report is asked (none: the city's report is searched), not a
    # description of 交通运输执法 — the city's total of all departments is not its figure
    from tests.conftest import reports_service

    city = ("蓼溪市2024年法治政府建设年度报告\n\n2024年，蓼溪市坚持依法行政。\n\n一、严格规范公正文明执法\n\n"
            "全年全市行政执法机关共办理行政处罚案件4.82万件，同比下降5.1%，其中适用简易程序案件2.13万件。\n")
    service = reports_service(tmp_path, {"蓼溪市_2024.txt": city, "市监_2024.txt": _MARKET})
    answer = service.ask("蓼溪市交通运输局2024年办理了多少件行政处罚案件？")
    assert not answer.found and "4.82万件" not in answer.text.split("\n")[0], answer.text
