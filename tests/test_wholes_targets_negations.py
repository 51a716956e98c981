"""Answers over an audit bureau's and an emergency bureau's reports (潯州市审计局, 潳川县应急管理局):
a whole whose name the question says entire is not one of its 其中 parts, nor a part of the clause
before's 其中 list; a target between a level and its year-before value; "几个点" of a rate; long field
names before 分别; the report's 不予行政处罚 and 减免罚款 for a question's 不予处罚 and 不罚钱; the asker's
own story before 想问下; the table row naming the question's heaviest word before a total that does not."""

import pytest

from tests.conftest import first_line, reports_service

AUDIT = """潯州市审计局2025年法治审计工作报告

一、主要工作

（一）审计监督

1.审计项目稳步增加。全年共完成审计项目74个。其中，审计项目数居前三位的区（县）分别为潯东区21个、潯西区17个、潯南县12个。查出主要问题金额9.12亿元，其中违规金额1.05亿元、管理不规范金额8.07亿元；促进增收节支2.46亿元，其中增收0.98亿元、节支1.48亿元。

2.推动审计整改。全年审计发现问题508个，已整改到位479个，审计整改率94.3%，高于年初确定的90%的目标，较上年的91.7%提高2.6个百分点。

3.政府投资审计。对12个市级重点工程开展跟踪审计，送审金额32.5亿元，审减金额2.6亿元，平均审减率8.0%，发现多计工程款等问题41个。

4.审计建议。全年提出审计建议216条，同比增长9.1%；审计建议采纳率95.1%，对建议落实情况开展跟踪检查，推动有关部门采纳建议、完善制度。按领域分，乡村振兴、国有企业和金融、社会保障领域的审计建议分别为31条、22条、18条。

二、存在的问题

一是基层审计力量仍然薄弱，部分区县审计机关专职审计人员平均不足5名，与审计全覆盖要求不相适应。

三、主要工作（续）

5.移送问题线索。坚持“三个区分开来”，全年共移送问题线索23件，其中向纪检监察机关移送14件、涉及人员19人，向司法机关移送2件。

6.制度建设。围绕审计发现的普遍性问题提出完善制度的建议，推动出台制度文件9项。

表1 2025年潯州市审计局审计建议分领域情况
| 领域 | 审计建议（条） | 已采纳（条） |
| --- | --- | --- |
| 生态环境和资源保护 | 57 | 55 |
| 乡村振兴 | 31 | 30 |

表2 2025年潯州市审计局审计项目分类情况
| 审计类型 | 项目数 | 查出问题金额（万元） |
| --- | --- | --- |
| 预算执行审计 | 18 | 21563.2 |
| 政府投资审计 | 12 | 40217.5 |
"""

EMERGENCY = """潳川县应急管理局2025年法治政府建设年度报告

一、主要工作

（一）严格安全生产执法

全年立案查处安全生产违法行为88件，罚没款135.2万元。

（二）推行包容审慎监管

修订轻微违法行为免罚清单，全年对首次违法且危害后果轻微的企业依法不予行政处罚19件，减免罚款21.4万元。
"""


CITY = """潯州市2025年法治政府建设年度报告

一、主要工作

（一）强化审计监督

全市各级审计机关全年共完成审计项目158个，移送问题线索38件，其中移送纪检监察机关25件；市审计局完成审计项目74个。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    folder = tmp_path_factory.mktemp("wholes")
    return reports_service(folder, {"潯州市审计局_2025.md": AUDIT, "潳川县应急管理局_2025.md": EMERGENCY,
                                    "潯州市_2025.md": CITY})


@pytest.mark.parametrize(("question", "gold"), [
    # the whole the question names entire (增收节支), not its parts 增收, 节支 — nor a part of the list
    # of the clause before the ；
    ("潯州市审计局2025年促进增收节支多少钱？", "2.46亿元"),
    ("我们公司去年被审计过，想问下潯州市审计局2025年促进增收节支多少钱？", "2.46亿元"),
    # a year with no report of its own: the 2025 report's "较上年的91.7%", past the target between
    ("潯州市审计局2024年审计整改率是多少？", "91.7%"),  # guard (the fact is tested in test_facts)
    ("潯州市审计局2025年审计整改率是多少？", "94.3%"),  # guard
    # "几个点" after a cut: points of a rate, not 41个 problems
    ("潯州市审计局2025年送审的工程价款平均压减了几个点？", "8.0%"),
    # a field's own figure of a 分别 list of long names, the light verb 提出 unsaid there
    ("潯州市审计局2025年在乡村振兴领域提出了多少条审计建议？", "31条"),  # guard
    ("潯州市审计局2025年在国有企业和金融领域提出了多少条审计建议？", "22条"),
    # the heaviest word (环保 → 生态环境) is the table row's, not the total 216条's
    ("潯州审计局2025年在环保方面提出了几条审计建议？", "57条"),
    # where it is said ("按…的分类统计表，") is no word of what is asked
    ("按潯州市审计局2025年的分类统计表，政府投资审计查出问题金额是多少万元？", "40217.5万元"),  # guard
    # the whole of the place asked (全市各级): the sentence saying it, not the bureau's own
    ("潯州市2025年全市各级审计机关一共移送了多少件问题线索？", "38件"),  # guard (qa169 holds the case)
    ("潯州市审计局2025年向纪检监察机关移送了多少件问题线索？", "14件"),  # guard
    ("潳川县应急管理局2025年对轻微违法不予处罚，减免了多少罚款？", "21.4万元"),
    ("潳川县应急管理局2025年不予处罚的有多少件？", "19件"),
    # a place's own item of a list of places named with their figures, not the first item's
    ("潯州市审计局2025年潯西区的审计项目有多少个？", "17个"),  # guard (qa130 holds the case)
])
def test_the_asked_figure_leads(service, question, gold):
    answer = service.ask(question)
    assert answer.found and first_line(answer).startswith(gold), answer.text


def test_an_average_is_no_total(service):
    # "平均不足5名" is each office's, not how many there are in all
    answer = service.ask("潯州市审计局2025年各区县审计机关一共有多少名专职审计人员？")
    assert not answer.found or "5名" not in first_line(answer), answer.text
