"""A whole named as the sum of its parts ("受理投诉举报4.87万件，其中投诉3.92万件、举报0.95万件"): a question
naming one part and not the other asks that part — never the whole, which holds both names; so does a whole
that lists who did it ("人社、住建等部门共查处…796件，其中住建部门查处…338件")."""

from __future__ import annotations

import pytest

from tests.conftest import first_line, reports_service

REPORT = ("澇川市市场监督管理局2025年法治建设工作报告\n\n一、消费维权\n\n"
          "全年市场监管部门受理投诉举报4.87万件，其中投诉3.92万件、举报0.95万件，为消费者挽回经济损失1260万元。\n\n"
          "二、行政复议\n\n全年办理行政复议案件612件，其中维持398件、撤销41件，直接纠错率8.7%。\n\n"
          "三、根治欠薪\n\n全市人社、住建等部门共查处欠薪案件796件，其中住建部门查处工程建设领域欠薪案件338件。\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("whole_of_parts"), {"澇川市市场监督管理局_2025.txt": REPORT})


@pytest.mark.parametrize(("question", "figure"), [
    ("澇川市市场监管局2025年受理投诉多少件？", "3.92万件"),
    ("澇川市市场监管局2025年举报有多少件？", "0.95万件"),
    ("2025年澇川市市场监管部门受理了多少件举报？", "0.95万件"),
    # a whole that lists who did it ("人社、住建等部门"): one of them named asks its part
    ("2025年澇川市住建部门查处了多少件欠薪案件？", "338件"),
])
def test_one_part_named_is_that_part(service, question, figure):
    assert first_line(service.ask(question)).startswith(figure)


@pytest.mark.parametrize("question", [
    "澇川市市场监管局2025年受理投诉举报多少件？",
    "澇川市市场监管局2025年投诉和举报一共多少件？",
])
def test_the_whole_named_is_the_whole(service, question):  # guard
    assert first_line(service.ask(question)).startswith("4.87万件")


def test_the_listed_doers_named_are_the_whole(service):  # guard
    assert first_line(service.ask("2025年澇川市人社、住建等部门一共查处了多少件欠薪案件？")).startswith("796件")


def test_one_listed_doer_asked_after_the_whole(service):
    history = [["2025年澇川市全市人社、住建等部门一共查处了多少欠薪案件？", "796件。"]]
    assert first_line(service.ask("其中住建部门查处的有多少件？", history)).startswith("338件")
