"""A part asked of a part ("纠错中撤销的", "评查案卷中评为优秀的"): the report lists them flat ("其中纠错61件，
撤销、变更、确认违法分别为29件、12件、20件"); the question names the later within the earlier and asks it —
not their whole, as when it names two parts side by side. A verb with a result complement (评为, 发给) is said
by the report's verb of the same first character (评定, 向…发出)."""

from __future__ import annotations

import pytest

from tests.conftest import first_line, reports_service

REPORT = ("瀆州市2025年法治政府建设情况报告\n\n一、行政复议\n\n"
          "全市各级行政复议机构共收到行政复议申请604件，受理571件，办结528件，其中纠错61件，"
          "撤销、变更、确认违法分别为29件、12件、20件，纠错率11.6%。\n\n"
          "二、行政执法监督\n\n组织开展全市行政执法案卷评查，共评查行政执法案卷436个，评定优秀案卷58个，"
          "评查结果纳入年度考核。\n\n"
          "三、府院联动\n\n市中级人民法院全年发出司法建议43份，其中向区县政府发出17份，回复率100%。\n\n"
          "四、信访和热线\n\n全年受理群众来信来访1264件，其中征地拆迁类389件、劳动社保类276件、城建管理类214件；"
          "12348热线全年接听来电2.6万次，其中婚姻家庭类咨询占31.2%、劳动争议类咨询占19.8%。\n\n"
          "五、医保基金监管\n\n全年追回医保基金8640万元，其中追回定点医疗机构违规费用6930万元、定点零售药店违规费用1410万元。\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("parts_within"), {"瀆州市_2025.txt": REPORT})


@pytest.mark.parametrize(("question", "figure"), [
    ("瀆州市2025年行政复议纠错中撤销的有多少件？", "29件"),
    ("2025年瀆州行政复议纠错的案件里确认违法的有几件？", "20件"),
    ("瀆州市2025年评查行政执法案卷中评为优秀的有几个？", "58个"),
    ("瀆州市2025年市中院发出的司法建议中发给区县政府的有多少份？", "17份"),
    # the ask before the part it asks ("…案卷里有多少个被评为优秀")
    ("瀆州市2025年评查的行政执法案卷里有多少个被评为优秀？", "58个"),
])
def test_a_part_of_a_part(service, question, figure):
    assert first_line(service.ask(question)).startswith(figure)


@pytest.mark.parametrize(("question", "figure"), [
    # what a complaint or a call is about: the matter is the kind, 反映 and 问题 frame it
    ("瀆州市2025年受理的群众来信来访中反映征地拆迁问题的有多少件？", "389件"),
    ("瀆州市2025年12348热线接听来电当中问婚姻家庭问题的占百分之几？", "31.2%"),
    # a kind said longer than its category's name ("劳动社保类")
    ("瀆州市2025年受理的群众来信来访中劳动社保方面的有多少件？", "276件"),
    # a verb with a directional complement: 追回来 is 追回
    ("瀆州市2025年追回医保基金中从定点零售药店追回来的有多少？", "1410万元"),
])
def test_a_part_by_what_it_is_about(service, question, figure):
    assert first_line(service.ask(question)).startswith(figure)


def test_a_part_of_a_part_in_a_follow_up(service):
    history = [["瀆州市2025年行政复议纠错了多少件？", "61件。"]]
    assert first_line(service.ask("其中撤销的有多少件？", history)).startswith("29件")


def test_a_clause_after_the_ask_names_no_part(service):  # guard
    # ("…来信来访中，有多少件事先…": how, not which — the whole's figure stays an answer)
    line = first_line(service.ask("瀆州市2025年受理的群众来信来访里，有多少件一共？"))
    assert not line.startswith(("389件", "276件", "214件"))


def test_two_parts_side_by_side_are_their_whole(service):  # guard
    line = first_line(service.ask("瀆州市2025年行政复议撤销和变更的一共多少件？"))
    assert not line.startswith(("29件", "12件"))


SUB_UNIT = ("瀆州市生态环境局瀊溪分局2025年法治建设工作报告\n\n一、环境信访\n\n"
            "全年受理环境信访件731件，同比下降8.4%，办结率100%；其中噪声类302件、大气类217件、水类88件。\n")
DISTRICT = ("瀆州市瀊溪区2025年法治政府建设情况报告\n\n一、行政复议\n\n"
            "全区行政复议机构全年收到行政复议申请186件，受理172件。\n")


@pytest.fixture(scope="module")
def district(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("sub_unit"), {"瀆州市生态环境局瀊溪分局_2025.txt": SUB_UNIT,
                                                                 "瀆州市瀊溪区_2025.txt": DISTRICT})


def test_the_sub_unit_for_the_district_answers_for_it(district):
    # the city bureau's 瀊溪分局 is the district's environment authority: its report answers "瀊溪区…"
    assert first_line(district.ask("瀊溪区2025年受理了多少件环境信访？")).startswith("731件")
    history = [["瀊溪区2025年受理了多少件环境信访？", "731件。"]]
    assert first_line(district.ask("其中大气类的有多少件？", history)).startswith("217件")
