"""What a question's terms leave out: the report's issuer and today-relative years say whose
report and which year, not what is asked."""

import datetime as dt

from bot.query import analyze, issuer_mentions
from vectorstore.records import DocumentRecord

TODAY = dt.date(2026, 11, 26)


def _doc(issuer: str, region: str, year: int) -> DocumentRecord:
    return DocumentRecord(doc_id=issuer, source=f"{issuer}_{year}.txt", title=f"{issuer}{year}年报告",
                          year=year, region=region, issuer=issuer, sha256="0", chunks=1,
                          ingested_at="2026-11-30")


def test_the_body_of_an_issuer_is_a_scope_word():
    docs = [_doc("岭北省自然资源厅", "岭北省", 2025), _doc("青石县人民政府", "青石县", 2025)]
    assert issuer_mentions("岭北省自然资源厅去年办理行政复议案件多少件", docs) == ["自然资源厅"]
    assert issuer_mentions("青石县人民政府常务会议开了几次", docs) == []  # the government itself
    q = analyze("岭北省自然资源厅去年办理行政复议案件多少件？", docs, TODAY)
    left = q.without_places(q.normalized, years=True)
    assert "自然资源" not in left and "去年" not in left and "行政复议" in left


def test_a_comparison_word_of_reports_stays():
    docs = [_doc("青石县人民政府", "青石县", 2025)]
    q = analyze("青石县2025年行政复议案件比上年增加了多少件？", docs, TODAY)
    assert "上年" in q.without_places(q.normalized, years=True)


def test_a_word_table_row_that_only_names_the_kind_of_figure_is_no_term():
    from bot.extractive import question_terms
    from vectorstore.tokenizer import shared_tokenizer

    docs = [_doc("青石县人民政府", "青石县", 2025)]
    tok = shared_tokenizer()
    q = analyze("青石县去年免费律师帮老百姓要回来多少钱？", docs, TODAY)
    assert any(p == "多少钱" for p, _ in q.synonyms)  # the table has the row …
    groups = {t.group for t in question_terms(q, tok, lambda w: 2.0, tok.words)}
    assert "多少钱" not in groups  # … but money is what the units ask, not what the figure is about
    assert "免费律师" in groups  # a row with content stays (→ 法律援助)


def test_words_that_ask_for_a_share_are_no_terms():
    from bot.extractive import question_terms
    from vectorstore.tokenizer import shared_tokenizer

    docs = [_doc("青石县人民政府", "青石县", 2025)]
    tok = shared_tokenizer()
    q = analyze("青石县2025年网上信访所占的比例是多少？", docs, TODAY)
    texts = {t.text for t in question_terms(q, tok, lambda w: 2.0, tok.words)}
    assert "比例" not in texts and "信访" in texts  # the unit (%) asks for a share


def test_a_general_member_of_a_word_table_row_covers_only_what_it_says():
    # 邻居 → 邻里, 矛盾纠纷: a sentence about all 矛盾纠纷 is not as good as one about 邻里纠纷
    from bot.extractive import Term, coverage

    terms = [Term("邻里", 3.0, group="邻居", expansion=True), Term("矛盾纠纷", 1.5, group="邻居", expansion=True),
             Term("调解", 1.0)]
    specific = coverage("其中邻里纠纷412起，调解成功", terms)
    general = coverage("全年排查调解矛盾纠纷1046起", terms)
    assert specific > general
    assert general < 0.9  # the general member no longer stands for the whole phrase


def test_a_compound_the_index_never_saw_stands_for_its_weightiest_known_part():
    # "追回来": the reports say 追回 (追回医保基金5638万元), never the complement 回来
    from bot.extractive import coverage, question_terms
    from vectorstore.tokenizer import shared_tokenizer

    docs = [_doc("芊州市医疗保障局", "芊州市", 2023)]
    tok = shared_tokenizer()
    known = {"追回": 3.7, "回来": 1.2, "医保": 2.5}
    q = analyze("芊州市2023年从骗医保的人手里把钱追回来多少？", docs, TODAY)
    terms = question_terms(q, tok, known.get, tok.words)
    back = next(t for t in terms if t.text == "追回来")
    assert back.weight == 3.7 and back.parts == ("追回",)
    sentence = "追回医保基金5638万元"
    assert coverage(sentence, [back]) > 0.5  # nearly the word itself, not half of its parts


def test_speech_measures_of_occurrences_ask_times():
    q = analyze("芩州的市长去年亲自上法庭应诉了几回？", [_doc("芩州市人民政府", "芩州市", 2025)], TODAY)
    assert "次" in q.units and "%" not in q.units
    q = analyze("办个证要跑几趟？", [_doc("芩州市人民政府", "芩州市", 2025)], TODAY)
    assert q.units[0] == "次"


def test_a_part_with_no_words_has_no_predicate():
    # "…和…的罚没款各是多少": an ask part left empty once its places are taken out
    from bot.extractive import predicate_words

    assert predicate_words("", lambda text: []) == ()
    assert predicate_words("受理了多少件", lambda text: ["受理", "了", "多少", "件"]) == ("受理",)


def test_a_verb_and_object_split_by_the_ask_are_the_reports_one_word():
    from bot.extractive import question_terms
    from vectorstore.tokenizer import shared_tokenizer

    docs = [_doc("青石县人民政府", "青石县", 2025)]
    tok = shared_tokenizer()
    corpus = {"学法": 2.6, "罚款": 3.0, "会议": 1.5}  # the words the reports use
    for question, word in [("青石县政府常务会议去年学了几回法？", "学法"), ("青石县去年一共罚了几次款？", "罚款")]:
        terms = question_terms(analyze(question, docs, TODAY), tok, corpus.get, tok.words)
        assert word in {t.text for t in terms}, question
    # … only when the reports write them as one word; 有 … 人 is no verb and object
    terms = question_terms(analyze("青石县有多少人参加了考试？", docs, TODAY), tok, corpus.get, tok.words)
    assert not any(t.text == "有人" for t in terms)
    terms = question_terms(analyze("青石县去年开了几次会？", docs, TODAY), tok, corpus.get, tok.words)
    assert "开会" not in {t.text for t in terms}  # not a word of these reports
    # with no measure word between, the character after 多少 is the measure ("接了多少通": calls)
    corpus["接通"] = 4.4
    terms = question_terms(analyze("青石县税务热线去年接了多少通？", docs, TODAY), tok, corpus.get, tok.words)
    assert "接通" not in {t.text for t in terms}


def test_the_money_word_and_the_field_word_are_no_terms():
    from bot.extractive import question_terms
    from vectorstore.tokenizer import shared_tokenizer

    docs = [_doc("青石县人民政府", "青石县", 2025)]
    tok = shared_tokenizer()
    texts = {t.text for t in question_terms(analyze("青石县2025年生态环境领域的罚款金额是多少？", docs, TODAY),
                                            tok, lambda w: 2.0, tok.words)}
    assert "金额" not in texts and "领域" not in texts and "生态环境" in texts
    texts = {t.text for t in question_terms(analyze("青石县2025年各乡镇的听证合计是多少次？", docs, TODAY),
                                            tok, lambda w: 2.0, tok.words)}
    assert "各乡镇" not in texts and "听证" in texts  # 各乡镇 scopes the 合计 row, names no figure
    # a count asked: 金额 of "涉及金额" is no money asked… but the units say money only when asked
    texts = {t.text for t in question_terms(analyze("青石县2025年涉案金额超过百万的案件有多少件？", docs, TODAY),
                                            tok, lambda w: 2.0, tok.words)}
    assert "金额" in texts


def test_a_report_verb_jieba_tags_otherwise_is_a_verb():
    from facts.sentence import is_report_verb, is_verb

    assert is_report_verb("办理") and is_report_verb("清理") and is_report_verb("查处")
    assert not is_report_verb("案件") and not is_report_verb("违法")
    assert not is_verb("办理")  # (why the reports' own list is asked too)


def test_a_table_label_naming_the_rate_by_its_last_characters():
    from bot.extractive import _table_names_the_rate
    from facts import chunk_facts

    docs = [_doc("青石县人民政府", "青石县", 2025)]
    q = analyze("荻宁市2025年的行政诉讼败诉率是多少？", docs, TODAY)
    fact = next(f for f in chunk_facts("荻宁市｜行政执法案件（件）：3417｜败诉率（%）：6.2", "", 2025) if f.unit == "%")
    assert _table_names_the_rate(q, fact, [])
    other = analyze("荻宁市2025年的行政复议纠错率是多少？", docs, TODAY)
    assert not _table_names_the_rate(other, fact, [])


def test_prepositions_and_date_scaffolding_are_no_words_to_find():
    # "across the city", "after the adjustment", "at the end of 2025": no Chinese sentence says them,
    # so as unseen English words they sank every sentence's coverage
    from bot.extractive import question_terms
    from vectorstore.tokenizer import shared_tokenizer

    tok = shared_tokenizer()
    docs = [_doc("鹤塘县人民政府", "鹤塘县", 2025)]
    question = analyze("How many legal aid cases did Hetang County handle across the county after the "
                       "adjustment, and how many at the end of 2025? What does it say?", docs, TODAY)
    texts = {t.text for t in question_terms(question, tok, lambda w: 2.0, tok.words)}
    assert not texts & {"across", "after", "end", "doe", "does"}, texts


def test_a_hotline_work_order_is_one_word():
    # "12345工单一共…": 工|单一|共 without the user dictionary's 工单
    from vectorstore.tokenizer import shared_tokenizer

    words = shared_tokenizer().words("12345工单一共多少件")
    assert "工单" in words and "单一" not in words


def test_traffic_enforcement_words_are_words():
    # "酒驾醉驾中醉驾": 酒|驾醉驾|中醉|驾 without the user dictionary's 酒驾 and 醉驾
    from vectorstore.tokenizer import shared_tokenizer

    assert shared_tokenizer().cut("查处的酒驾醉驾中醉驾有多少起")[2:6] == ["酒驾", "醉驾", "中", "醉驾"]


def _texts(question: str) -> set[str]:
    from bot.extractive import question_terms
    from vectorstore.tokenizer import shared_tokenizer

    docs = [_doc("青石县人民政府", "青石县", 2025)]
    tok = shared_tokenizer()
    return {t.text for t in question_terms(analyze(question, docs, TODAY), tok, lambda w: 2.0, tok.words)}


def test_determiners_and_which_ones_are_no_terms():
    # "占全部调解纠纷的比例": all of what the noun says; "哪几个": the ask
    assert not {"全部", "所有"} & _texts("青石县2025年邻里纠纷占全部调解纠纷的比例是多少？")
    assert "哪几个" not in _texts("青石县下辖哪几个街道和镇？")


def test_per_ten_thousand_said_colloquially_is_the_reports_per_capita():
    terms = _texts("青石县2025年平均每一万个老百姓能摊上几个律师？")
    assert "每万人" in terms and "老百姓" not in terms


def test_a_direction_said_before_the_level_asked_is_no_term():
    # "同比下降了，降到了多少": the premise's direction; the level asked is what is counted
    terms = _texts("青石县2025年卫生监督检查户次同比下降了，降到了多少？")
    assert not {"同比", "下降"} & terms and "检查" in terms


def test_a_verb_said_twice_for_a_light_touch_is_the_verb_once():
    """"要求重新审一审的": the verb 审, not 一审 (a trial's first instance) beside it."""
    from bot.extractive import question_terms
    from bot.query import plain_verbs
    from vectorstore.tokenizer import shared_tokenizer

    assert plain_verbs("找上级机关要求重新审一审的") == "找上级机关要求重新审的"
    assert plain_verbs("让双方坐下来谈一谈、查一查") == "让双方坐下来谈、查"
    assert plain_verbs("逐一一一核对，比上年多了多少") == "逐一一一核对，比上年多了多少"
    assert plain_verbs("去年一年新开张的公司") == "去年一年新开张的公司"  # a year, and a whole one
    docs = [_doc("青石县人民政府", "青石县", 2025)]
    tok = shared_tokenizer()
    q = analyze("青石县去年不服政府的决定、找上级机关要求重新审一审的有多少件？", docs, TODAY)
    assert "一审" not in {t.text for t in question_terms(q, tok, lambda w: 2.0, tok.words)}


def test_an_english_word_the_glossary_lacks_stands_as_the_dictionarys_chinese_words():
    """"collect" is in no glossary line: CC-CEDICT glosses 收集 and 征集 with it (bot.dictionary_en),
    and those the reports use join its group; a word glossing too many stays alone."""
    from bot.dictionary_en import chinese_words
    from bot.extractive import question_terms
    from vectorstore.tokenizer import shared_tokenizer

    assert {"收集", "征集"} <= set(chinese_words("collected"))
    assert "拆除" in chinese_words("demolished")
    docs = [_doc("青石县人民政府", "青石县", 2025)]
    tok = shared_tokenizer()
    q = analyze("How many public comments did 青石县 collect in 2025?", docs, TODAY)
    known = {"收集": 3.0, "公众意见": 3.0, "公众": 2.0, "意见": 2.0}
    terms = {t.text: t for t in question_terms(q, tok, known.get, tok.words)}
    assert terms["收集"].group == "collect" and terms["收集"].expansion
    assert "征集" not in terms  # (a word the reports never use)
