"""Property-based fuzzing (hypothesis, bounded): loaders take any bytes, the chunker any
Chinese-ish text with heading patterns, numeral normalisation any string.

Each test runs at most ~100 examples with no deadline; together well under 30 s.
"""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ingest.blocks import Block
from ingest.errors import IngestError
from ingest.loaders.html_loader import parse_html_bytes
from ingest.loaders.text import parse_text_bytes
from ingest.pipeline import prepare
from ingest.structure import find_title, paragraphs
from zh.numerals import normalize_numerals
from zh.sentences import split_sentences

FUZZ = settings(max_examples=100, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])

# ---- building blocks of Chinese report text --------------------------------------------

HEADINGS = ["一、", "二、", "十二、", "（一）", "(三)", "（十）", "1.", "2．", "3、", "12.", "（1）",
            "(2)", "第一章", "第二节", "第三编", "第五条", "第十二条", "第1章"]
WORDS = ["法治", "政府", "建设", "行政复议", "律师事务所", "年度报告", "鹭洲市明湖区", "2022年",
         "二〇二一年", "九家", "百分之六十五点五", "734件", "96.2%", "“三书同达”", "全年", "受理",
         "依法", "审结", "x", "ABC", "  ", "\t", "…", "——", "《条例》"]
PUNCT = ["。", "；", "，", "、", "：", "！", "？", "”", "）", "!", "?", ";", ",", ":"]

chinese_char = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
piece = st.one_of(st.sampled_from(WORDS), st.sampled_from(PUNCT),
                  st.text(chinese_char, min_size=1, max_size=12),
                  st.text(st.characters(blacklist_categories=["Cs"],
                                        blacklist_characters="\n\r\x0b\x0c\x1c\x1d\x1e"
                                                             "\x85\u2028\u2029"),
                          min_size=1, max_size=5))


@st.composite
def paragraph_text(draw) -> str:
    """One paragraph: maybe a heading number, then words, punctuation, noise."""
    head = draw(st.one_of(st.just(""), st.sampled_from(HEADINGS)))
    body = "".join(draw(st.lists(piece, max_size=40)))
    long_run = draw(st.one_of(st.just(""), st.text(chinese_char, min_size=300, max_size=900)))
    return " ".join((head + body + long_run).split())  # loaders normalise whitespace


blocks_strategy = st.lists(
    st.builds(Block, paragraph_text(), st.one_of(st.none(), st.integers(1, 50)),
              st.one_of(st.none(), st.integers(1, 6))),
    min_size=1, max_size=25,
).map(lambda blocks: [b for b in blocks if b.text])


# ---- loaders ---------------------------------------------------------------------------

def _well_formed(blocks: list[Block]) -> None:
    for b in blocks:
        assert isinstance(b, Block) and b.text and b.text == b.text.strip()
        assert "\n" not in b.text


@FUZZ
@given(st.binary(max_size=2000), st.booleans())
@example(b"\xef\xbb\xbf# \xe6\xa0\x87\xe9\xa2\x98\n| a | b |\n|---|---|\n| 1 | 2 |", True)
@example(b"\xff\xfe\x00\x00", False)
@example(b"\xfe\xff\xd8\x00", False)
def test_text_and_markdown_loader_take_any_bytes(data, markdown):
    try:
        blocks = parse_text_bytes(data, "fuzz.md" if markdown else "fuzz.txt", markdown=markdown)
    except IngestError as e:
        assert "fuzz." in str(e)  # the message names the file
        return
    _well_formed(blocks)


html_fragment = st.one_of(
    st.sampled_from(["<p>", "</p>", "<h1>", "</h1>", "<h3>", "<table><tr><td>", "</td></tr>",
                     "</table>", "<script>", "</script>", "<style>", "<br>", "<div>", "</div>",
                     "<meta charset='gbk'>", "<meta charset=\"x-unknown\">", "&nbsp;", "&#0;",
                     "&#x110000;", "<!--", "-->", "<![CDATA[", "<title>", "</title>", "<li>",
                     "<a href='javascript:x'>", "<ul>", "<td colspan=999999>"]),
    st.sampled_from(WORDS), st.text(max_size=10))


@FUZZ
@given(st.one_of(st.binary(max_size=2000),
                 st.lists(html_fragment, max_size=60).map(lambda p: "".join(p).encode())))
@example(b"<html><body><script>alert(1)</script></body></html>")
@example("<html><head><meta charset='gb2312'></head><body><p>全年</p></body></html>".encode())
def test_html_loader_takes_any_bytes(data):
    try:
        blocks = parse_html_bytes(data, "fuzz.html")
    except IngestError as e:
        assert "fuzz.html" in str(e)
        return
    _well_formed(blocks)


# ---- structure and chunker -------------------------------------------------------------

@FUZZ
@given(blocks_strategy, st.integers(20, 400), st.integers(0, 2))
def test_chunker_invariants(blocks, size, overlap):
    prepared = prepare(blocks, "兜底标题", size=size, overlap=overlap)
    info = prepared.info
    assert info.title and (info.year is None or isinstance(info.year, int))
    _, skip = find_title(blocks)
    body = list(paragraphs(blocks, skip=skip))
    for chunk in prepared.chunks:
        assert chunk.text.strip(), "empty chunk"
        assert len(chunk.text) <= size + chunk.text.count("\n"), (len(chunk.text), size)
        assert isinstance(chunk.section, tuple)
        assert all(isinstance(s, str) and s for s in chunk.section)
        # Every line of a chunk is a piece of one body paragraph of the same section.
        for line in chunk.text.split("\n"):
            assert any(line in p.text for p in body if p.section == chunk.section), line
    # Nothing is lost: every sentence that fits is inside a chunk of its section.
    for p in body:
        for sentence in split_sentences(p.text):
            if len(sentence) <= size:
                assert any(sentence in c.text for c in prepared.chunks
                           if c.section == p.section), sentence


# ---- numeral normalisation -------------------------------------------------------------

numeral_text = st.one_of(
    # dense: short strings of numeral characters, separators and units only
    st.lists(st.sampled_from([*"0123456789,，.点一二三十百千万亿零〇两家件%％０１", "百分之"]),
             max_size=12).map("".join),
    st.text(st.one_of(st.sampled_from(list("零〇○一二三四五六七八九十百千万亿两点百分之,，.％%"
                                           "０１２３4567890家件年月名个元次人项")),
                      chinese_char, st.characters(blacklist_categories=["Cs"])),
            max_size=40))


@FUZZ
@given(numeral_text)
@example("百分之六十五点五")
@example("二〇二一年引进律师事务所九家")
def test_normalize_numerals_never_raises(text):
    assert isinstance(normalize_numerals(text), str)


@FUZZ
@given(numeral_text)
@example("5,二百家")
@example("百分之六十五点五")
@example("二〇二一年引进律师事务所九家")
def test_normalize_numerals_is_idempotent(text):
    once = normalize_numerals(text)
    assert normalize_numerals(once) == once, (text, once, normalize_numerals(once))
