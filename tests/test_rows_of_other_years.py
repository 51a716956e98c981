"""A figure of another year from the row of a report's table whose label names, in fewer words, what
the report's sentence counts — words after the figure included ("帮助1,286户经营主体完成信用修复") —
for a question and for a comparison's missing side."""

import pytest

from tests.conftest import FIXTURES, build_store, first_line


@pytest.fixture(scope="module")
def bureau(tmp_path_factory):
    files = [FIXTURES / "asked_parts" / "澄州市市场监督管理局_2024.md"]
    return build_store(tmp_path_factory.mktemp("asked_parts_bureau"), files, embedding_model="hash")[1]


def test_the_whole_counted_with_what_it_was_helped_to_do_is_not_its_part(bureau):
    # "帮助1,286户经营主体完成信用修复，其中行政处罚信息修复903户": the whole did 信用修复
    answer = bureau.ask("澄州市市场监管局2024年帮助完成信用修复的经营主体有多少户？")
    assert answer.found and first_line(answer).startswith("1,286户"), answer.text


def test_the_year_before_from_the_row_the_sentence_names_after_its_figure(bureau):
    answer = bureau.ask("澄州市市场监管局2023年帮助完成信用修复的经营主体有多少户？")
    assert answer.found and "1,048户" in first_line(answer), answer.text


def test_a_false_premise_of_a_fall_is_corrected_with_the_year_before_from_the_row(bureau):
    answer = bureau.ask("澄州市市场监管局2024年帮助完成信用修复的户数比2023年少了，2024年是多少户？")
    first = first_line(answer)
    assert "1,286户" in first and "1,048户" in first, answer.text
