"""A city's government and its 应急管理局, a county's 交通运输局 and 卫健委, a city's 人社局 (session 58):
- the asked thing's own words naming a later figure of another unit ("直接纠错的案件有多少件" of "…收到申请3186件，
  …直接纠错率8.6%") leave the count not given — a subject said before both figures is theirs alike;
- one item's extreme ("最大一笔罚款") is no total;
- a target its year's report judges ("未达到年初确定的70%以上目标", a row with 目标值 and 完成值) is that year's, never
  a later year's plan — while the year's own target is still answered;
- a rate asked of another rate ("合格率的完成率") is the one its sentence says;
- a follow-up naming another body with an ask of its own ("那县卫健委的投诉办结率呢") asks that body;
  "其中X区有多少件" asks as "其中X区呢"; 市场监管局 has no level 市;
- "头三个月", "最后两个月" are periods; "罚了企业多少钱" asks money, not 企业 (家);
- two years' figures from two bodies' reports whose difference is not the change the later report states
  ("较上年增加318名") are no comparison: the stated change answers;
- a generic noun ("案件调解成功率") qualifies no kind against the asked one (劳动人事争议调解成功率)."""

from __future__ import annotations

import pytest

from bot.conversation import follow
from bot.frame import parse
from bot.periods import asked_period
from tests.conftest import first_line, reports_service

CITY = ("灨州市2025年法治政府建设年度报告\n\n一、行政复议\n\n"
        "全市各级行政复议机构收到行政复议申请3186件，同比增长9.4%，受理2874件，审结2711件，直接纠错率8.6%，"
        "通过调解、和解方式结案613件。\n\n二、行政应诉\n\n行政机关负责人出庭应诉121件，出庭应诉率96.8%。\n\n"
        "三、执法队伍\n\n全市持证行政执法人员7426名，较上年增加318名。\n\n四、政务服务\n\n"
        "全市政务服务事项“一网通办”率达98.3%，即办件占比提升至62.5%，“跨省通办”事项增加至168项。\n")
BUREAU_2024 = ("灨州市应急管理局2024年法治政府建设年度报告\n\n一、执法队伍\n\n"
               "全局持证执法人员由118名增加至126名，执法全过程记录设备配备率100%。\n\n二、执法检查\n\n"
               "全年随机抽查企业528家。责令停产停业整顿企业17家。立案处罚412件，罚款1863.5万元。\n")
TOWN = ("灨州市灪溪镇2025年法治政府建设年度报告\n\n一、综合执法\n\n"
        "镇综合行政执法队全年办理行政处罚案件73件，罚款21.6万元，其中适用简易程序案件29件。\n")
TRANSPORT = ("灪川县交通运输局2025年法治政府建设年度报告\n\n一、政务服务\n\n"
             "全年受理行政许可申请2846件，办结2846件。\n\n二、执法办案\n\n表1 执法办案情况\n\n"
             "| 类别 | 2024年件数 | 2024年罚款（万元） | 2025年件数 | 2025年罚款（万元） |\n|---|---|---|---|---|\n"
             "| 水路运输 | 87 | 44.1 | 74 | 38.6 |\n\n三、存在的问题\n\n"
             "一是执法人员不足；二是行政许可即办件占比为69.9%，未达到年初确定的70%以上目标。\n")
TRANSPORT_2024 = ("灪川县交通运输局2024年法治政府建设年度报告\n\n一、执法办案\n\n"
                  "全年共查处各类交通运输违法案件1164件，其中道路运输安全案件301件、水路运输案件87件。"
                  "开展“清源”专项行动，查处非法营运案件268件，罚款163.2万元。\n")
HEALTH = ("灪川县卫生健康委员会2025年法治政府建设年度报告\n\n一、卫生监督\n\n"
          "全年卫生监督抽检合格率达到93.4%。全年收到群众投诉举报286件，办结245件，投诉办结率97.6%。\n\n"
          "二、指标完成情况\n\n"
          "| 指标 | 目标值 | 完成值 | 完成率 |\n|---|---|---|---|\n"
          "| 卫生监督抽检合格率 | 90% | 93.4% | 103.8% |\n")
LABOUR = ("灨州市人力资源和社会保障局2025年法治政府建设年度报告\n\n一、劳动人事争议仲裁\n\n"
          "全年全市劳动人事争议仲裁机构收到仲裁申请4367件，受理4102件。"
          "坚持“调解优先”，案件调解成功率73.5%，较上年提高2.3个百分点。\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("units_targets"), {
        "灨州市_2025.txt": CITY, "灨州市应急管理局_2024.txt": BUREAU_2024, "灪溪镇_2025.txt": TOWN,
        "灪川县交通运输局_2025.txt": TRANSPORT, "灪川县交通运输局_2024.txt": TRANSPORT_2024,
        "灪川县卫生健康委员会_2025.txt": HEALTH, "灨州市人力资源和社会保障局_2025.txt": LABOUR})


@pytest.mark.parametrize("question", [
    "灨州市2025年全市行政复议直接纠错的案件有多少件？",  # only its rate is given
    "灪溪镇2025年综合行政执法队开出的最大一笔罚款是多少？",  # one item's extreme: no total
    "灪川县交通运输局给2026年定的行政许可即办件占比目标是多少？",  # the 2025 target, judged missed
    "灪川县卫健委2026年卫生监督抽检合格率的目标是多少？",  # the 2025 row's, beside its 完成值
])
def test_figures_of_something_else_are_not_given(service, question):
    answer = service.ask(question)
    assert not answer.found, answer.text
    assert not any(f in first_line(answer) for f in ("3186件", "21.6万元", "70%", "90%", "163.2万元")), answer.text


@pytest.mark.parametrize(("question", "figure"), [
    ("灨州市2025年行政机关负责人出庭应诉率是多少？", "96.8%"),  # (the subject said before both figures)
    ("灪溪镇2025年综合行政执法队罚了多少钱？", "21.6万元"),
    ("灪川县交通运输局2025年行政许可即办件占比的目标是多少？", "70%以上"),  # the year's own target
    ("灪川县卫健委2025年卫生监督抽检合格率的完成率是多少？", "103.8%"),
    ("灪川县卫健委2025年卫生监督抽检合格率是多少？", "93.4%"),
    ("灨州市2025年劳动人事争议调解成功率是多少？", "73.5%"),
    ("灨州应急局2024年一共罚了企业多少钱？", "1863.5万元"),  # money asked: not the 企业 counted (家)
    # (办事 is no word of the later figure's "跨省通办事项")
    ("灨州市2025年去政府办事，能在网上一次办好的事项比例是多少？", "98.3%"),
])
def test_the_figure_of_the_asked_thing_is_given(service, question, figure):
    answer = service.ask(question)
    assert answer.found and first_line(answer).startswith(figure), answer.text


def test_a_change_stated_by_the_later_report_outweighs_another_bodys_figure(service):
    answer = service.ask("灨州市2025年持证行政执法人员比上年减少了多少名？")
    assert "318名" in first_line(answer) and "7300" not in answer.text, answer.text


def test_a_follow_up_naming_another_body_with_its_own_ask_asks_that_body(service):
    answer = service.ask("那县卫健委的投诉办结率呢？",
                         [("灪川县交通运输局2025年行政许可办结了多少件？", "2846件。")])
    assert answer.found and first_line(answer).startswith("97.6%"), answer.text


KNOWN = ["灪川县", "灨州市", "灨湖区"]


@pytest.mark.parametrize(("follow_up", "said", "not_said"), [
    ("那县卫健委的投诉办结率呢？", "灪川县卫健委2025年投诉办结率", "交通运输局"),
    ("那市场监管局呢？", "灪川县市场监管局", "场监管局2025"),
    ("那市场监管局的罚款呢？", "灪川县市场监管局2025年罚款", "交通运输局"),
])
def test_bodies_named_in_follow_ups(follow_up, said, not_said):
    prev = parse("灪川县交通运输局2025年12328热线投诉举报办结率是多少？", KNOWN, None)
    text = follow(prev, "99.2%", follow_up, KNOWN).resolved
    assert said in text and not_said not in text.replace(said, ""), text


def test_a_part_asked_with_a_bare_ask_is_the_part_asked_alone():
    prev = parse("灨州市2025年退役军人来信来访一共多少件？", KNOWN, None)
    assert follow(prev, "1205件", "其中灨湖区有多少件？", KNOWN).resolved \
        == follow(prev, "1205件", "其中灨湖区呢？", KNOWN).resolved == "灨湖区2025年退役军人来信来访多少件？"


@pytest.mark.parametrize(("question", "months"), [
    ("去年开年头三个月一共罚了多少钱？", (1, 3)),
    ("最后两个月受理了多少件？", (11, 12)),
    ("年底三个月办了几件？", (10, 12)),
    ("前两个月呢？", (1, 2)),
])
def test_months_said_in_words(question, months):
    assert asked_period(question) == months
