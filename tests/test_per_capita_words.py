"""What says a figure is per head of population ("每万人拥有律师", "每千人拥有人民调解员", "per 10,000
residents"): such a question is answered only by such a figure, never by the count of all (2086名)."""

import pytest

from bot.extractive import PER_CAPITA


@pytest.mark.parametrize("text", [
    "每万人拥有律师由3.1名增加至3.6名",
    "每千人拥有人民调解员1.33名",
    "每1000人拥有人民调解员多少名",
    "万人行政复议申请数",
    "how many practising lawyers per 10,000 residents did huanyang city have",
    "how many mediators per thousand people",
])
def test_per_head_of_population(text):
    assert PER_CAPITA.search(text)


@pytest.mark.parametrize("text", [
    "全市共有执业律师2086名", "覆盖群众4.1万人次", "近千人参加培训", "参训1000人", "3万人参加",
    "how many lawyers did the city have per year",
])
def test_counts_of_people_are_no_rate(text):
    assert not PER_CAPITA.search(text)
