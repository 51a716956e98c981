"""Places that only a city's table of counties names: said with or without 县/市/区, each is its
own row — never the city's total, never another report's place of a similar name."""

import pytest

from tests.conftest import build_store, first_line

CITY = """<html><head><title>茨州市2025年法治政府建设年度报告</title></head><body>
<h1>茨州市2025年法治政府建设年度报告</h1>
<h2>一、严格规范公正文明执法</h2>
<p>全市行政执法机关共办理行政处罚案件3.86万件，同比下降7.2%。全市认定高新技术企业412家。</p>
<h2>二、各县（市、区）法治政府建设主要指标</h2>
<p>2025年，全市各县（市、区）主要指标如下表。</p>
<table>
<tr><th>县（市、区）</th><th>行政处罚案件（件）</th><th>行政诉讼败诉率（%）</th></tr>
<tr><td>茨北区</td><td>7315</td><td>4.9</td></tr>
<tr><td>茅山县</td><td>5127</td><td>7.4</td></tr>
<tr><td>茨溪市</td><td>6893</td><td>5.2</td></tr>
<tr><td>蔓川县</td><td>4406</td><td>3.8</td></tr>
<tr><td>高新区</td><td>1310</td><td>2.1</td></tr>
<tr><td>全市</td><td>25051</td><td>5.5</td></tr>
</table>
</body></html>
"""

COUNTY = ("蔓宁县2025年法治政府建设年度报告\n\n一、矛盾纠纷化解\n\n"
          "全县人民调解组织调解矛盾纠纷6148件，调解成功率98.1%。\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    folder = tmp_path_factory.mktemp("table_places")
    city = folder / "茨州市_2025.html"
    city.write_text(CITY, encoding="utf-8")
    county = folder / "蔓宁县_2025.txt"
    county.write_text(COUNTY, encoding="utf-8")
    return build_store(folder / "store", [city, county], embedding_model="hash")[1]


def test_a_county_said_without_its_suffix_is_its_row(service):
    answer = service.ask("茅山2025年办了多少件行政处罚案件？")
    assert answer.found and first_line(answer).startswith("5127件"), answer.text
    answer = service.ask("茨溪那边2025年行政诉讼败诉率是多少？")
    assert first_line(answer).startswith("5.2%"), answer.text


def test_two_rows_compared_by_their_short_names(service):
    answer = service.ask("茨北区2025年的行政处罚案件比茨溪多多少件？")
    assert "422件" in first_line(answer), answer.text


def test_a_place_the_reports_name_is_no_typo_of_another(service):
    # 蔓川县 is a row of the city's table, not 蔓宁县 mistyped: its 人民调解 is not stated
    answer = service.ask("蔓川县2025年人民调解了多少件矛盾纠纷？")
    assert "6148件" not in answer.text.split("\n", 1)[0] or not answer.found, answer.text
    assert not answer.found, answer.text


def test_a_dictionary_word_inside_a_longer_word_names_no_row(service):
    # "高新技术企业" names no 高新区
    answer = service.ask("茨州市2025年认定了多少家高新技术企业？")
    assert answer.found and first_line(answer).startswith("412家"), answer.text


def test_which_place_ranks_first_is_read_off_the_tables_column(service):
    answer = service.ask("茨州市哪个县区2025年行政诉讼败诉率最高？")
    assert answer.found and first_line(answer).startswith("茅山县，7.4%"), answer.text
    assert "茅山县｜" in answer.citations[0].quote
    answer = service.ask("茨州市下面哪个地方2025年行政处罚案件最少？")
    assert first_line(answer).startswith("高新区，1310件"), answer.text
    # the 全市 row is the places' total, never one of them
    answer = service.ask("茨州市哪个县区2025年行政处罚案件最多？")
    assert first_line(answer).startswith("茨北区，7315件"), answer.text


def test_a_ranking_of_something_no_column_says_is_not_made_up(service):
    answer = service.ask("茨州市哪个县区2025年法律援助案件最多？")
    assert "最多，共" not in answer.text, answer.text
