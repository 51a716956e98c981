"""A name the question quotes ("“法律明白人”有多少名") is what it asks about: a figure whose own words
quote a longer name holding it ("评选“优秀法律明白人”20名") counts another thing."""

from tests.conftest import first_line, reports_service

TOWN = """萍川区莉溪镇2025年法治政府建设年度报告

一、法治宣传

开展“法律明白人”履职积分管理，评选“优秀法律明白人”20名。全镇“法律明白人”达到214名，同比增长15.1%。
"""


def test_a_longer_quoted_name_is_another_thing(tmp_path):
    service = reports_service(tmp_path, {"莉溪镇_2025.md": TOWN})
    answer = service.ask("莉溪镇2025年“法律明白人”有多少名？")
    assert first_line(answer).startswith("214名"), answer.text
