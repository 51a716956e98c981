"""Rule-based follow-up rewriting: what an elliptical question becomes given the history."""

import pytest

from bot.followup import rewrite

REGIONS = ["鹭洲市明湖区", "明湖区", "青川县"]


@pytest.mark.parametrize("question, history, expected", [
    # a change asked about the topic of the previous question, to a new year or the year before
    ("到2023年增加了多少个？", [["明湖区“湖心茶话”品牌调解室2022年有多少个？", "8个"]],
     "明湖区“湖心茶话”品牌调解室2023年比2022年有多少个？"),
    ("比上一年多了多少？", [["明湖区2023年引进了多少家律师事务所？", "8家"]],
     "明湖区2023年比2022年引进了多少家律师事务所？"),
    # years relative to the one the conversation is about
    ("明年打算引进几家？", [["青川县2024年新引进了几家律师事务所？", "2家"]],
     "青川县2025年打算引进几家？"),
    # only a new verb: the same question about another step
    ("受理了多少？", [["明湖区2023年收到多少件行政复议申请？", "688件"]],
     "明湖区2023年受理多少件行政复议申请？"),
    # a new year, the base re-asked and one more ask
    ("那2023年审结了多少？纠错率呢？",
     [["明湖区2022年收到多少行政复议申请？", "600件"], ["审结了多少？", "审结580件，纠错率9.6%。"]],
     "明湖区2023年审结多少行政复议申请，纠错率是多少？"),
    # a level in another year is not a change; a bare pronoun is the name just answered
    ("到2023年增加到多少个了？", [["明湖区“湖心茶话”品牌调解室2022年有多少个？", "8个"]],
     "明湖区“湖心茶话”品牌调解室2023年有多少个？"),
    ("这个到2023年增加到多少个了？", [["明湖区有什么品牌调解室？", "明湖区培育了“湖心茶话”品牌调解室，2022年共8个。"]],
     "明湖区“湖心茶话”品牌调解室到2023年增加到多少个了？"),
    # unchanged behaviour
    ("那2023年呢？", [["明湖区2022年引进了多少家律师事务所？", "5家"]], "明湖区2023年引进了多少家律师事务所？"),
    ("2023年增加了多少家企业？", [["明湖区2022年引进了多少家律师事务所？", "5家"]],
     "明湖区2023年增加了多少家企业？"),
])
def test_rewrite(question, history, expected):
    assert rewrite(question, history, REGIONS) == expected


def test_rewriting_is_linear_in_the_conversation(monkeypatch):
    """Each earlier turn is rewritten once: N turns cost N + 1 rewrites, not 2^N."""
    import bot.followup as followup

    calls = 0
    inner = followup._rewrite

    def counting(*args, **kw):
        nonlocal calls
        calls += 1
        return inner(*args, **kw)

    monkeypatch.setattr(followup, "_rewrite", counting)
    history = [["明湖区2022年走访了多少家企业？", "1120家"], ["那2023年呢？", "1563家"]] * 30
    rewrite("那2022年呢？", history, REGIONS)
    assert calls == len(history) + 1


def test_years_relative_to_today_replace_the_year_in_a_follow_up():
    import datetime as dt

    history = [["明湖区2022年走访了多少家企业？", "1120家"]]
    assert rewrite("那前年呢？", history, REGIONS, dt.date(2026, 11, 26)) == "明湖区2024年走访了多少家企业？"
    assert rewrite("那去年呢？", history, REGIONS, dt.date(2024, 3, 1)) == "明湖区2023年走访了多少家企业？"
