"""面积 asked of an area is the measure, said or not ("拆除复耕面积是多少" of "拆除复耕203.6亩"), and a place's
run of clauses in its county's report ("其中澇东镇发现违法用地15宗，拆除复耕42.6亩") answers for the town."""

from __future__ import annotations

import pytest

from bot.frame import parse
from tests.conftest import first_line, reports_service

GOVERNMENT = ("澇山县2025年法治政府建设年度报告\n\n一、依法保护自然资源\n\n"
              "严格落实耕地保护党政同责，全县耕地保有量稳定在48.8万亩。持续开展违法用地专项整治，全县共发现违法用地91宗，"
              "均已依法处置；其中澇东镇发现违法用地15宗，拆除复耕42.6亩，实现违法占用耕地“动态清零”。\n")
BUREAU = ("澇山县自然资源和规划局2025年法治建设工作报告\n\n一、严格自然资源执法\n\n"
          "2025年度卫片执法认定违法用地64宗、面积236.8亩，同比分别下降25.6%和24.2%。"
          "全年立案查处违法用地案件47件，拆除复耕203.6亩，收缴罚没款365.2万元。\n\n"
          # (the rest of a real report: what the question does not ask makes its words as rare as they are)
          "二、优化不动产登记\n\n全年办理不动产登记业务42816件，一般登记办理时限压缩至3个工作日。\n\n"
          "三、规范行政许可\n\n全年核发建设用地规划许可证104件、建设工程规划许可证148件。\n\n"
          "四、依法化解矛盾\n\n全年受理信访事项126件，办结率100%；行政复议案件9件，行政诉讼案件27件。\n\n"
          "五、加强普法\n\n开展“法治讲堂”宣讲36场，覆盖群众4200人次，执法人员持证率100%。\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("area_runs"),
                           {"澇山县_2025.txt": GOVERNMENT, "澇山县自然资源和规划局_2025.txt": BUREAU})


@pytest.mark.parametrize("question, figure", [
    ("澇山县自然资源和规划局2025年拆除复耕面积是多少？", "203.6亩"),
    ("澇山县2025年认定违法用地面积是多少？", "236.8亩"),
    ("2025年澇东镇拆除复耕多少亩？", "42.6亩"),
])
def test_the_asked_places_area(service, question, figure):
    answer = service.ask(question)
    assert answer.found and answer.text.split("\n")[0].startswith(figure), answer.text


@pytest.mark.parametrize("question", ["拆除复耕面积是多少？", "违法用地面积比上年减少了多少？"])
def test_an_area_asked_is_asked_in_area_units(question):
    assert "亩" in parse(question).units


TOWN = ("澇溪镇司法所2025年度工作报告\n\n一、人民调解\n\n全年共排查矛盾纠纷468件，调解成功459件。\n\n"
        "表1 2025年澇溪镇各村（社区）人民调解情况\n"
        "村（社区）\t排查纠纷（件）\t调解成功（件）\n澇田村\t52\t51\n澇东村\t61\t60\n合计\t113\t111\n\n"
        "二、法治乡村建设\n\n澇田村获评省级民主法治示范村，全镇县级以上民主法治示范村（社区）由五个增加至六个。\n")


@pytest.fixture(scope="module")
def town(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("town_runs"), {"澇溪镇司法所_2025.txt": TOWN})


def test_a_sentence_opening_on_a_village_may_go_on_to_the_whole_town(town):
    # the village's honour first, then the town's count: 六个 is the town's ("全镇…"), not the village's
    answer = town.ask("到2025年底，澇溪镇县级以上民主法治示范村（社区）有几个？")
    assert answer.found and answer.text.split("\n")[0].startswith("六个"), answer.text


@pytest.mark.parametrize("question, figure", [
    # an English area asked: "how large … area", "how much farmland": in area units, not money
    ("How large was the area of illegal land use identified in Laoshan County in 2025?", "236.8亩"),
    ("How much farmland did Laoshan County keep in 2025?", "48.8万亩"),
])
def test_an_english_area_asked(service, question, figure):
    answer = service.ask(question.replace("Laoshan County", "澇山县"))
    assert answer.found and answer.text.split("\n")[0].startswith(figure), answer.text


@pytest.mark.parametrize("question", ["How large was the area of illegal land use identified in 2025?",
                                      "How much farmland did the county keep at the end of 2024?"])
def test_an_english_area_is_asked_in_area_units(question):
    frame = parse(question)
    assert frame.answer_kind == "numeric" and "亩" in frame.units and "元" not in frame.units


def test_the_years_end_is_not_its_start(tmp_path):
    # "年底在册多少人": 年末在册25人, not the 年初在册…27人 that opens the sentence and names the thing
    report = ("澇溪镇司法所2025年度工作报告\n\n一、社区矫正\n\n年初在册社区矫正对象27人，全年新接收13人，解除矫正15人，"
              "年末在册25人，其中缓刑21人，再犯罪率为0。\n")
    service = reports_service(tmp_path, {"澇溪镇司法所_2025.txt": report})
    assert "27人" not in first_line(service.ask("澇溪镇2025年底在册社区矫正对象有多少人？"))
    assert first_line(service.ask("澇溪镇2025年初在册社区矫正对象有多少人？")).startswith("27人")
