"""A follow-up that names a body by its level alone ("那市政府呢", "那省卫健委呢") or says whose report
to read ("那市政府的报告里，…", "…省卫健委的报告里是多少"): the same question of that body — the
place itself for its government, the one place of that level the reports know for a department."""

import datetime as dt

import pytest

from bot.conversation import conversation
from bot.query import region_aliases

TODAY = dt.date(2026, 12, 4)
KNOWN = [a for r in ("澄阳市", "蓓江省", "莉川市") for a in region_aliases(r)]
BUREAU = ("澄阳市应急管理局2025年评定了多少卷优秀行政执法案卷？", "23卷。")
CITY_BODY = ("莉川市卫健委2025年查处行政处罚案件多少件？", "1247件。")


@pytest.mark.parametrize("history, follow, merged", [
    ([BUREAU], "那市政府呢？", "澄阳市2025年评定了多少卷优秀行政执法案卷？"),
    ([BUREAU], "那市政府的报告里，全市评定的优秀案卷有多少？", "澄阳市2025年全市评定的优秀案卷有多少？"),
    ([BUREAU], "市政府的年度报告里这个数写的是多少？", "澄阳市2025年评定了多少卷优秀行政执法案卷？"),
    ([CITY_BODY], "那省卫健委的报告里这个数字呢？", "蓓江省卫健委2025年查处行政处罚案件多少件？"),
    ([CITY_BODY], "省卫健委的年度报告里这个数据写的是多少？", "蓓江省卫健委2025年查处行政处罚案件多少件？"),
    ([CITY_BODY], "那省卫健委呢？", "蓓江省卫健委2025年查处行政处罚案件多少件？"),
    ([CITY_BODY], "那全省呢？省卫健委的报告里是多少？", "蓓江省卫健委2025年查处行政处罚案件多少件？"),
    # "市里" in the city asked about: the city's own reports, the new ask said after it
    ([("莉川市人社局2025年劳动人事争议仲裁的调解成功率是多少？", "72.2%。")], "那市里人民调解的调解成功率呢？",
     "莉川市2025年人民调解的调解成功率是多少？"),
])
def test_the_body_of_a_level(history, follow, merged):
    assert conversation(history, follow, KNOWN, TODAY)[-1].text == merged


YEAR_END = ("澄阳市2024年底在册社区矫正对象有多少人？", "2024年末澄阳市在册社区矫正对象27人。")


@pytest.mark.parametrize("follow", ["2025年底呢？", "那2025年底呢？", "那去年年底呢？", "那去年底呢？"])
def test_another_years_end(follow):
    # the year's end said with the year (年底, 底): the same question of that year's end
    assert conversation([YEAR_END], follow, KNOWN, TODAY)[-1].text == "澄阳市2025年底在册社区矫正对象有多少人？"


BUREAU_REPORT = """澄阳市自然资源和规划局2025年法治政府建设年度报告

一、主要工作

全年以市自然资源和规划局为被告的一审行政诉讼案件47件，败诉1件，行政诉讼败诉率2.1%。
"""

COUNTY_REPORT = """莉川县2025年法治政府建设年度报告

一、主要工作

全县一审行政诉讼案件46件，败诉2件，败诉率4.3%。
"""


def test_a_body_the_next_place_has_no_report_of_is_dropped(tmp_path):
    from tests.conftest import first_line, reports_service

    service = reports_service(tmp_path, {"澄阳市自然资源和规划局_2025.md": BUREAU_REPORT,
                                         "莉川县_2025.md": COUNTY_REPORT})
    history = [("澄阳市自然资源和规划局2025年行政诉讼败诉率是多少？", "2.1%。")]
    answer = service.ask("莉川县同一年呢？", history)
    assert first_line(answer).startswith("4.3%"), answer.text


def test_which_place_has_most_of_what_was_asked():
    # "哪个区（县）最多？": the previous ask's thing, its amount words left out
    history = [("澄阳市2025年“首违不罚”一共办了多少件？", "2386件。")]
    merged = conversation(history, "哪个区（县）最多？", KNOWN, TODAY)[-1].text
    assert merged == "澄阳市2025年“首违不罚”哪个区（县）最多？"


QUARTER = ("澄阳市市场监管局2025年四季度罚没款多少？", "2025年四季度罚没款1066.2万元。")


def test_that_quarter_asks_the_same_kind_of_figure():
    # "那个季度" is the quarter the turn before asked; with no ask word of its own, a figure is asked
    assert conversation([QUARTER], "那个季度为消费者挽回的经济损失呢？", KNOWN, TODAY)[-1].text \
        == "澄阳市市场监管局2025年四季度为消费者挽回的经济损失有多少？"
