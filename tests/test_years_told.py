"""A year told by another year's report: a table's 上年 column is the report's year before; a
comparison whose earlier year's reports (a department's) are silent takes that year's figure from
the later report ("较上年的8.1%", the 上年 column); a false premise is corrected in the words
reports use (a count 减少, a rate 下降); a description of a concept beats loose words; the
rarest words of a group name it, not its weaker ones; 累计 asked is the cumulative figure; a
concentration (微克/立方米) is a figure; 新来 asks the new figure; a hotline number is a word;
不予处罚案件 are no 处罚案件; "…的人一共有多少个" counts people."""

import pytest

from bot.conversation import conversation
from tests.conftest import FIXTURES, build_store

HERE = FIXTURES / "years_told"


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    files = sorted(HERE.iterdir())
    return build_store(tmp_path_factory.mktemp("years_told"), files, embedding_model="hash")[1]


def _first(answer) -> str:  # noqa: ANN001
    return answer.text.split("\n", 1)[0]


def test_the_last_year_column_is_the_year_before_the_report(service):
    answer = service.ask("莨州市2024年行政复议案件有多少件？")  # only 莨州市司法局 reports 2024
    assert answer.found and "1862件" in _first(answer), answer.text
    answer = service.ask("莨州市2025年行政复议案件有多少件？")
    assert answer.found and "2041件" in _first(answer), answer.text


def test_a_comparison_takes_the_earlier_year_from_the_later_report(service):
    answer = service.ask("莨州市2025年行政复议案件比2024年多了多少件？")
    assert "179件" in _first(answer), answer.text
    answer = service.ask("莨州市2025年行政诉讼败诉率比上年上升了多少？")
    assert "而是下降了" in _first(answer) and "1.8个百分点" in _first(answer), answer.text


def test_a_departments_comparison_stays_with_that_department(service):
    answer = service.ask("莨州市公安局被申请行政复议的案件2025年比2024年少了多少件？")
    assert "16件" in _first(answer) and "87件" in _first(answer), answer.text  # not the 司法局's 2024


def test_a_department_named_later_in_the_question_scopes_it(service):
    answer = service.ask("莨州市2025年行政诉讼案件有多少件，是公安局的")  # the 公安局's own 38件
    assert "38件" in _first(answer), answer.text
    answer = service.ask("莨州2025年公安局行政诉讼案件有多少件？")
    assert "38件" in _first(answer), answer.text


def test_the_governments_statement_of_a_year_before_a_departments_report(service):
    answer = service.ask("莨州市2024年行政复议案件有多少件？")  # 司法局 reports 2024 for itself only
    assert "1862件" in _first(answer), answer.text


@pytest.mark.parametrize("q", ["莨州市2025年行政诉讼败诉率跟2024年比是升了还是降了？",
                               "莨州市行政诉讼败诉率2025年与2024年相比是上升还是下降？"])
def test_up_or_down_asked_is_a_comparison(service, q):
    answer = service.ask(q)
    assert "下降1.8个百分点" in _first(answer), answer.text


def test_a_false_premise_on_a_count_says_it_fell_and_sums_nothing(service):
    answer = service.ask("莨州市2025年社区矫正对象比上年增加了87名，现在一共有多少名？")
    first = _first(answer)
    assert "而是减少了" in first and "1297名" in first and "合计" not in first, answer.text


def test_a_described_concept_beats_loose_words(service):
    answer = service.ask("莨州市2025年在社区里服刑的人有多少？")
    assert "1297名" in _first(answer), answer.text  # 社区矫正对象, not 刑满释放人员1126名


def test_a_word_group_is_named_by_its_rarest_words(service):
    answer = service.ask("莨州市2025年政府当被告时，领导亲自上法庭的比例是多少？")
    assert "100%" in _first(answer), answer.text  # 出庭应诉率, not 败诉率 (诉讼 is only 上法庭's weak word)


def test_cumulative_asked_is_the_cumulative_figure(service):
    answer = service.ask("莨州市到2025年累计向街道下放了多少项执法事项？")
    assert "115项" in _first(answer), answer.text  # not this year's 47项


def test_a_concentration_is_a_figure(service):
    answer = service.ask("莨州市2025年PM2.5平均浓度是多少？")
    assert "31微克/立方米" in _first(answer), answer.text


def test_new_asked_is_the_new_figure(service):
    answer = service.ask("莨州市2025年新来的安置帮教对象有多少名？")
    assert "203名" in _first(answer), answer.text  # not the 846名 on the register


def test_a_hotline_number_is_a_word_of_the_question(service):
    answer = service.ask("莨州市2025年打12366问交税的事，一共回答了多少次？")
    assert "46.2万次" in _first(answer), answer.text  # not 96次 of another service


def test_what_was_not_done_does_not_count_as_done(service):
    answer = service.ask("莨州市2024年全市办理了多少件行政处罚案件？")
    assert "87件" not in _first(answer), answer.text  # 不予处罚案件 are no 行政处罚案件


@pytest.mark.parametrize("q", ["莨州市2024年不予处罚案件有多少件？", "莨州市2024年免予处罚了多少件案件？"])
def test_what_was_not_done_answers_when_asked(service, q):
    answer = service.ask(q)
    assert answer.found and "87件" in _first(answer), answer.text


def test_a_mediation_committee_is_no_department_with_reports_of_its_own(service):
    answer = service.ask("莨州市医疗纠纷人民调解委员会2024年受理了多少件医疗纠纷？")
    assert answer.found and "198件" in _first(answer), answer.text  # said by the 司法局's report


def test_a_place_without_reports_is_answered_by_nobodys_table(service):
    answer = service.ask("莨北区2024年行政复议案件有多少件？")  # 莨州市's table has a 2024 column
    assert not answer.found and "1862" not in _first(answer), answer.text


def test_a_change_in_points_is_not_the_level(service):
    answer = service.ask("莨州市2025年行政复议综合纠错率比上年下降了多少个百分点？")
    assert not (answer.found and "11.2%" in _first(answer)), answer.text  # it does not say by how much
    answer = service.ask("莨州市司法局2024年公证质量抽查差错率比上年下降了多少个百分点？")  # no 2023 report
    assert not (answer.found and "0.3%" in _first(answer)), answer.text


def test_each_year_asked_with_its_own_verb_lists_both(service):
    answer = service.ask("莨州市行政复议案件2024年和2025年各受理了多少件？")
    assert "1862件" in _first(answer) and "2041件" in _first(answer), answer.text


def test_two_asks_without_a_joiner():
    from bot.frame import parse

    asks = parse("莨州市住建局2024年为多少名农民工追回了多少工资？").asks
    assert [a.units[0] for a in asks] == ["名", "元"], asks


def test_the_noun_before_a_sum_word_gives_the_unit():
    from bot.frame import parse

    units = parse("莨湖区各个街道负责把关合同合不合法的人一共有多少个？").asks[0].units
    assert "名" in units and "人" in units, units


@pytest.mark.parametrize(("history", "question", "expected"), [
    ([("莨湖区2023年受理了多少行政复议申请？", "286件。")], "第二年呢？", "莨湖区2024年受理了多少行政复议申请？"),
    ([("莨湖区2024年办理法律援助案件多少件？", "850件。"), ("2025年呢？", "927件。")], "增长了百分之多少？",
     "莨湖区2025年比2024年办理法律援助案件增长了百分之多少？"),
    ([("莨州市2024年法律援助案件里刑事的有多少？", "5820件。")], "行政类的呢",
     "莨州市2024年法律援助案件里行政类的有多少？"),
    ([("莨湖区2024年莨西街道调解了多少件纠纷？", "1246件。"), ("调解成功率呢？", "97.8%。")], "莨东镇呢？",
     "莨湖区2024年莨东镇调解了纠纷调解成功率是多少？"),
    ([("莨湖区2024年调解了多少件纠纷？", "4744件。")], "莨东镇呢？", "莨湖区2024年莨东镇调解了多少件纠纷？"),
    ([("莨州市2025年行政诉讼败诉率是多少？", "4.6%。"), ("2024年呢？", "5.3%。")], "2026年打算控制在多少以内？",
     "莨州市2026年行政诉讼败诉率打算控制在多少以内？"),
])
def test_follow_ups_keep_what_they_do_not_change(history, question, expected):
    assert conversation(history, question)[-1].text == expected
