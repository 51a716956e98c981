"""Which facts may answer a rate question: the asked rate, never another rate of the passage."""

import pytest

from bot.extractive import _same_rate
from facts import chunk_facts, sentence_facts


def _fact(text: str, display: str):
    return next(f for f in chunk_facts(text) if f.display == display)


@pytest.mark.parametrize("source, display, rates, ok", [
    ("审查发现问题并督促纠正3件，报备率、及时率、规范率均为100%。", "100%", ["纠错率"], False),
    ("行政复议纠错率（%）｜2024年：8.9｜2025年：7.6", "8.9%", ["纠错率"], True),
    ("全年调处矛盾纠纷3184件，调解成功3121件，调解成功率98.0%。", "98.0%", ["成功率"], True),
    ("全年调处矛盾纠纷3184件，调解成功率98.0%。", "98.0%", ["调解成功率"], True),
    ("信访事项按期办结率100%。", "100%", ["办结率"], True),
    ("信访事项按期办结率100%。", "100%", ["败诉率"], False),
])
def test_a_rate_question_binds_only_its_rate(source, display, rates, ok):
    assert _same_rate(_fact(source, display), rates) is ok


def test_a_figure_without_a_rate_word_is_not_ruled_out():
    share = next(f for f in sentence_facts("全市受理群众信访事项11870件，其中网上信访7642件，占64.4%。")
                 if f.display == "64.4%")
    assert "率" not in share.indicator
    assert _same_rate(share, ["纠错率"])  # no rate named: the indicator match decides, not this rule
