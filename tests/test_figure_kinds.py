"""A figure answers only what it is a figure of, by kind: the 其中 parts of a count are no
parts of a rate asked; a count held at a date is no count of visits; a verb the sentence gives
only as a rate counts nothing else; a body with no report
of its own is answered where another report names it; "所有类别加起来" is the table's 合计."""

import pytest

from tests.conftest import FIXTURES, build_store, first_line

HERE = FIXTURES / "figure_kinds"


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    files = sorted(HERE.iterdir())
    return build_store(tmp_path_factory.mktemp("figure_kinds"), files, embedding_model="hash")[1]


def test_a_rate_is_no_part_of_a_count(service):
    # "…办理群众事项41.7万件，其中“跨省通办”事项2.3万件" breaks out counts, not the rate asked
    answer = service.ask("滏阳区2025年政务服务事项全程网办率是多少？")
    assert answer.found and "96.8%" in first_line(answer), answer.text


def test_a_count_at_year_end_is_no_count_of_visits(service):
    answer = service.ask("听说滏阳区社区矫正的人越来越多了，2025年年底涨到多少人了？")
    assert answer.found and "197名" in first_line(answer) and "9名" in first_line(answer), answer.text
    assert "人次" not in first_line(answer)


def test_a_verb_given_only_as_a_rate_counts_nothing(service):
    # "及时受理率、按期办结率均达到100%，化解信访积案14件": no count of 按期办结
    answer = service.ask("滏阳区2025年信访事项按期办结了多少件？")
    assert not answer.found and "14件" not in first_line(answer), answer.text


def test_a_body_without_a_report_is_answered_where_a_report_names_it(service):
    history = [["滏阳区医调委2025年受理了多少起医疗纠纷？", "2025年区医调委受理医疗纠纷183起。"]]
    answer = service.ask("最后调成了多少起？", history)
    assert answer.found and "162起" in first_line(answer), answer.text


def test_another_departments_report_needs_the_body_named(service):
    # 公安局 has no report; the 卫健委's sentences do not name it: no figure of theirs
    answer = service.ask("滏阳区公安局2025年立案查处了多少件案件？")
    assert not answer.found and "356件" not in first_line(answer), answer.text


@pytest.mark.parametrize("q", ["所有类别加起来呢？", "各类合计呢？"])
def test_every_kind_together_is_the_total_row(service, q):
    history = [["滏阳区市场监管局2025年食品安全类案件立了多少件案？", "2025年食品安全类案件立案186件。"]]
    answer = service.ask(q, history)
    assert answer.found and "439件" in first_line(answer), answer.text



def test_a_comparison_computes_with_the_exact_figure(service):
    # the government's "1100余件" and the 司法局's 1126件 of the same year: the exact one is compared
    answer = service.ask("滏阳区2025年的法律援助案件比2024年多办了多少件？")
    assert answer.found and "96件" in first_line(answer) and "70件" not in first_line(answer), answer.text


@pytest.mark.parametrize("q", ["滏阳区2024年年底还有多少名社区矫正对象？", "滏阳区2024年年底还有多少人在社区里服刑？"])
def test_the_end_of_the_year_asks_the_number_held_then(service, q):
    # "全年新接收…172名，解除矫正165名，年末在册206名": 年底 is 年末在册, not the year's intake
    answer = service.ask(q)
    assert "172名" not in first_line(answer) and "165名" not in first_line(answer), answer.text
    assert answer.found and "206名" in first_line(answer), answer.text
