"""A part asked in a follow-up whose name the segmenter would glue to 当中 ("其中国资所呢" → "…律师事务所中，国资所…"),
a body's own field that asks no kind ("信访局自己…当被告的官司": 行政诉讼, not 信访), and files counted in 本 as the
reports count them in 卷."""

from __future__ import annotations

from tests.conftest import first_line, reports_service

REPORT = """瀑江省司法厅2025年法治政府建设年度报告

一、律师工作

截至2025年底，全省律师事务所1126家，其中合伙所、个人所、国资所分别为842家、253家、31家。

二、行政执法监督

全年组织开展行政执法案卷评查，共评查行政执法案卷7342卷，其中评定优秀案卷516卷。

三、依法应诉

全年本厅作为被申请人的行政复议案件3件，均经复议维持；作为被告的行政诉讼案件2件，均一审胜诉。
"""

PETITION = """瀑江省信访局2025年法治建设工作报告

一、依法履职

全年受理信访事项20316件，办结19874件。作为被告的行政诉讼案件1件，一审胜诉。
"""


def _service(tmp_path):
    return reports_service(tmp_path, {"瀑江省司法厅_2025.txt": REPORT, "瀑江省信访局_2025.txt": PETITION})


def test_a_part_follow_up_not_glued_to_within(tmp_path):
    service = _service(tmp_path)
    history = [["瀑江省2025年底有多少家律师事务所？", "1126家。"]]
    assert first_line(service.ask("其中国资所呢？", history)).startswith("31家")
    assert first_line(service.ask("瀑江省信访局自己2025年被人告上法院当被告的官司有几起？")).startswith("1件")
    assert first_line(service.ask("瀑江省2025年评查了多少本行政执法案卷？")).startswith("7342卷")
