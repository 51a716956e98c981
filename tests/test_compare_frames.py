"""The two sides of a comparison are frames: the question's frame with the slot that differs
(the year, the place, or both) replaced, each side's text rendered from its slots; the answer
states the change with its sign and unit from the two cited figures, names both years when two
places are compared in different years, and says which side is missing."""

import datetime as dt
from types import SimpleNamespace

import pytest

from bot.compare import _compose, side_frames
from bot.figures import Figure
from bot.frame import parse
from bot.query import analyze, region_aliases
from vectorstore.records import DocumentRecord

TODAY = dt.date(2026, 11, 26)
_PLACES = [("澄阳市", None), ("汶溪县", None), ("岭西省", "岭西省生态环境厅"), ("澄州市桐溪区", None),
           ("青禾市", None), ("临江省", None), ("鹭洲市明湖区", None), ("南陵市枫桥区", None), ("石湾市", None),
           ("云峰市", None), ("江川省白沙县", None), ("榆丘市", None), ("泓口县", None), ("梅岗镇", None),
           ("白沙市", None)]
DOCS = [DocumentRecord(doc_id=f"{region}{year}", source=f"{region}{year}.txt", title=f"{region}{year}年报告",
                       region=region, year=year, sha256="0", chunks=1, ingested_at="", issuer=issuer)
        for region, issuer in _PLACES for year in (2021, 2022, 2023, 2024, 2025)]
KNOWN = [a for region, _ in _PLACES for a in region_aliases(region)]


def _question(text: str):  # noqa: ANN202
    return analyze(text, DOCS, TODAY, frame=parse(text, KNOWN, TODAY))


# question → [(label, side text, answer kind, units)] for the two sides
CASES = [
    # one place, two years: the year replaced
    ("明湖区2023年人民调解调处的纠纷比2022年多了多少件？",
     [("2023年", "明湖区2023年人民调解调处的纠纷多少件？", "numeric", ("件", "宗", "起", "例")),
      ("2022年", "明湖区2022年人民调解调处的纠纷多少件？", "numeric", ("件", "宗", "起", "例"))]),
    ("澄阳市执业律师2025年比2024年增加了多少名？",
     [("2025年", "澄阳市2025年执业律师多少名？", "numeric", ("名", "人", "位")),
      ("2024年", "澄阳市2024年执业律师多少名？", "numeric", ("名", "人", "位"))]),
    ("枫桥区2022年行政执法人员持证率比2021年提高了多少个百分点？",
     [("2022年", "枫桥区2022年行政执法人员持证率多少？", "numeric", ("%",)),
      ("2021年", "枫桥区2021年行政执法人员持证率多少？", "numeric", ("%",))]),
    # a growth rate compares the indicator's own figures, whatever their unit
    ("青禾市法律援助案件2023年比2022年增长了百分之多少？",
     [("2023年", "青禾市2023年法律援助案件多少？", "numeric", ()),
      ("2022年", "青禾市2022年法律援助案件多少？", "numeric", ())]),
    # a why-question about a change still asks each year's figure
    ("云峰市2024年信访量为什么比2023年涨了这么多？",
     [("2024年", "云峰市2024年信访量涨是多少？", "numeric", ()),
      ("2023年", "云峰市2023年信访量涨是多少？", "numeric", ())]),
    # what only compares ("高了还是低了", "哪个高", "，差多少", "年底", "两年一共", "多引进了") is no part of a side
    ("榆丘市行政复议直接纠错率2025年比2024年高了还是低了？",
     [("2025年", "榆丘市2025年行政复议直接纠错率是多少？", "numeric", ("%",)),
      ("2024年", "榆丘市2024年行政复议直接纠错率是多少？", "numeric", ("%",))]),
    ("青禾市行政复议纠错率2023年跟2022年比是升了还是降了，差多少？",
     [("2023年", "青禾市2023年行政复议纠错率是多少？", "numeric", ("%",)),
      ("2022年", "青禾市2022年行政复议纠错率是多少？", "numeric", ("%",))]),
    ("青禾市执业律师2023年底比2022年底多了多少名？",
     [("2023年", "青禾市2023年执业律师多少名？", "numeric", ("名", "人", "位")),
      ("2022年", "青禾市2022年执业律师多少名？", "numeric", ("名", "人", "位"))]),
    ("白沙市2021年和2022年两年法律援助一共为受援人挽回了多少经济损失？",
     [("2021年", "白沙市2021年法律援助一共为受援人挽回了多少经济损失？", "numeric", ("元", "万元", "亿元")),
      ("2022年", "白沙市2022年法律援助一共为受援人挽回了多少经济损失？", "numeric", ("元", "万元", "亿元"))]),
    ("明湖区2023年比2022年多引进了几家律师事务所？",
     [("2023年", "明湖区2023年引进了几家律师事务所？", "numeric", ("家", "家次", "户")),
      ("2022年", "明湖区2022年引进了几家律师事务所？", "numeric", ("家", "家次", "户"))]),
    ("泓口县和梅岗镇的人民调解成功率哪个高？",
     [("泓口县", "泓口县人民调解成功率是多少？", "numeric", ("%",)),
      ("梅岗镇", "梅岗镇人民调解成功率是多少？", "numeric", ("%",))]),
    ("2024年政务服务全程网办率，云峰市和白沙县差了多少？",
     [("云峰市", "云峰市2024年政务服务全程网办率是多少？", "numeric", ("%",)),
      ("白沙县", "白沙县2024年政务服务全程网办率是多少？", "numeric", ("%",))]),
    # two places in one year: the place replaced, in the order the question names them
    ("2022年石湾市办理的法律援助案件比枫桥区多多少件？",
     [("石湾市", "石湾市2022年办理的法律援助案件多少件？", "numeric", ("件", "宗", "起", "例")),
      ("枫桥区", "枫桥区2022年办理的法律援助案件多少件？", "numeric", ("件", "宗", "起", "例"))]),
    ("2025年澄阳市和汶溪县的一审行政诉讼败诉率相差多少？",
     [("澄阳市", "澄阳市2025年一审行政诉讼败诉率多少？", "numeric", ("%",)),
      ("汶溪县", "汶溪县2025年一审行政诉讼败诉率多少？", "numeric", ("%",))]),
    ("2023年青禾市行政机关负责人出庭应诉率比全省平均高多少？",
     [("青禾市", "青禾市2023年行政机关负责人出庭应诉率多少？", "numeric", ("%",)),
      ("全省", "全省2023年行政机关负责人出庭应诉率多少？", "numeric", ("%",))]),
    # the other side named with its whole-of-place word ("和青禾市全市比"): no part of a side
    ("2023年白沙县行政诉讼败诉率和青禾市全市比，谁高谁低？",
     [("白沙县", "白沙县2023年行政诉讼败诉率是多少？", "numeric", ("%",)),
      ("青禾市", "青禾市2023年行政诉讼败诉率是多少？", "numeric", ("%",))]),
    # two places, each in its own year: both slots replaced, both named in the label
    ("岭西省生态环境厅2025年的行政复议纠错率比桐溪区2024年的高多少个百分点？",
     [("岭西省2025年", "岭西省2025年行政复议纠错率多少？", "numeric", ("%",)),
      ("桐溪区2024年", "桐溪区2024年行政复议纠错率多少？", "numeric", ("%",))]),
    ("澄阳市2025年办理的法律援助案件比汶溪县2024年多了多少件？",
     [("澄阳市2025年", "澄阳市2025年办理的法律援助案件多少件？", "numeric", ("件", "宗", "起", "例")),
      ("汶溪县2024年", "汶溪县2024年办理的法律援助案件多少件？", "numeric", ("件", "宗", "起", "例"))]),
]


@pytest.mark.parametrize(("question", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_side_is_the_questions_frame_with_one_slot_replaced(question, expected):
    q = _question(question)
    assert q.is_comparison
    sides = side_frames(q)
    assert sides is not None
    got = []
    for label, frame, alt in sides:
        sub = analyze(frame.text, DOCS, TODAY, frame=frame)
        got.append((label, frame.text, sub.kind, sub.units))
        assert not frame.comparison and not sub.is_comparison
        # text and slots agree: the side's text (and its fallback in the comparison's own words),
        # parsed like any question, has the side's slots
        for f in (frame, alt) if alt is not None else (frame,):
            framed, again = analyze(f.text, DOCS, TODAY, frame=f), analyze(f.text, DOCS, TODAY)
            assert (again.years, again.regions, again.kind) == (framed.years, framed.regions, framed.kind), f.text
            assert (framed.years, framed.regions) == (sub.years, sub.regions)
    assert got == expected


def test_each_of_two_places_asked_is_a_comparison():
    # "菔州市和蔸湖区…各是多少件": both figures, like "23年和24年分别有多少"
    q = _question("2024年云峰市和白沙县收到的行政复议申请各是多少件？")
    assert [label for label, *_ in side_frames(q)] == ["云峰市", "白沙县"]


def test_a_question_about_one_place_and_one_year_has_no_sides():
    assert side_frames(_question("澄阳市2025年办理了多少件法律援助案件？")) is None


def _side(label: str, text: str, unit: str):  # noqa: ANN202
    chunk = SimpleNamespace(doc_id="d", source="x.txt", title="x", year=2024, region="x", section_path="一、",
                            page=None, text=text, chunk_index=0)
    ev = SimpleNamespace(chunk=chunk, hit=SimpleNamespace(chunk=chunk), sentence=f"{label}为{text}。")
    return (label, ev, Figure(text, unit, 0, len(text)))


# (question, years, over_time, first side, second side, the answer's first line)
COMPOSE = [
    ("明湖区2023年比2022年多引进了几家律师事务所？", [2023, 2022], None,
     ("2023年", "8家", "家"), ("2022年", "5家", "家"), "2023年比2022年多3家，增长60%（2022年5家，2023年8家）。"),
    ("青川县2023年办理的公证比2022年增加了多少件？", [2023, 2022], None,
     ("2023年", "263件", "件"), ("2022年", "241件", "件"),
     "2023年比2022年增加22件，增长9.1%（2022年241件，2023年263件）。"),
    ("澄阳市2025年行政复议案件数和2024年相比变化了多少？", [2025, 2024], None,
     ("2025年", "538件", "件"), ("2024年", "612件", "件"),
     "2025年比2024年减少74件，下降12.1%（2024年612件，2025年538件）。"),
    ("2024年云峰市和白沙县的全程网办率差了多少？", [2024], None,
     ("云峰市", "95.1%", "%"), ("白沙县", "91.5%", "%"), "云峰市比白沙县高3.6个百分点（云峰市95.1%，白沙县91.5%）。"),
    # two places, each's figure asked (各是多少): both figures first, in the order asked
    ("2024年云峰市和白沙县收到的行政复议申请各是多少件？", [2024], None,
     ("云峰市", "1947件", "件"), ("白沙县", "503件", "件"), "云峰市1947件，白沙县503件（云峰市比白沙县多1444件）。"),
    # two places in different years: both years named, compared as places (no 同比 percent)
    ("岭西省2025年的行政复议纠错率比桐溪区2024年的高多少个百分点？", [2025, 2024], False,
     ("岭西省2025年", "13.6%", "%"), ("桐溪区2024年", "11.2%", "%"),
     "岭西省2025年比桐溪区2024年高2.4个百分点（岭西省2025年13.6%，桐溪区2024年11.2%）。"),
    ("澄阳市2025年办理的法律援助案件比汶溪县2024年多了多少件？", [2025, 2024], False,
     ("澄阳市2025年", "5694件", "件"), ("汶溪县2024年", "926件", "件"),
     "澄阳市2025年比汶溪县2024年多4768件（澄阳市2025年5694件，汶溪县2024年926件）。"),
    ("汶溪县2024年的法律援助案件比澄阳市2025年少多少件？", [2024, 2025], False,
     ("汶溪县2024年", "926件", "件"), ("澄阳市2025年", "5694件", "件"),
     "汶溪县2024年比澄阳市2025年少4768件（汶溪县2024年926件，澄阳市2025年5694件）。"),
    # "哪个…低", "哪年…多": the side asked for first
    ("云峰市和白沙县去年 哪个县政府打官司输的比例低", [2025], None,
     ("云峰市", "4.1%", "%"), ("白沙县", "3.8%", "%"),
     "白沙县更低：云峰市比白沙县高0.3个百分点（云峰市4.1%，白沙县3.8%）。"),
    ("明湖区22年跟23年比 哪年法律援助的案子多，多多少", [2022, 2023], None,
     ("2022年", "734件", "件"), ("2023年", "812件", "件"),
     "2023年更多：2023年比2022年多78件，增长10.6%（2022年734件，2023年812件）。"),
    # … not of changes: which fell more is the larger or the smaller figure, as the report writes it
    ("莼川市2025年的行政复议申请和行政诉讼案件，哪个同比降得更多？", [2025], None,
     ("行政复议申请", "-29.6%", "%"), ("行政诉讼案件", "-21.4%", "%"),
     "行政复议申请比行政诉讼案件低8.2个百分点（行政复议申请-29.6%，行政诉讼案件-21.4%）。"),
]


@pytest.mark.parametrize(("question", "years", "over_time", "first", "second", "lead"), COMPOSE,
                         ids=[c[0] for c in COMPOSE])
def test_the_change_is_stated_from_the_two_cited_figures(question, years, over_time, first, second, lead):
    q = SimpleNamespace(normalized=question, years=years, kind="numeric")
    answer = _compose(q, [_side(*first), _side(*second)], over_time)
    assert answer.found
    assert answer.text.split("\n")[0] == lead


@pytest.mark.parametrize(("first", "second", "text"), [
    (("2023年", "263件", "件"), ("2022年", None, "件"), "2022年的报告中没有找到这一数据，无法比较；2023年为263件。"),
    (("岭西省2025年", "13.6%", "%"), ("桐溪区2024年", None, "%"),
     "桐溪区2024年的报告中没有找到这一数据，无法比较；岭西省2025年为13.6%。"),
    (("澄阳市", None, "件"), ("汶溪县", "926件", "件"), "澄阳市的报告中没有找到这一数据，无法比较；汶溪县为926件。"),
])
def test_a_missing_side_is_named_with_its_year(first, second, text):
    q = SimpleNamespace(normalized="比较", years=[2025, 2024], kind="numeric")
    sides = []
    for label, figure, unit in (first, second):
        side = _side(label, figure or "", unit)
        sides.append(side if figure else (label, None, None))
    answer = _compose(q, sides, False)
    assert not answer.found
    assert answer.text.split("\n")[0] == text


# end to end over the sample reports (明湖区 2022 and 2023, 余杭区 2021): question → first line(s)
END_TO_END = [
    ("明湖区2023年法律援助案件比2022年增加了多少件？", True,
     ["2023年比2022年增加78件，增长10.6%（2022年734件，2023年812件）。"]),
    ("明湖区2023年比2022年多引进了几家律师事务所？", True, ["2023年比2022年多3家，增长60%（2022年5家，2023年8家）。"]),
    # a year with no report: said so, with the other year's figure
    ("明湖区2024年法律援助案件比2022年增加了多少件？", False,
     ["无法比较：知识库中没有明湖区2024年的报告。", "2022年为734件。"]),
    # two places in different years: the missing one named with its year
    ("明湖区2023年引进的律师事务所比余杭区2022年多了几家？", False,
     ["无法比较：知识库中没有余杭区2022年的报告。", "明湖区2023年为8家。"]),
    ("明湖区2022年的法律援助案件比余杭区2021年多多少件？", False,
     ["余杭区2021年的报告中没有找到这一数据，无法比较；明湖区2022年为734件。"]),
]


@pytest.mark.parametrize(("question", "found", "lines"), END_TO_END, ids=[c[0] for c in END_TO_END])
def test_comparisons_end_to_end(sample_service, question, found, lines):
    answer = sample_service.ask(question)
    assert answer.found is found
    got = answer.text.split("\n")
    for line in lines:
        assert any(g.startswith(line) for g in got), (line, answer.text)
