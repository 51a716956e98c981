"""A change over a year the later report contradicts: 548件 (the 省政府本级's, 2024) against
18642件 (all 行政复议机构's, 2025, "同比增长14.3%") is no growth of 3300 %, so the comparison is
refused and says what the report states; a change the report bears out is computed."""

import pytest

from tests.conftest import FIXTURES, build_store


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    files = sorted((FIXTURES / "change_clash").glob("*.md"))
    return build_store(tmp_path_factory.mktemp("change_clash"), files, embedding_model="hash")[1]


def test_a_change_the_later_report_contradicts_is_refused(service):
    answer = service.ask("沄江省2025年收到的行政复议申请比2024年多了多少件？")
    first = answer.text.split("\n", 1)[0]
    assert not answer.found, answer.text
    assert "18094" not in first and "14.3%" in first, answer.text


def test_a_change_the_report_bears_out_is_computed(service):
    answer = service.ask("沄江省2025年持证行政执法人员比2024年增加了多少名？")
    assert answer.found and "0.26万名" in answer.text.split("\n", 1)[0], answer.text
