"""A district 人社局's and a 城管局's reports (session 56):
- a run of clauses after ； with no subject of their own ("…收到劳动人事争议仲裁申请1692件…；结案1483件，结案率97.1%；
  调解结案892件…；涉案金额7273.5万元。") all have the first one's subject — 结案 is a case's stage, a verb, though
  the tagger calls it a noun;
- "开了多少张…单子" counts documents handed out: 张, 份 or 本;
- "城管到小区…" names no place (小区 is a residential compound);
- a change the question states before its ask ("…业务量下降了，全年办了多少件？") is a premise, checked, not a word
  the sentence must say;
- English: street vending, road occupation, public hearings;
- 行政应诉 is the 行政诉讼 kind (bot/contrasts.txt): a sentence opening on 行政复议 answers 行政诉讼's 败诉率 in its
  应诉 clause."""

from __future__ import annotations

import pytest

from tests.conftest import first_line, reports_service

BUREAU = ("灎东区人力资源和社会保障局2025年法治政府建设年度报告\n\n一、依法处理劳动人事争议\n\n"
          "1.案件办理情况。全年共收到劳动人事争议仲裁申请1692件，受理1528件，同比增长10.2%；结案1483件，结案率97.1%；"
          "调解结案892件，调解成功率60.2%；涉案金额7273.5万元。\n\n"
          "二、劳动保障监察\n\n全年检查用人单位2146户，立案查处劳动保障违法案件183件，结案率98.4%。\n\n"
          "三、社保经办\n\n全年社会保险经办业务办件286413件，同比增长13.2%，其中“跑零次”办理247605件。\n\n"
          "四、行政复议和应诉\n\n本局作为被申请人的行政复议案件14件；行政应诉案件8件，一审败诉1件，败诉率12.5%，"
          "负责人出庭应诉率保持100%。\n")
CITY = ("灎东区城市管理局2025年法治政府建设年度报告\n\n一、市容环卫\n\n"
        "对全区居民小区、沿街商铺开展垃圾分类检查1.42万次，发出限期整改通知书612份，整改完成率95.6%。"
        "全年整治占道经营、店外经营等违法行为8650起。\n\n二、依法决策\n\n"
        "将3项事项纳入重大行政决策事项目录，组织听证会3次，收集公众意见260余条。\n\n三、行政应诉\n\n"
        "发生一审行政诉讼案件11件，均已审结，败诉1件。局机关获得“全省城管执法规范化建设示范单位”称号。\n\n四、普法\n\n"
        "组织执法人员旁听行政诉讼庭审2次。\n\n五、下一步\n\n推动行政诉讼案件源头化解。\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("clause_runs"),
                           {"灎东区人力资源和社会保障局_2025.txt": BUREAU, "灎东区城市管理局_2025.txt": CITY})


@pytest.mark.parametrize("question, lead", [
    ("灎东区人社局2025年劳动人事争议仲裁结案率是多少？", "97.1%"),
    ("灎东区2025年劳动人事争议仲裁案件涉案金额一共多少？", "7273.5万元"),
    # the other run's rate, of its own subject (guard)
    ("灎东区人社局2025年劳动保障违法案件结案率是多少？", "98.4%"),
])
def test_clauses_going_on_after_a_semicolon_have_the_first_ones_subject(service, question, lead):
    assert first_line(service.ask(question)).startswith(lead), service.ask(question).text


def test_a_run_of_clauses_leads_to_its_first():
    from types import SimpleNamespace as Ns

    from bot.extractive import _continued

    text = BUREAU.split("\n\n")[2]
    ev = Ns(chunk=Ns(text=text), sentence="涉案金额7273.5万元。")
    assert _continued(ev).startswith("全年共收到劳动人事争议仲裁申请1692件")


def test_documents_handed_out_are_counted_in_zhang_fen_or_ben(service):
    answer = service.ask("灎东区城管到小区和商铺查垃圾，2025年一共开了多少张限期整改单子？")
    assert first_line(answer).startswith("612份"), answer.text


def test_a_residential_compound_is_no_place():
    from bot.query import find_regions

    _, _, unknown, _, _ = find_regions("前年城管到小区和商铺查垃圾有没有分好", [])
    assert unknown == []


def test_a_change_stated_before_the_ask_is_a_premise(service):  # guard here: the change word was rarest in qa183
    answer = service.ask("灎东区2025年社保经办业务量下降了，全年办了多少件？")
    assert first_line(answer).startswith("286413件"), answer.text
    assert "并非下降" in first_line(answer)


@pytest.mark.parametrize("question, lead", [
    ("How many cases of street vending and road occupation did the urban management bureau handle in 2025?", "8650起"),
    ("How many public hearings did the urban management bureau hold in 2025?", "3次"),  # guard
])
def test_english_street_words(service, question, lead):
    assert first_line(service.ask(question)).startswith(lead), service.ask(question).text


def test_responding_to_lawsuits_is_of_the_lawsuit_kind(service):
    answer = service.ask("灎东区人社局2025年行政诉讼败诉率是多少？")
    assert first_line(answer).startswith("12.5%"), answer.text
