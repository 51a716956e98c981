"""Official concepts recognised from a citizen's description (bot/concepts.py, bot/concepts.txt),
and a refused colloquial question answered through them."""

from __future__ import annotations

import pytest

from bot.concepts import _read, concepts, recognise
from tests.conftest import build_store


@pytest.mark.parametrize(("text", "term"), [
    ("帮农民工要工钱的案子办了多少件", "讨薪"),
    ("社区里那些判了缓刑不用坐牢、在外面接受监管的人有多少", "社区矫正"),
    ("签合同前请律师把把关的有多少份", "合同合法性审查"),
    ("对罚款不服找上一级政府重新审查的有多少件", "行政复议"),
    ("给打不起官司的人免费派律师的案子有多少", "法律援助"),
    # departments' own fields (教育, 卫生健康, 自然资源, 住建, 市场监管)
    ("帮孩子报的课外补习班有多少家", "校外培训机构"),
    ("没有行医资格偷偷给人看病的查了多少起", "非法行医"),
    ("买了新房一拿钥匙就能领到房本的有多少户", "交房即交证"),
    ("开发商收的购房款放进专门账户监管了多少钱", "商品房预售资金监管"),
    ("饭店后厨装了摄像头让顾客看得到的有多少家", "明厨亮灶"),
])
def test_a_description_names_its_concept(text, term):
    found = recognise(text)
    assert found and found[0][1][0] == term, found
    span = found[0][0]
    assert span in text and len(span) >= 4  # the words that described it, to be searched as it


@pytest.mark.parametrize("text", [
    "行政复议申请有多少件",  # the official term itself: nothing to recognise
    "律师事务所有多少家",
    "法律援助案件办了多少件",
    "区长叫什么名字",  # no concept at all
])
def test_official_wording_or_no_description_recognises_nothing(text):
    assert recognise(text) == []


def test_the_concept_table_parses_and_keeps_concepts_apart():
    rows = concepts()
    assert len(rows) >= 150
    terms = [t for c in rows for t in c.terms]
    assert len(terms) == len(set(terms))  # no official term twice
    assert all(len(c.text.split("；")) >= 4 for c in rows)


def test_no_description_holds_another_concepts_official_term():
    # "老房子加装电梯" under 老旧小区改造 would make 加装电梯 a description of it: a description
    # naming another concept's term blurs the two
    rows = concepts()
    clashes = [(c.terms[0], d, t) for c in rows for d in c.text.split("；")
               for o in rows if o is not c for t in o.terms if t in d]
    assert clashes == []


def test_reading_a_table(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text("# 注释\n法律援助|法援 = 免费请律师；穷人打官司\n没有等号的行\n", encoding="utf-8")
    (row,) = _read(path)
    assert row.terms == ("法律援助", "法援") and row.text == "免费请律师；穷人打官司"


def _service(tmp_path):
    report = tmp_path / "澧水县_2025.txt"
    report.write_text("澧水县2025年法治政府建设年度报告\n\n一、提升公共法律服务水平\n\n"
                      "全年办理法律援助案件1480件，为受援人挽回经济损失2100万元。"
                      "全县律师事务所由九家增加至十一家，执业律师186名。\n\n二、规范行政执法\n\n"
                      "全县行政执法机关办理行政处罚案件3265件，罚没款4120万元。"
                      "开展涉企行政检查1260次，同比下降18.5%。\n\n三、化解矛盾纠纷\n\n"
                      "各级人民调解组织调处矛盾纠纷5931件，调解成功率98.6%。"
                      "全年受理来信来访事项265件，按期办结率100%。\n", encoding="utf-8")
    return build_store(tmp_path / "store", [report], embedding_model="hash")[1]


def test_a_refused_colloquial_question_is_answered_by_the_concept_it_describes(tmp_path):
    service = _service(tmp_path)
    answer = service.ask("澧水县2025年给打不起官司的穷人免费派律师的案子有多少件？")
    assert answer.found and answer.text.startswith("1480件"), answer.text
    # what the report does not hold is still refused
    answer = service.ask("澧水县2025年对政府决定不服找上级重新审查的申请有多少件？")
    assert not answer.found, answer.text


def test_only_words_the_reports_never_use_describe_a_concept(tmp_path):
    # a question in words the reports use (here: 困难群众, 免费, 请律师, 打官司 are all in the
    # report) that found nothing is rightly refused, although it reads like a description;
    # "打不起官司的穷人" is one
    report = tmp_path / "extra" / "澧水县_2025.txt"
    report.parent.mkdir()
    report.write_text("澧水县2025年法治政府建设年度报告\n\n一、公共法律服务\n\n"
                      "为困难群众免费请律师打官司，全年受理申请1480件。执业律师186名。\n", encoding="utf-8")
    service = build_store(tmp_path / "store", [report], embedding_model="hash")[1]
    docs = service.documents()
    own_words = service.analyze("澧水县2025年困难群众免费请律师打官司多少件？", docs)
    assert recognise(own_words.without_places(own_words.normalized, years=True))
    assert service._by_meaning(own_words)[0] is None
    described = service.analyze("澧水县2025年给没钱的穷人派律师的案子有多少件？", docs)
    assert recognise(described.without_places(described.normalized, years=True))
    assert service._by_meaning(described)[0] is not None


def test_words_around_a_description_weigh_little_once_the_concept_is_known(tmp_path):
    # "…自己定的规矩，2025年重新改了几部": 重新 (rare in the reports) must not outweigh the
    # concept, which is what a sentence has to name
    from bot.concepts import AROUND
    from bot.extractive import Term
    from bot.service import _describing

    service = _service(tmp_path)
    q = service.analyze("澧水县2025年给打不起官司的穷人免费派律师的案子有多少件？", service.documents())
    meant = service._by_meaning(q)[0]
    span = meant.synonyms[0][0]
    terms = [Term("法律援助", 2.7, group=span, expansion=True), Term("重新", 4.4), Term("案子", 0.6)]
    assert [t.weight for t in _describing(terms, meant)] == [2.7, AROUND, 0.6]


def test_a_described_concept_is_answered_from_a_sentence_that_names_it(tmp_path):
    # the words around the description ("办了多少个案子") match many sentences about other
    # services better than the one naming 法律援助; "多少个案子" counts cases (件), not 个
    report = tmp_path / "澧水县_2025.txt"
    report.write_text("澧水县2025年法治政府建设年度报告\n\n一、公共法律服务\n\n"
                      "全县公证机构办理公证事项4120件，其中涉外公证486件。"
                      "全县律师事务所由11家增加至13家，律师全年办理各类诉讼和非诉讼法律事务6380件。"
                      "全县2家司法鉴定机构全年办理鉴定业务1640件，其中法医临床鉴定1312件。"
                      "依托小程序推行公证、人民调解等事项掌上办理，全年线上受理各类法律服务事项3420件。"
                      "全年受理法律援助案件1386件，较上年增长11.2%，其中刑事案件612件。\n\n"
                      "二、规范行政执法\n\n全县行政执法机关办理行政处罚案件3265件，罚没款4120万元。"
                      "开展涉企行政检查1260次，同比下降18.5%。\n\n三、化解矛盾纠纷\n\n"
                      "各级人民调解组织调处矛盾纠纷5931件，调解成功率98.6%。"
                      "全年受理来信来访事项265件，按期办结率100%。\n\n四、依法决策\n\n"
                      "审查县政府合同182份，提出法律意见316条。备案审查规范性文件24件。\n",
                      encoding="utf-8")
    service = build_store(tmp_path / "store", [report], embedding_model="hash")[1]
    answer = service.ask("澧水县2025年给打不起官司的穷人免费派律师，一共办了多少个案子？")
    assert answer.found and answer.text.startswith("1386件"), answer.text


def test_pairs_inside_one_short_word_describe_nothing():
    # "外面的" shares 外面 and 面的 with descriptions of 校外培训机构: one word, no description
    assert recognise("找了几个外面的律师帮忙看看") == []


def test_the_ask_of_a_share_describes_nothing():
    # "自己处理掉的占多大比例" shares 自己 and 的占 with "政府自己认错的比例 / …的占几成" (纠错率):
    # 占 asks a share as 比例 does, so one word (自己) is left — no description of 纠错率
    assert recognise("车子小刮小蹭用手机自己处理掉的占多大比例") == []


_DESCRIBED_AROUND_ITS_NAME = """# 泷溪县2025年法治政府建设年度报告

## 一、主要成效

（一）推进严格规范公正文明执法。全年作出行政处罚决定1268件，罚没金额860万元，行政执法案卷评查合格率98.5%。

（二）发挥行政复议主渠道作用。全年收到行政复议申请87件，受理79件，审结75件，直接纠错率9.3%。

（三）规范行政应诉。全县一审行政诉讼案件41件，败诉2件，败诉率4.9%，行政机关负责人出庭应诉率100%。

（四）加强合法性审查。全年审核县政府行政规范性文件9件、县政府合同146份，提出审核意见210余条。
"""


def test_a_concept_named_and_described_around_its_name(tmp_path):
    """"对政府决定不服、找上级机关讨说法的复议申请": 复议 is named, and the words around it that its
    descriptions use (决定, 机关, 上级, 讨说法) only say what it is; a word they do not use (市场监管) is
    still asked, and a sentence without it does not answer."""
    from bot.concepts import recognise_scored
    from tests.conftest import reports_service

    text = "去年老百姓对政府决定不服、找上级机关讨说法的复议申请，一共交上来多少件？"
    assert recognise(text) == []  # (named: not recognised as described only)
    assert recognise_scored(text, named_too=True)[0][1][0] == "行政复议"
    service = reports_service(tmp_path, {"泷溪县_2025.md": _DESCRIBED_AROUND_ITS_NAME})
    answer = service.ask(f"泷溪县{text}", [])
    assert answer.text.startswith("87件"), answer.text
    assert not service.ask("泷溪县去年对市场监管部门的处理不服、找上级复议的有多少件？", []).found


def test_one_word_shared_with_a_description_describes_nothing(tmp_path):
    """"纠纷调解成功率" shares 纠纷 with 调解成功率's descriptions, "行政复议综合纠错率" 纠错 with 行政复议's:
    one word is no description, and the word stays asked."""
    from bot.service import Scope
    from tests.conftest import reports_service

    service = reports_service(tmp_path, {"泷溪县_2025.md": _DESCRIBED_AROUND_ITS_NAME})
    for text in ("泷溪县2025年行政复议综合纠错率是多少？", "泷溪县2025年知识产权纠纷调解成功率是多少？"):
        q = service.analyze(text, service.documents())
        assert service._named_and_described(q, Scope(None), service.answerer.terms(q)) is None, text
