"""A sentence naming no kind of a set whose kinds it counts all together (bot/contrasts.txt lines
marked "=": 刑事/民事, 食品/药品…, 来信/来访…) answers no one kind: "办理法律援助案件968件" is no
figure of 民事 ones, while "其中民事法律援助案件" is."""

import pytest

from bot.lexicon import contrasts, whole_when_unnamed
from tests.conftest import first_line, reports_service

REPORT = """栎源县2025年法治政府建设年度报告

一、公共法律服务
全县办理法律援助案件968件，法律援助服务实现乡镇全覆盖。

二、市场监管
全年完成食品、药品、化妆品抽检3200批次，抽检合格率98.6%。

三、刑事法律援助
全年为刑事案件犯罪嫌疑人、被告人提供法律援助案件356件。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("whole_kinds"), {"栎源县_2025.txt": REPORT})


def test_the_marked_sets_are_read():
    assert (("刑事",), ("民事",)) in whole_when_unnamed()
    assert all(row in contrasts() for row in whole_when_unnamed())
    assert not any(("专职",) in row for row in whole_when_unnamed())  # "法治副校长" are 兼职 unnamed


@pytest.mark.parametrize("question", [
    "栎源县2025年办理的民事法律援助案件有多少件？",
])
def test_a_kind_is_not_answered_by_the_whole(service, question):
    assert not service.ask(question).found


@pytest.mark.parametrize(("question", "figure"), [
    ("栎源县2025年办理法律援助案件多少件？", "968件"),
    ("栎源县2025年刑事法律援助案件有多少件？", "356件"),
    ("栎源县2025年抽检了多少批次？", "3200批次"),
])
def test_the_whole_and_a_named_kind_are_answered(service, question, figure):
    assert figure in first_line(service.ask(question))
