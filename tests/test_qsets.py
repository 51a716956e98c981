"""Every question set under tests/fixtures/qsets passes the one validator."""

import pytest

from bot.evalsets import all_sets, validate


@pytest.mark.parametrize("qset", all_sets(), ids=lambda s: s.name)
def test_question_set_is_valid(qset):
    assert qset.reports, qset.name
    assert validate(qset) == []


def test_there_is_a_frozen_test_split_apart_from_training():
    splits = {s.split for s in all_sets()}
    assert {"train", "dev"} <= splits
