"""A question built on a figure ("成功率为什么跌到了90%以下？") looks the figure up with a
question of its own: a frame of the claim's subject, asked in the claim's unit, with the places
and years the subject does not name taken from the question; its text rendered from its slots."""

import datetime as dt

import pytest

from bot.frame import parse
from bot.premise import find_claim, subject_frame
from bot.query import analyze, region_aliases
from vectorstore.records import DocumentRecord

TODAY = dt.date(2026, 11, 26)
REGIONS = ["石湾市", "澄阳市", "青川县"]
DOCS = [DocumentRecord(doc_id=f"{r}{y}", source=f"{r}{y}.txt", title=f"{r}{y}年报告", region=r, year=y,
                       sha256="0", chunks=1, ingested_at="") for r in REGIONS for y in (2022, 2023, 2024, 2025)]
KNOWN = [a for r in REGIONS for a in region_aliases(r)]

# question → (the subject's question, its kind, units, years, regions)
CASES = [
    ("石湾市2022年人民调解成功率为什么跌到了90%以下？",
     ("石湾市2022年人民调解成功率是多少？", "rate", ("%",), (2022,), ("石湾市",))),
    ("澄阳市2025年行政机关负责人出庭应诉率已经做到100%了，主要靠什么办法？",
     ("澄阳市2025年行政机关负责人出庭应诉率是多少？", "rate", ("%",), (2025,), ("澄阳市",))),
    # a count: asked in the claim's measure word; 去年 written as the year
    ("青川县去年办理的公证为什么突破了5000件？",
     ("青川县2025年办理的公证有多少件？", "number", ("件", "宗", "起", "例"), (2025,), ("青川县",))),
    ("澄阳市法律援助案件去年为什么降到3000件以下？",
     ("澄阳市2025年法律援助案件有多少件？", "number", ("件", "宗", "起", "例"), (2025,), ("澄阳市",))),
    # a percentage of something that is no rate by its name: asked as a percentage
    ("石湾市2022年村居法律顾问已经实现100%覆盖了吗，具体怎么做的？",
     ("石湾市2022年村居法律顾问是百分之多少？", "rate", ("%",), (2022,), ("石湾市",))),
    # the place and year named after the premise: taken from the question
    ("人民调解成功率为什么跌到了90%以下，石湾市2022年的情况？",
     ("石湾市2022年人民调解成功率是多少？", "rate", ("%",), (2022,), ("石湾市",))),
]


@pytest.mark.parametrize(("question", "expected"), CASES, ids=[c[0] for c in CASES])
def test_the_premise_is_looked_up_with_a_frame_of_its_subject(question, expected):
    frame = parse(question, KNOWN, TODAY)
    claim = find_claim(question)
    assert claim is not None
    side = subject_frame(frame, claim, KNOWN, TODAY)
    assert (side.text, side.kind, side.units, side.years, side.regions) == expected
    assert not side.comparison and not side.premise
    # text and slots agree: the text parsed like any question asks the same
    sub, again = analyze(side.text, DOCS, TODAY, frame=side), analyze(side.text, DOCS, TODAY)
    assert (again.kind, again.units, again.years, again.regions) == (sub.kind, sub.units, sub.years, sub.regions)
    assert sub.kind == "numeric" and sub.asks == 1


@pytest.mark.parametrize("question, claim, relation, subject", [
    # a target held or kept within, said not met: the real figure is on the other side of it
    ("濛江市2025年行政机关负责人出庭应诉率没能保持在99%以上，实际是多少？", "没能保持在99%以上", "<",
     "濛江市2025年行政机关负责人出庭应诉率"),
    ("青川县2025年败诉率没能控制在5%以内，实际是多少？", "没能控制在5%以内", ">", "青川县2025年败诉率"),
    # a target said missed with the thing and its figure between ("没完成…90%的目标")
    ("青川县2025年没完成医疗纠纷调解成功率90%的目标，实际只有多少？", "没完成医疗纠纷调解成功率90%", "<",
     "青川县2025年医疗纠纷调解成功率"),
    # the target's thing is what 把 takes; the negation stands before it
    ("澄阳市2025年没完成把全市一审行政诉讼败诉率控制在5%以内的目标，实际败诉率是多少？",
     "没完成把全市一审行政诉讼败诉率控制在5%以内", ">", "澄阳市2025年全市一审行政诉讼败诉率"),
    ("澄阳市2025年把败诉率控制在5%以内了，实际是多少？", "控制在5%以内", "<=", "澄阳市2025年败诉率"),
])
def test_a_target_not_met_is_a_claim_about_the_real_figure(question, claim, relation, subject):
    found = find_claim(question)
    assert found is not None and (found.text, found.relation, found.subject) == (claim, relation, subject)
