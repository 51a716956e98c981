"""A place a report names in a list ("在澇东区、澇西区开展…") is answered by its own paragraph or
row only; a numbered paragraph that opens on the place ("2.澇东区作为…") is its own, numbering and all,
and so is the run of clauses the place opens ("其中澇东区发现…15宗，拆除复耕42.6亩")."""

from __future__ import annotations

import pytest

from facts.sentence import without_enumerator
from tests.conftest import first_line, report_service

REPORT = ("澇州市2025年法治政府建设年度报告\n\n一、优化营商环境\n\n"
          "1.规范行政许可办理。全年办理各类行政许可事项3.42万件，在澇东区、澇西区开展“证照联办”试点。\n\n"
          "2.澇东区作为全市唯一的市场监管领域改革试点，区市场监管局全年通过12315平台受理消费投诉举报1.37万件，"
          "办结率99.1%，推动区内145家商户作出先行赔付承诺。\n\n"
          "二、消费维权\n\n全市12315平台受理消费投诉举报5.21万件，办结率98.7%。\n\n"
          "三、自然资源\n\n全市共发现违法用地91宗，均已依法处置；其中澇东区发现违法用地15宗，拆除复耕42.6亩，"
          "实现违法占用耕地“动态清零”。\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return report_service(tmp_path_factory.mktemp("numbered_place"), "澇州市_2025.txt", REPORT)


@pytest.mark.parametrize("question, figure", [
    ("澇东区2025年12315投诉举报办结率是多少？", "99.1%"),
    ("澇东区2025年12315受理了多少投诉举报？", "1.37万件"),
    ("2025年澇东区拆除复耕了多少亩？", "42.6亩"),
    ("2025年澇东区发现违法用地多少宗？", "15宗"),
])
def test_a_numbered_paragraph_opening_on_the_place_answers_for_it(service, question, figure):
    answer = service.ask(question)
    assert answer.found and answer.text.split("\n")[0].startswith(figure), answer.text


@pytest.mark.parametrize("question", ["澇州市2025年12315投诉举报办结率是多少？",
                                      "澇州市2025年通过12315平台受理消费投诉举报的办结率是多少？"])
def test_the_city_figure_is_still_the_citys(service, question):
    # (guard) the district's numbered paragraph ("2.澇东区作为…") is the district's, not the city's
    answer = service.ask(question)
    assert "99.1%" not in first_line(answer), answer.text


@pytest.mark.parametrize("text, plain", [
    ("2.澇东区作为…", "澇东区作为…"), ("（二）澇东区…", "澇东区…"), ("一是澇东区…", "澇东区…"),
    ("  12.澇东区", "澇东区"), ("2.5万件", "2.5万件"), ("澇东区", "澇东区"),
])
def test_without_enumerator(text, plain):
    assert without_enumerator(text) == plain
