"""A table whose rows are departments and whose columns are kinds of acts (行政执法数据公开): a department
with no report of its own is answered from its row, named in full or by its usual short name; the total's
row keeps its name when the 序号 column that held it is dropped."""

import pytest

from tests.conftest import first_line, reports_service

REPORT = """# 泷川市2025年度行政执法数据公开

根据《泷川市行政执法公示办法》，现将2025年度全市行政执法数据公开如下。

| 序号 | 执法部门 | 行政许可（件） | 行政处罚（件） | 罚没金额（万元） | 行政强制（件） | 行政检查（次） |
|---|---|---|---|---|---|---|
| 1 | 市场监督管理局 | 15236 | 3278 | 1862.4 | 215 | 18420 |
| 2 | 生态环境局 | 1186 | 412 | 2310.6 | 38 | 5630 |
| 3 | 交通运输局 | 8920 | 2956 | 684.2 | 126 | 9215 |
| 4 | 城市管理综合执法局 | 2345 | 4120 | 356.8 | 302 | 21450 |
| 5 | 应急管理局 | 612 | 186 | 528.3 | 12 | 3860 |
| 合计 | — | 28299 | 10952 | 5742.3 | 693 | 58575 |

注：全市行政处罚案件较上年下降4.6%，行政检查次数较上年下降12.3%。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("rows"), {"泷川市_2025.md": REPORT})


def test_the_totals_row_keeps_its_name(tmp_path):
    from ingest.loaders import load_blocks

    path = tmp_path / "泷川市_2025.md"
    path.write_text(REPORT, encoding="utf-8")
    rows = [b.text for b in load_blocks(path) if "28299" in b.text]
    assert rows and rows[0].startswith("合计｜行政许可（件）：28299"), rows


@pytest.mark.parametrize(("question", "figure"), [
    ("泷川市城管局2025年行政检查多少次？", "21450次"),  # its short name
    ("泷川市环保局2025年罚没金额是多少？", "2310.6万元"),  # its former name
    ("泷川市交通运输局2025年行政处罚了多少件？", "2956件"),
    ("泷川市2025年行政检查合计多少次？", "58575次"),
])
def test_a_departments_row_answers_for_it(service, question, figure):
    assert figure in first_line(service.ask(question, [])), service.ask(question, []).text


def test_a_department_with_no_row_is_not_answered(service):
    answer = service.ask("泷川市公安局2025年行政处罚了多少件？", [])
    assert not answer.found, answer.text


@pytest.mark.parametrize(("question", "body", "figure"), [
    ("泷川市哪个部门2025年行政处罚最多？", "城市管理综合执法局", "4120件"),
    ("泷川市哪个单位罚没金额最高？", "生态环境局", "2310.6万元"),
    # the column named whole, whatever verb and counted noun around it (办理, 案件: its unit says 件);
    # "哪个市级部门" is the kind ranked, not a department named
    ("泷川市哪个市级部门2025年办理的行政处罚案件最少？", "应急管理局", "186件"),
    ("泷川市哪个部门2025年开展的行政检查次数最少？", "应急管理局", "3860次"),
])
def test_which_department_ranks_first_is_read_off_its_column(service, question, body, figure):
    line = first_line(service.ask(question, []))
    assert line.startswith(body) and figure in line, line
