"""Title/region/year, section paths and sentence-aware chunking."""

from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.blocks import Block
from ingest.chunker import chunk_paragraphs
from ingest.pipeline import prepare
from ingest.structure import Paragraph, doc_info, paragraphs, parse_region_year
from tests.conftest import SAMPLES, SEED_REPORT


def _blocks(path):
    return [Block(line.strip()) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def test_region_and_year_from_titles():
    assert parse_region_year("杭州市余杭区2021年法治政府建设年度报告") == ("杭州市余杭区", 2021)
    assert parse_region_year("2020年静海区法治政府建设情况报告") == ("静海区", 2020)
    assert parse_region_year("XX市生态环境局2023年度法治政府建设工作报告") == ("XX市生态环境局", 2023)
    assert parse_region_year("关于二〇二二年度法治政府建设情况的报告") == (None, 2022)
    assert parse_region_year("白沙市人民政府关于2021年度法治政府建设情况的报告") == ("白沙市", 2021)


def test_seed_report_title_spans_two_lines():
    info = doc_info(_blocks(SEED_REPORT), "fallback")
    assert info.title == "杭州市余杭区2021年法治政府建设年度报告"
    assert (info.region, info.year) == ("杭州市余杭区", 2021)


def test_seed_chunk_has_full_section_path():
    prepared = prepare(_blocks(SEED_REPORT), "x")
    [chunk] = [c for c in prepared.chunks if "引进律师事务所9家" in c.text]
    assert chunk.section == ("一、主要举措和成效", "（四）积极保障经济社会发展，优化法治化营商环境",
                             "3.开展系列为企为民专项法律服务行动")
    # the numbered item's own text stays in the chunk
    assert chunk.text.startswith("3.开展系列为企为民专项法律服务行动。组织")


def test_headings_nest_and_pop():
    blocks = [Block(t) for t in ["一、甲", "（一）乙", "1.丙。正文一。", "（二）丁", "正文二。", "二、戊",
                                  "正文三。"]]
    paths = [(p.text, p.section) for p in paragraphs(blocks)]
    assert paths == [("1.丙。正文一。", ("一、甲", "（一）乙", "1.丙")),
                     ("正文二。", ("一、甲", "（二）丁")),
                     ("正文三。", ("二、戊",))]


def test_part_headings_are_top_level():
    blocks = [Block(t) for t in ["第一部分 主要工作及成效", "（一）围绕依法决策", "一是健全机制。全年审查12件。",
                                  "第三部分 存在的不足", "一是法治工作力量仍显薄弱；二是执法规范化水平有待提升。"]]
    paths = [(p.text[:4], p.section) for p in paragraphs(blocks)]
    assert paths == [("一是健全", ("第一部分 主要工作及成效", "（一）围绕依法决策")),
                     ("一是法治", ("第三部分 存在的不足",))]


def test_styled_heading_without_numbering_nests_above_numbered():
    blocks = [Block("工作成效", heading_level=1), Block("一、决策"), Block("正文。")]
    [p] = list(paragraphs(blocks))
    assert p.section == ("工作成效", "一、决策")


def test_chunks_never_cross_sections_and_keep_sentences():
    prepared = prepare(_blocks(SAMPLES / "明湖区_2022.txt"), "x")
    text = (SAMPLES / "明湖区_2022.txt").read_text(encoding="utf-8")
    for c in prepared.chunks:
        assert c.text
        for line in c.text.split("\n"):
            assert line in text  # byte-exact to the source
        assert len(c.text.replace("\n", "")) <= 300


_sentence = st.text(alphabet="法治政府建设引进律师事务所家，、", min_size=1, max_size=120).map(
    lambda s: s + "。")
_para = st.lists(_sentence, min_size=1, max_size=6).map("".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([("一、甲",), ("一、甲", "（一）乙"), ("二、丙",)]), _para),
                min_size=1, max_size=8),
       st.integers(min_value=50, max_value=400), st.integers(min_value=0, max_value=2))
def test_chunker_properties(items, size, overlap):
    paras = [Paragraph(text, section, None) for section, text in items]
    chunks = chunk_paragraphs(paras, size, overlap)
    assert chunks, "no chunks"
    for c in chunks:
        assert c.text.strip(), "empty chunk"
        # a sentence longer than the limit is cut at clauses, so nothing exceeds it
        assert len(c.text.replace("\n", "")) <= size
    # every sentence of every paragraph is in some chunk of its own section, in order
    for section, text in items:
        own = "".join(c.text.replace("\n", "") for c in chunks if c.section == section)
        for s in text.split("。"):
            if s:
                assert s in own


def test_signature_gives_region_and_is_not_body_text():
    blocks = [Block(t) for t in ["关于2022年度法治政府建设情况的报告", "一、主要成效", "全年引进律师事务所5家。",
                                  "云溪县人民政府", "2023年2月20日"]]
    info = doc_info(blocks, "x")
    assert (info.region, info.year) == ("云溪县", 2022)
    prepared = prepare(blocks, "x")
    assert all("人民政府" not in c.text and "2月20日" not in c.text for c in prepared.chunks)


def test_letterhead_and_document_number_are_no_part_of_the_title():
    # an official document as issued: the issuer alone, its number (the year of issue), then the
    # title of the year reported on
    blocks = [Block(t) for t in ["涿溪县漕湾镇人民政府", "漕政〔2026〕3号",
                                  "涿溪县漕湾镇人民政府关于2025年法治政府建设工作情况的报告", "县人民政府：",
                                  "2025年，漕湾镇扎实推进基层法治政府建设。", "一、主要成效",
                                  "全年调处矛盾纠纷一百零六件。"]]
    info = doc_info(blocks, "x")
    assert info.title == "涿溪县漕湾镇人民政府关于2025年法治政府建设工作情况的报告"
    assert (info.region, info.year) == ("涿溪县漕湾镇", 2025)
    assert all("〔2026〕" not in c.text for c in prepare(blocks, "x").chunks)
    red_head = [Block(t) for t in ["白沙市人民政府文件", "白政发[2026]12号",
                                   "白沙市人民政府关于2025年度法治政府建设情况的报告", "2025年，全市……。"]]
    assert (doc_info(red_head, "x").region, doc_info(red_head, "x").year) == ("白沙市", 2025)
    assert parse_region_year("白政发〔2026〕12号 关于2025年度法治政府建设情况的报告")[1] == 2025


def test_issuer_line_wrapped_into_the_title_stays_in_it():
    blocks = [Block(t) for t in ["白沙市人民政府", "2021年法治政府建设年度报告", "2021年，全市……。"]]
    info = doc_info(blocks, "x")
    assert (info.title, info.region, info.year) == ("白沙市人民政府2021年法治政府建设年度报告", "白沙市", 2021)
