"""English questions on a tax bureau's and a petition bureau's reports: taxpayers are counted in 户 as in the
reports ("惠及纳税人2.31万户"), "tax and fee cuts" are 减税降费, "letters from the public" are 群众来信, and a light
verb ("make", "hold") is no word to find."""

from __future__ import annotations

import pytest

from tests.conftest import first_line, reports_service

TAX = """瀑阳县税务局2025年法治税务建设情况报告

一、落实税费优惠政策

全年新增减税降费及退税缓费3.64亿元，惠及纳税人1.87万户，其中个体工商户1.12万户。

二、严格规范税收执法

全年作出税务行政处罚286件，罚款193.4万元。
"""

PETITION = """瀑阳县信访局2025年法治建设工作报告

一、畅通信访渠道

全年全县信访系统收到群众来信1846件，接待群众来访1206批次3512人次。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return reports_service(tmp_path_factory.mktemp("english_fields"), {
        "瀑阳县税务局_2025.txt": TAX, "瀑阳县信访局_2025.txt": PETITION})


@pytest.mark.parametrize(("question", "figure"), [
    ("How many taxpayers benefited from new tax and fee cuts in Puyang County in 2025?", "1.87万户"),
    ("How many tax administrative penalty decisions did the Puyang County Tax Bureau make in 2025?", "286件"),
    ("How many letters from the public did the Puyang County Petition Bureau receive in 2025?", "1846件"),
])
def test_english_in_the_fields_words(service, question, figure):
    assert first_line(service.ask(question)).startswith(figure)


def test_taxpayers_asked_in_chinese_are_counted_in_hu(service):
    assert first_line(service.ask("瀑阳县2025年减税降费惠及了多少纳税人？")).startswith("1.87万户")
