"""English questions: places in pinyin and bodies in English matched to the reports' Chinese
names, the question read in the reports' words, answered with the reports' figures."""

import datetime as dt

import pytest

from bot.english import localize, localize_places
from bot.frame import parse
from bot.lexicon import expand, singular
from bot.query import region_aliases
from zh.pinyin import spellings

TODAY = dt.date(2026, 11, 26)
REGIONS = ["青岚市", "鹤塘县", "岭西省", "澄州市桐溪区", "鹭洲市明湖区", "杭州市余杭区", "梅岗镇", "雁塘街道", "临江省",
           "绿园县"]
KNOWN = [a for r in REGIONS for a in region_aliases(r)]


@pytest.mark.parametrize("name, spelled", [
    ("青岚", "qinglan"), ("鹤塘", "hetang"), ("余杭", "yuhang"), ("汶溪", "wenxi"),
    ("朝阳", "chaoyang"), ("朝阳", "zhaoyang"),  # every reading of a heteronym
    ("绿园", "lvyuan"), ("绿园", "luyuan"),  # ü written v or u
])
def test_spellings(name, spelled):
    assert spelled in spellings(name)


def test_the_table_read_directly_agrees_with_pypinyin():
    from zh.pinyin import _pypinyin_readings, readings

    for ch in "青岚鹤塘汶溪澄阳岭西桐溪榆丘梅岗泓口朝乐六重长厦蚌":
        api = set(_pypinyin_readings(ch))
        assert api and set(readings(ch)) == api | {r.replace("v", "u") for r in api}


def test_a_name_with_a_latin_letter_has_no_spelling():
    assert spellings("A区") == frozenset()


@pytest.mark.parametrize("text, localized", [
    # the level named picks the alias of that level
    ("How many legal aid cases did Hetang County handle in 2024?",
     "How many legal aid cases did 鹤塘县 handle in 2024?"),
    ("What was Minghu District's error-correction rate?", "What was 明湖区 error correction rate?"),
    ("law firms in Yuhang District", "law firms in 余杭区"),
    ("Lingxi Province's ecology and environment authorities", "岭西省 生态环境厅"),
    # no level: the stem as the knowledge base has it
    ("How many business entities were registered in Qinglan in 2025?",
     "How many business entities were registered in 青岚 in 2025?"),
    # case, spaces, hyphens, the level written in pinyin
    ("legal aid in QINGLAN", "legal aid in 青岚"),
    ("legal aid in Qing Lan", "legal aid in 青岚"),
    ("legal aid in qing-lan shi", "legal aid in 青岚市"),
    ("legal aid in Hetangxian", "legal aid in 鹤塘县"),
    ("mediation in Meigang Town", "mediation in 梅岗镇"),
    ("disputes in Yantang Subdistrict", "disputes in 雁塘街道"),
    ("Linjiang Provincial Department of Justice", "临江省 司法厅"),
    # a level the knowledge base does not hold is written as such (and so refused, as in Chinese)
    ("legal aid in Qinglan County", "legal aid in 青岚县"),
    # English words are not syllables of a name; an unknown place stays as written
    ("What did he tang do?", "What did he tang do?"),
    ("How many cases did Shenzhen handle?", "How many cases did Shenzhen handle?"),
    # pinyin with ü or tone marks: the marks are no part of the name's letters (绿 is lü)
    ("legal aid in Lǜyuán County", "legal aid in 绿园县"),
    ("Lüyuan County Public Security Bureau", "绿园县 公安局"),
    ("legal aid in Qīnglán", "legal aid in 青岚"),
])
def test_places_and_bodies_in_chinese(text, localized):
    assert localize(text, KNOWN) == localized


@pytest.mark.parametrize("text, level, body", [
    ("according to the market regulation bureau", "", "according to the 市场监督管理局"),
    ("the Administration for Market Regulation", "", "the 市场监督管理局"),
    ("the Department of Justice", "省", "the 司法厅"),
    ("the Bureau of Justice", "市", "the 司法局"),
    ("the justice office", "镇", "the 司法所"),
    ("the transport department", "省", "the 交通运输厅"),
    ("the health commission", "市", "the 卫生健康委员会"),
    ("the county people's government", "县", "the county 人民政府"),
    ("the Medical Security Bureau", "市", "the 医疗保障局"),
    ("the Bureau of Letters and Calls", "县", "the 信访局"),
    ("the administrative approval bureau", "区", "the 行政审批局"),
])
def test_issuing_bodies(text, level, body):
    from bot.english import localize_agencies

    assert localize_agencies(text, level) == body


@pytest.mark.parametrize("text, name", [
    ("How many cases did the Lanxi High-tech Zone close?", "澜溪高新区"),
    ("the Lanxi high tech industrial development zone", "澜溪高新区"),
    ("In the Songpu Economic and Technological Development Zone", "淞浦经开区"),
    ("songpu jingkaiqu", "淞浦经开区"),
])
def test_development_zones_in_english_are_the_zones_short_names(text, name):
    # the reports name them in full ("…高新技术产业开发区") and short; a zone's stem is no 高新 + 区
    known = [a for r in ["澜江市澜溪高新技术产业开发区", "澜江市", "淞浦经济技术开发区"] for a in region_aliases(r)]
    _, found = localize_places(text, known)
    assert found == [name]


def test_the_names_found_are_returned_in_order():
    _, found = localize_places("Compare Hetang County with Qinglan City", KNOWN)
    assert found == ["鹤塘县", "青岚市"]


@pytest.mark.parametrize("question, regions, asks", [
    ("How many legal aid cases did Hetang County handle in 2024?", ["鹤塘县"], ["number"]),
    ("How many new business entities were registered in Qinglan in 2025 according to the market "
     "regulation bureau?", ["青岚"], ["number"]),
    ("How many administrative reconsideration applications did Tong Xi receive in 2023, and how many "
     "were accepted?", ["桐溪"], ["number", "number"]),
    ("What was the mediation success rate of Meigang Town in 2025?", ["梅岗镇"], ["rate"]),
])
def test_english_frames_name_the_knowledge_bases_places(question, regions, asks):
    f = parse(question, KNOWN, TODAY)
    assert f.lang == "en" and f.typed == question
    assert list(f.regions) == regions
    assert [a.kind for a in f.asks] == asks


def test_an_english_question_with_a_long_chinese_body_name_stays_english():
    f = parse("How many notarizations did 泓口县司法局 handle in 2024?", ["泓口县"], TODAY)
    assert f.lang == "en"
    assert parse("泓口县司法局2024年办理了多少件公证 how many", ["泓口县"], TODAY).lang == "zh"


@pytest.mark.parametrize("question, asks", [
    # a second count that names its own thing is asked of it
    ("How many legal opinions were issued for enterprises in Tongxi in 2024, and how many enterprises were visited?",
     ["How many legal opinions were issued for enterprises in 桐溪 in 2024?",
      "how many enterprises were visited 桐溪 2024?"]),
    # … one that names nothing, and a rate, of the first ask's thing
    ("How many applications did Tongxi receive in 2023, and how many were accepted?",
     ["How many applications did 桐溪 receive in 2023?", "how many were accepted of applications 桐溪 2023?"]),
    ("How many legal aid cases did Hetang County handle in 2024, and what was the success rate?",
     ["How many legal aid cases did 鹤塘县 handle in 2024?",
      "what was the success rate of legal aid cases 鹤塘县 2024?"]),
])
def test_each_english_ask_stands_alone(question, asks):
    from bot.frame import ask_question

    f = parse(question, KNOWN, TODAY)
    assert [ask_question(f, a) for a in f.asks] == asks


@pytest.mark.parametrize("question, terms", [
    ("How many administrative reconsideration cases were overturned?", {"行政复议", "纠错"}),
    ("How many market entities were registered?", {"市场主体", "登记"}),
    ("How many notarizations were handled?", {"公证"}),
    ("How many complaints were received?", {"投诉"}),
    ("What was the total of fines and confiscations?", {"罚没款"}),
    ("How many practicing lawyers?", {"执业律师"}),
    # other departments' fields, in the words the reports write
    ("How many 110 calls did the police receive, and what was the police response time?", {"警情", "到场时间"}),
    ("How many telecom fraud cases and public security cases?", {"电信网络诈骗", "治安案件"}),
    ("What was the good water quality ratio of the national assessment sections?", {"优良比例", "国考断面"}),
    ("How many environmental violations and pollutant discharge permits?", {"环境违法案件", "排污许可"}),
    ("How many illegal land use cases, and how much cultivated land?", {"违法用地", "耕地"}),
    ("How many real estate registration and land acquisition cases?", {"不动产登记", "征地"}),
    ("old residential community renovation and property management", {"老旧小区改造", "物业"}),
    ("labour dispute arbitration and labor inspection", {"劳动人事争议仲裁", "劳动保障监察"}),
    ("grid workers in villages and communities of towns and sub-districts", {"网格员", "村（社区）", "乡镇（街道）"}),
    ("prepaid cards, special equipment and trademark infringement", {"预付卡", "特种设备", "商标侵权"}),
    ("What share of the target was completed on-time, year on year?", {"占比", "目标", "按期", "同比"}),
    ("How many new law firms were added?", {"律师事务所", "新增"}),
    # the national template of the 政府信息公开工作年度报告
    ("How many requests did it carry over into the following year?", {"结转下年度"}),
    ("How many requests from natural persons were partially disclosed?", {"自然人", "部分公开"}),
    ("How many enforcement decisions were made public?", {"公示"}),
])
def test_glossary_has_the_reports_vocabulary(question, terms):
    assert terms <= {t for _, ts in expand(question) for t in ts}


def test_a_word_holding_a_shorter_key_is_read_whole():
    # keys match inside words: "trafficking" holds "traffic" (交通); drug trafficking is 贩毒, not 药品
    terms = {t for _, ts in expand("How many human trafficking and drug trafficking cases?") for t in ts}
    assert {"拐卖", "贩毒"} <= terms and "交通" not in terms and "药品" not in terms


# ---- answered from the sample reports (明湖区 2022/2023, 余杭区 2021) ---------------------------
@pytest.mark.parametrize("question, figure", [
    ("How many practicing lawyers did Minghu District have in 2023?", "638名"),
    ("How many legal opinions did Minghu issue for enterprises in 2022?", "174份"),
    ("How many law firms did ming-hu introduce in 2022?", "5家"),
    ("How many enterprises did MINGHU QU visit in 2022?", "1120家"),
    ("How many law firms were introduced in Yuhang District in 2021?", "9家"),
])
def test_english_questions_answered_with_the_reports_figure(sample_service, question, figure):
    a = sample_service.ask(question)
    assert a.found and a.text.startswith(figure), a.text


@pytest.mark.parametrize("question", [
    # "submarine cable inspections" are translated by no glossary line: the one word understood
    # (enterprises / law firms) is no ground for a figure
    "How many submarine cable inspections did Minghu District carry out for enterprises in 2022?",
    "How many drone patrol flights over law firms did Minghu District make in 2023?",
])
def test_an_english_question_whose_subject_is_not_understood_gets_no_figure(sample_service, question):
    a = sample_service.ask(question)
    assert not a.found, a.text



@pytest.mark.parametrize("question, text", [
    ("What about Qinglan?", "How many legal aid cases did 青岚 handle in 2024?"),
    ("What about Qinglan City in 2025?", "How many legal aid cases did 青岚市 handle in 2025?"),
    ("And in 2023?", "How many legal aid cases did 鹤塘县 handle in 2023?"),
])
def test_english_follow_ups_replace_the_place_written_in_pinyin(question, text):
    from bot.conversation import conversation

    history = [["How many legal aid cases did Hetang County handle in 2024?", "683件"]]
    f = conversation(history, question, KNOWN, TODAY)[-1]
    assert f.text == text and f.typed == question


# ---- other departments' fields (市场监管, 卫生健康, 基层治理, 住建, 教育, 人社) -----------------------
LANXI = """岚溪县2024年法治政府建设年度报告

一、主要举措和成效
（一）市场监管领域
全县新登记经营主体5120户。全年受理消费投诉1386件，为消费者挽回经济损失215.6万元；完成食品安全监督抽检2150批次。
（二）卫生健康领域
家庭医生签约率达到78.5%。开展打击非法行医专项行动，查处非法行医案件17件；检查学校食堂128家。
（三）基层治理
全县划分基础网格420个，配备专职网格员312名，村（社区）法律顾问实现全覆盖。
（四）住房和城乡建设领域
开展城镇燃气安全专项整治，入户排查燃气用户3.6万户，整改燃气安全隐患2140处；完成老旧小区改造24个。
（五）教育领域
规范校外培训机构办学行为，全年检查校外培训机构86家，责令整改9家；全县中小学配备法治副校长143名。
（六）劳动保障领域
劳动人事争议仲裁机构全年受理案件642件，结案率96.3%；开展根治欠薪专项行动，追回农民工工资1532.6万元。
"""


@pytest.fixture(scope="module")
def lanxi_service(tmp_path_factory):
    from tests.conftest import build_store

    folder = tmp_path_factory.mktemp("lanxi")
    (folder / "岚溪县_2024.txt").write_text(LANXI, encoding="utf-8")
    return build_store(folder / "store", [folder / "岚溪县_2024.txt"], embedding_model="hash")[1]


@pytest.mark.parametrize("question, figure", [
    ("How many consumer complaints did Lanxi County accept in 2024?", "1386件"),
    ("What was the family doctor contract signing rate in Lanxi County in 2024?", "78.5%"),
    ("How many grid workers did Lanxi County have in 2024?", "312名"),
    ("How many gas safety hazards were rectified in Lanxi County in 2024?", "2140处"),
    ("How many off-campus tutoring institutions did Lanxi County inspect in 2024?", "86家"),
    ("How many cases of illegal medical practice did Lanxi County investigate in 2024?", "17件"),
    ("How many vice principals for rule of law did Lanxi County's schools have in 2024?", "143名"),
    ("How much in migrant workers' wages did Lanxi County recover in 2024?", "1532.6万元"),
])
def test_english_questions_of_other_departments_fields(lanxi_service, question, figure):
    # the glossary's field names, with every figure shown: the confidence gate (tests/test_gate.py)
    # holds back "143名", whose question keeps words of the translation the sentence lacks (学校)
    lanxi_service.gate = None
    a = lanxi_service.ask(question)
    assert a.found and a.text.startswith(figure), a.text


@pytest.mark.parametrize("verb", ["carry out", "conduct"])
def test_an_english_question_on_a_field_whose_key_word_has_no_line_is_refused(lanxi_service, verb):
    # "beehive" is translated by no glossary line, and a general dictionary renders it only in words
    # no report uses (蜂箱): schools and inspections alone (检查学校食堂128家) are no ground for a
    # figure, whatever verb of doing the question uses
    a = lanxi_service.ask(f"How many beehive inspections did Lanxi County {verb} at schools in 2024?")
    assert not a.found, a.text


def test_carry_out_is_a_verb_of_doing_not_a_word_the_reports_lack(lanxi_service):
    # like "conduct": the noun it governs says what was counted; "carry" is no unseen key word
    q = lanxi_service.analyze("How many enterprise inspections did 岚溪县 carry out in 2024?",
                              lanxi_service.documents())
    assert not any(t.text in ("carry", "out") for t in lanxi_service.answerer.terms(q))


@pytest.mark.parametrize("text, form", [
    ("court-appearance rate", "court appearance rate"),
    ("practising lawyers", "practicing lawyers"),
    ("penalised", "penalized"),
    ("driving licences", "driving licenses"),
    ("labour disputes", "labor disputes"),
    ("public legal service centres", "public legal service centers"),
    ("行政复议", "行政复议"),
])
def test_one_spelling_of_english(text, form):
    from bot.english import english_form

    assert english_form(text) == form


def test_a_british_spelling_or_a_hyphen_finds_the_glossary_row():
    american = {t for _, ts in expand("How many practicing lawyers?") for t in ts}
    assert american and american == {t for _, ts in expand("How many practising lawyers?") for t in ts}
    assert {t for _, ts in expand("court-appearance rate") for t in ts} == \
        {t for _, ts in expand("court appearance rate") for t in ts}



def test_an_english_key_meets_its_plural_and_singular():
    # "dispute arbitration": the key says "disputes"; "cases" meets "arbitration case(s)"
    found = dict(expand("How many labor and personnel dispute arbitration cases did they accept?"))
    assert found.get("labor and personnel dispute") == ("劳动人事争议",)
    assert "劳动人事争议" in dict(expand("How many labour and personnel disputes were there?")).get(
        "labor and personnel dispute", ())
    # what is not a plural stays: "process", "status", "basis"
    assert singular("process status basis authorities businesses") == "process status basis authority business"
    assert singular("how many does the series of cases") == "how many does the series of case"  # no "doe"


def test_an_english_key_is_a_whole_word():
    found = {key for key, _ in expand("Were companies allowed to operate after the fines were defined?")}
    assert "rate" not in found and "fine" in found  # of "fines" (keys are singular), not "define" or "operate"
    assert not {key for key, _ in expand("Were the rules defined before they could operate?")} & {"fine", "rate"}
    assert "demolish" in {key for key, _ in expand("How many illegal buildings were demolished?")}


@pytest.mark.parametrize("question, plan", [
    ("What is Hetang County's 2026 target for the share of services handled fully online?", True),
    ("How many villages does Meigang Town aim to make model villages next year?", True),
    ("What was Hetang County's online handling rate in 2025?", False),
    ("How many plans were reviewed in Hetang County in 2025?", False),  # a plan counted, none asked
])
def test_an_english_question_asks_a_target_as_a_chinese_one_does(question, plan):
    # a target of year N+1 is stated in year N's report (力争…): the frame marks the plan as 目标 would
    assert parse(question, KNOWN, TODAY).plan is plan


def test_an_english_target_of_next_year_is_answered_from_this_years_plan(tmp_path):
    from tests.conftest import first_line, reports_service

    report = ("鹤塘县人民政府2025年法治政府建设年度报告\n一、主要成效\n"
              "全县政务服务事项全程网办率达到98.6%，较上年提高1.5个百分点。\n"
              "二、2026年工作安排\n力争政务服务事项全程网办率达到99%以上。\n")
    service = reports_service(tmp_path, {"鹤塘县_2025.md": report})
    answer = service.ask("What is Hetang County's 2026 target for the rate of government services "
                         "handled fully online?")
    assert "99%" in first_line(answer), answer.text
