"""A 应急管理局's and a 卫健委's reports beside their governments' (session 55):
- a list's last item carries a verbal noun for all ("危险化学品、非煤矿山、工贸行业专项检查分别为…": each one's
  专项检查);
- "较2024年度的89.8%" is 2024's value of the indicator before it, not a figure of its own;
- a body a thing is done BY ("厂子被应急局查出毛病后挨罚") is the department asked;
- a word of a colloquial phrase the word table reads as one ("家里闹矛盾") names the part its terms name;
- a word everywhere in a department's report (医疗 in a 卫健委's) still names what a government's sentence
  about another thing does not say (bot/background.py);
- a later year's target asked ("给2026年…定了什么目标") is not answered by what the report did that year."""

from __future__ import annotations

import pytest

from tests.conftest import first_line, reports_service

BUREAU = ("瀍源县应急管理局2025年法治政府建设年度报告\n\n一、严格安全生产执法\n\n"
          "全年检查生产经营单位4120家次，发现各类事故隐患10236项，整改率98.2%。"
          "立案查处安全生产违法行为203件，罚款451.6万元，同比增长9.6%。\n\n"
          "聚焦重点行业领域，危险化学品、非煤矿山、烟花爆竹、工贸行业专项检查分别为132家次、61家次、45家次、1388家次。\n\n"
          "二、矛盾纠纷化解\n\n全县人民调解组织调解矛盾纠纷1862件，其中婚姻家庭纠纷214件、邻里纠纷386件、债务纠纷97件。\n\n"
          "三、2026年工作安排\n\n力争全年检查生产经营单位4300家次以上，隐患整改率保持在98%以上。\n")
GOVERNMENT = ("瀍源县2025年法治政府建设年度报告\n\n一、严格规范公正文明执法\n\n"
              "全县行政执法机关共办理行政处罚案件3318件，罚没款2915.2万元。"
              "瀍口镇作为全县乡镇应急管理综合执法试点，全年检查辖区企业418家次，发现隐患1206项。\n\n"
              "二、依法化解矛盾纠纷\n\n全县行政复议机构共收到行政复议申请318件，受理296件，办结281件，纠错率9.1%。\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("bureau_and_genre"),
                           {"瀍源县应急管理局_2025.txt": BUREAU, "瀍源县_2025.txt": GOVERNMENT})


def test_a_verbal_noun_ending_a_list_is_every_items():
    from facts.sentence import sentence_facts

    facts = sentence_facts("危险化学品、非煤矿山、工贸行业专项检查分别为126家次、58家次、1470家次。")
    assert [(f.indicator, f.text) for f in facts] == [
        ("危险化学品行业专项检查", "126家次"), ("非煤矿山行业专项检查", "58家次"), ("工贸行业专项检查", "1470家次")]


def test_kinds_alike_share_no_verbal_noun():  # guard
    from facts.sentence import sentence_facts

    facts = sentence_facts("全年行政处罚、行政强制、行政检查分别为120件、45件、300件。")
    assert [f.indicator for f in facts] == ["行政处罚", "行政强制", "行政检查"]


@pytest.mark.parametrize("sentence", [
    "群众总体满意度为91.6%，较2024年度的89.8%提高1.8个百分点。",
    "群众总体满意度为91.6%，较2024年的89.8%提高1.8个百分点。",
])
def test_an_earlier_years_value_said_by_its_year(sentence):
    from facts.sentence import sentence_facts

    earlier = next(f for f in sentence_facts(sentence) if f.text == "89.8%")
    assert (earlier.role, earlier.year, earlier.indicator) == ("previous", 2024, "群众总体满意度")


@pytest.mark.parametrize(("question", "figure"), [
    ("2025年瀍源县应急管理局对非煤矿山开展专项检查多少家次？", "61家次"),
    ("瀍源县2025年烟花爆竹专项检查了多少家次？", "45家次"),
])
def test_an_item_of_a_list_sharing_its_last_noun(service, question, figure):
    assert first_line(service.ask(question)).startswith(figure)


def test_the_body_that_enforces_is_the_one_asked(service):
    line = first_line(service.ask("瀍源县2025年厂里被应急局查出问题挨了罚，一共罚了多少钱？"))
    assert line.startswith("451.6万元"), line


MEDIATION = ("瀍源县司法局2025年法治政府建设年度报告\n\n一、人民调解\n\n"
             "全年共排查矛盾纠纷1862件，调解成功1829件，调解成功率98.2%。其中婚姻家庭纠纷214件，同比增长6.5%；"
             "邻里纠纷386件；债务纠纷97件。\n")


def test_a_word_of_a_phrase_the_word_table_reads_whole(tmp_path):
    # (家里 and 闹矛盾 are two words of one word-table phrase: its terms 婚姻家庭 name the part asked)
    service = reports_service(tmp_path, {"瀍源县司法局_2025.txt": MEDIATION})
    line = first_line(service.ask("瀍源县2025年两口子吵架、家里闹矛盾的纠纷有多少起？"))
    assert line.startswith("214件"), line


def test_a_later_years_target_is_not_what_was_done(service):
    answer = service.ask("瀍源县应急管理局给2026年立案查处安全生产违法行为定了什么目标？")
    assert not answer.found and "203件" not in first_line(answer)


def test_a_word_common_in_a_department_still_names_the_thing(service):
    # 医疗 in most chunks of a 卫健委's report weighs little there; in the genre at large it names a thing
    from bot.extractive import Term

    assert service._naming(Term("医疗", 0.69))
    assert not service._naming(Term("全年", 0.69))  # (a word of every report names nothing)
    assert not service._naming(Term("问题", 1.36)) and not service._naming(Term("还", 1.09))
    assert not service._naming(Term("存在", 1.49))  # (a verb names no thing)


SAFETY = ("瀍源县应急管理局2024年法治政府建设年度报告\n\n一、安全生产执法\n\n"
          "全年发生生产安全事故9起、死亡7人，同比分别下降18.2%和12.5%。"
          "依法责令停产停业整顿6家，提请县政府关闭不具备安全生产条件的企业2家。\n\n"
          "二、举报奖励\n\n全年受理群众举报186件，办结180件，发放举报奖励资金43600元。\n\n"
          "三、普法宣传\n\n开展“安全生产月”进企业、进社区活动96场，分别为进企业61场、进社区35场。\n")


@pytest.fixture(scope="module")
def safety(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("safety"), {"瀍源县应急管理局_2024.txt": SAFETY,
                                                                "瀍源县应急管理局_2025.txt": BUREAU,
                                                                "瀍源县_2025.txt": GOVERNMENT})


def test_one_payments_highest_is_no_total(safety):
    answer = safety.ask("瀍源县应急管理局2024年单笔最高的举报奖励是多少钱？")
    assert "43600" not in first_line(answer)


def test_how_many_people_is_counted_in_people(safety):
    from bot.frame import clause_units

    # (the noun right after "how many", a verb next — not the verb as the thing counted)
    assert "人" in clause_units("how many people died in work safety accidents in 瀍源县 in 2024?", "number")
    line = first_line(safety.ask("How many people died in work safety accidents in Chanyuan County in 2024?"))
    assert line.startswith("7人"), line


def test_an_item_named_with_its_figure_after_a_whole_with_its_verb(safety):
    line = first_line(safety.ask("瀍源县应急管理局2024年“安全生产月”进社区活动开展了多少场？"))
    assert line.startswith("35场"), line


def test_a_body_asked_as_the_part_of_a_places_whole(safety):
    # ("全县…案件中县应急管理局办了多少件": the bureau's own report, never the county's 3318件)
    answer = safety.ask("瀍源县2025年全县行政执法机关办理行政处罚案件中县应急管理局办了多少件？")
    assert "3318" not in first_line(answer)


def test_a_places_government_named_in_english_is_the_source():
    from bot.english import localize_agencies
    from bot.query import _government_named

    text = localize_agencies("According to the 瀍州市 city government's 2025 report, how many calls were answered?")
    assert "瀍州市政府's" in text
    assert _government_named(text, ["瀍州市"]) == "瀍州市政府"
    # (its agencies are no government's report)
    assert "政府" not in localize_agencies("How many lawsuits against 瀍州市 government agencies were filed?")


def test_a_town_a_departments_report_never_names_by_its_government(service):
    # (the county government's report says what the town did in the bureau's field)
    line = first_line(service.ask("瀍源县应急管理局2025年瀍口镇检查了多少家次企业？"))
    assert line.startswith("418家次"), line


def test_enterprise_related_is_no_count_of_enterprises():  # guard
    from bot.frame import clause_units

    assert "件" in clause_units("how many enterprise related administrative penalty cases did 瀍源县 handle?", "number")


def test_a_category_the_tokenizer_cuts_off_is_the_kinds():
    from bot.binding import asked_part
    from vectorstore.tokenizer import shared_tokenizer

    cut = shared_tokenizer().cut
    assert asked_part("12328热线受理的来电里投诉类有多少件", cut) == (("投诉类",),)
