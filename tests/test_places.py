"""zh.places: the gazetteer of Chinese administrative divisions, and issuers read from documents."""

from __future__ import annotations

import time

import pytest

from ingest.blocks import Block
from ingest.structure import doc_info, find_issuer
from zh.places import aliases, canonical, find_places, is_admin_word, is_place, unit_rank


def test_one_canonical_name_per_place_with_its_aliases() -> None:
    for name in ("静海区", "天津市静海区", "天津静海区"):
        assert canonical(name) == "天津市静海区"
    assert {"静海区", "天津静海区"} <= set(aliases("静海区"))
    assert aliases("天津市静海区")[0] == "天津市静海区"
    assert canonical("余杭区") == "杭州市余杭区" and canonical("临平区") == "杭州市临平区"
    assert canonical("浙江") == "浙江省" and canonical("新疆") == "新疆维吾尔自治区"
    assert canonical("延边州") == "延边朝鲜族自治州"
    assert canonical("梅列区") == "三明市三元区"  # merged in 2021: the former name still reaches it
    assert canonical("司法部") is None and canonical("鹭洲市") is None


def test_shared_county_names_resolve_from_context() -> None:
    assert canonical("西湖区") == "西湖区"  # 杭州 and 南昌 both have one
    assert canonical("西湖区", ["在杭州市委的领导下"]) == "杭州市西湖区"
    assert canonical("朝阳区", ["长春市"]) == "长春市朝阳区"


def test_admin_words_are_not_places() -> None:
    for word in ("全区", "各街道", "多少个县", "本市", "区县", "我区", "乡镇", "县级", "几个区"):
        assert is_admin_word(word), word
        assert not is_place(word), word
    for name in ("静海区", "和平区", "中山市", "浙江省"):
        assert not is_admin_word(name) and is_place(name), name


def test_find_places_longest_first_and_linear() -> None:
    text = "天津市静海区人民政府：全区各街道，杭州市西湖区和南昌西湖区，华东区域，确保定期完成。"
    found = [(m.text, m.place.name if m.place else None) for m in find_places(text)]
    assert found == [("天津市静海区", "天津市静海区"), ("杭州市西湖区", "杭州市西湖区"),
                     ("南昌西湖区", "南昌市西湖区")]
    assert [m.text for m in find_places("杭州去年比宁波多多少", bare=True)] == ["杭州", "宁波"]
    t0 = time.perf_counter()
    assert len(find_places("法治政府建设静海区" * 20_000)) == 20_000
    assert time.perf_counter() - t0 < 10  # 180k characters, one pass


def test_issuer_and_region_from_title_opening_and_signature() -> None:
    cases = [
        (("杭州市余杭区2021年法治政府建设年度报告", "2021年，余杭区坚持……", ""),
         ("杭州市余杭区人民政府", "杭州市余杭区")),
        (("2020年静海区法治政府建设情况报告", "", ""), ("天津市静海区人民政府", "天津市静海区")),
        (("2022年依法行政和法治政府建设工作报告", "2022年，天津市静海区人民政府深入学习……",
          "静海区人民政府"), ("天津市静海区人民政府", "天津市静海区")),
        (("司法部2023年法治政府建设年度报告", "2023年，司法部坚持……", ""), ("司法部", "司法部")),
        (("省司法厅2023年法治政府建设年度报告", "2023年，浙江省司法厅坚持……", ""),
         ("浙江省司法厅", "浙江省")),
        (("关于2023年依法行政和法治政府建设工作的报告", "", "天津市生态环境局"),
         ("天津市生态环境局", "天津市")),
        (("关于2022年度法治政府建设情况的报告", "", "南陵市枫桥区人民政府"),
         ("南陵市枫桥区人民政府", "南陵市枫桥区")),
        (("2023年法治政府建设年度报告",
          "2023年，在县委的坚强领导和县人大、县政协的监督支持下，云溪县人民政府坚持……", ""),
         ("云溪县人民政府", "云溪县")),
        (("西湖区2023年法治政府建设年度报告", "2023年，在杭州市委、市政府的领导下，西湖区……", ""),
         ("杭州市西湖区人民政府", "杭州市西湖区")),
        (("中共海淀区委 海淀区人民政府关于2023年法治政府建设情况的报告", "", ""),
         ("北京市海淀区人民政府", "北京市海淀区")),
        (("国家市场监督管理总局2023年法治政府建设年度报告", "", ""),
         ("国家市场监督管理总局", "国家市场监督管理总局")),
        (("杭州市余杭区仓前街道办事处2023年法治政府建设工作报告", "", ""),
         ("杭州市余杭区仓前街道办事处", "杭州市余杭区仓前街道")),
        (("2023年法治政府建设工作报告", "2023年，在市委市政府的坚强领导下，青禾市坚持……", ""),
         ("青禾市人民政府", "青禾市")),
        (("2023年法治政府建设工作报告", "2023年，全区坚持以习近平……", ""), (None, None)),
        (("2023年法治政府建设工作报告", "2023年，围绕全区发展新格局，全区……", ""), (None, None)),
        (("2023年法治政府建设工作报告", "2023年，余杭区建成全区统一的综合行政执法局", ""),
         ("杭州市余杭区人民政府", "杭州市余杭区")),
        # a department joining two fields with 和: its 乡 is no unit, the body keeps its 和
        (("蓼川市住房和城乡建设局2024年法治政府建设年度报告", "", ""),
         ("蓼川市住房和城乡建设局", "蓼川市")),
        (("苕岭市自然资源和规划局2025年法治政府建设年度报告", "", ""),
         ("苕岭市自然资源和规划局", "苕岭市")),
        (("2024年法治政府建设年度报告", "2024年，青禾市人力资源和社会保障局坚持……", ""),
         ("青禾市人力资源和社会保障局", "青禾市")),
        # … while 和 stays a place's own character at its start or second place
        (("天津市和平区2023年法治政府建设年度报告", "", ""), ("天津市和平区人民政府", "天津市和平区")),
        # a place ending in 州 then 市 is one name, not 州 with a stray 市
        (("蘅州市2024年法治政府建设年度报告", "", "蘅州市人民政府"), ("蘅州市人民政府", "蘅州市")),
        (("蕉州市卫生健康委员会2022年法治政府建设工作报告", "", ""), ("蕉州市卫生健康委员会", "蕉州市")),
        (("甘孜州泸定县2023年法治政府建设年度报告", "", ""), ("甘孜州泸定县人民政府", "甘孜州泸定县")),
        # a branch of a vertically run system: the place is the branch's, not the system's
        (("国家税务总局萁州市税务局2024年法治政府建设年度报告",
          "2024年，在国家税务总局菡南省税务局和萁州市委的坚强领导下，萁州市税务局坚持……", ""),
         ("萁州市税务局", "萁州市")),
        (("2024年法治政府建设年度报告", "2024年，国家税务总局萁州市税务局坚持……", ""), ("萁州市税务局", "萁州市")),
        # a half-width comma after the year (a GBK-era text) is no character of the place
        (("蒿源县2024年法治政府建设年度报告", "2024年,蒿源县人民政府在蒿州市委、市政府和县委的坚强领导下,坚持……", ""),
         ("蒿源县人民政府", "蒿源县")),
        # a township's office (司法所, 派出所) issues its own report: not the county bureau its opening names
        (("澇溪镇司法所2024年度工作报告", "2024年，澇溪镇司法所在澇源县司法局和镇党委、政府的正确领导下，……",
          "澇源县澇溪镇司法所"), ("澇源县澇溪镇司法所", "澇源县澇溪镇")),
    ]
    for args, expected in cases:
        assert find_issuer(*args) == expected, args


def test_doc_info_reads_the_signature_block() -> None:
    blocks = [Block(t) for t in ["关于2023年度法治政府建设情况的报告", "区人大常委会：",
                                 "2023年，全区深入推进依法行政。", "一、主要工作",
                                 "全年办理行政复议案件120件。", "静海区人民政府", "2024年3月28日",
                                 "（此件公开发布）"]]
    info = doc_info(blocks, "x")
    assert (info.issuer, info.region, info.year) == ("天津市静海区人民政府", "天津市静海区", 2023)


@pytest.mark.parametrize(("name", "rank"), [
    ("霁川省", 1), ("广西壮族自治区", 1), ("澧州市", 2), ("延边朝鲜族自治州", 2), ("杉浦市松湄区", 3),
    ("檀溪县", 3), ("柳塘街道", 4), ("梅岗镇", 4), ("霁川省生态环境厅", 0),
])
def test_unit_rank_by_the_last_unit_word(name, rank):
    assert unit_rank(name) == rank


def test_an_autonomous_place_is_said_without_its_peoples() -> None:
    from bot.query import region_aliases

    assert {"黔东南州", "黔东南"} <= set(region_aliases("黔东南苗族侗族自治州"))
    assert {"恩施州", "恩施"} <= set(region_aliases("恩施土家族苗族自治州"))
    assert {"岚峒县", "岚峒"} <= set(region_aliases("岚峒瑶族自治县"))
    assert region_aliases("杭州市余杭区") == ("杭州市余杭区", "余杭区", "余杭")
