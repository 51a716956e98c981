"""Several items listed and asked together ("撤销、确认违法、责令履行的分别有多少件") are each
answered from the sentence that gives them one after another, in the question's order — not one
figure for all of them; two things of one indicator ("医疗纠纷和物业纠纷的调解成功率分别是多少，
哪个高") each get their own figure, and which is higher is said."""

from __future__ import annotations

import pytest

from tests.conftest import first_line, report_service


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return report_service(tmp_path_factory.mktemp("listed"), "椴川县_2025.txt",
                          "椴川县2025年法治政府建设年度报告\n\n一、行政复议\n\n"
                          "县政府全年收到行政复议申请312件，受理287件，审结264件，其中维持171件、撤销26件、"
                          "确认违法14件、责令履行6件、驳回申请9件、终止38件，直接纠错率为17.4%。\n\n"
                          "二、人民调解\n\n全县各级人民调解组织调解矛盾纠纷4126件，调解成功4038件，调解成功率97.9%。\n\n"
                          "县医疗纠纷人民调解委员会全年受理医疗纠纷96件，调解成功88件，调解成功率91.7%。\n\n"
                          "在各街道设立物业纠纷人民调解工作室，全年调解物业纠纷612件，调解成功571件，调解成功率93.3%。\n\n"
                          "三、信访和热线\n\n信访事项按期办结率98.7%，信访群众满意率由89.5%提高到92.4%。\n\n"
                          "12345热线受理群众诉求28.6万件，按时办结率99.2%，群众满意率96.1%。\n")


def test_each_listed_item_gets_its_own_figure(service):
    answer = service.ask("椴川县2025年审结的行政复议案件中，撤销、确认违法、责令履行的分别有多少件？")
    line = first_line(answer)
    assert answer.found and all(f in line for f in ("撤销26件", "确认违法14件", "责令履行6件")), answer.text
    assert line.index("撤销26件") < line.index("确认违法14件") < line.index("责令履行6件"), line
    assert "171件" not in line and "264件" not in line, line


def test_items_in_another_order_follow_the_question(service):
    line = first_line(service.ask("椴川县2025年行政复议案件里，终止和维持的分别是多少件？"))
    assert "38件" in line and "171件" in line and line.index("38件") < line.index("171件"), line


def test_one_item_asked_is_one_figure(service):
    answer = service.ask("椴川县2025年行政复议撤销了多少件？")
    assert answer.found and first_line(answer).startswith("26件"), answer.text


def test_the_first_item_after_the_words_it_follows(service):
    # "…县政府收到、受理、审结的…": 收到 is the first item, named by the longer 收到行政复议申请
    line = first_line(service.ask("椴川县2025年县政府收到、受理、审结的行政复议案件分别是多少件？"))
    assert all(f in line for f in ("312件", "287件", "264件")), line
    assert line.index("312件") < line.index("287件") < line.index("264件"), line


def test_two_things_of_one_indicator_and_which_is_higher(service):
    line = first_line(service.ask("椴川县2025年医疗纠纷和物业纠纷的调解成功率分别是多少，哪个高？"))
    assert "91.7%" in line and "93.3%" in line and line.index("91.7%") < line.index("93.3%"), line
    assert "物业纠纷的调解成功率更高" in line, line


def test_two_named_rates_which_is_higher(service):
    line = first_line(service.ask("椴川县2025年信访群众满意率和12345热线群众满意率哪个高？"))
    assert "92.4%" in line and "96.1%" in line and "12345热线群众满意率更高" in line, line


def test_two_verbs_of_one_ask_and_another_ask(service):
    # "受理和审结了多少件…，纠错率多少": each verb's figure, then the rate
    line = first_line(service.ask("椴川县2025年县政府受理和审结了多少件行政复议案件，直接纠错率多少？"))
    assert all(f in line for f in ("287件", "264件", "17.4%")), line
    assert line.index("287件") < line.index("264件") < line.index("17.4%"), line


@pytest.fixture(scope="module")
def arbitration(tmp_path_factory):
    return report_service(tmp_path_factory.mktemp("listed_one"), "棠溪市人力资源和社会保障局_2025.txt",
                          "棠溪市人力资源和社会保障局2025年法治政府建设年度报告\n\n一、劳动人事争议仲裁\n\n"
                          "全市劳动人事争议仲裁机构全年立案受理案件8315件，审结8027件，结案率96.5%。"
                          "受理的案件中，涉及劳动报酬、解除劳动合同、工伤保险待遇的分别为3912件、2204件、871件。\n\n"
                          "二、信访\n\n全年受理群众来信来访1286件，其中涉及社会保险待遇的417件、涉及劳动关系的529件。\n")


@pytest.mark.parametrize(("question", "figures"), [
    # one indicator listing its items, one value each (分别为): each item its own value, by name
    ("棠溪市2025年劳动仲裁案件里，劳动报酬、解除劳动合同、工伤保险待遇的各有多少件？", ("3912件", "2204件", "871件")),
    ("棠溪市2025年劳动仲裁案件里，解除劳动合同和工伤保险待遇的分别有多少件？", ("2204件", "871件")),
    # 涉及 is one word: its 及 joins no items
    ("棠溪市人社局2025年受理的来信来访中，涉及社会保险待遇、劳动关系的各有多少件？", ("417件", "529件")),
])
def test_items_of_one_listing_indicator(arbitration, question, figures):
    line = first_line(arbitration.ask(question))
    assert all(f in line for f in figures), line
    assert [line.index(f) for f in figures] == sorted(line.index(f) for f in figures), line
    assert "8315件" not in line and "1286件" not in line, line


@pytest.mark.parametrize(("question", "figure", "not_figures"), [
    # one item of a listing indicator asked alone: its own value, not the list's first
    ("棠溪市2025年劳动仲裁案件里，涉及工伤保险待遇的有多少件？", "871件", ("3912件", "2204件")),
    ("棠溪市2025年受理的劳动仲裁案件中，解除劳动合同的有多少件？", "2204件", ("3912件", "871件")),
])
def test_one_item_of_a_listing_indicator(arbitration, question, figure, not_figures):
    line = first_line(arbitration.ask(question))
    assert figure in line and not any(f in line for f in not_figures), line
