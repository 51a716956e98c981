"""Near misses: a question the report almost answers — a part it does not break out, a kind it
names only negated, a restriction it never mentions, a figure per ten thousand people — is
refused instead of answered with the whole or a sibling; and what it does state is still found
(rows of a table of streets, a clause whose subject is the clause before, units read from the
counted noun)."""

import pytest

from tests.conftest import FIXTURES, build_store, first_line


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    files = [FIXTURES / "near_miss" / "芫川区_2025.md"]
    return build_store(tmp_path_factory.mktemp("near_miss"), files, embedding_model="hash")[1]


@pytest.mark.parametrize("question", [
    "芫川区2025年交通运输领域办了多少件行政处罚案件？",  # parts by 领域, not this one
    "芫川区教育局2025年审批了多少家学科类校外培训机构？",  # only 非学科类 is counted
    "芫川区生态环境部门2025年涉及噪声污染的行政处罚决定书有多少份？",  # the whole, not the part
    "芫川区2025年万人行政复议申请数是多少？",  # per ten thousand people, not the count
    "芫西街道2025年办了多少件法律援助案件？",  # its row has no such column
    "芫川区2025年城市管理领域的罚没款有多少？",  # the part is counted, its money is not
])
def test_a_near_miss_is_refused(service, question):
    answer = service.ask(question)
    assert not answer.found, answer.text
    first = first_line(answer)
    for figure in ("2746件", "694件", "388件", "58家", "436份", "528件", "497件", "935件", "640", "1320万元"):
        assert figure not in first, answer.text


@pytest.mark.parametrize(("question", "gold"), [
    ("芫川区2025年城市管理领域办了多少件行政处罚案件？", "694件"),
    ("芫川区2025年一共办了多少件行政处罚案件？", "2746件"),
    ("芫川区2025年行政处罚罚没款有多少？", "1320万元"),
    ("芫川区教育局2025年审批了多少家非学科类校外培训机构？", "58家"),
    ("芫川区生态环境部门2025年下达了多少份行政处罚决定书？", "436份"),
    ("芫西街道2025年调解了多少件矛盾纠纷？", "1875件"),  # the row, not 全区…6120件…其中芫东街道
    ("芫川区政府本级2025年受理了多少件行政复议案件？", "497件"),  # "…528件；受理497件"
    ("芫川区培养了多少懂法的带头村民？", "1320名"),  # the noun after 多少 is counted
    ("芫川区现在有多少个能接案子的律师？", "1264名"),  # the head of 能接案子的律师 is 律师
])
def test_what_the_report_states_is_found(service, question, gold):
    answer = service.ask(question)
    assert answer.found and gold in first_line(answer), answer.text


def test_a_name_and_how_many_are_both_answered(service):
    answer = service.ask("芫川区的品牌调解室叫什么名字，建了几个？")
    first = first_line(answer)
    assert "芫和驿站" in first and "9个" in first, answer.text


@pytest.mark.parametrize(("whole", "part", "gold"), [
    ("芫川区2025年12345热线受理投诉举报多少件？", "其中投诉有多少？", "2.5万件"),  # named by a word of the whole
    ("芫川区2025年行政处罚案件一共办了多少件？", "其中城市管理领域的呢？", "694件"),
    ("芫川区2025年市场主体总量是多少？", "其中个体工商户呢？", "4.6万户"),  # a kind, not a body
    ("芫川区2025年组织了多少场行政复议听证？", "其中线上开的有几场？", "14场"),  # not 听证中线/上
])
def test_a_part_asked_after_its_whole(service, whole, part, gold):
    first = service.ask(whole)
    answer = service.ask(part, history=[[whole, first_line(first)]])
    assert answer.found and gold in first_line(answer), answer.text


def test_a_change_stated_as_one_pair_is_taken_from_that_pair(service):
    # no 2024 report: 2024 is the earlier value of "由上年的1180名增加到1264名", so 2025 is its
    # later one, not "首次突破1200名" of another sentence
    answer = service.ask("芫川区执业律师2025年比上年增加了多少名？")
    assert "84名" in first_line(answer), answer.text
