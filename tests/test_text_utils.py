"""Chinese text utilities: numerals, sentences, headings."""

import pytest

from ingest.headings import match_heading
from zh.numerals import cn_numeral_to_str, extract_numbers, normalize_numerals
from zh.sentences import split_sentences


@pytest.mark.parametrize("text, expected", [
    ("引进律师事务所九家", "引进律师事务所9家"),
    ("二〇二一年", "2021年"),
    ("百分之六十五点五", "65.5%"),
    ("百分之九十", "90%"),
    ("三千五百万元", "3500万元"),
    ("新建工作站十二个", "新建工作站12个"),
    ("九十余家", "90余家"),
    ("一万二千人", "12000人"),
    ("１５６３家，增长１２.５％", "1563家，增长12.5%"),
    ("1,563家", "1563家"),
    ("两年", "2年"),
    # words that merely contain numeral characters stay as they are
    ("统一部署", "统一部署"),
    ("一站式服务", "一站式服务"),
    ("千家万户", "千家万户"),
    ("一是加强", "一是加强"),
])
def test_normalize_numerals(text, expected):
    assert normalize_numerals(text) == expected


def test_cn_numeral_to_str():
    assert cn_numeral_to_str("六十五点五") == "65.5"
    assert cn_numeral_to_str("二〇二三") == "2023"
    assert cn_numeral_to_str("十") == "10"
    assert cn_numeral_to_str("一亿二千万") == "120000000"
    assert cn_numeral_to_str("律师") is None


def test_extract_numbers_is_canonical():
    assert extract_numbers("共九家，增长12.50%，二〇二一年") == ["9", "12.5", "2021"]


def test_split_sentences_keeps_closing_quotes_and_round_trips():
    para = "推行“三书同达”。全年送达1156份；其中“合规建议书”占一半！是否完成？是。”结尾"
    parts = split_sentences(para)
    assert "".join(parts) == para
    assert parts[0] == "推行“三书同达”。"
    assert parts[1] == "全年送达1156份；"


@pytest.mark.parametrize("text, rank, title, has_body", [
    ("一、主要举措和成效", 3, "一、主要举措和成效", False),
    ("（一）坚持依法科学民主决策，提升决策能力", 4, "（一）坚持依法科学民主决策，提升决策能力", False),
    ("3.开展系列为企为民专项法律服务行动。组织“法雨春风”法律服务月", 5,
     "3.开展系列为企为民专项法律服务行动", True),
    ("1、推进工作。", 5, "1、推进工作", False),
    ("（1）加强队伍建设", 6, "（1）加强队伍建设", False),
    ("第一章 总则", 1, "第一章 总则", False),
    ("第三条 为了规范行政行为，制定本办法。", 7, "第三条", True),
])
def test_match_heading(text, rank, title, has_body):
    h = match_heading(text)
    assert h is not None
    assert (h.rank, h.title, h.has_body) == (rank, title, has_body)


@pytest.mark.parametrize("text", ["1.5万元用于法律援助", "2021年，余杭区法治政府建设", "一是加强学习",
                                  "二、", "本年度共办理案件。"])
def test_not_headings(text):
    assert match_heading(text) is None


def test_stores_share_one_tokenizer(tmp_path):
    from tests.conftest import make_settings
    from vectorstore.factory import open_store

    a = open_store(make_settings(tmp_path / "a", embedding_model="hash"))
    b = open_store(make_settings(tmp_path / "b", embedding_model="hash"))
    assert a.tokenize is b.tokenize
    assert a.tokenize("引进律师事务所九家") == b.tokenize("引进律师事务所9家")
