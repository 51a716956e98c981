"""English questions: what they count is the noun before a preposition ("complaints about police law
enforcement"), in the units the reports count it in ("legislative opinions": 条); ordinals, "-related"
and a level said as an adjective ("Municipal") name no report word; everyday nouns of the reports'
work (talks, grid cells, fines and confiscations, disputes mediated) are read in the reports' words."""

import pytest

from tests.conftest import first_line, reports_service

CITY = """# 瀈州市2025年法治政府建设年度报告

## 一、科学立法

基层立法联系点由12个增加至18个，通过联系点征集立法意见八百一十二条。市十七届人大四次会议期间，代表共提出建议412件，其中涉及法治政府建设的86件。

## 二、普法与基层治理

全年开展“瀈法进万家”宣讲活动1100余场，覆盖群众26.8万人次。全市网格由580个调整至640个，配备专兼职网格员960名。

## 三、严格执法

全市各级行政执法机关全年办理行政处罚案件3126件，罚没款2860.4万元。

| 镇（街道） | 网格（个） | 调处矛盾纠纷（件） |
|---|---|---|
| 瀈湾镇 | 80 | 152 |
| 瀈口镇 | 64 | 97 |
"""


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("city"), {"瀈州市_2025.md": CITY})


@pytest.mark.parametrize("question, figure", [
    ("How many legislative opinions did Huizhou's grassroots legislative contact points collect in 2025?", "812条"),
    ("How many suggestions did deputies put forward at the fourth session of the 17th Municipal People's Congress?",
     "412件"),
    ("How many legal awareness talks did Huizhou hold in 2025?", "1100余场"),
    ("How many grid cells did Huizhou have in 2025?", "640个"),
    ("What was the total amount of fines and confiscations in Huizhou in 2025?", "2860.4万元"),
    ("How many disputes were mediated in Huiwan Town in 2025?", "152件"),
])
def test_english_counts_read_in_the_reports_words(city, question, figure):
    line = first_line(city.ask(question)).replace("八百一十二条", "812条")
    assert figure in line, line
