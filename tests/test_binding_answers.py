"""Answers that lead with the figure bound to what is asked (a small report of its own)."""

import pytest

from tests.conftest import FIXTURES, build_store, first_line, reports_service


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    files = [FIXTURES / "binding" / "青石县_2025.txt"]
    return build_store(tmp_path_factory.mktemp("binding"), files, embedding_model="hash")[1]


def test_the_level_after_a_change_answers_a_stock_question_not_a_part_of_another_whole(service):
    answer = service.ask("青石县2025年底执业律师有多少名？")
    assert answer.found and "566名" in first_line(answer), answer.text


def test_a_sibling_rate_is_no_answer(service):
    answer = service.ask("青石县2025年行政复议综合纠错率是多少？")
    assert "9.4%" not in first_line(answer), answer.text
    assert not answer.found


def test_two_asks_with_a_chinese_percent_both_lead(service):
    answer = service.ask("青石县2025年受理了多少件来信来访事项？按期办结率是多少？")
    first = first_line(answer)
    assert "265件" in first and ("百分之百" in first or "100%" in first), answer.text


def test_a_colloquial_question_is_answered_when_the_word_table_names_the_indicator(service):
    # "上门查企业" is 涉企检查 in the reports' words (bot/synonyms.txt); the sentence has none of
    # the question's own words
    answer = service.ask("青石县去年政府上门查企业一共查了多少回")
    assert answer.found and "1260次" in first_line(answer), answer.text


def test_a_change_asked_of_a_count_is_answered_by_the_stated_percent_when_the_year_before_is_missing(service):
    answer = service.ask("跟上一年比变化了多少？", history=[["青石县2025年受理了多少件来信来访事项？", "265件"]])
    assert answer.found and "6.3%" in first_line(answer), answer.text



def test_the_asked_measure_word_binds_its_figure(tmp_path):
    # "多少个…案卷": 99个 in a long sentence about a 评查组 binds weakly by its words alone;
    # the measure word asked (个, not only its family 家/项/所/处) is evidence too
    from tests.conftest import SEED_REPORT

    service = build_store(tmp_path, [SEED_REPORT], embedding_model="hash")[1]
    answer = service.ask("余杭区2021年集中评查了多少个行政执法案卷？")
    assert first_line(answer).startswith("99个"), answer.text


def test_a_part_with_a_qualifier_nobody_asked_is_not_the_total(tmp_path):
    # "共有多少家律师事务所": 39家 (the total), not 其中涉外律师事务所1家
    from tests.conftest import SAMPLES

    service = build_store(tmp_path, [SAMPLES / "明湖区_2023.txt"], embedding_model="hash")[1]
    answer = service.ask("明湖区2023年共有多少家律师事务所")
    assert first_line(answer).startswith("39家"), answer.text
    answer = service.ask("明湖区2023年有多少家涉外律师事务所？")
    assert first_line(answer).startswith("1家"), answer.text


def test_a_part_is_done_as_its_whole_is(tmp_path):
    # "办理了多少民事法律援助案件": the verb asked (办理) is the whole's, and 其中 parts share it —
    # 903件, not the 1480件 办理法律援助案件 that names the verb itself; the whole still answers
    # a question about the whole
    service = _county(tmp_path, 2025, "全年办理法律援助案件1480件，其中民事法律援助案件903件，"
                                      "为受援人挽回经济损失2100万元。全县律师事务所由九家增加至十一家。")
    answer = service.ask("澧水县2025年办理了多少民事法律援助案件？")
    assert first_line(answer).startswith("903件"), answer.text
    answer = service.ask("澧水县2025年办理了多少法律援助案件？")
    assert first_line(answer).startswith("1480件"), answer.text


def test_a_pair_asked_as_a_pair_or_as_its_difference(tmp_path):
    # "由412名增加到468名": asked "增加了多少名" the difference (the report states none in 名),
    # "由多少增加到多少" both values, "有多少名" the later value, "缩短了几分钟" in minutes
    service = _county(tmp_path, 2025, "全县执业律师由412名增加到468名，同比增长13.6%。"
                                      "110平均到场时间由9.2分钟缩短至7.6分钟。")
    answer = service.ask("澧水县2025年执业律师增加了多少名？")
    assert first_line(answer).startswith("增加56名"), answer.text
    answer = service.ask("澧水县2025年执业律师由多少增加到多少？")
    assert first_line(answer).startswith("由412名增加到468名"), answer.text
    answer = service.ask("澧水县2025年执业律师有多少名？")
    assert first_line(answer).startswith("468名"), answer.text
    answer = service.ask("澧水县2025年110平均到场时间缩短了几分钟？")
    assert first_line(answer).startswith("缩短1.6分钟"), answer.text


def test_a_count_of_things_named_after_it_is_about_what_they_did(tmp_path):
    # "九家乡镇（街道）全部建成公共法律服务工作站": 九家 counts 乡镇, and what they did (建成…工作站)
    # is what the question asks about
    service = _county(tmp_path, 2024, "全县十一个乡镇全部建成公共法律服务工作站，132个村（社区）法律顾问实现全覆盖。")
    answer = service.ask("澧水县有多少个乡镇建成了公共法律服务工作站？")
    assert first_line(answer).startswith("十一个"), answer.text


@pytest.mark.parametrize("question, units", [
    # "有多少件？…输了几件？": a sentence's figure must fit one ask's unit — 败诉率5.9% fits none
    ("澧水县2022年老百姓民告官的官司有多少件？政府输了几件？", ("件", "宗", "起", "例")),
    ("澧水县2022年审结多少件，败诉率多少？", ("件", "宗", "起", "例", "%")),  # a count and a rate
])
def test_several_asks_admit_only_their_units(question, units):
    import datetime as dt

    from bot.extractive import _any_ask_unit
    from bot.query import analyze

    q = analyze(question, [], dt.date(2026, 11, 30))
    assert q.asks == 2 and _any_ask_unit(q) == units


def test_another_reports_sentence_naming_the_asked_place_answers_for_it(tmp_path):
    # the city's own report does not say it, the province's names the city: an answer (found),
    # cited as the province's report; a sentence not naming the city stays "elsewhere"
    province = tmp_path / "沅江省_2024.txt"
    province.write_text("沅江省2024年法治政府建设年度报告\n\n一、严格执法\n\n"
                        "澧州市生态环境局“环保管家”帮扶模式入选全国生态环境执法典型案例。"
                        "全省推行“信用修复一件事”集成改革。\n", encoding="utf-8")
    city = tmp_path / "澧州市_2024.txt"
    city.write_text("澧州市2024年法治政府建设年度报告\n\n一、公共法律服务\n\n"
                    "全年办理法律援助案件1480件。澧州市法治政府建设考核结果居沅江省首位。\n", encoding="utf-8")
    service = build_store(tmp_path / "store", [province, city], embedding_model="hash")[1]
    answer = service.ask("澧州市生态环境局的什么做法入选了全国生态环境执法典型案例？")
    assert answer.found and "环保管家" in first_line(answer), answer.text
    answer = service.ask("澧州市推行了什么集成改革？")
    assert not answer.found, answer.text
    # a city's report naming its province is about the city ("居沅江省首位"), not an answer for
    # the province
    answer = service.ask("沅江省法治政府建设考核结果怎么样？")
    assert not answer.found, answer.text


def _county(tmp_path, year: int, body: str):
    """A one-section report of 澧水县 for ``year`` in a fresh store; its service."""
    report = tmp_path / f"澧水县_{year}.txt"
    report.write_text(f"澧水县{year}年法治政府建设年度报告\n\n一、提升公共法律服务水平\n\n{body}\n", encoding="utf-8")
    return build_store(tmp_path / "store", [report], embedding_model="hash")[1]


def test_an_ask_in_its_own_words_takes_the_sole_figure_of_its_unit_beside_the_other_ask(tmp_path):
    # "办了多少件，涉及多少钱": the money ask names nothing the sentence says, but the sentence
    # answering the first ask states one amount of money — the second ask's
    service = _county(tmp_path, 2024, "全年办理农民工讨薪法律援助案件1127件，为农民工挽回经济损失1.35亿元。")
    answer = service.ask("澧水县2024年帮农民工讨薪的法律援助案件办了多少件，涉及多少钱？")
    assert first_line(answer).startswith("1127件，1.35亿元"), answer.text
    # two amounts of money: which one is not said, so none is taken …
    (tmp_path / "two").mkdir()
    service = _county(tmp_path / "two", 2024, "全年办理农民工讨薪法律援助案件1127件，为农民工挽回经济损失1.35亿元，"
                      "支付法律援助补贴320万元。")
    answer = service.ask("澧水县2024年帮农民工讨薪的法律援助案件办了多少件，涉及多少钱？")
    assert "1.35亿元" not in first_line(answer) and "320万元" not in first_line(answer), answer.text
    # … unless the ask names one: 要回来 is 挽回/追回 in the word table
    answer = service.ask("澧水县2024年帮农民工讨薪的法律援助案件办了多少件，要回来多少钱？")
    assert first_line(answer).startswith("1127件，1.35亿元"), answer.text


def _reports(tmp_path, texts: dict[int, str]):
    """Reports of 澧水县 for several years, each one section with a numbered paragraph."""
    files = []
    for year, body in texts.items():
        report = tmp_path / f"澧水县_{year}.txt"
        report.write_text(f"澧水县{year}年法治政府建设年度报告\n\n一、严格规范公正文明执法\n\n{body}\n",
                          encoding="utf-8")
        files.append(report)
    return build_store(tmp_path / "store", files, embedding_model="hash")[1]


def test_a_numbered_paragraphs_first_sentence_is_no_bare_heading(tmp_path):
    # "1.全县…8416件，…；办理行政许可事项26.7万件…": the first sentence is also the section
    # title, but with figures it states the answer
    service = _reports(tmp_path, {2024: "1.全县行政执法机关全年办理行政处罚案件8416件，罚没金额1.92亿元；"
                                        "办理行政许可事项26.7万件，行政许可事项按时办结率100%。"})
    answer = service.ask("澧水县2024年全县行政执法机关办理了多少件行政处罚案件？")
    assert first_line(answer).startswith("8416件"), answer.text


def test_the_year_before_restated_answers_for_that_year(tmp_path):
    service = _reports(tmp_path, {2024: "全县行政执法机关全年办理行政处罚案件8416件，较上年的7882件增长6.8%。"})
    answer = service.ask("澧水县2023年办理了多少件行政处罚案件？")
    assert answer.found and first_line(answer).startswith("7882件"), answer.text
    assert "2024年报告" in first_line(answer), answer.text
    answer = service.ask("澧水县2024年办理了多少件行政处罚案件？")
    assert first_line(answer).startswith("8416件"), answer.text


def test_how_a_pair_changed_is_the_pair(tmp_path):
    service = _reports(tmp_path, {2022: "全年办理行政许可事项8617件，其中即办件占比由62%提高到78%。"})
    answer = service.ask("澧水县2022年行政许可即办件占比有什么变化？")
    assert first_line(answer).startswith("由62%提高到78%"), answer.text


def test_each_of_two_years_asked_gives_both_figures(tmp_path):
    service = _reports(tmp_path, {2023: "全年对186家企业免予处罚，免除罚款312.5万元。",
                                  2024: "全年对231家企业免予处罚，免除罚款405.8万元。"})
    answer = service.ask("澧水县23年和24年分别有多少家企业被免予处罚？")
    assert first_line(answer).startswith("2023年186家，2024年231家"), answer.text
    assert "2024年比2023年增加45家" in first_line(answer), answer.text


def test_short_form_of_illegal_buildings(tmp_path):
    service = _reports(tmp_path, {2024: "开展违法建设治理，拆除违法建筑三十二处，面积4650平方米。"})
    answer = service.ask("澧水县2024年拆了几处违建？")
    assert answer.found and first_line(answer).startswith("三十二处"), answer.text


def test_a_change_the_other_way_round_says_so(tmp_path):
    service = _reports(tmp_path, {2025: "1.全年立案查处各类违法案件2684件，罚没款金额6372.6万元，同比下降4.8%；"
                                        "全县新登记经营主体5160户，同比增长7.1%。"})
    answer = service.ask("澧水县2025年罚没款同比增长了多少？")
    # the level first, then the change the other way round
    assert first_line(answer).startswith("6372.6万元，下降4.8%（并非增长）"), answer.text
    answer = service.ask("澧水县2025年罚没款同比下降了多少？")
    assert first_line(answer).startswith("4.8%"), answer.text


def test_a_level_is_no_answer_to_how_much_it_fell(tmp_path):
    # "检查频次降了多少" of one year: a change or a 由A到B pair answers, never a level beside it
    service = _reports(tmp_path, {2024: "全年对231家企业免予处罚，免除罚款405.8万元。"})
    answer = service.ask("澧水县2024年对企业的处罚降了多少？")
    assert not answer.found or "231家" not in first_line(answer), answer.text


def test_how_it_was_done_quotes_the_whole_sentence(tmp_path):
    service = _reports(tmp_path, {2024: "4.推进基层综合行政执法改革。向全县18个乡镇下放行政执法事项，"
                                        "统一制定赋权事项清单；乡镇综合行政执法队全年办理行政处罚案件970件，"
                                        "执法规范化水平稳步提升。"})
    answer = service.ask("澧水县2024年是怎样推进基层综合行政执法改革的？")
    first = first_line(answer)
    assert "18个" in first and "970件" in first, answer.text


def test_a_kind_asked_is_not_the_whole_of_another_kind(tmp_path):
    # "物业纠纷" asked: the row of 物业纠纷, not 受理矛盾纠纷1046件 of a sentence that names it later
    service = _reports(tmp_path, {2025: "街道人民调解委员会全年受理矛盾纠纷1046件，调解成功率98.4%，"
                                        "物业纠纷仍是最主要的纠纷类型。\n"
                                        "物业纠纷｜受理（件）：318｜调解成功（件）：312\n"
                                        "邻里纠纷｜受理（件）：297｜调解成功（件）：295"})
    answer = service.ask("澧水县2025年人民调解受理的物业纠纷有多少件？")
    assert first_line(answer).startswith("318件"), answer.text


def test_a_pair_borrowing_its_head_noun_is_not_the_asked_whole(tmp_path):
    # "败诉案件由5件减少到3件" after "一审行政诉讼案件数量…": the 败诉 cases, not all of them
    service = _reports(tmp_path, {2024: "一审行政诉讼案件数量较上年有所下降，败诉案件由5件减少到3件；\n"
                                        "一审行政诉讼案件（件）｜2023年：74｜2024年：69｜增减：-5"})
    answer = service.ask("澧水县2024年一审行政诉讼案件多少件？")
    assert first_line(answer).startswith("69件"), answer.text


def test_a_qizhong_sentence_counts_parts_of_the_whole_before_it(tmp_path):
    service = _reports(tmp_path, {2025: "全区行政执法机关全年办理行政处罚案件2746件，同比增长6.3%。"
                                        "其中，市场监管领域812件、城市管理领域694件、生态环境领域237件。"})
    answer = service.ask("澧水县2025年城市管理领域行政处罚案件多少件？")
    assert first_line(answer).startswith("694件"), answer.text


def test_a_range_is_answered_whole(tmp_path):
    service = _reports(tmp_path, {2025: "2025年度住房公积金月缴存基数上限为31260元、下限为2100元，缴存比例为5%至12%。"})
    answer = service.ask("澧水县2025年住房公积金缴存比例是多少？")
    assert first_line(answer).startswith("5%至12%"), answer.text


def test_a_count_named_by_its_measure_word_and_two_changes_compared(tmp_path):
    # "事故起数": the count in 起, no word a sentence must hold; two things of one report compared
    service = _reports(tmp_path, {2025: "全县共发生生产安全事故48起、死亡31人，同比分别下降17.2%和20.5%。"})
    answer = service.ask("澧水县2025年生产安全事故起数同比降了多少？")
    assert first_line(answer).startswith("17.2%"), answer.text
    answer = service.ask("澧水县2025年生产安全事故起数和死亡人数，哪个同比降得更多？")
    assert "17.2%" in first_line(answer) and "20.5%" in first_line(answer), answer.text


def test_what_the_report_says_did_not_happen_answers_a_count_of_it(tmp_path):
    service = _reports(tmp_path, {2025: "全县共发生生产安全事故48起、死亡31人，同比分别下降17.2%和20.5%，"
                                        "未发生较大及以上生产安全事故。"})
    answer = service.ask("澧水县2025年那起较大生产安全事故死了几个人？")
    assert answer.found and first_line(answer).startswith("报告中写明：未发生较大及以上生产安全事故"), answer.text
    # something else the report does not say is still refused
    assert not service.ask("澧水县2025年发生了多少起道路交通事故？").found


@pytest.mark.parametrize("question, lead", [
    # no report of 2024: the change the 2025 report states, not the level beside it, nor the
    # other list item's change; its direction said when the question has it the other way round
    ("澧水县2025年生产安全事故死亡人数比上年多了多少？", "31人，下降20.5%（并非增长）"),
    ("澧水县2025年生产安全事故起数比上年增加了百分之多少？", "下降17.2%（并非增长）"),
    ("澧水县2025年生产安全事故死亡人数比2024年少了多少？", "20.5%"),
    ("澧水县2025年一共死了多少人？", "31人"),
])
def test_a_change_from_a_year_without_a_report_is_the_change_the_report_states(tmp_path, question, lead):
    service = _reports(tmp_path, {2025: "全县共发生生产安全事故48起、死亡31人，同比分别下降17.2%和20.5%。"})
    answer = service.ask(question)
    assert answer.found and first_line(answer).startswith(lead), answer.text


@pytest.mark.parametrize("question, lead", [
    # the level it went to; when the stated change went the other way, that said beside it
    ("澧水县2025年食品安全监督抽检不合格率上升到了多少？", "1.75%，下降0.32个百分点（并非增长）"),
    ("澧水县2025年食品安全监督抽检不合格率降到了多少？", "1.75%"),
    ("澧水县2025年食品抽检不合格率下降了多少？", "0.32个百分点"),
])
def test_a_level_asked_as_where_a_change_went_is_the_level(tmp_path, question, lead):
    service = _reports(tmp_path, {2025: "全年完成食品安全监督抽检12460批次，发现不合格218批次，不合格率1.75%，"
                                        "较上年下降0.32个百分点。"})
    answer = service.ask(question)
    assert answer.found and first_line(answer).startswith(lead), answer.text


def test_a_later_item_of_a_list_shares_the_verb_of_the_first(tmp_path):
    # "移送…行政拘留案件19件、涉嫌环境污染犯罪案件6件": the 6件 were 移送'd too; the asked
    # thing (after 多少件) is the second item's, not the first's
    service = _reports(tmp_path, {2025: "全年查处环境违法案件412件，其中适用查封扣押37件、限产停产12件，"
                                        "移送公安机关行政拘留案件19件、涉嫌环境污染犯罪案件6件。"})
    answer = service.ask("澧水县2025年移送了多少件涉嫌环境污染犯罪案件？")
    assert first_line(answer).startswith("6件"), answer.text
    answer = service.ask("澧水县2025年移送公安机关行政拘留的案件有多少件？")
    assert first_line(answer).startswith("19件"), answer.text


def _md_report(tmp_path, body: str):
    report = tmp_path / "澧水县公安局_2025.md"
    report.write_text(f"# 澧水县公安局2025年法治政府建设年度报告\n\n{body}\n", encoding="utf-8")
    return build_store(tmp_path / "store", [report], embedding_model="hash")[1]


def test_a_row_label_names_the_thing_not_what_was_done_to_it(tmp_path):
    # "发案多少起" of 2024, stated only in the 2025 report's table: the row's label says
    # 电信网络诈骗案件（起）, never the question's verb 发案; 批次 is a measure of its own
    service = _md_report(tmp_path, "## 一、执法办案\n\n全县电信网络诈骗案件发案3865起，同比下降18.0%。"
                                   "全年组织食品安全监督抽检13850批次。\n\n"
                                   "| 指标 | 2024年 | 2025年 |\n| --- | --- | --- |\n"
                                   "| 电信网络诈骗案件（起） | 4712 | 3865 |\n"
                                   "| 食品安全监督抽检（批次） | 12600 | 13850 |\n")
    answer = service.ask("澧水县2024年电信网络诈骗案件发案多少起？")
    assert answer.found and first_line(answer).startswith("4712起"), answer.text
    answer = service.ask("澧水县2024年食品安全监督抽检了多少批次？")
    assert answer.found and first_line(answer).startswith("12600批次"), answer.text
    # the unit asked (批次) is no word of the thing: 药品抽检 is not 食品安全监督抽检
    assert not service.ask("澧水县2025年药品抽检了多少批次？").found



def test_a_shortfall_section_scores_below_the_same_sentence_elsewhere():
    # "三、存在的不足…重复违法的有27件" came first for 查处环境违法案件多少件 (412件) by 0.01
    from bot.scorer import FEATURES, prior_score

    f = dict.fromkeys(FEATURES, 0.0) | {"coverage": 1.0, "context": 0.8, "rank": 1.0, "numeric": 1.0, "bind": 1.6}
    assert prior_score(f | {"problem": 1.0}) < 0.95 * prior_score(f)




@pytest.mark.parametrize("row, ok", [
    ("仲裁调解成功率（%）｜2024年：68.4｜2025年：71.9", True),  # the asked rate, said tersely
    ("人民调解成功率（%）｜2024年：97.1｜2025年：98.1", False),  # another rate
])
def test_a_terse_row_label_naming_the_asked_rate_supports_it(service, row, ok):
    # "劳动人事争议仲裁的调解成功率": the row never says 劳动人事争议, the question's rarest words
    from bot.binding import Binding
    from bot.extractive import Evidence, Term
    from bot.figures import Figure
    from facts import chunk_facts

    fact = next(f for f in chunk_facts(row, "主要指标", 2025) if f.year == 2024)
    terms = [Term("劳动人事", 3.08), Term("争议", 2.33), Term("仲裁", 2.88), Term("调解成功率", 2.57)]
    covered = 0.5 if ok else 0.2
    ev = Evidence(hit=None, rank=0, sentence=row, score=0.8, coverage=covered,  # type: ignore[arg-type]
                  figures=[Figure(fact.text, "%", fact.start, fact.end)], bindings=[Binding(fact, 2.0)],
                  features={"key_rare": 0.0, "key_head": 0.0, "key_second": 0.0, "key_lex": 0.0})
    q = service.analyze("青石县2024年劳动人事争议仲裁的调解成功率是多少？", service.documents())
    assert service.answerer.supported(q, ev, terms) is ok


def test_values_given_out_by_fen_bie_bind_to_their_own_part(tmp_path):
    # "城市、农村低保标准分别提高至920元、760元": the words before 920元 hold both qualifiers;
    # each value is its own indicator's, and "分别是多少" of both gives both
    service = _county(tmp_path, 2025, "全面落实社会救助政策，城市、农村低保标准分别提高至每人每月920元、760元，"
                                      "全年发放低保金1.26亿元。")
    assert first_line(service.ask("澧水县2025年农村低保标准是每人每月多少元？")).startswith("760元")
    assert first_line(service.ask("澧水县2025年城市低保标准是每人每月多少元？")).startswith("920元")
    first = first_line(service.ask("澧水县2025年城市和农村低保标准分别是每人每月多少元？"))
    assert "920元" in first and "760元" in first, first
    # one of them asked with 分别 in another sense of the question: the one named
    assert first_line(service.ask("澧水县2025年农村低保标准分别提高到了多少？")).startswith("760元")


def test_both_values_of_a_change_asked_from_and_to(tmp_path):
    # "从多少项扩到了多少项": the earlier and the later value of 由A扩充到B, in that order
    service = _county(tmp_path, 2025, "轻微违法免罚清单事项由96项扩充到135项，全年适用“首违不罚”案件214件。")
    first = first_line(service.ask("澧水县去年免罚清单从多少项扩到了多少项？"))
    assert first.startswith("由96项扩充到135项"), first
    assert first_line(service.ask("澧水县去年免罚清单扩到了多少项？")).startswith("135项")


def test_the_new_ones_asked_are_a_stocks_stated_increase_when_no_count_of_them_is_given(tmp_path):
    service = _county(tmp_path, 2025, "全县共有律师事务所18家，较上年增加3家，执业律师236名。")
    assert first_line(service.ask("澧水县去年新开了多少家律师事务所？")).startswith("3家")
    assert first_line(service.ask("澧水县去年一共有多少家律师事务所？")).startswith("18家")


def test_a_count_of_the_new_ones_beats_the_stocks_increase(tmp_path):
    service = _county(tmp_path, 2025, "全年新设律师事务所2家、注销1家，全县共有律师事务所18家，较上年增加1家。")
    assert first_line(service.ask("澧水县去年新开了多少家律师事务所？")).startswith("2家")


def test_a_count_asked_as_still_there_is_the_one_said_on_the_register(tmp_path):
    service = _county(tmp_path, 2025, "全年新接收社区矫正对象412名，解除矫正398名，年末在册社区矫正对象1076名。")
    assert first_line(service.ask("澧水县现在还在接受社区矫正的有多少人？")).startswith("1076名")
    assert first_line(service.ask("澧水县去年新接收社区矫正对象多少名？")).startswith("412名")
    # three asks: the first one's marker (新) is no filter of the others
    first = first_line(service.ask("澧水县去年社区矫正的新接收、解除和在册人数各是多少？"))
    assert first.startswith("412名，398名，1076名"), first


@pytest.mark.parametrize("question, lead", [
    # three years asked as a range: each year's figure, and the highest when asked — not the ends
    ("澧水县2023年到2025年引进律师事务所的数量是怎么变化的？", "2023年9家，2024年12家，2025年7家"),
    ("澧水县2023到2025这三年里，哪一年引进的律师事务所最多？", "2024年最多，为12家"),
    ("澧水县2023到2025年哪一年引进的律师事务所最少？", "2025年最少，为7家"),
])
def test_a_range_of_years_gives_every_year(tmp_path, question, lead):
    service = _reports(tmp_path, {2023: "全年引进律师事务所9家，律师事务所总数达到86家。",
                                  2024: "全年引进律师事务所12家，律师事务所总数达到95家。",
                                  2025: "全年引进律师事务所7家，律师事务所总数达到99家。"})
    answer = service.ask(question)
    assert answer.found and first_line(answer).startswith(lead), answer.text


@pytest.mark.parametrize("question, lead", [
    # no range named: the years the county's reports cover, in either word order
    ("澧水县哪一年引进的律师事务所最多？", "2024年最多，为12家"),
    ("澧水县引进律师事务所最少的是哪一年？", "2025年最少，为7家"),
])
def test_which_year_ranks_the_years_reported(tmp_path, question, lead):
    service = _reports(tmp_path, {2023: "全年引进律师事务所9家，律师事务所总数达到86家。",
                                  2024: "全年引进律师事务所12家，律师事务所总数达到95家。",
                                  2025: "全年引进律师事务所7家，律师事务所总数达到99家。"})
    answer = service.ask(question)
    assert answer.found and first_line(answer).startswith(lead), answer.text


def test_which_year_is_not_ranked_when_a_years_report_does_not_say(tmp_path):
    # 2024's report says nothing of it: 9家 is no "most"
    service = _reports(tmp_path, {2023: "全年引进律师事务所9家，律师事务所总数达到86家。",
                                  2024: "全县执业律师1342名。",
                                  2025: "全年引进律师事务所7家，律师事务所总数达到99家。"})
    answer = service.ask("澧水县哪一年引进的律师事务所最多？")
    assert not answer.found and "9家" not in first_line(answer), answer.text
    assert "2024年" in first_line(answer), answer.text


def test_a_change_over_a_range_is_the_later_year_against_the_earlier(tmp_path):
    service = _reports(tmp_path, {2023: "全县执业律师1342名。", 2025: "全县执业律师1497名。"})
    answer = service.ask("澧水县执业律师从2023年到2025年增加了多少名？")
    assert first_line(answer).startswith("2025年比2023年增加155名"), answer.text


TYPED_TABLE = ("全年共收到行政复议申请1862件，审结1653件，纠错率8.3%，较上年下降1.3个百分点。\n\n"
               "三、主要指标\n\n指标｜2023年｜2024年｜2025年\n行政复议纠错率（%）｜11.2｜9.6｜8.3\n"
               "法律援助案件（件）｜4127｜4530｜4916\n\n"
               "四、2026年工作安排\n\n力争全年办理法律援助案件5000件以上。")


def test_a_table_typed_with_bars_answers_by_its_year_columns(tmp_path):
    service = _reports(tmp_path, {2025: TYPED_TABLE})
    assert first_line(service.ask("澧水县2025年行政复议纠错率是多少？")).startswith("8.3%")
    assert first_line(service.ask("澧水县2024年法律援助案件有多少件？")).startswith("4530件")
    # a year with no report of its own: the later report's column, said to come from it
    answer = service.ask("那2023年呢？", [("澧水县2024年法律援助案件有多少件？", "4530件。")])
    assert first_line(answer).startswith("4127件"), answer.text


@pytest.mark.parametrize("question, lead", [
    # a target the question says was missed: the result is asked, not the target
    ("澧水县2025年法律援助没完成4800件的目标，实际只办了多少件？", "报告中的数字是4916件，已达到4800件"),
    ("澧水县2025年法律援助案件没达到5000件的目标，实际办了多少件？", "4916件"),
])
def test_the_result_of_a_target_named_in_the_question(tmp_path, question, lead):
    service = _reports(tmp_path, {2025: TYPED_TABLE})
    assert first_line(service.ask(question)).startswith(lead), service.ask(question).text


def test_a_target_table_answers_the_result_from_its_completed_column(tmp_path):
    body = ("2024年度报告确定的主要目标完成情况如下。\n\n目标｜目标值｜2025年完成值｜完成情况\n"
            "法律援助案件｜1000件以上｜1088件｜完成\n行政复议案件调解和解率｜20%以上｜17.1%｜未完成")
    service = _reports(tmp_path, {2025: body})
    answer = service.ask("澧水县2025年行政复议调解和解率超额完成了20%的目标，实际达到多少？")
    assert "17.1%" in first_line(answer) and "20%" not in first_line(answer).split("，")[0], answer.text
    assert first_line(service.ask("澧水县2025年法律援助案件的目标是多少？")).startswith("1000件以上")


@pytest.mark.parametrize("question, lead", [
    ("澧水县2025年受理的投诉举报咨询中举报有多少件？", "217件"),
    ("澧水县2025年受理的投诉举报咨询中投诉有多少件？", "1483件"),
])
def test_a_part_named_by_a_word_of_its_wholes_name_is_that_part(tmp_path, question, lead):
    # both parts' whole (投诉举报咨询) names 举报 and 投诉: only the part's own word tells them apart
    service = _county(tmp_path, 2025, "全年受理投诉举报咨询3126件，其中投诉1483件、举报217件。")
    assert first_line(service.ask(question)).startswith(lead), service.ask(question).text


@pytest.mark.parametrize("question, lead", [
    ("澧水县2025年投诉最后处理完的有多少件？", "1372件"),
    ("澧水县2025年受理了多少件投诉？", "1395件"),
])
def test_a_case_stage_in_everyday_words(tmp_path, question, lead):
    # 处理完 is 办结 (not the 受理 before it in the chain; a bare 办完 also says how long or how
    # much can be done, "从申请到办完", "网上就能办完的": no row)
    service = _county(tmp_path, 2025, "全年受理投诉1395件，办结1372件，按时办结率98.1%。")
    assert first_line(service.ask(question)).startswith(lead), service.ask(question).text


def test_online_shopping_in_everyday_words_is_the_reports_category(tmp_path):
    service = _county(tmp_path, 2025, "全年受理消费投诉6.84万件，其中网络购物投诉2.03万件、食品投诉1.12万件。")
    answer = service.ask("澧水县去年网上买东西出了问题去投诉的有多少件？")
    assert first_line(answer).startswith("2.03万件"), answer.text


def test_why_it_rose_when_the_table_says_it_fell(tmp_path):
    body = ("全年主要指标如下表。\n\n指标｜2024年｜2025年｜同比\n交通事故死亡人数（人）｜240｜213｜-11.3%\n"
            "查处酒后驾驶（起）｜5872｜6418｜+9.3%")
    service = _reports(tmp_path, {2025: body})
    answer = service.ask("澧水县2025年交通事故死亡人数为什么比上一年增加了？")
    assert first_line(answer).startswith("报告中为213人，同比下降11.3%，并非问题所说的上升"), answer.text
    # a rise said of what rose: no correction
    assert "并非" not in first_line(service.ask("澧水县2025年查处酒后驾驶为什么比上一年增加了？"))


def test_a_departments_row_for_a_city_in_the_provinces_report(tmp_path):
    # the city has a report of its own (its government's), but the 市场监管 figures of it are a row
    # of the province's 市场监督管理局 report: that row, not the province's total nor a city figure
    province = ("澧江省市场监督管理局2025年法治政府建设年度报告\n\n一、执法办案\n\n"
                "全省市场监管部门全年查办各类案件4.27万件，罚没款6.85亿元。\n\n"
                "表1 各市市场监管执法情况\n\n市｜查办案件（件）｜罚没款（万元）\n"
                "澧州市｜9862｜14286\n澧阳市｜7315｜9820\n")
    city = ("澧州市2025年法治政府建设年度报告\n\n一、行政应诉\n\n"
            "全市一审行政诉讼案件收案681件，同比下降3.4%，败诉33件。\n")
    service = reports_service(tmp_path, {"澧江省市场监督管理局_2025.txt": province, "澧州市_2025.txt": city})
    answer = service.ask("澧州市2025年市场监管部门一共查办了多少案件？")
    assert first_line(answer).startswith("9862件"), answer.text
    answer = service.ask("其中澧州市的呢？", [("澧江省2025年市场监管部门一共查办了多少案件？", "4.27万件。")])
    assert first_line(answer).startswith("9862件"), answer.text
    assert first_line(service.ask("澧江省2025年市场监管部门一共查办了多少案件？")).startswith("4.27万件")


def test_a_village_of_a_towns_table_is_asked_by_name(tmp_path):
    town = ("澧阳镇2025年法治政府建设年度报告\n\n一、人民调解\n\n"
            "全镇辖澧东村、澧西村、澧岭村3个行政村，共调解纠纷144件，调解成功141件。\n\n"
            "村｜调解纠纷（件）｜调解成功（件）\n澧东村｜58｜57\n澧西村｜47｜46\n澧岭村｜39｜38\n")
    service = reports_service(tmp_path, {"澧阳镇_2025.txt": town})
    history = [("澧西村2025年调解了多少件纠纷？", "47件。")]
    assert first_line(service.ask(*history[0][:1])).startswith("47件")
    assert first_line(service.ask("那澧岭村呢？", history)).startswith("39件")
    assert first_line(service.ask("澧阳镇2025年一共调解了多少件纠纷？")).startswith("144件")
