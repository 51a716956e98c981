"""A list asked with a figure for each item ("分哪几类，各多少件？"): the sentence that breaks the whole
into its parts answers, each part with its figure — not the whole's own sentence, and not a chain of
steps ("受理…，审结…") taken for parts."""

import pytest

from tests.conftest import first_line, reports_service

REPORT = """萍川区莉湖街道办事处2025年法治政府建设年度报告

一、人民调解

街道人民调解委员会和11个社区人民调解委员会全年调解纠纷由上年的1166件增加至1268件，调解成功率97.6%。其中物业纠纷392件、邻里纠纷287件、婚姻家庭纠纷203件、劳动争议95件，物业纠纷占比达30.9%。

二、行政复议

全年受理行政复议案件312件，审结296件。涉及自然资源、人力资源社会保障、市场监管领域的分别为136件、87件、64件。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("breakdown_asked"), {"莉湖街道_2025.md": REPORT})


@pytest.mark.parametrize("question, parts", [
    ("莉湖街道2025年调解的纠纷都有哪几类，各多少件？",
     ["物业纠纷392件", "邻里纠纷287件", "婚姻家庭纠纷203件", "劳动争议95件"]),
    ("莉湖街道2025年的行政复议案件集中在哪些领域，各多少件？", ["136件", "87件", "64件"]),
])
def test_each_part_with_its_figure(service, question, parts):
    answer = service.ask(question)
    line = first_line(answer)
    assert all(p in line for p in parts), answer.text
    assert "1268件" not in line and "312件" not in line, answer.text


def test_a_chain_of_steps_is_no_list_of_parts():
    import datetime as dt

    from bot.extractive import counted_parts
    from bot.frame import parse
    from bot.query import analyze

    today = dt.date(2026, 12, 4)
    question = "莉湖街道2025年的行政复议案件有哪几类，各多少件？"
    q = analyze(question, [], today, frame=parse(question, [], today))
    assert counted_parts(q, "全年受理行政复议案件312件，审结296件。", 2025) == []
    assert counted_parts(q, "涉及自然资源、市场监管领域的分别为136件、64件。", 2025)
