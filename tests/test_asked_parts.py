"""What a question asks, read past its wording: the asker's introduction, the government named as
the actor, a hedge, a part named after its whole, a grade said by its letter, a table's 增减幅度
column, what was actually done against what was due, everyday words of a change and a rate (small
reports of their own)."""

import jieba
import pytest

from bot.binding import asked_part
from bot.query import asking_part
from tests.conftest import FIXTURES, build_store, first_line


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    files = [FIXTURES / "asked_parts" / "澄川县_2025.md"]
    return build_store(tmp_path_factory.mktemp("asked_parts"), files, embedding_model="hash")[1]


@pytest.mark.parametrize(("text", "asked"), [
    ("我是跑政法口的记者，想问澄川县去年的败诉率是多少？", "澄川县去年的败诉率是多少？"),
    ("记者问：澄川县去年收到多少件复议申请？", "澄川县去年收到多少件复议申请？"),
    ("记者想核实一下：澄川县去年办结多少件？", "澄川县去年办结多少件？"),
    ("作为一名律师，我想了解一下澄川县有几家律所？", "澄川县有几家律所？"),
    ("问一下，澄川县有几家律所？", "澄川县有几家律所？"),
    # an ask verb that is what is counted, not the asker's
    ("咨询费收了多少钱？", "咨询费收了多少钱？"),
    ("律师咨询多少人次？", "律师咨询多少人次？"),
    ("了解情况的人有多少？", "了解情况的人有多少？"),
])
def test_the_askers_introduction_is_no_part_of_the_question(text, asked):
    assert asking_part(text) == asked


def test_a_grade_said_by_its_letter_is_the_part_asked():
    assert asked_part("纳入信用风险分类管理的企业中D类有多少家", jieba.lcut) == (("D类",),)


def test_a_hedge_is_no_part_asked():
    assert asked_part("受理的投诉举报里，投诉大概有多少件", jieba.lcut, whole_words=True) == (("投诉",),)


@pytest.mark.parametrize(("question", "figure"), [
    ("我是跑政法口的记者，想问澄川县去年民告官的官司里政府输掉的比例是多少？", "4.4%"),
    ("澄川县2025年一审行政诉讼案件中行政机关败诉了多少件？", "9件"),
    ("澄川县2025年受理的投诉举报中，举报有多少件？", "2,334件"),
    ("澄川县去年12345热线受理的群众诉求里，咨询类大概有多少件？", "2万余件"),
    ("澄川县2025年行政机关负责人实际出庭了多少件？", "93件"),
    ("澄川县2025年轻微违法减免罚款金额的增减幅度是多少？", "9.5%"),
])
def test_the_figure_of_what_is_asked_leads(service, question, figure):
    answer = service.ask(question)
    assert answer.found and figure in first_line(answer), answer.text


@pytest.fixture(scope="module")
def two_places(tmp_path_factory):
    files = [FIXTURES / "asked_parts" / name for name in ("澄川县_2024.md", "澄湖经济开发区_2025.md")]
    return build_store(tmp_path_factory.mktemp("asked_parts_two"), files, embedding_model="hash")[1]


@pytest.mark.parametrize(("question", "figure"), [
    # 缩短 of the time limit is its 压缩, a change: not a count nearby
    ("澄湖开发区去年办审批，承诺的办理时间比法律规定的期限缩短了多少？", "71.5%"),
    # "政府做错了的比例": the 纠错率 in the word table's stems
    ("澄川县前年老百姓不服政府决定去申请复议，结果认定政府做错了的比例是多少？", "9.6%"),
])
def test_everyday_words_of_a_change_and_a_rate(two_places, question, figure):
    answer = two_places.ask(question)
    assert answer.found and figure in first_line(answer), answer.text


def test_a_procedure_put_to_use_is_named_by_the_procedure():
    # 适用 (and 进行) put a procedure to use; a report says "其中简易程序1.58万件" as often as "其中适用
    # 简易程序…": the part asked is the procedure
    assert asked_part("全市行政处罚案件中适用简易程序的有多少件", jieba.lcut) == (("简易程序",),)
    assert asked_part("行政复议案件中进行听证审理的有多少件", jieba.lcut) == (("听证", "审理"),)


def test_a_part_asked_with_its_procedure_verb_of_a_sentence_without_it(tmp_path):
    from tests.conftest import reports_service

    text = "瀥川市2025年法治政府建设年度报告\n\n一、行政执法\n\n全市行政处罚案件3.42万件，其中简易程序1.58万件。\n"
    service = reports_service(tmp_path, {"瀥川市_2025.txt": text})
    answer = service.ask("瀥川市2025年全市行政处罚案件中适用简易程序的有多少件？")
    assert answer.found and "1.58万件" in first_line(answer), answer.text
