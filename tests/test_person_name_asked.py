"""A person's name asked by their post ("办事处主任叫什么名字") is answered only by a name — never by
a quoted thing's name in the sentence that mentions the post ("主任办公会议…研究“三重一大”事项");
a thing's name asked is still its quoted name."""

import pytest

from tests.conftest import first_line, reports_service

REPORT = """澄阳市莉川街道办事处2025年法治政府建设年度报告

一、主要工作

街道党工委会、主任办公会议全年研究“三重一大”事项47项，其中重大行政决策事项3项，分别为《莉川街道老旧小区加装电梯实施办法》《莉川街道背街小巷提升改造方案》《莉川街道农贸市场搬迁安置方案》，均履行公众参与、合法性审查、集体讨论决定等程序。

街道党工委书记、办事处主任认真履行推进法治建设第一责任人职责，全年主持召开党工委会、主任办公会议专题研究法治建设工作5次，会前学法12次。

街道聘请法律顾问2名，全年审查合同36份，提出法律意见58条。

街道打造“莉和驿站”品牌调解室，全年调解矛盾纠纷1126件，调解成功率97.1%。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("person"), {"莉川街道_2025.md": REPORT})


def test_a_persons_name_is_no_quoted_thing(service):
    answer = service.ask("莉川街道办事处主任叫什么名字？")
    assert not answer.found and "三重一大" not in first_line(answer), answer.text


def test_a_things_name_is_still_answered(service):
    answer = service.ask("莉川街道的品牌调解室叫什么名字？")
    assert "莉和驿站" in first_line(answer), answer.text


@pytest.mark.parametrize("question, things_name", [
    ("莉川街道办事处主任叫什么名字？", False),
    ("莉川街道的党工委书记是谁？", False),
    ("局长的名字是什么？", False),
    ("莉川街道的品牌调解室叫什么名字？", True),
    ("这个平台叫什么名字？", True),
])
def test_whose_name_is_asked(question, things_name):
    from bot.extractive import asks_a_things_name

    assert asks_a_things_name(question) is things_name


@pytest.mark.parametrize("question, name", [
    ("澋川高新区2025年审查的合同里金额最大的一份是和哪家企业签的？", True),
    ("瀍桥街道的社区法律顾问是哪个律师事务所的？", True),
    ("Which law firm advises the Yunxi County government?", True),
    ("莉川街道聘请了几名法律顾问？", False),
    ("哪个街道调解的纠纷最多？", False),  # a place asked: its figures say which
])
def test_an_organisation_asked_wants_a_name(question, name):
    from bot.extractive import asks_name

    assert asks_name(question) is name


def test_an_organisation_asked_is_answered_only_by_its_name(service):
    # "哪家律所": the sentence about the 法律顾问 names none, so it does not answer
    answer = service.ask("莉川街道的法律顾问是哪家律师事务所的？")
    assert not answer.found, answer.text
