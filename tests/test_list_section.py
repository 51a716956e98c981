"""A list asked of a section ("有哪些工作打算") is read from the section's start, whichever of
its items the search found: 一是…六是 run over several chunks."""

import pytest

from tests.conftest import build_store

ITEMS = ["深入学习贯彻习近平法治思想，谋划制定全市法治政府建设实施方案，明确今后五年的目标任务和责任分工",
         "健全行政执法协调监督工作体系，力争全市行政执法案卷优秀率达到75%以上，持续开展执法质量评查",
         "推进行政复议规范化建设，力争案件平均审理期限缩短至35天以内，提升办案质量和公信力",
         "启动“九五”普法规划，组织实施法治讲堂进企业、进社区、进乡村，扩大普法覆盖面和影响力",
         "深化公共法律服务体系建设，力争2026年底全市执业律师达到2650名，优化法律服务资源布局",
         "持续加强司法行政队伍建设，开展基层司法所业务骨干轮训，推动司法所法学专业人员占比提高到50%以上"]
REPORT = ("云岫市司法局2025年法治政府建设年度报告\n\n一、2025年主要工作\n全年审查规范性文件43件。\n\n"
          "二、2026年工作打算\n2026年，我局将重点做好以下工作："
          + "".join(f"{n}是{item}；" for n, item in zip("一二三四五六", ITEMS, strict=True)) + "\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    folder = tmp_path_factory.mktemp("list")
    report = folder / "云岫市司法局_2025.txt"
    report.write_text(REPORT, encoding="utf-8")
    return build_store(folder / "store", [report], embedding_model="hash")[1]


def test_every_item_of_a_list_over_several_chunks_leads(service):
    chunks = [c for c in service.store.chunks() if "是" in c.text and "工作打算" in " ".join(c.section)]
    assert len(chunks) >= 2  # the list really runs over more than one chunk
    first = service.ask("云岫市司法局2026年有哪些工作打算？").text.split("\n", 1)[0]
    for item in ITEMS:
        assert item[:12] in first, first
