"""Everyday words before 县, 区 or 局 name no place and no body: "后来县里又…" (a time word), "那些局长"
(a pronoun), "跑到区里" (verbs). Such a phrase used to be taken for a place or a department the
knowledge base lacks ("知识库中没有后来县的报告"); it is read as the citizen's words around the place
the question names. A real place's name stays one whatever its words are (新建区 of 南昌市)."""

import pytest

from bot.query import everyday_stem
from tests.conftest import first_line, reports_service

COUNTY = """瀷源县2025年法治政府建设年度报告

一、行政执法

全县持证行政执法人员1352名，全年新增持证执法人员86名，行政执法人员持证率达到99.1%。

二、行政应诉

县政府各部门主要负责人带头出庭应诉，行政机关负责人应出庭91件、实际出庭90件，出庭应诉率98.9%。
34个县政府工作部门主要负责人全部完成年终述法。

三、公共法律服务

县、乡镇、村三级公共法律服务平台全年接待群众法律咨询1.56万人次。
"""


@pytest.mark.parametrize(("name", "kind", "everyday"), [
    ("后来县", "县", True), ("跑到区", "区", True), ("那些局", "局", True), ("各个部门", "部门", True),
    ("瀷源县", "县", False), ("朝阳区", "区", False), ("城关镇", "镇", False),
    ("新建区", "区", False),  # 南昌市新建区: a real district, although 新建 is a verb
    ("司法局", "局", False), ("市场监管局", "局", False),
])
def test_everyday_words_before_a_level_name_nothing(name, kind, everyday):
    assert everyday_stem(name, kind) is everyday


def test_a_bodys_short_name_tagged_as_verbs_is_a_body():
    assert not everyday_stem("住建局", "局", verbs=False)  # (住/建: verbs to the tagger)
    assert everyday_stem("那些局", "局", verbs=False)


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("everyday_places"), {"瀷源县_2025.txt": COUNTY})


@pytest.mark.parametrize(("question", "figure"), [
    ("去年瀷源县那些局长亲自到法院出庭应诉的比例有多高？", "98.9%"),
    ("去年瀷源县各个局的一把手年底述法，一共有多少个部门完成了？", "34个"),
    ("去年跑到县里、乡镇、村里找人问法律问题的有多少人次？", "1.56万人次"),  # (no place named)
])
def test_a_citizens_words_around_the_place_are_no_missing_report(service, question, figure):
    answer = service.ask(question)
    assert answer.found and figure in first_line(answer), answer.text


def test_a_time_word_before_xian_is_no_county(service):
    answer = service.ask("2025年执法人员不少没有证，后来县里新增持证执法人员多少名？")  # (no place named)
    assert "知识库中没有" not in answer.text and "86名" in first_line(answer), answer.text
